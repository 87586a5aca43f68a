package dev.scvcdk.lambdas.ctrsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of CTRDataSync: priming sends a batch through the call path without invoking telephony. */
class CtrSyncPrimingTest {

    @Test
    void primingInvokesNoFunctionAndTheRestoredContainerSyncsABatch() throws Exception {
        try (LambdaApiStub lambda = LambdaApiStub.asDefaultEndpoint()) {
            // GIVEN the function's configuration, pointing at the telephony alias
            SnapStart.Prepared<CtrSyncService> container = CtrSyncWiring.prepare(
                    Map.of(CtrSyncWiring.TELEPHONY_FUNCTION_VARIABLE, CtrDataSyncHandlerTest.TELEPHONY), 1);

            // WHEN init primes
            container.priming().run();

            // THEN the telephony function was not invoked
            assertThat(lambda.invocations()).isEmpty();
            // AND after the restore a real batch goes through the alias
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            String event = Json.write(Fixtures.kinesisEvent(List.<String[]>of(
                    new String[] {"401", Fixtures.base64(Fixtures.json("ctr-inbound.json"))})));
            String answer = Priming.invoke(new CtrDataSyncHandler(container.service()), event);
            assertThat(Json.read(answer)).isEqualTo(Json.read("{\"batchItemFailures\":[]}"));
            assertThat(lambda.invocations()).extracting(LambdaApiStub.Invocation::functionName)
                    .containsExactly(CtrDataSyncHandlerTest.TELEPHONY);
        }
    }
}
