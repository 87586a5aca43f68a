package dev.scvcdk.lambdas.common.snapstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Request;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * Canned answers, in the services' own shapes, to the AWS calls the handlers make — SSM parameters, Secrets
 * Manager secrets, Lambda invocations — for a {@link LoopbackResponder} that priming talks to.
 */
public final class PrimingStandIns {

    private PrimingStandIns() {
    }

    /**
     * Answers SSM and Secrets Manager from {@code values} (a name or secret id not in it is not found), and every
     * Lambda invocation with {@code invocationAnswer}; any other request goes to {@code other}.
     */
    public static Function<Request, Response> aws(Map<String, String> values, String invocationAnswer,
                                                  Function<Request, Response> other) {
        return request -> {
            String target = request.header("X-Amz-Target");
            if (target != null) {
                return json(target, body(request), values);
            }
            if (request.path().endsWith("/invocations")) {
                return "Event".equals(request.header("X-Amz-Invocation-Type"))
                        ? Response.json(202, "")
                        : Response.json(200, invocationAnswer);
            }
            return other.apply(request);
        };
    }

    /** Anything the handler was not expected to call. */
    public static Response notFound(Request request) {
        return Response.json(404, "{\"message\":\"no priming stand-in for " + request.method() + "\"}");
    }

    private static Response json(String target, JsonNode body, Map<String, String> values) {
        String operation = target.substring(target.indexOf('.') + 1);
        ObjectNode answer = Json.object();
        switch (operation) {
            case "GetParameter" -> {
                String name = body.path("Name").asText();
                if (!values.containsKey(name)) {
                    return error("ParameterNotFound");
                }
                parameter(answer.putObject("Parameter"), name, values.get(name));
            }
            case "GetParameters" -> {
                ArrayNode found = answer.putArray("Parameters");
                ArrayNode invalid = answer.putArray("InvalidParameters");
                for (JsonNode name : body.path("Names")) {
                    if (values.containsKey(name.asText())) {
                        parameter(found.addObject(), name.asText(), values.get(name.asText()));
                    } else {
                        invalid.add(name.asText());
                    }
                }
            }
            case "PutParameter" -> answer.put("Version", 1).put("Tier", "Standard");
            case "ListTagsForResource" -> answer.putArray("TagList");
            case "DeleteParameter" -> {
                // an empty answer, as SSM gives
            }
            case "GetSecretValue" -> {
                String id = body.path("SecretId").asText();
                if (!values.containsKey(id)) {
                    return error("ResourceNotFoundException");
                }
                answer.put("ARN", id).put("Name", id).put("VersionId", "priming").put("SecretString", values.get(id));
            }
            default -> {
                return error("UnknownOperationException");
            }
        }
        return Response.json(200, Json.write(answer));
    }

    private static void parameter(ObjectNode node, String name, String value) {
        node.put("Name", name).put("Type", "SecureString").put("Value", value).put("Version", 1);
    }

    private static Response error(String code) {
        return Response.json(400, "{\"__type\":\"" + code + "\",\"message\":\"priming stand-in\"}");
    }

    private static JsonNode body(Request request) {
        try {
            return Json.read(request.body().isEmpty() ? "{}" : request.body());
        } catch (IOException e) {
            return Json.object();
        }
    }
}
