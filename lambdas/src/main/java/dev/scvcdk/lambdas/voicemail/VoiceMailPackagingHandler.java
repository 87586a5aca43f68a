package dev.scvcdk.lambdas.voicemail;

import dev.scvcdk.contracts.EnvVar;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.http.Sleeper;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Handler {@code dev.scvcdk.lambdas.voicemail.VoiceMailPackagingHandler::handleRequest} (EventBridge
 * {@code Object Created} under {@code voicemail_transcripts/}).
 */
public final class VoiceMailPackagingHandler implements RequestStreamHandler {
    /** The telephony function's {@code active} alias ARN (SCV's lower-case name). */
    public static final String TELEPHONY_FUNCTION_VARIABLE = EnvVar.VOICEMAIL_INVOKE_TELEPHONY_INTEGRATION_API_ARN;
    public static final String ROUTING_DELAY_VARIABLE = EnvVar.DELAY_BEFORE_ROUTING_VM_SEC;
    /** SCV's template value. */
    public static final int DEFAULT_ROUTING_DELAY_SECONDS = 60;
    /** All routing attempts and their waits must end inside Lambda's 900 s limit, with time left for the calls. */
    public static final int MAX_ROUTING_DELAY_SECONDS = 200;

    private final VoiceMailPackagingService service;

    public VoiceMailPackagingHandler() {
        this(Container.SERVICE);
    }

    public VoiceMailPackagingHandler(VoiceMailPackagingService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** @throws dev.scvcdk.lambdas.common.env.ConfigurationException naming every bad or missing variable */
    public static VoiceMailPackagingService fromEnvironment(Map<String, String> environment) {
        return prepare(environment).service();
    }

    /** The service, its restore hooks (the shared AWS credentials and HTTP client) and its priming run, for init. */
    public static SnapStart.Prepared<VoiceMailPackagingService> prepare(Map<String, String> environment) {
        return prepare(environment, Sleeper.SYSTEM, VoiceMailPackagingPriming.ROUNDS);
    }

    /**
     * @param sleeper       waits the routing delay (tests record instead)
     * @param primingRounds how many times priming runs the call path
     */
    static SnapStart.Prepared<VoiceMailPackagingService> prepare(Map<String, String> environment, Sleeper sleeper,
                                                                int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        String telephony = env.required(TELEPHONY_FUNCTION_VARIABLE);
        Duration routingDelay = routingDelay(env);
        env.validate();
        VoiceMailPackagingService service = new VoiceMailPackagingService(new VoicemailBucket(S3Clients.create()),
                new VoicemailTranscriptionJobs(AwsApiClient.create(AwsService.TRANSCRIBE)), AwsClients.lambda(),
                telephony, routingDelay, sleeper, StructuredLogger.forClass(VoiceMailPackagingService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> VoiceMailPackagingPriming.prime(telephony, primingRounds));
    }

    /** Whole seconds, 0 to {@value #MAX_ROUTING_DELAY_SECONDS}; {@value #DEFAULT_ROUTING_DELAY_SECONDS} when unset. */
    private static Duration routingDelay(EnvReader env) {
        String value = env.optional(ROUTING_DELAY_VARIABLE, Integer.toString(DEFAULT_ROUTING_DELAY_SECONDS));
        if (value.matches("[0-9]{1,4}") && Integer.parseInt(value) <= MAX_ROUTING_DELAY_SECONDS) {
            return Duration.ofSeconds(Integer.parseInt(value));
        }
        env.problem("environment variable " + ROUTING_DELAY_VARIABLE + " is '" + value + "': must be a whole number "
                + "of seconds from 0 to " + MAX_ROUTING_DELAY_SECONDS + " (" + VoiceMailPackagingService.ROUTING_ATTEMPTS
                + " routing attempts wait it each, inside Lambda's 900 s limit)");
        return Duration.ZERO;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input)));
    }

    private static final class Container {
        static final VoiceMailPackagingService SERVICE = SnapStart.prepare(System.getenv(), "VoiceMailPackaging",
                prepare(System.getenv()));
    }
}
