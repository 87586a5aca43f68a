package dev.scvcdk.lambdas.common.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SSM Parameter Store operations the functions use, over {@link AwsApiClient} (AWS JSON 1.1,
 * {@code X-Amz-Target: AmazonSSM.<Operation>}). Service errors arrive as {@link AwsApiException}s with SSM's
 * error codes ({@link #PARAMETER_NOT_FOUND}, {@link #PARAMETER_ALREADY_EXISTS}, {@link #INVALID_RESOURCE_ID}).
 */
public final class SsmApi {
    public static final String PARAMETER_NOT_FOUND = "ParameterNotFound";
    public static final String PARAMETER_ALREADY_EXISTS = "ParameterAlreadyExists";
    public static final String INVALID_RESOURCE_ID = "InvalidResourceId";

    /** A parameter as GetParameter(s) returns it; {@code value} is the ciphertext unless decrypted. */
    public record Parameter(String name, String type, String value, long version) {
    }

    /** GetParameters' answer: the parameters found, and the names that were not. */
    public record Parameters(List<Parameter> parameters, List<String> invalidParameters) {
    }

    private final AwsApiClient client;

    public SsmApi(AwsApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
        if (client.service() != AwsService.SSM) {
            throw new IllegalArgumentException("SsmApi needs an SSM client, not " + client.service());
        }
    }

    /** @throws AwsApiException {@link #PARAMETER_NOT_FOUND} when there is no such parameter */
    public Parameter getParameter(String name, boolean withDecryption) {
        ObjectNode request = Json.object().put("Name", name).put("WithDecryption", withDecryption);
        return parameter(client.json("GetParameter", request).path("Parameter"));
    }

    public Parameters getParameters(List<String> names, boolean withDecryption) {
        ObjectNode request = Json.object();
        ArrayNode list = request.putArray("Names");
        names.forEach(list::add);
        request.put("WithDecryption", withDecryption);
        JsonNode response = client.json("GetParameters", request);
        List<Parameter> found = new ArrayList<>();
        response.path("Parameters").forEach(p -> found.add(parameter(p)));
        List<String> invalid = new ArrayList<>();
        response.path("InvalidParameters").forEach(n -> invalid.add(n.asText()));
        return new Parameters(List.copyOf(found), List.copyOf(invalid));
    }

    /**
     * PutParameter of a SecureString. SSM rejects tags together with {@code overwrite}.
     *
     * @param keyId       the KMS key, or null for {@code alias/aws/ssm}
     * @param description a description, or null
     * @param tags        tags for a new parameter; empty for none
     * @throws AwsApiException {@link #PARAMETER_ALREADY_EXISTS} when it exists and {@code overwrite} is false
     */
    public void putSecureString(String name, String value, boolean overwrite, String keyId, String description,
                                Map<String, String> tags) {
        ObjectNode request = Json.object()
                .put("Name", name)
                .put("Value", value)
                .put("Type", "SecureString")
                .put("Overwrite", overwrite);
        if (keyId != null) {
            request.put("KeyId", keyId);
        }
        if (description != null) {
            request.put("Description", description);
        }
        if (!tags.isEmpty()) {
            ArrayNode list = request.putArray("Tags");
            tags.forEach((key, tagValue) -> list.addObject().put("Key", key).put("Value", tagValue));
        }
        client.json("PutParameter", request);
    }

    /** @throws AwsApiException {@link #PARAMETER_NOT_FOUND} when there is no such parameter */
    public void deleteParameter(String name) {
        client.json("DeleteParameter", Json.object().put("Name", name));
    }

    /**
     * ListTagsForResource of a parameter, as a map.
     *
     * @throws AwsApiException {@link #INVALID_RESOURCE_ID} (or {@link #PARAMETER_NOT_FOUND}) when it is missing
     */
    public Map<String, String> listParameterTags(String name) {
        ObjectNode request = Json.object().put("ResourceType", "Parameter").put("ResourceId", name);
        Map<String, String> tags = new LinkedHashMap<>();
        client.json("ListTagsForResource", request).path("TagList")
                .forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        return tags;
    }

    private static Parameter parameter(JsonNode node) {
        return new Parameter(node.path("Name").asText(null), node.path("Type").asText(null),
                node.path("Value").asText(null), node.path("Version").asLong(0));
    }
}
