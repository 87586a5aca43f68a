package dev.scvcdk.constructs.alerts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/** Props of {@link RealtimeAlerts}. Immutable; build with {@link #builder()}. */
public final class RealtimeAlertsProps {
    private final String callCenterApiName;
    private final String connectInstanceId;
    private final IKey encryptionKey;
    private final IFunction handler;
    private final Map<String, IFunction> watchedFunctions;
    private final IQueue deadLetterQueue;

    private RealtimeAlertsProps(Builder b) {
        this.callCenterApiName = b.callCenterApiName;
        this.connectInstanceId = b.connectInstanceId;
        this.encryptionKey = b.encryptionKey;
        this.handler = b.handler;
        this.watchedFunctions = Collections.unmodifiableMap(new LinkedHashMap<>(b.watchedFunctions));
        this.deadLetterQueue = b.deadLetterQueue;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getCallCenterApiName() {
        return callCenterApiName;
    }

    public String getConnectInstanceId() {
        return connectInstanceId;
    }

    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    public IFunction getHandler() {
        return handler;
    }

    public Map<String, IFunction> getWatchedFunctions() {
        return watchedFunctions;
    }

    public IQueue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /** Builder of {@link RealtimeAlertsProps}. */
    public static final class Builder {
        private String callCenterApiName;
        private String connectInstanceId;
        private IKey encryptionKey;
        private IFunction handler;
        private Map<String, IFunction> watchedFunctions = Map.of();
        private IQueue deadLetterQueue;

        private Builder() {
        }

        /** Required: names the topic ({@code <cc>-RealtimeAlertTopic}) and the concurrent-calls alarm. */
        public Builder callCenterApiName(String value) {
            this.callCenterApiName = value;
            return this;
        }

        /** Required: the Amazon Connect instance whose concurrent calls are watched. */
        public Builder connectInstanceId(String value) {
            this.connectInstanceId = value;
            return this;
        }

        /** Required: the customer-managed key encrypting the topic (CloudWatch must be allowed to use it). */
        public Builder encryptionKey(IKey value) {
            this.encryptionKey = value;
            return this;
        }

        /** Required: what the topic delivers to — the RealtimeAlert function's {@code active} alias. */
        public Builder handler(IFunction value) {
            this.handler = value;
            return this;
        }

        /**
         * Functions whose errors and throttles raise alerts, by a PascalCase id prefix for their alarms' ids.
         *
         * @default - none
         */
        public Builder watchedFunctions(Map<String, IFunction> value) {
            this.watchedFunctions = value;
            return this;
        }

        /**
         * Required: where SNS puts an alert it could not deliver to the handler after its retries (its key must let
         * SNS encrypt for the topic).
         */
        public Builder deadLetterQueue(IQueue value) {
            this.deadLetterQueue = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException listing every missing or malformed prop, with its value
         */
        public RealtimeAlertsProps build() {
            List<String> problems = new ArrayList<>();
            if (callCenterApiName == null || callCenterApiName.isBlank()) {
                problems.add("callCenterApiName is required");
            }
            if (connectInstanceId == null || connectInstanceId.isBlank()) {
                problems.add("connectInstanceId is required");
            } else if (!Token.isUnresolved(connectInstanceId)
                    && !connectInstanceId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                problems.add("connectInstanceId '" + connectInstanceId + "' must be an Amazon Connect instance id "
                        + "(a lower-case UUID)");
            }
            if (encryptionKey == null) {
                problems.add("encryptionKey is required (the topic is encrypted with a customer-managed key)");
            }
            if (handler == null) {
                problems.add("handler is required (the RealtimeAlert alias the topic delivers to)");
            }
            if (deadLetterQueue == null) {
                problems.add("deadLetterQueue is required (undeliverable alerts must land somewhere)");
            }
            if (watchedFunctions == null) {
                problems.add("watchedFunctions must not be null (omit it for none)");
            } else {
                watchedFunctions.keySet().stream().filter(id -> !id.matches("[A-Z][A-Za-z0-9]*"))
                        .forEach(id -> problems.add("watchedFunctions id '" + id + "' must be PascalCase"));
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid RealtimeAlertsProps: " + String.join("; ", problems));
            }
            return new RealtimeAlertsProps(this);
        }
    }
}
