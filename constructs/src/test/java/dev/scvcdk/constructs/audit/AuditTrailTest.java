package dev.scvcdk.constructs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.IConstruct;

class AuditTrailTest {
    /** Two contact centers in two regions, like config/tenant.example.json. */
    static final TenantConfig TENANT = new TenantConfig("111122223333", "aws", "00D5g000004ExAm", null, null, null,
            "saml-metadata.example.xml", List.of(
                    new ContactCenterConfig("acmesupport", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70",
                            "acme-support", "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com",
                            "PRODUCTION", null, null),
                    new ContactCenterConfig("acmesales", "eu-west-2", "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7",
                            "acme-sales", "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com",
                            "SANDBOX", null, null)));

    /** Every SCV function name after {@code <cc>-}. */
    static final List<String> SCV_FUNCTIONS = List.of("InvokeTelephonyIntegrationApiFunction",
            "InvokeSalesforceRestApiFunction", "CTRDataSyncFunction", "HandleContactEventsFunction",
            "kvsConsumerTrigger", "kvsTranscriber", "AuthKeysSSMUtilFunction", "CustomSSMFunction",
            "ContactLensConsumerFunction", "ContactLensProcessorFunction", "PostCallAnalysisTriggerFunction",
            "ContactDataSyncFunction", "VoiceMailAudioProcessingFunction", "VoiceMailTranscribeFunction",
            "VoiceMailPackagingFunction", "RealtimeAlert", "ConnectConfiguratorFunction",
            "SecretConfiguratorFunction");

    private static final Map<String, Object> TRAIL_ARN = Map.of("Fn::Join", List.of("", List.of(
            "arn:", Map.of("Ref", "AWS::Partition"), ":cloudtrail:us-east-1:111122223333:trail/scvBYOACloudTrail")));

    private final Stack stack = new Stack(new App(), "Test", StackProps.builder()
            .env(Environment.builder().account("111122223333").region("us-east-1").build()).build());
    private final Role deliveryRole = Role.Builder.create(stack, "DeliveryRole").roleName("SCVTrailLogGroupRole")
            .assumedBy(new ServicePrincipal("cloudtrail.amazonaws.com")).build();
    private final AuditTrail audit = new AuditTrail(stack, "AuditTrail",
            AuditTrailProps.builder().logDeliveryRole(deliveryRole).tenantConfig(TENANT).build());
    private final Template template = Template.fromStack(stack);

    /** The function ARN prefixes of one contact center, in {@link #SCV_FUNCTIONS} order. */
    static Stream<String> functionPrefixes(String region, String callCenter) {
        return SCV_FUNCTIONS.stream()
                .map(name -> "arn:aws:lambda:" + region + ":111122223333:function:" + callCenter + "-" + name);
    }

    private String id(IConstruct construct) {
        IConstruct element = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
        return stack.getLogicalId((CfnElement) element);
    }

    @Test
    void trailCoversEveryRegionAndGlobalEventsWithValidatedLogFiles() {
        template.hasResourceProperties("AWS::CloudTrail::Trail", Map.of(
                "TrailName", "scvBYOACloudTrail",
                "IsLogging", true,
                "IsMultiRegionTrail", true,
                "IncludeGlobalServiceEvents", true,
                "EnableLogFileValidation", true,
                "KMSKeyId", Map.of("Fn::GetAtt", List.of(id(audit.getKey()), "Arn")),
                "S3BucketName", Map.of("Ref", id(audit.getBucket().getBucket()))));
    }

    @Test
    void trailDeliversToEncryptedLogGroupThroughScvRoleAndMakesNoRoleOfItsOwn() {
        template.hasResourceProperties("AWS::CloudTrail::Trail", Map.of(
                "CloudWatchLogsLogGroupArn", Map.of("Fn::GetAtt", List.of(id(audit.getLogGroup()), "Arn")),
                "CloudWatchLogsRoleArn", Map.of("Fn::GetAtt", List.of(id(deliveryRole), "Arn"))));
        assertThat(template.findResources("AWS::IAM::Role")).containsOnlyKeys(id(deliveryRole));
    }

    @Test
    void logGroupIsNamedEncryptedWithTrailKeyAndKeptAYear() {
        template.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of(
                        "LogGroupName", "/scv/cloudtrail/scvBYOACloudTrail",
                        "KmsKeyId", Map.of("Fn::GetAtt", List.of(id(audit.getKey()), "Arn")),
                        "RetentionInDays", 365),
                "DeletionPolicy", "Retain"));
    }

    @Test
    void keyRotatesAndLetsCloudTrailEncryptOnlyForThisTrail() {
        template.hasResourceProperties("AWS::KMS::Key", Map.of(
                "EnableKeyRotation", true,
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudtrail.amazonaws.com"),
                        "Action", "kms:GenerateDataKey*",
                        "Condition", Map.of(
                                "StringEquals", Map.of("aws:SourceArn", TRAIL_ARN),
                                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn", TRAIL_ARN)))))))));
    }

    @Test
    void keyLetsTheAccountAdministerItAndDecryptOnlyThisTrailsLogFiles() {
        // GIVEN the audit trail WHEN its key policy is read
        List<Map<String, Object>> rootStatements = keyStatements().stream()
                .filter(s -> String.valueOf(s.get("Principal")).contains(":root"))
                .toList();

        // THEN the account root never gets kms:*: only administration, and Decrypt bound to this trail's logs
        assertThat(rootStatements).extracting(s -> s.get("Sid"))
                .containsExactlyInAnyOrder("AccountAdministersKeyOnly", "AccountDecryptsLogFilesOfThisTrail");
        assertThat(rootStatements).allSatisfy(s -> assertThat(String.valueOf(s.get("Action"))).doesNotContain("kms:*"));
        Map<String, Object> decrypt = rootStatements.stream()
                .filter(s -> "AccountDecryptsLogFilesOfThisTrail".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertThat(decrypt.get("Action")).isEqualTo("kms:Decrypt");
        assertThat(decrypt.get("Condition")).isEqualTo(Map.of(
                "StringEquals", Map.of("kms:CallerAccount", "111122223333"),
                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn", TRAIL_ARN)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> keyStatements() {
        Map<String, Object> key = (Map<String, Object>) template.findResources("AWS::KMS::Key").values().iterator().next();
        Map<String, Object> policy = (Map<String, Object>) ((Map<String, Object>) key.get("Properties")).get("KeyPolicy");
        return (List<Map<String, Object>>) policy.get("Statement");
    }

    @Test
    void keyLetsCloudWatchLogsUseItOnlyForTheTrailLogGroup() {
        Map<String, Object> logGroupArn = Map.of("Fn::Join", List.of("", List.of("arn:",
                Map.of("Ref", "AWS::Partition"), ":logs:us-east-1:111122223333:log-group:/scv/cloudtrail/scvBYOACloudTrail")));
        Map<String, Object> statement = Map.of(
                "Principal", Map.of("Service", "logs.us-east-1.amazonaws.com"),
                "Condition", Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn", logGroupArn)));

        template.hasResourceProperties("AWS::KMS::Key", Map.of(
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(statement))))));
    }

    @Test
    void bucketLetsCloudTrailWriteOnlyThisTrailsLogsOfThisAccount() {
        String bucket = id(audit.getBucket().getBucket());
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", bucket),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of(
                                "Action", "s3:GetBucketAcl",
                                "Principal", Map.of("Service", "cloudtrail.amazonaws.com"),
                                "Condition", Map.of("StringEquals", Map.of("aws:SourceArn", TRAIL_ARN)))),
                        Match.objectLike(Map.of(
                                "Action", "s3:PutObject",
                                "Principal", Map.of("Service", "cloudtrail.amazonaws.com"),
                                "Resource", Map.of("Fn::Join", List.of("", List.of(
                                        Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/AWSLogs/111122223333/*"))),
                                "Condition", Map.of("StringEquals", Map.of(
                                        "aws:SourceArn", TRAIL_ARN,
                                        "s3:x-amz-acl", "bucket-owner-full-control")))))))));
        // No other CloudTrail grant exists (the L2's unconditioned grants are not used)
        assertThat(template.toJSON().toString()).containsOnlyOnce("s3:GetBucketAcl");
    }

    @Test
    void trailBucketIsSecureAndLogsItsAccess() {
        Map<String, Object> kmsWithTrailKey = Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                "BucketKeyEnabled", true,
                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                        "KMSMasterKeyID", Map.of("Fn::GetAtt", List.of(id(audit.getKey()), "Arn"))))));

        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "LoggingConfiguration", Map.of("DestinationBucketName",
                        Map.of("Ref", id(audit.getBucket().getAccessLogsBucket()))),
                "PublicAccessBlockConfiguration", Match.objectLike(Map.of("BlockPublicPolicy", true)),
                "LifecycleConfiguration", Match.anyValue(),
                "BucketEncryption", kmsWithTrailKey));
    }

    @Test
    void trailIsCreatedAfterBucketPolicyAndDeliveryRole() {
        template.hasResource("AWS::CloudTrail::Trail", Map.of("DependsOn", Match.arrayWith(List.of(
                id(audit.getBucket().getBucket().getPolicy()), id(deliveryRole)))));
    }

    @Test
    void everyStatefulResourceAndTheTrailAreRetained() {
        Map<String, Object> retained = Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain");
        assertThat(template.findResources("AWS::S3::Bucket", retained)).hasSize(2);
        assertThat(template.findResources("AWS::KMS::Key", retained)).hasSize(1);
        assertThat(template.findResources("AWS::Logs::LogGroup", retained)).hasSize(1);
        assertThat(template.findResources("AWS::CloudTrail::Trail", retained)).hasSize(1);
    }

    @Test
    void byDefaultTheTrailRecordsManagementEventsAndTheTenantsDataEventsByExactPrefix() {
        // GIVEN the trail of a tenant with two contact centers, data events left at their default
        // THEN management events stay on, and data events name exactly each tenant bucket's objects
        // and each SCV function of each contact center
        List<String> functions = Stream.concat(functionPrefixes("us-west-2", "acmesupport"),
                functionPrefixes("eu-west-2", "acmesales")).toList();
        template.hasResourceProperties("AWS::CloudTrail::Trail", Map.of("AdvancedEventSelectors", List.of(
                Map.of("Name", "Management events", "FieldSelectors", List.of(
                        Map.of("Field", "eventCategory", "Equals", List.of("Management")))),
                Map.of("Name", "Tenant bucket objects", "FieldSelectors", List.of(
                        Map.of("Field", "eventCategory", "Equals", List.of("Data")),
                        Map.of("Field", "resources.type", "Equals", List.of("AWS::S3::Object")),
                        Map.of("Field", "resources.ARN", "StartsWith", List.of(
                                "arn:aws:s3:::acmesupport-111122223333-us-west-2-scv/",
                                "arn:aws:s3:::acmesales-111122223333-eu-west-2-scv/")))),
                Map.of("Name", "SCV function invocations", "FieldSelectors", List.of(
                        Map.of("Field", "eventCategory", "Equals", List.of("Data")),
                        Map.of("Field", "resources.type", "Equals", List.of("AWS::Lambda::Function")),
                        Map.of("Field", "resources.ARN", "StartsWith", functions))))));
    }

    @Test
    void withDataEventsOffTheTrailHasNoEventSelectors() {
        // GIVEN the trail with data events off
        Stack other = new Stack(new App(), "Off", StackProps.builder()
                .env(Environment.builder().account("111122223333").region("us-east-1").build()).build());
        Role role = Role.Builder.create(other, "DeliveryRole")
                .assumedBy(new ServicePrincipal("cloudtrail.amazonaws.com")).build();
        new AuditTrail(other, "AuditTrail", AuditTrailProps.builder()
                .logDeliveryRole(role).tenantConfig(TENANT).dataEvents(false).build());
        // THEN it has no selectors: CloudTrail's default, all management events and no data events
        assertThat(trailProperties(Template.fromStack(other)))
                .containsKey("TrailName")
                .doesNotContainKeys("AdvancedEventSelectors", "EventSelectors");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trailProperties(Template template) {
        Map<String, Object> trail = template.findResources("AWS::CloudTrail::Trail").values().iterator().next();
        return (Map<String, Object>) trail.get("Properties");
    }

    @Test
    void dataEventsNeedTheTenantConfig() {
        assertThatThrownBy(() -> AuditTrailProps.builder().logDeliveryRole(deliveryRole).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("tenantConfig is required while dataEvents is on");
    }

    @Test
    void dataEventsBeyondCloudTrailsQuotaAreRejectedWhenThePropsAreBuilt() {
        assertThatThrownBy(() -> AuditTrailProps.builder().logDeliveryRole(deliveryRole)
                .tenantConfig(TenantDataEventsTest.tenantWith(27)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid AuditTrailProps: auditDataEvents is on")
                .hasMessageContaining("CloudTrail allows at most 500 per trail");
    }

    @Test
    void withDataEventsOffTheTenantConfigMayBeLeftOut() {
        assertThat(AuditTrailProps.builder().logDeliveryRole(deliveryRole).dataEvents(false).build().dataEvents())
                .isFalse();
    }

    @Test
    void deliveryRoleIsRequired() {
        assertThatThrownBy(() -> AuditTrailProps.builder().build())
                .hasMessageContaining("logDeliveryRole is required");
    }
}
