package dev.scvcdk.lambdas.common.snapstart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * One container's {@link Restorable}s, run as a CRaC resource: Lambda SnapStart calls {@link #beforeCheckpoint}
 * before it takes the snapshot and {@link #afterRestore} in every environment restored from it. Before the
 * checkpoint they run in reverse order of registration and after the restore in order, as CRaC orders resources;
 * each one runs even when an earlier one failed, and the failures are reported together.
 *
 * <p>CRaC's global context holds resources weakly, so the hooks registered with it are kept here as well.
 */
public final class RestoreHooks implements Resource {

    /** Strong references to what is registered with CRaC (the global context keeps only weak ones). */
    private static final List<RestoreHooks> REGISTERED = new CopyOnWriteArrayList<>();

    private final List<Restorable> restorables = new CopyOnWriteArrayList<>();

    public RestoreHooks register(Restorable... more) {
        for (Restorable restorable : more) {
            restorables.add(Objects.requireNonNull(restorable, "restorable"));
        }
        return this;
    }

    public RestoreHooks registerAll(List<? extends Restorable> more) {
        more.forEach(this::register);
        return this;
    }

    /** Registers these hooks with the JVM's CRaC context, which SnapStart runs around the snapshot. */
    public void registerWithCrac() {
        REGISTERED.add(this);
        Core.getGlobalContext().register(this);
    }

    /**
     * Runs the hooks of every container registered with CRaC as a snapshot and a restore would: before the
     * checkpoint, then after the restore. For measuring a restored environment on a JVM without CRaC, where the
     * registration is otherwise inert (the local benchmark, {@code bench/lambda/Invoke.java}).
     */
    public static void simulateCheckpointAndRestore() {
        for (RestoreHooks hooks : REGISTERED) {
            hooks.beforeCheckpoint(null);
        }
        for (RestoreHooks hooks : REGISTERED) {
            hooks.afterRestore(null);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<Restorable> reversed = new ArrayList<>(restorables);
        Collections.reverse(reversed);
        runAll(reversed, Restorable::beforeCheckpoint, "before the checkpoint");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        runAll(restorables, Restorable::afterRestore, "after the restore");
    }

    private static void runAll(List<Restorable> targets, java.util.function.Consumer<Restorable> hook, String when) {
        IllegalStateException failure = null;
        for (Restorable target : targets) {
            try {
                hook.accept(target);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new IllegalStateException("restore hooks failed " + when);
                }
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
