package dev.scvcdk.lambdas.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for Amazon Connect's REST API (JSON). DescribeContact ({@code GET /contacts/{InstanceId}/{ContactId}}):
 * contacts put by the test are answered as {@code {"Contact": …}}, any other gets Connect's
 * ResourceNotFoundException. UpdateContactAttributes ({@code POST /contact/attributes}): answered with the status
 * and body the test set ({@code 200 {}} by default). Every request is recorded.
 */
public final class ConnectStub implements AutoCloseable {
    /** One DescribeContact call as Connect saw it. */
    public record Call(String instanceId, String contactId, boolean signed) {
    }

    /** Any request as Connect saw it (method, raw path, body, whether it was SigV4-signed). */
    public record Request(String method, String path, String body, boolean signed) {
    }

    private final HttpServer server;
    private final Map<String, JsonNode> contacts = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int attributesStatus = 200;
    private volatile String attributesAnswer = "{}";

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

    /** The DescribeContact calls. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Every request, in arrival order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Answers every later UpdateContactAttributes with {@code status} and {@code body}. */
    public void answer(int status, String body) {
        this.attributesStatus = status;
        this.attributesAnswer = body;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] segments = exchange.getRequestURI().getPath().split("/");
            String[] scope = SigV4.scope(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean signed = scope != null && "connect".equals(scope[1]);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), signed));
            if ("POST".equals(exchange.getRequestMethod()) && "/contact/attributes".equals(exchange.getRequestURI().getPath())) {
                send(exchange, attributesStatus, null, attributesAnswer);
                return;
            }
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
