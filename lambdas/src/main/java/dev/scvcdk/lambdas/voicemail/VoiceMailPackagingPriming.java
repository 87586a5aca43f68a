package dev.scvcdk.lambdas.voicemail;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs VoiceMailPackaging's call path during init: an {@code Object Created} event for a transcript is read, the
 * recording's tags and the transcript are fetched through an S3 client with the production settings, the four
 * telephony invocations go through the function's own Lambda client and the job is deleted through its
 * Transcribe client — all against an in-process loopback stand-in, with no routing delay, so no voicemail is
 * delivered and init does not wait.
 */
final class VoiceMailPackagingPriming {

    /** Rounds through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 60;

    private static final String EVENT = """
            {"version":"0","id":"00000000-0000-4000-8000-000000000002","detail-type":"Object Created",
             "source":"aws.s3","account":"111122223333","time":"2026-11-21T10:02:10Z","region":"us-east-1",
             "detail":{"version":"0","bucket":{"name":"%s"},"object":{"key":"voicemail_transcripts/%s.json",
             "size":2210},"reason":"PutObject"}}""".formatted(
            VoicemailPrimingStandIns.BUCKET, VoicemailPrimingStandIns.CONTACT_ID);

    private VoiceMailPackagingPriming() {
    }

    static void prime(String telephonyFunction, int rounds) {
        try (LoopbackResponder loopback = LoopbackResponder.start(
                VoicemailPrimingStandIns.answers("{\"result\":\"Success\"}"));
             S3Client s3 = S3Clients.forPriming(loopback.uri())) {
            VoiceMailPackagingHandler handler = new VoiceMailPackagingHandler(new VoiceMailPackagingService(
                    new VoicemailBucket(s3),
                    new VoicemailTranscriptionJobs(AwsApiClient.forPriming(AwsService.TRANSCRIBE, loopback.uri())),
                    new LambdaFunctionInvoker(AwsApiClient.forPriming(AwsService.LAMBDA, loopback.uri())),
                    telephonyFunction, Duration.ZERO, duration -> { }, Priming.silentLogger("VoiceMailPackagingService")));
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, EVENT, "\"routingAttempts\":1");
            }
        }
    }
}
