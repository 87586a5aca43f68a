package dev.scvcdk.lambdas.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A local stand-in for the Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) that the
 * production Lambda client is pointed at. Each invocation is handed to the test's function, whose result becomes
 * the response (a {@code FunctionError} result sets {@code X-Amz-Function-Error}); Event invocations get 202.
 */
public final class LambdaApiStub implements AutoCloseable {
    /** One invocation as the service saw it. */
    public record Invocation(String functionName, String invocationType, String payload, boolean signed) {
    }

    /**
     * The Lambda service refusing an invocation before any function runs: throttling (429), its own failure (5xx),
     * a payload over the limit (413), as {@code x-amzn-ErrorType} and status.
     */
    public record ServiceError(int status, String type) {
        public static ServiceError throttled() {
            return new ServiceError(429, "TooManyRequestsException");
        }

        public static ServiceError unavailable() {
            return new ServiceError(500, "ServiceException");
        }

        public static ServiceError tooLarge() {
            return new ServiceError(413, "RequestEntityTooLargeException");
        }
    }

    /** What the invoked function did: its output, and an error type when it failed. */
    public record Outcome(String payload, String functionError, int status, String errorType) {
        public Outcome(String payload, String functionError) {
            this(payload, functionError, 200, null);
        }

        /** Lambda itself refused or failed the Invoke call (the function never ran), e.g. 503 ServiceException. */
        public static Outcome serviceError(int status, String errorType) {
            return new Outcome("{\"Type\":\"Service\",\"message\":\"" + errorType + " from the stub\"}", null, status,
                    errorType);
        }

        public static Outcome ok(String payload) {
            return new Outcome(payload, null);
        }

        public static Outcome unhandled(String message) {
            return new Outcome("{\"errorMessage\":\"" + message.replace("\"", "'") + "\",\"errorType\":\"RuntimeException\"}",
                    "Unhandled");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());
    private final List<Invocation> queued = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Invocation, ServiceError> serviceErrors = invocation -> null;
    private volatile BiFunction<String, String, Outcome> function = (name, payload) -> Outcome.ok("{}");
    private AwsSystemProperties defaultEndpoint;

    public LambdaApiStub() throws IOException {
        server = LoopbackHttp.start(this::handle, 64, executor);
    }

    /**
     * A stub the default chains point at (region, credentials and {@code aws.endpointUrlLambda}, as in
     * {@link AwsSystemProperties}), so a handler's production Lambda client reaches it; restored on {@link #close()}.
     */
    public static LambdaApiStub asDefaultEndpoint() throws IOException {
        LambdaApiStub stub = new LambdaApiStub();
        stub.defaultEndpoint = AwsSystemProperties.with(Map.of("aws.endpointUrlLambda", stub.endpoint()));
        return stub;
    }

    public String endpoint() {
        return LoopbackHttp.endpoint(server);
    }

    /** @param function (function name, payload) → outcome; called on the stub's threads */
    public void onInvoke(BiFunction<String, String, Outcome> function) {
        this.function = function;
    }

    /**
     * @param errors per request, the service error to answer with, or null to accept it; called on the stub's
     *               threads
     */
    public void failWith(Function<Invocation, ServiceError> errors) {
        this.serviceErrors = errors;
    }

    /** Every invocation request the service received, refused ones included. */
    public List<Invocation> invocations() {
        synchronized (invocations) {
            return List.copyOf(invocations);
        }
    }

    /** The {@code Event} invocations the service accepted (202): what Lambda queued for the function. */
    public List<Invocation> queued() {
        synchronized (queued) {
            return List.copyOf(queued);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String prefix = "/2015-03-31/functions/";
            String suffix = "/invocations";
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(prefix) || !path.endsWith(suffix)) {
                send(exchange, 404, "{\"message\":\"unexpected " + exchange.getRequestMethod() + " " + path + "\"}", null);
                return;
            }
            String name = URLDecoder.decode(path.substring(prefix.length(), path.length() - suffix.length()), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean signed = SigV4.signed(exchange.getRequestHeaders().getFirst("Authorization"));
            Invocation invocation = new Invocation(name, type == null ? "RequestResponse" : type, payload, signed);
            invocations.add(invocation);
            ServiceError error = serviceErrors.apply(invocation);
            if (error != null) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type());
                send(exchange, error.status(), "{\"Type\":\"Service\",\"message\":\"" + error.type() + "\"}", null);
                return;
            }
            if ("Event".equals(type)) {
                queued.add(invocation);
                send(exchange, 202, "", null);
                return;
            }
            Outcome outcome = function.apply(name, payload);
            if (outcome.errorType() != null) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", outcome.errorType());
            }
            send(exchange, outcome.status(), outcome.payload(), outcome.functionError());
        }
    }

    private static void send(HttpExchange exchange, int status, String body, String functionError) throws IOException {
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "1");
        if (functionError != null) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", functionError);
        }
        LoopbackHttp.send(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        if (defaultEndpoint != null) {
            defaultEndpoint.close();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
