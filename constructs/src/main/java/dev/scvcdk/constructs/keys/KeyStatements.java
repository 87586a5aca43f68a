package dev.scvcdk.constructs.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;

/**
 * Key-policy statements shared by the SCV keys, in their JSON form. The account root may administer a key but never
 * use it: every use is granted to a named principal, through the one service that needs it.
 *
 * <p>A key's whole policy is built as JSON and handed to CDK in one call ({@link #document}): statement and principal
 * objects cost a call into the jsii runtime each, and every contact center has four keys with a dozen grants.
 */
public final class KeyStatements {
    private KeyStatements() {
    }

    /** Administration only: no Encrypt, Decrypt, GenerateDataKey, ReEncrypt or CreateGrant. */
    public static final List<String> ADMIN_ACTIONS = List.of(
            "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey",
            "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation",
            "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListGrants",
            "kms:ListKeyPolicies", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RevokeGrant",
            "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource",
            "kms:UpdateAlias", "kms:UpdateKeyDescription");

    /** What a reader needs. */
    public static final List<String> DECRYPT_ACTIONS = List.of("kms:Decrypt", "kms:DescribeKey");

    /** What a writer (producer) needs. */
    public static final List<String> ENCRYPT_DECRYPT_ACTIONS =
            List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*");

    /** Where a key lives, read from its stack once (each read of a stack property is a call into the jsii runtime). */
    public record Environment(String partition, String region, String account) {
        public static Environment of(Stack stack) {
            return new Environment(stack.getPartition(), stack.getRegion(), stack.getAccount());
        }
    }

    /** A key policy of {@code statements}, in one call. */
    public static PolicyDocument document(List<Map<String, Object>> statements) {
        return PolicyDocument.fromJson(Map.of("Version", "2012-10-17", "Statement", statements));
    }

    /** The account's IAM administrators manage the key (rotation, policy, deletion) but cannot use it. */
    public static Map<String, Object> administration(Environment env) {
        return allow("AccountAdministersKeyOnly", Map.of("AWS", accountRoot(env)), ADMIN_ACTIONS, Map.of());
    }

    /**
     * {@code principalArns} may run {@code actions} on the key only through {@code service}
     * ({@code kms:ViaService = <service>.<region>.amazonaws.com}) from this account.
     */
    public static Map<String, Object> viaService(Environment env, String sid, List<String> principalArns,
            List<String> actions, String service) {
        return allow(sid, Map.of("AWS", principalArns), actions,
                Map.of("StringEquals", viaServiceFromAccount(env, service)));
    }

    /**
     * {@code principalArns} may run {@code actions} on the key themselves (not through a service), always under
     * {@code conditions}, e.g. a grant only for an AWS service ({@code kms:GrantIsForAWSResource}).
     */
    public static Map<String, Object> direct(String sid, List<String> principalArns, List<String> actions,
            Map<String, Map<String, List<String>>> conditions) {
        return allow(sid, Map.of("AWS", principalArns), actions, new LinkedHashMap<>(conditions));
    }

    /**
     * Amazon Connect writes CTRs, Contact Lens output, recordings and live media with its
     * service-linked role, whose name ends in a per-instance suffix: the key policy names the
     * account only under an {@code aws:PrincipalArn} condition that matches that role and nothing else.
     */
    public static Map<String, Object> connectServiceLinkedRole(Environment env, String sid, List<String> actions,
            String service) {
        String slrPattern = "arn:" + env.partition() + ":iam::" + env.account()
                + ":role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_*";
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("StringEquals", viaServiceFromAccount(env, service));
        conditions.put("ArnLike", Map.of("aws:PrincipalArn", slrPattern));
        return allow(sid, Map.of("AWS", accountRoot(env)), actions, conditions);
    }

    /** An Allow statement on the key ({@code Resource: *}, which in a key policy is the key itself). */
    static Map<String, Object> allow(String sid, Map<String, Object> principal, List<String> actions,
            Map<String, Object> conditions) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Principal", principal);
        statement.put("Action", actions);
        statement.put("Resource", "*");
        if (!conditions.isEmpty()) {
            statement.put("Condition", conditions);
        }
        return statement;
    }

    /** The account's root principal: {@code arn:<partition>:iam::<account>:root}. */
    private static String accountRoot(Environment env) {
        return "arn:" + env.partition() + ":iam::" + env.account() + ":root";
    }

    private static Map<String, String> viaServiceFromAccount(Environment env, String service) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kms:ViaService", service + "." + env.region() + ".amazonaws.com");
        values.put("kms:CallerAccount", env.account());
        return values;
    }
}
