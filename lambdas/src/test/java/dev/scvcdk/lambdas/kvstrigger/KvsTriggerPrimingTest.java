package dev.scvcdk.lambdas.kvstrigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of kvsConsumerTrigger: priming starts no transcriber. */
class KvsTriggerPrimingTest {
    private static final String TRANSCRIBER = "arn:aws:lambda:us-west-2:123456789012:function:acmecc-kvsTranscriber:active";

    @Test
    void primingStartsNoTranscriberAndTheRestoredContainerStartsOne() throws Exception {
        try (LambdaApiStub lambda = LambdaApiStub.asDefaultEndpoint()) {
            SnapStart.Prepared<KvsTriggerService> container = KvsConsumerTriggerHandler.prepare(
                    Map.of(KvsConsumerTriggerHandler.TRANSCRIBER_FUNCTION_VARIABLE, TRANSCRIBER), 1);

            container.priming().run();

            assertThat(lambda.invocations()).isEmpty();
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            String answer = Priming.invoke(new KvsConsumerTriggerHandler(container.service()),
                    Fixtures.text("kvs-trigger.json"));
            assertThat(answer).isEqualTo("{\"lambdaResult\":\"Success\"}");
            assertThat(lambda.invocations()).extracting(LambdaApiStub.Invocation::invocationType)
                    .containsExactly("Event");
        }
    }
}
