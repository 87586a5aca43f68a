package dev.scvcdk.policies;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.roles.ProvisioningRole;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolePolicyFitTest {
    private static final TenantConfig LARGE = ScaledTenants.withContactCenters(25, 10);

    /** Every statement a role holds: inline, and in the managed policies made for it alone. */
    private static List<Map<String, Object>> ownStatements(TenantConfig config, String roleName) {
        RoleSpec role = IamMatrix.accountRole(config, roleName);
        List<Statement> statements = new ArrayList<>(role.inlineStatements());
        IamMatrix.managedPolicies(config).stream()
                .filter(p -> p.name().startsWith(RolePolicyFit.policyName(roleName, "")))
                .filter(p -> role.managedPolicyNames().contains(p.name()))
                .forEach(p -> statements.addAll(p.statements()));
        return PolicyJson.render(statements);
    }

    /** Resources of the statement {@code sid}, or of all its parts when it was split. */
    private static List<Object> resourcesOf(List<Map<String, Object>> statements, String sid) {
        return statements.stream()
                .filter(s -> s.get("Sid").toString().matches(sid + "(Part\\d+)?"))
                .flatMap(s -> resources(s).stream())
                .toList();
    }

    @Test
    void aTenantThatFitsKeepsEveryStatementInlineAndOnlyTheSevenSharedPolicies() {
        assertThat(IamMatrix.managedPolicies(TestTenants.example())).hasSize(7);
        assertThat(IamMatrix.accountRoles(TestTenants.example()))
                .allSatisfy(r -> assertThat(r.managedPolicyNames()).allMatch(n -> !n.contains("Policy-")));
    }

    @Test
    void movedStatementsLiveInPoliciesOfTheirRoleOnlyUnderScvNames() {
        // GIVEN 25 contact centers WHEN roles outgrow IAM's inline quota
        List<ManagedPolicySpec> own = IamMatrix.managedPolicies(LARGE).stream()
                .filter(p -> p.name().contains("Policy-"))
                .toList();

        // THEN each such policy is attached to exactly one role, the one it is named after
        assertThat(own).extracting(ManagedPolicySpec::name).contains(
                "SCVProvisioningPolicy-IAMDenyChangesToSalesforceAssumableRoles");
        for (ManagedPolicySpec policy : own) {
            List<String> attachedTo = IamMatrix.accountRoles(LARGE).stream()
                    .filter(r -> r.managedPolicyNames().contains(policy.name()))
                    .map(RoleSpec::roleName)
                    .toList();
            assertThat(attachedTo).as(policy.name()).singleElement()
                    .satisfies(role -> assertThat(policy.name()).startsWith(RolePolicyFit.policyName(role, "")));
        }
    }

    @Test
    void provisioningKeepsExactlyItsDesignedGrantsWhereverTheyLive() {
        // GIVEN the provisioning role of 25 contact centers, across its inline and own managed policies
        List<Map<String, Object>> statements = ownStatements(LARGE, RoleNames.PROVISIONING);
        TenantResources res = new TenantResources(LARGE);

        // THEN the connected-app parameters are still exactly the four of each contact center
        assertThat(resourcesOf(statements, "ResourceBasedAccess")).containsExactlyInAnyOrderElementsOf(
                res.parameters(Parameter.REST_API_CONSUMER_KEY, Parameter.REST_API_SUBJECT,
                        Parameter.REST_API_AUDIENCE, Parameter.REST_API_PRIVATE_KEY));
        // AND every Salesforce-assumable role is still denied changes
        assertThat(resourcesOf(statements, "IAMDenyChangesToSalesforceAssumableRoles"))
                .contains("arn:aws:iam::111122223333:role/SCVProvisioningRole",
                        "arn:aws:iam::111122223333:role/acmecenter25-SAMLRole")
                // itself, the three other account roles Salesforce assumes, three roles per contact center
                .hasSize(1 + 3 + 3 * 25);
        // AND every IAM permission write still requires the SCV boundary
        statements.stream()
                .filter(s -> "Allow".equals(s.get("Effect")))
                .filter(s -> actions(s).stream().anyMatch(ProvisioningRole.IAM_PERMISSION_WRITES::contains))
                .forEach(s -> assertThat(condition(s, "StringEquals", "iam:PermissionsBoundary"))
                        .containsExactly(IamMatrix.permissionBoundaryArn(LARGE)));
        // AND it stays within IAM's attachment quota
        assertThat(IamMatrix.accountRole(LARGE, RoleNames.PROVISIONING).managedPolicyNames())
                .hasSizeLessThanOrEqualTo(IamPolicySizes.MANAGED_POLICIES_PER_ROLE_LIMIT);
    }

    @Test
    void invokeRightsStayOnTheExactActiveAliasesAtScale() {
        TenantResources res = new TenantResources(LARGE);

        // the shared Lambda policy and the REST invoke right of ContactDataSync (moved out of its inline policy)
        ManagedPolicySpec lambda = IamMatrix.managedPolicies(LARGE).stream()
                .filter(p -> p.name().equals(ManagedPolicies.LAMBDA_ACCESS)).findFirst().orElseThrow();
        assertThat(resourcesOf(PolicyJson.render(lambda.statements()), "InvokeTelephonyIntegrationApi"))
                .containsExactlyElementsOf(res.functionAliases(Function.INVOKE_TELEPHONY_INTEGRATION_API))
                .hasSize(25)
                .allMatch(arn -> arn.toString().endsWith("-InvokeTelephonyIntegrationApiFunction:active"));
        for (String role : List.of(RoleNames.CONTACT_DATA_SYNC, RoleNames.REALTIME_ALERT)) {
            assertThat(resourcesOf(ownStatements(LARGE, role), "InvokeSalesforceRestApi")).as(role)
                    .containsExactlyElementsOf(res.functionAliases(Function.INVOKE_SALESFORCE_REST_API));
        }
    }

    @Test
    void aStatementTooLargeForOneManagedPolicyIsCutByResourcesIntoPartsThatTogetherEqualIt() {
        // GIVEN a statement with 400 resources (about 12,800 characters)
        List<String> buckets = IntStream.range(0, 400)
                .mapToObj(i -> String.format(Locale.ROOT, "arn:aws:s3:::scv-bucket-%03d/*", i))
                .toList();
        Statement big = Statements.allow("Big").actions("s3:GetObject").resources(buckets)
                .condition("StringEquals", "aws:ResourceAccount", "111122223333")
                .build();

        // WHEN
        List<Statement> parts = RolePolicyFit.splitToFit(big);

        // THEN each part fits, keeps actions and conditions, and all parts name every resource once
        assertThat(parts).hasSizeGreaterThan(2);
        List<Map<String, Object>> rendered = PolicyJson.render(parts);
        assertThat(rendered).extracting(s -> s.get("Sid")).startsWith("BigPart1", "BigPart2");
        assertThat(parts).allMatch(p -> IamPolicySizes.characters(List.of(p)) <= IamPolicySizes.MANAGED_POLICY_LIMIT);
        assertThat(rendered).allSatisfy(s -> {
            assertThat(actions(s)).containsExactly("s3:GetObject");
            assertThat(condition(s, "StringEquals", "aws:ResourceAccount")).containsExactly("111122223333");
        });
        assertThat(resourcesOf(rendered, "Big")).containsExactlyElementsOf(buckets);
    }

    @Test
    void aSingleResourceStatementIsCutByItsLongestConditionList() {
        // GIVEN one key ARN and 300 parameter ARNs in the encryption context
        List<String> parameters = IntStream.range(0, 300)
                .mapToObj(i -> String.format(Locale.ROOT, "arn:aws:ssm:us-west-2:111122223333:parameter/p-%03d", i))
                .toList();
        Statement big = Statements.allow("Key").actions("kms:Decrypt")
                .resources("arn:aws:kms:*:111122223333:key/*")
                .condition("StringEquals", "kms:ViaService", "ssm.us-west-2.amazonaws.com")
                .condition("StringEquals", "kms:EncryptionContext:PARAMETER_ARN", parameters)
                .build();

        // WHEN
        List<Map<String, Object>> rendered = PolicyJson.render(RolePolicyFit.splitToFit(big));

        // THEN the context list is divided, the other condition repeated in every part
        assertThat(rendered).hasSizeGreaterThan(1).allSatisfy(s -> {
            assertThat(resources(s)).containsExactly("arn:aws:kms:*:111122223333:key/*");
            assertThat(condition(s, "StringEquals", "kms:ViaService")).containsExactly("ssm.us-west-2.amazonaws.com");
        });
        assertThat(rendered.stream()
                .flatMap(s -> condition(s, "StringEquals", "kms:EncryptionContext:PARAMETER_ARN").stream()))
                .containsExactlyElementsOf(parameters);
    }

    @Test
    void aSharedPolicyTooLargeForIamContinuesInPartsAttachedWhereverItIs() {
        // GIVEN 25 contact centers with 25-character names (SCVSecretsManagerAccessPolicy outgrows 6,144)
        TenantConfig config = ScaledTenants.withContactCenters(25, 10, "acmecustomerservicecent");
        List<ManagedPolicySpec> policies = IamMatrix.managedPolicies(config);

        // THEN it continues in a second part, the parts together hold every secret exactly once
        List<ManagedPolicySpec> secrets = policies.stream()
                .filter(p -> p.name().startsWith(ManagedPolicies.SECRETS_MANAGER_ACCESS))
                .toList();
        assertThat(secrets).extracting(ManagedPolicySpec::name)
                .containsExactly("SCVSecretsManagerAccessPolicy", "SCVSecretsManagerAccessPolicy-Part2");
        List<Map<String, Object>> rendered = PolicyJson.render(
                secrets.stream().flatMap(p -> p.statements().stream()).toList());
        assertThat(resourcesOf(rendered, "ReadSalesforceCredentials"))
                .containsExactlyElementsOf(new TenantResources(config).salesforceSecrets());
        // AND every role with the policy has every part
        IamMatrix.accountRoles(config).stream()
                .filter(r -> r.managedPolicyNames().contains(ManagedPolicies.SECRETS_MANAGER_ACCESS))
                .forEach(r -> assertThat(r.managedPolicyNames()).as(r.roleName())
                        .contains("SCVSecretsManagerAccessPolicy-Part2"));
        assertThat(IamPolicySizes.check(config)).isEmpty();
    }
}
