package dev.scvcdk.constructs.contactcenter;

import dev.scvcdk.constructs.functions.LambdaCode;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.StackNames;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.IStackSynthesizer;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Props of {@link ScvContactCenterStack}: the {@link ScvContactCenterProps} of its one contact center and the stack's
 * own properties, in one flat builder. Immutable; {@link Builder#build()} reports every problem at once.
 */
public final class ScvContactCenterStackProps {
    private final ScvContactCenterProps contactCenterProps;
    private final String stackName;
    private final String description;
    private final Environment env;
    private final IStackSynthesizer synthesizer;
    private final Boolean terminationProtection;
    private final Map<String, String> tags;
    private final Boolean analyticsReporting;

    private ScvContactCenterStackProps(Builder b, ScvContactCenterProps contactCenterProps) {
        this.contactCenterProps = contactCenterProps;
        this.stackName = b.stackName;
        this.description = b.description;
        this.env = b.env;
        this.synthesizer = b.synthesizer;
        this.terminationProtection = b.terminationProtection;
        this.tags = Map.copyOf(b.tags);
        this.analyticsReporting = b.analyticsReporting;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The props of the stack's {@link ScvContactCenter}. */
    public ScvContactCenterProps getContactCenterProps() {
        return contactCenterProps;
    }

    public TenantConfig getTenantConfig() {
        return contactCenterProps.getTenantConfig();
    }

    public ContactCenterConfig getContactCenter() {
        return contactCenterProps.getContactCenter();
    }

    /** The CloudFormation stack name, {@link ScvNames#contactCenterStack} unless set. */
    public String getStackName() {
        return stackName != null ? stackName : ScvNames.contactCenterStack(getContactCenter().callCenterApiName());
    }

    public String getDescription() {
        return description != null ? description
                : "Salesforce Service Cloud Voice contact center " + getContactCenter().callCenterApiName()
                        + " (Amazon Connect instance " + getContactCenter().connectInstanceAlias() + ")";
    }

    /** The stack's environment: the given one, its account or region filled from the config where unset. */
    public Environment getEnv() {
        String account = env != null && env.getAccount() != null ? env.getAccount()
                : getTenantConfig().accountId();
        String region = env != null && env.getRegion() != null ? env.getRegion() : getContactCenter().region();
        Environment.Builder resolved = Environment.builder().region(region);
        if (account != null) {
            resolved.account(account);
        }
        return resolved.build();
    }

    /** The stack props these props stand for. */
    public StackProps toStackProps() {
        return StackProps.builder()
                .stackName(getStackName())
                .description(getDescription())
                .env(getEnv())
                .synthesizer(synthesizer)
                .terminationProtection(terminationProtection)
                .tags(tags.isEmpty() ? null : tags)
                .analyticsReporting(analyticsReporting)
                .build();
    }

    /** Builder of {@link ScvContactCenterStackProps}: the setters of {@link ScvContactCenterProps.Builder} and the stack's. */
    public static final class Builder {
        private final ScvContactCenterProps.Builder contactCenter = ScvContactCenterProps.builder();
        private TenantConfig tenantConfig;
        private ContactCenterConfig contactCenterConfig;
        private String stackName;
        private String description;
        private Environment env;
        private IStackSynthesizer synthesizer;
        private Boolean terminationProtection;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Boolean analyticsReporting;

        private Builder() {
        }

        /** @see ScvContactCenterProps.Builder#tenantConfig */
        public Builder tenantConfig(TenantConfig value) {
            this.tenantConfig = value;
            contactCenter.tenantConfig(value);
            return this;
        }

        /** @see ScvContactCenterProps.Builder#contactCenter */
        public Builder contactCenter(ContactCenterConfig value) {
            this.contactCenterConfig = value;
            contactCenter.contactCenter(value);
            return this;
        }

        /** @see ScvContactCenterProps.Builder#lambdaCode */
        public Builder lambdaCode(LambdaCode value) {
            contactCenter.lambdaCode(value);
            return this;
        }

        /** @see ScvContactCenterProps.Builder#alarmTopic */
        public Builder alarmTopic(ITopic value) {
            contactCenter.alarmTopic(value);
            return this;
        }

        /** @see ScvContactCenterProps.Builder#logLevel */
        public Builder logLevel(String value) {
            contactCenter.logLevel(value);
            return this;
        }

        /** @see ScvContactCenterProps.Builder#telephonyReservedConcurrency */
        public Builder telephonyReservedConcurrency(Number value) {
            contactCenter.telephonyReservedConcurrency(value);
            return this;
        }

        /** @see ScvContactCenterProps.Builder#restApiReservedConcurrency */
        public Builder restApiReservedConcurrency(Number value) {
            contactCenter.restApiReservedConcurrency(value);
            return this;
        }

        /** @see ScvContactCenterProps.Builder#seedSalesforceCredentials */
        public Builder seedSalesforceCredentials(Boolean value) {
            contactCenter.seedSalesforceCredentials(value);
            return this;
        }

        /** @see ScvContactCenterProps.Builder#scrtCertificateValidityDays */
        public Builder scrtCertificateValidityDays(Number value) {
            contactCenter.scrtCertificateValidityDays(value);
            return this;
        }

        /**
         * CloudFormation stack name; must match {@code ^[A-Za-z][A-Za-z0-9-]{0,127}$}. The account's provisioning
         * role may read only the stacks its {@code ScvAccountProps} names: give the account the same name.
         *
         * @default - {@code ScvContactCenter-<cc>}, {@code _} in the name as {@code -} ({@link ScvNames#contactCenterStack})
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
         * Where the stack is deployed. Its region must be the contact center's, its account the config's
         * {@code accountId} when that is set.
         *
         * @default - the config's {@code accountId} (none: environment-agnostic account) and the contact center's region
         */
        public Builder env(Environment value) {
            this.env = value;
            return this;
        }

        /**
         * How the stack is synthesized, e.g. a {@code DefaultStackSynthesizer} with its own bootstrap qualifier.
         *
         * @default - the app's default synthesizer ({@code DefaultStackSynthesizer})
         */
        public Builder synthesizer(IStackSynthesizer value) {
            this.synthesizer = value;
            return this;
        }

        /**
         * Whether CloudFormation refuses to delete the stack.
         *
         * @default false
         */
        public Builder terminationProtection(Boolean value) {
            this.terminationProtection = value;
            return this;
        }

        /**
         * Tags CloudFormation applies to the stack and every resource that supports them (added to any given before).
         *
         * @default - no tags
         */
        public Builder tags(Map<String, String> value) {
            this.tags.putAll(value);
            return this;
        }

        /**
         * Whether the template carries CDK's {@code AWS::CDK::Metadata} resource (construct-library usage).
         *
         * @default - the app's {@code aws:cdk:version-reporting} context (true unless turned off)
         */
        public Builder analyticsReporting(Boolean value) {
            this.analyticsReporting = value;
            return this;
        }

        /**
         * @throws dev.scvcdk.policies.config.InvalidTenantConfigException when the tenant config is invalid
         * @throws IllegalArgumentException listing every other problem, each with its value and rule
         */
        public ScvContactCenterStackProps build() {
            List<String> problems = contactCenter.problems();
            if (stackName != null) {
                StackNames.problemOf("stackName", stackName).ifPresent(problems::add);
            }
            if (env != null && contactCenterConfig != null) {
                String region = env.getRegion();
                if (region != null && !Token.isUnresolved(region) && !region.equals(contactCenterConfig.region())) {
                    problems.add("env.region '" + region + "' differs from contact center '"
                            + contactCenterConfig.callCenterApiName() + "''s region '" + contactCenterConfig.region()
                            + "': every name and ARN is computed for the configured region");
                }
            }
            if (env != null && tenantConfig != null) {
                String account = env.getAccount();
                if (account != null && !Token.isUnresolved(account) && tenantConfig.accountId() != null
                        && !account.equals(tenantConfig.accountId())) {
                    problems.add("env.account '" + account + "' differs from the tenant config's accountId '"
                            + tenantConfig.accountId() + "': every ARN is computed for the configured account");
                }
            }
            if (!problems.isEmpty()) {
                throw ScvContactCenterProps.invalid("ScvContactCenterStack", problems);
            }
            return new ScvContactCenterStackProps(this, contactCenter.build());
        }
    }
}
