package dev.scvcdk.lambdas.voicemail;

import static dev.scvcdk.lambdas.voicemail.VoiceMailAudioRig.BUCKET;
import static dev.scvcdk.lambdas.voicemail.VoiceMailAudioRig.CONTACT;
import static dev.scvcdk.lambdas.voicemail.VoiceMailAudioRig.START;
import static dev.scvcdk.lambdas.voicemail.VoiceMailAudioRig.STOP;
import static dev.scvcdk.lambdas.voicemail.VoiceMailAudioRig.STREAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.KvsMkvWriter;
import dev.scvcdk.lambdas.testsupport.KvsStub;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.S3Stub.Operation;
import dev.scvcdk.lambdas.testsupport.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** VoiceMailAudioProcessing from the Kinesis mapping's side, against Kinesis Video and S3 stand-ins. */
class VoiceMailAudioProcessingHandlerTest {
    static final byte[] CALLER_START = KvsMkvWriter.pcm(4000, 1000);
    static final byte[] CALLER_STOP = KvsMkvWriter.pcm(4001, 2000);

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static int le32(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Test
    void writesTheCallersAudioOfTheVoicemailsFragmentsAsATaggedWav() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            // GIVEN a voicemail whose stream holds its two fragments (caller and prompt tracks) and a later one
            rig.kvs.media(STREAM, VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));

            // WHEN its contact record arrives
            List<String> failed = rig.run(VoiceMailAudioRig.voicemail());

            // THEN one WAV is written under the contact's key as audio/x-wav
            assertThat(failed).isEmpty();
            assertThat(rig.s3.puts()).hasSize(1);
            S3Stub.PutObject wav = rig.s3.puts().get(0);
            assertThat(wav.bucket()).isEqualTo(BUCKET);
            assertThat(wav.key()).isEqualTo("voicemail_recordings/" + CONTACT + ".wav");
            assertThat(wav.contentType()).isEqualTo("audio/x-wav");
            assertThat(wav.signed()).isTrue();
            // AND it holds only the caller's audio of the two fragments, in order
            byte[] pcm = concat(CALLER_START, CALLER_STOP);
            assertThat(Arrays.copyOfRange(wav.body(), 44, wav.body().length)).isEqualTo(pcm);
            // AND exactly SCV's tags, the duration rounded up to whole seconds (16002 bytes → 2 s)
            assertThat(wav.tags()).containsExactly(
                    Map.entry("vm_lang", "es-US"),
                    Map.entry("vm_dialedNumber", "+18005550199"),
                    Map.entry("vm_initTimestamp", "2026-11-21T14:00:00Z"),
                    Map.entry("vm_endTimestamp", "2026-11-21T14:02:00Z"),
                    Map.entry("vm_duration", "2"),
                    Map.entry("vm_recordingUrl", BUCKET + "/voicemail_recordings/" + CONTACT + ".wav"));
        }
    }

    @Test
    void theWavHeaderCarriesTheRealRiffAndDataSizes() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));

            rig.run(VoiceMailAudioRig.voicemail());

            byte[] wav = rig.s3.puts().get(0).body();
            int pcmBytes = CALLER_START.length + CALLER_STOP.length;
            assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(le32(wav, 4)).isEqualTo(36 + pcmBytes);
            assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
            ByteBuffer format = ByteBuffer.wrap(wav, 20, 16).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(format.getShort()).isEqualTo((short) 1);       // PCM
            assertThat(format.getShort()).isEqualTo((short) 1);       // mono
            assertThat(format.getInt()).isEqualTo(8000);
            assertThat(format.getInt()).isEqualTo(16000);
            assertThat(format.getShort()).isEqualTo((short) 2);
            assertThat(format.getShort()).isEqualTo((short) 16);
            assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
            assertThat(le32(wav, 40)).isEqualTo(pcmBytes);
            assertThat(wav).hasSize(44 + pcmBytes);
        }
    }

    @Test
    void readsTheKinesisVideoRecordingFromItsStartFragmentEvenWhenTheS3RecordingIsListedFirst() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));

            rig.run(VoiceMailAudioRig.voicemail());

            List<KvsStub.Call> getMedia = rig.kvs.calls("/getMedia");
            assertThat(getMedia).hasSize(1);
            assertThat(getMedia.get(0).request().toString()).isEqualTo("{\"StreamName\":\"" + STREAM + "\","
                    + "\"StartSelector\":{\"StartSelectorType\":\"FRAGMENT_NUMBER\",\"AfterFragmentNumber\":\""
                    + START + "\"}}");
        }
    }

    @Test
    @Timeout(30)
    void stopsAtTheFirstFragmentAfterTheStopFragmentAndHangsUpOnALiveStream() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            // GIVEN a stream that goes on with the next contact's fragments
            byte[] head = new KvsMkvWriter()
                    .fragment(START, Map.of()).frame(1, CALLER_START)
                    .fragment(STOP, Map.of()).frame(1, CALLER_STOP).toBytes();
            byte[] next = new KvsMkvWriter().fragment(VoiceMailAudioRig.LATER, Map.of())
                    .frame(1, KvsMkvWriter.pcm(400, 77)).toBytes();
            rig.kvs.liveMedia(STREAM, head, next);

            // WHEN the voicemail is processed
            List<String> failed = rig.run(VoiceMailAudioRig.voicemail());

            // THEN it is written without the later audio, and the connection was closed
            assertThat(failed).isEmpty();
            assertThat(Arrays.copyOfRange(rig.s3.puts().get(0).body(), 44, rig.s3.puts().get(0).body().length))
                    .isEqualTo(concat(CALLER_START, CALLER_STOP));
            assertThat(rig.kvs.clientHungUp()).isTrue();
        }
    }

    static Stream<Arguments> notVoicemails() {
        return Stream.<Arguments>of(
                Arguments.of("vm_flag 0 (already processed)", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Attributes")).put("vm_flag", "0")),
                Arguments.of("no vm_flag", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Attributes")).remove("vm_flag")),
                Arguments.of("vm_flag 99", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Attributes")).put("vm_flag", "99")),
                Arguments.of("vm_flag ' 1'", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Attributes")).put("vm_flag", " 1")),
                Arguments.of("empty vm_lang", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Attributes")).put("vm_lang", "")),
                Arguments.of("no vm_from", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Attributes")).remove("vm_from")),
                Arguments.of("no Attributes", (Consumer<ObjectNode>) ctr -> ctr.remove("Attributes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notVoicemails")
    void aRecordThatIsNotAVoicemailToProcessIsASuccessThatCallsNothing(String why, Consumer<ObjectNode> change)
            throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            ObjectNode ctr = VoiceMailAudioRig.voicemail();
            change.accept(ctr);

            assertThat(rig.run(ctr)).isEmpty();
            assertThat(rig.kvs.calls()).isEmpty();
            assertThat(rig.s3.requests(Operation.PUT_OBJECT)).isEmpty();
        }
    }

    @Test
    void anUndecodableRecordIsReportedAndTheRestOfTheBatchIsProcessed() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));

            List<String> failed = rig.run(List.of(new String[] {"1", "not base64 json!"},
                    new String[] {"2", Fixtures.base64(VoiceMailAudioRig.voicemail())}));

            assertThat(failed).containsExactly("1");
            assertThat(rig.s3.puts()).hasSize(1);
        }
    }

    static Stream<Arguments> unreadableVoicemails() {
        return Stream.<Arguments>of(
                Arguments.of("no KINESIS_VIDEO_STREAM recording", (Consumer<ObjectNode>) ctr ->
                        ((com.fasterxml.jackson.databind.node.ArrayNode) ctr.path("Recordings")).remove(1)),
                Arguments.of("no Recordings", (Consumer<ObjectNode>) ctr -> ctr.remove("Recordings")),
                Arguments.of("Location not a stream ARN", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Recordings").get(1)).put("Location", "tenant-bucket/vm.wav")),
                Arguments.of("FragmentStartNumber missing", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Recordings").get(1)).remove("FragmentStartNumber")),
                Arguments.of("FragmentStopNumber not a number", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Recordings").get(1)).put("FragmentStopNumber", "last")),
                Arguments.of("stop before start", (Consumer<ObjectNode>) ctr ->
                        ((ObjectNode) ctr.path("Recordings").get(1)).put("FragmentStopNumber",
                                KvsMkvWriter.fragmentNumber(10))),
                Arguments.of("no ContactId", (Consumer<ObjectNode>) ctr -> ctr.remove("ContactId")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableVoicemails")
    void aVoicemailRecordThatCannotBeReadIsReportedAndWritesNothing(String why, Consumer<ObjectNode> change)
            throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));
            ObjectNode ctr = VoiceMailAudioRig.voicemail();
            change.accept(ctr);

            assertThat(rig.run(ctr)).containsExactly("1");
            assertThat(rig.s3.requests(Operation.PUT_OBJECT)).isEmpty();
            assertThat(rig.log.text()).contains("voicemail record cannot be processed");
        }
    }

    @Test
    void aKinesisVideoOutageMidBatchReportsOnlyThatRecordAndLosesNothingElse() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            // GIVEN three voicemails, the second on a stream Kinesis Video cannot find
            rig.kvs.media("stream-a", VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));
            rig.kvs.media("stream-c", VoiceMailAudioRig.media(CALLER_STOP, CALLER_START));

            List<String> failed = rig.run(VoiceMailAudioRig.voicemail("contact-a", "stream-a"),
                    VoiceMailAudioRig.voicemail("contact-b", "stream-b"),
                    VoiceMailAudioRig.voicemail("contact-c", "stream-c"));

            assertThat(failed).containsExactly("2");
            assertThat(rig.s3.puts()).extracting(S3Stub.PutObject::key).containsExactly(
                    "voicemail_recordings/contact-a.wav", "voicemail_recordings/contact-c.wav");
        }
    }

    @Test
    void aConnectionLostWhileReadingTheAudioIsReportedAndWritesNoWav() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            byte[] media = VoiceMailAudioRig.media(CALLER_START, CALLER_STOP);
            rig.kvs.media(STREAM, media).cutAfter(STREAM, media.length / 2);

            assertThat(rig.run(VoiceMailAudioRig.voicemail())).containsExactly("1");
            assertThat(rig.s3.requests(Operation.PUT_OBJECT)).isEmpty();
        }
    }

    @Test
    void aKinesisVideoErrorInsideTheStreamIsReportedAndWritesNoWav() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, new KvsMkvWriter().fragment(START, Map.of()).frame(1, CALLER_START)
                    .error(STOP, "KMS_KEY_DISABLED").toBytes());

            assertThat(rig.run(VoiceMailAudioRig.voicemail())).containsExactly("1");
            assertThat(rig.s3.requests(Operation.PUT_OBJECT)).isEmpty();
            assertThat(rig.log.text()).contains("KMS_KEY_DISABLED");
        }
    }

    @Test
    void aStreamEndingBeforeTheStopFragmentIsReportedAndWritesNoWav() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, new KvsMkvWriter().fragment(START, Map.of()).frame(1, CALLER_START).toBytes());

            assertThat(rig.run(VoiceMailAudioRig.voicemail())).containsExactly("1");
            assertThat(rig.s3.requests(Operation.PUT_OBJECT)).isEmpty();
            assertThat(rig.log.text()).contains("before FragmentStopNumber " + STOP);
        }
    }

    @Test
    void fragmentsWithoutCallerAudioAreReportedRatherThanWrittenAsAnEmptyWav() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, new KvsMkvWriter()
                    .fragment(START, Map.of()).frame(2, CALLER_START)
                    .fragment(STOP, Map.of()).frame(2, CALLER_STOP).toBytes());

            assertThat(rig.run(VoiceMailAudioRig.voicemail())).containsExactly("1");
            assertThat(rig.s3.requests(Operation.PUT_OBJECT)).isEmpty();
        }
    }

    @Test
    void anS3RefusalIsReportedWithoutRetrying() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));
            rig.s3.failNext(Operation.PUT_OBJECT, 1, 403, "AccessDenied");

            assertThat(rig.run(VoiceMailAudioRig.voicemail())).containsExactly("1");
            assertThat(rig.s3.requests(Operation.PUT_OBJECT)).hasSize(1);
            assertThat(rig.s3.puts()).isEmpty();
        }
    }

    @Test
    void anS3ServerErrorIsRetriedAndTheWavWritten() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));
            rig.s3.failNext(Operation.PUT_OBJECT, 1, 500, "InternalError");

            assertThat(rig.run(VoiceMailAudioRig.voicemail())).isEmpty();
            assertThat(rig.s3.requests(Operation.PUT_OBJECT)).hasSize(2);
            assertThat(rig.s3.puts()).hasSize(1);
        }
    }

    @Test
    void anS3OutageReportsEveryAffectedRecordEarliestFirst() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media("stream-a", VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));
            rig.kvs.media("stream-b", VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));
            rig.s3.failNext(Operation.PUT_OBJECT, 2, 403, "AccessDenied");

            List<String> failed = rig.run(VoiceMailAudioRig.voicemail("contact-a", "stream-a"),
                    VoiceMailAudioRig.voicemail("contact-b", "stream-b"));

            assertThat(failed).containsExactly("1", "2");
        }
    }

    @Test
    void eachRecordGetsOnlyItsOwnAudioAndTags() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            // GIVEN two voicemails in one batch, on two streams, in two languages
            rig.kvs.media("stream-a", VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));
            rig.kvs.media("stream-b", VoiceMailAudioRig.media(CALLER_STOP, CALLER_STOP));
            ObjectNode second = VoiceMailAudioRig.voicemail("contact-b", "stream-b");
            ((ObjectNode) second.path("Attributes")).put("vm_lang", "fr-CA");

            rig.run(VoiceMailAudioRig.voicemail("contact-a", "stream-a"), second);

            // THEN no audio or tag of the first is carried into the second (SCV's module globals did)
            S3Stub.PutObject b = rig.s3.puts().get(1);
            assertThat(Arrays.copyOfRange(b.body(), 44, b.body().length)).isEqualTo(concat(CALLER_STOP, CALLER_STOP));
            assertThat(b.tags()).containsEntry("vm_lang", "fr-CA")
                    .containsEntry("vm_recordingUrl", BUCKET + "/voicemail_recordings/contact-b.wav").hasSize(6);
        }
    }

    @Test
    void recordsNotStartedBeforeTheDeadlineAreReportedForRetry() throws Exception {
        try (VoiceMailAudioRig rig = new VoiceMailAudioRig()) {
            rig.kvs.media(STREAM, VoiceMailAudioRig.media(CALLER_START, CALLER_STOP));
            String event = Json.write(Fixtures.kinesisEvent(List.<String[]>of(
                    new String[] {"7", Fixtures.base64(VoiceMailAudioRig.voicemail())})));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            // WHEN the function has less time left than one voicemail needs
            rig.handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                    new TestContext(5_000));

            assertThat(Json.read(out.toString(StandardCharsets.UTF_8)))
                    .isEqualTo(Json.read("{\"batchItemFailures\":[{\"itemIdentifier\":\"7\"}]}"));
            assertThat(rig.kvs.calls()).isEmpty();
        }
    }
}
