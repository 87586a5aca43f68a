package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import dev.scvcdk.lambdas.testsupport.TranscribeApiStub;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How a routing attempt whose Invoke call itself fails counts: after the Lambda client's own retries, a transient
 * failure (no answer, throttling, 5xx) is one failed attempt; a refused call (access, missing alias) ends routing.
 */
class VoiceMailPackagingRoutingTest {
    private S3Stub s3;
    private S3Client s3Client;
    private TranscribeApiStub transcribe;
    private final List<String> methods = new ArrayList<>();
    /** Failures the next executeOmniFlow calls throw, in order; when none is left the call succeeds. */
    private final Deque<AwsApiException> routingFailures = new ArrayDeque<>();
    private final List<Duration> slept = new ArrayList<>();
    private VoiceMailPackagingService service;

    @BeforeEach
    void start() throws IOException {
        s3 = new S3Stub();
        s3Client = s3.client();
        transcribe = new TranscribeApiStub();
        s3.store(VoiceMailPackagingHandlerTest.BUCKET, VoiceMailPackagingHandlerTest.RECORDING, "RIFF",
                VoiceMailPackagingHandlerTest.recordingTags());
        s3.store(VoiceMailPackagingHandlerTest.BUCKET, VoiceMailPackagingHandlerTest.TRANSCRIPT,
                Fixtures.text("voicemail/transcript.json"), Map.of());
        transcribe.putJob(VoiceMailPackagingHandlerTest.CONTACT);
        FunctionInvoker telephony = new FunctionInvoker() {
            @Override
            public Invocation invoke(String function, String jsonPayload) {
                String method = Json.text(parse(jsonPayload), "Details", "Parameters", "methodName");
                methods.add(method);
                if ("executeOmniFlow".equals(method) && !routingFailures.isEmpty()) {
                    throw routingFailures.poll();
                }
                return new Invocation(200, null, "{}");
            }

            @Override
            public void invokeAsync(String function, String jsonPayload) {
                throw new AssertionError("VoiceMailPackaging invokes synchronously");
            }
        };
        service = new VoiceMailPackagingService(new VoicemailBucket(s3Client),
                new VoicemailTranscriptionJobs(TestAwsClients.noWait(AwsService.TRANSCRIBE,
                        URI.create(transcribe.endpoint()))),
                telephony, VoiceMailPackagingHandlerTest.TELEPHONY, VoiceMailPackagingHandlerTest.DELAY, slept::add,
                new CapturingLog().logger());
    }

    @AfterEach
    void stop() {
        s3Client.close();
        s3.close();
        transcribe.close();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.read(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static AwsApiException invokeFailure(int status, String code) {
        return new AwsApiException(AwsService.LAMBDA, "Invoke", status, code, "from the test", null);
    }

    @Test
    void aTransientInvokeFailureIsOneFailedAttemptAndRoutingGoesOn() {
        // GIVEN the Lambda API fails the first routing call with no answer and the second with 503
        routingFailures.add(invokeFailure(0, AwsApiException.TRANSPORT_ERROR));
        routingFailures.add(invokeFailure(503, "ServiceException"));

        // WHEN the voicemail is delivered
        Map<String, Object> answer = service.handle(Fixtures.json("voicemail/transcript-created.json"));

        // THEN the third attempt routes it
        assertThat(answer).containsEntry("routingAttempts", 3);
        assertThat(methods).containsExactly("updateVoiceCall", "sendMessage", "executeOmniFlow", "executeOmniFlow",
                "executeOmniFlow", "updateVoiceCall");
        assertThat(slept).hasSize(3);
    }

    @Test
    void aRefusedInvokeEndsRoutingAndFailsTheInvocationAtOnce() {
        // GIVEN the role may not invoke the alias
        routingFailures.add(invokeFailure(403, "AccessDeniedException"));

        // WHEN the voicemail is delivered THEN the invocation fails without further attempts
        assertThatThrownBy(() -> service.handle(Fixtures.json("voicemail/transcript-created.json")))
                .isInstanceOf(AwsApiException.class)
                .hasMessageContaining("AccessDeniedException");
        assertThat(methods).containsExactly("updateVoiceCall", "sendMessage", "executeOmniFlow");
        assertThat(transcribe.calls()).isEmpty();
    }

    @Test
    void fourTransientInvokeFailuresFailTheInvocation() {
        // GIVEN the Lambda API is throttling every routing call
        for (int i = 0; i < 4; i++) {
            routingFailures.add(invokeFailure(429, "TooManyRequestsException"));
        }

        // WHEN the voicemail is delivered THEN it fails after four attempts, the voicemail left open
        assertThatThrownBy(() -> service.handle(Fixtures.json("voicemail/transcript-created.json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executeOmniFlow failed 4 times")
                .hasMessageContaining("TooManyRequestsException");
        assertThat(methods).containsExactly("updateVoiceCall", "sendMessage", "executeOmniFlow", "executeOmniFlow",
                "executeOmniFlow", "executeOmniFlow");
    }
}
