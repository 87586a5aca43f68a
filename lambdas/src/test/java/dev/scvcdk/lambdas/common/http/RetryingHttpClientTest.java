package dev.scvcdk.lambdas.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryingHttpClientTest {
    /** Scripted server answers: a status (with optional Retry-After), "drop" or "hang". */
    private final ConcurrentLinkedQueue<String> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            String step = script.poll();
            if (step == null) {
                step = "200";
            }
            if (step.equals("drop")) {
                return;
            }
            if (step.equals("hang")) {
                Thread.sleep(1_000);
                step = "200";
            }
            String[] parts = step.split(";");
            if (parts.length > 1) {
                exchange.getResponseHeaders().set("Retry-After", parts[1]);
            }
            byte[] body = ("{\"status\":" + parts[0] + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(parts[0]), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RetryingHttpClient client(int attempts, Duration requestTimeout, Duration maxElapsed) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        RetryPolicy policy = new RetryPolicy(attempts, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofMillis(500), maxElapsed);
        return new RetryingHttpClient(http, policy, requestTimeout, sleeps::add, Clock.systemUTC(), () -> 0.5,
                new CapturingLog().logger());
    }

    private RetryingHttpClient client(int attempts) {
        return client(attempts, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    private HttpRequest get() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x")).GET().build();
    }

    @Test
    void serverErrorIsRetriedUntilSuccess() throws IOException {
        script.addAll(List.of("503", "500", "200"));
        HttpResponse<String> response = client(3).send(get(), "contact-1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests).hasValue(3);
        // backoff with random 0.5: half of 10 ms, then half of 20 ms
        assertThat(sleeps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void throttlingWaitsForRetryAfterSeconds() throws IOException {
        script.addAll(List.of("429;0", "200"));
        assertThat(client(3).send(get(), null).statusCode()).isEqualTo(200);
        assertThat(sleeps).containsExactly(Duration.ZERO);
    }

    @Test
    void retryAfterLongerThanTheCapWaitsOnlyTheCap() throws IOException {
        script.addAll(List.of("503;120", "200"));
        assertThat(client(3).send(get(), null).statusCode()).isEqualTo(200);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404})
    void clientErrorsAreReturnedWithoutRetry(int status) throws IOException {
        script.add(String.valueOf(status));
        HttpResponse<String> response = client(5).send(get(), null);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(requests).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void attemptsAreCappedAndTheLastResponseReturned() throws IOException {
        script.addAll(List.of("500", "502", "503", "504", "200"));
        HttpResponse<String> response = client(3).send(get(), null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(requests).hasValue(3);
    }

    @Test
    void withPolicyOfOneAttemptSendsOnceWhileTheOriginalStillRetries() throws IOException {
        // GIVEN a retrying client and a copy of it that must not retry
        RetryingHttpClient retrying = client(3);
        RetryingHttpClient once = retrying.withPolicy(new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofMillis(500), Duration.ofSeconds(30)));
        script.addAll(List.of("503", "503", "200"));

        // WHEN each meets a server error
        HttpResponse<String> first = once.send(get(), null);
        HttpResponse<String> second = retrying.send(get(), null);

        // THEN the copy returns the 503 after one request; the original retries to success
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(requests).hasValue(3);
    }

    @Test
    void droppedConnectionIsRetried() throws IOException {
        script.addAll(List.of("drop", "200"));
        assertThat(client(3).send(get(), null).statusCode()).isEqualTo(200);
        assertThat(requests).hasValue(2);
    }

    @Test
    void timeoutIsRetried() throws IOException {
        script.addAll(List.of("hang", "200"));
        HttpResponse<String> response = client(3, Duration.ofMillis(200), Duration.ofSeconds(30)).send(get(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests).hasValue(2);
    }

    @Test
    void transportFailureOnTheLastAttemptIsThrown() {
        script.addAll(List.of("hang", "hang"));
        assertThatThrownBy(() -> client(2, Duration.ofMillis(150), Duration.ofSeconds(30)).send(get(), null))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(requests).hasValue(2);
    }

    @Test
    void noRetryStartsPastTheElapsedBudget() throws IOException {
        script.addAll(List.of("503;1", "200"));
        // budget 100 ms, but the server asks for 500 ms (capped Retry-After): give up with the 503
        HttpResponse<String> response = client(3, Duration.ofSeconds(2), Duration.ofMillis(100)).send(get(), null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(requests).hasValue(1);
        assertThat(sleeps).isEmpty();
    }
}
