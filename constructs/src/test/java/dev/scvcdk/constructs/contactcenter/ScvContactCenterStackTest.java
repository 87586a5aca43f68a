package dev.scvcdk.constructs.contactcenter;

import dev.scvcdk.constructs.functions.LambdaCode;
import static dev.scvcdk.constructs.contactcenter.ContactCenterFixtures.INSTANCE_ARN;
import static dev.scvcdk.constructs.contactcenter.ContactCenterFixtures.SECRET_ARN;
import static dev.scvcdk.constructs.contactcenter.ContactCenterFixtures.support;
import static dev.scvcdk.constructs.testing.TestFixtures.actions;
import static dev.scvcdk.constructs.testing.TestFixtures.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.constructs.testing.TestFixtures;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.Features;
import dev.scvcdk.policies.config.TenantConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ScvContactCenterStackTest {
    private static final String TELEPHONY_ALIAS =
            "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-InvokeTelephonyIntegrationApiFunction:active";

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void jar() {
        jar = TestFixtures.jar(dir);
    }

    private Template synth() {
        return Template.fromStack(ContactCenterFixtures.stack(support(SECRET_ARN, null), jar));
    }

    /** The logical id of the function named {@code name}. */
    private static String functionId(Template template, String name) {
        return template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("FunctionName", name))).keySet().iterator().next();
    }

    private static String aliasId(Template template, String functionName) {
        String fn = functionId(template, functionName);
        return template.findResources("AWS::Lambda::Alias", Map.of("Properties", Map.of(
                "FunctionName", Map.of("Ref", fn), "Name", "active"))).keySet().iterator().next();
    }

    @Test
    void stackLivesInTheContactCentersRegionAndAccountWithItsNamedStackName() {
        ScvContactCenterStack stack = ContactCenterFixtures.stack(support(SECRET_ARN, null), jar);

        assertThat(stack.getRegion()).isEqualTo("us-west-2");
        assertThat(stack.getAccount()).isEqualTo("111122223333");
        assertThat(stack.getStackName()).isEqualTo("ScvContactCenter-acmesupport");
    }

    @Test
    void theDefaultStackNameOfACallCenterWithUnderscoresIsAValidCloudFormationName() {
        ContactCenterConfig underscored = new ContactCenterConfig("acme_support", "us-west-2",
                ContactCenterFixtures.INSTANCE_ID, "acme-support", "https://acme.my.salesforce.com",
                "https://acme.my.salesforce-scrt.com", "PRODUCTION", SECRET_ARN, null);

        String name = ScvContactCenterStackProps.builder()
                .tenantConfig(ContactCenterFixtures.tenant(underscored))
                .contactCenter(underscored)
                .lambdaCode(LambdaCode.fromJars(jar))
                .build()
                .getStackName();

        assertThat(name).isEqualTo("ScvContactCenter-acme-support").matches("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    }

    @Test
    void everyFunctionRunsItsHandlerOnJava21WithSnapStartAndItsImportedScvRole() {
        Template template = synth();

        Map<String, String[]> expected = Map.of(
                "acmesupport-InvokeTelephonyIntegrationApiFunction", new String[] {
                    "dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler::handleRequest",
                    "SCVInvokeTelephonyIntegrationApiFunctionRole"},
                "acmesupport-InvokeSalesforceRestApiFunction", new String[] {
                    "dev.scvcdk.lambdas.restapi.InvokeSalesforceRestApiHandler::handleRequest",
                    "SCVInvokeSalesforceRestApiFunctionRole"},
                "acmesupport-CTRDataSyncFunction", new String[] {
                    "dev.scvcdk.lambdas.ctrsync.CtrDataSyncHandler::handleRequest", "SCVCTRDataSyncFunctionRole"},
                "acmesupport-HandleContactEventsFunction", new String[] {
                    "dev.scvcdk.lambdas.contactevents.HandleContactEventsHandler::handleRequest",
                    "SCVHandleContactEventsRole"},
                "acmesupport-AuthKeysSSMUtilFunction", new String[] {
                    "dev.scvcdk.lambdas.authkeys.AuthKeysSsmUtilHandler::handleRequest", "SCVSSMLambdaExecutionRole"},
                "acmesupport-CustomSSMFunction", new String[] {
                    "dev.scvcdk.lambdas.customssm.CustomSsmHandler::handleRequest", "SCVSSMLambdaExecutionRole"});
        template.resourceCountIs("AWS::Lambda::Function", expected.size());
        expected.forEach((name, handlerAndRole) -> template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", name,
                "Handler", handlerAndRole[0],
                "Runtime", "java21",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "TracingConfig", Map.of("Mode", "Active"),
                "Role", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::111122223333:role/" + handlerAndRole[1]))))));
        template.resourceCountIs("AWS::Lambda::Alias", expected.size());
        template.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", "active"));
    }

    @Test
    void noKeepWarmRuleAndNoKvsConsumerTriggerWithoutATranscriber() {
        Template template = synth();

        template.resourceCountIs("AWS::Events::Rule", 1);
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("FunctionName", "acmesupport-kvsConsumerTrigger")))).isEmpty();
    }

    @Test
    void telephonyFunctionGetsExactlyScvsEnvironment() {
        synth().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "acmesupport-InvokeTelephonyIntegrationApiFunction",
                "Timeout", 8,
                "ReservedConcurrentExecutions", 100,
                "Environment", Map.of("Variables", Map.of(
                        "PRIVATE_KEY_PARAM_NAME", "acmesupport-scrt-jwt-auth-private-key",
                        "SALESFORCE_ORG_ID", "00D5g000004ExAm",
                        "SCRT_ENDPOINT_BASE", "https://acme.my.salesforce-scrt.com/telephony/v1",
                        "CALL_CENTER_API_NAME", "acmesupport",
                        "LOG_LEVEL", "INFO"))));
    }

    @Test
    void restApiFunctionGetsExactlyScvsEnvironment() {
        synth().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "acmesupport-InvokeSalesforceRestApiFunction",
                "Timeout", 30,
                "ReservedConcurrentExecutions", 50,
                "Environment", Map.of("Variables", Map.of(
                        "PRIVATE_KEY_PARAM_NAME", "acmesupport-salesforce-rest-api-auth-private-key",
                        "CONSUMER_KEY_PARAM_NAME", "acmesupport-salesforce-rest-api-auth-consumer-key",
                        "ACCESS_TOKEN_PARAM_NAME", "acmesupport-salesforce-rest-api-access-token",
                        "AUDIENCE", "acmesupport-salesforce-rest-api-audience",
                        "SUBJECT", "acmesupport-salesforce-rest-api-subject",
                        "SALESFORCE_REST_API_ENDPOINT_BASE", "https://acme.my.salesforce.com/services/data/v54.0",
                        "SALESFORCE_AUTH_ENDPOINT", "https://acme.my.salesforce.com/services/oauth2/token",
                        "LOG_LEVEL", "INFO"))));
    }

    @Test
    void ctrSyncAndContactEventsCallTheTelephonyAliasByArn() {
        Template template = synth();

        for (String name : List.of("acmesupport-CTRDataSyncFunction", "acmesupport-HandleContactEventsFunction")) {
            template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", name,
                    "Environment", Map.of("Variables", Map.of("INVOKE_TELEPHONY_INTEGRATION_API_ARN", TELEPHONY_ALIAS))));
        }
    }

    @Test
    void connectMayInvokeContactFlowAliasesOnlyFromThisInstanceAndAccount() {
        Template template = synth();

        for (String name : List.of("acmesupport-InvokeTelephonyIntegrationApiFunction",
                "acmesupport-InvokeSalesforceRestApiFunction")) {
            template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                    "Action", "lambda:InvokeFunction",
                    "FunctionName", Map.of("Ref", aliasId(template, name)),
                    "Principal", "connect.amazonaws.com",
                    "SourceArn", INSTANCE_ARN,
                    "SourceAccount", "111122223333"));
        }
        assertThat(template.findResources("AWS::Lambda::Permission", Map.of("Properties",
                Map.of("Principal", "connect.amazonaws.com")))).hasSize(2);
    }

    @Test
    void ctrStreamFeedsTheCtrSyncAliasWithFailureCapture() {
        ScvContactCenterStack stack = ContactCenterFixtures.stack(support(SECRET_ARN, null), jar);
        Template template = Template.fromStack(stack);
        Object ctrSyncAlias = stack.resolve(stack.getFunction(ScvNames.Function.CTR_DATA_SYNC).orElseThrow()
                .getAlias().getFunctionName());

        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "FunctionName", ctrSyncAlias,
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^StreamsCtrStream"), "Arn")),
                "BatchSize", 100,
                "BisectBatchOnFunctionError", true,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "MaximumRetryAttempts", 3,
                "MaximumRecordAgeInSeconds", 86400,
                "ParallelizationFactor", 1,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn"))))));
        template.hasResourceProperties("AWS::SQS::Queue", Map.of("QueueName", "acmesupport-SCVFailureQueue"));
    }

    @Test
    void contactEventsRuleSendsThisInstancesEventsToTheAliasWithDeadLetters() {
        Template template = synth();

        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "acmesupport-ContactEventsRule",
                "EventPattern", Map.of(
                        "source", List.of("aws.connect"),
                        "detail-type", List.of("Amazon Connect Contact Event"),
                        "detail", Map.of(
                                "eventType", List.of("DISCONNECTED", "CONTACT_DATA_UPDATED"),
                                "instanceArn", List.of(INSTANCE_ARN))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", aliasId(template, "acmesupport-HandleContactEventsFunction")),
                        "DeadLetterConfig", Map.of("Arn",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn"))),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 4, "MaximumEventAgeInSeconds", 7200))))));
    }

    @Test
    void asynchronousContactEventInvocationsThatFailLandInTheFailureQueue() {
        Template template = synth();

        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", functionId(template, "acmesupport-HandleContactEventsFunction")),
                "MaximumRetryAttempts", 2,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn"))))));
    }

    @Test
    void contactEventsFeatureOffLeavesOutTheFunctionAndTheRule() {
        Template template = Template.fromStack(ContactCenterFixtures.stack(
                support(SECRET_ARN, new Features(false, false, null, null, null, null, null)), jar));

        template.resourceCountIs("AWS::Events::Rule", 0);
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("FunctionName", "acmesupport-HandleContactEventsFunction")))).isEmpty();
    }

    @Test
    void kvsConsumerTriggerIsLeftOutUnlessRealtimeTranscriptionIsOn() {
        // GIVEN the default features WHEN synthesized THEN there is no kvsConsumerTrigger
        assertThat(synth().findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("FunctionName", "acmesupport-kvsConsumerTrigger")))).isEmpty();
    }

    @Test
    void realtimeTranscriptionDeploysKvsConsumerTriggerAimedAtTheTranscriberAliasAndCallableByConnect() {
        // GIVEN realtime transcription switched on
        Template template = Template.fromStack(ContactCenterFixtures.stack(
                support(SECRET_ARN, new Features(true, true, null, null, null, null, null)), jar));

        // THEN the trigger runs its handler and names SCV's transcriber by its active alias
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "acmesupport-kvsConsumerTrigger",
                "Handler", "dev.scvcdk.lambdas.kvstrigger.KvsConsumerTriggerHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("INVOKE_KVS_TRANSCRIBER_ARN",
                        "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-kvsTranscriber:active")))));
        // AND only this instance's contact flows may invoke it
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Principal", "connect.amazonaws.com",
                "FunctionName", Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("^KvsConsumerTrigger"))),
                "SourceAccount", "111122223333"));
    }

    @Test
    void alarmsWatchTheFailureQueueTheIteratorAgeAndEveryFunctionsErrors() {
        Template template = synth();

        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 0));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "IteratorAge"));
        assertThat(template.findResources("AWS::CloudWatch::Alarm", Map.of("Properties",
                Map.of("MetricName", "Errors")))).hasSize(6);
    }

    @Test
    void bucketKeyNamesTheRecordingRoleAndTheAnalysisReadersOfEnabledFeaturesOnlyThroughS3() {
        // GIVEN post-call analysis and transcript backfill on
        Template template = Template.fromStack(ContactCenterFixtures.stack(
                support(SECRET_ARN, new Features(null, null, null, true, null, true, null)), jar));

        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "DecryptViaS3",
                        "Principal", Map.of("AWS", List.of(
                                "arn:aws:iam::111122223333:role/SCVPostCallAnalysisTriggerFunctionRole",
                                "arn:aws:iam::111122223333:role/SCVContactDataSyncFunctionRole",
                                "arn:aws:iam::111122223333:role/acmesupport-SCVS3Role")),
                        "Condition", Map.of("StringEquals", Map.of(
                                "kms:ViaService", "s3.us-west-2.amazonaws.com",
                                "kms:CallerAccount", "111122223333")))))))));
    }

    @Test
    void functionsThatFailIntoTheQueueMayUseItsKeyOnlyThroughSqs() {
        synth().hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Map.of(
                        "Sid", "GenerateDataKeyDecryptViaSqs",
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", Match.arrayWith(List.of(
                                "arn:aws:iam::111122223333:role/SCVCTRDataSyncFunctionRole",
                                "arn:aws:iam::111122223333:role/SCVHandleContactEventsRole",
                                "arn:aws:iam::111122223333:role/SCVSSMLambdaExecutionRole"))),
                        "Action", List.of("kms:GenerateDataKey", "kms:Decrypt"),
                        "Resource", "*",
                        "Condition", Map.of("StringEquals", Map.of(
                                "kms:ViaService", "sqs.us-west-2.amazonaws.com",
                                "kms:CallerAccount", "111122223333"))))))));
    }

    @Test
    void everyAlarmNotifiesTheEncryptedAlarmTopicByDefault() {
        Template template = synth();

        String topicId = template.findResources("AWS::SNS::Topic", Map.of("Properties", Map.of(
                "TopicName", "acmesupport-ScvAlarms",
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^KeysPlatformKey"), "Arn")))))
                .keySet().iterator().next();
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(Map.of("Ref", topicId))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "CloudWatchAlarmsPublish",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", "sns:Publish")))))));
    }

    @Test
    void everyFunctionHasReservedConcurrencySoNoneCanRunAway() {
        Template template = synth();

        Map<String, Integer> expected = Map.of(
                "acmesupport-CTRDataSyncFunction", 2,
                "acmesupport-HandleContactEventsFunction", 10,
                "acmesupport-AuthKeysSSMUtilFunction", 2,
                "acmesupport-CustomSSMFunction", 5);
        expected.forEach((name, reserved) -> template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", name, "ReservedConcurrentExecutions", reserved)));
    }

    @Test
    void parametersAreSeededByCustomSsmLiteralsOnlyForNonSecretsAndSecretsByReference() {
        Template template = synth();

        template.resourceCountIs("Custom::ScvSecureParameter", 5);
        template.hasResourceProperties("Custom::ScvSecureParameter", Map.of(
                "ParameterName", "acmesupport-salesforce-rest-api-audience",
                "ValueFrom", "Literal",
                "Value", "https://login.salesforce.com/"));
        template.hasResourceProperties("Custom::ScvSecureParameter", Map.of(
                "ParameterName", "acmesupport-salesforce-rest-api-access-token",
                "ValueFrom", "Literal",
                "Value", ScvContactCenterStack.ACCESS_TOKEN_MARKER));
        for (String[] p : new String[][] {
                {"acmesupport-salesforce-rest-api-auth-private-key", "privateKey"},
                {"acmesupport-salesforce-rest-api-auth-consumer-key", "consumerKey"},
                {"acmesupport-salesforce-rest-api-subject", "subject"}}) {
            template.hasResourceProperties("Custom::ScvSecureParameter", Map.of(
                    "ServiceToken", Map.of("Ref", aliasId(template, "acmesupport-CustomSSMFunction")),
                    "ParameterName", p[0],
                    "ValueFrom", "SecretsManager",
                    "SecretId", SECRET_ARN,
                    "SecretJsonKey", p[1],
                    "Value", Match.absent()));
        }
        template.allResources("Custom::ScvSecureParameter", Map.of("DeletionPolicy", "Retain"));
    }

    @Test
    void scrtKeyPairIsGeneratedInAwsAndOnlyItsCertificateIsAnOutput() {
        Template template = synth();

        template.hasResourceProperties("Custom::ScvScrtKeyPair", Map.of(
                "ServiceToken", Map.of("Ref", aliasId(template, "acmesupport-AuthKeysSSMUtilFunction")),
                "Parameters", Map.of("RequestType", "GeneratePrivatePublicKeyPair",
                        "Details", Map.of("SSMParamName", "acmesupport-scrt-jwt-auth-private-key",
                                "OrganizationalUnitName", "acmesupport", "ExpiresIn", 365))));
        template.hasOutput("ScrtCertificate", Map.of("Value", Map.of("Fn::GetAtt",
                List.of(Match.stringLikeRegexp("^ScrtKeyPair"), "Certificate"))));
        String json = String.valueOf(template.toJSON());
        assertThat(json).doesNotContain("-----BEGIN").doesNotContain("PRIVATE KEY");
    }

    @Test
    void withoutAConfiguredSecretTheStackCreatesAnEmptyRetainedOneAndWaitsToSeedFromIt() {
        Template template = Template.fromStack(ContactCenterFixtures.stack(support(null, null), jar));

        template.hasResource("AWS::SecretsManager::Secret", Map.of(
                "Properties", Map.of(
                        "Name", "acmesupport-salesforce-credentials",
                        "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^KeysPlatformKey"), "Arn")),
                        "SecretString", Match.absent(),
                        "GenerateSecretString", Match.absent()),
                "DeletionPolicy", "Retain"));
        // only the two non-secret parameters until the operator fills the secret
        template.resourceCountIs("Custom::ScvSecureParameter", 2);
    }

    @Test
    void tenantBucketIsScvsNamedBucketUnderTheBucketKeyWithEventBridge() {
        Template template = synth();

        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", "acmesupport-111122223333-us-west-2-scv",
                "NotificationConfiguration", Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "LoggingConfiguration", Match.objectLike(Map.of()),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                        "ServerSideEncryptionByDefault", Map.of(
                                "SSEAlgorithm", "aws:kms",
                                "KMSMasterKeyID", Map.of("Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("^KeysBucketKey"), "Arn")))))))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void noKeyPolicyLetsTheAccountRootUseAKey() {
        Template template = synth();

        for (Map<String, Object> key : template.findResources("AWS::KMS::Key").values()) {
            Map<String, Object> policy = (Map<String, Object>) ((Map<String, Object>) key.get("Properties"))
                    .get("KeyPolicy");
            assertThat(statements(policy)).allSatisfy(s -> {
                assertThat(actions(s)).doesNotContain("kms:*");
                if (String.valueOf(s.get("Principal")).contains(":root")
                        && !String.valueOf(s.get("Condition")).contains("aws:PrincipalArn")) {
                    assertThat(actions(s)).noneMatch(a -> a.matches("kms:(Decrypt|Encrypt|GenerateDataKey|ReEncrypt).*"));
                }
            });
        }
    }

    @Test
    void theContactCentersRolesCarryTheBoundaryAndSalesforceMustPresentTheExternalId() {
        Template template = synth();

        for (String name : List.of("acmesupport-SAMLRole", "acmesupport-ConnectCallRole", "acmesupport-SCVS3Role")) {
            template.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", name,
                    "PermissionsBoundary", "arn:aws:iam::111122223333:policy/scv/SCVPermissionsBoundary"));
        }
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "acmesupport-ConnectCallRole",
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Condition", Map.of("StringEquals", Map.of("sts:ExternalId", "00D5g000004ExAm"))))))));
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "acmesupport-SAMLRole",
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Action", "sts:AssumeRoleWithSAML",
                        "Condition", Map.of("StringEquals",
                                Map.of("saml:aud", "https://signin.aws.amazon.com/saml"))))))));
    }

    @Test
    void everyRoleInTheStackIsBounded() {
        Template template = synth();

        template.allResourcesProperties("AWS::IAM::Role", Map.of("PermissionsBoundary", Match.anyValue()));
    }

    @Test
    void govCloudTenantGetsGovCloudArnsAndSamlAudience() {
        // GIVEN a GovCloud tenant
        ContactCenterConfig gov = new ContactCenterConfig("acmegov", "us-gov-west-1",
                ContactCenterFixtures.INSTANCE_ID, "acme-gov", "https://acme.my.salesforce.com",
                "https://acme.my.salesforce-scrt.com", "PRODUCTION",
                "arn:aws-us-gov:secretsmanager:us-gov-west-1:111122223333:secret:acmegov-salesforce-credentials-AbCdEf",
                null);
        TenantConfig tenant = new TenantConfig(ContactCenterFixtures.ACCOUNT, "aws-us-gov",
                ContactCenterFixtures.ORG_ID, null, null, null, "saml-metadata.example.xml", List.of(gov));

        // WHEN
        Template template = Template.fromStack(new ScvContactCenterStack(new App(), "Gov",
                ScvContactCenterStackProps.builder().tenantConfig(tenant).contactCenter(gov)
                        .lambdaCode(LambdaCode.fromJars(jar)).build()));

        // THEN Connect's permission and the SAML trust are GovCloud's
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "SourceArn", "arn:aws-us-gov:connect:us-gov-west-1:111122223333:instance/"
                        + ContactCenterFixtures.INSTANCE_ID));
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "acmegov-SAMLRole",
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Condition", Map.of("StringEquals",
                                Map.of("saml:aud", "https://signin.amazonaws-us-gov.com/saml"))))))));
    }

    @Test
    void environmentAgnosticTenantNamesResourcesWithTheDeployAccount() {
        ContactCenterConfig cc = support(SECRET_ARN, null);
        TenantConfig tenant = new TenantConfig(null, "aws", ContactCenterFixtures.ORG_ID, null, null, null,
                "saml-metadata.example.xml", List.of(cc));

        Template template = Template.fromStack(new ScvContactCenterStack(new App(), "Agnostic",
                ScvContactCenterStackProps.builder().tenantConfig(tenant).contactCenter(cc)
                        .lambdaCode(LambdaCode.fromJars(jar)).build()));

        template.hasResourceProperties("AWS::Kinesis::Stream", Map.of("Name", Map.of("Fn::Join", List.of("",
                List.of("acmesupport-", Map.of("Ref", "AWS::AccountId"), "-CTRStream")))));
        // AND the contact-center roles' policies and the boundary ARN name it through Fn::Sub, never as text
        assertThat(TestFixtures.unsubstitutedPseudoParameters(template.toJSON())).isEmpty();
        template.hasResourceProperties("AWS::IAM::Role", Map.of("PermissionsBoundary",
                Map.of("Fn::Sub", "arn:aws:iam::${AWS::AccountId}:policy/scv/SCVPermissionsBoundary")));
    }

    @Test
    void missingJarIsAClearError() {
        Path missing = dir.resolve("missing/scv-lambdas.jar");

        assertThatThrownBy(() -> ContactCenterFixtures.stack(support(SECRET_ARN, null), missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lambda jar " + missing + " does not exist: build it with "
                        + "`mvn -B -q package -DskipTests` (module lambdas), or use LambdaCode.fromClasspath() "
                        + "with the dependency dev.scvcdk:scv-lambda-code");
    }

    @Test
    void propsRejectAContactCenterThatIsNotInTheTenantConfigAndNameEveryProblem() {
        assertThatThrownBy(() -> ScvContactCenterStackProps.builder()
                .tenantConfig(ContactCenterFixtures.tenant(ContactCenterFixtures.sales()))
                .contactCenter(support(null, null))
                .restApiReservedConcurrency(0)
                .logLevel("VERBOSE")
                .stackName("Scv_Support")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid ScvContactCenterStack props (4 problems)")
                .hasMessageContaining("logLevel 'VERBOSE' must be one of [DEBUG, INFO, WARN, WARNING, ERROR]")
                .hasMessageContaining("stackName 'Scv_Support' is not a CloudFormation stack name: it must match "
                        + "^[A-Za-z][A-Za-z0-9-]{0,127}$")
                .hasMessageContaining("contactCenter 'acmesupport' must be one of the tenant config's contactCenters")
                .hasMessageContaining("restApiReservedConcurrency 0 must be at least 1");
    }
}
