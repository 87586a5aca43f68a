package dev.scvcdk.lambdas.voicemail;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs VoiceMailTranscribe's call path during init: an {@code Object Created} event for a recording is read, its
 * tags are fetched through an S3 client with the production settings and a job is started through the
 * function's own Transcribe client (shared HTTP client and signer) — all against an in-process loopback
 * stand-in, so no object is read and no job is started.
 */
final class VoiceMailTranscribePriming {

    /** Rounds through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 60;

    private static final String EVENT = """
            {"version":"0","id":"00000000-0000-4000-8000-000000000001","detail-type":"Object Created",
             "source":"aws.s3","account":"111122223333","time":"2026-11-21T10:01:10Z","region":"us-east-1",
             "detail":{"version":"0","bucket":{"name":"%s"},"object":{"key":
             "voicemail_recordings/%s.wav","size":1040044},"reason":"PutObject"}}""".formatted(
            VoicemailPrimingStandIns.BUCKET, VoicemailPrimingStandIns.CONTACT_ID);

    private VoiceMailTranscribePriming() {
    }

    static void prime(int rounds) {
        try (LoopbackResponder loopback = LoopbackResponder.start(VoicemailPrimingStandIns.answers("{}"));
             S3Client s3 = S3Clients.forPriming(loopback.uri())) {
            VoiceMailTranscribeHandler handler = new VoiceMailTranscribeHandler(new VoiceMailTranscribeService(
                    new VoicemailBucket(s3),
                    new VoicemailTranscriptionJobs(AwsApiClient.forPriming(AwsService.TRANSCRIBE, loopback.uri())),
                    Priming.silentLogger("VoiceMailTranscribeService")));
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, EVENT, "\"STARTED\"");
            }
        }
    }
}
