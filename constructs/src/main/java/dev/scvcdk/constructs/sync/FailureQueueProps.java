package dev.scvcdk.constructs.sync;

import java.util.Objects;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.kms.IKey;

/** Props of {@link FailureQueue}. Immutable; build with {@link #builder()}. */
public final class FailureQueueProps {
    private final String queueName;
    private final IKey encryptionKey;
    private final IAlarmAction alarmAction;

    private FailureQueueProps(Builder b) {
        this.queueName = Objects.requireNonNull(b.queueName, "queueName is required");
        this.encryptionKey = Objects.requireNonNull(b.encryptionKey, "encryptionKey is required");
        this.alarmAction = b.alarmAction;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getQueueName() {
        return queueName;
    }

    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    public IAlarmAction getAlarmAction() {
        return alarmAction;
    }

    /** Builder of {@link FailureQueueProps}. */
    public static final class Builder {
        private String queueName;
        private IKey encryptionKey;
        private IAlarmAction alarmAction;

        private Builder() {
        }

        /** Required: the queue name, e.g. {@code ScvNames.failureQueue(cc)}. */
        public Builder queueName(String value) {
            this.queueName = value;
            return this;
        }

        /** Required: the customer key that encrypts the queue. */
        public Builder encryptionKey(IKey value) {
            this.encryptionKey = value;
            return this;
        }

        /**
         * Action of the "messages waiting" alarm.
         *
         * @default - the alarm has no action
         */
        public Builder alarmAction(IAlarmAction value) {
            this.alarmAction = value;
            return this;
        }

        public FailureQueueProps build() {
            return new FailureQueueProps(this);
        }
    }
}
