package dev.scvcdk.lambdas.kvstranscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.TranscribeStreamingStub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.transcribestreaming.TranscribeStreamingAsyncClient;
import software.amazon.awssdk.services.transcribestreaming.model.BadRequestException;

/**
 * The SDK session against the HTTP/2-cleartext event-stream stand-in: endpoint override, prior-knowledge h2c,
 * request parameters, signed frames and every final result.
 */
class TranscribeStreamingTranscriberTest {
    private static TranscribeStreamingStub stub;
    private static AwsSystemProperties properties;
    private static TranscribeStreamingAsyncClient client;
    private static Transcriber transcriber;

    @BeforeAll
    static void start() throws Exception {
        stub = new TranscribeStreamingStub();
        properties = AwsSystemProperties.with(Map.of("aws.endpointUrlTranscribeStreaming", stub.endpoint()));
        client = TranscribeStreamingTranscriber.client("us-west-2");
        transcriber = new TranscribeStreamingTranscriber(client, RandomIds.create());
    }

    @AfterAll
    static void stop() {
        client.close();
        properties.close();
        stub.close();
    }

    private static TranscriptionRequest request(String json) throws Exception {
        ObjectNode payload = (ObjectNode) Json.read("""
                {"streamARN":"arn:aws:kinesisvideo:us-west-2:123456789012:stream/cc-contact/1763719200000",
                 "startFragmentNum":"913438523331814323926820626077439201462644401","audioStartTimestamp":"1763719200000",
                 "customerPhoneNumber":"+14155550100","voiceCallId":"5ca32fbd-8f92-46af-92a5-6b0f970f0efe"}""");
        payload.setAll((ObjectNode) Json.read(json));
        return TranscriptionRequest.parse(payload);
    }

    private static TranscribeStreamingStub.Session run(TranscriptionRequest request, List<String> frames,
                                                       List<TranscriptSegment> received) throws Exception {
        int before = stub.sessions().size();
        Transcriber.Session session = transcriber.start(request, Direction.FROM_CUSTOMER, received::add);
        for (String frame : frames) {
            session.send(TranscribeStreamingStub.frame(frame, 1600));
        }
        session.finish();
        try {
            session.done().get(30, TimeUnit.SECONDS);
        } finally {
            assertThat(stub.sessions()).hasSize(before + 1);
        }
        return stub.sessions().get(before);
    }

    @Test
    void standardSessionSendsScvsParametersAndSignedFramesAndReturnsEveryFinalResultInOrder() throws Exception {
        List<TranscriptSegment> received = new CopyOnWriteArrayList<>();
        TranscribeStreamingStub.Session session = run(request("""
                {"languageCode":"es-US","vocabularyName":"products","vocabularyFilterName":"profanity"}"""),
                List.of("hola buenos dias", "SILENCE", "EMPTY", "uno|dos"), received);

        assertThat(session.path()).isEqualTo("/stream-transcription");
        assertThat(session.headers()).containsEntry("x-amzn-transcribe-language-code", "es-US")
                .containsEntry("x-amzn-transcribe-sample-rate", "8000")
                .containsEntry("x-amzn-transcribe-media-encoding", "pcm")
                .containsEntry("x-amzn-transcribe-vocabulary-name", "products")
                .containsEntry("x-amzn-transcribe-vocabulary-filter-name", "profanity")
                .containsEntry("x-amzn-transcribe-vocabulary-filter-method", "mask")
                .containsKey("x-amzn-transcribe-session-id")
                .doesNotContainKeys("x-amzn-transcribe-specialty", "x-amzn-transcribe-enable-channel-identification",
                        "x-amzn-transcribe-show-speaker-label", "x-amzn-transcribe-enable-partial-results-stabilization",
                        "x-amzn-transcribe-identify-language", "x-amzn-transcribe-content-redaction-type");
        assertThat(session.problems()).isEmpty();
        assertThat(session.frames()).containsExactly("hola buenos dias", "SILENCE", "EMPTY", "uno|dos");
        assertThat(session.endFrameReceived()).isTrue();
        assertThat(received).extracting(TranscriptSegment::transcript).containsExactly("hola buenos dias", "uno", "dos");
        assertThat(received).extracting(TranscriptSegment::resultId)
                .containsExactlyElementsOf(session.finals().stream().map(TranscribeStreamingStub.Final::resultId).toList());
        assertThat(received.get(0).startTime()).isEqualTo(0.0);
        assertThat(received.get(0).endTime()).isEqualTo(0.1);
    }

    @Test
    void medicalSessionSendsSpecialtyAndConversationTypeAndNoFilter() throws Exception {
        List<TranscriptSegment> received = new CopyOnWriteArrayList<>();
        TranscribeStreamingStub.Session session = run(request("""
                {"engine":"MEDICAL","specialty":"oncology","vocabularyName":"drugs",
                 "vocabularyFilterName":"profanity","vocabularyFilterMethod":"TAG"}"""),
                List.of("tumor board review"), received);

        assertThat(session.path()).isEqualTo("/medical-stream-transcription");
        assertThat(session.headers()).containsEntry("x-amzn-transcribe-language-code", "en-US")
                .containsEntry("x-amzn-transcribe-sample-rate", "8000")
                .containsEntry("x-amzn-transcribe-media-encoding", "pcm")
                .containsEntry("x-amzn-transcribe-specialty", "ONCOLOGY")
                .containsEntry("x-amzn-transcribe-type", "CONVERSATION")
                .containsEntry("x-amzn-transcribe-vocabulary-name", "drugs")
                .doesNotContainKeys("x-amzn-transcribe-vocabulary-filter-name",
                        "x-amzn-transcribe-vocabulary-filter-method");
        assertThat(session.problems()).isEmpty();
        assertThat(received).extracting(TranscriptSegment::transcript).containsExactly("tumor board review");
    }

    @Test
    void sessionFailureMidStreamFailsTheSessionAfterTheResultsBeforeIt() throws Exception {
        List<TranscriptSegment> received = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> run(request("{}"), List.of("first words", "FAIL:BadRequestException", "never heard"),
                received))
                .hasCauseInstanceOf(BadRequestException.class);

        assertThat(received).extracting(TranscriptSegment::transcript).containsExactly("first words");
    }
}
