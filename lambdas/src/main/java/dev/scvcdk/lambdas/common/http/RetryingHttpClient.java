package dev.scvcdk.lambdas.common.http;

import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@link HttpClient} with a request timeout on every request and retries per {@link RetryPolicy}.
 *
 * <p>{@link #send} returns the last response whatever its status (callers decide what a 4xx means) and throws
 * the last transport failure when no attempt got a response. Built once per container: the JDK client keeps
 * its connection pool, and nothing unique per invocation is held: jitter comes from a {@link SecureRandom},
 * which AWS documents as safe across SnapStart restores, and timestamps are read per call.
 */
public final class RetryingHttpClient {
    private final HttpClient client;
    private final RetryPolicy policy;
    private final Duration requestTimeout;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final StructuredLogger log;

    public RetryingHttpClient(HttpClient client, RetryPolicy policy, Duration requestTimeout, Sleeper sleeper,
                              Clock clock, DoubleSupplier random, StructuredLogger log) {
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** A production client: HTTP/1.1, the given connect and request timeouts, the system clock and sleeper. */
    public static RetryingHttpClient create(Duration connectTimeout, Duration requestTimeout, RetryPolicy policy) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        SecureRandom jitter = new SecureRandom();
        return new RetryingHttpClient(client, policy, requestTimeout, Sleeper.SYSTEM, Clock.systemUTC(),
                jitter::nextDouble, StructuredLogger.forClass(RetryingHttpClient.class));
    }

    /** This client with another retry policy, sharing its connection pool (and its timeouts, clock and log). */
    public RetryingHttpClient withPolicy(RetryPolicy otherPolicy) {
        return new RetryingHttpClient(client, otherPolicy, requestTimeout, sleeper, clock, random, log);
    }

    /** Sends {@code request}, retrying per the policy; {@code contactId} only labels the log lines. */
    public HttpResponse<String> send(HttpRequest request, String contactId) throws IOException {
        return send(() -> request, contactId);
    }

    /**
     * Sends a request built afresh for every attempt — for requests that must not be replayed as they were,
     * such as ones carrying a single-use bearer token.
     */
    public HttpResponse<String> send(Supplier<HttpRequest> requests, String contactId) throws IOException {
        return send(requests, contactId, response -> false);
    }

    /**
     * As {@link #send(Supplier, String)}, also retrying responses that {@code alsoRetryable} accepts — for APIs
     * that signal throttling with a 400 and an error code, as AWS JSON services do.
     */
    public HttpResponse<String> send(Supplier<HttpRequest> requests, String contactId,
                                     Predicate<HttpResponse<String>> alsoRetryable) throws IOException {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = requests.get();
            HttpRequest timed = request.timeout().isPresent()
                    ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true).timeout(requestTimeout).build();
            Duration delay;
            String reason;
            try {
                HttpResponse<String> response = client.send(timed, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                boolean retryable = policy.isRetryableStatus(status) || alsoRetryable.test(response);
                if (!retryable || attempt >= policy.maxAttempts()) {
                    return response;
                }
                Optional<Duration> retryAfter = policy.retryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), clock.instant());
                delay = policy.delayBeforeRetry(attempt, retryAfter, random.getAsDouble());
                reason = "status " + status;
                if (!withinBudget(start, delay)) {
                    return response;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while calling " + describe(timed));
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw e;
                }
                delay = policy.backoff(attempt, random.getAsDouble());
                reason = e.getClass().getSimpleName();
                if (!withinBudget(start, delay)) {
                    throw e;
                }
            }
            log.warn("retrying HTTP call", contactId, Map.of(
                    "request", describe(timed), "attempt", attempt, "reason", reason, "delayMs", delay.toMillis()));
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to retry " + describe(timed));
            }
        }
    }

    private boolean withinBudget(Instant start, Duration delay) {
        return !clock.instant().plus(delay).isAfter(start.plus(policy.maxElapsed()));
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getRawPath();
    }
}
