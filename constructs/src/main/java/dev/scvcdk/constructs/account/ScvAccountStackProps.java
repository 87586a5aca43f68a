package dev.scvcdk.constructs.account;

import dev.scvcdk.constructs.audit.TenantDataEvents;
import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.SamlMetadataDocument;

/**
 * Properties of a {@link ScvAccountStack}. Immutable; {@link Builder#build()} validates the tenant
 * config and the environment, reporting every problem at once.
 */
public final class ScvAccountStackProps {
    /** Default stack name. */
    public static final String DEFAULT_STACK_NAME = "ScvAccountStack";

    private final TenantConfig tenantConfig;
    private final SamlMetadataDocument samlMetadata;
    private final String stackName;
    private final String description;
    private final Environment env;
    private final IamMatrix.AccountMatrix accountMatrix;

    private ScvAccountStackProps(Builder builder, IamMatrix.AccountMatrix accountMatrix) {
        this.tenantConfig = builder.tenantConfig;
        this.samlMetadata = builder.samlMetadata;
        this.stackName = builder.stackName;
        this.description = builder.description;
        this.env = builder.env;
        this.accountMatrix = accountMatrix;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The validated tenant config. */
    public TenantConfig tenantConfig() {
        return tenantConfig;
    }

    /** The Salesforce org's SAML metadata. */
    public SamlMetadataDocument samlMetadata() {
        return samlMetadata;
    }

    /**
     * CloudFormation stack name.
     *
     * @default "ScvAccountStack"
     */
    public String stackName() {
        return Optional.ofNullable(stackName).orElse(DEFAULT_STACK_NAME);
    }

    /**
     * Stack description.
     *
     * @default - a description naming the Salesforce org
     */
    public String description() {
        return Optional.ofNullable(description).orElseGet(() -> "Salesforce Service Cloud Voice account-level "
                + "resources (IAM roles, SAML provider, audit trail) for org " + tenantConfig.salesforceOrgId());
    }

    /**
     * Where the stack is deployed. The region must be the partition's IAM region
     * ({@code us-east-1}; {@code us-gov-west-1} in GovCloud).
     *
     * @default - the config's account (none: environment-agnostic) and the partition's IAM region
     */
    public Environment env() {
        String region = ScvNames.accountStackRegion(tenantConfig.partitionValue());
        Environment.Builder resolved = Environment.builder()
                .region(env != null && env.getRegion() != null ? env.getRegion() : region);
        String account = env != null && env.getAccount() != null ? env.getAccount() : tenantConfig.accountId();
        if (account != null) {
            resolved.account(account);
        }
        return resolved.build();
    }

    /** The account roles and managed policies of the tenant config, computed once when the size check ran. */
    IamMatrix.AccountMatrix accountMatrix() {
        return accountMatrix;
    }

    /** The stack props these props stand for. */
    public StackProps toStackProps() {
        return StackProps.builder()
                .stackName(stackName())
                .description(description())
                .env(env())
                .build();
    }

    /** Builder of {@link ScvAccountStackProps}. */
    public static final class Builder {
        private TenantConfig tenantConfig;
        private SamlMetadataDocument samlMetadata;
        private String stackName;
        private String description;
        private Environment env;

        private Builder() {
        }

        /** @see ScvAccountStackProps#tenantConfig() */
        public Builder tenantConfig(TenantConfig tenantConfig) {
            this.tenantConfig = tenantConfig;
            return this;
        }

        /** @see ScvAccountStackProps#samlMetadata() */
        public Builder samlMetadata(SamlMetadataDocument samlMetadata) {
            this.samlMetadata = samlMetadata;
            return this;
        }

        /** The SAML metadata as an XML string. @see ScvAccountStackProps#samlMetadata() */
        public Builder samlMetadataXml(String xml) {
            this.samlMetadata = xml == null ? null : SamlMetadataDocument.fromXml(xml);
            return this;
        }

        /** @see ScvAccountStackProps#stackName() */
        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        /** @see ScvAccountStackProps#description() */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @see ScvAccountStackProps#env() */
        public Builder env(Environment env) {
            this.env = env;
            return this;
        }

        /**
         * @throws dev.scvcdk.policies.config.InvalidTenantConfigException when the tenant config is invalid
         * @throws IllegalArgumentException listing every other problem
         */
        public ScvAccountStackProps build() {
            List<String> problems = new ArrayList<>();
            IamMatrix.AccountMatrix accountMatrix = null;
            if (tenantConfig == null) {
                problems.add("tenantConfig is required");
            } else {
                tenantConfig.validated();
                checkEnv(problems);
                // IAM rejects oversized policies only at deploy time; say so at synth instead.
                accountMatrix = IamMatrix.account(tenantConfig);
                problems.addAll(IamMatrix.sizeProblems(tenantConfig, accountMatrix));
                // CloudTrail rejects too many selector values only at deploy time, too.
                if (tenantConfig.auditDataEventsValue()) {
                    problems.addAll(TenantDataEvents.of(tenantConfig).problems());
                }
            }
            if (samlMetadata == null) {
                problems.add("samlMetadata is required: the Salesforce org's SAML metadata XML "
                        + "(Setup > Identity Provider > Download Metadata)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid ScvAccountStack props (" + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                        + String.join("\n  - ", problems));
            }
            return new ScvAccountStackProps(this, accountMatrix);
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
