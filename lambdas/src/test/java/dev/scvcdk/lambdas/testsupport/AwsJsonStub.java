package dev.scvcdk.lambdas.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A local stand-in for the two AWS JSON-protocol calls the key reader makes: SSM {@code GetParameter}
 * and Secrets Manager {@code GetSecretValue}. Values are set by the test; unknown names get the service's
 * not-found error.
 */
public final class AwsJsonStub implements AutoCloseable {
    /** One call: its X-Amz-Target and request document. */
    public record Call(String target, JsonNode request, boolean signed) {
    }

    private final HttpServer server;
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    public AwsJsonStub() throws IOException {
        server = LoopbackHttp.start(this::handle, 16, null);
    }

    public String endpoint() {
        return LoopbackHttp.endpoint(server);
    }

    public void putParameter(String name, String value) {
        parameters.put(name, value);
    }

    public void removeParameter(String name) {
        parameters.remove(name);
    }

    public void putSecret(String arn, String value) {
        secrets.put(arn, value);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode request = Json.read(exchange.getRequestBody());
            boolean signed = SigV4.signed(exchange.getRequestHeaders().getFirst("Authorization"));
            calls.add(new Call(target, request, signed));
            ObjectNode response = Json.object();
            switch (target) {
                case "AmazonSSM.GetParameter" -> {
                    String name = Json.text(request, "Name");
                    String value = parameters.get(name);
                    if (value == null || !request.path("WithDecryption").asBoolean(false)) {
                        send(exchange, 400, "{\"__type\":\"ParameterNotFound\",\"message\":\"no " + name + "\"}");
                        return;
                    }
                    ObjectNode parameter = response.putObject("Parameter");
                    parameter.put("Name", name).put("Type", "SecureString").put("Value", value).put("Version", 1);
                }
                case "secretsmanager.GetSecretValue" -> {
                    String id = Json.text(request, "SecretId");
                    String value = secrets.get(id);
                    if (value == null) {
                        send(exchange, 400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no " + id + "\"}");
                        return;
                    }
                    response.put("ARN", id).put("Name", "scrt-key").put("SecretString", value).put("VersionId", "v1");
                }
                default -> {
                    send(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + target + "\"}");
                    return;
                }
            }
            send(exchange, 200, Json.write(response));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackHttp.send(exchange, status, "application/x-amz-json-1.1", body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
