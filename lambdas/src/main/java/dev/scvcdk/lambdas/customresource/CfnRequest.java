package dev.scvcdk.lambdas.customresource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A CloudFormation custom-resource request, as CloudFormation invokes the function.
 *
 * @param requestType           {@code Create}, {@code Update} or {@code Delete} ({@code null} only in an
 *                              {@link #envelope} of a request that cannot be served)
 * @param responseUrl           the pre-signed S3 URL the answer is PUT to
 * @param physicalResourceId    the id of the existing resource (Update, Delete); {@code null} on Create
 * @param resourceProperties    the resource's properties (including CloudFormation's {@code ServiceToken})
 * @param oldResourceProperties the previous properties (Update only), else empty
 */
public record CfnRequest(
        RequestType requestType,
        String responseUrl,
        String stackId,
        String requestId,
        String resourceType,
        String logicalResourceId,
        String physicalResourceId,
        ObjectNode resourceProperties,
        ObjectNode oldResourceProperties) {

    /** The lifecycle step CloudFormation asks for. */
    public enum RequestType { Create, Update, Delete }

    /** The envelope fields a FAILED answer needs, read from a body that is not valid JSON. */
    private static final Set<String> ENVELOPE = Set.of("RequestType", "ResponseURL", "StackId", "RequestId",
            "ResourceType", "LogicalResourceId", "PhysicalResourceId");

    /**
     * Whether an event is a custom-resource request (it carries a {@code ResponseURL}) rather than a direct call;
     * whatever its {@code RequestType}, such a request is answered at the URL.
     */
    public static boolean isCustomResourceEvent(JsonNode event) {
        return event != null && event.hasNonNull("ResponseURL");
    }

    /**
     * The request's envelope as far as it can be read, without validation: enough to answer a request that cannot
     * be served (unknown {@code RequestType}, missing fields). Absent fields are {@code null}, and so is the type
     * when it is not one of the three.
     */
    public static CfnRequest envelope(JsonNode event) {
        RequestType type = null;
        String rawType = text(event, "RequestType");
        for (RequestType candidate : RequestType.values()) {
            if (candidate.name().equals(rawType)) {
                type = candidate;
            }
        }
        return new CfnRequest(type, text(event, "ResponseURL"), text(event, "StackId"), text(event, "RequestId"),
                text(event, "ResourceType"), text(event, "LogicalResourceId"), text(event, "PhysicalResourceId"),
                object(event == null ? null : event.get("ResourceProperties")),
                object(event == null ? null : event.get("OldResourceProperties")));
    }

    /**
     * The top-level envelope strings of a body that is not valid JSON, read up to where it breaks (CloudFormation
     * writes {@code ResponseURL} and the ids before the properties). Nothing else is kept: the rest may hold values
     * that must not be echoed.
     */
    public static ObjectNode salvage(byte[] body) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return envelope;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && ENVELOPE.contains(name)) {
                    envelope.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // The body breaks here; what was read before is all there is.
        }
        return envelope;
    }

    /**
     * Reads the request CloudFormation sent.
     *
     * @throws IllegalArgumentException naming every missing or invalid envelope field, all at once
     */
    public static CfnRequest from(JsonNode event) {
        List<String> problems = new ArrayList<>();
        RequestType type = null;
        String rawType = text(event, "RequestType");
        if (rawType == null) {
            problems.add("RequestType is missing; it must be Create, Update or Delete");
        } else {
            try {
                type = RequestType.valueOf(rawType);
            } catch (IllegalArgumentException e) {
                problems.add("RequestType '" + rawType + "' is invalid; it must be Create, Update or Delete");
            }
        }
        for (String required : List.of("ResponseURL", "StackId", "RequestId", "LogicalResourceId")) {
            if (text(event, required) == null) {
                problems.add(required + " is missing; CloudFormation always sends it");
            }
        }
        if (type != null && type != RequestType.Create && text(event, "PhysicalResourceId") == null) {
            problems.add("PhysicalResourceId is missing; CloudFormation sends it with " + type);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid custom-resource request: " + String.join("; ", problems));
        }
        return new CfnRequest(type, text(event, "ResponseURL"), text(event, "StackId"), text(event, "RequestId"),
                text(event, "ResourceType"), text(event, "LogicalResourceId"), text(event, "PhysicalResourceId"),
                object(event.get("ResourceProperties")), object(event.get("OldResourceProperties")));
    }

    /**
     * The owner mark a resource writes on what it creates, so Delete removes only what this resource made:
     * {@code <StackId>/<LogicalResourceId>}.
     */
    public String ownerMark() {
        return stackId + "/" + logicalResourceId;
    }

    private static String text(JsonNode event, String field) {
        JsonNode node = event == null ? null : event.get(field);
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static ObjectNode object(JsonNode node) {
        return node instanceof ObjectNode objectNode ? objectNode : JsonNodeFactory.instance.objectNode();
    }
}
