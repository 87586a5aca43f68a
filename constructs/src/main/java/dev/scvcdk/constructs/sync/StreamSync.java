package dev.scvcdk.constructs.sync;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.constructs.Construct;

/**
 * A Kinesis stream feeding a function without ever dropping a record silently: the handler reports
 * partial batch failures, a failing batch is bisected and retried a bounded number of times, records
 * past their maximum age are skipped rather than blocking the shard, and whatever is given up on is
 * recorded in the failure queue (shard and sequence numbers, for replay while the stream still holds
 * the records). One shard is processed in order (parallelization 1), and an alarm fires when the sync
 * falls behind.
 */
public final class StreamSync extends Construct {
    private final EventSourceMapping mapping;
    private final Alarm iteratorAgeAlarm;

    public StreamSync(Construct scope, String id, StreamSyncProps props) {
        super(scope, id);
        mapping = EventSourceMapping.Builder.create(this, "Resource")
                .target(props.getTarget())
                .eventSourceArn(props.getStream().getStreamArn())
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(props.getBatchSize())
                .bisectBatchOnError(true)
                .reportBatchItemFailures(true)
                .retryAttempts(props.getRetryAttempts())
                .maxRecordAge(props.getMaxRecordAge())
                .parallelizationFactor(1)
                .onFailure(props.getFailureQueue().asEventSourceDestination())
                .build();

        iteratorAgeAlarm = Alarm.Builder.create(this, "IteratorAgeAlarm")
                .alarmDescription("Records wait too long on the stream before being synced")
                .metric(props.getTarget().metric("IteratorAge", MetricOptions.builder()
                        .statistic("Maximum")
                        .period(SecureDefaults.ALARM_PERIOD)
                        .build()))
                .threshold(props.getIteratorAgeThreshold().toMilliseconds())
                .evaluationPeriods(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        if (props.getAlarmAction() != null) {
            iteratorAgeAlarm.addAlarmAction(props.getAlarmAction());
        }
    }

    public EventSourceMapping getMapping() {
        return mapping;
    }

    public Alarm getIteratorAgeAlarm() {
        return iteratorAgeAlarm;
    }
}
