package dev.scvcdk.lambdas.voicemail;

import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaClient;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the production {@link VoiceMailAudioService} from the function's environment. */
public final class VoiceMailAudioWiring {
    public static final String BUCKET_VARIABLE = EnvVar.S3_RECORDINGS_BUCKET;

    private VoiceMailAudioWiring() {
    }

    /** The service, its restore hooks (the shared AWS client state) and its priming run, for the handler's init. */
    public static SnapStart.Prepared<VoiceMailAudioService> prepare(Map<String, String> environment) {
        return prepare(environment, VoiceMailAudioPriming.ROUNDS);
    }

    /**
     * @param primingRounds how many batches priming sends through the call path
     * @throws dev.scvcdk.lambdas.common.env.ConfigurationException when the bucket is not set, or the region or an
     *                                                              endpoint setting is bad
     */
    static SnapStart.Prepared<VoiceMailAudioService> prepare(Map<String, String> environment, int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        String bucket = env.required(BUCKET_VARIABLE);
        env.validate();
        S3Client s3 = S3Clients.create();
        VoiceMailAudioService service = new VoiceMailAudioService(KvsMediaClient.create(), s3, bucket,
                Clock.systemUTC(), StructuredLogger.forClass(VoiceMailAudioService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> VoiceMailAudioPriming.prime(bucket, primingRounds));
    }
}
