package dev.scvcdk.lambdas.telephony;

import dev.scvcdk.lambdas.common.Lazy;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.keys.AwsSecureValueReader;
import dev.scvcdk.lambdas.common.keys.CachingSecureValueReader;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.log.LogLevel;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.scrt.ScrtTokenFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

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
        EnvReader env = EnvReader.of(environment);
        ScrtConfig config = ScrtConfig.read(env);
        env.oneOf("LOG_LEVEL", LogLevel.NAMES, "INFO");
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
        ScrtTokenFactory tokens = new ScrtTokenFactory(config.orgId(), config.callCenterApiName(), key, Clock.systemUTC());
        RetryingHttpClient http = RetryingHttpClient.create(CONNECT_TIMEOUT, REQUEST_TIMEOUT, RetryPolicy.defaults());
        return new TelephonyService(new ScrtClient(config.endpointBase(), tokens, http), config.callCenterApiName(),
                Clock.systemUTC(), StructuredLogger.forClass(TelephonyService.class));
    }
}
