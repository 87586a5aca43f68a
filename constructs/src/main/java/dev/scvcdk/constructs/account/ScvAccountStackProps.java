package dev.scvcdk.constructs.account;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.StackNames;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.IStackSynthesizer;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.SamlMetadataDocument;

/**
 * Properties of a {@link ScvAccountStack}: the {@link ScvAccountProps} of its account and the stack's own properties,
 * in one flat builder. Immutable; {@link Builder#build()} validates the tenant config, the environment, the stack
 * name and IAM's size quotas, reporting every problem at once.
 */
public final class ScvAccountStackProps {
    /** Default stack name. */
    public static final String DEFAULT_STACK_NAME = ScvNames.ACCOUNT_STACK;

    private final ScvAccountProps accountProps;
    private final String stackName;
    private final String description;
    private final Environment env;
    private final IStackSynthesizer synthesizer;
    private final Boolean terminationProtection;
    private final Map<String, String> tags;
    private final Boolean analyticsReporting;

    private ScvAccountStackProps(Builder builder, ScvAccountProps accountProps) {
        this.accountProps = accountProps;
        this.stackName = builder.stackName;
        this.description = builder.description;
        this.env = builder.env;
        this.synthesizer = builder.synthesizer;
        this.terminationProtection = builder.terminationProtection;
        this.tags = Map.copyOf(builder.tags);
        this.analyticsReporting = builder.analyticsReporting;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The props of the stack's {@link ScvAccount}. */
    public ScvAccountProps accountProps() {
        return accountProps;
    }

    /** The validated tenant config. */
    public TenantConfig tenantConfig() {
        return accountProps.tenantConfig();
    }

    /** The Salesforce org's SAML metadata. */
    public SamlMetadataDocument samlMetadata() {
        return accountProps.samlMetadata();
    }

    /** CloudFormation stack name: the given one or {@value #DEFAULT_STACK_NAME}. */
    public String stackName() {
        return Optional.ofNullable(stackName).orElse(DEFAULT_STACK_NAME);
    }

    /** Stack description: the given one or one naming the Salesforce org. */
    public String description() {
        return Optional.ofNullable(description).orElseGet(() -> "Salesforce Service Cloud Voice account-level "
                + "resources (IAM roles, SAML provider, audit trail) for org " + tenantConfig().salesforceOrgId());
    }

    /** Where the stack is deployed: the given env, its account or region filled from the config where unset. */
    public Environment env() {
        String region = ScvNames.accountStackRegion(tenantConfig().partitionValue());
        Environment.Builder resolved = Environment.builder()
                .region(env != null && env.getRegion() != null ? env.getRegion() : region);
        String account = env != null && env.getAccount() != null ? env.getAccount() : tenantConfig().accountId();
        if (account != null) {
            resolved.account(account);
        }
        return resolved.build();
    }

    /** The stack props these props stand for. */
    public StackProps toStackProps() {
        return StackProps.builder()
                .stackName(stackName())
                .description(description())
                .env(env())
                .synthesizer(synthesizer)
                .terminationProtection(terminationProtection)
                .tags(tags.isEmpty() ? null : tags)
                .analyticsReporting(analyticsReporting)
                .build();
    }

    /** Builder of {@link ScvAccountStackProps}: the setters of {@link ScvAccountProps.Builder} and the stack's. */
    public static final class Builder {
        private final ScvAccountProps.Builder account = ScvAccountProps.builder();
        private TenantConfig tenantConfig;
        private String stackName;
        private String description;
        private Environment env;
        private IStackSynthesizer synthesizer;
        private Boolean terminationProtection;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Boolean analyticsReporting;
        private final Map<String, String> contactCenterStackNames = new LinkedHashMap<>();

        private Builder() {
        }

        /** @see ScvAccountProps.Builder#tenantConfig */
        public Builder tenantConfig(TenantConfig tenantConfig) {
            this.tenantConfig = tenantConfig;
            account.tenantConfig(tenantConfig);
            return this;
        }

        /** @see ScvAccountProps.Builder#samlMetadata */
        public Builder samlMetadata(SamlMetadataDocument samlMetadata) {
            account.samlMetadata(samlMetadata);
            return this;
        }

        /** @see ScvAccountProps.Builder#samlMetadataXml */
        public Builder samlMetadataXml(String xml) {
            account.samlMetadataXml(xml);
            return this;
        }

        /** @see ScvAccountProps.Builder#contactCenterStackNames */
        public Builder contactCenterStackNames(Map<String, String> names) {
            contactCenterStackNames.putAll(names);
            account.contactCenterStackNames(names);
            return this;
        }

        /**
         * CloudFormation stack name; must match {@code ^[A-Za-z][A-Za-z0-9-]{0,127}$}. The provisioning role may
         * read this stack by this name.
         *
         * @default "ScvAccountStack"
         */
        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        /**
         * Stack description.
         *
         * @default - a description naming the Salesforce org
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Where the stack is deployed. The region must be the partition's IAM region ({@code us-east-1};
         * {@code us-gov-west-1} in GovCloud), the account the config's {@code accountId} when that is set.
         *
         * @default - the config's account (none: environment-agnostic) and the partition's IAM region
         */
        public Builder env(Environment env) {
            this.env = env;
            return this;
        }

        /**
         * How the stack is synthesized, e.g. a {@code DefaultStackSynthesizer} with its own bootstrap qualifier.
         *
         * @default - the app's default synthesizer ({@code DefaultStackSynthesizer})
         */
        public Builder synthesizer(IStackSynthesizer synthesizer) {
            this.synthesizer = synthesizer;
            return this;
        }

        /**
         * Whether CloudFormation refuses to delete the stack.
         *
         * @default false
         */
        public Builder terminationProtection(Boolean terminationProtection) {
            this.terminationProtection = terminationProtection;
            return this;
        }

        /**
         * Tags CloudFormation applies to the stack and every resource that supports them (added to any given before).
         *
         * @default - no tags
         */
        public Builder tags(Map<String, String> tags) {
            this.tags.putAll(tags);
            return this;
        }

        /**
         * Whether the template carries CDK's {@code AWS::CDK::Metadata} resource (construct-library usage).
         *
         * @default - the app's {@code aws:cdk:version-reporting} context (true unless turned off)
         */
        public Builder analyticsReporting(Boolean analyticsReporting) {
            this.analyticsReporting = analyticsReporting;
            return this;
        }

        /**
         * @throws dev.scvcdk.policies.config.InvalidTenantConfigException when the tenant config is invalid
         * @throws IllegalArgumentException listing every other problem
         */
        public ScvAccountStackProps build() {
            List<String> problems = account.problems();
            String name = stackName != null ? stackName : DEFAULT_STACK_NAME;
            StackNames.problemOf("stackName", name).ifPresent(problems::add);
            IamMatrix.AccountMatrix matrix = null;
            StackNames names = null;
            if (tenantConfig != null) {
                checkEnv(problems);
                // IAM rejects oversized policies only at deploy time; say so at synth instead. Fitted once, here.
                if (stackNamesValid(name)) {
                    names = StackNames.of(name, tenantConfig, contactCenterStackNames);
                    matrix = IamMatrix.account(tenantConfig, names);
                    problems.addAll(IamMatrix.sizeProblems(tenantConfig, matrix, names));
                }
            }
            if (!problems.isEmpty()) {
                throw ScvAccountProps.invalid("ScvAccountStack", problems);
            }
            return new ScvAccountStackProps(this, account.buildFitted(matrix, names));
        }

        /** Whether every stack name is valid (their problems are reported by then). */
        private boolean stackNamesValid(String accountStackName) {
            return StackNames.problemOf("stackName", accountStackName).isEmpty()
                    && contactCenterStackNames.entrySet().stream()
                            .allMatch(e -> StackNames.problemOf(e.getKey(), e.getValue()).isEmpty());
        }

        private void checkEnv(List<String> problems) {
            if (env == null) {
                return;
            }
            String required = ScvNames.accountStackRegion(tenantConfig.partitionValue());
            String region = env.getRegion();
            if (region != null && !Token.isUnresolved(region) && !region.equals(required)) {
                problems.add("env.region '" + region + "' is not allowed: ScvAccountStack must be deployed in "
                        + required + ", the IAM region of partition '" + tenantConfig.partitionValue().id()
                        + "' (IAM roles, the SAML provider and the multi-region trail are account-wide); "
                        + "contact centers go in their own ScvContactCenterStack");
            }
            String account = env.getAccount();
            if (account != null && !Token.isUnresolved(account) && tenantConfig.accountId() != null
                    && !account.equals(tenantConfig.accountId())) {
                problems.add("env.account '" + account + "' differs from the tenant config's accountId '"
                        + tenantConfig.accountId() + "': every ARN is computed for the configured account");
            }
        }
    }
}
