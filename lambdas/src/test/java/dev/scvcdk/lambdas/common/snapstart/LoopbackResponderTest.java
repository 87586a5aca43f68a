package dev.scvcdk.lambdas.common.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoopbackResponderTest {

    @Test
    void answersEachRequestOnAKeptAliveLoopbackConnection() throws Exception {
        List<LoopbackResponder.Request> seen = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (LoopbackResponder responder = LoopbackResponder.start(request -> {
            seen.add(request);
            return Response.json(201, "{\"id\":\"" + seen.size() + "\"}");
        })) {
            assertThat(responder.uri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(responder.uri() + "/a?x=1"))
                    .header("X-Amz-Target", "AmazonSSM.GetParameter")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"k\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = client.send(HttpRequest.newBuilder(URI.create(responder.uri() + "/b")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(first.body()).isEqualTo("{\"id\":\"1\"}");
            assertThat(second.body()).isEqualTo("{\"id\":\"2\"}");
            assertThat(seen.get(0).method()).isEqualTo("POST");
            assertThat(seen.get(0).path()).isEqualTo("/a?x=1");
            assertThat(seen.get(0).header("x-amz-target")).isEqualTo("AmazonSSM.GetParameter");
            assertThat(seen.get(0).body()).isEqualTo("{\"Name\":\"k\"}");
            assertThat(responder.served()).isEqualTo(2);
            assertThat(responder.connections()).as("the second request reused the connection").isEqualTo(1);
        }
    }

    @Test
    void closingItClosesThePortAndItsConnections() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LoopbackResponder responder = LoopbackResponder.start(request -> Response.json(200, "{}"));
        URI uri = responder.uri();
        client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());

        responder.close();

        assertThatThrownBy(() -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
