package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import dev.scvcdk.lambdas.testsupport.TranscribeApiStub;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** VoiceMailTranscribe from the caller's side: EventBridge event in, S3 and Transcribe stand-ins behind. */
class VoiceMailTranscribeHandlerTest {
    private static final String BUCKET = "acmecc-123456789012-tenant";
    private static final String CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";
    private static final String KEY = "voicemail_recordings/" + CONTACT + ".wav";

    private S3Stub s3;
    private S3Client s3Client;
    private TranscribeApiStub transcribe;
    private CapturingLog log;
    private VoiceMailTranscribeHandler handler;

    @BeforeEach
    void start() throws IOException {
        s3 = new S3Stub().createBucket(BUCKET);
        s3Client = s3.client();
        transcribe = new TranscribeApiStub();
        log = new CapturingLog();
        handler = new VoiceMailTranscribeHandler(new VoiceMailTranscribeService(new VoicemailBucket(s3Client),
                new VoicemailTranscriptionJobs(TestAwsClients.noWait(AwsService.TRANSCRIBE,
                        URI.create(transcribe.endpoint()))), log.logger()));
    }

    @AfterEach
    void stop() {
        s3Client.close();
        s3.close();
        transcribe.close();
    }

    private void recordingTagged(Map<String, String> tags) {
        s3.store(BUCKET, KEY, "RIFF", tags);
    }

    private JsonNode invoke(String event) throws IOException {
        return Json.read(Priming.invoke(handler, event));
    }

    private static String withKey(String key) {
        ObjectNode event = Fixtures.object("voicemail/recording-created.json");
        ((ObjectNode) event.path("detail").path("object")).put("key", key);
        return Json.write(event);
    }

    @Test
    void aRecordingStartsOneJobWithExactlyScvsParametersInItsTaggedLanguage() throws IOException {
        // GIVEN a recording tagged with its language
        recordingTagged(Map.of("vm_lang", "es-US", "vm_duration", "41"));

        // WHEN its Object Created event arrives
        JsonNode answer = invoke(Fixtures.text("voicemail/recording-created.json"));

        // THEN one job is started, named for the contact, writing the transcript next to the recording
        assertThat(transcribe.calls()).hasSize(1);
        TranscribeApiStub.Call call = transcribe.calls().get(0);
        assertThat(call.target()).isEqualTo("Transcribe.StartTranscriptionJob");
        assertThat(call.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(call.request()).isEqualTo(Json.read("""
                {"TranscriptionJobName":"5ca32fbd-8f92-46af-92a5-6b0f970f0efe","LanguageCode":"es-US",
                 "MediaFormat":"wav",
                 "Media":{"MediaFileUri":"s3://acmecc-123456789012-tenant/voicemail_recordings/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.wav"},
                 "OutputBucketName":"acmecc-123456789012-tenant",
                 "OutputKey":"voicemail_transcripts/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.json"}"""));
        assertThat(answer).isEqualTo(Json.read(
                "{\"outcome\":\"STARTED\",\"transcriptionJobName\":\"" + CONTACT + "\"}"));
    }

    @Test
    void theTagsAreReadPathStyleFromTheRecordingAndBothCallsAreSignedForTheFunctionsRegion() throws IOException {
        // GIVEN a tagged recording
        recordingTagged(Map.of("vm_lang", "en-GB"));

        // WHEN its event arrives
        invoke(Fixtures.text("voicemail/recording-created.json"));

        // THEN S3 saw GetObjectTagging of that object, and both calls are signed in us-west-2 (TRANSCRIBE_REGION is ignored)
        assertThat(s3.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.bucket()).isEqualTo(BUCKET);
            assertThat(request.key()).isEqualTo(KEY);
            assertThat(request.isTagging()).isTrue();
            assertThat(request.signingRegion()).isEqualTo("us-west-2");
            assertThat(request.signingService()).isEqualTo("s3");
        });
        assertThat(transcribe.calls()).singleElement().satisfies(call -> {
            assertThat(call.signingRegion()).isEqualTo("us-west-2");
            assertThat(call.signingService()).isEqualTo("transcribe");
        });
    }

    @Test
    void aRecordingWithoutALanguageTagIsTranscribedInEnUs() throws IOException {
        // GIVEN a recording with no vm_lang tag
        recordingTagged(Map.of("vm_duration", "41"));

        // WHEN its event arrives
        invoke(Fixtures.text("voicemail/recording-created.json"));

        // THEN the job's language is SCV's default
        assertThat(transcribe.calls()).singleElement()
                .satisfies(call -> assertThat(call.request().path("LanguageCode").asText()).isEqualTo("en-US"));
    }

    @Test
    void anEmptyLanguageTagIsTranscribedInEnUs() throws IOException {
        // GIVEN a recording whose vm_lang tag is empty (SCV: vm_lang || "en-US")
        recordingTagged(Map.of("vm_lang", ""));

        // WHEN its event arrives
        invoke(Fixtures.text("voicemail/recording-created.json"));

        // THEN the job's language is SCV's default
        assertThat(transcribe.calls()).singleElement()
                .satisfies(call -> assertThat(call.request().path("LanguageCode").asText()).isEqualTo("en-US"));
    }

    @Test
    void anExistingJobMeansTheEventWasDeliveredAgainAndSucceeds() throws IOException {
        // GIVEN the contact's job was started by an earlier delivery
        recordingTagged(Map.of("vm_lang", "en-US"));
        transcribe.putJob(CONTACT);

        // WHEN the event arrives again
        JsonNode answer = invoke(Fixtures.text("voicemail/recording-created.json"));

        // THEN Transcribe's ConflictException is success
        assertThat(transcribe.calls()).hasSize(1);
        assertThat(answer.path("outcome").asText()).isEqualTo("ALREADY_STARTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "voicemail_recordings/.write_access_check_file.temp",
            "voicemail_recordings/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.mp3",
            "voicemail_recordings/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.wav.tmp",
            "voicemail_recordings/archive/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.wav",
            "voicemail_recordings/not-a-contact-id.wav",
            "voicemail_recordings/.wav",
            "voicemail_transcripts/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.wav"})
    void aKeyThatIsNotContactIdDotWavStartsNoJob(String key) throws IOException {
        // GIVEN an object that is not a voicemail recording (SCV submits any key)
        // WHEN its event arrives
        JsonNode answer = invoke(withKey(key));

        // THEN nothing is read and no job is started
        assertThat(answer.path("outcome").asText()).isEqualTo("NOT_A_RECORDING");
        assertThat(s3.requests()).isEmpty();
        assertThat(transcribe.calls()).isEmpty();
    }

    @Test
    void aRecordingThatCannotBeReadFailsTheInvocationAndStartsNoJob() {
        // GIVEN no such recording (S3 answers NoSuchKey)
        // WHEN its event arrives
        // THEN the invocation fails (SCV logged and returned: the voicemail was never transcribed)
        assertThatThrownBy(() -> invoke(Fixtures.text("voicemail/recording-created.json")))
                .isInstanceOf(S3Exception.class)
                .hasMessageContaining("NoSuchKey");
        assertThat(transcribe.calls()).isEmpty();
    }

    @Test
    void aTransientS3ErrorIsRetriedAndTheJobStarts() throws IOException {
        // GIVEN a tagged recording and an S3 that fails the first two attempts with 500/503
        recordingTagged(Map.of("vm_lang", "en-US"));
        s3.failNext(1, 500, "InternalError");
        s3.failNext(1, 503, "SlowDown");

        // WHEN its event arrives
        JsonNode answer = invoke(Fixtures.text("voicemail/recording-created.json"));

        // THEN the third attempt reads the tags and the job starts
        assertThat(s3.requests()).hasSize(3);
        assertThat(answer.path("outcome").asText()).isEqualTo("STARTED");
    }

    @Test
    void anS3OutageFailsTheInvocationAfterBoundedRetries() {
        // GIVEN an S3 that answers 500 to every attempt
        recordingTagged(Map.of("vm_lang", "en-US"));
        s3.failNext(10, 500, "InternalError");

        // WHEN the event arrives THEN the invocation fails after the SDK's 3 attempts, starting no job
        assertThatThrownBy(() -> invoke(Fixtures.text("voicemail/recording-created.json")))
                .isInstanceOf(S3Exception.class);
        assertThat(s3.requests()).hasSize(3);
        assertThat(transcribe.calls()).isEmpty();
    }

    @Test
    void aRejectedJobFailsTheInvocation() {
        // GIVEN a recording tagged with a language Transcribe refuses
        recordingTagged(Map.of("vm_lang", "xx-XX"));
        transcribe.failNext(1, 400, "BadRequestException", "1 validation error detected: Value 'xx-XX' at 'languageCode'");

        // WHEN its event arrives THEN the invocation fails with Transcribe's error, after one attempt
        assertThatThrownBy(() -> invoke(Fixtures.text("voicemail/recording-created.json")))
                .isInstanceOf(AwsApiException.class)
                .hasMessageContaining("BadRequestException")
                .hasMessageContaining("xx-XX");
        assertThat(transcribe.calls()).hasSize(1);
    }

    @Test
    void aThrottledJobStartIsRetriedAndStarts() throws IOException {
        // GIVEN Transcribe throttles the first attempt and fails the second
        recordingTagged(Map.of("vm_lang", "en-US"));
        transcribe.failNext(1, 400, "LimitExceededException", "Rate exceeded");
        transcribe.failNext(1, 500, "InternalFailureException", "try again");

        // WHEN the event arrives
        JsonNode answer = invoke(Fixtures.text("voicemail/recording-created.json"));

        // THEN the third attempt starts the job
        assertThat(transcribe.calls()).hasSize(3);
        assertThat(answer.path("outcome").asText()).isEqualTo("STARTED");
        assertThat(transcribe.jobs()).containsExactly(CONTACT);
    }

    @Test
    void aTranscribeOutageFailsTheInvocationAfterBoundedRetries() {
        // GIVEN Transcribe throttles every attempt
        recordingTagged(Map.of("vm_lang", "en-US"));
        transcribe.failNext(10, 400, "LimitExceededException", "Rate exceeded");

        // WHEN the event arrives THEN the invocation fails after 3 attempts (SCV logged and returned)
        assertThatThrownBy(() -> invoke(Fixtures.text("voicemail/recording-created.json")))
                .isInstanceOf(AwsApiException.class)
                .hasMessageContaining("LimitExceededException");
        assertThat(transcribe.calls()).hasSize(3);
        assertThat(transcribe.jobs()).isEmpty();
    }

    @Test
    void anEventWithoutAnObjectKeyFailsNamingTheField() {
        // GIVEN an event that is not an S3 Object Created event
        ObjectNode event = Fixtures.object("voicemail/recording-created.json");
        ((ObjectNode) event.path("detail")).remove("object");

        // WHEN it arrives THEN the invocation fails naming the missing field, calling nothing
        assertThatThrownBy(() -> invoke(Json.write(event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detail.object.key is missing");
        assertThat(s3.requests()).isEmpty();
    }

    @Test
    void anEventWithoutABucketFailsNamingTheField() {
        // GIVEN an event whose bucket name is empty
        ObjectNode event = Fixtures.object("voicemail/recording-created.json");
        ((ObjectNode) event.path("detail").path("bucket")).put("name", "");

        // WHEN it arrives THEN the invocation fails naming the field and its value
        assertThatThrownBy(() -> invoke(Json.write(event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detail.bucket.name is \"\": an S3 Object Created event must name the bucket");
    }

    @Test
    void aStartedJobIsLoggedWithTheContactId() throws IOException {
        // GIVEN a tagged recording
        recordingTagged(Map.of("vm_lang", "en-US"));

        // WHEN its event arrives
        invoke(Fixtures.text("voicemail/recording-created.json"));

        // THEN one JSON log line names the contact and the job's language
        assertThat(log.lines()).anySatisfy(line -> {
            assertThat(line.path("message").asText()).isEqualTo("transcription job started");
            assertThat(line.path("contactId").asText()).isEqualTo(CONTACT);
            assertThat(line.path("languageCode").asText()).isEqualTo("en-US");
        });
    }
}
