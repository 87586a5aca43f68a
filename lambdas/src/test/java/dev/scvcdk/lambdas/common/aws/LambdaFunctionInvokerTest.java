package dev.scvcdk.lambdas.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lambda's Invoke REST API through the signed client, against a local Lambda API. */
class LambdaFunctionInvokerTest {
    private static final String ALIAS_ARN = "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:cc-telephony:live";

    private LambdaApiStub lambda;
    private FunctionInvoker invoker;

    @BeforeEach
    void start() throws Exception {
        lambda = new LambdaApiStub();
        invoker = new LambdaFunctionInvoker(TestAwsClients.client(AwsService.LAMBDA, URI.create(lambda.endpoint())));
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    @Test
    void aSynchronousInvocationReturnsTheFunctionsPayload() {
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.ok("{\"echo\":" + payload + "}"));

        FunctionInvoker.Invocation result = invoker.invoke(ALIAS_ARN, "{\"n\":1}");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.functionError()).isNull();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.payload()).isEqualTo("{\"echo\":{\"n\":1}}");
        LambdaApiStub.Invocation seen = lambda.invocations().get(0);
        assertThat(seen.functionName()).isEqualTo(ALIAS_ARN);
        assertThat(seen.invocationType()).isEqualTo("RequestResponse");
        assertThat(seen.signed()).isTrue();
    }

    @Test
    void aFailedFunctionIsReportedThroughItsFunctionError() {
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.unhandled("SCRT answered HTTP 503"));

        FunctionInvoker.Invocation result = invoker.invoke("cc-telephony", "{}");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.payload()).contains("SCRT answered HTTP 503");
    }

    @Test
    void anAsynchronousInvocationIsQueuedAsAnEvent() {
        invoker.invokeAsync("cc-transcriber", "{\"contactId\":\"c-1\"}");

        LambdaApiStub.Invocation seen = lambda.invocations().get(0);
        assertThat(seen.invocationType()).isEqualTo("Event");
        assertThat(seen.functionName()).isEqualTo("cc-transcriber");
        assertThat(seen.payload()).isEqualTo("{\"contactId\":\"c-1\"}");
    }

    @Test
    void theFunctionArnIsOnePercentEncodedPathSegment() {
        assertThat(LambdaFunctionInvoker.path(ALIAS_ARN)).isEqualTo("/2015-03-31/functions/"
                + "arn%3Aaws-us-gov%3Alambda%3Aus-gov-west-1%3A123456789012%3Afunction%3Acc-telephony%3Alive/invocations");
    }

    @Test
    void onlyALambdaClientIsAccepted() {
        assertThatThrownBy(() -> new LambdaFunctionInvoker(TestAwsClients.client(AwsService.SSM,
                URI.create(lambda.endpoint()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a Lambda client, not SSM");
    }
}
