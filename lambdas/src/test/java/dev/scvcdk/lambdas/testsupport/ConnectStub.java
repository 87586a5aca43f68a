package dev.scvcdk.lambdas.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for Amazon Connect's DescribeContact ({@code GET /contacts/{InstanceId}/{ContactId}}, REST
 * JSON): contacts put by the test are answered as {@code {"Contact": …}}; any other gets Connect's
 * ResourceNotFoundException.
 */
public final class ConnectStub implements AutoCloseable {
    /** One DescribeContact call as Connect saw it. */
    public record Call(String instanceId, String contactId, boolean signed) {
    }

    private final HttpServer server;
    private final Map<String, JsonNode> contacts = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    public ConnectStub() throws IOException {
        server = LoopbackHttp.start(this::handle, 16, null);
    }

    public String endpoint() {
        return LoopbackHttp.endpoint(server);
    }

    /** @param contact the {@code Contact} document DescribeContact answers for {@code instanceId}/{@code contactId} */
    public void put(String instanceId, String contactId, JsonNode contact) {
        contacts.put(instanceId + "/" + contactId, contact);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] segments = exchange.getRequestURI().getPath().split("/");
            boolean signed = SigV4.signed(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!"GET".equals(exchange.getRequestMethod()) || segments.length != 4 || !"contacts".equals(segments[1])) {
                send(exchange, 404, "UnknownOperationException", "{\"message\":\"unexpected "
                        + exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\"}");
                return;
            }
            calls.add(new Call(segments[2], segments[3], signed));
            JsonNode contact = contacts.get(segments[2] + "/" + segments[3]);
            if (contact == null) {
                send(exchange, 404, "ResourceNotFoundException", "{\"Message\":\"Contact not found\"}");
                return;
            }
            send(exchange, 200, null, Json.write(Map.of("Contact", contact)));
        }
    }

    private static void send(HttpExchange exchange, int status, String errorType, String body) throws IOException {
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        LoopbackHttp.send(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
