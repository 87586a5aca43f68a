package dev.scvcdk.lambdas.telephony;


import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.keys.CachedPrivateKey;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.scrt.ScrtTokenFactory;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the production {@link TelephonyService} from the function's environment, failing fast on bad config. */
public final class TelephonyWiring {
    /** The key is re-read after this long, so a rotated key is picked up by warm containers. */
    static final Duration KEY_CACHE_TTL = Duration.ofMinutes(10);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Fits SCV's 8 s function timeout: a retry is not started past 6 s (see RetryPolicy#defaults). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private TelephonyWiring() {
    }

    /**
     * Reads {@code PRIVATE_KEY_PARAM_NAME}, {@code SALESFORCE_ORG_ID}, {@code SCRT_ENDPOINT_BASE},
     * {@code CALL_CENTER_API_NAME} and {@code LOG_LEVEL}; the AWS clients come from the default chains.
     *
     * @throws dev.scvcdk.lambdas.common.env.ConfigurationException naming every missing or bad variable
     */
    public static TelephonyService fromEnvironment(Map<String, String> environment) {
        return prepare(environment).service();
    }

    /** The service, its restore hooks and its priming run, as the handler's init uses them. */
    public static SnapStart.Prepared<TelephonyService> prepare(Map<String, String> environment) {
        return prepare(environment, SecureRandom::new, TelephonyPriming.ROUNDS);
    }

    /**
     * @param randomness    the generators JWT ids are drawn from (freshly seeded after every restore)
     * @param primingRounds how many times priming runs the call path
     */
    static SnapStart.Prepared<TelephonyService> prepare(Map<String, String> environment,
                                                        Supplier<SecureRandom> randomness, int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        ScrtConfig config = ScrtConfig.read(env);
        env.logLevel();
        env.validate();

        CachedPrivateKey signingKey = CachedPrivateKey.fromDefaultClients(config.privateKeyName(), KEY_CACHE_TTL);
        PrivateKeyProvider key = signingKey.key();
        RandomIds ids = new RandomIds(randomness);
        RetryingHttpClient http = RetryingHttpClient.create(CONNECT_TIMEOUT, REQUEST_TIMEOUT, RetryPolicy.defaults());
        TelephonyService service = service(config, key, ids, http, StructuredLogger.forClass(TelephonyService.class));
        RestoreHooks hooks = new RestoreHooks().registerAll(AwsApiClient.sharedRestorables())
                .register(http.restorable(), signingKey.reader(), key, ids);
        return new SnapStart.Prepared<>(service, hooks,
                () -> TelephonyPriming.prime(config, http, ids, primingRounds));
    }

    /** The service over {@code config}: production and priming build it the same way. */
    static TelephonyService service(ScrtConfig config, PrivateKeyProvider key, RandomIds ids, RetryingHttpClient http,
                                    StructuredLogger log) {
        ScrtTokenFactory tokens = new ScrtTokenFactory(config.orgId(), config.callCenterApiName(), key,
                Clock.systemUTC(), ids);
        return new TelephonyService(new ScrtClient(config.endpointBase(), tokens, http), config.callCenterApiName(),
                Clock.systemUTC(), log);
    }
}
