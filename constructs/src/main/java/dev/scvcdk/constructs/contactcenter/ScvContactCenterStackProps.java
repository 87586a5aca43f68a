package dev.scvcdk.constructs.contactcenter;

import dev.scvcdk.policies.ScvNames.Function;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.sns.ITopic;

/** Props of {@link ScvContactCenterStack}. Immutable; build with {@link #builder()}. */
public final class ScvContactCenterStackProps {
    private final TenantConfig tenantConfig;
    private final ContactCenterConfig contactCenter;
    private final Path lambdaJar;
    private final String stackName;
    private final String description;
    private final ITopic alarmTopic;
    private final String logLevel;
    private final Number telephonyReservedConcurrency;
    private final Number restApiReservedConcurrency;
    private final Boolean seedSalesforceCredentials;
    private final Number scrtCertificateValidityDays;

    private ScvContactCenterStackProps(Builder b) {
        this.tenantConfig = b.tenantConfig;
        this.contactCenter = b.contactCenter;
        this.lambdaJar = b.lambdaJar;
        this.stackName = b.stackName;
        this.description = b.description;
        this.alarmTopic = b.alarmTopic;
        this.logLevel = b.logLevel;
        this.telephonyReservedConcurrency = b.telephonyReservedConcurrency;
        this.restApiReservedConcurrency = b.restApiReservedConcurrency;
        this.seedSalesforceCredentials = b.seedSalesforceCredentials;
        this.scrtCertificateValidityDays = b.scrtCertificateValidityDays;
    }

    public static Builder builder() {
        return new Builder();
    }

    public TenantConfig getTenantConfig() {
        return tenantConfig;
    }

    public ContactCenterConfig getContactCenter() {
        return contactCenter;
    }

    public Path getLambdaJar() {
        return lambdaJar;
    }

    /** The CloudFormation stack name, {@link dev.scvcdk.policies.ScvNames#contactCenterStack} unless set. */
    public String getStackName() {
        return stackName != null ? stackName : dev.scvcdk.policies.ScvNames.contactCenterStack(
                contactCenter.callCenterApiName());
    }

    public String getDescription() {
        return description != null ? description
                : "Salesforce Service Cloud Voice contact center " + contactCenter.callCenterApiName()
                        + " (Amazon Connect instance " + contactCenter.connectInstanceAlias() + ")";
    }

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

    /** Builder of {@link ScvContactCenterStackProps}. */
    public static final class Builder {
        private TenantConfig tenantConfig;
        private ContactCenterConfig contactCenter;
        private Path lambdaJar;
        private String stackName;
        private String description;
        private ITopic alarmTopic;
        private String logLevel = "INFO";
        private Number telephonyReservedConcurrency;
        private Number restApiReservedConcurrency;
        private Boolean seedSalesforceCredentials;
        private Number scrtCertificateValidityDays = 365;

        private Builder() {
        }

        /** Required: the validated tenant config. */
        public Builder tenantConfig(TenantConfig value) {
            this.tenantConfig = value;
            return this;
        }

        /** Required: the contact center this stack is for (one of the tenant config's). */
        public Builder contactCenter(ContactCenterConfig value) {
            this.contactCenter = value;
            return this;
        }

        /**
         * Required: the shared jar of module lambdas ({@code lambdas/target/scv-lambdas.jar}). Functions whose
         * handler is in the media jar deploy {@code scv-lambdas-media.jar} from the same directory.
         */
        public Builder lambdaJar(Path value) {
            this.lambdaJar = value;
            return this;
        }

        /**
         * CloudFormation stack name.
         *
         * @default - {@code ScvContactCenter-<cc>}, {@code _} in the name as {@code -}
         */
        public Builder stackName(String value) {
            this.stackName = value;
            return this;
        }

        /**
         * Stack description.
         *
         * @default - names the contact center and its Connect instance alias
         */
        public Builder description(String value) {
            this.description = value;
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
         * {@code LOG_LEVEL} of the functions that read it.
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
         * credentials secret. A secret this stack creates is empty until the operator fills it, so
         * seeding waits for a second deployment with this set to true.
         *
         * @default - true when the config names {@code salesforceCredentialsSecretArn}, else false
         */
        public Builder seedSalesforceCredentials(Boolean value) {
            this.seedSalesforceCredentials = value;
            return this;
        }

        /**
         * Validity of the SCRT certificate generated in AWS, in days.
         *
         * @default 365
         */
        public Builder scrtCertificateValidityDays(Number value) {
            this.scrtCertificateValidityDays = value;
            return this;
        }

        /** @throws IllegalArgumentException listing every missing or inconsistent prop */
        public ScvContactCenterStackProps build() {
            List<String> problems = new ArrayList<>();
            if (tenantConfig == null) {
                problems.add("tenantConfig is required");
            }
            if (contactCenter == null) {
                problems.add("contactCenter is required");
            }
            if (lambdaJar == null) {
                problems.add("lambdaJar is required (the path of lambdas/target/scv-lambdas.jar)");
            }
            if (tenantConfig != null && contactCenter != null && tenantConfig.contactCenters() != null
                    && !tenantConfig.contactCenters().contains(contactCenter)) {
                problems.add("contactCenter '" + contactCenter.callCenterApiName()
                        + "' must be one of the tenant config's contactCenters");
            }
            if (telephonyReservedConcurrency != null && telephonyReservedConcurrency.intValue() < 1) {
                problems.add("telephonyReservedConcurrency " + telephonyReservedConcurrency + " must be at least 1");
            }
            if (restApiReservedConcurrency != null && restApiReservedConcurrency.intValue() < 1) {
                problems.add("restApiReservedConcurrency " + restApiReservedConcurrency + " must be at least 1");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid ScvContactCenterStackProps: " + String.join("; ", problems));
            }
            return new ScvContactCenterStackProps(this);
        }
    }
}
