package dev.scvcdk.constructs.alerts;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.constructs.Construct;

/**
 * SCV's real-time alerts: the {@code <cc>-RealtimeAlertTopic} (see {@link AlarmTopic}), the alarms SCV puts on it
 * — {@code SCV Connect <cc>-ConcurrentCallsPercentage} (≥ 0.8 for 10 minutes) and, per watched function,
 * {@code SCV Lambda <fn> Errors} (≥ 3 in a minute) and {@code … Throttles} (≥ 5) — and the handler's subscription.
 * Only the handler (the RealtimeAlert alias) is subscribed; SNS may invoke it only from this topic, and what SNS
 * cannot deliver lands in the dead-letter queue.
 */
public final class RealtimeAlerts extends Construct {
    /** Made once (a Duration is an object in the jsii runtime). */
    private static final Duration ONE_MINUTE = Duration.minutes(1);
    /** Topic names are {@code <cc>-RealtimeAlertTopic} (SCV's). */
    public static String topicName(String callCenterApiName) {
        return callCenterApiName + "-RealtimeAlertTopic";
    }

    static final double CONCURRENT_CALLS_THRESHOLD = 0.8;
    static final int ERRORS_THRESHOLD = 3;
    static final int THROTTLES_THRESHOLD = 5;

    private final AlarmTopic topic;

    public RealtimeAlerts(Construct scope, String id, RealtimeAlertsProps props) {
        super(scope, id);
        String cc = props.getCallCenterApiName();
        topic = new AlarmTopic(this, "Topic", topicName(cc), "SCV " + cc + " real-time alerts",
                props.getEncryptionKey());
        SnsAction toTopic = new SnsAction(topic.getTopic());

        Alarm concurrentCalls = Alarm.Builder.create(this, "ConcurrentCallsPercentageAlarm")
                .alarmName("SCV Connect " + cc + "-ConcurrentCallsPercentage")
                .alarmDescription("Concurrent calls of the Amazon Connect instance reached 80% of its quota")
                .metric(Metric.Builder.create()
                        .namespace("AWS/Connect")
                        .metricName("ConcurrentCallsPercentage")
                        .dimensionsMap(new TreeMap<>(Map.of("InstanceId", props.getConnectInstanceId(),
                                "MetricGroup", "VoiceCalls")))
                        .statistic("Maximum")
                        .period(ONE_MINUTE)
                        .build())
                .threshold(CONCURRENT_CALLS_THRESHOLD)
                .evaluationPeriods(10)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        concurrentCalls.addAlarmAction(toTopic);

        props.getWatchedFunctions().forEach((idPrefix, watched) -> {
            String name = watched.getFunctionName();
            alarm(idPrefix + "ErrorsAlert", "SCV Lambda " + name + " Errors",
                    watched.metricErrors(perMinute()), ERRORS_THRESHOLD).addAlarmAction(toTopic);
            alarm(idPrefix + "ThrottlesAlert", "SCV Lambda " + name + " Throttles",
                    watched.metricThrottles(perMinute()), THROTTLES_THRESHOLD).addAlarmAction(toTopic);
        });

        // Explicit rather than LambdaSubscription, which names its subscription after the topic's id ("Resource").
        Subscription subscription = Subscription.Builder.create(this, "Subscription")
                .topic(topic.getTopic())
                .protocol(SubscriptionProtocol.LAMBDA)
                .endpoint(props.getHandler().getFunctionArn())
                .deadLetterQueue(props.getDeadLetterQueue())
                .build();
        Validations.of(subscription).acknowledge(Acknowledgment.builder()
                .id("CloudFormation-Validate::W3694")
                .reason("The endpoint is the Ref of the function's 'active' alias, which is the alias's ARN: SNS "
                        + "invokes a qualified function ARN, and subscribing the alias (never $LATEST) is intended.")
                .build());
        props.getHandler().addPermission("RealtimeAlertTopicInvoke", Permission.builder()
                .principal(new ServicePrincipal("sns.amazonaws.com"))
                .action("lambda:InvokeFunction")
                .sourceArn(topic.getTopic().getTopicArn())
                .sourceAccount(Stack.of(this).getAccount())
                .build());
    }

    private Alarm alarm(String id, String name, software.amazon.awscdk.services.cloudwatch.IMetric metric,
            int threshold) {
        return Alarm.Builder.create(this, id)
                .alarmName(name)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private static MetricOptions perMinute() {
        return MetricOptions.builder().statistic("Sum").period(ONE_MINUTE).build();
    }

    /** {@code <cc>-RealtimeAlertTopic}. */
    public AlarmTopic getTopic() {
        return topic;
    }
}
