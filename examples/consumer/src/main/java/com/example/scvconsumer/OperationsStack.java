package com.example.scvconsumer;

import dev.scvcdk.constructs.alerts.AlarmTopic;
import dev.scvcdk.constructs.defaults.SecureDefaults;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/** The team's own stack: the encrypted topic its on-call subscribes to, which SCV's alarms notify too. */
public final class OperationsStack extends Stack {
    private final ITopic alarmTopic;

    public OperationsStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        Key key = new Key(this, "AlarmKey", SecureDefaults.keyProps("Helpdesk on-call alarm notifications").build());
        AlarmTopic.allowAlarmNotifications(key);
        alarmTopic = new AlarmTopic(this, "Alarms", "helpdesk-oncall-alarms", "Helpdesk on-call", key).getTopic();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(alarmTopic.getTopicArn()).build();
    }

    /** The on-call topic. */
    public ITopic getAlarmTopic() {
        return alarmTopic;
    }
}
