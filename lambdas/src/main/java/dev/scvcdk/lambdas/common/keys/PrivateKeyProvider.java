package dev.scvcdk.lambdas.common.keys;

import dev.scvcdk.lambdas.common.snapstart.Restorable;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The RSA private key named by a parameter or secret, read through a (caching) {@link SecureValueReader}
 * and parsed only when the stored text changes.
 */
public final class PrivateKeyProvider implements Supplier<RSAPrivateKey>, Restorable {
    private final SecureValueReader reader;
    private final String nameOrArn;
    private volatile Parsed parsed;

    public PrivateKeyProvider(SecureValueReader reader, String nameOrArn) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.nameOrArn = Objects.requireNonNull(nameOrArn, "nameOrArn");
    }

    @Override
    public RSAPrivateKey get() {
        String text = reader.read(nameOrArn);
        Parsed current = parsed;
        if (current != null && current.text().equals(text)) {
            return current.key();
        }
        RSAPrivateKey key = PemPrivateKeys.parse(text, nameOrArn);
        parsed = new Parsed(text, key);
        return key;
    }

    /** Before a SnapStart snapshot: no private key goes into it. */
    @Override
    public void beforeCheckpoint() {
        parsed = null;
    }

    private record Parsed(String text, RSAPrivateKey key) {
    }
}
