package dev.scvcdk.lambdas.contactlens;

import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.keys.CachedPrivateKey;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.scrt.ScrtTokenFactory;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the production {@link ContactLensProcessorService} from the function's environment, failing fast. */
public final class ContactLensProcessorWiring {
    /** SCV's {@code SSM_PARAMETER_STORE_TTL} default: the key is re-read after this long. */
    static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofSeconds(60);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A stuck SCRT request is abandoned after this and retried; far below the 180 s function timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * 5 attempts, backoff from 200 ms doubling to 5 s, Retry-After honoured up to 10 s, no retry started 30 s
     * after the first attempt: rides out a short SCRT throttle or blip; a longer outage fails the invocation,
     * whose asynchronous retries come minutes later. Worst case per call ≈ 30 s + one request timeout, which
     * {@link ContactLensProcessorService#CALL_RESERVE} covers.
     */
    public static final RetryPolicy RETRY_POLICY = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    private ContactLensProcessorWiring() {
    }

    /**
     * Reads {@code PRIVATE_KEY_PARAM_NAME}, {@code SALESFORCE_ORG_ID}, {@code SCRT_ENDPOINT_BASE},
     * {@code CALL_CENTER_API_NAME}, {@code LOG_LEVEL} and {@code SSM_PARAMETER_STORE_TTL}.
     *
     * @throws dev.scvcdk.lambdas.common.env.ConfigurationException naming every missing or bad variable
     */
    public static ContactLensProcessorService fromEnvironment(Map<String, String> environment) {
        return prepare(environment).service();
    }

    /** The service, its restore hooks and its priming run, as the handler's init uses them. */
    public static SnapStart.Prepared<ContactLensProcessorService> prepare(Map<String, String> environment) {
        return prepare(environment, SecureRandom::new, ContactLensProcessorPriming.ROUNDS);
    }

    /**
     * @param randomness    the generators JWT ids are drawn from (freshly seeded after every restore)
     * @param primingRounds how many times priming runs the call path
     */
    static SnapStart.Prepared<ContactLensProcessorService> prepare(Map<String, String> environment,
                                                                   Supplier<SecureRandom> randomness,
                                                                   int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        ScrtConfig config = ScrtConfig.read(env);
        env.logLevel();
        Duration keyTtl = keyCacheTtl(env);
        env.validate();

        CachedPrivateKey signingKey = CachedPrivateKey.fromDefaultClients(config.privateKeyName(), keyTtl);
        PrivateKeyProvider key = signingKey.key();
        RandomIds ids = new RandomIds(randomness);
        RetryingHttpClient http = RetryingHttpClient.create(CONNECT_TIMEOUT, REQUEST_TIMEOUT, RETRY_POLICY);
        ContactLensProcessorService service = service(config, key, ids, http, Clock.systemUTC(),
                StructuredLogger.forClass(ContactLensProcessorService.class));
        RestoreHooks hooks = new RestoreHooks().registerAll(AwsApiClient.sharedRestorables())
                .register(http.restorable(), signingKey.reader(), key, ids);
        return new SnapStart.Prepared<>(service, hooks,
                () -> ContactLensProcessorPriming.prime(config, http, ids, keyTtl, primingRounds));
    }

    /**
     * The service over {@code config}: production, priming and tests build it the same way.
     *
     * @param clock the service's clock (category times, the deadline); tokens always use the system clock
     */
    static ContactLensProcessorService service(ScrtConfig config, Supplier<RSAPrivateKey> key, RandomIds ids,
                                               RetryingHttpClient http, Clock clock, StructuredLogger log) {
        ScrtTokenFactory tokens = new ScrtTokenFactory(config.orgId(), config.callCenterApiName(), key,
                Clock.systemUTC(), ids);
        return new ContactLensProcessorService(new ScrtClient(config.endpointBase(), tokens, http), clock, log);
    }

    /** {@code SSM_PARAMETER_STORE_TTL}: whole seconds, at least 1; SCV's 60 when unset. */
    static Duration keyCacheTtl(EnvReader env) {
        String text = env.optional(EnvVar.SSM_PARAMETER_STORE_TTL, null);
        if (text == null) {
            return DEFAULT_KEY_CACHE_TTL;
        }
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= 1) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        env.problem("environment variable " + EnvVar.SSM_PARAMETER_STORE_TTL + " is '" + text
                + "': must be a whole number of seconds, at least 1");
        return DEFAULT_KEY_CACHE_TTL;
    }
}
