package dev.scvcdk.policies.declarations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS call a principal makes — what its code (or Lambda, or the service it runs in, on its behalf) sends —
 * declared once. Role statements, key-policy principals, the boundary and the compliance suite's expectations
 * are derived from calls.
 *
 * @param sid        names the grant this call becomes (calls of one role with the same sid merge into one statement)
 * @param actions    the IAM actions of the call
 * @param target     what it acts on
 * @param conditions conditions the call always meets (operator → key → values), e.g. an {@code s3:prefix}
 * @param keyUse     the KMS calls the service makes on the caller's behalf, if the target is encrypted
 * @param why        which code makes the call, for reviewers and test reports
 * @param statementPerContactCenter whether each contact center's copy of the call is a statement of its own
 *                   ({@code <sid>1}, {@code <sid>2}, …): where a condition pairs the contact center's resources with
 *                   its own values, one merged statement would pair each with every contact center's values
 */
public record Call(String sid, List<String> actions, Target target, Map<String, Map<String, List<String>>> conditions,
        Optional<KeyUse> keyUse, String why, boolean statementPerContactCenter) {

    public Call {
        if (sid == null || !sid.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("call sid '" + sid + "' must be alphanumeric");
        }
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("call " + sid + " has no action");
        }
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        conditions.forEach((operator, byKey) -> {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            byKey.forEach((key, values) -> keys.put(key, List.copyOf(values)));
            copy.put(operator, java.util.Collections.unmodifiableMap(keys));
        });
        conditions = java.util.Collections.unmodifiableMap(copy);
    }

    /** A call whose copies in all contact centers share one statement. */
    public Call(String sid, List<String> actions, Target target, Map<String, Map<String, List<String>>> conditions,
            Optional<KeyUse> keyUse, String why) {
        this(sid, actions, target, conditions, keyUse, why, false);
    }

    /** What the Lambda runtime does for every function: writes the logs of {@code functionBaseName}'s log group. */
    public static Call writeOwnLogs(String functionBaseName) {
        return of("WriteOwnLogs", Target.logStreams(functionBaseName), "the Lambda runtime writes the function's logs",
                "logs:CreateLogStream", "logs:PutLogEvents");
    }

    /** What the Lambda runtime does for every function with active tracing: sends its X-Ray segments. */
    public static Call writeTraces() {
        return of("WriteTraces", Target.noResourceLevelPermissions(),
                "active tracing: the runtime sends X-Ray segments", "xray:PutTraceSegments",
                "xray:PutTelemetryRecords");
    }

    /** {@code actions} on {@code target}, nothing encrypted. */
    public static Call of(String sid, Target target, String why, String... actions) {
        return new Call(sid, List.of(actions), target, Map.of(), Optional.empty(), why);
    }

    /** This call with the KMS use its service makes. */
    public Call withKey(KeyUse use) {
        return new Call(sid, actions, target, conditions, Optional.of(use), why, statementPerContactCenter);
    }

    /** This call, one statement per contact center (see {@link #statementPerContactCenter}). */
    public Call inAStatementPerContactCenter() {
        return new Call(sid, actions, target, conditions, keyUse, why, true);
    }

    /** In a condition value: the tenant bucket's name in the contact center the call is made in. */
    public static final String TENANT_BUCKET = "{tenantBucket}";

    /** In a condition value: the call center API name of the contact center the call is made in. */
    public static final String CALL_CENTER = "{callCenter}";

    /** In a condition value: the alias of {@code key} in the contact center the call is made in. */
    public static String keyAlias(TenantKey key) {
        return "{alias:" + key.name() + "}";
    }

    /** In a condition value: the {@code active} alias ARN of {@code function} in the contact center. */
    public static String functionAlias(dev.scvcdk.policies.ScvNames.Function function) {
        return "{functionAlias:" + function.name() + "}";
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "\\{(alias|functionAlias):([A-Z_]+)}");

    /**
     * A condition value as the call sends it in {@code cc}: {@link #TENANT_BUCKET} becomes the bucket's name,
     * {@link #CALL_CENTER} the call center API name, {@link #keyAlias} the key's alias and {@link #functionAlias}
     * the function's {@code active} alias ARN there.
     */
    public static String conditionValueIn(String value, dev.scvcdk.policies.ScvArns arns,
            dev.scvcdk.policies.config.ContactCenterConfig cc) {
        String name = cc.callCenterApiName();
        String concrete = value.replace(TENANT_BUCKET, dev.scvcdk.policies.ScvNames.tenantBucket(name,
                arns.account(), cc.region())).replace(CALL_CENTER, name);
        java.util.regex.Matcher m = NAMED.matcher(concrete);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1).equals("alias")
                    ? TenantKey.valueOf(m.group(2)).alias(name)
                    : arns.functionAlias(cc.region(), name, dev.scvcdk.policies.ScvNames.Function.valueOf(m.group(2)));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** This call, always made with {@code operator: {key: values}} (values may name {@link #TENANT_BUCKET}). */
    public Call when(String operator, String key, String... values) {
        Map<String, Map<String, List<String>>> more = new LinkedHashMap<>(conditions);
        Map<String, List<String>> byKey = new LinkedHashMap<>(more.getOrDefault(operator, Map.of()));
        byKey.put(key, List.of(values));
        more.put(operator, byKey);
        return new Call(sid, actions, target, more, keyUse, why, statementPerContactCenter);
    }
}
