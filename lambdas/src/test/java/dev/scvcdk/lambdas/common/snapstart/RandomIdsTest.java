package dev.scvcdk.lambdas.common.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    /**
     * The state a snapshot freezes: the first generator is seeded identically in every copy; any later one (made by a
     * restore hook) is freshly seeded from the platform.
     */
    static Supplier<SecureRandom> frozenSeedThenFresh() {
        AtomicBoolean first = new AtomicBoolean(true);
        return () -> {
            if (!first.getAndSet(false)) {
                return new SecureRandom();
            }
            try {
                SecureRandom frozen = SecureRandom.getInstance("SHA1PRNG");
                frozen.setSeed(new byte[] {4, 2, 4, 2});
                return frozen;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void idsAreVersion4Uuids() {
        UUID id = RandomIds.create().next();

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void copiesOfOneSnapshotWithoutTheRestoreHookDrawTheSameIds() {
        // GIVEN two copies of one state (what a snapshot restored twice would hold)
        RandomIds a = new RandomIds(frozenSeedThenFresh());
        RandomIds b = new RandomIds(frozenSeedThenFresh());

        // THEN without the restore hook they repeat each other: this is what the hook exists to prevent
        assertThat(a.next()).isEqualTo(b.next());
    }

    @Test
    void copiesOfOneSnapshotDrawDifferentIdsAfterTheRestoreHook() {
        RandomIds a = new RandomIds(frozenSeedThenFresh());
        RandomIds b = new RandomIds(frozenSeedThenFresh());

        a.afterRestore();
        b.afterRestore();

        assertThat(a.next()).isNotEqualTo(b.next());
    }
}
