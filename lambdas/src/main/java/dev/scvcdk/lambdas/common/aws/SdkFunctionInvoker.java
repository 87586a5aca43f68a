package dev.scvcdk.lambdas.common.aws;

import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** {@link FunctionInvoker} over the SDK's {@link LambdaClient} (thread-safe, shared by concurrent calls). */
public final class SdkFunctionInvoker implements FunctionInvoker {
    private final LambdaClient lambda;

    public SdkFunctionInvoker(LambdaClient lambda) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
    }

    @Override
    public Invocation invoke(String function, String jsonPayload) {
        InvokeResponse response = lambda.invoke(r -> r.functionName(function)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(jsonPayload)));
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        int status = response.statusCode() == null ? 0 : response.statusCode();
        return new Invocation(status, response.functionError(), payload);
    }

    @Override
    public void invokeAsync(String function, String jsonPayload) {
        lambda.invoke(r -> r.functionName(function)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(jsonPayload)));
    }
}
