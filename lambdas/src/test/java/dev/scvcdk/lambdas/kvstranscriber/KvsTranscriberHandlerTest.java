package dev.scvcdk.lambdas.kvstranscriber;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.media.kvs.StartSelector;
import dev.scvcdk.lambdas.kvstranscriber.ContactAudio.AudioEnd;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.ConnectStub;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import dev.scvcdk.lambdas.testsupport.TranscribeStreamingStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kvsTranscriber end to end from the caller's side: kvsConsumerTrigger's payload in; fake contact audio → one
 * Transcribe streaming session per direction on the HTTP/2 event-stream stand-in → SCRT messages on the SCRT
 * stand-in (which verifies every JWT), Connect on its stand-in; the answer or the failure out.
 */
class KvsTranscriberHandlerTest {
    static final String ORG = "00D5e000000AbCdEAA";
    static final String CALL_CENTER = "acmecc";
    static final String KEY_NAME = "acmecc-scrt-jwt-auth-private-key";
    static final String CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";
    static final String MESSAGES = "/voiceCalls/" + CONTACT + "/messages";
    static final long AUDIO_START = 1763719200000L;

    private TranscribeStreamingStub transcribe;
    private ScrtStub scrt;
    private ConnectStub connect;
    private AwsJsonStub ssm;
    private AwsSystemProperties properties;
    private FakeContactAudio audio;
    private CapturingLog log;
    private final List<Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        transcribe = new TranscribeStreamingStub();
        scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
        connect = new ConnectStub();
        ssm = new AwsJsonStub();
        ssm.putParameter(KEY_NAME, TestKeys.pkcs8Pem());
        properties = AwsSystemProperties.with(Map.of("aws.endpointUrlTranscribeStreaming", transcribe.endpoint(),
                "aws.endpointUrlConnect", connect.endpoint(), "aws.endpointUrlSsm", ssm.endpoint()));
        audio = new FakeContactAudio();
        log = new CapturingLog();
    }

    @AfterEach
    void stop() {
        assertThat(scrt.problems()).isEmpty();
        transcribe.sessions().forEach(session -> assertThat(session.problems()).isEmpty());
        properties.close();
        ssm.close();
        connect.close();
        scrt.close();
        transcribe.close();
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(EnvVar.PRIVATE_KEY_PARAM_NAME, KEY_NAME,
                EnvVar.SALESFORCE_ORG_ID, ORG, EnvVar.SCRT_ENDPOINT_BASE, scrt.baseUrl(),
                EnvVar.CALL_CENTER_API_NAME, CALL_CENTER));
        environment.putAll(extra);
        return environment;
    }

    /** The production wiring, with an SCRT HTTP client that does not sleep between attempts. */
    private KvsTranscriberHandler handler(Map<String, String> extraEnvironment) {
        RetryingHttpClient http = new RetryingHttpClient(HttpClient.newHttpClient(),
                KvsTranscriberWiring.MESSAGE_RETRIES, Duration.ofSeconds(5), delay -> { }, Clock.systemUTC(),
                () -> 0.5, log.logger());
        return new KvsTranscriberHandler(KvsTranscriberWiring.prepare(environment(extraEnvironment), audio, http,
                sleeps::add, SecureRandom::new, 0).service());
    }

    private static JsonNode invoke(KvsTranscriberHandler handler, JsonNode payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Json.write(payload).getBytes(StandardCharsets.UTF_8)),
                    out, null);
            return Json.read(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode payload() {
        return Fixtures.object("kvstranscriber/kvs-transcriber.json");
    }

    private static ObjectNode callerOnly() {
        return payload().put("streamAudioToCustomer", false);
    }

    private static JsonNode body(ScrtStub.Received request) {
        try {
            return Json.read(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> acceptedContents(String senderType) {
        return scrt.accepted().stream().map(KvsTranscriberHandlerTest::body)
                .filter(body -> senderType.equals(body.path("senderType").asText()))
                .map(body -> body.path("content").asText()).toList();
    }

    private static Function<ScrtStub.Received, ScrtStub.Reply> failingFor(String content, int status, int times) {
        int[] failures = {0};
        return request -> {
            if (content.equals(body(request).path("content").asText())) {
                synchronized (failures) {
                    if (failures[0]++ < times) {
                        return ScrtStub.Reply.json(status, "[{\"errorCode\":\"SERVER_ERROR\"}]");
                    }
                }
            }
            return ScrtStub.Reply.json(201, "{}");
        };
    }

    @Test
    void bothDirectionsBecomeScrtMessagesWithScvsExactBodies() throws IOException {
        audio.frame(Direction.FROM_CUSTOMER, "hello I need help").frame(Direction.TO_CUSTOMER, "how can I help")
                .frame(Direction.FROM_CUSTOMER, "my order is late").endOfStream();

        JsonNode answer = invoke(handler(Map.of()), payload());

        assertThat(answer).isEqualTo(Json.read("{\"result\":\"Success\"}"));
        assertThat(scrt.accepted()).hasSize(3).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathWithinBase()).isEqualTo(MESSAGES);
        });
        List<JsonNode> caller = scrt.accepted().stream().map(KvsTranscriberHandlerTest::body)
                .filter(body -> body.path("senderType").asText().equals("END_USER")).toList();
        TranscribeStreamingStub.Session callerSession = transcribe.sessions().stream()
                .filter(session -> session.frames().get(0).equals("hello I need help")).findFirst().orElseThrow();
        assertThat(caller).containsExactly(
                Json.read("""
                        {"participantId":"+14155550100","messageId":"%s","startTime":%d,"endTime":%d,
                         "content":"hello I need help","senderType":"END_USER"}""".formatted(
                        callerSession.finals().get(0).resultId(), AUDIO_START, AUDIO_START + 100)),
                Json.read("""
                        {"participantId":"+14155550100","messageId":"%s","startTime":%d,"endTime":%d,
                         "content":"my order is late","senderType":"END_USER"}""".formatted(
                        callerSession.finals().get(1).resultId(), AUDIO_START + 100, AUDIO_START + 200)));
        assertThat(body(scrt.accepted().stream().filter(request -> body(request).path("senderType").asText()
                .equals("VIRTUAL_AGENT")).findFirst().orElseThrow()))
                .isEqualTo(Json.read("""
                        {"participantId":"%s","messageId":"%s","startTime":%d,"endTime":%d,
                         "content":"how can I help","senderType":"VIRTUAL_AGENT"}""".formatted(CONTACT,
                        transcribe.sessions().stream().filter(session -> session != callerSession).findFirst()
                                .orElseThrow().finals().get(0).resultId(), AUDIO_START, AUDIO_START + 100)));
    }

    @Test
    void eachEnabledDirectionGetsItsOwnSessionWithScvsParameters() {
        audio.frame(Direction.FROM_CUSTOMER, "hello").frame(Direction.TO_CUSTOMER, "welcome").endOfStream();

        invoke(handler(Map.of()), payload());

        assertThat(transcribe.sessions()).hasSize(2).allSatisfy(session -> {
            assertThat(session.path()).isEqualTo("/stream-transcription");
            assertThat(session.headers()).containsEntry("x-amzn-transcribe-language-code", "en-US")
                    .containsEntry("x-amzn-transcribe-sample-rate", "8000")
                    .containsEntry("x-amzn-transcribe-media-encoding", "pcm")
                    .containsEntry("x-amzn-transcribe-vocabulary-name", "products")
                    .containsEntry("x-amzn-transcribe-vocabulary-filter-name", "profanity")
                    .containsEntry("x-amzn-transcribe-vocabulary-filter-method", "mask");
            assertThat(session.header("authorization")).contains("/us-west-2/transcribe/aws4_request");
            assertThat(session.endFrameReceived()).isTrue();
        });
        assertThat(transcribe.sessions()).extracting(session -> session.frames())
                .containsExactlyInAnyOrder(List.of("hello"), List.of("welcome"));
    }

    @Test
    void everyFinalResultOfAnEventIsPostedInOrderAndPartialsAndEmptyTranscriptsAreNot() {
        audio.frame(Direction.FROM_CUSTOMER, "first").frame(Direction.FROM_CUSTOMER, "SILENCE")
                .frame(Direction.FROM_CUSTOMER, "EMPTY").frame(Direction.FROM_CUSTOMER, "second|third")
                .frame(Direction.FROM_CUSTOMER, "fourth").endOfStream();

        invoke(handler(Map.of()), callerOnly());

        assertThat(acceptedContents("END_USER")).containsExactly("first", "second", "third", "fourth");
        assertThat(scrt.received()).hasSize(4);
    }

    @Test
    void readingStartsAtTheContactsFirstFragmentByDefault() {
        audio.endOfStream();

        invoke(handler(Map.of()), payload());

        assertThat(audio.requests()).containsExactly(new AudioRequest(
                "arn:aws:kinesisvideo:us-west-2:123456789012:stream/cc-contact-5ca32fbd/1763719200000",
                StartSelector.fragmentNumber("91343852333181432392682062607743920146264440123"), CONTACT,
                Set.of(Direction.FROM_CUSTOMER, Direction.TO_CUSTOMER)));
        assertThat(audio.requests().get(0).streamName()).isEqualTo("cc-contact-5ca32fbd");
    }

    @Test
    void readingStartsNowWhenStartSelectorTypeIsNow() {
        audio.endOfStream();

        invoke(handler(Map.of(EnvVar.START_SELECTOR_TYPE, "now")), payload().put("startFragmentNum", ""));

        assertThat(audio.requests()).extracting(AudioRequest::startSelector).containsExactly(StartSelector.now());
    }

    @Test
    void invalidPayloadFailsBeforeAnythingIsRead() {
        audio.frame(Direction.FROM_CUSTOMER, "hello").endOfStream();
        KvsTranscriberHandler handler = handler(Map.of());

        assertThatThrownBy(() -> invoke(handler, payload().put("languageCode", "xx-XX")
                .put("vocabularyFilterMethod", "hide")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("languageCode is 'xx-XX'")
                .hasMessageContaining("vocabularyFilterMethod is 'hide': must be one of remove, mask, tag");

        assertThat(audio.requests()).isEmpty();
        assertThat(transcribe.sessions()).isEmpty();
        assertThat(scrt.received()).isEmpty();
    }

    @Test
    void missingStartFragmentFailsBeforeAnythingIsReadWhenReadingStartsAtIt() {
        KvsTranscriberHandler handler = handler(Map.of());

        assertThatThrownBy(() -> invoke(handler, payload().put("startFragmentNum", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startFragmentNum is missing")
                .hasMessageContaining("FRAGMENT_NUMBER");
        assertThat(audio.requests()).isEmpty();
    }

    @Test
    void aDisabledDirectionIsNeitherReadNorTranscribed() {
        audio.frame(Direction.FROM_CUSTOMER, "caller words").frame(Direction.TO_CUSTOMER, "agent words").endOfStream();

        invoke(handler(Map.of()), payload().put("streamAudioFromCustomer", false));

        assertThat(audio.requests().get(0).directions()).containsExactly(Direction.TO_CUSTOMER);
        assertThat(transcribe.sessions()).hasSize(1);
        assertThat(acceptedContents("VIRTUAL_AGENT")).containsExactly("agent words");
        assertThat(acceptedContents("END_USER")).isEmpty();
    }

    @Test
    void bothDirectionsDisabledSucceedWithoutReading() throws IOException {
        JsonNode answer = invoke(handler(Map.of()), payload().put("streamAudioFromCustomer", "false")
                .put("streamAudioToCustomer", false));

        assertThat(answer).isEqualTo(Json.read("{\"result\":\"Success\"}"));
        assertThat(audio.requests()).isEmpty();
    }

    @Test
    void aDirectionEndedByAnotherContactsFragmentFinishesWhileTheOtherGoesOn() {
        audio.frame(Direction.FROM_CUSTOMER, "caller before").end(Direction.FROM_CUSTOMER, AudioEnd.OTHER_CONTACT)
                .frame(Direction.TO_CUSTOMER, "agent goes on").end(Direction.TO_CUSTOMER, AudioEnd.STOP_STREAMING);

        invoke(handler(Map.of()), payload());

        assertThat(acceptedContents("END_USER")).containsExactly("caller before");
        assertThat(acceptedContents("VIRTUAL_AGENT")).containsExactly("agent goes on");
        assertThat(transcribe.sessions()).allSatisfy(session -> assertThat(session.endFrameReceived()).isTrue());
    }

    @Test
    void medicalEngineTranscribesWithTheMedicalSession() {
        audio.frame(Direction.FROM_CUSTOMER, "chest pain since monday").endOfStream();

        invoke(handler(Map.of()), callerOnly().put("engine", "Medical").put("specialty", "CARDIOLOGY"));

        assertThat(transcribe.sessions()).singleElement().satisfies(session -> {
            assertThat(session.path()).isEqualTo("/medical-stream-transcription");
            assertThat(session.headers()).containsEntry("x-amzn-transcribe-specialty", "CARDIOLOGY")
                    .containsEntry("x-amzn-transcribe-type", "CONVERSATION");
        });
        assertThat(acceptedContents("END_USER")).containsExactly("chest pain since monday");
    }

    @Test
    void transcribeRegionWhenSetExplicitlyIsTheSessionsSigningRegion() {
        audio.frame(Direction.FROM_CUSTOMER, "hello").endOfStream();

        invoke(handler(Map.of(EnvVar.TRANSCRIBE_REGION, "eu-west-2")), callerOnly());

        assertThat(transcribe.sessions()).singleElement().satisfies(session ->
                assertThat(session.header("authorization")).contains("/eu-west-2/transcribe/aws4_request"));
    }

    @Test
    void badConfigurationIsReportedAtInitNamingEveryVariable() {
        assertThatThrownBy(() -> handler(Map.of(EnvVar.START_SELECTOR_TYPE, "EARLIEST",
                EnvVar.TRANSCRIBE_REGION, "Oregon")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("START_SELECTOR_TYPE is 'EARLIEST'")
                .hasMessageContaining("TRANSCRIBE_REGION is 'Oregon'");
    }

    @Test
    void anAudioReadFailureMidCallFailsTheInvocationAfterPostingWhatWasTranscribed() {
        audio.frame(Direction.FROM_CUSTOMER, "words before the break").failure("GetMedia connection reset");
        KvsTranscriberHandler handler = handler(Map.of());

        assertThatThrownBy(() -> invoke(handler, callerOnly()))
                .isInstanceOf(TranscriptionFailedException.class)
                .hasMessageContaining("reading the contact's audio failed: GetMedia connection reset");

        assertThat(acceptedContents("END_USER")).containsExactly("words before the break");
        assertThat(transcribe.sessions()).singleElement()
                .satisfies(session -> assertThat(session.endFrameReceived()).isTrue());
    }

    @Test
    void anScrtOutageMidCallIsRiddenOutWithTheSameMessageIdAndNothingIsPostedTwice() throws IOException {
        scrt.respondWith(failingFor("second", 503, 3));
        audio.frame(Direction.FROM_CUSTOMER, "first").frame(Direction.FROM_CUSTOMER, "second")
                .frame(Direction.FROM_CUSTOMER, "third").endOfStream();

        JsonNode answer = invoke(handler(Map.of()), callerOnly());

        assertThat(answer).isEqualTo(Json.read("{\"result\":\"Success\"}"));
        assertThat(acceptedContents("END_USER")).containsExactly("first", "second", "third");
        List<String> secondAttempts = scrt.received().stream().map(KvsTranscriberHandlerTest::body)
                .filter(body -> body.path("content").asText().equals("second"))
                .map(body -> body.path("messageId").asText()).toList();
        assertThat(secondAttempts).hasSize(4).containsOnly(transcribe.sessions().get(0).finals().get(1).resultId());
    }

    @Test
    void anScrtOutageLongerThanTheRetriesIsDeliveredAtTheEndOfTheCall() throws IOException {
        scrt.respondWith(failingFor("second", 500, KvsTranscriberWiring.MESSAGE_RETRIES.maxAttempts()));
        audio.frame(Direction.FROM_CUSTOMER, "first").frame(Direction.FROM_CUSTOMER, "second")
                .frame(Direction.FROM_CUSTOMER, "third").endOfStream();

        JsonNode answer = invoke(handler(Map.of()), callerOnly());

        assertThat(answer).isEqualTo(Json.read("{\"result\":\"Success\"}"));
        assertThat(acceptedContents("END_USER")).containsExactly("first", "third", "second");
        assertThat(scrt.accepted()).extracting(request -> body(request).path("messageId").asText())
                .doesNotHaveDuplicates();
    }

    @Test
    void anScrtOutageThatOutlastsTheCallFailsTheInvocationNamingTheUndeliveredSegment() {
        scrt.respondWith(failingFor("second", 503, Integer.MAX_VALUE));
        audio.frame(Direction.FROM_CUSTOMER, "first").frame(Direction.FROM_CUSTOMER, "second")
                .frame(Direction.FROM_CUSTOMER, "third").endOfStream();
        KvsTranscriberHandler handler = handler(Map.of());

        assertThatThrownBy(() -> invoke(handler, callerOnly()))
                .isInstanceOf(TranscriptionFailedException.class)
                .hasMessageContaining("1 transcript segment(s) not delivered to SCRT (messageIds ["
                        + transcribe.sessions().get(0).finals().get(1).resultId() + "])")
                .hasMessageContaining("HTTP 503");

        assertThat(acceptedContents("END_USER")).containsExactly("first", "third");
        assertThat(connect.requests()).isEmpty();
    }

    @Test
    void anScrtRateLimitSetsScvsContactAttributeOnceAndFailsTheInvocation() throws IOException {
        scrt.respondWith(failingFor("second", 429, Integer.MAX_VALUE));
        audio.frame(Direction.FROM_CUSTOMER, "first").frame(Direction.FROM_CUSTOMER, "second")
                .frame(Direction.FROM_CUSTOMER, "third").endOfStream();
        KvsTranscriberHandler handler = handler(Map.of());

        assertThatThrownBy(() -> invoke(handler, callerOnly()))
                .isInstanceOf(TranscriptionFailedException.class)
                .hasMessageContaining("HTTP 429");

        assertThat(connect.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/contact/attributes");
            assertThat(request.signed()).isTrue();
            assertThat(Json.read(request.body())).isEqualTo(Json.read("""
                    {"InitialContactId":"%s","InstanceId":"9e4f1b0c-1234-4c5d-8e9f-0a1b2c3d4e5f",
                     "Attributes":{"sf_realtime_transcription_status":
                     "Exceeded Limits for creating messages in Transcription"}}""".formatted(CONTACT)));
        });
        assertThat(acceptedContents("END_USER")).containsExactly("first", "third");
    }

    @Test
    void aTranscribeSessionFailureMidCallFailsTheInvocationAfterTheOtherDirectionFinished() {
        audio.frame(Direction.FROM_CUSTOMER, "caller first words").frame(Direction.TO_CUSTOMER, "agent one")
                .frame(Direction.FROM_CUSTOMER, "FAIL:BadRequestException")
                .frame(Direction.FROM_CUSTOMER, "never transcribed").frame(Direction.TO_CUSTOMER, "agent two")
                .endOfStream();
        KvsTranscriberHandler handler = handler(Map.of());

        assertThatThrownBy(() -> invoke(handler, payload()))
                .isInstanceOf(TranscriptionFailedException.class)
                .hasMessageContaining("the AUDIO_FROM_CUSTOMER transcription session failed: BadRequestException");

        assertThat(acceptedContents("END_USER")).containsExactly("caller first words");
        assertThat(acceptedContents("VIRTUAL_AGENT")).containsExactly("agent one", "agent two");
        assertThat(transcribe.sessions()).hasSize(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aSessionFailingMidCallIsRestartedWithTheAudioItHadNotTranscribedAndShiftedTimes() throws IOException {
        audio.frame(Direction.FROM_CUSTOMER, "before failure")
                .frame(Direction.FROM_CUSTOMER, "HELD:spoken as it failed")
                .frame(Direction.FROM_CUSTOMER, "FAIL-ONCE:ServiceUnavailableException")
                .frame(Direction.FROM_CUSTOMER, "after restart").endOfStream();

        JsonNode answer = invoke(handler(Map.of()), callerOnly());

        assertThat(answer).isEqualTo(Json.read("{\"result\":\"Success\"}"));
        assertThat(scrt.accepted()).extracting(request -> body(request).path("content").asText() + "@"
                        + (body(request).path("startTime").asLong() - AUDIO_START) + "-"
                        + (body(request).path("endTime").asLong() - AUDIO_START))
                .containsExactly("before failure@0-100", "spoken as it failed@100-200", "after restart@300-400");
        assertThat(transcribe.sessions()).hasSize(2);
        assertThat(transcribe.sessions().get(1).frames()).startsWith("HELD:spoken as it failed",
                "FAIL-ONCE:ServiceUnavailableException");
        assertThat(sleeps).containsExactly(KvsTranscriberService.RESTART_DELAY);
    }

    @Test
    void aSessionThatKeepsFailingIsRestartedThreeTimesThenFailsTheInvocation() {
        audio.frame(Direction.FROM_CUSTOMER, "before failure")
                .frame(Direction.FROM_CUSTOMER, "FAIL:ServiceUnavailableException").endOfStream();
        KvsTranscriberHandler handler = handler(Map.of());

        assertThatThrownBy(() -> invoke(handler, callerOnly()))
                .isInstanceOf(TranscriptionFailedException.class)
                .hasMessageContaining("the AUDIO_FROM_CUSTOMER transcription session failed (after 3 restarts): "
                        + "ServiceUnavailableException");

        assertThat(transcribe.sessions()).hasSize(1 + KvsTranscriberService.SESSION_RESTARTS);
        assertThat(acceptedContents("END_USER")).containsExactly("before failure");
    }
}
