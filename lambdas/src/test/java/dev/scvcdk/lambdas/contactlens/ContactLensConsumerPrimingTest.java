package dev.scvcdk.lambdas.contactlens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of ContactLensConsumer: priming invokes no processor. */
class ContactLensConsumerPrimingTest {

    @Test
    void primingInvokesNoProcessorAndTheRestoredContainerForwardsABatch() throws Exception {
        try (LambdaApiStub lambda = LambdaApiStub.asDefaultEndpoint()) {
            // GIVEN the function's configuration, pointing at the processor's alias
            SnapStart.Prepared<ContactLensConsumerService> container = ContactLensConsumerHandler.prepare(
                    Map.of(ContactLensConsumerHandler.PROCESSOR_FUNCTION_VARIABLE, ContactLensConsumerHandlerTest.PROCESSOR),
                    1);

            // WHEN init primes
            container.priming().run();

            // THEN the processor was not invoked
            assertThat(lambda.invocations()).isEmpty();
            // AND after the restore a real batch is forwarded to the alias
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            String answer = Priming.invoke(new ContactLensConsumerHandler(container.service()),
                    Fixtures.text("contactlens/kinesis-batch.json"));
            assertThat(Json.read(answer)).isEqualTo(Json.read("{\"batchItemFailures\":[]}"));
            assertThat(lambda.queued()).extracting(LambdaApiStub.Invocation::functionName)
                    .containsExactly(ContactLensConsumerHandlerTest.PROCESSOR);
        }
    }
}
