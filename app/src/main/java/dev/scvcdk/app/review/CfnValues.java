package dev.scvcdk.app.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders template values for a reader: literals as they are, {@code Fn::Join} joined, {@code Ref} as
 * {@code ${LogicalId}} (or {@code ${AWS::Partition}}), {@code Fn::GetAtt} as {@code ${LogicalId.Attribute}}, any
 * other intrinsic as its compact JSON. Nothing is resolved that the template does not state.
 */
final class CfnValues {

    private CfnValues() {
    }

    /** One value as text. */
    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.size() == 1) {
            String key = value.fieldNames().next();
            JsonNode argument = value.get(key);
            switch (key) {
                case "Ref":
                    return "${" + argument.asText() + "}";
                case "Fn::GetAtt":
                    return argument.isArray()
                            ? "${" + argument.path(0).asText() + "." + argument.path(1).asText() + "}"
                            : "${" + argument.asText() + "}";
                case "Fn::Join": {
                    List<String> parts = new ArrayList<>();
                    argument.path(1).forEach(part -> parts.add(text(part)));
                    return String.join(argument.path(0).asText(), parts);
                }
                case "Fn::Sub":
                    return argument.isArray() ? text(argument.path(0)) : argument.asText();
                default:
                    return value.toString();
            }
        }
        return value.toString();
    }

    /** A value that may be one item or a list (Action, Resource, Principal values) as a list of texts. */
    static List<String> list(JsonNode value) {
        List<String> items = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(item -> items.add(text(item)));
        } else {
            items.add(text(value));
        }
        return items;
    }

    /** A Principal element as {@code type → values}; {@code "*"} as {@code * → [*]}. */
    static Map<String, List<String>> principals(JsonNode principal) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        if (principal == null || principal.isMissingNode()) {
            return byType;
        }
        if (principal.isTextual()) {
            byType.put("*", List.of(principal.asText()));
            return byType;
        }
        for (Map.Entry<String, JsonNode> entry : principal.properties()) {
            byType.put(entry.getKey(), list(entry.getValue()));
        }
        return byType;
    }

    /** A Condition element as {@code operator → key → values}. */
    static Map<String, Map<String, List<String>>> conditions(JsonNode condition) {
        Map<String, Map<String, List<String>>> byOperator = new LinkedHashMap<>();
        if (condition == null || condition.isMissingNode()) {
            return byOperator;
        }
        for (Map.Entry<String, JsonNode> operator : condition.properties()) {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                keys.put(key.getKey(), list(key.getValue()));
            }
            byOperator.put(operator.getKey(), keys);
        }
        return byOperator;
    }

    /** Conditions on one line: {@code StringEquals aws:RequestedRegion = [us-west-2, eu-west-2]; …}. */
    static String conditionsText(Map<String, Map<String, List<String>>> conditions) {
        List<String> parts = new ArrayList<>();
        conditions.forEach((operator, keys) -> keys.forEach((key, values) -> parts.add(operator + " " + key + " = "
                + (values.size() == 1 ? values.get(0) : values.toString()))));
        return String.join("; ", parts);
    }

    /** Every logical id a value refers to through {@code Ref} or {@code Fn::GetAtt}, anywhere inside it. */
    static Set<String> references(JsonNode value) {
        Set<String> ids = new TreeSet<>();
        collectReferences(value, ids);
        return ids;
    }

    private static void collectReferences(JsonNode value, Set<String> ids) {
        if (value == null) {
            return;
        }
        if (value.isObject()) {
            if (value.has("Ref") && value.size() == 1) {
                ids.add(value.get("Ref").asText());
                return;
            }
            if (value.has("Fn::GetAtt") && value.size() == 1) {
                JsonNode argument = value.get("Fn::GetAtt");
                ids.add(argument.isArray() ? argument.path(0).asText() : argument.asText().split("\\.")[0]);
                return;
            }
            value.forEach(child -> collectReferences(child, ids));
        } else if (value.isArray()) {
            value.forEach(child -> collectReferences(child, ids));
        }
    }
}
