package dev.scvcdk.constructs.sync;

import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.lambda.IFunction;

/** Props of {@link StreamSync}. Immutable; build with {@link #builder()}. */
public final class StreamSyncProps {
    // the defaults, made once (each Duration is an object in the jsii runtime)
    private static final Duration DEFAULT_MAX_RECORD_AGE = Duration.days(1);
    private static final Duration DEFAULT_ITERATOR_AGE_THRESHOLD = Duration.minutes(15);
    private final IStream stream;
    private final IFunction target;
    private final FailureQueue failureQueue;
    private final Number batchSize;
    private final Number retryAttempts;
    private final Duration maxRecordAge;
    private final Duration iteratorAgeThreshold;
    private final IAlarmAction alarmAction;

    private StreamSyncProps(Builder b) {
        this.stream = Objects.requireNonNull(b.stream, "stream is required");
        this.target = Objects.requireNonNull(b.target, "target is required");
        this.failureQueue = Objects.requireNonNull(b.failureQueue, "failureQueue is required");
        this.batchSize = b.batchSize;
        this.retryAttempts = b.retryAttempts;
        this.maxRecordAge = b.maxRecordAge;
        this.iteratorAgeThreshold = b.iteratorAgeThreshold;
        this.alarmAction = b.alarmAction;
    }

    public static Builder builder() {
        return new Builder();
    }

    public IStream getStream() {
        return stream;
    }

    public IFunction getTarget() {
        return target;
    }

    public FailureQueue getFailureQueue() {
        return failureQueue;
    }

    public Number getBatchSize() {
        return batchSize;
    }

    public Number getRetryAttempts() {
        return retryAttempts;
    }

    public Duration getMaxRecordAge() {
        return maxRecordAge;
    }

    public Duration getIteratorAgeThreshold() {
        return iteratorAgeThreshold;
    }

    public IAlarmAction getAlarmAction() {
        return alarmAction;
    }

    /** Builder of {@link StreamSyncProps}. */
    public static final class Builder {
        private IStream stream;
        private IFunction target;
        private FailureQueue failureQueue;
        private Number batchSize = 100;
        private Number retryAttempts = 3;
        private Duration maxRecordAge = DEFAULT_MAX_RECORD_AGE;
        private Duration iteratorAgeThreshold = DEFAULT_ITERATOR_AGE_THRESHOLD;
        private IAlarmAction alarmAction;

        private Builder() {
        }

        /** Required: the Kinesis stream to read. */
        public Builder stream(IStream value) {
            this.stream = value;
            return this;
        }

        /** Required: the function (alias) that processes the records. */
        public Builder target(IFunction value) {
            this.target = value;
            return this;
        }

        /** Required: where batches that still fail after retries are recorded. */
        public Builder failureQueue(FailureQueue value) {
            this.failureQueue = value;
            return this;
        }

        /**
         * Records per invocation.
         *
         * @default 100 (SCV's setting)
         */
        public Builder batchSize(Number value) {
            this.batchSize = value;
            return this;
        }

        /**
         * Retries of a failing batch (after bisecting) before it goes to the failure queue.
         *
         * @default 3
         */
        public Builder retryAttempts(Number value) {
            this.retryAttempts = value;
            return this;
        }

        /**
         * Records older than this go to the failure queue instead of blocking the shard.
         *
         * @default Duration.days(1)
         */
        public Builder maxRecordAge(Duration value) {
            this.maxRecordAge = value;
            return this;
        }

        /**
         * Iterator age that raises the alarm (the sync is falling behind).
         *
         * @default Duration.minutes(15)
         */
        public Builder iteratorAgeThreshold(Duration value) {
            this.iteratorAgeThreshold = value;
            return this;
        }

        /**
         * Action of the iterator-age alarm.
         *
         * @default - the alarm has no action
         */
        public Builder alarmAction(IAlarmAction value) {
            this.alarmAction = value;
            return this;
        }

        public StreamSyncProps build() {
            return new StreamSyncProps(this);
        }
    }
}
