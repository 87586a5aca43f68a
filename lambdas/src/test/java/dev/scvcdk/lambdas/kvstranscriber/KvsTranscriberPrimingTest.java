package dev.scvcdk.lambdas.kvstranscriber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.ConnectStub;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import dev.scvcdk.lambdas.testsupport.TranscribeStreamingStub;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of kvsTranscriber: priming reaches no real service, and the restored container transcribes. */
class KvsTranscriberPrimingTest {

    @Test
    void primingCallsNoServiceAndTheRestoredContainerTranscribesACall() throws Exception {
        try (TranscribeStreamingStub transcribe = new TranscribeStreamingStub();
             ScrtStub scrt = new ScrtStub(TestKeys.publicKey(), KvsTranscriberHandlerTest.ORG,
                     KvsTranscriberHandlerTest.CALL_CENTER);
             ConnectStub connect = new ConnectStub();
             AwsJsonStub ssm = new AwsJsonStub();
             AwsSystemProperties properties = AwsSystemProperties.with(Map.of(
                     "aws.endpointUrlTranscribeStreaming", transcribe.endpoint(),
                     "aws.endpointUrlConnect", connect.endpoint(), "aws.endpointUrlSsm", ssm.endpoint()))) {
            ssm.putParameter(KvsTranscriberHandlerTest.KEY_NAME, TestKeys.pkcs8Pem());
            FakeContactAudio audio = new FakeContactAudio().frame(Direction.FROM_CUSTOMER, "after the restore")
                    .endOfStream();
            SnapStart.Prepared<KvsTranscriberService> container = KvsTranscriberWiring.prepare(Map.of(
                    EnvVar.PRIVATE_KEY_PARAM_NAME, KvsTranscriberHandlerTest.KEY_NAME,
                    EnvVar.SALESFORCE_ORG_ID, KvsTranscriberHandlerTest.ORG,
                    EnvVar.SCRT_ENDPOINT_BASE, scrt.baseUrl(),
                    EnvVar.CALL_CENTER_API_NAME, KvsTranscriberHandlerTest.CALL_CENTER), audio,
                    RetryingHttpClient.create(KvsTranscriberWiring.SCRT_CONNECT_TIMEOUT,
                            KvsTranscriberWiring.SCRT_REQUEST_TIMEOUT, KvsTranscriberWiring.MESSAGE_RETRIES),
                    delay -> { }, SecureRandom::new, 2);

            container.priming().run();

            assertThat(audio.requests()).isEmpty();
            assertThat(transcribe.sessions()).isEmpty();
            assertThat(scrt.received()).isEmpty();
            assertThat(connect.requests()).isEmpty();
            assertThat(ssm.calls()).isEmpty();
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            String answer = Priming.invoke(new KvsTranscriberHandler(container.service()),
                    Fixtures.text("kvstranscriber/kvs-transcriber.json"));
            assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
            assertThat(scrt.accepted()).hasSize(1);
            assertThat(scrt.problems()).isEmpty();
        }
    }
}
