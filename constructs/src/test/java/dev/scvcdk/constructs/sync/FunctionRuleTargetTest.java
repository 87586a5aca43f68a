package dev.scvcdk.constructs.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.constructs.testing.TestFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

class FunctionRuleTargetTest {
    private static final Map<String, Object> RULE_ARN = Map.of("Fn::GetAtt",
            List.of(Match.stringLikeRegexp("^ContactEventsRule"), "Arn"));

    /** A function, a failure queue and the rule {@code ContactEventsRule} invoking the function, in {@code scope}. */
    private static Rule ruleWithTarget(Construct scope) {
        Function function = Function.Builder.create(scope, "Handler")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(Code.fromInline("unused"))
                .build();
        FailureQueue queue = new FailureQueue(scope, "FailureQueue", FailureQueueProps.builder()
                .queueName("acmesupport-SCVFailureQueue")
                .encryptionKey(Key.Builder.create(scope, "QueueKey").build())
                .build());
        return Rule.Builder.create(scope, "ContactEventsRule")
                .schedule(Schedule.rate(Duration.hours(1)))
                .targets(List.of(new FunctionRuleTarget(FunctionRuleTargetProps.builder()
                        .function(function)
                        .failureQueue(queue)
                        .retryAttempts(4)
                        .maxEventAge(Duration.hours(2))
                        .build())))
                .build();
    }

    private static Stack stackIn(Construct scope) {
        return new Stack(scope, "ScvContactCenter-acmesupport", StackProps.builder()
                .env(Environment.builder().account(TestFixtures.ACCOUNT).region(TestFixtures.REGION).build())
                .build());
    }

    @Test
    void ruleInvokesTheFunctionRetryingWithinTheGivenLimitsThenDeadLettersToTheFailureQueue() {
        // GIVEN a rule with the target in a stack
        Stack stack = TestFixtures.stack();
        ruleWithTarget(stack);
        // WHEN it is synthesized
        Template template = Template.fromStack(stack);
        // THEN the rule's one target is the function, with the retry policy and the failure queue
        template.hasResourceProperties("AWS::Events::Rule", Map.of("Targets", List.of(Map.of(
                "Id", "Target0",
                "Arn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Handler"), "Arn")),
                "RetryPolicy", Map.of("MaximumRetryAttempts", 4, "MaximumEventAgeInSeconds", 7200),
                "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt",
                        List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn")))))));
    }

    @Test
    void onlyEventBridgeInvokingForThisRuleAndThisAccountMayInvokeTheFunction() {
        // GIVEN a rule with the target in a stack
        Stack stack = TestFixtures.stack();
        ruleWithTarget(stack);
        // WHEN it is synthesized
        Template template = Template.fromStack(stack);
        // THEN the one permission names the events service, the rule's ARN and the stack's account
        template.resourceCountIs("AWS::Lambda::Permission", 1);
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "FunctionName", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Handler"), "Arn")),
                "Principal", "events.amazonaws.com",
                "SourceArn", RULE_ARN,
                "SourceAccount", TestFixtures.ACCOUNT));
    }

    @Test
    void theFailureQueueAcceptsMessagesFromEventBridgeForThisRuleOnlyUnderASidNamedForTheRule() {
        // GIVEN a rule with the target in a stack
        Stack stack = TestFixtures.stack();
        ruleWithTarget(stack);
        // WHEN it is synthesized
        Template template = Template.fromStack(stack);
        // THEN the queue policy has the rule's statement
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Map.of(
                        "Sid", "ContactEventsRuleDeadLetters",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Action", "sqs:SendMessage",
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn")),
                        "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", RULE_ARN))))))));
    }

    @Test
    void theTemplateIsTheSameInAPipelineStageAsInAnApp() {
        // GIVEN the same stack, once directly in an app and once in a stage named Prod
        Stack inApp = stackIn(new App());
        ruleWithTarget(inApp);
        Stack inStage = stackIn(new Stage(new App(), "Prod"));
        ruleWithTarget(inStage);
        // WHEN both are synthesized
        Map<String, Object> app = Template.fromStack(inApp).toJSON();
        Map<String, Object> stage = Template.fromStack(inStage).toJSON();
        // THEN the templates are equal, with the permission under the rule's id
        assertThat(stage).isEqualTo(app);
        assertThat(Template.fromStack(inApp).findResources("AWS::Lambda::Permission").keySet())
                .singleElement().asString().startsWith("ContactEventsRuleInvokePermission");
    }

    @Test
    void aSecondFunctionTargetOnTheSameRuleIsRefused() {
        // GIVEN a rule with the target
        Stack stack = TestFixtures.stack();
        Rule rule = ruleWithTarget(stack);
        FunctionRuleTarget another = new FunctionRuleTarget(FunctionRuleTargetProps.builder()
                .function(Function.Builder.create(stack, "Other").runtime(Runtime.NODEJS_22_X)
                        .handler("index.handler").code(Code.fromInline("unused")).build())
                .failureQueue(new FailureQueue(stack, "OtherQueue", FailureQueueProps.builder()
                        .queueName("acmesupport-Other")
                        .encryptionKey(Key.Builder.create(stack, "OtherKey").build())
                        .build()))
                .build());
        // WHEN another function target is added THEN it is refused, naming the rule
        assertThatThrownBy(() -> rule.addTarget(another))
                .hasMessageContaining("Test/ContactEventsRule")
                .hasMessageContaining("one function target per rule");
    }

    @Test
    void retryAttemptsBeyondEventBridgesLimitAreRefused() {
        // WHEN the props ask for 186 retries THEN the error names the field, the value and the limit
        assertThatThrownBy(() -> FunctionRuleTargetProps.builder()
                .function(Function.Builder.create(TestFixtures.stack(), "Handler").runtime(Runtime.NODEJS_22_X)
                        .handler("index.handler").code(Code.fromInline("unused")).build())
                .failureQueue(queueIn(TestFixtures.stack()))
                .retryAttempts(186)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryAttempts 186 is invalid: EventBridge allows a whole number from 0 to 185");
    }

    @Test
    void aMaximumEventAgeUnderOneMinuteIsRefused() {
        // WHEN the props ask for 30 seconds THEN the error names the field, the value and the limits
        assertThatThrownBy(() -> FunctionRuleTargetProps.builder()
                .function(Function.Builder.create(TestFixtures.stack(), "Handler").runtime(Runtime.NODEJS_22_X)
                        .handler("index.handler").code(Code.fromInline("unused")).build())
                .failureQueue(queueIn(TestFixtures.stack()))
                .maxEventAge(Duration.seconds(30))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEventAge 30 seconds is invalid: EventBridge allows 1 minute to 24 hours");
    }

    private static FailureQueue queueIn(Stack stack) {
        return new FailureQueue(stack, "FailureQueue", FailureQueueProps.builder()
                .queueName("acmesupport-SCVFailureQueue")
                .encryptionKey(Key.Builder.create(stack, "QueueKey").build())
                .build());
    }
}
