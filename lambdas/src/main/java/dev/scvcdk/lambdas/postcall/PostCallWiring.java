package dev.scvcdk.lambdas.postcall;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.connect.ConnectContacts;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.keys.CachedPrivateKey;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.media.S3Objects;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.scrt.ScrtTokenFactory;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the production {@link PostCallService} from the function's environment, failing fast on bad config. */
public final class PostCallWiring {
    /** The key is re-read after this long, so a rotated key is picked up by warm containers. */
    static final Duration KEY_CACHE_TTL = Duration.ofMinutes(10);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** One SCRT call; a stuck one is abandoned and retried. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * SCRT retries: 4 attempts on 429/5xx/I-O, backoff from 200 ms to 5 s, Retry-After honoured up to 10 s, none
     * started after 60 s — a whole file's chunks stay far inside the function's timeout.
     */
    static final RetryPolicy SCRT_RETRIES = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    private PostCallWiring() {
    }

    /**
     * Reads {@code PRIVATE_KEY_PARAM_NAME}, {@code SALESFORCE_ORG_ID}, {@code SCRT_ENDPOINT_BASE},
     * {@code CALL_CENTER_API_NAME} and {@code LOG_LEVEL}; the AWS clients come from the default chains.
     *
     * @throws dev.scvcdk.lambdas.common.env.ConfigurationException naming every missing or bad variable
     */
    public static SnapStart.Prepared<PostCallService> prepare(Map<String, String> environment) {
        return prepare(environment, SecureRandom::new, PostCallPriming.ROUNDS,
                RetryingHttpClient.create(CONNECT_TIMEOUT, REQUEST_TIMEOUT, SCRT_RETRIES));
    }

    /**
     * @param randomness    the generators JWT ids are drawn from (freshly seeded after every restore)
     * @param primingRounds how many times priming runs the call path
     * @param http          the SCRT client's HTTP client
     */
    static SnapStart.Prepared<PostCallService> prepare(Map<String, String> environment,
                                                       Supplier<SecureRandom> randomness, int primingRounds,
                                                       RetryingHttpClient http) {
        EnvReader env = EnvReader.of(environment);
        ScrtConfig config = ScrtConfig.read(env);
        env.logLevel();
        env.validate();

        CachedPrivateKey signingKey = CachedPrivateKey.fromDefaultClients(config.privateKeyName(), KEY_CACHE_TTL);
        PrivateKeyProvider key = signingKey.key();
        RandomIds ids = new RandomIds(randomness);
        S3Objects s3 = new S3Objects(S3Clients.create());
        ConnectContacts connect = ConnectContacts.create();
        PostCallService service = service(config, key, ids, http, s3, connect,
                StructuredLogger.forClass(PostCallService.class));
        RestoreHooks hooks = new RestoreHooks().registerAll(AwsApiClient.sharedRestorables())
                .register(http.restorable(), signingKey.reader(), key, ids);
        return new SnapStart.Prepared<>(service, hooks,
                () -> PostCallPriming.prime(config, http, ids, primingRounds));
    }

    /** The service over {@code config}: production, tests and priming build it the same way. */
    static PostCallService service(ScrtConfig config, PrivateKeyProvider key, RandomIds ids, RetryingHttpClient http,
                                   S3Objects s3, ConnectContacts connect, StructuredLogger log) {
        ScrtTokenFactory tokens = new ScrtTokenFactory(config.orgId(), config.callCenterApiName(), key,
                Clock.systemUTC(), ids);
        return new PostCallService(s3, connect, new ScrtClient(config.endpointBase(), tokens, http), log);
    }
}
