package dev.scvcdk.lambdas.contactevents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SnapStart init of HandleContactEvents: priming invokes no function. */
class ContactEventsPrimingTest {
    private static final String TELEPHONY =
            "arn:aws:lambda:us-west-2:123456789012:function:acmecc-InvokeTelephonyIntegrationApiFunction:active";

    @Test
    void primingInvokesNoFunctionAndTheRestoredContainerServesAnEvent() throws Exception {
        try (LambdaApiStub lambda = LambdaApiStub.asDefaultEndpoint()) {
            SnapStart.Prepared<ContactEventsService> container = HandleContactEventsHandler.prepare(
                    Map.of(HandleContactEventsHandler.TELEPHONY_FUNCTION_VARIABLE, TELEPHONY), 1);

            container.priming().run();

            assertThat(lambda.invocations()).isEmpty();
            container.hooks().beforeCheckpoint(null);
            container.hooks().afterRestore(null);
            Priming.invoke(new HandleContactEventsHandler(container.service()),
                    Fixtures.text("contact-event-disconnected.json"));
            assertThat(lambda.invocations()).extracting(LambdaApiStub.Invocation::functionName)
                    .containsExactly(TELEPHONY);
        }
    }
}
