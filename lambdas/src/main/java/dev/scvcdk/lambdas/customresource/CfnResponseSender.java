package dev.scvcdk.lambdas.customresource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PUTs a {@link CfnResponse} to the request's pre-signed {@code ResponseURL}.
 *
 * <p>The URL is an S3 pre-signed PUT signed with an empty content type, so the request carries
 * {@code Content-Type: ""}; anything else fails the signature. Server errors (5xx), timeouts and broken
 * connections are retried a bounded number of times with jittered exponential backoff; a 4xx (an expired or
 * altered URL) will not get better and is not retried.
 */
public final class CfnResponseSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_ATTEMPTS = 4;
    private static final Duration DEFAULT_BACKOFF = Duration.ofMillis(250);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final int maxAttempts;
    private final Duration baseBackoff;

    public CfnResponseSender(HttpClient http, int maxAttempts, Duration baseBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.http = http;
        this.maxAttempts = maxAttempts;
        this.baseBackoff = baseBackoff;
    }

    /** A sender over a fresh HTTP/1.1 client (S3 speaks HTTP/1.1; no h2c upgrade headers on the signed PUT). */
    public static CfnResponseSender create() {
        return new CfnResponseSender(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build(), DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
    }

    /**
     * Delivers the response.
     *
     * @throws CfnResponseException when every attempt failed; the caller lets the invocation fail so Lambda's
     *                              asynchronous retry gets another chance to answer
     */
    public void send(CfnRequest request, CfnResponse response) {
        byte[] body = serialize(response);
        HttpRequest put = HttpRequest.newBuilder(URI.create(request.responseUrl()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                int status = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                lastProblem = "HTTP " + status;
                if (status < 500) {
                    break;
                }
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CfnResponseException("interrupted while sending the " + response.status()
                        + " response for " + request.logicalResourceId(), e);
            }
            if (attempt < maxAttempts) {
                pause(attempt);
            }
        }
        throw new CfnResponseException("could not deliver the " + response.status() + " response for "
                + request.logicalResourceId() + " (request " + request.requestId() + "): " + lastProblem, null);
    }

    private void pause(int attempt) {
        long ceiling = baseBackoff.toMillis() << (attempt - 1);
        long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] serialize(CfnResponse response) {
        try {
            return JSON.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CfnResponse always serializes", e);
        }
    }

    /** The response could not be delivered. */
    public static final class CfnResponseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CfnResponseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
