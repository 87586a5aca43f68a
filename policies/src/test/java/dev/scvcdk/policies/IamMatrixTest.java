package dev.scvcdk.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamMatrixTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    @Test
    void createsEveryAccountLevelRoleOfTheReferenceWithItsScvName() {
        // WHEN
        List<String> names = IamMatrix.accountRoles(EXAMPLE).stream().map(RoleSpec::roleName).toList();

        // THEN
        assertThat(names).containsExactlyInAnyOrder(
                "SCVCTRDataSyncFunctionRole", "SCVContactDataSyncFunctionRole",
                "SCVPostCallAnalysisTriggerFunctionRole", "SCVInvokeTelephonyIntegrationApiFunctionRole",
                "SCVInvokeSalesforceRestApiFunctionRole", "SCVSSMLambdaExecutionRole", "SCVUpdateCredentialRole",
                "SCVKvsTranscriberRoleResource", "SCVKvsConsumerTriggerRole", "SCVContactLensConsumerFunctionRole",
                "SCVAmazonConnectManagementRole", "SCVConnectConfiguratorLambdaRole",
                "SCVContactLensStreamingRoleResource", "SCVTrailLogGroupRole", "SCVVoiceMailAudioProcessingRole",
                "SCVVoiceMailPackagingRole", "SCVVoiceMailTranscribeRole", "SCVRealtimeAlertRole",
                "SCVHandleContactEventsRole", "SCVProvisioningRole", "SCVTenantBucketWriteAccessRole",
                "SCVSecretConfiguratorLambdaRole");
    }

    @Test
    void theAccountMatrixHoldsWhatAccountRolesAndManagedPoliciesReturn() {
        // GIVEN a tenant of several contact centers in several regions
        TenantConfig config = ScaledTenants.withContactCenters(12, 4);

        // WHEN
        IamMatrix.AccountMatrix matrix = IamMatrix.account(config);

        // THEN it is what accountRoles and managedPolicies return, and its size check is the config's
        assertThat(matrix.accountRoles()).extracting(RoleSpec::roleName, RoleSpec::managedPolicyNames)
                .containsExactlyElementsOf(IamMatrix.accountRoles(config).stream()
                        .map(r -> tuple(r.roleName(), r.managedPolicyNames())).toList());
        assertThat(matrix.managedPolicies()).extracting(ManagedPolicySpec::name)
                .containsExactlyElementsOf(IamMatrix.managedPolicies(config).stream().map(ManagedPolicySpec::name)
                        .toList());
        assertThat(IamMatrix.sizeProblems(config, matrix)).isEqualTo(IamMatrix.sizeProblems(config));
    }

    @Test
    void doesNotCreateTheIdpLambdaOrRetentionRoles() {
        List<String> names = IamMatrix.accountRoles(EXAMPLE).stream().map(RoleSpec::roleName).toList();

        assertThat(names).doesNotContain(RoleNames.IDP_LAMBDA, RoleNames.RETENTION_PERIOD_FUNCTION);
    }

    @Test
    void rolesTrustedBySalesforceRequireTheExternalIdOfTheConfig() {
        // GIVEN a configured external id
        TenantConfig config = TestTenants.withExternalId("acme-external-7");

        // WHEN
        Map<String, Trust> trust = IamMatrix.accountRoles(config).stream()
                .collect(java.util.stream.Collectors.toMap(RoleSpec::roleName, RoleSpec::trust));

        // THEN every role Salesforce assumes names its account and the external id
        Trust salesforce = new Trust.SalesforceAccount("793525387755", "acme-external-7");
        assertThat(trust).containsEntry("SCVProvisioningRole", salesforce)
                .containsEntry("SCVUpdateCredentialRole", salesforce)
                .containsEntry("SCVAmazonConnectManagementRole", salesforce)
                .containsEntry("SCVTenantBucketWriteAccessRole", salesforce);
        IamMatrix.contactCenterRoles(config, TestTenants.support()).stream()
                .filter(r -> !r.roleName().endsWith("-SAMLRole"))
                .forEach(r -> assertThat(r.trust()).as(r.roleName()).isEqualTo(salesforce));
    }

    @Test
    void externalIdDefaultsToTheOrgIdAndAccountToThePartitionsSalesforceAccount() {
        RoleSpec provisioning = IamMatrix.accountRole(TestTenants.gov(), RoleNames.PROVISIONING);

        assertThat(provisioning.trust()).isEqualTo(new Trust.SalesforceAccount("383319876315", TestTenants.ORG));
    }

    @Test
    void functionRolesAreTrustedByLambdaAndServiceRolesByTheirService() {
        Map<String, Trust> trust = IamMatrix.accountRoles(EXAMPLE).stream()
                .collect(java.util.stream.Collectors.toMap(RoleSpec::roleName, RoleSpec::trust));

        assertThat(trust.get("SCVCTRDataSyncFunctionRole")).isEqualTo(new Trust.Service("lambda.amazonaws.com"));
        assertThat(trust.get("SCVContactLensStreamingRoleResource"))
                .isEqualTo(new Trust.Service("connect.amazonaws.com", "111122223333", List.of(
                        "arn:aws:connect:*:*:instance/" + TestTenants.SUPPORT_INSTANCE,
                        "arn:aws:connect:*:*:instance/" + TestTenants.SALES_INSTANCE)));
        assertThat(trust.get("SCVTrailLogGroupRole")).isEqualTo(new Trust.Service("cloudtrail.amazonaws.com",
                "111122223333", List.of("arn:aws:cloudtrail:us-east-1:111122223333:trail/scvBYOACloudTrail")));
    }

    @Test
    void trailDeliveryRoleTrustsCloudTrailOnlyForTheScvTrailInGovCloudToo() {
        // GIVEN a GovCloud tenant WHEN its trail delivery role is built
        Trust trust = IamMatrix.accountRole(TestTenants.gov(), RoleNames.TRAIL_LOG_GROUP).trust();

        // THEN CloudTrail may assume it only for scvBYOACloudTrail in the partition's IAM region (no confused deputy)
        assertThat(trust).isEqualTo(new Trust.Service("cloudtrail.amazonaws.com", "111122223333",
                List.of("arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:trail/scvBYOACloudTrail")));
    }

    @Test
    void keepsScvsInlinePolicyNames() {
        assertThat(IamMatrix.accountRole(EXAMPLE, RoleNames.CTR_DATA_SYNC).inlinePolicyName())
                .isEqualTo("CTRDataSyncFunctionRolePolicy");
        assertThat(IamMatrix.accountRole(EXAMPLE, RoleNames.INVOKE_SALESFORCE_REST_API).inlinePolicyName())
                .isEqualTo("InvokeSalesforceRestApiFunctionRolePolicy");
    }

    @Test
    void everyRoleHasUniqueSidsInItsInlinePolicy() {
        for (RoleSpec role : IamMatrix.accountRoles(EXAMPLE)) {
            List<String> sids = role.inlineStatements().stream().map(Statement::sid).toList();
            assertThat(sids).as(role.roleName()).doesNotHaveDuplicates().doesNotContainNull();
        }
    }

    @Test
    void unknownRoleNameIsAClearError() {
        assertThatThrownBy(() -> IamMatrix.accountRole(EXAMPLE, "SCVNoSuchRole"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SCVNoSuchRole");
    }

    @Test
    void boundaryArnIsTheScvPolicyUnlessOneIsConfigured() {
        assertThat(IamMatrix.permissionBoundaryArn(EXAMPLE))
                .isEqualTo("arn:aws:iam::111122223333:policy/scv/SCVPermissionsBoundary");
        assertThat(IamMatrix.permissionBoundaryArn(TestTenants.gov()))
                .isEqualTo("arn:aws-us-gov:iam::111122223333:policy/scv/SCVPermissionsBoundary");
    }

    @Test
    void cloudTrailsDeliveryRoleAloneHasABoundaryOfItsOwnWhichIsExactlyItsGrants() {
        // GIVEN the example THEN the trail's delivery role, and no other, has a boundary of its own
        assertThat(IamMatrix.accountRoles(EXAMPLE)).filteredOn(role -> IamMatrix.hasOwnBoundary(role.roleName()))
                .extracting(RoleSpec::roleName).containsExactly(RoleNames.TRAIL_LOG_GROUP);
        // AND that boundary is the role's own statements: creating log streams and putting events in the trail's
        // log group
        assertThat(IamMatrix.trailDeliveryBoundary(EXAMPLE).statements())
                .isEqualTo(IamMatrix.accountRole(EXAMPLE, RoleNames.TRAIL_LOG_GROUP).inlineStatements());
        assertThat(IamMatrix.trailDeliveryBoundary(EXAMPLE).statements()).singleElement().satisfies(statement -> {
            assertThat(statement.actions()).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
            assertThat(statement.resources()).containsExactly(
                    "arn:aws:logs:us-east-1:111122223333:log-group:/scv/cloudtrail/scvBYOACloudTrail:*");
        });
    }

    @Test
    void envAgnosticTenantRendersWithTheAccountIdToken() {
        // GIVEN a config with no account id WHEN the CTR role's log statement is rendered
        RoleSpec ctr = IamMatrix.accountRole(TestTenants.envAgnostic(), RoleNames.CTR_DATA_SYNC);
        List<Map<String, Object>> json = PolicyJson.render(ctr.inlineStatements());

        // THEN the ARN is joined with AWS::AccountId instead of a literal account
        assertThat(PolicyJson.bySid(json, "WriteOwnLogs").get("Resource").toString()).contains("AWS::AccountId");
    }
}
