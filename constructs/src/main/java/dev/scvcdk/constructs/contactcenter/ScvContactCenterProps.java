package dev.scvcdk.constructs.contactcenter;

import dev.scvcdk.constructs.functions.LambdaCode;
import dev.scvcdk.contracts.LogLevel;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Props of {@link ScvContactCenter}. Immutable; {@link Builder#build()} reports every problem at once, each naming
 * the prop, its value and the rule.
 */
public final class ScvContactCenterProps {
    /** Default {@code LOG_LEVEL} of the functions. */
    public static final String DEFAULT_LOG_LEVEL = LogLevel.INFO.name();

    /** Default validity of the SCRT certificate, in days. */
    public static final int DEFAULT_SCRT_CERTIFICATE_VALIDITY_DAYS = 365;

    /** Log levels the functions understand ({@link LogLevel#NAMES}); others would fail their wiring. */
    public static final List<String> LOG_LEVELS = LogLevel.NAMES;

    private final TenantConfig tenantConfig;
    private final ContactCenterConfig contactCenter;
    private final LambdaCode lambdaCode;
    private final ITopic alarmTopic;
    private final String logLevel;
    private final Number telephonyReservedConcurrency;
    private final Number restApiReservedConcurrency;
    private final Boolean seedSalesforceCredentials;
    private final Number scrtCertificateValidityDays;

    private ScvContactCenterProps(Builder b) {
        this.tenantConfig = b.tenantConfig;
        this.contactCenter = b.contactCenter;
        this.lambdaCode = b.lambdaCode != null ? b.lambdaCode : LambdaCode.fromClasspath();
        this.alarmTopic = b.alarmTopic;
        this.logLevel = b.logLevel != null ? b.logLevel : DEFAULT_LOG_LEVEL;
        this.telephonyReservedConcurrency = b.telephonyReservedConcurrency;
        this.restApiReservedConcurrency = b.restApiReservedConcurrency;
        this.seedSalesforceCredentials = b.seedSalesforceCredentials;
        this.scrtCertificateValidityDays = b.scrtCertificateValidityDays != null ? b.scrtCertificateValidityDays
                : DEFAULT_SCRT_CERTIFICATE_VALIDITY_DAYS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The validated tenant config. */
    public TenantConfig getTenantConfig() {
        return tenantConfig;
    }

    /** The contact center, one of the tenant config's. */
    public ContactCenterConfig getContactCenter() {
        return contactCenter;
    }

    /** Where the Lambda jars come from ({@link LambdaCode#fromClasspath()} unless set). */
    public LambdaCode getLambdaCode() {
        return lambdaCode;
    }

    /** The configured alarm topic, or empty for the construct's own {@code <cc>-ScvAlarms}. */
    public Optional<ITopic> getAlarmTopic() {
        return Optional.ofNullable(alarmTopic);
    }

    public String getLogLevel() {
        return logLevel;
    }

    /** The configured reserved concurrency of {@code function}, or empty for its contract's default. */
    public Optional<Integer> reservedConcurrencyOf(Function function) {
        Number configured = switch (function) {
            case INVOKE_TELEPHONY_INTEGRATION_API -> telephonyReservedConcurrency;
            case INVOKE_SALESFORCE_REST_API -> restApiReservedConcurrency;
            default -> null;
        };
        return Optional.ofNullable(configured).map(Number::intValue);
    }

    /** Whether the credential parameters are seeded from the secret: true when the config names one. */
    public boolean isSeedSalesforceCredentials() {
        return seedSalesforceCredentials != null ? seedSalesforceCredentials
                : contactCenter.salesforceCredentialsSecretArn() != null;
    }

    public Number getScrtCertificateValidityDays() {
        return scrtCertificateValidityDays;
    }

    /** Builder of {@link ScvContactCenterProps}; {@link ScvContactCenterStackProps.Builder} has the same setters. */
    public static final class Builder {
        private TenantConfig tenantConfig;
        private ContactCenterConfig contactCenter;
        private LambdaCode lambdaCode;
        private ITopic alarmTopic;
        private String logLevel;
        private Number telephonyReservedConcurrency;
        private Number restApiReservedConcurrency;
        private Boolean seedSalesforceCredentials;
        private Number scrtCertificateValidityDays;

        private Builder() {
        }

        /** Required: the validated tenant config. */
        public Builder tenantConfig(TenantConfig value) {
            this.tenantConfig = value;
            return this;
        }

        /** Required: the contact center to create (one of the tenant config's {@code contactCenters}). */
        public Builder contactCenter(ContactCenterConfig value) {
            this.contactCenter = value;
            return this;
        }

        /**
         * Where the two Lambda jars come from.
         *
         * @default - {@link LambdaCode#fromClasspath()}: the jars of the artifact {@value LambdaCode#ARTIFACT},
         *          which the consumer adds as a dependency
         */
        public Builder lambdaCode(LambdaCode value) {
            this.lambdaCode = value;
            return this;
        }

        /**
         * SNS topic notified by every alarm (failure queue, iterator age, function errors).
         *
         * @default - a topic {@code <cc>-ScvAlarms} encrypted with the platform key
         */
        public Builder alarmTopic(ITopic value) {
            this.alarmTopic = value;
            return this;
        }

        /**
         * {@code LOG_LEVEL} of the functions that read it, one of {@link #LOG_LEVELS}.
         *
         * @default "INFO"
         */
        public Builder logLevel(String value) {
            this.logLevel = value;
            return this;
        }

        /**
         * Reserved concurrency of InvokeTelephonyIntegrationApi: every call in a contact flow and every
         * CTR calls it, and a runaway flow must not flood SCRT's per-org rate limit or starve the
         * account's other functions.
         *
         * @default - the contract's: 100
         */
        public Builder telephonyReservedConcurrency(Number value) {
            this.telephonyReservedConcurrency = value;
            return this;
        }

        /**
         * Reserved concurrency of InvokeSalesforceRestApi: each invocation spends the org's daily
         * REST API allowance, shared with every other integration of the org.
         *
         * @default - the contract's: 50
         */
        public Builder restApiReservedConcurrency(Number value) {
            this.restApiReservedConcurrency = value;
            return this;
        }

        /**
         * Whether to seed the consumer-key, private-key and subject parameters from the Salesforce
         * credentials secret. A secret this construct creates is empty until the operator fills it, so
         * seeding waits for a second deployment with this set to true.
         *
         * @default - true when the config names {@code salesforceCredentialsSecretArn}, else false
         */
        public Builder seedSalesforceCredentials(Boolean value) {
            this.seedSalesforceCredentials = value;
            return this;
        }

        /**
         * Validity of the SCRT certificate generated in AWS, in days (at least 1).
         *
         * @default 365
         */
        public Builder scrtCertificateValidityDays(Number value) {
            this.scrtCertificateValidityDays = value;
            return this;
        }

        /**
         * @throws dev.scvcdk.policies.config.InvalidTenantConfigException when the tenant config is invalid
         * @throws IllegalArgumentException listing every missing or inconsistent prop
         */
        public ScvContactCenterProps build() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw invalid("ScvContactCenter", problems);
            }
            return new ScvContactCenterProps(this);
        }

        /** Every problem of these props (the stack props add theirs). */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (tenantConfig == null) {
                problems.add("tenantConfig is required");
            } else {
                tenantConfig.validated();
            }
            if (contactCenter == null) {
                problems.add("contactCenter is required");
            }
            if (tenantConfig != null && contactCenter != null && tenantConfig.contactCenters() != null
                    && !tenantConfig.contactCenters().contains(contactCenter)) {
                problems.add("contactCenter '" + contactCenter.callCenterApiName()
                        + "' must be one of the tenant config's contactCenters");
            }
            if (logLevel != null && !LOG_LEVELS.contains(logLevel)) {
                problems.add("logLevel '" + logLevel + "' must be one of " + LOG_LEVELS);
            }
            if (telephonyReservedConcurrency != null && telephonyReservedConcurrency.intValue() < 1) {
                problems.add("telephonyReservedConcurrency " + telephonyReservedConcurrency + " must be at least 1");
            }
            if (restApiReservedConcurrency != null && restApiReservedConcurrency.intValue() < 1) {
                problems.add("restApiReservedConcurrency " + restApiReservedConcurrency + " must be at least 1");
            }
            if (scrtCertificateValidityDays != null && scrtCertificateValidityDays.intValue() < 1) {
                problems.add("scrtCertificateValidityDays " + scrtCertificateValidityDays + " must be at least 1");
            }
            return problems;
        }
    }

    /** One error naming every problem. */
    static IllegalArgumentException invalid(String what, List<String> problems) {
        return new IllegalArgumentException("Invalid " + what + " props (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems));
    }
}
