package dev.scvcdk.policies;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PermissionBoundaryDocumentTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();
    private static final String BOUNDARY = "arn:aws:iam::111122223333:policy/scv/SCVPermissionsBoundary";

    private static List<Map<String, Object>> boundary(TenantConfig config) {
        return PolicyJson.render(IamMatrix.permissionBoundary(config));
    }

    @Test
    void deniesCreatingIamUsersGroupsAndAccessKeys() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyIamUsersGroupsAndCredentials");

        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(actions(deny)).contains("iam:CreateUser", "iam:CreateGroup", "iam:CreateAccessKey",
                "iam:CreateLoginProfile", "iam:AttachUserPolicy", "iam:PutUserPolicy");
        assertThat(resources(deny)).containsExactly("*");
    }

    @Test
    void deniesRemovingAnyBoundary() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyBoundaryRemoval");

        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(actions(deny)).containsExactly("iam:DeleteRolePermissionsBoundary",
                "iam:DeleteUserPermissionsBoundary");
        assertThat(deny).doesNotContainKey("Condition");
    }

    @Test
    void deniesSettingAnyBoundaryButTheScvOne() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyBoundaryReplacement");

        assertThat(actions(deny)).containsExactly("iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary");
        assertThat(condition(deny, "StringNotEquals", "iam:PermissionsBoundary")).containsExactly(BOUNDARY);
    }

    @Test
    void deniesCreatingRolesWithoutTheScvBoundary() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyRolesWithoutScvBoundary");

        assertThat(actions(deny)).containsExactly("iam:CreateRole");
        assertThat(condition(deny, "StringNotEquals", "iam:PermissionsBoundary")).containsExactly(BOUNDARY);
    }

    @Test
    void deniesChangingTheBoundaryPolicyItself() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyBoundaryPolicyChanges");

        assertThat(actions(deny)).containsExactlyInAnyOrder("iam:CreatePolicyVersion", "iam:DeletePolicy",
                "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion");
        assertThat(resources(deny)).containsExactly(BOUNDARY);
    }

    @Test
    void deniesStoppingOrChangingTheAuditTrail() {
        Map<String, Object> deny = bySid(boundary(EXAMPLE), "DenyAuditTrailChanges");

        assertThat(actions(deny)).contains("cloudtrail:StopLogging", "cloudtrail:DeleteTrail");
        assertThat(resources(deny)).containsExactly("arn:aws:cloudtrail:us-east-1:111122223333:trail/scvBYOACloudTrail");
    }

    @Test
    void allowsScvServicesOnlyOnResourcesOfThisAccount() {
        List<Map<String, Object>> statements = boundary(EXAMPLE);

        assertThat(resources(bySid(statements, "AllowScvServicesInThisAccount")))
                .containsExactly("arn:aws:*:*:111122223333:*");
        Map<String, Object> buckets = bySid(statements, "AllowScvBucketsInThisAccount");
        assertThat(condition(buckets, "StringEquals", "aws:ResourceAccount")).containsExactly("111122223333");
    }

    @Test
    void allowsNoServiceSCVDoesNotUse() {
        Set<String> services = boundary(EXAMPLE).stream()
                .filter(s -> "Allow".equals(s.get("Effect")))
                .flatMap(s -> actions(s).stream())
                .map(a -> a.toString().substring(0, a.toString().indexOf(':')))
                .collect(Collectors.toSet());

        assertThat(services).doesNotContain("ec2", "rds", "dynamodb", "sts", "organizations", "route53", "ecs");
    }

    @Test
    void coversEveryActionTheMatrixGrants() {
        // GIVEN every action granted by any role or managed policy of the matrix
        Set<String> granted = new HashSet<>();
        IamMatrix.accountRoles(EXAMPLE).forEach(r -> r.inlineStatements().forEach(s -> granted.addAll(s.actions())));
        for (ContactCenterConfig cc : EXAMPLE.contactCenters()) {
            IamMatrix.contactCenterRoles(EXAMPLE, cc)
                    .forEach(r -> r.inlineStatements().forEach(s -> granted.addAll(s.actions())));
        }
        IamMatrix.managedPolicies(EXAMPLE).forEach(p -> p.statements().forEach(s -> granted.addAll(s.actions())));

        // THEN the boundary allows each of them (else the role would silently lose it)
        Set<String> allowed = boundaryAllowedActions();
        granted.forEach(action -> assertThat(covers(allowed, action)).as(action).isTrue());
    }

    @Test
    void coversWhatCdkMadeHelperRolesNeed() {
        Set<String> allowed = boundaryAllowedActions();

        List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutRetentionPolicy",
                "logs:DeleteRetentionPolicy", "lambda:InvokeFunction", "s3:PutBucketNotification",
                "s3:GetBucketNotification", "ssm:GetParameter")
                .forEach(action -> assertThat(covers(allowed, action)).as(action).isTrue());
    }

    @Test
    void configuredBoundaryArnIsTheOneTheDenialsProtect() {
        // GIVEN a config naming an existing boundary
        String existing = "arn:aws:iam::111122223333:policy/corp/CorpBoundary";
        TenantConfig config = new TenantConfig(TestTenants.ACCOUNT, "aws", TestTenants.ORG, null, null, existing,
                "x", List.of(TestTenants.support()));

        // THEN
        assertThat(condition(bySid(boundary(config), "DenyBoundaryReplacement"), "StringNotEquals",
                "iam:PermissionsBoundary")).containsExactly(existing);
        assertThat(resources(bySid(boundary(config), "DenyBoundaryPolicyChanges"))).containsExactly(existing);
    }

    @Test
    void govCloudBoundaryUsesTheGovPartitionAndAccountRegion() {
        List<Map<String, Object>> statements = boundary(TestTenants.gov());

        assertThat(resources(bySid(statements, "AllowScvServicesInThisAccount")))
                .containsExactly("arn:aws-us-gov:*:*:111122223333:*");
        assertThat(resources(bySid(statements, "DenyAuditTrailChanges")))
                .containsExactly("arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:trail/scvBYOACloudTrail");
    }

    private static Set<String> boundaryAllowedActions() {
        return boundary(EXAMPLE).stream()
                .filter(s -> "Allow".equals(s.get("Effect")))
                .flatMap(s -> actions(s).stream())
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static boolean covers(Set<String> allowed, String action) {
        return allowed.contains(action) || allowed.contains(action.substring(0, action.indexOf(':')) + ":*");
    }
}
