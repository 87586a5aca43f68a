package dev.scvcdk.constructs.alerts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * An SNS topic for CloudWatch alarms: encrypted with the given key, TLS only, and only this account's alarms may
 * publish to it. The key must let CloudWatch encrypt for them: {@link #allowAlarmNotifications(IKey)}, once per key.
 */
public final class AlarmTopic extends Construct {
    private final Topic topic;

    /**
     * @param topicName   the topic's name
     * @param displayName shown in e-mail notifications
     * @param key         the customer-managed key encrypting the messages
     */
    public AlarmTopic(Construct scope, String id, String topicName, String displayName, IKey key) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Resource")
                .topicName(topicName)
                .displayName(displayName)
                .masterKey(key)
                .enforceSsl(true)
                .build();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsPublish")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(fromThisAccountsAlarms(Stack.of(this)))
                .build());
    }

    /** CloudWatch may use {@code key} to encrypt notifications of this account's alarms, and for nothing else. */
    public static void allowAlarmNotifications(IKey key) {
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsEncryptNotifications")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(fromThisAccountsAlarms(Stack.of(key)))
                .build());
    }

    private static Map<String, Object> fromThisAccountsAlarms(Stack stack) {
        return new TreeMap<>(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                "ArnLike", Map.of("aws:SourceArn", stack.formatArn(ArnComponents.builder()
                        .service("cloudwatch").resource("alarm").resourceName("*")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))));
    }

    public Topic getTopic() {
        return topic;
    }
}
