package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.TranscribeApiStub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of VoiceMailTranscribe: priming reads no object and starts no job. */
class VoiceMailTranscribePrimingTest {
    private static final String BUCKET = "acmecc-123456789012-tenant";
    private static final String CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";

    @Test
    void primingCallsNoServiceAndTheRestoredContainerStartsAJob() throws Exception {
        try (S3Stub s3 = S3Stub.asDefaultEndpoint();
             TranscribeApiStub transcribe = TranscribeApiStub.asDefaultEndpoint()) {
            // GIVEN the function's container, its clients from the default chains (AWS_ENDPOINT_URL_S3/_TRANSCRIBE)
            SnapStart.Prepared<VoiceMailTranscribeService> container = VoiceMailTranscribeHandler.prepare(1);

            // WHEN priming runs (it throws unless every round answered STARTED from its own stand-in)
            container.priming().run();

            // THEN no real service saw a request
            assertThat(s3.requests()).isEmpty();
            assertThat(transcribe.calls()).isEmpty();

            // AND after a snapshot and restore the container serves a recording through the production clients
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            s3.store(BUCKET, "voicemail_recordings/" + CONTACT + ".wav", "RIFF", Map.of("vm_lang", "fr-CA"));
            String answer = Priming.invoke(new VoiceMailTranscribeHandler(container.service()),
                    Fixtures.text("voicemail/recording-created.json"));
            assertThat(answer).contains("\"STARTED\"");
            assertThat(s3.requests()).singleElement().satisfies(request -> {
                assertThat(request.bucket()).as("path-style for an IP endpoint").isEqualTo(BUCKET);
                assertThat(request.signingRegion()).isEqualTo("us-west-2");
            });
            assertThat(transcribe.calls()).singleElement().satisfies(call -> {
                assertThat(call.request().path("LanguageCode").asText()).isEqualTo("fr-CA");
                assertThat(call.signingRegion()).isEqualTo("us-west-2");
            });
        }
    }
}
