package dev.scvcdk.constructs.sync;

import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.IFunction;

/** Props of {@link FunctionRuleTarget}. Immutable; build with {@link #builder()}. */
public final class FunctionRuleTargetProps {
    /** EventBridge's limits of a target's retry policy. */
    static final int MAX_RETRY_ATTEMPTS = 185;
    static final Duration MIN_EVENT_AGE = Duration.minutes(1);
    static final Duration MAX_EVENT_AGE = Duration.hours(24);
    // read once: each read of a Duration is a call into the jsii runtime
    private static final double MIN_EVENT_AGE_SECONDS = MIN_EVENT_AGE.toSeconds().doubleValue();
    private static final double MAX_EVENT_AGE_SECONDS = MAX_EVENT_AGE.toSeconds().doubleValue();

    private final IFunction function;
    private final FailureQueue failureQueue;
    private final Number retryAttempts;
    private final Duration maxEventAge;

    private FunctionRuleTargetProps(Builder b) {
        this.function = Objects.requireNonNull(b.function, "function is required");
        this.failureQueue = Objects.requireNonNull(b.failureQueue, "failureQueue is required");
        this.retryAttempts = b.retryAttempts;
        this.maxEventAge = b.maxEventAge;
        if (retryAttempts != null && !Token.isUnresolved(retryAttempts)
                && (retryAttempts.doubleValue() != retryAttempts.intValue() || retryAttempts.intValue() < 0
                        || retryAttempts.intValue() > MAX_RETRY_ATTEMPTS)) {
            throw new IllegalArgumentException("retryAttempts " + retryAttempts
                    + " is invalid: EventBridge allows a whole number from 0 to " + MAX_RETRY_ATTEMPTS);
        }
        if (maxEventAge != null && !Token.isUnresolved(maxEventAge.toString())
                && outsideEventBridgesRange(maxEventAge.toSeconds().doubleValue())) {
            throw new IllegalArgumentException("maxEventAge " + maxEventAge.toHumanString()
                    + " is invalid: EventBridge allows 1 minute to 24 hours");
        }
    }

    private static boolean outsideEventBridgesRange(double seconds) {
        return seconds < MIN_EVENT_AGE_SECONDS || seconds > MAX_EVENT_AGE_SECONDS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public IFunction getFunction() {
        return function;
    }

    public FailureQueue getFailureQueue() {
        return failureQueue;
    }

    public Number getRetryAttempts() {
        return retryAttempts;
    }

    public Duration getMaxEventAge() {
        return maxEventAge;
    }

    /** Builder of {@link FunctionRuleTargetProps}. */
    public static final class Builder {
        private IFunction function;
        private FailureQueue failureQueue;
        private Number retryAttempts;
        private Duration maxEventAge;

        private Builder() {
        }

        /** Required: the function the rule invokes (its alias). */
        public Builder function(IFunction value) {
            this.function = value;
            return this;
        }

        /** Required: where events EventBridge could not deliver land. */
        public Builder failureQueue(FailureQueue value) {
            this.failureQueue = value;
            return this;
        }

        /**
         * How often EventBridge retries a failed delivery before the failure queue (0 to 185).
         *
         * @default - EventBridge's: 185
         */
        public Builder retryAttempts(Number value) {
            this.retryAttempts = value;
            return this;
        }

        /**
         * How long EventBridge keeps retrying an event before the failure queue (1 minute to 24 hours).
         *
         * @default - EventBridge's: 24 hours
         */
        public Builder maxEventAge(Duration value) {
            this.maxEventAge = value;
            return this;
        }

        public FunctionRuleTargetProps build() {
            return new FunctionRuleTargetProps(this);
        }
    }
}
