package dev.scvcdk.lambdas.customresource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A loopback HTTP server that plays three parts for handler tests: SSM and Secrets Manager (the JSON 1.1
 * protocol the production clients speak, dispatched on {@code X-Amz-Target}), and the pre-signed S3
 * {@code ResponseURL} CloudFormation hands a custom resource (it records every PUT).
 */
public final class LocalAwsServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored parameter, with what the client sent when it was written. */
    public record StoredParameter(String value, String type, String keyId, String description,
                                  Map<String, String> tags) {
    }

    /** One SSM or Secrets Manager call: its target (e.g. {@code AmazonSSM.PutParameter}) and JSON body. */
    public record ApiCall(String target, JsonNode body) {
    }

    /** One PUT to a response URL. */
    public record ResponsePut(String method, String path, String query, Map<String, List<String>> headers,
                              String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final Map<String, StoredParameter> parameters = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
    private final List<ResponsePut> responses = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> apiFailures = new ConcurrentHashMap<>();
    private final AtomicInteger responseFailures = new AtomicInteger();
    private final AtomicInteger responseStatus = new AtomicInteger(500);

    private final java.util.concurrent.atomic.AtomicBoolean rejectPutsQuotingValue =
            new java.util.concurrent.atomic.AtomicBoolean();

    public LocalAwsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handleApi);
        server.createContext("/cfn-response/", this::handleResponse);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A URL shaped like CloudFormation's pre-signed one, served by this server. */
    public String responseUrl() {
        return endpoint() + "/cfn-response/arn%3Aaws-test%3Acloudformation/stack-1/request-1"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=7200&X-Amz-Signature=abc123";
    }

    public SsmApi ssmClient() {
        return TestAwsClients.ssm(endpoint());
    }

    public SecretsManagerApi secretsManagerClient() {
        return TestAwsClients.secretsManager(endpoint());
    }

    public void putParameter(String name, String value, Map<String, String> tags) {
        parameters.put(name, new StoredParameter(value, "SecureString", null, null, Map.copyOf(tags)));
    }

    public StoredParameter parameter(String name) {
        return parameters.get(name);
    }

    public Map<String, StoredParameter> parameters() {
        return Map.copyOf(parameters);
    }

    public void putSecret(String arn, String secretString) {
        secrets.put(arn, secretString);
    }

    public List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    public List<String> targets() {
        return calls.stream().map(ApiCall::target).collect(Collectors.toList());
    }

    public List<ResponsePut> responses() {
        return List.copyOf(responses);
    }

    /** The next {@code times} calls of {@code target} answer HTTP 500. */
    public void failApi(String target, int times) {
        apiFailures.put(target, new AtomicInteger(times));
    }

    /**
     * Every {@code AmazonSSM.PutParameter} is rejected as SSM rejects an over-long value: a 400
     * {@code ValidationException} whose message quotes the value it was sent.
     */
    public void rejectPutsQuotingTheValue() {
        rejectPutsQuotingValue.set(true);
    }

    /** The next {@code times} PUTs to the response URL answer {@code status}. */
    public void failResponses(int times, int status) {
        responseFailures.set(times);
        responseStatus.set(status);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handleResponse(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            responses.add(new ResponsePut(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            int status = responseFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? responseStatus.get() : 200;
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void handleApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            calls.add(new ApiCall(target, body));
            AtomicInteger failures = apiFailures.get(target);
            if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 500, error("InternalServerError", "injected failure"));
                return;
            }
            if ("AmazonSSM.PutParameter".equals(target) && rejectPutsQuotingValue.get()) {
                send(exchange, 400, error("ValidationException", "1 validation error detected: Value '"
                        + body.path("Value").asText() + "' at 'value' failed to satisfy constraint: Member must "
                        + "have length less than or equal to 4096"));
                return;
            }
            Answer answer = switch (target == null ? "" : target) {
                case "AmazonSSM.GetParameter" -> getParameter(body);
                case "AmazonSSM.PutParameter" -> putParameter(body);
                case "AmazonSSM.DeleteParameter" -> deleteParameter(body);
                case "AmazonSSM.ListTagsForResource" -> listTags(body);
                case "secretsmanager.GetSecretValue" -> getSecretValue(body);
                default -> new Answer(400, error("UnknownOperationException", "unsupported target " + target));
            };
            send(exchange, answer.status(), answer.body());
        }
    }

    private record Answer(int status, ObjectNode body) {
    }

    private Answer getParameter(JsonNode body) {
        String name = body.path("Name").asText();
        StoredParameter stored = parameters.get(name);
        if (stored == null) {
            return new Answer(400, error("ParameterNotFound", "Parameter " + name + " not found."));
        }
        boolean decrypt = body.path("WithDecryption").asBoolean(false);
        ObjectNode parameter = JSON.createObjectNode()
                .put("Name", name)
                .put("Type", stored.type())
                .put("Value", decrypt ? stored.value() : "AQICAHencrypted==")
                .put("Version", 1);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("Parameter", parameter);
        return new Answer(200, answer);
    }

    private Answer putParameter(JsonNode body) {
        String name = body.path("Name").asText();
        boolean overwrite = body.path("Overwrite").asBoolean(false);
        if (overwrite && body.has("Tags")) {
            return new Answer(400, error("ValidationException",
                    "Invalid request: tags and overwrite can't be used together."));
        }
        StoredParameter existing = parameters.get(name);
        if (existing != null && !overwrite) {
            return new Answer(400, error("ParameterAlreadyExists", "The parameter already exists."));
        }
        Map<String, String> tags = existing != null ? existing.tags() : tags(body.path("Tags"));
        parameters.put(name, new StoredParameter(body.path("Value").asText(), body.path("Type").asText(),
                body.path("KeyId").asText(null), body.path("Description").asText(null), tags));
        return new Answer(200, JSON.createObjectNode().put("Version", 1).put("Tier", "Standard"));
    }

    private Answer deleteParameter(JsonNode body) {
        String name = body.path("Name").asText();
        if (parameters.remove(name) == null) {
            return new Answer(400, error("ParameterNotFound", "Parameter " + name + " not found."));
        }
        return new Answer(200, JSON.createObjectNode());
    }

    private Answer listTags(JsonNode body) {
        String name = body.path("ResourceId").asText();
        StoredParameter stored = parameters.get(name);
        if (!"Parameter".equals(body.path("ResourceType").asText()) || stored == null) {
            return new Answer(400, error("InvalidResourceId", "The resource ID is not valid."));
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("TagList");
        stored.tags().forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
        return new Answer(200, answer);
    }

    private Answer getSecretValue(JsonNode body) {
        String id = body.path("SecretId").asText();
        String secret = secrets.get(id);
        if (secret == null) {
            return new Answer(400, error("ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret."));
        }
        return new Answer(200, JSON.createObjectNode()
                .put("ARN", id).put("Name", "secret").put("VersionId", "v1").put("SecretString", secret));
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> result = new ConcurrentHashMap<>();
        tags.forEach(tag -> result.put(tag.path("Key").asText(), tag.path("Value").asText()));
        return Map.copyOf(result);
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "local-request");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
