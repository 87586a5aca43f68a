package dev.scvcdk.constructs.sync;

import dev.scvcdk.constructs.testing.TestFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;

class FailureQueueTest {
    private final Stack stack = TestFixtures.stack();

    private FailureQueue queue() {
        return new FailureQueue(stack, "FailureQueue", FailureQueueProps.builder()
                .queueName("acmesupport-SCVFailureQueue")
                .encryptionKey(Key.Builder.create(stack, "QueueKey").build())
                .build());
    }

    @Test
    void queueIsEncryptedWithTheCustomerKeyKeptForFourteenDaysAndRetained() {
        queue();

        Template.fromStack(stack).hasResource("AWS::SQS::Queue", Map.of(
                "Properties", Map.of(
                        "QueueName", "acmesupport-SCVFailureQueue",
                        "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^QueueKey"), "Arn")),
                        "MessageRetentionPeriod", 1209600),
                "DeletionPolicy", "Retain"));
    }

    @Test
    void queueRefusesRequestsWithoutTls() {
        queue();

        Template.fromStack(stack).hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "sqs:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void alarmFiresAsSoonAsOneMessageWaits() {
        queue();

        Template.fromStack(stack).hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Namespace", "AWS/SQS",
                "Statistic", "Maximum",
                "Threshold", 0,
                "ComparisonOperator", "GreaterThanThreshold"));
    }

    @Test
    void eventBridgeMayUseTheQueueKeyOnlyForTheNamedRules() {
        FailureQueue queue = queue();

        queue.allowEventBridgeRules(List.of("arn:aws:events:us-west-2:111122223333:rule/acmesupport-ContactEventsRule"));

        Template.fromStack(stack).hasResourceProperties("AWS::KMS::Key", Map.of(
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Sid", "EventBridgeDeadLetters",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                        "Resource", "*",
                        "Condition", Map.of(
                                "ArnEquals", Map.of("aws:SourceArn", List.of(
                                        "arn:aws:events:us-west-2:111122223333:rule/acmesupport-ContactEventsRule")),
                                "StringEquals", Map.of("aws:SourceAccount", "111122223333"))))))));
    }
}
