package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.TranscribeApiStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of VoiceMailPackaging: priming delivers no voicemail and does not wait. */
class VoiceMailPackagingPrimingTest {
    private static final String TELEPHONY = VoiceMailPackagingHandlerTest.TELEPHONY;

    @Test
    void primingCallsNoServiceNorWaitsAndTheRestoredContainerDeliversAVoicemail() throws Exception {
        try (S3Stub s3 = S3Stub.asDefaultEndpoint();
             TranscribeApiStub transcribe = TranscribeApiStub.asDefaultEndpoint();
             LambdaApiStub lambda = LambdaApiStub.asDefaultEndpoint()) {
            // GIVEN the function's container, configured with the alias only (the routing delay defaults to 60 s)
            List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
            SnapStart.Prepared<VoiceMailPackagingService> container = VoiceMailPackagingHandler.prepare(
                    Map.of(VoiceMailPackagingHandler.TELEPHONY_FUNCTION_VARIABLE, TELEPHONY), slept::add, 1);

            // WHEN priming runs (it throws unless every round was delivered by its own stand-in)
            container.priming().run();

            // THEN no real service saw a request, and the function's sleeper never waited
            assertThat(s3.requests()).isEmpty();
            assertThat(transcribe.calls()).isEmpty();
            assertThat(lambda.invocations()).isEmpty();
            assertThat(slept).isEmpty();

            // AND after a snapshot and restore the container delivers a voicemail through the production clients
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            s3.store(VoiceMailPackagingHandlerTest.BUCKET, VoiceMailPackagingHandlerTest.RECORDING, "RIFF",
                    VoiceMailPackagingHandlerTest.recordingTags());
            s3.store(VoiceMailPackagingHandlerTest.BUCKET, VoiceMailPackagingHandlerTest.TRANSCRIPT,
                    Fixtures.text("voicemail/transcript.json"), Map.of());
            transcribe.putJob(VoiceMailPackagingHandlerTest.CONTACT);
            String answer = Priming.invoke(new VoiceMailPackagingHandler(container.service()),
                    Fixtures.text("voicemail/transcript-created.json"));
            assertThat(answer).contains("\"routingAttempts\":1");
            assertThat(lambda.invocations()).hasSize(4)
                    .allSatisfy(invocation -> assertThat(invocation.functionName()).isEqualTo(TELEPHONY));
            assertThat(slept).containsExactly(Duration.ofSeconds(VoiceMailPackagingHandler.DEFAULT_ROUTING_DELAY_SECONDS));
            assertThat(transcribe.jobs()).isEmpty();
        }
    }
}
