package dev.scvcdk.lambdas.voicemail;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaClient;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs VoiceMailAudioProcessing's call path during init: a Kinesis batch with a voicemail contact record is
 * decoded, its audio read through signed GetDataEndpoint and GetMedia calls and the MKV parser, and written as a
 * tagged WAV through the S3 client — all against an in-process loopback stand-in, so no stream is read and no
 * object is written.
 */
final class VoiceMailAudioPriming {

    /** Batches through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 10;

    static final String MEDIA_RESOURCE = "priming-media.mkv";
    static final String STREAM = "priming-stream";
    static final String FIRST = "91343852333181432392682062607743920146264440001";
    static final String LAST = "91343852333181432392682062607743920146264440002";
    static final String AFTER = "91343852333181432392682062607743920146264440003";

    private static final String CONTACT_RECORD = """
            {"AWSContactTraceRecordFormatVersion":"2017-03-10","Attributes":{"vm_flag":"1","vm_lang":"en-US",
             "vm_from":"+14155550100"},"Channel":"VOICE","ContactId":"c0000000-0000-4000-8000-00000000beef",
             "CustomerEndpoint":{"Address":"+14155550100","Type":"TELEPHONE_NUMBER"},
             "DisconnectTimestamp":"2026-11-21T10:05:30Z","InitiationMethod":"INBOUND",
             "InitiationTimestamp":"2026-11-21T10:00:00Z","LastUpdateTimestamp":"2026-11-21T10:06:00Z",
             "Recordings":[{"FragmentStartNumber":"%s","FragmentStopNumber":"%s","Location":"%s",
             "MediaStreamType":"AUDIO","ParticipantType":"CUSTOMER","Status":"AVAILABLE",
             "StorageType":"KINESIS_VIDEO_STREAM"}],
             "SystemEndpoint":{"Address":"+18005550199","Type":"TELEPHONE_NUMBER"}}""".formatted(FIRST, LAST,
            Priming.arn("kinesisvideo", "stream/" + STREAM + "/1763719200000"));

    private VoiceMailAudioPriming() {
    }

    static void prime(String bucket, int rounds) {
        byte[] media = media();
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(Map.of(), "{}",
                request -> switch (request.path()) {
                    case "/getDataEndpoint" -> Response.json(200, "{\"DataEndpoint\":\"http://127.0.0.1\"}");
                    case "/getMedia" -> Response.binary(200, "video/webm", media);
                    default -> "PUT".equals(request.method())
                            ? Response.json(200, "")
                            : PrimingStandIns.notFound(request);
                }));
             S3Client s3 = S3Clients.forPriming(loopback.uri())) {
            KvsMediaClient kvs = new KvsMediaClient(AwsApiClient.forPriming(AwsService.KINESIS_VIDEO, loopback.uri()),
                    Optional.of(loopback.uri()));
            VoiceMailAudioProcessingHandler handler = new VoiceMailAudioProcessingHandler(new VoiceMailAudioService(
                    kvs, s3, bucket, Clock.systemUTC(), Priming.silentLogger("VoiceMailAudioService")));
            String batch = batch();
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, batch, "{\"batchItemFailures\":[]}");
            }
        }
    }

    private static String batch() {
        String data = Base64.getEncoder().encodeToString(CONTACT_RECORD.getBytes(StandardCharsets.UTF_8));
        return "{\"Records\":[{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"p\","
                + "\"sequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\",\"data\":\""
                + data + "\"},\"eventSource\":\"aws:kinesis\"}]}";
    }

    /**
     * Three fragments as GetMedia sends them — the voicemail's two and a later one, each with a caller and a
     * prompt track — written by the tests' {@code KvsMkvWriter} ({@code VoiceMailAudioPrimingTest} keeps them
     * equal).
     */
    static byte[] media() {
        try (InputStream in = VoiceMailAudioPriming.class.getResourceAsStream(MEDIA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("priming media " + MEDIA_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
