package dev.scvcdk.constructs.parameters;

import java.util.Objects;

/** Props of {@link ScrtKeyPair}. Immutable; build with {@link #builder()}. */
public final class ScrtKeyPairProps {
    private final String serviceToken;
    private final String parameterName;
    private final String organizationalUnitName;
    private final Number expiresInDays;

    private ScrtKeyPairProps(Builder b) {
        this.serviceToken = Objects.requireNonNull(b.serviceToken, "serviceToken is required");
        this.parameterName = Objects.requireNonNull(b.parameterName, "parameterName is required");
        this.organizationalUnitName = Objects.requireNonNull(b.organizationalUnitName,
                "organizationalUnitName is required");
        this.expiresInDays = b.expiresInDays;
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

    public String getOrganizationalUnitName() {
        return organizationalUnitName;
    }

    public Number getExpiresInDays() {
        return expiresInDays;
    }

    /** Builder of {@link ScrtKeyPairProps}. */
    public static final class Builder {
        private String serviceToken;
        private String parameterName;
        private String organizationalUnitName;
        private Number expiresInDays = 365;

        private Builder() {
        }

        /** Required: ARN of the AuthKeysSSMUtil function's {@code active} alias. */
        public Builder serviceToken(String v) {
            this.serviceToken = v;
            return this;
        }

        /** Required: the SecureString that receives the private key ({@code <cc>-scrt-jwt-auth-private-key}). */
        public Builder parameterName(String v) {
            this.parameterName = v;
            return this;
        }

        /** Required: the certificate's OU (SCV uses the call center). */
        public Builder organizationalUnitName(String v) {
            this.organizationalUnitName = v;
            return this;
        }

        /**
         * Validity of the self-signed certificate, in days. Salesforce rotates through
         * SCVUpdateCredentialRole before it expires.
         *
         * @default 365
         */
        public Builder expiresInDays(Number v) {
            this.expiresInDays = v;
            return this;
        }

        public ScrtKeyPairProps build() {
            return new ScrtKeyPairProps(this);
        }
    }
}
