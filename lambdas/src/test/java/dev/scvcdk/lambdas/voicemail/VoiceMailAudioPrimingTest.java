package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.KvsMkvWriter;
import dev.scvcdk.lambdas.testsupport.KvsStub;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of VoiceMailAudioProcessing: priming runs the call path in-process, then real batches work. */
class VoiceMailAudioPrimingTest {

    @Test
    void primingReadsAndWritesNothingAndTheRestoredContainerWritesAVoicemail() throws Exception {
        try (KvsStub kvs = KvsStub.asDefaultEndpoint(); S3Stub s3 = S3Stub.asDefaultEndpoint()) {
            // GIVEN the function's configuration and its bucket
            s3.createBucket(VoiceMailAudioRig.BUCKET);
            SnapStart.Prepared<VoiceMailAudioService> container = VoiceMailAudioWiring.prepare(
                    Map.of(VoiceMailAudioWiring.BUCKET_VARIABLE, VoiceMailAudioRig.BUCKET), 1);

            // WHEN init primes
            container.priming().run();

            // THEN no stream was read and no object written
            assertThat(kvs.calls()).isEmpty();
            assertThat(s3.requests()).isEmpty();
            // AND after the restore a real voicemail goes through the default clients
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            kvs.media(VoiceMailAudioRig.STREAM, VoiceMailAudioRig.media(KvsMkvWriter.pcm(800, 1),
                    KvsMkvWriter.pcm(800, 2)));
            String event = Json.write(Fixtures.kinesisEvent(List.<String[]>of(
                    new String[] {"1", Fixtures.base64(VoiceMailAudioRig.voicemail())})));
            String answer = Priming.invoke(new VoiceMailAudioProcessingHandler(container.service()), event);
            assertThat(Json.read(answer)).isEqualTo(Json.read("{\"batchItemFailures\":[]}"));
            assertThat(s3.puts()).extracting(S3Stub.PutObject::key)
                    .containsExactly("voicemail_recordings/" + VoiceMailAudioRig.CONTACT + ".wav");
        }
    }

    @Test
    void primingSucceedsOnItsOwnStandIns() {
        // Priming.invoke fails when the handler does not answer an empty batchItemFailures.
        VoiceMailAudioPriming.prime(VoiceMailAudioRig.BUCKET, 2);
    }

    @Test
    void thePrimingMediaIsWhatTheFixtureWriterProduces() {
        byte[] caller = KvsMkvWriter.pcm(800, 1200);
        byte[] prompt = KvsMkvWriter.pcm(800, -300);
        KvsMkvWriter writer = new KvsMkvWriter();
        for (String fragment : List.of(VoiceMailAudioPriming.FIRST, VoiceMailAudioPriming.LAST,
                VoiceMailAudioPriming.AFTER)) {
            writer.fragment(fragment, Map.of("ContactId", "c0000000-0000-4000-8000-00000000beef"))
                    .frame(1, caller).frame(2, prompt);
        }
        assertThat(VoiceMailAudioPriming.media()).isEqualTo(writer.toBytes());
    }

    @Test
    void aMissingBucketIsAConfigurationErrorNamingTheVariable() {
        assertThatThrownBy(() -> VoiceMailAudioWiring.prepare(Map.of(), 0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("s3_recordings_bucket");
    }
}
