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

    @Test
    void answersBinaryBodiesWithTheirContentType() throws Exception {
        byte[] media = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0xFF, 0x00};
        try (LoopbackResponder responder = LoopbackResponder.start(
                request -> Response.binary(200, "video/webm", media))) {
            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(responder.uri()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(answer.body()).isEqualTo(media);
            assertThat(answer.headers().firstValue("Content-Type")).contains("video/webm");
        }
    }

    @Test
    void tellsAClientExpectingContinueToSendItsBody() throws Exception {
        try (LoopbackResponder responder = LoopbackResponder.start(request -> Response.json(200, request.body()));
             java.net.Socket socket = new java.net.Socket(responder.uri().getHost(), responder.uri().getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            out.write(("PUT /bucket/key HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();

            byte[] interim = in.readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertThat(new String(interim, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write("body".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = in.readNBytes(15);
            assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 Pr");
        }
    }
}
