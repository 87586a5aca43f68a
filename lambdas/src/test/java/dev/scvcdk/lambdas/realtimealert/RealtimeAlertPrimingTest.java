package dev.scvcdk.lambdas.realtimealert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of RealtimeAlert: priming publishes no alert. */
class RealtimeAlertPrimingTest {

    @Test
    void primingInvokesNoFunctionAndTheRestoredContainerSendsAnAlert() throws Exception {
        try (LambdaApiStub lambda = LambdaApiStub.asDefaultEndpoint()) {
            // GIVEN the function's configuration, pointing at the REST function's alias
            SnapStart.Prepared<RealtimeAlertService> container = RealtimeAlertHandler.prepare(
                    Map.of(RealtimeAlertHandler.REST_API_FUNCTION_VARIABLE, RealtimeAlertHandlerTest.REST_API), 1);

            // WHEN init primes
            container.priming().run();

            // THEN the REST function was not invoked
            assertThat(lambda.invocations()).isEmpty();
            // AND after the restore a real alert goes through the alias
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            String answer = Priming.invoke(new RealtimeAlertHandler(container.service()),
                    Fixtures.text("realtimealert/sns-alarm.json"));
            assertThat(answer).isEqualTo("null");
            assertThat(lambda.invocations()).extracting(LambdaApiStub.Invocation::functionName)
                    .containsExactly(RealtimeAlertHandlerTest.REST_API);
        }
    }
}
