package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub.Outcome;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import dev.scvcdk.lambdas.testsupport.TranscribeApiStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * VoiceMailPackaging from the caller's side: EventBridge event in; S3, the telephony function (behind a local
 * Lambda API) and Transcribe stand-ins behind; the routing delay recorded, never slept.
 */
class VoiceMailPackagingHandlerTest {
    static final String BUCKET = "acmecc-123456789012-tenant";
    static final String CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";
    static final String RECORDING = "voicemail_recordings/" + CONTACT + ".wav";
    static final String TRANSCRIPT = "voicemail_transcripts/" + CONTACT + ".json";
    static final String TELEPHONY =
            "arn:aws:lambda:us-west-2:123456789012:function:acmecc-InvokeTelephonyIntegrationApiFunction:active";
    static final Duration DELAY = Duration.ofSeconds(60);

    /** The tags VoiceMailAudioProcessing writes. */
    static Map<String, String> recordingTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("vm_lang", "es-US");
        tags.put("vm_dialedNumber", "+18005550199");
        tags.put("vm_initTimestamp", "2026-11-21T10:00:00Z");
        tags.put("vm_endTimestamp", "2026-11-21T10:01:05.250Z");
        tags.put("vm_duration", "41");
        tags.put("vm_recordingUrl", BUCKET + "/" + RECORDING);
        return tags;
    }

    private S3Stub s3;
    private S3Client s3Client;
    private TranscribeApiStub transcribe;
    private LambdaApiStub lambda;
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    /** Scripted telephony answers per methodName, taken in order; when none is left the call succeeds. */
    private final Map<String, Deque<Outcome>> telephony = new HashMap<>();
    private VoiceMailPackagingHandler handler;

    @BeforeEach
    void start() throws IOException {
        s3 = new S3Stub();
        s3Client = s3.client();
        transcribe = new TranscribeApiStub();
        lambda = new LambdaApiStub();
        lambda.onInvoke((function, payload) -> {
            synchronized (telephony) {
                Deque<Outcome> scripted = telephony.get(methodName(payload));
                return scripted == null || scripted.isEmpty() ? Outcome.ok("{}") : scripted.poll();
            }
        });
        handler = handler(new CapturingLog());
    }

    private VoiceMailPackagingHandler handler(CapturingLog log) {
        return new VoiceMailPackagingHandler(new VoiceMailPackagingService(new VoicemailBucket(s3Client),
                new VoicemailTranscriptionJobs(TestAwsClients.noWait(AwsService.TRANSCRIBE,
                        URI.create(transcribe.endpoint()))),
                new LambdaFunctionInvoker(TestAwsClients.noWait(AwsService.LAMBDA, URI.create(lambda.endpoint()))),
                TELEPHONY, DELAY, slept::add, log.logger()));
    }

    @AfterEach
    void stop() {
        s3Client.close();
        s3.close();
        transcribe.close();
        lambda.close();
    }

    /** A transcribed voicemail: the tagged recording, its transcript and its (finished) job. */
    private void voicemail(Map<String, String> tags, String transcriptJson) {
        s3.store(BUCKET, RECORDING, "RIFF", tags);
        s3.store(BUCKET, TRANSCRIPT, transcriptJson, Map.of());
        transcribe.putJob(CONTACT);
    }

    private void voicemail() {
        voicemail(recordingTags(), Fixtures.text("voicemail/transcript.json"));
    }

    private void telephonyAnswers(String methodName, Outcome... outcomes) {
        synchronized (telephony) {
            telephony.computeIfAbsent(methodName, name -> new ArrayDeque<>()).addAll(List.of(outcomes));
        }
    }

    private JsonNode invoke(String event) throws IOException {
        return Json.read(Priming.invoke(handler, event));
    }

    private JsonNode deliver() throws IOException {
        return invoke(Fixtures.text("voicemail/transcript-created.json"));
    }

    private static String withKey(String key) {
        ObjectNode event = Fixtures.object("voicemail/transcript-created.json");
        ((ObjectNode) event.path("detail").path("object")).put("key", key);
        return Json.write(event);
    }

    private List<String> methodsCalled() {
        return lambda.invocations().stream().map(invocation -> methodName(invocation.payload())).toList();
    }

    private List<JsonNode> payloads() {
        return lambda.invocations().stream().map(invocation -> read(invocation.payload())).toList();
    }

    private static String methodName(String payload) {
        return read(payload).path("Details").path("Parameters").path("methodName").asText();
    }

    private static JsonNode read(String json) {
        try {
            return Json.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTranscriptIsDeliveredInScvsOrderWithExactlyScvsParameters() throws IOException {
        // GIVEN a tagged recording and its transcript
        voicemail();

        // WHEN the transcript's Object Created event arrives
        JsonNode answer = deliver();

        // THEN the telephony alias is invoked synchronously four times, with exactly these payloads
        assertThat(lambda.invocations()).allSatisfy(invocation -> {
            assertThat(invocation.functionName()).isEqualTo(TELEPHONY);
            assertThat(invocation.invocationType()).isEqualTo("RequestResponse");
            assertThat(invocation.signed()).isTrue();
        });
        assertThat(payloads()).containsExactly(read("""
                {"Details":{"Parameters":{"methodName":"updateVoiceCall","contactId":"%1$s","fieldValues":{
                 "recordingLocation":"acmecc-123456789012-tenant/voicemail_recordings/%1$s.wav",
                 "totalRecordingDuration":41,"startTime":"2026-11-21T10:00:00Z","endTime":"2026-11-21T10:01:05.250Z",
                 "callOrigin":"Voicemail","isActiveCall":true}}}}""".formatted(CONTACT)), read("""
                {"Details":{"Parameters":{"methodName":"sendMessage","contactId":"%1$s","fieldValues":{
                 "messageId":"%1$s","startTime":1795255200000,"endTime":1795255265250,
                 "content":"Hola, soy Zoë Núñez. ¿Puede llamarme mañana? Gracias — adiós.",
                 "participantId":"END_USER","senderType":"END_USER"}}}}""".formatted(CONTACT)), read("""
                {"Details":{"Parameters":{"methodName":"executeOmniFlow","contactId":"%1$s","fieldValues":{
                 "dialedNumber":"+18005550199"}}}}""".formatted(CONTACT)), read("""
                {"Details":{"Parameters":{"methodName":"updateVoiceCall","contactId":"%1$s","fieldValues":{}}}}"""
                .formatted(CONTACT)));
        // AND the job is deleted, and the answer says so
        assertThat(transcribe.calls()).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("Transcribe.DeleteTranscriptionJob");
            assertThat(call.request()).isEqualTo(read("{\"TranscriptionJobName\":\"" + CONTACT + "\"}"));
        });
        assertThat(transcribe.jobs()).isEmpty();
        assertThat(answer).isEqualTo(read(
                "{\"success\":true,\"contactId\":\"" + CONTACT + "\",\"routingAttempts\":1}"));
    }

    @Test
    void theRecordingsTagsAndTheTranscriptAreReadFromTheEventsBucket() throws IOException {
        // GIVEN a transcribed voicemail
        voicemail();

        // WHEN its event arrives
        deliver();

        // THEN S3 saw GetObjectTagging of the recording and GetObject of the transcript, path-style and signed
        assertThat(s3.requests()).extracting(S3Stub.Request::bucket, S3Stub.Request::key,
                        S3Stub.Request::isTagging, S3Stub.Request::signingService)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BUCKET, RECORDING, true, "s3"),
                        org.assertj.core.groups.Tuple.tuple(BUCKET, TRANSCRIPT, false, "s3"));
    }

    @Test
    void routingWaitsTheDelayBeforeItsFirstAttempt() throws IOException {
        // GIVEN a transcribed voicemail
        voicemail();

        // WHEN it is delivered
        deliver();

        // THEN the one routing attempt came after one delay, and nothing else waited
        assertThat(slept).containsExactly(DELAY);
    }

    @Test
    void sendMessageTimesAreEpochMillisecondsOfTheTimestampTagsWhateverTheirOffset() throws IOException {
        // GIVEN timestamps with an offset and with fractions (SCV's parseInt would send 2026)
        Map<String, String> tags = recordingTags();
        tags.put("vm_initTimestamp", "2026-11-21T12:00:00.5+02:00");
        tags.put("vm_endTimestamp", "2026-11-21T10:01:05.123456Z");
        voicemail(tags, Fixtures.text("voicemail/transcript.json"));

        // WHEN it is delivered
        deliver();

        // THEN sendMessage carries epoch milliseconds, and updateVoiceCall the tags as they are
        JsonNode message = payloads().get(1).path("Details").path("Parameters").path("fieldValues");
        assertThat(message.path("startTime").isIntegralNumber()).isTrue();
        assertThat(message.path("startTime").asLong()).isEqualTo(1795255200500L);
        assertThat(message.path("endTime").asLong()).isEqualTo(1795255265123L);
        JsonNode update = payloads().get(0).path("Details").path("Parameters").path("fieldValues");
        assertThat(update.path("startTime").asText()).isEqualTo("2026-11-21T12:00:00.5+02:00");
    }

    @Test
    void aFractionalDurationTagIsSentAsWholeSecondsAsScvsParseIntDoes() throws IOException {
        // GIVEN a duration tag with a fraction
        Map<String, String> tags = recordingTags();
        tags.put("vm_duration", "41.9");
        voicemail(tags, Fixtures.text("voicemail/transcript.json"));

        // WHEN it is delivered
        deliver();

        // THEN updateVoiceCall's totalRecordingDuration is the whole seconds
        assertThat(payloads().get(0).path("Details").path("Parameters").path("fieldValues")
                .path("totalRecordingDuration").asInt()).isEqualTo(41);
    }

    @Test
    void anEmptyTranscriptStillUpdatesMessagesAndRoutesTheVoicemail() throws IOException {
        // GIVEN a voicemail in which Transcribe heard nothing
        voicemail(recordingTags(), """
                {"jobName":"%s","status":"COMPLETED","results":{"transcripts":[{"transcript":""}],"items":[]}}"""
                .formatted(CONTACT));

        // WHEN it is delivered
        JsonNode answer = deliver();

        // THEN every step ran, the message with empty content
        assertThat(methodsCalled()).containsExactly("updateVoiceCall", "sendMessage", "executeOmniFlow",
                "updateVoiceCall");
        assertThat(payloads().get(1).path("Details").path("Parameters").path("fieldValues").path("content").asText())
                .isEmpty();
        assertThat(answer.path("success").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "voicemail_transcripts/.write_access_check_file.temp",
            "voicemail_transcripts/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.txt",
            "voicemail_transcripts/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.json.tmp"})
    void aKeyThatIsNotJsonIsAnsweredSuccessWithoutAnyCall(String key) throws IOException {
        // GIVEN an object Transcribe writes that is not a transcript
        voicemail();

        // WHEN its event arrives
        JsonNode answer = invoke(withKey(key));

        // THEN the answer is SCV's, and nothing is read, invoked or deleted
        assertThat(answer).isEqualTo(read("{\"success\":true}"));
        assertThat(s3.requests()).isEmpty();
        assertThat(lambda.invocations()).isEmpty();
        assertThat(transcribe.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "voicemail_transcripts/not-a-contact.json",
            "voicemail_transcripts/archive/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.json",
            "voicemail_recordings/5ca32fbd-8f92-46af-92a5-6b0f970f0efe.json"})
    void aJsonKeyThatIsNotContactIdDotJsonIsAnsweredSuccessWithoutAnyCall(String key) throws IOException {
        // GIVEN a JSON object that is not voicemail_transcripts/<ContactId>.json
        voicemail();

        // WHEN its event arrives
        JsonNode answer = invoke(withKey(key));

        // THEN nothing is delivered for it
        assertThat(answer).isEqualTo(read("{\"success\":true}"));
        assertThat(s3.requests()).isEmpty();
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void routingIsRetriedAfterTheDelayUntilAnAttemptSucceeds() throws IOException {
        // GIVEN executeOmniFlow fails three times with a function error, then succeeds
        voicemail();
        telephonyAnswers("executeOmniFlow", Outcome.unhandled("SCRT 503"), Outcome.unhandled("SCRT 503"),
                Outcome.unhandled("SCRT 503"));

        // WHEN it is delivered
        JsonNode answer = deliver();

        // THEN four attempts were made, each after the delay, and the voicemail was closed
        assertThat(methodsCalled()).containsExactly("updateVoiceCall", "sendMessage", "executeOmniFlow",
                "executeOmniFlow", "executeOmniFlow", "executeOmniFlow", "updateVoiceCall");
        assertThat(slept).containsExactly(DELAY, DELAY, DELAY, DELAY);
        assertThat(answer.path("routingAttempts").asInt()).isEqualTo(4);
        assertThat(transcribe.jobs()).isEmpty();
    }

    @Test
    void fourFailedRoutingAttemptsFailTheInvocationAndLeaveTheVoicemailOpen() {
        // GIVEN executeOmniFlow fails every time
        voicemail();
        telephonyAnswers("executeOmniFlow", Outcome.unhandled("no flow"), Outcome.unhandled("no flow"),
                Outcome.unhandled("no flow"), Outcome.unhandled("no flow"), Outcome.unhandled("no flow"));

        // WHEN it is delivered THEN the invocation fails (SCV closed the record unrouted and succeeded)
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executeOmniFlow failed 4 times for contact " + CONTACT)
                .hasMessageContaining("no flow");
        // AND exactly four attempts were made; the voicemail is not closed and its job is kept
        assertThat(methodsCalled()).containsExactly("updateVoiceCall", "sendMessage", "executeOmniFlow",
                "executeOmniFlow", "executeOmniFlow", "executeOmniFlow");
        assertThat(slept).hasSize(4);
        assertThat(transcribe.calls()).isEmpty();
    }

    @Test
    void aFunctionErrorFromTheFirstUpdateFailsTheInvocationBeforeTheMessage() {
        // GIVEN updateVoiceCall fails
        voicemail();
        telephonyAnswers("updateVoiceCall", Outcome.unhandled("SCRT 404 voice call not found"));

        // WHEN it is delivered THEN the invocation fails with the telephony error (SCV ignored it)
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("telephony updateVoiceCall failed for contact " + CONTACT)
                .hasMessageContaining("Unhandled")
                .hasMessageContaining("voice call not found");
        assertThat(methodsCalled()).containsExactly("updateVoiceCall");
        assertThat(slept).isEmpty();
        assertThat(transcribe.calls()).isEmpty();
    }

    @Test
    void sendMessageAnsweringResultErrorFailsTheInvocationBeforeRouting() {
        // GIVEN telephony reports an SCRT failure of the message the way it does: {"result":"Error"}
        voicemail();
        telephonyAnswers("sendMessage", Outcome.ok("{\"result\":\"Error\"}"));

        // WHEN it is delivered THEN the invocation fails (SCV ignored it and routed a voicemail without text)
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sendMessage answered {\"result\":\"Error\"} for contact " + CONTACT);
        assertThat(methodsCalled()).containsExactly("updateVoiceCall", "sendMessage");
        assertThat(transcribe.calls()).isEmpty();
    }

    @Test
    void aFunctionErrorFromSendMessageFailsTheInvocationBeforeRouting() {
        // GIVEN sendMessage fails with a function error
        voicemail();
        telephonyAnswers("sendMessage", Outcome.unhandled("Task timed out after 8.00 seconds"));

        // WHEN it is delivered THEN the invocation fails
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("telephony sendMessage failed");
        assertThat(methodsCalled()).containsExactly("updateVoiceCall", "sendMessage");
    }

    @Test
    void aFunctionErrorFromTheClosingUpdateFailsTheInvocationAndKeepsTheJob() {
        // GIVEN the first updateVoiceCall succeeds and the closing one fails
        voicemail();
        telephonyAnswers("updateVoiceCall", Outcome.ok("{}"), Outcome.unhandled("SCRT 500"));

        // WHEN it is delivered THEN the invocation fails and the job is not deleted
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("telephony updateVoiceCall (close) failed");
        assertThat(methodsCalled()).containsExactly("updateVoiceCall", "sendMessage", "executeOmniFlow",
                "updateVoiceCall");
        assertThat(transcribe.calls()).isEmpty();
    }

    @Test
    void aJobThatIsAlreadyDeletedIsDone() throws IOException {
        // GIVEN an earlier delivery deleted the job (Transcribe: BadRequestException "couldn't be found")
        voicemail();
        transcribe.removeJob(CONTACT);

        // WHEN it is delivered again THEN it succeeds
        JsonNode answer = deliver();

        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(transcribe.calls()).singleElement()
                .satisfies(call -> assertThat(call.target()).isEqualTo("Transcribe.DeleteTranscriptionJob"));
    }

    @Test
    void aNotFoundExceptionOnDeleteIsDone() throws IOException {
        // GIVEN Transcribe answers the delete with NotFoundException
        voicemail();
        transcribe.failNext(1, 400, "NotFoundException", "The requested job couldn't be found.");

        // WHEN it is delivered THEN it succeeds
        assertThat(deliver().path("success").asBoolean()).isTrue();
    }

    @Test
    void anyOtherDeleteErrorFailsTheInvocation() {
        // GIVEN Transcribe refuses the delete for another reason
        voicemail();
        transcribe.failNext(1, 400, "BadRequestException", "The job is IN_PROGRESS and can't be deleted.");

        // WHEN it is delivered THEN the invocation fails with Transcribe's error
        assertThatThrownBy(this::deliver)
                .isInstanceOf(AwsApiException.class)
                .hasMessageContaining("BadRequestException")
                .hasMessageContaining("IN_PROGRESS");
    }

    @Test
    void aThrottledDeleteIsRetriedAndSucceeds() throws IOException {
        // GIVEN Transcribe throttles the first delete attempt
        voicemail();
        transcribe.failNext(1, 400, "ThrottlingException", "Rate exceeded");

        // WHEN it is delivered THEN the second attempt deletes the job
        assertThat(deliver().path("success").asBoolean()).isTrue();
        assertThat(transcribe.calls()).hasSize(2);
        assertThat(transcribe.jobs()).isEmpty();
    }

    @Test
    void aMissingRecordingTagFailsTheInvocationNamingItBeforeAnyCall() {
        // GIVEN a recording without vm_dialedNumber
        Map<String, String> tags = recordingTags();
        tags.remove("vm_dialedNumber");
        voicemail(tags, Fixtures.text("voicemail/transcript.json"));

        // WHEN it is delivered THEN it fails naming the object and the tag, having changed nothing
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recording " + BUCKET + "/" + RECORDING + " has no tag vm_dialedNumber");
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void anUnreadableTimestampTagFailsTheInvocationNamingTagValueAndRule() {
        // GIVEN a recording whose end time is not ISO 8601
        Map<String, String> tags = recordingTags();
        tags.put("vm_endTimestamp", "21/11/2026 10:01");
        voicemail(tags, Fixtures.text("voicemail/transcript.json"));

        // WHEN it is delivered THEN it fails naming the tag, its value and the rule, having changed nothing
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tag vm_endTimestamp is '21/11/2026 10:01': must be an ISO 8601 timestamp");
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void anUnreadableDurationTagFailsTheInvocationNamingTagValueAndRule() {
        // GIVEN a recording whose duration is not a number
        Map<String, String> tags = recordingTags();
        tags.put("vm_duration", "forty");
        voicemail(tags, Fixtures.text("voicemail/transcript.json"));

        // WHEN it is delivered THEN it fails naming the tag, its value and the rule
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tag vm_duration is 'forty': must be a non-negative number of seconds");
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void aRecordingThatCannotBeReadFailsTheInvocationBeforeAnyCall() {
        // GIVEN the transcript but no recording
        s3.store(BUCKET, TRANSCRIPT, Fixtures.text("voicemail/transcript.json"), Map.of());

        // WHEN it is delivered THEN S3's error fails the invocation
        assertThatThrownBy(this::deliver).isInstanceOf(S3Exception.class).hasMessageContaining("NoSuchKey");
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void aTranscriptThatCannotBeReadFailsTheInvocationBeforeAnyCall() {
        // GIVEN the recording but no transcript
        s3.store(BUCKET, RECORDING, "RIFF", recordingTags());

        // WHEN it is delivered THEN S3's error fails the invocation
        assertThatThrownBy(this::deliver).isInstanceOf(S3Exception.class).hasMessageContaining("NoSuchKey");
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void aTranscriptWithoutTranscribesShapeFailsTheInvocationNamingTheField() {
        // GIVEN a JSON object without results.transcripts
        voicemail(recordingTags(), "{\"results\":{}}");

        // WHEN it is delivered THEN it fails naming the field
        assertThatThrownBy(this::deliver)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no text at results.transcripts[0].transcript");
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void aTransientS3ErrorIsRetriedAndTheVoicemailDelivered() throws IOException {
        // GIVEN S3 fails the first attempt of the tag read
        voicemail();
        s3.failNext(1, 503, "SlowDown");

        // WHEN it is delivered THEN it is delivered in full
        assertThat(deliver().path("routingAttempts").asInt()).isEqualTo(1);
        assertThat(methodsCalled()).hasSize(4);
    }

    @Test
    void aFailedVoicemailLeavesNothingBehindForTheNextOne() throws IOException {
        // GIVEN one voicemail whose routing fails four times
        voicemail();
        telephonyAnswers("executeOmniFlow", Outcome.unhandled("down"), Outcome.unhandled("down"),
                Outcome.unhandled("down"), Outcome.unhandled("down"));
        assertThatThrownBy(this::deliver).isInstanceOf(IllegalStateException.class);
        int before = lambda.invocations().size();

        // WHEN the next delivery comes to the same container
        JsonNode answer = deliver();

        // THEN it starts afresh: four calls, first routing attempt succeeds
        assertThat(lambda.invocations()).hasSize(before + 4);
        assertThat(answer.path("routingAttempts").asInt()).isEqualTo(1);
    }

    @Test
    void theDeliveryIsLoggedWithTheContactId() throws IOException {
        // GIVEN a handler whose log the test reads
        CapturingLog log = new CapturingLog();
        handler = handler(log);
        voicemail();

        // WHEN it is delivered
        deliver();

        // THEN one JSON line says it was delivered, for which contact, after how many routing attempts
        assertThat(log.lines()).anySatisfy(line -> {
            assertThat(line.path("message").asText()).isEqualTo("voicemail delivered");
            assertThat(line.path("contactId").asText()).isEqualTo(CONTACT);
            assertThat(line.path("routingAttempts").asInt()).isEqualTo(1);
        });
    }
}
