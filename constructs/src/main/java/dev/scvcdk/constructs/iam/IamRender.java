package dev.scvcdk.constructs.iam;

import dev.scvcdk.policies.iam.Effect;
import dev.scvcdk.policies.iam.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The IAM matrix's plain statements and documents as CDK objects. The only place the two meet.
 *
 * <p>A string holding a CloudFormation pseudo-parameter ({@code ${AWS::AccountId}} of an
 * environment-agnostic tenant) becomes {@code Fn::Sub} so CloudFormation fills it in; in such a
 * string every other {@code ${...}} (an IAM policy variable such as {@code ${aws:userid}}) is
 * escaped as {@code ${!...}}, which {@code Fn::Sub} renders back unchanged.
 */
public final class IamRender {
    private static final String PSEUDO_PARAMETER = "${AWS::";
    private static final Pattern OTHER_VARIABLE = Pattern.compile("\\$\\{(?!AWS::)");

    private IamRender() {
    }

    /** {@code value} itself, or {@code Fn::Sub} of it when it names a pseudo-parameter. */
    public static String string(String value) {
        if (!value.contains(PSEUDO_PARAMETER)) {
            return value;
        }
        return Fn.sub(OTHER_VARIABLE.matcher(value).replaceAll("\\${!"));
    }

    /** A trust condition block ({@code operator → key → value or values}) with pseudo-parameters substituted. */
    public static Map<String, Object> conditions(Map<String, Map<String, Object>> conditions) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        conditions.forEach((operator, keys) -> {
            Map<String, Object> byKey = new LinkedHashMap<>();
            keys.forEach((key, value) -> byKey.put(key, value instanceof List<?> values
                    ? values.stream().map(v -> string(v.toString())).toList()
                    : string(value.toString())));
            rendered.put(operator, byKey);
        });
        return rendered;
    }

    public static PolicyStatement statement(Statement statement) {
        return PolicyStatement.fromJson(json(statement));
    }

    /**
     * The statements as one CDK document, built in one call from their JSON form: a document of PolicyStatement
     * objects costs a call into the jsii runtime per statement, and the app renders hundreds.
     */
    public static PolicyDocument document(List<Statement> statements) {
        return PolicyDocument.fromJson(Map.of("Version", "2012-10-17",
                "Statement", statements.stream().map(IamRender::json).toList()));
    }

    public static PolicyDocument document(dev.scvcdk.policies.iam.PolicyDocument document) {
        return document(document.statements());
    }

    private static Map<String, Object> json(Statement statement) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (statement.sid() != null) {
            json.put("Sid", statement.sid());
        }
        json.put("Effect", statement.effect() == Effect.ALLOW ? "Allow" : "Deny");
        json.put("Action", statement.actions());
        json.put("Resource", strings(statement.resources()));
        if (!statement.conditions().isEmpty()) {
            Map<String, Object> conditions = new LinkedHashMap<>();
            statement.conditions().forEach((operator, keys) -> {
                Map<String, Object> byKey = new LinkedHashMap<>();
                keys.forEach((key, values) -> byKey.put(key, strings(values)));
                conditions.put(operator, byKey);
            });
            json.put("Condition", conditions);
        }
        return json;
    }

    private static List<String> strings(List<String> values) {
        return values.stream().map(IamRender::string).toList();
    }
}
