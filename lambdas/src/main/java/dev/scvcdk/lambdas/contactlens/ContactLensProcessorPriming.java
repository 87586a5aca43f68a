package dev.scvcdk.lambdas.contactlens;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.keys.CachedPrivateKey;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Runs ContactLensProcessor's call path during init, against an in-process loopback stand-in for SSM (or Secrets
 * Manager) and SCRT: a representative batch is decoded and mapped, a throwaway key read and parsed, JWTs signed,
 * and the category and bulk-transcript requests sent through the function's own HTTP client.
 */
final class ContactLensProcessorPriming {

    /** Batches through the call path (each signs several JWTs): enough for the JIT to compile the hot methods. */
    static final int ROUNDS = 60;

    private ContactLensProcessorPriming() {
    }

    /**
     * @param config the function's configuration, with SCRT replaced by the loopback stand-in
     * @param http   the function's HTTP client (its pool is dropped before the snapshot)
     * @param ids    the function's JWT id source (re-seeded after every restore)
     */
    static void prime(ScrtConfig config, RetryingHttpClient http, RandomIds ids, Duration keyTtl, int rounds) {
        String key = Priming.throwawayRsaKeyPem();
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(
                Map.of(config.privateKeyName(), key), "{}",
                request -> request.path().startsWith("/telephony/v1/voiceCalls")
                        ? Response.json(201, "{\"result\":\"Success\"}")
                        : PrimingStandIns.notFound(request)))) {
            SsmApi ssm = new SsmApi(AwsApiClient.forPriming(AwsService.SSM, loopback.uri()));
            SecretsManagerApi secrets = new SecretsManagerApi(
                    AwsApiClient.forPriming(AwsService.SECRETS_MANAGER, loopback.uri()));
            ScrtConfig primingConfig = new ScrtConfig(config.orgId(), config.callCenterApiName(),
                    URI.create(loopback.uri() + "/telephony/v1"), config.privateKeyName());
            String batch = ContactLensPrimingEvents.kinesisBatch();
            for (int round = 0; round < rounds; round++) {
                // A new reader each round, so the key is read and parsed every time, as on a first call.
                PrivateKeyProvider signingKey = CachedPrivateKey.of(() -> ssm, () -> secrets,
                        config.privateKeyName(), keyTtl).key();
                ContactLensProcessorHandler handler = new ContactLensProcessorHandler(ContactLensProcessorWiring.service(
                        primingConfig, signingKey, ids, http,
                        Clock.systemUTC(), Priming.silentLogger("ContactLensProcessorService")));
                Priming.invoke(handler, batch, "\"rejectedCalls\":0");
            }
        }
    }
}
