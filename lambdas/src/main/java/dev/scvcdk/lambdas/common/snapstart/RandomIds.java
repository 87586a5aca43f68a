package dev.scvcdk.lambdas.common.snapstart;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Random (version 4) UUIDs, such as a JWT's {@code jti}, from a generator that is replaced in every environment
 * restored from a SnapStart snapshot: copies of one snapshot never share the random state they draw from.
 */
public final class RandomIds implements Restorable {
    private final Supplier<SecureRandom> generators;
    private volatile SecureRandom random;

    /** @param generators makes a freshly seeded generator: at construction and after every restore */
    public RandomIds(Supplier<SecureRandom> generators) {
        this.generators = Objects.requireNonNull(generators, "generators");
        this.random = Objects.requireNonNull(generators.get(), "generator");
    }

    /** From the platform's {@link SecureRandom}. */
    public static RandomIds create() {
        return new RandomIds(SecureRandom::new);
    }

    public UUID next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[8 + i] & 0xff);
        }
        return new UUID(most, least);
    }

    @Override
    public void afterRestore() {
        random = Objects.requireNonNull(generators.get(), "generator");
    }
}
