package dev.scvcdk.lambdas.common.aws;

import dev.scvcdk.lambdas.common.snapstart.Restorable;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A credentials provider that is replaced by a new one around a SnapStart snapshot: the provider chain caches what
 * it resolved (the container credentials Lambda hands out, with their expiry), and no restored copy may sign with
 * credentials resolved before the snapshot. Each restored copy reads its own in its restore hook — so the first
 * invocation does not walk the provider chain — or, if that fails, on first use.
 */
public final class RenewableCredentials implements AwsCredentialsProvider, Restorable {
    private final Supplier<? extends AwsCredentialsProvider> providers;
    private volatile AwsCredentialsProvider current;

    /** @param providers makes a provider with nothing cached: at construction and around every snapshot */
    public RenewableCredentials(Supplier<? extends AwsCredentialsProvider> providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.current = Objects.requireNonNull(providers.get(), "provider");
    }

    /** Over the SDK's default chain (environment, system properties, the container endpoint SnapStart uses, …). */
    public static RenewableCredentials defaultChain() {
        return new RenewableCredentials(() -> DefaultCredentialsProvider.builder().build());
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return current.resolveCredentials();
    }

    /** Drops the resolved credentials before the snapshot. */
    @Override
    public void beforeCheckpoint() {
        renew();
    }

    /**
     * In each restored copy: a new provider (nothing resolved in between is shared), which reads the copy's own
     * credentials now. A failure here is left to the first call, which resolves again and reports it.
     */
    @Override
    public void afterRestore() {
        renew();
        try {
            current.resolveCredentials();
        } catch (RuntimeException e) {
            // Not fatal in a restore hook: the first signed request resolves again and fails with the reason.
        }
    }

    private void renew() {
        AwsCredentialsProvider old = current;
        current = Objects.requireNonNull(providers.get(), "provider");
        if (old instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
