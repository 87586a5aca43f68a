package dev.scvcdk.lambdas.common.snapstart;

/**
 * State that must not be carried from a SnapStart snapshot into the environments restored from it: pooled
 * connections (dead after a restore), cached credentials and secrets, values derived from the clock at init, and
 * random state (every restored copy would otherwise draw the same numbers). Registered with {@link RestoreHooks}.
 */
public interface Restorable {

    /** Drops what must not be in the snapshot: connections, cached credentials and secrets, clock-derived values. */
    default void beforeCheckpoint() {
    }

    /** Runs in each restored copy: re-seeds random state and renews what must differ between copies. */
    default void afterRestore() {
    }
}
