package dev.scvcdk.policies.iam;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A policy document as plain data. Identical statements appear once (CDK drops repeats the same
 * way when it renders a document, so the data and the template agree).
 */
public record PolicyDocument(List<Statement> statements) {
    public static final String VERSION = "2012-10-17";

    public PolicyDocument {
        statements = List.copyOf(new LinkedHashSet<>(statements));
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    /** {@code {"Statement": [...], "Version": "2012-10-17"}}, as CloudFormation receives it. */
    public Map<String, Object> toIamJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Statement", Statement.toIamJson(statements));
        json.put("Version", VERSION);
        return json;
    }

    /** {@link #toIamJson()} as compact JSON (no whitespace outside strings). */
    public String toJson() {
        return IamJson.compact(toIamJson());
    }
}
