package dev.scvcdk.constructs.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.constructs.identity.TestSamlMetadata;
import dev.scvcdk.constructs.testing.TestFixtures;
import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.constructs.iam.IamRender;
import dev.scvcdk.policies.PermissionBoundaryDocument;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.logs.LogRetention;
import software.amazon.awscdk.services.logs.RetentionDays;

class ScvAccountStackTest {
    /** Every account-level role of scv-reference.md that this project creates (not the IdP/retention ones). */
    private static final List<String> REFERENCE_ROLES = List.of(
            "SCVCTRDataSyncFunctionRole", "SCVContactDataSyncFunctionRole", "SCVPostCallAnalysisTriggerFunctionRole",
            "SCVInvokeTelephonyIntegrationApiFunctionRole", "SCVInvokeSalesforceRestApiFunctionRole",
            "SCVSSMLambdaExecutionRole", "SCVUpdateCredentialRole", "SCVKvsTranscriberRoleResource",
            "SCVKvsConsumerTriggerRole", "SCVContactLensConsumerFunctionRole", "SCVAmazonConnectManagementRole",
            "SCVConnectConfiguratorLambdaRole", "SCVContactLensStreamingRoleResource", "SCVTrailLogGroupRole",
            "SCVVoiceMailAudioProcessingRole", "SCVVoiceMailPackagingRole", "SCVVoiceMailTranscribeRole",
            "SCVRealtimeAlertRole", "SCVHandleContactEventsRole", "SCVProvisioningRole",
            "SCVTenantBucketWriteAccessRole", "SCVSecretConfiguratorLambdaRole");

    private static ScvAccountStack stack;
    private static Template template;

    static ScvAccountStackProps.Builder exampleProps() {
        return ScvAccountStackProps.builder().tenantConfig(ExampleTenant.config()).samlMetadataXml(TestSamlMetadata.xml());
    }

    @BeforeAll
    static void synthesizeExample() {
        stack = new ScvAccountStack(new App(), "ScvAccountStack", exampleProps().build());
        template = Template.fromStack(stack);
    }

    private static String logicalId(software.constructs.IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    private static Map<String, Map<String, Object>> roles() {
        return template.findResources("AWS::IAM::Role");
    }

    @Test
    void everyReferenceRoleExistsWithItsScvName() {
        List<String> names = roles().values().stream()
                .map(role -> String.valueOf(((Map<?, ?>) role.get("Properties")).get("RoleName")))
                .toList();

        assertThat(names).containsAll(REFERENCE_ROLES);
        assertThat(stack.getRoles()).containsOnlyKeys(REFERENCE_ROLES);
    }

    @Test
    void stackLivesInUsEast1OfTheConfiguredAccountUnderItsDefaultName() {
        assertThat(stack.getRegion()).isEqualTo("us-east-1");
        assertThat(stack.getAccount()).isEqualTo(ExampleTenant.ACCOUNT);
        assertThat(stack.getStackName()).isEqualTo("ScvAccountStack");
    }

    @Test
    void boundaryIsCreatedUnderScvPath() {
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "ManagedPolicyName", "SCVPermissionsBoundary",
                "Path", "/scv/"));
    }

    @Test
    void boundaryDocumentIsTheMatrixBoundaryWithTheAuditBucketDenied() {
        // GIVEN the matrix boundary and the denial of changes to the trail's bucket, whose name is CloudFormation's
        PolicyDocument document = IamRender.document(IamMatrix.permissionBoundary(ExampleTenant.config()));
        document.addStatements(IamRender.statement(PermissionBoundaryDocument.auditTrailBucketDenial("aws",
                stack.getAuditTrail().getBucket().getBucket().getBucketName())));

        // THEN the created boundary is exactly both
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "ManagedPolicyName", "SCVPermissionsBoundary",
                "PolicyDocument", stack.resolve(document)));
    }

    @Test
    void environmentAgnosticTenantSynthesizesWithAccountTokens() {
        // GIVEN a config without account id
        ScvAccountStack agnostic = new ScvAccountStack(new App(), "Agnostic", ScvAccountStackProps.builder()
                .tenantConfig(ExampleTenant.withAccount(null)).samlMetadataXml(TestSamlMetadata.xml()).build());

        // THEN the stack is pinned to us-east-1 only, and the roles still exist
        assertThat(agnostic.getRegion()).isEqualTo("us-east-1");
        assertThat(software.amazon.awscdk.Token.isUnresolved(agnostic.getAccount())).isTrue();
        Template template = Template.fromStack(agnostic);
        assertThat(template.findResources("AWS::IAM::Role",
                Map.of("Properties", Map.of("RoleName", "SCVProvisioningRole")))).hasSize(1);
        // AND every policy ARN naming the deploying account is substituted by CloudFormation
        assertThat(template.toJSON().toString()).contains("Fn::Sub");
        assertThat(TestFixtures.unsubstitutedPseudoParameters(template.toJSON())).isEmpty();
    }

    @Test
    void everyRoleButCloudTrailsDeliveryRoleCarriesTheCreatedBoundary() {
        Map<String, Object> boundaryRef = Map.of("Ref", logicalId(stack.getPermissionsBoundary()));
        String deliveryRole = logicalId(stack.getRole(RoleNames.TRAIL_LOG_GROUP));

        assertThat(roles()).isNotEmpty().allSatisfy((id, role) -> assertThat(role)
                .as(id).extracting("Properties").extracting("PermissionsBoundary")
                .isEqualTo(id.equals(deliveryRole) ? Map.of("Ref", logicalIdOfPolicyNamed(
                        ScvNames.TRAIL_DELIVERY_BOUNDARY_POLICY_NAME)) : boundaryRef));
    }

    @Test
    void cloudTrailsDeliveryRoleIsBoundedToDeliveringTheTrailsEvents() {
        // THEN its boundary allows exactly the role's own two calls on the trail's log group, under /scv/
        Map<String, Object> boundary = template.findResources("AWS::IAM::ManagedPolicy", Map.of("Properties",
                Map.of("ManagedPolicyName", ScvNames.TRAIL_DELIVERY_BOUNDARY_POLICY_NAME))).values().iterator().next();
        assertThat(boundary).extracting("Properties").extracting("Path").isEqualTo("/scv/");
        assertThat(boundary).extracting("Properties").extracting("PolicyDocument").extracting("Statement")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement()
                .satisfies(statement -> {
                    assertThat(statement).extracting("Effect").isEqualTo("Allow");
                    assertThat(statement).extracting("Action")
                            .isEqualTo(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
                    assertThat(statement.toString()).contains("log-group:/scv/cloudtrail/scvBYOACloudTrail:*");
                });
    }

    private String logicalIdOfPolicyNamed(String name) {
        return template.findResources("AWS::IAM::ManagedPolicy", Map.of("Properties",
                Map.of("ManagedPolicyName", name))).keySet().iterator().next();
    }

    @Test
    void rolesCdkCreatesLaterInTheStackAlsoCarryTheBoundary() {
        // GIVEN the example stack plus a construct that makes its own role (a log-retention function)
        ScvAccountStack extended = new ScvAccountStack(new App(), "Extended", exampleProps().build());
        LogRetention.Builder.create(extended, "Retention").logGroupName("/scv/extra")
                .retention(RetentionDays.ONE_YEAR).build();

        // THEN that role carries the boundary too
        Map<String, Map<String, Object>> cdkRoles = Template.fromStack(extended).findResources("AWS::IAM::Role",
                Map.of("Properties", Map.of("RoleName", Match.absent(), "PermissionsBoundary", Match.anyValue())));
        assertThat(cdkRoles).hasSize(1);
        assertThat(Template.fromStack(extended).findResources("AWS::IAM::Role",
                Map.of("Properties", Map.of("PermissionsBoundary", Match.absent())))).isEmpty();
    }

    @Test
    void configuredBoundaryIsUsedInsteadOfCreatingOne() {
        String existing = "arn:aws:iam::111122223333:policy/corp/CorpBoundary";
        ScvAccountStack custom = new ScvAccountStack(new App(), "Custom", ScvAccountStackProps.builder()
                .tenantConfig(ExampleTenant.withBoundary(existing)).samlMetadataXml(TestSamlMetadata.xml()).build());

        Template customTemplate = Template.fromStack(custom);
        // neither SCV boundary is created: the configured one bounds every role, CloudTrail's delivery role too
        for (String boundary : List.of(ScvNames.BOUNDARY_POLICY_NAME, ScvNames.TRAIL_DELIVERY_BOUNDARY_POLICY_NAME)) {
            assertThat(customTemplate.findResources("AWS::IAM::ManagedPolicy",
                    Map.of("Properties", Map.of("ManagedPolicyName", boundary)))).as(boundary).isEmpty();
        }
        assertThat(customTemplate.findResources("AWS::IAM::Role")).allSatisfy((id, role) -> assertThat(role)
                .as(id).extracting("Properties").extracting("PermissionsBoundary").isEqualTo(existing));
    }

    @Test
    void theSevenScvManagedPoliciesExistUnderScvPath() {
        List<String> expected = List.of("SCVSSMAccessPolicy", "SCVLambdaAccessPolicy", "SCVKMSAccessPolicy",
                "SCVKinesisDataStreamAccessPolicy", "SCVS3AccessPolicy", "SCVAmazonConnectAccessPolicy",
                "SCVSecretsManagerAccessPolicy");

        assertThat(stack.getManagedPolicies()).containsOnlyKeys(expected);
        expected.forEach(name -> template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "ManagedPolicyName", name, "Path", "/scv/")));
    }

    @Test
    void rolesTrustedBySalesforceRequireTheOrgIdAsExternalId() {
        // GIVEN the roles whose trust names an AWS account principal (Salesforce's)
        Map<String, Map<String, Object>> salesforceTrusted = template.findResources("AWS::IAM::Role", Map.of(
                "Properties", Map.of("AssumeRolePolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Principal", Map.of("AWS", Match.anyValue())))))))));

        // THEN there are some (provisioning, credentials, Connect management, tenant-bucket write)…
        assertThat(salesforceTrusted).hasSizeGreaterThanOrEqualTo(4);
        // …and each of their trust statements requires the external id
        salesforceTrusted.forEach((id, role) -> {
            Map<?, ?> trust = (Map<?, ?>) ((Map<?, ?>) role.get("Properties")).get("AssumeRolePolicyDocument");
            assertThat((List<?>) trust.get("Statement")).as(id).allSatisfy(statement -> assertThat(statement)
                    .extracting("Condition").isEqualTo(Map.of("StringEquals",
                            Map.of("sts:ExternalId", ExampleTenant.ORG_ID))));
        });
    }

    @Test
    void samlProviderIsNamedForTheOrg() {
        template.hasResourceProperties("AWS::IAM::SAMLProvider", Map.of(
                "Name", "SalesforceServiceVoiceIdp_" + ExampleTenant.ORG_ID));
    }

    @Test
    void auditTrailDeliversThroughScvTrailLogGroupRole() {
        template.hasResourceProperties("AWS::CloudTrail::Trail", Map.of(
                "TrailName", "scvBYOACloudTrail",
                "IsMultiRegionTrail", true,
                "CloudWatchLogsRoleArn", Map.of("Fn::GetAtt", List.of(
                        logicalId(stack.getRole("SCVTrailLogGroupRole")), "Arn"))));
        // Only SCVTrailLogGroupRole is trusted by CloudTrail: no second delivery role exists
        assertThat(template.findResources("AWS::IAM::Role", Map.of("Properties", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudtrail.amazonaws.com")))))))))).hasSize(1);
    }

    @Test
    void everyStatefulResourceAndTheTrailAreRetained() {
        for (String type : List.of("AWS::S3::Bucket", "AWS::KMS::Key", "AWS::Logs::LogGroup", "AWS::CloudTrail::Trail")) {
            Map<String, Map<String, Object>> all = template.findResources(type);
            assertThat(all).as(type).isNotEmpty();
            assertThat(template.findResources(type, Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain")))
                    .as(type).hasSameSizeAs(all);
        }
    }

    @Test
    void byDefaultTheTrailRecordsDataEventsOfEveryTenantBucketAndScvFunction() {
        // GIVEN the example tenant (two contact centers) without auditDataEvents
        // THEN the trail's data events name each tenant bucket's objects and each contact center's functions
        Object buckets = Map.of("Field", "resources.ARN", "StartsWith", List.of(
                "arn:aws:s3:::acmesupport-111122223333-us-west-2-scv/",
                "arn:aws:s3:::acmesales-111122223333-eu-west-2-scv/"));
        Object functions = Map.of("Field", "resources.ARN", "StartsWith", Match.arrayWith(List.of(
                "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-CTRDataSyncFunction",
                "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-kvsTranscriber",
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-InvokeTelephonyIntegrationApiFunction",
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-SecretConfiguratorFunction")));
        template.hasResourceProperties("AWS::CloudTrail::Trail", Map.of("AdvancedEventSelectors", Match.arrayWith(
                List.of(selectorWith(buckets), selectorWith(functions)))));
    }

    private static Object selectorWith(Object fieldSelector) {
        return Match.objectLike(Map.of("FieldSelectors", Match.arrayWith(List.of(fieldSelector))));
    }

    @Test
    void auditDataEventsFalseLeavesTheTrailWithManagementEventsOnly() {
        // GIVEN the example tenant with auditDataEvents false
        ScvAccountStack off = new ScvAccountStack(new App(), "Off", ScvAccountStackProps.builder()
                .tenantConfig(ExampleTenant.withAuditDataEvents(false)).samlMetadataXml(TestSamlMetadata.xml())
                .build());
        // THEN the trail has no event selectors: CloudTrail's default of all management events
        Map<String, Object> trail = Template.fromStack(off).findResources("AWS::CloudTrail::Trail").values()
                .iterator().next();
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) trail.get("Properties");
        assertThat(properties).containsKey("TrailName").doesNotContainKeys("AdvancedEventSelectors", "EventSelectors");
    }

    @Test
    void dataEventsBeyondCloudTrailsQuotaAreReportedBeforeSynthesis() {
        // GIVEN 27 contact centers with data events on: more selector values than CloudTrail allows
        assertThatThrownBy(() -> ScvAccountStackProps.builder().tenantConfig(ExampleTenant.withContactCenters(27))
                .samlMetadataXml(TestSamlMetadata.xml()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auditDataEvents is on (the default): the audit trail's data-event selectors "
                        + "need 518 values for 27 contact centers")
                .hasMessageContaining("CloudTrail allows at most 500 per trail");
    }

    @Test
    void outputsNameSamlProviderAndTrailBucket() {
        template.hasOutput("SamlProviderArn", Map.of("Value", Map.of("Ref", logicalId(
                stack.getSamlProvider().getProvider()))));
        template.hasOutput("AuditTrailBucketName", Map.of("Value", Map.of("Ref", logicalId(stack.getTrailBucket()))));
    }

    @Test
    void otherRegionIsRejectedNamingValueAndRule() {
        assertThatThrownBy(() -> exampleProps().env(Environment.builder().region("us-west-2").build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("env.region 'us-west-2'")
                .hasMessageContaining("must be deployed in us-east-1");
    }

    @Test
    void govCloudTenantDeploysToGovCloudIamRegionAndRejectsUsEast1() {
        // GIVEN a GovCloud tenant
        ScvAccountStackProps.Builder gov = ScvAccountStackProps.builder()
                .tenantConfig(ExampleTenant.govCloud()).samlMetadataXml(TestSamlMetadata.xml());

        // THEN its default region is GovCloud's IAM region, and the commercial one is refused
        assertThat(gov.build().env().getRegion()).isEqualTo("us-gov-west-1");
        assertThatThrownBy(() -> gov.env(Environment.builder().region("us-east-1").build()).build())
                .hasMessageContaining("env.region 'us-east-1'")
                .hasMessageContaining("must be deployed in us-gov-west-1")
                .hasMessageContaining("partition 'aws-us-gov'");
    }

    @Test
    void otherAccountThanConfiguredIsRejected() {
        assertThatThrownBy(() -> exampleProps().env(Environment.builder().account("444455556666").build()).build())
                .hasMessageContaining("env.account '444455556666'")
                .hasMessageContaining("accountId '111122223333'");
    }

    @Test
    void missingInputsAreReportedTogether() {
        assertThatThrownBy(() -> ScvAccountStackProps.builder().build())
                .hasMessageContaining("2 problems")
                .hasMessageContaining("tenantConfig is required")
                .hasMessageContaining("samlMetadata is required");
    }

    @Test
    void unknownRoleNameIsAnErrorListingTheRoles() {
        assertThatThrownBy(() -> stack.getRole("SCVIDPLambdaRole"))
                .hasMessageContaining("no role named 'SCVIDPLambdaRole'")
                .hasMessageContaining("SCVProvisioningRole");
    }
}
