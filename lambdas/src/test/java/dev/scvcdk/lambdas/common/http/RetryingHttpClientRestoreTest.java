package dev.scvcdk.lambdas.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What SnapStart's hooks do to the production HTTP client: no pooled connection outlives the snapshot. */
class RetryingHttpClientRestoreTest {

    @Test
    void noPooledConnectionSurvivesIntoARestoredEnvironment() throws Exception {
        try (LoopbackResponder server = LoopbackResponder.start(request -> Response.json(200, "{}"))) {
            // GIVEN a client that has a kept-alive connection in its pool (priming or an init call left it)
            RetryingHttpClient client = RetryingHttpClient.create(Duration.ofSeconds(2), Duration.ofSeconds(2),
                    RetryPolicy.defaults());
            HttpRequest request = HttpRequest.newBuilder(server.uri()).GET().build();
            client.send(request, null);
            client.send(request, null);
            assertThat(server.connections()).as("reused while warm").isEqualTo(1);

            // WHEN the snapshot is taken and an environment restored from it
            client.restorable().beforeCheckpoint();
            client.restorable().afterRestore();

            // THEN its first request opens a new connection instead of using the snapshot's
            client.send(request, null);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void everyPolicyCopySharesTheRenewedClient() throws Exception {
        try (LoopbackResponder server = LoopbackResponder.start(request -> Response.json(200, "{}"))) {
            RetryingHttpClient client = RetryingHttpClient.create(Duration.ofSeconds(2), Duration.ofSeconds(2),
                    RetryPolicy.defaults());
            RetryingHttpClient once = client.withPolicy(RetryPolicy.defaults().withMaxAttempts(1));
            HttpRequest request = HttpRequest.newBuilder(server.uri()).GET().build();
            once.send(request, null);

            client.restorable().beforeCheckpoint();
            once.send(request, null);

            assertThat(server.connections()).isEqualTo(2);
        }
    }
}
