package dev.scvcdk.lambdas.common.keys;

import dev.scvcdk.lambdas.common.Lazy;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A function's SCRT signing key: the SSM parameter or Secrets Manager secret read through a caching reader (so a
 * rotated key reaches warm containers after the TTL) and parsed only when its text changes. Both parts are
 * restore hooks: register {@link #reader()} and {@link #key()}.
 */
public record CachedPrivateKey(CachingSecureValueReader reader, PrivateKeyProvider key) {
    /**
     * Over the default-chain clients. The one client the key's name needs is built now, inside init (and a
     * SnapStart snapshot), not on the first call; the other only if ever asked for.
     */
    public static CachedPrivateKey fromDefaultClients(String nameOrArn, Duration ttl) {
        Lazy<SsmApi> ssm = Lazy.of(AwsClients::ssm);
        Lazy<SecretsManagerApi> secretsManager = Lazy.of(AwsClients::secretsManager);
        if (AwsSecureValueReader.isSecretsManagerArn(nameOrArn)) {
            secretsManager.get();
        } else {
            ssm.get();
        }
        return of(ssm, secretsManager, nameOrArn, ttl);
    }

    /** Over the given clients (priming builds a fresh one per round, so each round reads and parses the key). */
    public static CachedPrivateKey of(Supplier<SsmApi> ssm, Supplier<SecretsManagerApi> secretsManager,
                                      String nameOrArn, Duration ttl) {
        CachingSecureValueReader reader = new CachingSecureValueReader(
                new AwsSecureValueReader(ssm, secretsManager), ttl, Clock.systemUTC());
        return new CachedPrivateKey(reader, new PrivateKeyProvider(reader, nameOrArn));
    }
}
