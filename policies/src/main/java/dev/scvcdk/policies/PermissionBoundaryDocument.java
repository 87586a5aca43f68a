package dev.scvcdk.policies;

import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.PolicyDocument;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import dev.scvcdk.policies.statements.WildcardOnlyActions;
import java.util.ArrayList;
import java.util.List;

/**
 * The SCV permission boundary: the ceiling of every SCV role and of every role CDK makes for the
 * SCV stacks. It allows only the services SCV uses, only on resources of this account, and denies
 * IAM user and credential creation, boundary removal or replacement, and changes to itself.
 */
public final class PermissionBoundaryDocument {
    /** Services SCV (and CDK's helper functions) use whole; sensitive services are listed action by action. */
    public static final List<String> SERVICES = List.of(
            "connect", "transcribe", "kinesisvideo", "kinesis", "sqs", "sns", "cloudwatch", "events",
            "secretsmanager", "lambda", "cloudtrail", "cloudformation", "ds", "logs");

    public static final List<String> KMS_ACTIONS = List.of(
            "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant");

    public static final List<String> SSM_ACTIONS = List.of(
            "ssm:GetParameter", "ssm:GetParameters", "ssm:PutParameter", "ssm:DeleteParameter",
            "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource", "ssm:ListTagsForResource");

    public static final List<String> IAM_ACTIONS = List.of(
            "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
            "iam:ListRoleTags", "iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy",
            "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
            "iam:TagRole", "iam:UntagRole", "iam:PassRole", "iam:GetSAMLProvider", "iam:UpdateSAMLProvider");

    /** S3 actions SCV and CDK's bucket-notification handler use; S3 ARNs carry no account, so a condition does. */
    public static final List<String> S3_ACTIONS = List.of(
            "s3:GetObject", "s3:PutObject", "s3:GetObjectTagging", "s3:PutObjectTagging", "s3:ListBucket",
            "s3:GetBucketLocation", "s3:GetBucketAcl", "s3:GetBucketNotification", "s3:PutBucketNotification",
            "s3:GetBucketCORS", "s3:PutBucketCORS");

    /** Denied whatever identity policies say: users, groups and long-lived credentials. */
    public static final List<String> DENIED_IAM_IDENTITY_ACTIONS = List.of(
            "iam:CreateUser", "iam:CreateGroup", "iam:CreateAccessKey", "iam:CreateLoginProfile",
            "iam:UpdateLoginProfile", "iam:AddUserToGroup", "iam:AttachUserPolicy", "iam:PutUserPolicy",
            "iam:AttachGroupPolicy", "iam:PutGroupPolicy", "iam:CreateServiceSpecificCredential",
            "iam:UploadSSHPublicKey", "iam:UploadSigningCertificate");

    public static final List<String> DENIED_BOUNDARY_POLICY_CHANGES = List.of(
            "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion");

    public static final List<String> DENIED_TRAIL_CHANGES = List.of(
            "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
            "cloudtrail:PutEventSelectors");

    private PermissionBoundaryDocument() {
    }

    public static List<Statement> statements(TenantConfig config) {
        TenantResources res = new TenantResources(config);
        ScvArns arns = res.arns();
        String boundaryArn = IamMatrix.permissionBoundaryArn(config);
        String account = arns.account();

        List<String> accountScoped = new ArrayList<>();
        SERVICES.forEach(service -> accountScoped.add(service + ":*"));
        accountScoped.addAll(KMS_ACTIONS);
        accountScoped.addAll(SSM_ACTIONS);
        accountScoped.addAll(IAM_ACTIONS);

        return List.of(
                Statements.allow("AllowScvServicesInThisAccount")
                        .actions(accountScoped)
                        .resources("arn:" + arns.partition() + ":*:*:" + account + ":*")
                        .build(),
                Statements.allow("AllowScvBucketsInThisAccount")
                        .actions(S3_ACTIONS)
                        .resources(arns.bucket("*"), arns.objects("*", "*"))
                        .condition("StringEquals", "aws:ResourceAccount", account)
                        .build(),
                Statements.allow("AllowActionsWithoutResourceLevelPermissions")
                        .actions(WildcardOnlyActions.ACTIONS.stream().sorted().toList())
                        .resources("*")
                        .build(),
                Statements.deny("DenyIamUsersGroupsAndCredentials")
                        .actions(DENIED_IAM_IDENTITY_ACTIONS)
                        .resources("*")
                        .build(),
                Statements.deny("DenyBoundaryRemoval")
                        .actions("iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary")
                        .resources("*")
                        .build(),
                Statements.deny("DenyBoundaryReplacement")
                        .actions("iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary")
                        .resources("*")
                        .condition("StringNotEquals", "iam:PermissionsBoundary", boundaryArn)
                        .build(),
                Statements.deny("DenyRolesWithoutScvBoundary")
                        .actions("iam:CreateRole")
                        .resources("*")
                        .condition("StringNotEquals", "iam:PermissionsBoundary", boundaryArn)
                        .build(),
                Statements.deny("DenyBoundaryPolicyChanges")
                        .actions(DENIED_BOUNDARY_POLICY_CHANGES)
                        .resources(boundaryArn)
                        .build(),
                Statements.deny("DenyAuditTrailChanges")
                        .actions(DENIED_TRAIL_CHANGES)
                        .resources(arns.regional("cloudtrail", res.accountRegion(), "trail/" + ScvNames.CLOUDTRAIL_NAME))
                        .build());
    }

    public static PolicyDocument document(TenantConfig config) {
        return new PolicyDocument(statements(config));
    }
}
