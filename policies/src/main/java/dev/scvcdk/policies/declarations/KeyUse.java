package dev.scvcdk.policies.declarations;

import java.util.List;

/**
 * The KMS calls a service makes with the caller's credentials while serving one {@link Call}: for example
 * {@code ssm:GetParameter} on a SecureString makes SSM call {@code kms:Decrypt} on the parameter's key.
 *
 * @param key     the key that encrypts the call's resource
 * @param service the service that calls KMS ({@code kms:ViaService} is that service's regional endpoint)
 * @param actions the KMS actions
 */
public record KeyUse(TenantKey key, String service, List<String> actions) {
    public KeyUse {
        actions = List.copyOf(actions);
        if (actions.isEmpty() || !actions.stream().allMatch(a -> a.startsWith("kms:"))) {
            throw new IllegalArgumentException("key use actions must be kms: actions, got " + actions);
        }
    }

    public static KeyUse decrypt(TenantKey key, String service) {
        return new KeyUse(key, service, List.of("kms:Decrypt"));
    }

    /** Writing encrypted data: a data key to encrypt with, and decryption for services that check it. */
    public static KeyUse encrypt(TenantKey key, String service) {
        return new KeyUse(key, service, List.of("kms:GenerateDataKey", "kms:Decrypt"));
    }
}
