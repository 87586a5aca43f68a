package dev.scvcdk.constructs.sync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.constructs.testing.TestFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
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

    @Test
    void twoRulesWithTheSameIdCannotDeadLetterToOneQueue() {
        // GIVEN a queue already accepting dead letters of a rule with id ContactEventsRule
        FailureQueue queue = queue();
        queue.allowDeadLettersOf(Rule.Builder.create(stack, "ContactEventsRule")
                .schedule(Schedule.rate(Duration.hours(1))).build());
        Rule sameId = Rule.Builder.create(new software.constructs.Construct(stack, "Other"), "ContactEventsRule")
                .schedule(Schedule.rate(Duration.hours(1))).build();
        // WHEN another rule with that id asks THEN it is refused: the Sid would repeat
        assertThatThrownBy(() -> queue.allowDeadLettersOf(sameId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule construct id 'ContactEventsRule' (Test/Other/ContactEventsRule)")
                .hasMessageContaining("the Sid ContactEventsRuleDeadLetters must be unique in the queue policy");
    }

    @Test
    void aRuleIdThatIsNotAlphanumericCannotNameADeadLetterStatement() {
        // GIVEN a rule whose construct id has a hyphen
        FailureQueue queue = queue();
        Rule rule = Rule.Builder.create(stack, "Contact-Events").schedule(Schedule.rate(Duration.hours(1))).build();
        // WHEN it asks for dead letters THEN it is refused, naming the id and the rule
        assertThatThrownBy(() -> queue.allowDeadLettersOf(rule))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule construct id 'Contact-Events'")
                .hasMessageContaining("must be alphanumeric");
    }
}
