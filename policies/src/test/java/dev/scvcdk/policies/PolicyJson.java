package dev.scvcdk.policies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scvcdk.policies.iam.PolicyDocument;
import dev.scvcdk.policies.iam.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Statements as CloudFormation will see them: the documents' JSON form, parsed back. */
public final class PolicyJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyJson() {
    }

    public static List<Map<String, Object>> render(Collection<Statement> statements) {
        return render(new PolicyDocument(List.copyOf(statements)));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> render(PolicyDocument document) {
        try {
            Map<String, Object> json = JSON.readValue(document.toJson(), Map.class);
            return (List<Map<String, Object>>) json.get("Statement");
        } catch (JsonProcessingException e) {
            throw new AssertionError("policy document JSON does not parse: " + document.toJson(), e);
        }
    }

    /** The statement with this Sid. */
    public static Map<String, Object> bySid(List<Map<String, Object>> statements, String sid) {
        return statements.stream()
                .filter(s -> sid.equals(s.get("Sid")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements));
    }

    /** A scalar-or-list JSON value as a list (a single action or resource renders as a plain string). */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? new ArrayList<>((List<Object>) l) : List.of(value);
    }

    public static List<Object> actions(Map<String, Object> statement) {
        return list(statement.get("Action"));
    }

    public static List<Object> resources(Map<String, Object> statement) {
        return list(statement.get("Resource"));
    }

    /** Values of {@code Condition.<operator>.<key>}, as a list. */
    @SuppressWarnings("unchecked")
    public static List<Object> condition(Map<String, Object> statement, String operator, String key) {
        Map<String, Object> conditions = (Map<String, Object>) statement.get("Condition");
        if (conditions == null || !conditions.containsKey(operator)) {
            return List.of();
        }
        return list(((Map<String, Object>) conditions.get(operator)).get(key));
    }
}
