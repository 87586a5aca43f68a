package dev.scvcdk.policies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** Renders statements the way CloudFormation will see them, through a throwaway stack. */
public final class PolicyJson {
    private PolicyJson() {
    }

    public static List<Map<String, Object>> render(Collection<PolicyStatement> statements) {
        return render(PolicyDocument.Builder.create().statements(List.copyOf(statements)).build());
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> render(PolicyDocument document) {
        Map<String, Object> json = (Map<String, Object>) new Stack().resolve(document);
        if (json == null) {
            return List.of(); // an empty document renders as nothing
        }
        return (List<Map<String, Object>>) json.get("Statement");
    }

    /** The statement with this Sid. */
    public static Map<String, Object> bySid(List<Map<String, Object>> statements, String sid) {
        return statements.stream()
                .filter(s -> sid.equals(s.get("Sid")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements));
    }

    /** A scalar-or-list JSON value as a list (CDK collapses single-element lists). */
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
