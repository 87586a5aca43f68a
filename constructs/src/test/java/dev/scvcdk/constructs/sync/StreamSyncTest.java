package dev.scvcdk.constructs.sync;

import dev.scvcdk.constructs.testing.TestFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

class StreamSyncTest {
    private final Stack stack = TestFixtures.stack();

    private Template synth() {
        Function target = Function.Builder.create(stack, "Target")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(Code.fromInline("unused"))
                .build();
        FailureQueue queue = new FailureQueue(stack, "FailureQueue", FailureQueueProps.builder()
                .queueName("acmesupport-SCVFailureQueue")
                .encryptionKey(Key.Builder.create(stack, "QueueKey").build())
                .build());
        new StreamSync(stack, "CtrSync", StreamSyncProps.builder()
                .stream(Stream.Builder.create(stack, "Stream").build())
                .target(target)
                .failureQueue(queue)
                .build());
        return Template.fromStack(stack);
    }

    @Test
    void mappingReportsPartialFailuresBisectsRetriesBoundedlyAndSendsWhatFailsToTheQueue() {
        Template template = synth();

        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 100,
                "BisectBatchOnFunctionError", true,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "MaximumRetryAttempts", 3,
                "MaximumRecordAgeInSeconds", 86400,
                "ParallelizationFactor", 1,
                "StartingPosition", "TRIM_HORIZON",
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^FailureQueue"), "Arn"))))));
    }

    @Test
    void iteratorAgeAlarmWatchesTheTargetFunction() {
        Template template = synth();

        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "IteratorAge",
                "Namespace", "AWS/Lambda",
                "Statistic", "Maximum",
                "Threshold", 900000,
                "Dimensions", List.of(Map.of("Name", "FunctionName",
                        "Value", Map.of("Ref", Match.stringLikeRegexp("^Target"))))));
    }
}
