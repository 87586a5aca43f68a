package dev.scvcdk.tests.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading resolved IAM policy JSON, where IAM allows a single value or a list. */
final class PolicyJson {

    private PolicyJson() {
    }

    static List<JsonNode> statements(JsonNode document) {
        return list(document.path("Statement"));
    }

    /** A string or a list of strings (Action, Resource, a condition's values). */
    static List<String> strings(JsonNode value) {
        return list(value).stream().map(JsonNode::asText).toList();
    }

    /** Condition values by key, whatever the operator: {@code kms:ViaService → [ssm.us-west-2.amazonaws.com]}. */
    static Map<String, Set<String>> conditionValuesByKey(JsonNode statement) {
        Map<String, Set<String>> byKey = new TreeMap<>();
        statement.path("Condition").properties().forEach(operator -> operator.getValue().properties()
                .forEach(key -> byKey.computeIfAbsent(key.getKey(), k -> new TreeSet<>()).addAll(strings(key.getValue()))));
        return byKey;
    }

    /** {@code Operator key=v1|v2} per condition key, sorted: how the digest shows conditions. */
    static List<String> conditions(JsonNode statement) {
        List<String> out = new ArrayList<>();
        statement.path("Condition").properties().forEach(operator -> operator.getValue().properties()
                .forEach(key -> out.add(operator.getKey() + " " + key.getKey() + "="
                        + String.join("|", new TreeSet<>(strings(key.getValue()))))));
        out.sort(null);
        return out;
    }

    private static List<JsonNode> list(JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else if (!value.isMissingNode() && !value.isNull()) {
            values.add(value);
        }
        return values;
    }
}
