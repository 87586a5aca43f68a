package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.media.kvs.StartSelector;

import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.Lazy;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.http.Sleeper;
import dev.scvcdk.lambdas.common.keys.AwsSecureValueReader;
import dev.scvcdk.lambdas.common.keys.CachingSecureValueReader;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.scrt.ScrtTokenFactory;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.transcribestreaming.TranscribeStreamingAsyncClient;

/** Builds the production {@link KvsTranscriberService} from the function's environment, failing fast on bad config. */
public final class KvsTranscriberWiring {
    /** The key is re-read after this long, so a rotated key is picked up by warm containers. */
    static final Duration KEY_CACHE_TTL = Duration.ofMinutes(10);
    static final Duration SCRT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SCRT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /**
     * A message is retried for up to 20 s (4 attempts, backoff 250 ms doubling to 4 s, Retry-After up to 5 s): an SCRT
     * hiccup mid-call is ridden out while the session's later results queue behind it, in order.
     */
    static final RetryPolicy MESSAGE_RETRIES = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4),
            Duration.ofSeconds(5), Duration.ofSeconds(20));
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private KvsTranscriberWiring() {
    }

    /**
     * Reads {@code PRIVATE_KEY_PARAM_NAME}, {@code SALESFORCE_ORG_ID}, {@code SCRT_ENDPOINT_BASE},
     * {@code CALL_CENTER_API_NAME}, {@code START_SELECTOR_TYPE}, {@code TRANSCRIBE_REGION} and {@code LOG_LEVEL}.
     *
     * @param audio where the contact's audio comes from
     * @throws ConfigurationException naming every missing or bad variable
     */
    public static SnapStart.Prepared<KvsTranscriberService> prepare(Map<String, String> environment, ContactAudio audio) {
        return prepare(environment, audio,
                RetryingHttpClient.create(SCRT_CONNECT_TIMEOUT, SCRT_REQUEST_TIMEOUT, MESSAGE_RETRIES),
                Sleeper.SYSTEM, SecureRandom::new, KvsTranscriberPriming.ROUNDS);
    }

    /**
     * @param scrtHttp      the SCRT client's HTTP client (tests pass one that does not sleep between attempts)
     * @param sleeper       waits before a failed transcription session is restarted
     * @param randomness    the generators JWT and session ids are drawn from (freshly seeded after every restore)
     * @param primingRounds how many times priming runs the call path
     */
    static SnapStart.Prepared<KvsTranscriberService> prepare(Map<String, String> environment, ContactAudio audio,
                                                             RetryingHttpClient scrtHttp, Sleeper sleeper,
                                                             java.util.function.Supplier<SecureRandom> randomness,
                                                             int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        ScrtConfig config = ScrtConfig.read(env);
        String selector = env.oneOf(EnvVar.START_SELECTOR_TYPE, StartSelector.TYPES, StartSelector.FRAGMENT_NUMBER);
        String transcribeRegion = env.optional(EnvVar.TRANSCRIBE_REGION, null);
        if (transcribeRegion != null && !REGION.matcher(transcribeRegion).matches()) {
            env.problem("environment variable " + EnvVar.TRANSCRIBE_REGION + " is '" + transcribeRegion
                    + "': must be an AWS region such as us-west-2 (or unset: the function's region)");
        }
        env.logLevel();
        env.validate();

        Lazy<SsmApi> ssm = Lazy.of(AwsClients::ssm);
        Lazy<SecretsManagerApi> secretsManager = Lazy.of(AwsClients::secretsManager);
        // Build the one client the key needs now, inside init (and a SnapStart snapshot), not on the first call.
        if (AwsSecureValueReader.isSecretsManagerArn(config.privateKeyName())) {
            secretsManager.get();
        } else {
            ssm.get();
        }
        CachingSecureValueReader reader = new CachingSecureValueReader(
                new AwsSecureValueReader(ssm, secretsManager), KEY_CACHE_TTL, Clock.systemUTC());
        PrivateKeyProvider key = new PrivateKeyProvider(reader, config.privateKeyName());
        RandomIds ids = new RandomIds(randomness);
        String region = transcribeRegion != null ? transcribeRegion : functionRegion();
        TranscribeStreamingAsyncClient streaming = TranscribeStreamingTranscriber.client(region);
        Transcriber transcriber = new TranscribeStreamingTranscriber(streaming, ids);
        ContactAttributes connect = new ContactAttributes(AwsApiClient.create(AwsService.CONNECT));
        KvsTranscriberService service = service(config, key, ids, scrtHttp, audio, transcriber, connect, selector,
                sleeper, StructuredLogger.forClass(KvsTranscriberService.class));
        RestoreHooks hooks = new RestoreHooks().registerAll(AwsApiClient.sharedRestorables())
                .register(scrtHttp.restorable(), reader, key, ids);
        return new SnapStart.Prepared<>(service, hooks,
                () -> KvsTranscriberPriming.prime(config, scrtHttp, ids, selector, primingRounds));
    }

    /** The service over its parts: production and priming build it the same way. */
    static KvsTranscriberService service(ScrtConfig config, PrivateKeyProvider key, RandomIds ids,
                                         RetryingHttpClient http, ContactAudio audio, Transcriber transcriber,
                                         ContactAttributes connect, String selector, Sleeper sleeper,
                                         StructuredLogger log) {
        ScrtTokenFactory tokens = new ScrtTokenFactory(config.orgId(), config.callCenterApiName(), key,
                Clock.systemUTC(), ids);
        MessagePoster poster = new MessagePoster(new ScrtClient(config.endpointBase(), tokens, http), connect, log);
        return new KvsTranscriberService(audio, transcriber, poster, selector, sleeper, log);
    }

    private static String functionRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkException e) {
            throw new ConfigurationException(List.of("AWS_REGION is not set (nor aws.region or a profile region), "
                    + "and TRANSCRIBE_REGION is not set: Transcribe streaming needs a region"));
        }
    }
}
