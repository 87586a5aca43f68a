package dev.scvcdk.constructs.sync;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.interfaces.events.IRuleRef;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IEventSourceDlq;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Where everything a contact center fails to deliver lands: stream batches the sync gave up on,
 * asynchronous invocations that exhausted their retries, events EventBridge could not deliver.
 * Built from {@link SecureDefaults#queueProps}: KMS-encrypted with a customer key, TLS only, 14 days'
 * retention, retained, with an alarm as soon
 * as one message waits.
 */
public final class FailureQueue extends Construct {
    /** Made once (a Duration is an object in the jsii runtime). */
    private static final Duration DATA_KEY_REUSE = Duration.hours(1);
    private final Queue queue;
    private final IKey key;
    private final Alarm messagesAlarm;
    private final Set<String> deadLetterSids = new HashSet<>();

    public FailureQueue(Construct scope, String id, FailureQueueProps props) {
        super(scope, id);
        key = props.getEncryptionKey();
        queue = new Queue(this, "Resource", SecureDefaults.queueProps(key)
                .queueName(props.getQueueName())
                // fewer KMS calls; failures are rare and the key is the contact center's own
                .dataKeyReuse(DATA_KEY_REUSE)
                .build());

        messagesAlarm = Alarm.Builder.create(this, "MessagesAlarm")
                .alarmName(props.getQueueName() + "-MessagesWaiting")
                .alarmDescription("Failed SCV deliveries wait in " + props.getQueueName() + " for replay")
                .metric(queue.metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().period(SecureDefaults.ALARM_PERIOD).statistic("Maximum").build()))
                .threshold(0)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        if (props.getAlarmAction() != null) {
            messagesAlarm.addAlarmAction(props.getAlarmAction());
        }
    }

    public IQueue getQueue() {
        return queue;
    }

    public Alarm getMessagesAlarm() {
        return messagesAlarm;
    }

    /** On-failure destination of a stream event-source mapping. */
    public IEventSourceDlq asEventSourceDestination() {
        return new SqsDlq(queue);
    }

    /** On-failure destination of asynchronous invocations. */
    public SqsDestination asInvocationDestination() {
        return new SqsDestination(queue);
    }

    /**
     * Lets EventBridge put undeliverable events of these rules on the queue: the queue's key must
     * allow the events service for those rules only (the queue policy is added by each rule target,
     * {@link #allowDeadLettersOf}).
     */
    public void allowEventBridgeRules(List<String> ruleArns) {
        allowDeadLetters("EventBridgeDeadLetters", "events.amazonaws.com", ruleArns);
    }

    /**
     * Lets EventBridge send undeliverable events of this rule to the queue: a queue policy statement for
     * {@code events.amazonaws.com}, {@code sqs:SendMessage}, this rule's ARN only. Its Sid is
     * {@code <rule id>DeadLetters}, from the rule's construct id rather than its path, so the policy is the same
     * wherever the stack is composed; the rules sending to one queue therefore need distinct ids.
     */
    public void allowDeadLettersOf(IRuleRef rule) {
        String ruleId = rule.getNode().getId();
        if (!ruleId.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("rule construct id '" + ruleId + "' (" + rule.getNode().getPath()
                    + ") is invalid for a dead-letter statement: it names the Sid, which must be alphanumeric");
        }
        String sid = ruleId + "DeadLetters";
        if (!deadLetterSids.add(sid)) {
            throw new IllegalArgumentException("rule construct id '" + ruleId + "' (" + rule.getNode().getPath()
                    + ") is invalid for a dead-letter statement: another rule with that id already sends to "
                    + getNode().getPath() + " (the Sid " + sid + " must be unique in the queue policy)");
        }
        queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", CfnRule.arnForRule(rule))))
                .build());
    }

    /**
     * Lets SNS put messages it could not deliver from these topics on the queue: the queue's key must allow the SNS
     * service for those topics only (the queue policy is added by each subscription).
     */
    public void allowSnsTopics(List<String> topicArns) {
        allowDeadLetters("SnsDeadLetters", "sns.amazonaws.com", topicArns);
    }

    private void allowDeadLetters(String sid, String service, List<String> sourceArns) {
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(service)))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .conditions(new TreeMap<>(Map.of(
                        "ArnEquals", Map.of("aws:SourceArn", List.copyOf(sourceArns)),
                        "StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount()))))
                .build());
    }
}
