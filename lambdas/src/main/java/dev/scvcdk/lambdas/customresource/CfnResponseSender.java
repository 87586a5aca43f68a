package dev.scvcdk.lambdas.customresource;

import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Restorable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * PUTs a {@link CfnResponse} to the request's pre-signed {@code ResponseURL}.
 *
 * <p>The URL is an S3 pre-signed PUT signed with an empty content type, so the request carries
 * {@code Content-Type: ""}; anything else fails the signature. Retries come from {@link RetryingHttpClient}:
 * 5xx, 429, timeouts and broken connections, a bounded number of times within a time budget; a 4xx (an expired
 * or altered URL) will not get better and is not retried.
 */
public final class CfnResponseSender {

    /** 4 attempts, 250 ms doubling to 2 s, all within 20 s: well inside a custom resource's Lambda timeout. */
    static final RetryPolicy RETRY_POLICY = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(20));

    private final RetryingHttpClient http;

    public CfnResponseSender(RetryingHttpClient http) {
        this.http = http;
    }

    /** A sender with a 5 s connect and 10 s request timeout and {@link #RETRY_POLICY}. */
    public static CfnResponseSender create() {
        return new CfnResponseSender(
                RetryingHttpClient.create(Duration.ofSeconds(5), Duration.ofSeconds(10), RETRY_POLICY));
    }

    /** The restore hooks of this sender's HTTP client (its pool is dropped before a SnapStart snapshot). */
    public Restorable restorable() {
        return http.restorable();
    }

    /**
     * Delivers the response.
     *
     * @throws CfnResponseException when no attempt was accepted; the caller lets the invocation fail so Lambda's
     *                              asynchronous retry gets another chance to answer
     */
    public void send(CfnRequest request, CfnResponse response) {
        HttpRequest put = HttpRequest.newBuilder(URI.create(request.responseUrl()))
                .header("Content-Type", "")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(response), StandardCharsets.UTF_8))
                .build();
        String problem;
        try {
            HttpResponse<String> answer = http.send(put, null);
            if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
                return;
            }
            problem = "HTTP " + answer.statusCode();
        } catch (IOException e) {
            problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        throw new CfnResponseException("could not deliver the " + response.status() + " response for "
                + request.logicalResourceId() + " (request " + request.requestId() + "): " + problem);
    }

    /** The response could not be delivered. */
    public static final class CfnResponseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CfnResponseException(String message) {
            super(message);
        }
    }
}
