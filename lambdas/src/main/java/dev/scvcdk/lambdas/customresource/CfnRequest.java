package dev.scvcdk.lambdas.customresource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A CloudFormation custom-resource request, as CloudFormation invokes the function.
 *
 * @param requestType           {@code Create}, {@code Update} or {@code Delete}
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

    /** Whether an event is a custom-resource request (it carries a {@code ResponseURL}) rather than a direct call. */
    public static boolean isCustomResourceEvent(JsonNode event) {
        return event != null && event.hasNonNull("ResponseURL") && event.hasNonNull("RequestType");
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
