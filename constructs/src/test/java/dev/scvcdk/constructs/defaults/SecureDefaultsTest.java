package dev.scvcdk.constructs.defaults;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;

class SecureDefaultsTest {
    private final Stack stack = new Stack(new App(), "Test", StackProps.builder()
            .env(Environment.builder().account("111122223333").region("us-east-1").build()).build());
    private final Key key = new Key(stack, "Key", SecureDefaults.keyProps("test key").build());

    @Test
    void keyRotatesAndIsRetained() {
        Template.fromStack(stack).hasResource("AWS::KMS::Key", Map.of(
                "Properties", Map.of("EnableKeyRotation", true, "Description", "test key",
                        "KeyPolicy", Match.anyValue()),
                "DeletionPolicy", "Retain"));
    }

    @Test
    void logGroupIsKmsEncryptedKeptAYearAndRetained() {
        new LogGroup(stack, "Logs", SecureDefaults.logGroupProps(key).logGroupName("/scv/test").build());

        Template.fromStack(stack).hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of(
                        "LogGroupName", "/scv/test",
                        "RetentionInDays", 365,
                        "KmsKeyId", Map.of("Fn::GetAtt", List.of(stack.getLogicalId(
                                (software.amazon.awscdk.CfnElement) key.getNode().getDefaultChild()), "Arn"))),
                "DeletionPolicy", "Retain"));
    }

    @Test
    void queueIsKmsEncryptedTlsOnlyKeepsFourteenDaysAndIsRetained() {
        Queue queue = new Queue(stack, "Queue", SecureDefaults.queueProps(key).build());

        Template template = Template.fromStack(stack);
        template.hasResource("AWS::SQS::Queue", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "MessageRetentionPeriod", 1_209_600,
                        "KmsMasterKeyId", Match.anyValue())),
                "DeletionPolicy", "Retain"));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void cloudWatchLogsMayUseKeyOnlyForTheNamedLogGroup() {
        key.addToResourcePolicy(SecureDefaults.cloudWatchLogsKeyStatement(stack, "/scv/test"));

        Template.fromStack(stack).hasResourceProperties("AWS::KMS::Key", Map.of(
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "logs.us-east-1.amazonaws.com"),
                        "Condition", Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":logs:us-east-1:111122223333:log-group:/scv/test"))))))))))));
    }
}
