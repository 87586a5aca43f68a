package dev.scvcdk.lambdas.common.http;

import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.snapstart.Restorable;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@link HttpClient} with a request timeout on every request and retries per {@link RetryPolicy}.
 *
 * <p>{@link #send} returns the last response whatever its status (callers decide what a 4xx means) and throws
 * the last transport failure when no attempt got a response. Built once per container: the JDK client keeps
 * its connection pool, and nothing unique per invocation is held: timestamps are read per call. For SnapStart,
 * {@link #restorable()} replaces the JDK client (and with it every pooled connection) before the snapshot and
 * re-seeds the retry jitter in each restored copy.
 */
public final class RetryingHttpClient {
    private final Transport transport;
    private final RetryPolicy policy;
    private final Duration requestTimeout;
    private final Sleeper sleeper;
    private final Clock clock;
    private final StructuredLogger log;

    /** A client over a fixed JDK client and jitter source (its restore hooks keep both). */
    public RetryingHttpClient(HttpClient client, RetryPolicy policy, Duration requestTimeout, Sleeper sleeper,
                              Clock clock, DoubleSupplier random, StructuredLogger log) {
        this(new Transport(() -> Objects.requireNonNull(client, "client"), () -> Objects.requireNonNull(random,
                "random")), policy, requestTimeout, sleeper, clock, log);
    }

    private RetryingHttpClient(Transport transport, RetryPolicy policy, Duration requestTimeout, Sleeper sleeper,
                               Clock clock, StructuredLogger log) {
        this.transport = transport;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * A production client: HTTP/1.1, the given connect and request timeouts, the system clock and sleeper, jitter
     * from a {@link SecureRandom}. Its restore hooks build a new JDK client and a new jitter source.
     */
    public static RetryingHttpClient create(Duration connectTimeout, Duration requestTimeout, RetryPolicy policy) {
        // One worker pool for every JDK client this one builds: a client replaced before a snapshot does not make
        // the first call after the restore start new worker threads (sockets are per client; threads hold none).
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "http-worker");
            thread.setDaemon(true);
            return thread;
        });
        return create(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(workers)
                .build(), requestTimeout, policy);
    }

    /** As {@link #create(Duration, Duration, RetryPolicy)}, with JDK clients from {@code clients}. */
    public static RetryingHttpClient create(Supplier<HttpClient> clients, Duration requestTimeout, RetryPolicy policy) {
        Transport transport = new Transport(clients, () -> {
            SecureRandom jitter = new SecureRandom();
            return jitter::nextDouble;
        });
        return new RetryingHttpClient(transport, policy, requestTimeout, Sleeper.SYSTEM, Clock.systemUTC(),
                StructuredLogger.forClass(RetryingHttpClient.class));
    }

    /** This client with another retry policy, sharing its connection pool (and its timeouts, clock and log). */
    public RetryingHttpClient withPolicy(RetryPolicy otherPolicy) {
        return new RetryingHttpClient(transport, otherPolicy, requestTimeout, sleeper, clock, log);
    }

    /** The restore hooks of the JDK client and jitter this client (and every {@link #withPolicy} copy) shares. */
    public Restorable restorable() {
        return transport;
    }

    /**
     * The JDK client and the jitter source, replaceable as a whole: a snapshot must carry no pooled connection
     * (it would be dead in every restored copy) and restored copies must not share one random state.
     */
    private static final class Transport implements Restorable {
        private final Supplier<HttpClient> clients;
        private final Supplier<DoubleSupplier> randoms;
        private volatile HttpClient client;
        private volatile DoubleSupplier random;

        Transport(Supplier<HttpClient> clients, Supplier<DoubleSupplier> randoms) {
            this.clients = clients;
            this.randoms = randoms;
            this.client = clients.get();
            this.random = randoms.get();
        }

        @Override
        public void beforeCheckpoint() {
            HttpClient old = client;
            client = clients.get();
            if (old != client && old instanceof AutoCloseable closeable) {
                // HttpClient is AutoCloseable from Java 21 (the Lambda runtime): close its pooled connections now.
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Unreachable from now on either way; the collector frees it.
                }
            }
        }

        @Override
        public void afterRestore() {
            random = randoms.get();
        }
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
        return send(requests, contactId, HttpResponse.BodyHandlers.ofString(), alsoRetryable);
    }

    /**
     * As {@link #send(Supplier, String, Predicate)} with the response body read by {@code bodies}. A streaming
     * handler (such as {@link HttpResponse.BodyHandlers#ofInputStream()}) hands over the body once the headers
     * arrived: the request timeout bounds the wait for them, and nothing is retried after that — a retryable
     * status is retried before its body is handed over, so such a handler should buffer non-2xx bodies (the
     * retried response's body is dropped unread).
     */
    public <T> HttpResponse<T> send(Supplier<HttpRequest> requests, String contactId, HttpResponse.BodyHandler<T> bodies,
                                    Predicate<HttpResponse<T>> alsoRetryable) throws IOException {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = requests.get();
            HttpRequest timed = request.timeout().isPresent()
                    ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true).timeout(requestTimeout).build();
            Duration delay;
            String reason;
            try {
                HttpResponse<T> response = transport.client.send(timed, bodies);
                int status = response.statusCode();
                boolean retryable = policy.isRetryableStatus(status) || alsoRetryable.test(response);
                if (!retryable || attempt >= policy.maxAttempts()) {
                    return response;
                }
                Optional<Duration> retryAfter = policy.retryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), clock.instant());
                delay = policy.delayBeforeRetry(attempt, retryAfter, transport.random.getAsDouble());
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
                delay = policy.backoff(attempt, transport.random.getAsDouble());
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
