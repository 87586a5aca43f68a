package dev.scvcdk.lambdas.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One shared, thread-safe Jackson mapper and small helpers for reading loosely-shaped events. */
public final class Json {
    /** Shared mapper: unknown properties are ignored, because AWS adds event fields over time. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() { };

    private Json() {
    }

    public static JsonNode read(InputStream in) throws IOException {
        JsonNode node = MAPPER.readTree(in);
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Parses JSON text; throws {@link JsonProcessingException} (an IOException) when it is not JSON. */
    public static JsonNode read(String text) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(text);
        return node == null ? MissingNode.getInstance() : node;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(OutputStream out, Object value) throws IOException {
        MAPPER.writeValue(out, value);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** An object node as an ordered map of plain Java values (strings, numbers, booleans, lists, maps). */
    public static Map<String, Object> toMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        return MAPPER.convertValue(node, MAP_TYPE);
    }

    /** The node at {@code path} (object keys), or a missing node; never null. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (String key : path) {
            current = current.path(key);
        }
        return current;
    }

    /**
     * The scalar at {@code path} as text, or {@code null} when missing, JSON null, or not a scalar.
     * Numbers and booleans are returned in their JSON spelling.
     */
    public static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** Like {@link #text} but an empty string also counts as absent. */
    public static String nonEmptyText(JsonNode node, String... path) {
        String value = text(node, path);
        return value == null || value.isEmpty() ? null : value;
    }
}
