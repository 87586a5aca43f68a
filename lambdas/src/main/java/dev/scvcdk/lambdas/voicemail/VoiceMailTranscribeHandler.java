package dev.scvcdk.lambdas.voicemail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Handler {@code dev.scvcdk.lambdas.voicemail.VoiceMailTranscribeHandler::handleRequest} (EventBridge
 * {@code Object Created} under {@code voicemail_recordings/}). Reads no variable of its own: SCV's
 * {@code TRANSCRIBE_REGION} is ignored, the job runs in {@code AWS_REGION} where the recording is.
 */
public final class VoiceMailTranscribeHandler implements RequestStreamHandler {

    private final VoiceMailTranscribeService service;

    public VoiceMailTranscribeHandler() {
        this(Container.SERVICE);
    }

    public VoiceMailTranscribeHandler(VoiceMailTranscribeService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * The service, its restore hooks (the shared AWS credentials and HTTP client) and its priming run, for init.
     *
     * @throws dev.scvcdk.lambdas.common.env.ConfigurationException when no region is configured
     */
    public static SnapStart.Prepared<VoiceMailTranscribeService> prepare() {
        return prepare(VoiceMailTranscribePriming.ROUNDS);
    }

    /** @param primingRounds how many times priming runs the call path */
    static SnapStart.Prepared<VoiceMailTranscribeService> prepare(int primingRounds) {
        VoiceMailTranscribeService service = new VoiceMailTranscribeService(new VoicemailBucket(S3Clients.create()),
                new VoicemailTranscriptionJobs(AwsApiClient.create(AwsService.TRANSCRIBE)),
                StructuredLogger.forClass(VoiceMailTranscribeService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> VoiceMailTranscribePriming.prime(primingRounds));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input)));
    }

    private static final class Container {
        static final VoiceMailTranscribeService SERVICE = SnapStart.prepare(System.getenv(), "VoiceMailTranscribe",
                prepare());
    }
}
