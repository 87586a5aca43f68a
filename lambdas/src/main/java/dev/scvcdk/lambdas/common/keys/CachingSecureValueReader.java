package dev.scvcdk.lambdas.common.keys;

import dev.scvcdk.lambdas.common.snapstart.Restorable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each value for a time to live, so a warm container reads a secret once per TTL instead of on every
 * invocation, yet picks up a rotated value without a redeploy. Failures are not cached. Emptied before a SnapStart
 * snapshot, so every restored environment reads its secrets afresh.
 */
public final class CachingSecureValueReader implements SecureValueReader, Restorable {
    private final SecureValueReader delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachingSecureValueReader(SecureValueReader delegate, Duration ttl, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String read(String nameOrArn) {
        Instant now = clock.instant();
        Entry entry = entries.get(nameOrArn);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.value();
        }
        // compute() keeps concurrent callers of one cold cache from all reading the store at once.
        return entries.compute(nameOrArn, (name, current) -> {
            Instant at = clock.instant();
            if (current != null && at.isBefore(current.expires())) {
                return current;
            }
            return new Entry(delegate.read(name), at.plus(ttl));
        }).value();
    }

    /** Before a SnapStart snapshot: no secret, and no expiry computed from init's clock, goes into it. */
    @Override
    public void beforeCheckpoint() {
        entries.clear();
    }

    /** Drops a cached value, e.g. after the server rejected a credential built from it. */
    public void invalidate(String nameOrArn) {
        entries.remove(nameOrArn);
    }

    private record Entry(String value, Instant expires) {
    }
}
