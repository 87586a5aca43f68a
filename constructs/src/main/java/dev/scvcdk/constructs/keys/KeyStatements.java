package dev.scvcdk.constructs.keys;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Key-policy statements shared by the SCV keys. The account root may administer a key but never use
 * it: every use is granted to a named principal, through the one service that needs it.
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

    /** The account's IAM administrators manage the key (rotation, policy, deletion) but cannot use it. */
    public static PolicyStatement administration() {
        return PolicyStatement.Builder.create()
                .sid("AccountAdministersKeyOnly")
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(ADMIN_ACTIONS)
                .resources(List.of("*"))
                .build();
    }

    /**
     * {@code principals} may run {@code actions} on the key only through {@code service}
     * ({@code kms:ViaService = <service>.<region>.amazonaws.com}) from this account.
     */
    public static PolicyStatement viaService(Stack stack, String sid, List<? extends IPrincipal> principals,
            List<String> actions, String service) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .principals(List.copyOf(principals))
                .actions(actions)
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", viaServiceFromAccount(stack, service)))
                .build();
    }

    private static Map<String, String> viaServiceFromAccount(Stack stack, String service) {
        return Map.of(
                "kms:ViaService", service + "." + stack.getRegion() + ".amazonaws.com",
                "kms:CallerAccount", stack.getAccount());
    }

    /**
     * Amazon Connect writes CTRs, Contact Lens output, recordings and live media with its
     * service-linked role, whose name ends in a per-instance suffix: the key policy names the
     * account only under an {@code aws:PrincipalArn} condition that matches that role and nothing else.
     */
    public static PolicyStatement connectServiceLinkedRole(Stack stack, String sid, List<String> actions,
            String service) {
        String slrPattern = "arn:" + stack.getPartition() + ":iam::" + stack.getAccount()
                + ":role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_*";
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(actions)
                .resources(List.of("*"))
                .conditions(Map.of(
                        "StringEquals", viaServiceFromAccount(stack, service),
                        "ArnLike", Map.of("aws:PrincipalArn", slrPattern)))
                .build();
    }
}
