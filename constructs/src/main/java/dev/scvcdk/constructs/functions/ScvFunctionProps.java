package dev.scvcdk.constructs.functions;

import dev.scvcdk.policies.ScvNames;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;

/** Props of {@link ScvFunction}. Immutable; build with {@link #builder()}. */
public final class ScvFunctionProps {
    private final String callCenterApiName;
    private final ScvNames.Function function;
    private final String handler;
    private final Code code;
    private final IRole role;
    private final Duration timeout;
    private final IKey logEncryptionKey;
    private final Number memorySize;
    private final Architecture architecture;
    private final Map<String, String> environment;
    private final Number reservedConcurrentExecutions;
    private final IAlarmAction alarmAction;
    private final String description;

    private ScvFunctionProps(Builder b) {
        this.callCenterApiName = Objects.requireNonNull(b.callCenterApiName, "callCenterApiName is required");
        this.function = Objects.requireNonNull(b.function, "function is required");
        this.handler = Objects.requireNonNull(b.handler, "handler is required");
        this.code = Objects.requireNonNull(b.code, "code is required");
        this.role = Objects.requireNonNull(b.role, "role is required");
        this.timeout = Objects.requireNonNull(b.timeout, "timeout is required");
        this.logEncryptionKey = Objects.requireNonNull(b.logEncryptionKey, "logEncryptionKey is required");
        this.memorySize = b.memorySize;
        this.architecture = b.architecture;
        this.environment = Map.copyOf(b.environment);
        this.reservedConcurrentExecutions = b.reservedConcurrentExecutions;
        this.alarmAction = b.alarmAction;
        this.description = b.description;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getCallCenterApiName() {
        return callCenterApiName;
    }

    public ScvNames.Function getFunction() {
        return function;
    }

    public String getHandler() {
        return handler;
    }

    public Code getCode() {
        return code;
    }

    public IRole getRole() {
        return role;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public IKey getLogEncryptionKey() {
        return logEncryptionKey;
    }

    public Number getMemorySize() {
        return memorySize;
    }

    public Architecture getArchitecture() {
        return architecture;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public Number getReservedConcurrentExecutions() {
        return reservedConcurrentExecutions;
    }

    public IAlarmAction getAlarmAction() {
        return alarmAction;
    }

    public String getDescription() {
        return description;
    }

    /** Builder of {@link ScvFunctionProps}. */
    public static final class Builder {
        private String callCenterApiName;
        private ScvNames.Function function;
        private String handler;
        private Code code;
        private IRole role;
        private Duration timeout;
        private IKey logEncryptionKey;
        private Number memorySize = 1024;
        private Architecture architecture = Architecture.ARM_64;
        private Map<String, String> environment = Map.of();
        private Number reservedConcurrentExecutions;
        private IAlarmAction alarmAction;
        private String description;

        private Builder() {
        }

        /** Required: the call center API name; the function is named {@code <cc>-<Name>}. */
        public Builder callCenterApiName(String value) {
            this.callCenterApiName = value;
            return this;
        }

        /** Required: which SCV function this is. */
        public Builder function(ScvNames.Function value) {
            this.function = value;
            return this;
        }

        /** Required: {@code package.Class::method}. */
        public Builder handler(String value) {
            this.handler = value;
            return this;
        }

        /** Required: the code, usually {@link LambdaCode#code}. */
        public Builder code(Code value) {
            this.code = value;
            return this;
        }

        /** Required: the execution role (SCV's roles are imported by name, immutable). */
        public Builder role(IRole value) {
            this.role = value;
            return this;
        }

        /** Required: the function timeout. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Required: the key of the function's log group. */
        public Builder logEncryptionKey(IKey value) {
            this.logEncryptionKey = value;
            return this;
        }

        /**
         * Memory in MB (also buys CPU: JVM start and TLS handshakes are CPU-bound).
         *
         * @default 1024
         */
        public Builder memorySize(Number value) {
            this.memorySize = value;
            return this;
        }

        /**
         * Instruction set. The jar is pure Java, so Graviton's lower price per GB-second costs nothing;
         * SnapStart supports arm64.
         *
         * @default Architecture.ARM_64
         */
        public Builder architecture(Architecture value) {
            this.architecture = value;
            return this;
        }

        /**
         * Environment variables (names and values only: never secrets).
         *
         * @default - none
         */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /**
         * Reserved concurrency: caps a runaway caller so it cannot exhaust the downstream API's limits.
         *
         * @default - unreserved
         */
        public Builder reservedConcurrentExecutions(Number value) {
            this.reservedConcurrentExecutions = value;
            return this;
        }

        /**
         * Action of the function's errors alarm (e.g. an SNS topic).
         *
         * @default - the alarm has no action
         */
        public Builder alarmAction(IAlarmAction value) {
            this.alarmAction = value;
            return this;
        }

        /**
         * Function description.
         *
         * @default - {@code "SCV <Name> of <cc>"}
         */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public ScvFunctionProps build() {
            return new ScvFunctionProps(this);
        }
    }
}
