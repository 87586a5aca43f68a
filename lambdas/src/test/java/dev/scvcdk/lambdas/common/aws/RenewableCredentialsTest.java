package dev.scvcdk.lambdas.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

class RenewableCredentialsTest {

    /**
     * Stands in for the container-credentials source Lambda serves: every read hands out new credentials; each provider
     * caches the first it read, as the SDK's providers do until expiry.
     */
    static final class Source {
        final AtomicInteger reads = new AtomicInteger();

        Supplier<AwsCredentialsProvider> cachingProviders() {
            return () -> new AwsCredentialsProvider() {
                private AwsCredentials cached;

                @Override
                public synchronized AwsCredentials resolveCredentials() {
                    if (cached == null) {
                        cached = AwsBasicCredentials.create("AKID" + reads.incrementAndGet(), "secret");
                    }
                    return cached;
                }
            };
        }
    }

    @Test
    void twoEnvironmentsRestoredFromOneSnapshotEachReadTheirOwnCredentials() {
        // GIVEN two copies of a container whose credentials were resolved (and cached) before the snapshot
        Source source = new Source();
        RenewableCredentials copyA = new RenewableCredentials(source.cachingProviders());
        RenewableCredentials copyB = new RenewableCredentials(source.cachingProviders());
        String beforeSnapshotA = copyA.resolveCredentials().accessKeyId();
        String beforeSnapshotB = copyB.resolveCredentials().accessKeyId();

        // WHEN each runs the hooks SnapStart runs around the snapshot and restore
        copyA.beforeCheckpoint();
        copyA.afterRestore();
        copyB.beforeCheckpoint();
        copyB.afterRestore();

        // THEN each reads credentials again, and neither signs with what was cached before the snapshot
        String restoredA = copyA.resolveCredentials().accessKeyId();
        String restoredB = copyB.resolveCredentials().accessKeyId();
        assertThat(source.reads).hasValue(4);
        assertThat(restoredA).isNotIn(beforeSnapshotA, beforeSnapshotB);
        assertThat(restoredB).isNotIn(beforeSnapshotA, beforeSnapshotB, restoredA);
    }

    @Test
    void withoutARestoreTheCachedCredentialsAreKept() {
        Source source = new Source();
        RenewableCredentials credentials = new RenewableCredentials(source.cachingProviders());

        credentials.resolveCredentials();
        credentials.resolveCredentials();

        assertThat(source.reads).hasValue(1);
    }
}
