package dev.scvcdk.lambdas.common.aws;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * {@link FunctionInvoker} over Lambda's Invoke REST API: {@code POST /2015-03-31/functions/<name>/invocations}
 * with {@code X-Amz-Invocation-Type}; the response body is the function's payload and
 * {@code X-Amz-Function-Error} its error type. Thread-safe, shared by concurrent calls.
 */
public final class LambdaFunctionInvoker implements FunctionInvoker {
    /** As the SDK's URLConnection client's socket timeout: a synchronous invocation runs the whole function. */
    static final Duration REQUEST_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final AwsApiClient client;

    public LambdaFunctionInvoker(AwsApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
        if (client.service() != AwsService.LAMBDA) {
            throw new IllegalArgumentException("LambdaFunctionInvoker needs a Lambda client, not " + client.service());
        }
    }

    @Override
    public Invocation invoke(String function, String jsonPayload) {
        HttpResponse<String> response = client.rest("Invoke", "POST", path(function),
                Map.of("X-Amz-Invocation-Type", "RequestResponse", "Content-Type", "application/json"),
                jsonPayload, REQUEST_RESPONSE_TIMEOUT);
        return new Invocation(response.statusCode(),
                response.headers().firstValue("X-Amz-Function-Error").orElse(null), response.body(),
                response.headers().firstValue("X-Amz-Executed-Version").orElse(null));
    }

    @Override
    public void invokeAsync(String function, String jsonPayload) {
        client.rest("Invoke", "POST", path(function),
                Map.of("X-Amz-Invocation-Type", "Event", "Content-Type", "application/json"), jsonPayload, null);
    }

    /** The function name, ARN or alias ARN is one path segment: its ':' and '/' are percent-encoded. */
    static String path(String function) {
        return "/2015-03-31/functions/" + SdkHttpUtils.urlEncode(function) + "/invocations";
    }
}
