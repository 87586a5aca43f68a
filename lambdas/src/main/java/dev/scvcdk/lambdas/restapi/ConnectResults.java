package dev.scvcdk.lambdas.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a Salesforce record into the string map contact flows read ({@code $.External.Account.Name}).
 *
 * <p>Nested objects become dotted keys ({@code Account.Name}), array elements are numbered
 * ({@code Contacts.records.0.Id}), Salesforce's {@code attributes} blocks are left out at every level,
 * {@code null} becomes an empty string, and empty objects and arrays leave no key. Only the results contact
 * flows read are flattened (SCV's {@code queryRecord} and {@code searchRecord}, the package's lookups and each
 * record of {@code query}); every other result is returned as Salesforce sent it.
 */
public final class ConnectResults {

    private static final String ATTRIBUTES = "attributes";

    private ConnectResults() {
    }

    /** Flattens {@code node}; a scalar at the top level lands under the key {@code value}. */
    public static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isMissingNode()) {
            return out;
        }
        if (node.isContainerNode()) {
            flattenInto(out, "", node);
        } else {
            out.put("value", scalar(node));
        }
        return out;
    }

    /** Each record of a Salesforce {@code records} array, flattened; an empty list when there are none. */
    public static List<Map<String, String>> flattenEach(JsonNode records) {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode record : records) {
            out.add(flatten(record));
        }
        return out;
    }

    /** Flattens {@code node} into {@code out}, every key prefixed with {@code prefix} and a dot. */
    public static void flattenInto(Map<String, String> out, String prefix, JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (ATTRIBUTES.equals(field.getKey()) && field.getValue().isObject()) {
                    continue;
                }
                flattenInto(out, join(prefix, field.getKey()), field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flattenInto(out, join(prefix, Integer.toString(i)), node.get(i));
            }
        } else {
            out.put(prefix, scalar(node));
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private static String scalar(JsonNode node) {
        return node.isNull() ? "" : node.asText();
    }
}
