package dev.scvcdk.lambdas.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for SSM Parameter Store speaking the SSM JSON protocol (GetParameter,
 * GetParameters, PutParameter), so tests drive the production client through an endpoint override.
 */
final class FakeSsm implements AutoCloseable {

    /** One PutParameter call as received. */
    record Put(String name, String value, String type, boolean overwrite) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();

    FakeSsm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    SsmApi client() {
        return TestAwsClients.ssm(endpoint());
    }

    FakeSsm put(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    String value(String name) {
        return parameters.get(name);
    }

    List<Put> puts() {
        return puts;
    }

    /** The SSM operations called, in order (e.g. {@code AmazonSSM.GetParameter}). */
    List<String> targets() {
        return targets;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        targets.add(target);
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        ObjectNode response = JSON.createObjectNode();
        int status = 200;
        switch (target) {
            case "AmazonSSM.GetParameter" -> {
                String name = request.path("Name").asText();
                if (!request.path("WithDecryption").asBoolean(false) || !parameters.containsKey(name)) {
                    status = 400;
                    response.put("__type", "ParameterNotFound").put("message", "Parameter " + name + " not found.");
                } else {
                    parameter(response.putObject("Parameter"), name);
                }
            }
            case "AmazonSSM.GetParameters" -> {
                ArrayNode found = response.putArray("Parameters");
                ArrayNode invalid = response.putArray("InvalidParameters");
                boolean decrypt = request.path("WithDecryption").asBoolean(false);
                for (JsonNode n : request.path("Names")) {
                    if (decrypt && parameters.containsKey(n.asText())) {
                        parameter(found.addObject(), n.asText());
                    } else {
                        invalid.add(n.asText());
                    }
                }
            }
            case "AmazonSSM.PutParameter" -> {
                String name = request.path("Name").asText();
                boolean overwrite = request.path("Overwrite").asBoolean(false);
                puts.add(new Put(name, request.path("Value").asText(), request.path("Type").asText(), overwrite));
                if (parameters.containsKey(name) && !overwrite) {
                    status = 400;
                    response.put("__type", "ParameterAlreadyExists").put("message", "exists");
                } else {
                    parameters.put(name, request.path("Value").asText());
                    response.put("Version", 2).put("Tier", "Standard");
                }
            }
            default -> {
                status = 400;
                response.put("__type", "InvalidAction").put("message", target);
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(response);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void parameter(ObjectNode node, String name) {
        node.put("Name", name).put("Type", "SecureString").put("Value", parameters.get(name)).put("Version", 1)
                .put("DataType", "text");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
