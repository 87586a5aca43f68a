package dev.scvcdk.lambdas.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@code Details.Parameters} of a Connect event as strings, in the order they were sent.
 *
 * <p>Connect sends strings; a direct invocation may send other JSON: an array of scalars becomes a
 * comma-separated list (SCV's {@code uploadIds}), anything else its JSON text.
 */
public final class Parameters {

    private final Map<String, String> values;

    private Parameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Reads {@code Details.Parameters} from a Connect event; a missing block gives no parameters. */
    public static Parameters fromEvent(JsonNode event) {
        JsonNode node = event.path("Details").path("Parameters");
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode v = field.getValue();
            if (v.isNull()) {
                continue;
            }
            values.put(field.getKey(), text(v));
        }
        return new Parameters(values);
    }

    public static Parameters of(Map<String, String> values) {
        return new Parameters(new LinkedHashMap<>(values));
    }

    private static String text(JsonNode v) {
        if (v.isValueNode()) {
            return v.asText();
        }
        boolean scalars = v.isArray();
        for (JsonNode element : v) {
            scalars &= element.isValueNode();
        }
        if (scalars) {
            StringJoiner joiner = new StringJoiner(",");
            v.forEach(element -> joiner.add(element.asText()));
            return joiner.toString();
        }
        return v.toString();
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of {@code name}; fails naming it when it is missing or blank. */
    public String required(String name, String operation) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(operation + " requires parameter '" + name + "'");
        }
        return value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** The parameters without {@code excluded}, in order. */
    public Map<String, String> without(Set<String> excluded) {
        Map<String, String> rest = new LinkedHashMap<>(values);
        rest.keySet().removeAll(excluded);
        return rest;
    }
}
