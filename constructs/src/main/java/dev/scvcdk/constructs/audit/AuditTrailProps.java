package dev.scvcdk.constructs.audit;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Properties of an {@link AuditTrail}. Immutable; build with {@link #builder()}. */
public final class AuditTrailProps {
    private final IRole logDeliveryRole;
    private final String trailName;
    private final String logGroupName;
    private final RetentionDays logRetention;
    private final TenantConfig tenantConfig;
    private final boolean dataEvents;

    private AuditTrailProps(Builder builder) {
        this.logDeliveryRole = builder.logDeliveryRole;
        this.trailName = builder.trailName;
        this.logGroupName = builder.logGroupName;
        this.logRetention = builder.logRetention;
        this.tenantConfig = builder.tenantConfig;
        this.dataEvents = builder.dataEvents;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Role CloudTrail assumes to write to the log group ({@code SCVTrailLogGroupRole} of the IAM matrix).
     * Its permissions must name {@link #logGroupName()}.
     */
    public IRole logDeliveryRole() {
        return logDeliveryRole;
    }

    /**
     * Name of the trail.
     *
     * @default {@link ScvNames#CLOUDTRAIL_NAME}
     */
    public String trailName() {
        return trailName;
    }

    /**
     * Name of the CloudWatch log group the trail also delivers to.
     *
     * @default {@link ScvNames#TRAIL_LOG_GROUP}
     */
    public String logGroupName() {
        return logGroupName;
    }

    /**
     * How long the log group keeps events (the bucket keeps them for good).
     *
     * @default {@link SecureDefaults#LOG_RETENTION}
     */
    public RetentionDays logRetention() {
        return logRetention;
    }

    /**
     * The tenant whose contact centers' buckets and functions the trail records data events of.
     * Required while {@link #dataEvents()} is on.
     *
     * @default - none
     */
    public TenantConfig tenantConfig() {
        return tenantConfig;
    }

    /**
     * Whether the trail records data events besides management events: object reads and writes in every
     * contact center's tenant bucket and invocations of every SCV function (see {@link TenantDataEvents}).
     * Data events are billed per event; off, the trail records management events only.
     *
     * @default true
     */
    public boolean dataEvents() {
        return dataEvents;
    }

    /** Builder of {@link AuditTrailProps}. */
    public static final class Builder {
        private IRole logDeliveryRole;
        private String trailName = ScvNames.CLOUDTRAIL_NAME;
        private String logGroupName = ScvNames.TRAIL_LOG_GROUP;
        private RetentionDays logRetention = SecureDefaults.LOG_RETENTION;
        private TenantConfig tenantConfig;
        private boolean dataEvents = true;

        private Builder() {
        }

        /** @see AuditTrailProps#logDeliveryRole() */
        public Builder logDeliveryRole(IRole logDeliveryRole) {
            this.logDeliveryRole = logDeliveryRole;
            return this;
        }

        /** @see AuditTrailProps#trailName() */
        public Builder trailName(String trailName) {
            this.trailName = trailName;
            return this;
        }

        /** @see AuditTrailProps#logGroupName() */
        public Builder logGroupName(String logGroupName) {
            this.logGroupName = logGroupName;
            return this;
        }

        /** @see AuditTrailProps#logRetention() */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        /** @see AuditTrailProps#tenantConfig() */
        public Builder tenantConfig(TenantConfig tenantConfig) {
            this.tenantConfig = tenantConfig;
            return this;
        }

        /** @see AuditTrailProps#dataEvents() */
        public Builder dataEvents(boolean dataEvents) {
            this.dataEvents = dataEvents;
            return this;
        }

        /**
         * @throws NullPointerException when {@code logDeliveryRole} is missing, or {@code tenantConfig} while
         *         data events are on
         * @throws dev.scvcdk.policies.config.InvalidTenantConfigException when the tenant config is invalid
         * @throws IllegalArgumentException when the data events exceed CloudTrail's selector quota
         */
        public AuditTrailProps build() {
            Objects.requireNonNull(logDeliveryRole, "AuditTrailProps.logDeliveryRole is required: "
                    + "the role CloudTrail assumes to write to the log group (SCVTrailLogGroupRole)");
            Objects.requireNonNull(trailName, "AuditTrailProps.trailName must not be null");
            Objects.requireNonNull(logGroupName, "AuditTrailProps.logGroupName must not be null");
            Objects.requireNonNull(logRetention, "AuditTrailProps.logRetention must not be null");
            if (dataEvents) {
                Objects.requireNonNull(tenantConfig, "AuditTrailProps.tenantConfig is required while dataEvents is "
                        + "on: the data events name the tenant's buckets and functions; set dataEvents(false) to "
                        + "record management events only");
                List<String> problems = TenantDataEvents.of(tenantConfig.validated()).problems();
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException("Invalid AuditTrailProps: " + String.join("; ", problems));
                }
            }
            return new AuditTrailProps(this);
        }
    }
}
