package dev.scvcdk.constructs.keys;

import dev.scvcdk.policies.KeyPolicyGrants.KeyGrant;
import java.util.List;
import java.util.Objects;

/**
 * Who may use which key of one contact center. Immutable; build with {@link #builder()}. The grants normally come
 * from {@link dev.scvcdk.policies.KeyPolicyGrants#of}, derived from the declared calls of every SCV role.
 */
public final class TenantKeysProps {
    private final String callCenterApiName;
    private final List<KeyGrant> keyGrants;
    private final List<String> serviceLogGroupPrefixes;

    private TenantKeysProps(Builder b) {
        this.callCenterApiName = Objects.requireNonNull(b.callCenterApiName, "callCenterApiName is required");
        this.keyGrants = List.copyOf(b.keyGrants);
        this.serviceLogGroupPrefixes = List.copyOf(b.serviceLogGroupPrefixes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The call center API name: names the key aliases. */
    public String getCallCenterApiName() {
        return callCenterApiName;
    }

    public List<KeyGrant> getKeyGrants() {
        return keyGrants;
    }

    public List<String> getServiceLogGroupPrefixes() {
        return serviceLogGroupPrefixes;
    }

    /** Builder of {@link TenantKeysProps}. */
    public static final class Builder {
        private String callCenterApiName;
        private List<KeyGrant> keyGrants = List.of();
        private List<String> serviceLogGroupPrefixes = List.of();

        private Builder() {
        }

        /** Required: the call center API name ({@code <cc>} in {@code alias/<cc>KvsKey}). */
        public Builder callCenterApiName(String value) {
            this.callCenterApiName = value;
            return this;
        }

        /**
         * The roles that may use each key, for which KMS actions and through which service.
         *
         * @default - none: only Amazon Connect's service-linked role (streams, live media, recordings) and, for
         *          the platform key, the log groups of {@link #serviceLogGroupPrefixes} may use the keys
         */
        public Builder keyGrants(List<KeyGrant> value) {
            this.keyGrants = List.copyOf(value);
            return this;
        }

        /**
         * Log-group name prefixes (e.g. {@code /aws/lambda/<cc>-}) whose groups CloudWatch Logs may
         * encrypt with the platform key.
         *
         * @default - none: no log group may use the platform key
         */
        public Builder serviceLogGroupPrefixes(List<String> value) {
            this.serviceLogGroupPrefixes = List.copyOf(value);
            return this;
        }

        public TenantKeysProps build() {
            return new TenantKeysProps(this);
        }
    }
}
