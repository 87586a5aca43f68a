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
 */
public record Call(String sid, List<String> actions, Target target, Map<String, Map<String, List<String>>> conditions,
        Optional<KeyUse> keyUse, String why) {

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

    /** {@code actions} on {@code target}, nothing encrypted. */
    public static Call of(String sid, Target target, String why, String... actions) {
        return new Call(sid, List.of(actions), target, Map.of(), Optional.empty(), why);
    }

    /** This call with the KMS use its service makes. */
    public Call withKey(KeyUse use) {
        return new Call(sid, actions, target, conditions, Optional.of(use), why);
    }

    /** In a condition value: the tenant bucket's name in the contact center the call is made in. */
    public static final String TENANT_BUCKET = "{tenantBucket}";

    /** A condition value as the call sends it in {@code cc}: {@link #TENANT_BUCKET} becomes the bucket's name. */
    public static String conditionValueIn(String value, dev.scvcdk.policies.ScvArns arns,
            dev.scvcdk.policies.config.ContactCenterConfig cc) {
        return value.replace(TENANT_BUCKET, dev.scvcdk.policies.ScvNames.tenantBucket(cc.callCenterApiName(),
                arns.account(), cc.region()));
    }

    /** This call, always made with {@code operator: {key: values}} (values may name {@link #TENANT_BUCKET}). */
    public Call when(String operator, String key, String... values) {
        Map<String, Map<String, List<String>>> more = new LinkedHashMap<>(conditions);
        Map<String, List<String>> byKey = new LinkedHashMap<>(more.getOrDefault(operator, Map.of()));
        byKey.put(key, List.of(values));
        more.put(operator, byKey);
        return new Call(sid, actions, target, more, keyUse, why);
    }
}
