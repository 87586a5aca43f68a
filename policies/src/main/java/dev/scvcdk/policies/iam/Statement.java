package dev.scvcdk.policies.iam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IAM policy statement as plain data. Actions, resources and condition values are kept in
 * order without duplicates; conditions map operator → key → values, in insertion order.
 *
 * @param sid        the statement id
 * @param effect     allow or deny
 * @param actions    at least one action
 * @param resources  at least one resource
 * @param conditions operator → condition key → values (may be empty)
 */
public record Statement(
        String sid,
        Effect effect,
        List<String> actions,
        List<String> resources,
        Map<String, Map<String, List<String>>> conditions) {

    public Statement {
        Objects.requireNonNull(sid, "statement sid");
        Objects.requireNonNull(effect, "effect of statement " + sid);
        actions = distinct(actions, "actions", sid);
        resources = distinct(resources, "resources", sid);
        conditions = copy(conditions == null ? Map.of() : conditions, sid);
    }

    /** A statement without conditions. */
    public Statement(String sid, Effect effect, List<String> actions, List<String> resources) {
        this(sid, effect, actions, resources, Map.of());
    }

    /** This statement under another Sid. */
    public Statement withSid(String newSid) {
        return new Statement(newSid, effect, actions, resources, conditions);
    }

    /** This statement on other resources. */
    public Statement withResources(List<String> newResources) {
        return new Statement(sid, effect, actions, newResources, conditions);
    }

    /** This statement with other conditions. */
    public Statement withConditions(Map<String, Map<String, List<String>>> newConditions) {
        return new Statement(sid, effect, actions, resources, newConditions);
    }

    /**
     * The statement as CloudFormation renders it (what CDK's {@code PolicyStatement} resolves to):
     * keys {@code Action, Condition, Effect, Resource, Sid}; a single action or resource is a plain
     * string, several an array; condition values are always an array, as given.
     */
    public Map<String, Object> toIamJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Action", scalarOrList(actions));
        if (!conditions.isEmpty()) {
            Map<String, Object> byOperator = new LinkedHashMap<>();
            conditions.forEach((operator, keys) -> byOperator.put(operator, new LinkedHashMap<>(keys)));
            json.put("Condition", byOperator);
        }
        json.put("Effect", effect.json());
        json.put("Resource", scalarOrList(resources));
        json.put("Sid", sid);
        return json;
    }

    /** {@link #toIamJson()} as compact JSON. */
    public String toJson() {
        return IamJson.compact(toIamJson());
    }

    private static Object scalarOrList(List<String> values) {
        return values.size() == 1 ? values.get(0) : values;
    }

    private static List<String> distinct(List<String> values, String what, String sid) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " needs " + what + ", got " + values);
        }
        values.forEach(v -> Objects.requireNonNull(v, "one of the " + what + " of statement " + sid));
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static Map<String, Map<String, List<String>>> copy(Map<String, Map<String, List<String>>> conditions,
            String sid) {
        Map<String, Map<String, List<String>>> byOperator = new LinkedHashMap<>();
        conditions.forEach((operator, keys) -> {
            Map<String, List<String>> byKey = new LinkedHashMap<>();
            keys.forEach((key, values) -> byKey.put(key, distinct(values, "values for condition "
                    + operator + " " + key, sid)));
            byOperator.put(operator, Collections.unmodifiableMap(byKey));
        });
        return Collections.unmodifiableMap(byOperator);
    }

    /** Values of {@code operator: {key: [...]}}; empty when the statement has no such condition. */
    public List<String> condition(String operator, String key) {
        return conditions.getOrDefault(operator, Map.of()).getOrDefault(key, List.of());
    }

    static List<Object> toIamJson(List<Statement> statements) {
        List<Object> json = new ArrayList<>();
        statements.forEach(s -> json.add(s.toIamJson()));
        return json;
    }
}
