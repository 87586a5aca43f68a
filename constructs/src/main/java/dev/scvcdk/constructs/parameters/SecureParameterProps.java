package dev.scvcdk.constructs.parameters;

import java.util.Objects;
import software.amazon.awscdk.services.kms.IKey;

/** Props of {@link SecureParameter}. Immutable; build with {@link #builder()}. */
public final class SecureParameterProps {
    private final String serviceToken;
    private final String parameterName;
    private final ParameterValue value;
    private final IKey encryptionKey;
    private final String description;

    private SecureParameterProps(Builder b) {
        this.serviceToken = Objects.requireNonNull(b.serviceToken, "serviceToken is required");
        this.parameterName = Objects.requireNonNull(b.parameterName, "parameterName is required");
        this.value = Objects.requireNonNull(b.value, "value is required");
        this.encryptionKey = b.encryptionKey;
        this.description = b.description;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getServiceToken() {
        return serviceToken;
    }

    public String getParameterName() {
        return parameterName;
    }

    public ParameterValue getValue() {
        return value;
    }

    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    public String getDescription() {
        return description;
    }

    /** Builder of {@link SecureParameterProps}. */
    public static final class Builder {
        private String serviceToken;
        private String parameterName;
        private ParameterValue value;
        private IKey encryptionKey;
        private String description;

        private Builder() {
        }

        /** Required: ARN of the CustomSSM function's {@code active} alias. */
        public Builder serviceToken(String v) {
            this.serviceToken = v;
            return this;
        }

        /** Required: the SecureString's name. */
        public Builder parameterName(String v) {
            this.parameterName = v;
            return this;
        }

        /** Required: where the value comes from. */
        public Builder value(ParameterValue v) {
            this.value = v;
            return this;
        }

        /**
         * Customer key of the SecureString.
         *
         * @default - the account's {@code aws/ssm} key
         */
        public Builder encryptionKey(IKey v) {
            this.encryptionKey = v;
            return this;
        }

        /**
         * Parameter description.
         *
         * @default - none
         */
        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public SecureParameterProps build() {
            return new SecureParameterProps(this);
        }
    }
}
