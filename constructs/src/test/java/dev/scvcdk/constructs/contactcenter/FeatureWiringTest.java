package dev.scvcdk.constructs.contactcenter;

import static dev.scvcdk.constructs.contactcenter.ContactCenterFixtures.SECRET_ARN;
import static dev.scvcdk.constructs.contactcenter.ContactCenterFixtures.support;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.constructs.testing.TestFixtures;
import dev.scvcdk.policies.config.Features;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * How the optional features are wired, as CloudFormation reads the template: each function on its trigger, every
 * failure reaching the failure queue, and each service allowed to invoke only from its own source.
 */
class FeatureWiringTest {
    private static final String ACCOUNT = "111122223333";
    private static final String BUCKET = "acmesupport-111122223333-us-west-2-scv";

    @TempDir
    static Path dir;

    private static Template everything;

    @BeforeAll
    static void synthesizeEveryFeature() {
        everything = Template.fromStack(ContactCenterFixtures.stack(
                support(SECRET_ARN, new Features(true, true, true, true, true, true, true)), TestFixtures.jar(dir)));
    }

    private static String functionId(String name) {
        return everything.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("FunctionName", name))).keySet().iterator().next();
    }

    private static String aliasId(String functionName) {
        String function = functionId(functionName);
        return everything.findResources("AWS::Lambda::Alias", Map.of("Properties",
                Map.of("FunctionName", Map.of("Ref", function)))).keySet().iterator().next();
    }

    /** The event-source mapping whose target is {@code functionName}'s {@code active} alias. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mappingOf(String functionName) {
        String alias = aliasId(functionName);
        List<Map<String, Object>> found = everything.findResources("AWS::Lambda::EventSourceMapping").values()
                .stream()
                .map(resource -> (Map<String, Object>) resource.get("Properties"))
                .filter(properties -> properties.get("FunctionName").toString().contains("Ref=" + alias + "}")
                        && properties.get("FunctionName").toString().contains(":active"))
                .toList();
        assertThat(found).as("mappings of " + functionName + ":active").hasSize(1);
        return found.get(0);
    }

    @Test
    void givenNoOptionalFeatureNoneOfTheirFunctionsIsDeployed() {
        Template defaults = Template.fromStack(ContactCenterFixtures.stack(support(SECRET_ARN, null),
                TestFixtures.jar(dir)));

        for (String name : List.of("ContactLensConsumerFunction", "ContactLensProcessorFunction",
                "PostCallAnalysisTriggerFunction", "RealtimeAlert", "ContactDataSyncFunction",
                "VoiceMailAudioProcessingFunction", "VoiceMailTranscribeFunction", "VoiceMailPackagingFunction",
                "kvsTranscriber")) {
            assertThat(defaults.findResources("AWS::Lambda::Function", Map.of("Properties",
                    Map.of("FunctionName", "acmesupport-" + name)))).as(name).isEmpty();
        }
        defaults.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void theContactLensStreamFeedsTheConsumerAliasWithPartialFailuresBisectRetriesAndTheFailureQueue() {
        Map<String, Object> mapping = mappingOf("acmesupport-ContactLensConsumerFunction");

        assertThat(mapping.get("EventSourceArn").toString()).contains("StreamsContactLensStream");
        assertThat(mapping).containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
                .containsEntry("BisectBatchOnFunctionError", true)
                .containsEntry("MaximumRetryAttempts", 3)
                .containsEntry("StartingPosition", "TRIM_HORIZON");
        assertThat(mapping.get("DestinationConfig").toString()).contains("FailureQueue");
    }

    @Test
    void voicemailAudioProcessingReadsTheCtrStreamThroughItsOwnMappingBesideCtrDataSync() {
        Map<String, Object> voicemail = mappingOf("acmesupport-VoiceMailAudioProcessingFunction");
        Map<String, Object> ctrSync = mappingOf("acmesupport-CTRDataSyncFunction");

        assertThat(voicemail.get("EventSourceArn").toString()).contains("StreamsCtrStream");
        assertThat(ctrSync.get("EventSourceArn")).isEqualTo(voicemail.get("EventSourceArn"));
        assertThat(voicemail).containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
                .containsEntry("BisectBatchOnFunctionError", true);
        assertThat(voicemail.get("DestinationConfig").toString()).contains("FailureQueue");
    }

    @Test
    void eachBucketRuleMatchesOnlyObjectsCreatedUnderItsFunctionsPrefixAndDeadLettersToTheQueue() {
        Map<String, String> prefixes = Map.of(
                "acmesupport-PostCallAnalysisTriggerFunction", "Analysis/Voice/",
                "acmesupport-VoiceMailTranscribeFunction", "voicemail_recordings/",
                "acmesupport-VoiceMailPackagingFunction", "voicemail_transcripts/");
        prefixes.forEach((function, prefix) -> everything.hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventPattern", Map.of(
                        "source", List.of("aws.s3"),
                        "detail-type", List.of("Object Created"),
                        "detail", Map.of(
                                "bucket", Map.of("name", List.of(Match.anyValue())),
                                "object", Map.of("key", List.of(Map.of("prefix", prefix))))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", aliasId(function)),
                        "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn"))),
                        "RetryPolicy", Match.objectLike(Map.of("MaximumRetryAttempts", 4))))))));
    }

    @Test
    void everyServicePermissionNamesItsSourceArnAndThisAccount() {
        Map<String, Map<String, Object>> permissions = everything.findResources("AWS::Lambda::Permission");
        assertThat(permissions).isNotEmpty();
        permissions.forEach((id, permission) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) permission.get("Properties");
            assertThat(properties).as(id).containsKey("SourceArn").containsEntry("SourceAccount", ACCOUNT);
        });
    }

    @Test
    void kvsTranscriberIsNeverRetriedAndItsFailuresLandInTheQueue() {
        everything.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", functionId("acmesupport-kvsTranscriber")),
                "MaximumRetryAttempts", 0,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn"))))));
    }

    @Test
    void theContactLensProcessorsAsyncFailuresLandInTheQueueAfterLambdasTwoRetries() {
        everything.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", functionId("acmesupport-ContactLensProcessorFunction")),
                "MaximumRetryAttempts", 2,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn"))))));
    }

    @Test
    void theRealtimeAlertTopicIsEncryptedTlsOnlyAndSubscribesOnlyTheAlertAliasDeadLetteringToTheQueue() {
        everything.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "TopicName", "acmesupport-RealtimeAlertTopic",
                "KmsMasterKeyId", Match.anyValue()));
        everything.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
        Map<String, Map<String, Object>> subscriptions = everything.findResources("AWS::SNS::Subscription");
        assertThat(subscriptions).hasSize(1);
        everything.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "lambda",
                "Endpoint", Map.of("Ref", aliasId("acmesupport-RealtimeAlert")),
                "RedrivePolicy", Map.of("deadLetterTargetArn",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn")))));
    }

    @Test
    void scvsAlarmsNotifyTheRealtimeAlertTopic() {
        everything.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "SCV Connect acmesupport-ConcurrentCallsPercentage",
                "Namespace", "AWS/Connect",
                "MetricName", "ConcurrentCallsPercentage",
                "Threshold", 0.8,
                "EvaluationPeriods", 10,
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("^RealtimeAlertsTopic")))));
        everything.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Errors",
                "Threshold", 3,
                "Dimensions", List.of(Map.of("Name", "FunctionName",
                        "Value", Map.of("Ref", functionId("acmesupport-InvokeTelephonyIntegrationApiFunction")))),
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("^RealtimeAlertsTopic")))));
        everything.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Throttles",
                "Threshold", 5,
                "Dimensions", List.of(Map.of("Name", "FunctionName",
                        "Value", Map.of("Ref", functionId("acmesupport-kvsTranscriber"))))));
    }

    @Test
    void contactDataSyncReadsTheTenantBucketsRealNameFromItsEnvironment() {
        everything.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "acmesupport-ContactDataSyncFunction",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("TENANT_BUCKET_NAME", BUCKET)))));
    }

    @Test
    void mediaHandlersDeployTheMediaJarAndTheOthersTheSharedJar() {
        Object media = codeOf("acmesupport-kvsTranscriber");
        assertThat(codeOf("acmesupport-VoiceMailPackagingFunction")).isEqualTo(media);
        assertThat(codeOf("acmesupport-InvokeTelephonyIntegrationApiFunction")).isNotEqualTo(media)
                .isEqualTo(codeOf("acmesupport-ContactLensProcessorFunction"));
    }

    @SuppressWarnings("unchecked")
    private static Object codeOf(String functionName) {
        Map<String, Object> function = everything.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("FunctionName", functionName))).values().iterator().next();
        return ((Map<String, Object>) function.get("Properties")).get("Code");
    }
}
