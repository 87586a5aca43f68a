package dev.scvcdk.app.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON half of reading a config file into a record (the tenant config, the pipeline config): syntax, one
 * object at the top, unknown fields and wrong types at every level, each problem naming its JSON path and value.
 */
public final class JsonRecordCheck {

    /** Strict about duplicate keys: a second value for a field would silently win. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonRecordCheck() {
    }

    /**
     * Parses {@code json} into a fresh object tree; null, with the problem added, when it is not valid JSON or
     * not one object ({@code fields} says whose fields the object should hold).
     */
    public static ObjectNode parseObject(String json, String fields, List<String> problems) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add("not valid JSON" + where + ": " + e.getOriginalMessage());
            return null;
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            problems.add("the file must hold one JSON object with " + fields + ", found "
                    + (root == null || root.isMissingNode() ? "nothing" : describe(root)));
            return null;
        }
        return root.deepCopy();
    }

    /**
     * Checks an object node against a record's components: reports and removes unknown fields and values of
     * the wrong JSON type, so that what remains binds and the validator can report the rest.
     */
    public static void checkObject(ObjectNode node, Class<?> recordType, String rootName, List<String> problems,
                                   Set<String> reportedPaths) {
        checkObject(node, recordType, "", rootName, problems, reportedPaths);
    }

    private static void checkObject(ObjectNode node, Class<?> recordType, String path, String rootName,
                                    List<String> problems, Set<String> reportedPaths) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        Arrays.stream(recordType.getRecordComponents()).forEach(c -> components.put(c.getName(), c));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                problems.add(fieldPath + " = " + field.getValue() + ": unknown field; the fields of "
                        + (path.isEmpty() ? rootName : path) + " are " + String.join(", ", components.keySet()));
                reportedPaths.add(fieldPath);
                it.remove();
            } else if (!checkValue(field.getValue(), component.getGenericType(), fieldPath, rootName, problems,
                    reportedPaths)) {
                it.remove();
            }
        }
    }

    /** Returns false when the value has the wrong type (reported) and must be dropped. */
    private static boolean checkValue(JsonNode value, Type type, String path, String rootName, List<String> problems,
                                      Set<String> reportedPaths) {
        if (value.isNull()) {
            return true;
        }
        if (type == String.class) {
            return expect(value.isTextual(), value, path, "a JSON string (in quotes)", problems, reportedPaths);
        }
        if (type == Boolean.class) {
            return expect(value.isBoolean(), value, path, "true or false", problems, reportedPaths);
        }
        if (type instanceof Class<?> recordType && recordType.isRecord()) {
            if (!expect(value.isObject(), value, path, "a JSON object", problems, reportedPaths)) {
                return false;
            }
            checkObject((ObjectNode) value, recordType, path, rootName, problems, reportedPaths);
            return true;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!expect(value.isArray(), value, path, "a JSON list [...]", problems, reportedPaths)) {
                return false;
            }
            ArrayNode array = (ArrayNode) value;
            if (!(list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord())) {
                throw new IllegalStateException("no JSON check for " + type + " at " + path);
            }
            for (int i = 0; i < array.size(); i++) {
                String elementPath = path + "[" + i + "]";
                JsonNode item = array.get(i);
                if (item.isNull()) {
                    problems.add(elementPath + " is null: must be a JSON object");
                    reportedPaths.add(elementPath);
                }
                if (item.isNull() || !checkValue(item, element, elementPath, rootName, problems, reportedPaths)) {
                    // an empty object in its place: the elements after it keep their indexes in later messages
                    array.set(i, MAPPER.createObjectNode());
                }
            }
            return true;
        }
        throw new IllegalStateException("no JSON check for " + type + " at " + path);
    }

    /**
     * Whether {@code problem} (a validator message, starting with its JSON path) is about a value already reported
     * with a wrong type, or inside one: the value was dropped (a list element emptied), so "missing" would only echo
     * the first message.
     */
    public static boolean alreadyReported(String problem, Set<String> reportedPaths) {
        int end = problem.indexOf(' ');
        String path = end < 0 ? problem : problem.substring(0, end);
        return reportedPaths.stream().anyMatch(reported -> path.equals(reported)
                || path.startsWith(reported + ".") || path.startsWith(reported + "["));
    }

    private static boolean expect(boolean ok, JsonNode value, String path, String expected, List<String> problems,
                                  Set<String> reportedPaths) {
        if (!ok) {
            problems.add(path + " = " + value + ": must be " + expected + ", found " + describe(value));
            reportedPaths.add(path);
        }
        return ok;
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
