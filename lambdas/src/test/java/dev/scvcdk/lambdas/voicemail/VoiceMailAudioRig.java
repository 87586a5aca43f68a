package dev.scvcdk.lambdas.voicemail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaClient;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.KvsMkvWriter;
import dev.scvcdk.lambdas.testsupport.KvsStub;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/** The handler over the production KVS and S3 clients, pointed at the Kinesis Video and S3 stand-ins. */
final class VoiceMailAudioRig implements AutoCloseable {
    static final String BUCKET = "tenant-recordings";
    static final String STREAM = "tenant-connect-contact-7";
    static final String CONTACT = "c0000000-0000-4000-8000-000000000005";
    static final String START = KvsMkvWriter.fragmentNumber(11);
    static final String STOP = KvsMkvWriter.fragmentNumber(12);
    static final String LATER = KvsMkvWriter.fragmentNumber(13);

    final KvsStub kvs;
    final S3Stub s3;
    final S3Client s3Client;
    final CapturingLog log = new CapturingLog();
    final VoiceMailAudioProcessingHandler handler;

    VoiceMailAudioRig() throws IOException {
        kvs = new KvsStub();
        s3 = new S3Stub().createBucket(BUCKET);
        s3Client = s3.client();
        KvsMediaClient media = new KvsMediaClient(
                TestAwsClients.client(AwsService.KINESIS_VIDEO, URI.create(kvs.endpoint())), Optional.empty());
        handler = new VoiceMailAudioProcessingHandler(
                new VoiceMailAudioService(media, s3Client, BUCKET, Clock.systemUTC(), log.logger()));
    }

    /** The voicemail fixture: caller audio streamed to {@link #STREAM}, fragments {@link #START}..{@link #STOP}. */
    static ObjectNode voicemail() {
        return Fixtures.object("voicemail/ctr-voicemail-kvs.json");
    }

    /** The fixture for another contact on another stream. */
    static ObjectNode voicemail(String contactId, String stream) {
        ObjectNode ctr = voicemail();
        ctr.put("ContactId", contactId);
        ((ObjectNode) ctr.path("Recordings").get(1)).put("Location",
                "arn:aws:kinesisvideo:us-west-2:111122223333:stream/" + stream + "/1763719200000");
        return ctr;
    }

    /** Fragments START, STOP (caller and prompt audio) and a later one, as GetMedia sends them. */
    static byte[] media(byte[] callerStart, byte[] callerStop) {
        return new KvsMkvWriter()
                .fragment(START, Map.of("ContactId", CONTACT)).frame(1, callerStart).frame(2, KvsMkvWriter.pcm(400, -5))
                .fragment(STOP, Map.of("ContactId", CONTACT)).frame(2, KvsMkvWriter.pcm(400, -5)).frame(1, callerStop)
                .fragment(LATER, Map.of("ContactId", "next-contact")).frame(1, KvsMkvWriter.pcm(400, 77))
                .toBytes();
    }

    /** Runs a Kinesis event of {@code records} (sequence numbers "1", "2", …) and returns the failed ones. */
    List<String> run(JsonNode... records) {
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            entries.add(new String[] {String.valueOf(i + 1), Fixtures.base64(records[i])});
        }
        return run(entries);
    }

    List<String> run(List<String[]> entries) {
        String answer = Priming.invoke(handler, Json.write(Fixtures.kinesisEvent(entries)));
        try {
            List<String> failed = new ArrayList<>();
            for (JsonNode failure : Json.read(answer).path("batchItemFailures")) {
                failed.add(failure.path("itemIdentifier").asText());
            }
            return failed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        s3Client.close();
        kvs.close();
        s3.close();
    }
}
