package dev.scvcdk.policies;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.PermissionBoundaryDocument.Fence;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.statements.WildcardOnlyActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The boundary is a ceiling derived from the grants: each rule is checked on the boundary of the example tenant
 * and, where it can fail, on a fixture that breaks it (a boundary derived from more grants, or a hand-made
 * statement), so the check is seen to catch what it looks for.
 */
class PermissionBoundaryDocumentTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();
    private static final String BOUNDARY = "arn:aws:iam::111122223333:policy/scv/SCVPermissionsBoundary";
    private static final String CONNECT_LINKED_ROLES =
            "arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_*";

    /** Actions no SCV role may be able to make whatever it is given, matched against wildcards too. */
    static final List<String> FORBIDDEN = List.of(
            "iam:CreateRole", "iam:PassRole", "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateSAMLProvider", "iam:CreateUser", "iam:CreateAccessKey",
            "iam:AttachUserPolicy", "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
            "iam:TagRole", "sts:AssumeRole", "lambda:CreateFunction", "lambda:UpdateFunctionCode",
            "lambda:UpdateFunctionConfiguration", "lambda:DeleteFunction", "lambda:AddLayerVersionPermission",
            "cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:CreateChangeSet",
            "cloudformation:ExecuteChangeSet", "cloudformation:DeleteStack", "ds:ResetUserPassword",
            "ds:DescribeDirectoryData", "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:PutEventSelectors",
            "logs:DeleteLogGroup", "logs:PutSubscriptionFilter", "logs:PutResourcePolicy", "kms:PutKeyPolicy",
            "kms:ScheduleKeyDeletion", "kms:CreateKey", "s3:PutBucketPolicy", "s3:DeleteBucket", "s3:DeleteObject",
            "sqs:SetQueueAttributes", "sqs:AddPermission", "secretsmanager:PutResourcePolicy",
            "secretsmanager:DeleteSecret", "ssm:DeleteParameters", "ec2:RunInstances", "sns:Publish",
            "connect:DeleteInstance", "connect:CreateInstance");

    private static List<Map<String, Object>> boundary(TenantConfig config) {
        return PolicyJson.render(IamMatrix.permissionBoundary(config));
    }

    /** The boundary derived from the example's grants plus {@code more} (a fixture that breaks a rule). */
    private static List<Map<String, Object>> boundaryGranting(String... more) {
        Set<String> granted = new TreeSet<>(PermissionBoundaryDocument.grantedActions(EXAMPLE));
        granted.addAll(List.of(more));
        return PolicyJson.render(PermissionBoundaryDocument.statements(EXAMPLE, granted));
    }

    private static List<Map<String, Object>> allows(List<Map<String, Object>> statements) {
        return statements.stream().filter(s -> "Allow".equals(s.get("Effect"))).toList();
    }

    /** IAM's action matching: case-insensitive, {@code *} any run of characters, {@code ?} one character. */
    static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return action.toLowerCase(Locale.ROOT).matches(regex.toString());
    }

    /** Each Allow statement's action pattern that matches a forbidden action: "sid: pattern allows action". */
    static List<String> forbiddenAllowed(List<Map<String, Object>> statements) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> statement : allows(statements)) {
            for (Object pattern : actions(statement)) {
                FORBIDDEN.stream().filter(a -> matches(pattern.toString(), a))
                        .forEach(a -> found.add(statement.get("Sid") + ": " + pattern + " allows " + a));
            }
        }
        return found;
    }

    /** IAM permission writes allowed without the SCV boundary condition or on roles not named SCV*. */
    static List<String> unboundedIamWrites(List<Map<String, Object>> statements) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> statement : allows(statements)) {
            boolean writes = actions(statement).stream().anyMatch(a -> List.of("iam:PutRolePolicy",
                    "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy").stream()
                    .anyMatch(w -> matches(a.toString(), w)));
            boolean serviceLinked = resources(statement).equals(List.of(CONNECT_LINKED_ROLES));
            if (writes && !serviceLinked && (!condition(statement, "StringEquals", "iam:PermissionsBoundary")
                    .equals(List.of(BOUNDARY)) || !resources(statement).equals(List.of(
                    "arn:aws:iam::111122223333:role/SCV*")))) {
                found.add(statement.get("Sid") + " writes role permissions without the SCV boundary on SCV roles");
            }
        }
        return found;
    }

    @Test
    void allowsEveryActionTheRolesAreGranted() {
        // GIVEN every action any SCV role or /scv/ managed policy allows
        Set<String> granted = PermissionBoundaryDocument.grantedActions(EXAMPLE);
        List<Map<String, Object>> allows = allows(boundary(EXAMPLE));

        // THEN an Allow of the boundary covers each (else the role would silently lose it)
        assertThat(granted).isNotEmpty().allSatisfy(action -> assertThat(allows.stream()
                .flatMap(s -> actions(s).stream()).anyMatch(p -> matches(p.toString(), action))).as(action).isTrue());
    }

    @Test
    void allowsOnlyGrantedActionsOrTheReadAndConnectVerbsOfGrantedOnes() {
        // GIVEN the grants
        Set<String> granted = PermissionBoundaryDocument.grantedActions(EXAMPLE);

        // THEN each allowed action is granted, or <service>:<Verb>* of a granted action's verb (reads; Connect)
        for (Map<String, Object> statement : allows(boundary(EXAMPLE))) {
            for (Object pattern : actions(statement)) {
                String p = pattern.toString();
                if (!p.endsWith("*")) {
                    assertThat(granted).as(statement.get("Sid") + "").contains(p);
                    continue;
                }
                String service = p.substring(0, p.indexOf(':'));
                String verb = p.substring(p.indexOf(':') + 1, p.length() - 1);
                assertThat(PermissionBoundaryDocument.READ_VERBS.contains(verb)
                        || PermissionBoundaryDocument.VERB_CEILING_SERVICES.contains(service)
                        && !PermissionBoundaryDocument.EXACT_VERBS.contains(verb)).as(p).isTrue();
                assertThat(granted).as(p).anyMatch(a -> a.startsWith(service + ":" + verb));
            }
        }
    }

    @Test
    void allowsNoForbiddenActionEvenThroughAWildcard() {
        assertThat(forbiddenAllowed(boundary(EXAMPLE))).isEmpty();
    }

    @Test
    void theForbiddenActionCheckCatchesWildcardsThatReachThem() {
        // GIVEN hand-made allows of lambda:* and iam:Pass*
        List<Map<String, Object>> wide = List.of(
                Map.of("Sid", "Wide", "Effect", "Allow", "Action", List.of("lambda:*", "iam:Pass*"), "Resource", "*"));

        // THEN the check names them
        assertThat(forbiddenAllowed(wide)).contains("Wide: lambda:* allows lambda:UpdateFunctionCode",
                "Wide: iam:Pass* allows iam:PassRole");
    }

    @Test
    void aGrantedFunctionCodeUpdateWouldReachTheCeiling() {
        // GIVEN a role granted lambda:UpdateFunctionCode (what salesforceManagesFunctions = true grants)
        // THEN the derived boundary allows it: the ceiling follows the grants, and the check above sees it
        assertThat(forbiddenAllowed(boundaryGranting("lambda:UpdateFunctionCode")))
                .contains("ScvResources: lambda:UpdateFunctionCode allows lambda:UpdateFunctionCode");
    }

    @Test
    void rejectsGrantsItCannotBoundSafely() {
        // GIVEN grants of role creation, IdP changes or wildcards THEN no boundary is derived from them
        assertThatThrownBy(() -> boundaryGranting("iam:CreateRole"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iam:CreateRole");
        assertThatThrownBy(() -> boundaryGranting("iam:UpdateSAMLProvider"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iam:UpdateSAMLProvider");
        assertThatThrownBy(() -> boundaryGranting("lambda:*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda:*");
    }

    @Test
    void writesRolePermissionsOnlyOnScvRolesThatKeepTheBoundary() {
        assertThat(unboundedIamWrites(boundary(EXAMPLE))).isEmpty();
        Map<String, Object> attach = bySid(boundary(EXAMPLE), "ScvRolePermissionWrites");
        assertThat(actions(attach)).contains("iam:AttachRolePolicy", "iam:DetachRolePolicy");
        // Attach/Detach always name the policy: ...IfExists checks them and lets the inline writes (no ARN) through
        assertThat(condition(attach, "ArnLikeIfExists", "iam:PolicyARN")).containsExactly(
                "arn:aws:iam::111122223333:policy/scv/*");
        assertThat(condition(attach, "StringEquals", "iam:PermissionsBoundary")).containsExactly(BOUNDARY);
    }

    @Test
    void theIamWriteCheckCatchesAWriteWithoutTheBoundaryCondition() {
        List<Map<String, Object>> unbounded = List.of(Map.of("Sid", "Put", "Effect", "Allow",
                "Action", "iam:PutRolePolicy", "Resource", "arn:aws:iam::111122223333:role/SCV*"));
        List<Map<String, Object>> otherBoundary = List.of(Map.of("Sid", "Put", "Effect", "Allow",
                "Action", "iam:PutRolePolicy", "Resource", "arn:aws:iam::111122223333:role/SCV*",
                "Condition", Map.of("StringEquals", Map.of("iam:PermissionsBoundary",
                        "arn:aws:iam::111122223333:policy/AdministratorAccess"))));

        assertThat(unboundedIamWrites(unbounded)).hasSize(1);
        assertThat(unboundedIamWrites(otherBoundary)).hasSize(1);
    }

    @Test
    void passesRolesOnlyWhenGrantedAndThenOnlyScvRolesToLambda() {
        assertThat(boundary(EXAMPLE)).noneMatch(s -> actions(s).contains("iam:PassRole"));

        Map<String, Object> pass = bySid(boundaryGranting("iam:PassRole"), "PassScvRolesToLambda");
        assertThat(resources(pass)).containsExactly("arn:aws:iam::111122223333:role/SCV*");
        assertThat(condition(pass, "StringEquals", "iam:PassedToService")).containsExactly("lambda.amazonaws.com");
    }

    @Test
    void deniesAuditTrailLogGroupBoundaryAndResourcePolicyChangesEverywhere() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyAuditAndPolicyChanges");

        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(resources(deny)).containsExactly("*");
        for (String action : List.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
                "cloudtrail:PutEventSelectors", "logs:DeleteLogGroup", "logs:PutSubscriptionFilter",
                "logs:PutRetentionPolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion",
                "iam:SetDefaultPolicyVersion", "iam:DeletePolicy", "iam:DeleteRolePermissionsBoundary",
                "iam:PutRolePermissionsBoundary", "sqs:SetQueueAttributes", "sqs:AddPermission",
                "s3:PutBucketPolicy", "kms:PutKeyPolicy", "secretsmanager:PutResourcePolicy")) {
            assertThat(actions(deny)).as(action).anyMatch(p -> matches(p.toString(), action));
        }
        // CloudTrail's own delivery to the log group stays possible
        assertThat(actions(deny)).noneMatch(p -> matches(p.toString(), "logs:PutLogEvents")
                || matches(p.toString(), "logs:CreateLogStream"));
    }

    @Test
    void deniesLambdaPermissionsForAnyPrincipalButConnectAndEventBridge() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyForeignLambdaPermissions");

        assertThat(actions(deny)).containsExactly("lambda:AddPermission");
        assertThat(condition(deny, "StringNotEquals", "lambda:Principal"))
                .containsExactly("connect.amazonaws.com", "events.amazonaws.com");
    }

    @Test
    void deniesRuleTargetsOtherThanTheAccountsFunctions() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyForeignRuleTargets");

        assertThat(actions(deny)).containsExactly("events:PutTargets");
        assertThat(condition(deny, "ForAnyValue:StringNotLike", "events:TargetArn"))
                .containsExactly("arn:aws:lambda:*:111122223333:function:*");
    }

    @Test
    void deniesEveryChangeToTheAuditBucketTheStackNames() {
        Map<String, Object> deny = PolicyJson.render(List.of(
                PermissionBoundaryDocument.auditTrailBucketDenial("aws", "trail-bucket"))).get(0);

        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(resources(deny)).containsExactly("arn:aws:s3:::trail-bucket*");
        for (String action : List.of("s3:DeleteObject", "s3:PutObject", "s3:PutBucketPolicy", "s3:DeleteBucket",
                "s3:PutLifecycleConfiguration")) {
            assertThat(actions(deny)).as(action).anyMatch(p -> matches(p.toString(), action));
        }
    }

    @Test
    void namesEachContactCentersResourcesInItsRegionAndTheAccount() {
        // GIVEN the example (two contact centers): the per-contact-center fence fits
        assertThat(PermissionBoundaryDocument.fence(EXAMPLE)).isEqualTo(Fence.PER_CONTACT_CENTER);
        Map<String, Object> scv = bySid(boundary(EXAMPLE), "ScvResources");

        // THEN the SCV names of each contact center, each instance, the tenant buckets and AWS-named SCV resources
        assertThat(resources(scv)).containsExactly(
                "arn:aws:*:us-west-2:111122223333:*acmesupport-*",
                "arn:aws:*:eu-west-2:111122223333:*acmesales-*",
                "arn:aws:connect:us-west-2:111122223333:instance/" + TestTenants.SUPPORT_INSTANCE + "*",
                "arn:aws:connect:eu-west-2:111122223333:instance/" + TestTenants.SALES_INSTANCE + "*",
                "arn:aws:s3:::*-111122223333-*-scv",
                "arn:aws:s3:::*-111122223333-*-scv/*",
                "arn:aws:cloudformation:*:111122223333:stack/Scv*/*",
                "arn:aws:transcribe:*:111122223333:transcription-job/*",
                "arn:aws:lambda:*:111122223333:event-source-mapping:*",
                "arn:aws:connect:*:111122223333:phone-number/*",
                "arn:aws:cloudtrail:*:111122223333:trail/scvBYOACloudTrail");
        assertThat(condition(scv, "StringEquals", "aws:RequestedRegion"))
                .containsExactly("us-west-2", "eu-west-2", "us-east-1");
        // AND a bucket that only happens to match the name pattern in another account is out of reach
        assertThat(condition(scv, "StringEqualsIfExists", "aws:ResourceAccount")).containsExactly("111122223333");
    }

    @Test
    void leavesTheAuditTrailsLogGroupToCloudTrailsDeliveryRoleUnderEitherFence() {
        // GIVEN the per-contact-center fence (the example) THEN no statement allows anything on the trail's log group
        assertThat(allowsOnTheTrailLogGroup(boundary(EXAMPLE))).isEmpty();
        // AND the trail delivery role's grants are not among those the boundary is derived from
        assertThat(IamMatrix.hasOwnBoundary(RoleNames.TRAIL_LOG_GROUP)).isTrue();

        // GIVEN the region fence, whose account-wide pattern names the trail's log group too
        TenantConfig large = ScaledTenants.withContactCenters(25, 10);
        assertThat(PermissionBoundaryDocument.fence(large)).isEqualTo(Fence.PER_REGION);
        Map<String, Object> deny = bySid(boundary(large), "DenyTrailLogWrites");

        // THEN CloudTrail's delivery calls are denied on it (and on any SCV trail's log group)
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(actions(deny)).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(resources(deny)).singleElement().satisfies(r -> assertThat(
                matches(r.toString(), "arn:aws:logs:us-east-1:111122223333:log-group:" + ScvNames.TRAIL_LOG_GROUP
                        + ":log-stream:111122223333_CloudTrail_us-east-1")).isTrue());
    }

    @Test
    void aStatementNamingTheTrailsLogGroupIsWhatTheLogGroupCheckCatches() {
        // GIVEN a non-compliant fixture: the example's boundary with the log group back among its resources
        List<Map<String, Object>> fixture = boundary(EXAMPLE);
        Map<String, Object> scv = new java.util.LinkedHashMap<>(bySid(fixture, "ScvResources"));
        List<Object> withLogGroup = new java.util.ArrayList<>(resources(scv));
        withLogGroup.add("arn:aws:logs:us-east-1:111122223333:log-group:" + ScvNames.TRAIL_LOG_GROUP + ":*");
        scv.put("Resource", withLogGroup);

        // THEN the check the compliant boundary passes finds it
        assertThat(allowsOnTheTrailLogGroup(List.of(scv))).containsExactly("ScvResources");
    }

    /** Sids of the Allow statements that allow CloudTrail's delivery calls on a log stream of the trail's log group. */
    private static List<Object> allowsOnTheTrailLogGroup(List<Map<String, Object>> statements) {
        String stream = "arn:aws:logs:us-east-1:111122223333:log-group:" + ScvNames.TRAIL_LOG_GROUP
                + ":log-stream:111122223333_CloudTrail_us-east-1";
        return statements.stream()
                .filter(statement -> "Allow".equals(statement.get("Effect")))
                .filter(statement -> actions(statement).stream().anyMatch(a -> PermissionBoundaryDocument
                        .TRAIL_LOG_WRITES.stream().anyMatch(write -> matches(a.toString(), write))))
                .filter(statement -> resources(statement).stream().anyMatch(r -> matches(r.toString(), stream)))
                .map(statement -> statement.get("Sid"))
                .toList();
    }

    @Test
    void allowsCloudFormationOnTheStacksByTheNamesActuallyUsed() {
        // GIVEN a consumer that named the account stack and one contact center's stack itself, in a tenant whose
        // boundary has room for the per-contact-center fence with three stack names (the example's grants leave
        // none: it falls back to the region fence, where any stack of the account in the SCV regions matches)
        TenantConfig tenant = TestTenants.noFeatures();
        StackNames names = StackNames.of("CorpScvAccount", tenant, Map.of("acmesales", "Corp-Sales-Voice"));
        assertThat(PermissionBoundaryDocument.fence(tenant, names)).isEqualTo(Fence.PER_CONTACT_CENTER);

        // WHEN the boundary is derived for those names
        Map<String, Object> scv = bySid(PolicyJson.render(IamMatrix.permissionBoundary(tenant, names)),
                "ScvResources");

        // THEN (no common prefix) exactly those stacks, the other contact center's by default, and no Scv* pattern
        assertThat(resources(scv).stream().map(Object::toString).filter(r -> r.contains(":cloudformation:")))
                .containsExactly("arn:aws:cloudformation:*:111122223333:stack/CorpScvAccount/*",
                        "arn:aws:cloudformation:*:111122223333:stack/ScvContactCenter-acmesupport/*",
                        "arn:aws:cloudformation:*:111122223333:stack/Corp-Sales-Voice/*");
        assertThat(resources(scv)).noneMatch(r -> r.toString().contains("stack/Scv*"));
    }

    @Test
    void namesStacksThatShareAPrefixOfThreeOrMoreCharactersByThatPrefix() {
        // GIVEN stacks a consumer named Corp-…
        StackNames names = StackNames.of("Corp-Account", EXAMPLE, Map.of("acmesales", "Corp-Sales",
                "acmesupport", "Corp-Support"));

        // THEN the boundary names them by Corp-* (the provisioning role names each exactly)
        assertThat(PermissionBoundaryDocument.stackPatterns(names)).containsExactly("Corp-*/*");
        assertThat(PermissionBoundaryDocument.stackPatterns(StackNames.of("Co", EXAMPLE, Map.of())))
                .containsExactly("Co/*", "ScvContactCenter-acmesupport/*", "ScvContactCenter-acmesales/*");
    }

    @Test
    void grantsOnEveryResourceOnlyTheActionsWithoutResourceLevelPermissionsInScvRegions() {
        for (Map<String, Object> statement : allows(boundary(EXAMPLE))) {
            if (resources(statement).contains("*") && !"ScvEventSourceMappings".equals(statement.get("Sid"))) {
                assertThat(actions(statement)).allMatch(a -> WildcardOnlyActions.contains(a.toString()));
                assertThat(condition(statement, "StringEquals", "aws:RequestedRegion"))
                        .containsExactly("us-west-2", "eu-west-2", "us-east-1");
            }
        }
    }

    @Test
    void callsKeysDirectlyOnlyWhereTheGrantsDoByTheirAliasPatterns() {
        // GIVEN the grants' direct key calls (DescribeKey, CreateGrant): on the storage keys Connect encrypts with
        Map<String, Object> direct = bySid(boundary(EXAMPLE), "DirectScvKeyCalls");

        // THEN only those keys' alias patterns: the platform key and aws/ssm are used through services only
        assertThat(condition(direct, "ForAnyValue:StringLike", "kms:ResourceAliases"))
                .containsExactly("alias/*KvsKey", "alias/*TenantBucketKey");
    }

    @Test
    void usesKeysOnlyThroughScvServicesAndGrantsOnlyForAwsServices() {
        List<Map<String, Object>> statements = boundary(EXAMPLE);

        Map<String, Object> keys = bySid(statements, "KeysThroughScvServices");
        assertThat(actions(keys)).containsExactlyInAnyOrder("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");
        assertThat(condition(keys, "StringLike", "kms:ViaService")).containsExactly("ssm.*.amazonaws.com",
                "secretsmanager.*.amazonaws.com", "kinesis.*.amazonaws.com", "kinesisvideo.*.amazonaws.com",
                "sqs.*.amazonaws.com", "s3.*.amazonaws.com");
        Map<String, Object> direct = bySid(statements, "DirectScvKeyCalls");
        assertThat(actions(direct)).containsExactlyInAnyOrder("kms:DescribeKey", "kms:CreateGrant");
        assertThat(condition(direct, "BoolIfExists", "kms:GrantIsForAWSResource")).containsExactly("true");
        for (String sid : List.of("KeysThroughScvServices", "DirectScvKeyCalls")) {
            assertThat(resources(bySid(statements, sid))).as(sid).containsExactly("arn:aws:kms:*:111122223333:key/*");
        }
        assertThat(condition(keys, "ForAnyValue:StringLike", "kms:ResourceAliases"))
                .containsExactly("alias/*KvsKey", "alias/*TenantBucketKey", "alias/*ScvPlatformKey", "alias/aws/ssm");
    }

    @Test
    void largeTenantsAreFencedToTheAccountInTheirRegionsAndStillFitIam() {
        for (TenantConfig large : List.of(ScaledTenants.withContactCenters(25, 10),
                ScaledTenants.withContactCenters(25, 2), ScaledTenants.envAgnostic(ScaledTenants.withContactCenters(25, 10)))) {
            // GIVEN 25 contact centers: the per-contact-center fence does not fit IAM's 6,144 characters
            assertThat(PermissionBoundaryDocument.fence(large)).isEqualTo(Fence.PER_REGION);

            // THEN the boundary, with room for the audit-bucket denial the stack adds, still fits
            assertThat(IamPolicySizes.characters(IamMatrix.permissionBoundary(large))
                    + PermissionBoundaryDocument.AUDIT_BUCKET_DENIAL_RESERVE)
                    .isLessThanOrEqualTo(IamPolicySizes.MANAGED_POLICY_LIMIT);
            Map<String, Object> scv = bySid(boundary(large), "ScvResources");
            assertThat(condition(scv, "StringEquals", "aws:RequestedRegion")).hasSizeGreaterThan(1)
                    .doesNotContain("*");
        }
        // AND with an account id, every regional resource is the account's: no other account is in reach
        assertThat(resources(bySid(boundary(ScaledTenants.withContactCenters(25, 10)), "ScvResources")))
                .containsExactly("arn:aws:*:*:111122223333:*", "arn:aws:s3:::*-111122223333-*-scv",
                        "arn:aws:s3:::*-111122223333-*-scv/*");
    }

    @Test
    void theExampleFitsWithTheAuditBucketDenial() {
        assertThat(IamPolicySizes.characters(IamMatrix.permissionBoundary(EXAMPLE))
                + PermissionBoundaryDocument.AUDIT_BUCKET_DENIAL_RESERVE)
                .isLessThanOrEqualTo(IamPolicySizes.MANAGED_POLICY_LIMIT);
    }

    @Test
    void configuredBoundaryArnIsTheOneIamWritesRequire() {
        // GIVEN a config naming an existing boundary
        String existing = "arn:aws:iam::111122223333:policy/corp/CorpBoundary";
        TenantConfig config = new TenantConfig(TestTenants.ACCOUNT, "aws", TestTenants.ORG, null, null, existing,
                "x", List.of(TestTenants.support()));

        // THEN
        assertThat(condition(bySid(boundary(config), "ScvRolePermissionWrites"), "StringEquals",
                "iam:PermissionsBoundary")).containsExactly(existing);
    }

    @Test
    void govCloudBoundaryUsesTheGovPartition() {
        List<Map<String, Object>> statements = boundary(TestTenants.gov());

        assertThat(resources(bySid(statements, "ScvResources")))
                .contains("arn:aws-us-gov:*:us-gov-west-1:111122223333:*govsupport-*")
                .allMatch(r -> r.toString().startsWith("arn:aws-us-gov:"));
        assertThat(condition(bySid(statements, "ScvResources"), "StringEquals", "aws:RequestedRegion"))
                .containsExactly("us-gov-west-1");
    }

    /** Allow statements letting event-source-mapping writes name any function (no lambda:FunctionArn condition). */
    static List<String> mappingsOfAnyFunction(List<Map<String, Object>> statements) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> statement : allows(statements)) {
            boolean writes = actions(statement).stream().anyMatch(p -> PermissionBoundaryDocument
                    .EVENT_SOURCE_MAPPING_WRITES.stream().anyMatch(w -> matches(p.toString(), w)));
            boolean pinned = !condition(statement, "StringEquals", "lambda:FunctionArn").isEmpty()
                    || !condition(statement, "StringLike", "lambda:FunctionArn").isEmpty();
            if (writes && !pinned) {
                found.add(statement.get("Sid") + " maps event sources to any function");
            }
        }
        return found;
    }

    @Test
    void mapsEventSourcesOnlyToTheExactFunctionsTheGrantsName() {
        // GIVEN the example's boundary
        List<Map<String, Object>> statements = boundary(EXAMPLE);

        // THEN mapping writes are allowed in one statement only, naming the CTR consumers' exact alias ARNs
        assertThat(mappingsOfAnyFunction(statements)).isEmpty();
        Map<String, Object> mappings = bySid(statements, "ScvEventSourceMappings");
        assertThat(actions(mappings)).containsExactlyInAnyOrderElementsOf(
                PermissionBoundaryDocument.EVENT_SOURCE_MAPPING_WRITES);
        assertThat(condition(mappings, "StringEquals", "lambda:FunctionArn")).containsExactly(
                "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-CTRDataSyncFunction:active",
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-CTRDataSyncFunction:active");
        assertThat(allows(statements)).filteredOn(s -> !"ScvEventSourceMappings".equals(s.get("Sid")))
                .allSatisfy(s -> assertThat(actions(s)).doesNotContainAnyElementsOf(
                        PermissionBoundaryDocument.EVENT_SOURCE_MAPPING_WRITES));
    }

    @Test
    void theMappingCheckCatchesAMappingWriteBoundOnlyToTheRegions() {
        // GIVEN the former shape: CreateEventSourceMapping among the region-bound actions without resources
        List<Map<String, Object>> regional = List.of(Map.of("Sid", "NoResourceLevelPermissions", "Effect", "Allow",
                "Action", List.of("lambda:CreateEventSourceMapping"), "Resource", "*",
                "Condition", Map.of("StringEquals", Map.of("aws:RequestedRegion", List.of("us-west-2")))));

        // THEN it is named
        assertThat(mappingsOfAnyFunction(regional)).containsExactly(
                "NoResourceLevelPermissions maps event sources to any function");
    }

    @Test
    void refusesMappingWritesWhoseGrantsNameNoFunction() {
        // GIVEN grants of mapping writes without a lambda:FunctionArn value
        PermissionBoundaryDocument.Grants unnamed = new PermissionBoundaryDocument.Grants(
                Set.of("lambda:CreateEventSourceMapping"), List.of(), false, Set.of());

        // THEN no boundary is derived: it could not keep mappings on SCV's functions
        assertThatThrownBy(() -> PermissionBoundaryDocument.statements(EXAMPLE, unnamed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name no function");
    }

    @Test
    void whereExactFunctionsDoNotFitMappingsNameScvsFunctionOfAnyContactCenterOfTheAccount() {
        // GIVEN 25 contact centers in 10 regions
        TenantConfig large = ScaledTenants.withContactCenters(25, 10);
        assertThat(PermissionBoundaryDocument.exactMappings(large)).isFalse();

        // THEN the CTR consumer of any contact center, in this account and the SCV regions only
        Map<String, Object> mappings = bySid(boundary(large), "ScvEventSourceMappings");
        assertThat(condition(mappings, "StringLike", "lambda:FunctionArn")).containsExactly(
                "arn:aws:lambda:*:111122223333:function:*-CTRDataSyncFunction:active");
        assertThat(condition(mappings, "StringEquals", "aws:RequestedRegion")).hasSize(10);
    }

    @Test
    void writesOnlyThePolicyOfConnectsPerInstanceServiceLinkedRolesAndOnlyBecauseADeclaredCallDoes() {
        // GIVEN the example, whose Connect configurator declares AssociateInstanceStorageConfig's policy write
        Map<String, Object> linked = bySid(boundary(EXAMPLE), "ConnectLinkedRolePolicy");
        assertThat(actions(linked)).containsExactly("iam:PutRolePolicy");
        assertThat(resources(linked)).containsExactly(CONNECT_LINKED_ROLES);

        // WHEN no grant writes that policy (only SCV roles' inline policies are written)
        PermissionBoundaryDocument.Grants without = PermissionBoundaryDocument.grants(EXAMPLE);
        without = new PermissionBoundaryDocument.Grants(without.actions(), without.mappedFunctions(), false,
                without.directKeyAliases());

        // THEN the boundary has no statement for it, although iam:PutRolePolicy is granted on SCV roles
        assertThat(PolicyJson.render(PermissionBoundaryDocument.statements(EXAMPLE, without)))
                .noneMatch(s -> "ConnectLinkedRolePolicy".equals(s.get("Sid")))
                .anyMatch(s -> actions(s).contains("iam:PutRolePolicy"));
    }

    @Test
    void thePerContactCenterFenceOfTwentyFiveContactCentersAloneOutgrowsTheRoomTheRestOfTheBoundaryLeaves() {
        // GIVEN 25 contact centers, in 10 regions and in 1 (the fewest region names to list)
        for (TenantConfig large : List.of(ScaledTenants.withContactCenters(25, 10),
                ScaledTenants.withContactCenters(25, 1))) {
            PermissionBoundaryDocument.Grants grants = PermissionBoundaryDocument.grants(large);
            PermissionBoundaryDocument.Layout perRegion = new PermissionBoundaryDocument.Layout(Fence.PER_REGION, false);
            PermissionBoundaryDocument.Layout perContactCenter =
                    new PermissionBoundaryDocument.Layout(Fence.PER_CONTACT_CENTER, false);
            // WHEN the room IAM's 6,144 characters leave beside everything but the fence is measured
            int room = IamPolicySizes.MANAGED_POLICY_LIMIT - PermissionBoundaryDocument.AUDIT_BUCKET_DENIAL_RESERVE
                    - IamPolicySizes.characters(PermissionBoundaryDocument.statements(large, grants, perRegion));
            int fence = IamPolicySizes.characters(PermissionBoundaryDocument.statements(large, grants, perContactCenter))
                    - IamPolicySizes.characters(PermissionBoundaryDocument.statements(large, grants, perRegion));
            // THEN the names and instances of 25 contact centers need more: the fallback is forced, not chosen
            assertThat(fence).as("characters the per-contact-center fence adds").isGreaterThan(room);
            assertThat(PermissionBoundaryDocument.fence(large)).isEqualTo(Fence.PER_REGION);
        }
    }

    @Test
    void thePerContactCenterFenceIsKeptWhileItFits() {
        // GIVEN 1 and 2 contact centers THEN the per-contact-center fence with exact mapped functions
        for (int n = 1; n <= 2; n++) {
            TenantConfig config = ScaledTenants.withContactCenters(n, n);
            assertThat(PermissionBoundaryDocument.fence(config)).as(n + " contact centers")
                    .isEqualTo(Fence.PER_CONTACT_CENTER);
            assertThat(PermissionBoundaryDocument.exactMappings(config)).as(n + " contact centers").isTrue();
        }
    }
}
