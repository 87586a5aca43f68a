package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.PolicyJson;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.StackNames;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisioningRoleTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();
    private static final String BOUNDARY = "arn:aws:iam::111122223333:policy/scv/SCVPermissionsBoundary";

    private static List<Map<String, Object>> inline(TenantConfig config) {
        return RoleJson.inline(config, RoleNames.PROVISIONING);
    }

    private static List<Map<String, Object>> allows(TenantConfig config) {
        return inline(config).stream().filter(s -> "Allow".equals(s.get("Effect"))).toList();
    }

    @Test
    void keepsTheSectionsOfScvsProvisioningPolicyAsSids() {
        List<Object> sids = inline(EXAMPLE).stream().map(s -> s.get("Sid")).toList();

        assertThat(sids).contains("WildcardAccess", "EventAccess", "LambdaEventSourceAccess", "LambdaAccess",
                "S3Write", "ResourceBasedAccess", "IAMAccess", "CloudformationAccess", "ConnectAccess");
    }

    @Test
    void everyIamPermissionWriteRequiresTheScvBoundary() {
        // GIVEN every Allow statement with an IAM action that can change a role's permissions
        List<Map<String, Object>> writes = allows(EXAMPLE).stream()
                .filter(s -> actions(s).stream().anyMatch(ProvisioningRole.IAM_PERMISSION_WRITES::contains))
                .toList();

        // THEN each carries the boundary condition
        assertThat(writes).isNotEmpty().allSatisfy(s ->
                assertThat(condition(s, "StringEquals", "iam:PermissionsBoundary")).containsExactly(BOUNDARY));
    }

    /** The provisioning role of the example tenant with Salesforce managing the functions (or not). */
    private static List<Map<String, Object>> provisioning(boolean salesforceManagesFunctions) {
        TenantConfig config = new TenantConfig(EXAMPLE.accountId(), EXAMPLE.partition(), EXAMPLE.salesforceOrgId(),
                null, null, null, EXAMPLE.samlMetadataFile(), EXAMPLE.contactCenters(), salesforceManagesFunctions,
                null);
        return PolicyJson.render(new ProvisioningRole(new TenantResources(config), List.of(RoleNames.UPDATE_CREDENTIAL))
                .spec().inlineStatements());
    }

    private static List<Object> granted(List<Map<String, Object>> statements) {
        return statements.stream().filter(s -> "Allow".equals(s.get("Effect")))
                .flatMap(s -> actions(s).stream()).toList();
    }

    @Test
    void iamPermissionWritesReachOnlyScvRoles() {
        assertThat(resources(bySid(inline(EXAMPLE), "IAMAccess")))
                .containsExactly("arn:aws:iam::111122223333:role/SCV*");
        assertThat(resources(bySid(inline(EXAMPLE), "IAMAttachScvPolicies")))
                .containsExactly("arn:aws:iam::111122223333:role/SCV*");
    }

    @Test
    void createsNoRoleAndDoesNotChangeTheIdentityProvider() {
        // GIVEN the provisioning role WHEN its grants are read THEN every role is the stack's, and so is the IdP
        assertThat(granted(inline(EXAMPLE))).doesNotContain("iam:CreateRole", "iam:UpdateSAMLProvider",
                "iam:DeleteSAMLProvider", "iam:CreateSAMLProvider");
    }

    @Test
    void attachesOnlyScvManagedPoliciesAndOnlyToRolesWithTheScvBoundary() {
        Map<String, Object> attach = bySid(inline(EXAMPLE), "IAMAttachScvPolicies");

        assertThat(actions(attach)).containsExactlyInAnyOrder("iam:AttachRolePolicy", "iam:DetachRolePolicy");
        assertThat(condition(attach, "ArnLike", "iam:PolicyARN"))
                .containsExactly("arn:aws:iam::111122223333:policy/scv/*");
        assertThat(condition(attach, "StringEquals", "iam:PermissionsBoundary")).containsExactly(BOUNDARY);
    }

    @Test
    void withoutSalesforceManagingTheFunctionsItCannotReplaceTheirCodeOrPassTheirRoles() {
        // GIVEN salesforceManagesFunctions = false (the default)
        List<Object> granted = granted(provisioning(false));

        // THEN no code or configuration update, and no role to pass
        assertThat(granted).doesNotContain("lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                "iam:PassRole", "lambda:CreateFunction");
    }

    @Test
    void withSalesforceManagingTheFunctionsItMayReplaceTheirCodeAndPassTheirRolesToLambda() {
        // GIVEN salesforceManagesFunctions = true (SCV's behaviour)
        List<Map<String, Object>> statements = provisioning(true);

        // THEN it may update the SCV functions and pass the roles SCV's code runs as, to Lambda only
        assertThat(actions(bySid(statements, "LambdaAccess")))
                .contains("lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration");
        Map<String, Object> pass = bySid(statements, "IAMPassScvRolesToLambda");
        assertThat(resources(pass)).contains("arn:aws:iam::111122223333:role/SCVCTRDataSyncFunctionRole",
                "arn:aws:iam::111122223333:role/SCVConnectConfiguratorLambdaRole")
                .doesNotContain("arn:aws:iam::111122223333:role/SCVProvisioningRole",
                        "arn:aws:iam::111122223333:role/SCVUpdateCredentialRole");
        assertThat(condition(pass, "StringEquals", "iam:PassedToService")).containsExactly("lambda.amazonaws.com");
    }

    @Test
    void givesLambdaPermissionsOnlyToConnectAndEventBridge() {
        Map<String, Object> permissions = bySid(inline(EXAMPLE), "LambdaPermissionsForConnectAndEvents");

        assertThat(actions(permissions)).containsExactly("lambda:AddPermission");
        assertThat(condition(permissions, "StringEquals", "lambda:Principal"))
                .containsExactly("connect.amazonaws.com", "events.amazonaws.com");
        assertThat(allows(EXAMPLE).stream().filter(s -> actions(s).contains("lambda:AddPermission")))
                .as("statements granting lambda:AddPermission").hasSize(1);
    }

    @Test
    void targetsAContactCentersRulesOnlyAtItsContactEventsHandlersActiveAlias() {
        Map<String, Object> support = bySid(inline(EXAMPLE), "EventTargetsScvFunctions1");
        Map<String, Object> sales = bySid(inline(EXAMPLE), "EventTargetsScvFunctions2");

        assertThat(actions(support)).containsExactly("events:PutTargets");
        assertThat(resources(support)).containsExactly("arn:aws:events:us-west-2:111122223333:rule/acmesupport-*");
        assertThat(condition(support, "ForAllValues:StringEquals", "events:TargetArn")).containsExactly(
                "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-HandleContactEventsFunction:active");
        assertThat(condition(sales, "ForAllValues:StringEquals", "events:TargetArn")).containsExactly(
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-HandleContactEventsFunction:active");
        assertThat(actions(bySid(inline(EXAMPLE), "EventAccess"))).doesNotContain("events:PutTargets");
    }

    @Test
    void iamWritesWithoutABoundaryConditionReachOnlyScvNamedRolesAndNeverTag() {
        Map<String, Object> metadata = bySid(inline(EXAMPLE), "IAMRoleMetadataAccess");

        assertThat(resources(metadata)).containsExactly("arn:aws:iam::111122223333:role/SCV*");
        assertThat(actions(metadata)).doesNotContain("iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy");
    }

    @Test
    void everyAllowedIamWriteIsOneOfTheTwoKnownKinds() {
        List<Object> iamWrites = allows(EXAMPLE).stream()
                .flatMap(s -> actions(s).stream())
                .filter(a -> a.toString().startsWith("iam:") && !a.toString().matches("iam:(Get|List).*"))
                .toList();

        assertThat(iamWrites).allMatch(a -> ProvisioningRole.IAM_PERMISSION_WRITES.contains(a)
                || ProvisioningRole.IAM_METADATA_WRITES.contains(a));
    }

    @Test
    void aConfiguredBoundaryIsTheOneIamWritesRequire() {
        String existing = "arn:aws:iam::111122223333:policy/corp/CorpBoundary";
        TenantConfig config = new TenantConfig(TestTenants.ACCOUNT, "aws", TestTenants.ORG, null, null, existing,
                "x", List.of(TestTenants.support()));

        assertThat(condition(bySid(inline(config), "IAMAccess"), "StringEquals", "iam:PermissionsBoundary"))
                .containsExactly(existing);
    }

    @Test
    void mayNotChangeItselfOrAnyOtherRoleSalesforceAssumes() {
        Map<String, Object> deny = bySid(inline(EXAMPLE), "IAMDenyChangesToSalesforceAssumableRoles");

        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(actions(deny)).containsAll(ProvisioningRole.IAM_PERMISSION_WRITES)
                .containsAll(ProvisioningRole.IAM_METADATA_WRITES);
        assertThat(resources(deny)).contains(
                "arn:aws:iam::111122223333:role/SCVProvisioningRole",
                "arn:aws:iam::111122223333:role/SCVUpdateCredentialRole",
                "arn:aws:iam::111122223333:role/SCVAmazonConnectManagementRole",
                "arn:aws:iam::111122223333:role/SCVTenantBucketWriteAccessRole",
                "arn:aws:iam::111122223333:role/acmesupport-ConnectCallRole",
                "arn:aws:iam::111122223333:role/acmesupport-SAMLRole",
                "arn:aws:iam::111122223333:role/acmesales-SCVS3Role");
    }


    @Test
    void neverRemovesOrReplacesBoundariesOrEditsManagedPolicies() {
        List<Object> granted = allows(EXAMPLE).stream().flatMap(s -> actions(s).stream()).toList();

        assertThat(granted).doesNotContain("iam:DeleteRolePermissionsBoundary", "iam:PutRolePermissionsBoundary",
                "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:UpdateAssumeRolePolicy",
                "iam:CreateUser", "iam:CreateAccessKey");
    }

    @Test
    void worksOnScvFunctionsRulesAndStacksByName() {
        List<Map<String, Object>> inline = inline(EXAMPLE);

        assertThat(resources(bySid(inline, "LambdaAccess"))).containsExactly(
                "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-*",
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-*");
        assertThat(resources(bySid(inline, "EventAccess"))).containsExactly(
                "arn:aws:events:us-west-2:111122223333:rule/acmesupport-*",
                "arn:aws:events:eu-west-2:111122223333:rule/acmesales-*");
        assertThat(resources(bySid(inline, "CloudformationAccess"))).containsExactly(
                "arn:aws:cloudformation:us-east-1:111122223333:stack/ScvAccountStack/*",
                "arn:aws:cloudformation:us-west-2:111122223333:stack/ScvContactCenter-acmesupport/*",
                "arn:aws:cloudformation:eu-west-2:111122223333:stack/ScvContactCenter-acmesales/*");
        // event-source mappings: only the CTR consumer's active alias, by exact ARN (no <cc>-payroll function)
        for (String sid : List.of("LambdaEventSourceAccess", "LambdaEventSourceCreate")) {
            assertThat(condition(bySid(inline, sid), "StringEquals", "lambda:FunctionArn")).as(sid).containsExactly(
                    "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-CTRDataSyncFunction:active",
                    "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-CTRDataSyncFunction:active");
        }
    }

    @Test
    void connectAccessConfiguresTheInstancesButLeavesUserAndQueueManagementToTheManagementRole() {
        Map<String, Object> connect = bySid(inline(EXAMPLE), "ConnectAccess");

        assertThat(actions(connect)).contains("connect:AssociateInstanceStorageConfig", "connect:AssociateLambdaFunction")
                .doesNotContain("connect:CreateUser", "connect:CreateQueue");
        assertThat(resources(connect)).containsExactly(
                "arn:aws:connect:us-west-2:111122223333:instance/" + TestTenants.SUPPORT_INSTANCE,
                "arn:aws:connect:eu-west-2:111122223333:instance/" + TestTenants.SALES_INSTANCE);
    }

    @Test
    void cloudformationAccessNamesTheStacksByTheNamesActuallyUsed() {
        // GIVEN a consumer that named the account stack and one contact center's stack itself
        StackNames names = StackNames.of("CorpScvAccount", EXAMPLE, Map.of("acmesupport", "Corp-Support-Voice"));

        // WHEN provisioning's grants are derived for those names
        List<Map<String, Object>> inline = PolicyJson.render(new ProvisioningRole(new TenantResources(EXAMPLE, names),
                List.of(RoleNames.UPDATE_CREDENTIAL))
                .spec().inlineStatements());

        // THEN it may read exactly those stacks, each in its region, and no Scv* pattern
        assertThat(resources(bySid(inline, "CloudformationAccess"))).containsExactly(
                "arn:aws:cloudformation:us-east-1:111122223333:stack/CorpScvAccount/*",
                "arn:aws:cloudformation:us-west-2:111122223333:stack/Corp-Support-Voice/*",
                "arn:aws:cloudformation:eu-west-2:111122223333:stack/ScvContactCenter-acmesales/*");
        assertThat(inline.stream().flatMap(s -> resources(s).stream()))
                .noneMatch(r -> r.toString().contains("stack/Scv*"));
    }

    @Test
    void cloudformationAccessIsReadOnly() {
        assertThat(actions(bySid(inline(EXAMPLE), "CloudformationAccess")))
                .allMatch(a -> a.toString().matches("cloudformation:(Describe|List|Get).*"));
    }

    @Test
    void isTrustedBySalesforceWithTheExternalId() {
        assertThat(IamMatrix.accountRole(EXAMPLE, RoleNames.PROVISIONING).trust())
                .isEqualTo(new dev.scvcdk.policies.Trust.SalesforceAccount("793525387755", TestTenants.ORG));
    }

    /** Every action of the provisioning role, inline or in a managed policy attached to it. */
    private static List<Object> grantedActions(TenantConfig config) {
        IamMatrix.AccountMatrix matrix = IamMatrix.account(config);
        dev.scvcdk.policies.RoleSpec role = matrix.accountRoles().stream()
                .filter(r -> r.roleName().equals(RoleNames.PROVISIONING)).findFirst().orElseThrow();
        List<dev.scvcdk.policies.iam.Statement> statements = new java.util.ArrayList<>(role.inlineStatements());
        matrix.managedPolicies().stream().filter(p -> role.managedPolicyNames().contains(p.name()))
                .forEach(p -> statements.addAll(p.statements()));
        return statements.stream().flatMap(s -> s.actions().stream()).map(Object.class::cast).toList();
    }

    @Test
    void theTenantConfigSwitchDecidesWhetherProvisioningMayReplaceFunctionCode() {
        // GIVEN the example tenant, once as configured (switch left out) and once with salesforceManagesFunctions on
        TenantConfig example = TestTenants.example();
        TenantConfig managed = new TenantConfig(example.accountId(), example.partition(), example.salesforceOrgId(),
                null, null, null, example.samlMetadataFile(), example.contactCenters(), true, null);

        // WHEN the account matrix is built (statements too large for the inline policy live in the role's own)
        List<Object> byDefault = grantedActions(example);
        List<Object> whenManaged = grantedActions(managed);

        // THEN only the switched-on tenant's provisioning role may update code and pass roles
        assertThat(byDefault).doesNotContain("lambda:UpdateFunctionCode", "iam:PassRole");
        assertThat(whenManaged).contains("lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                "iam:PassRole");
    }
}
