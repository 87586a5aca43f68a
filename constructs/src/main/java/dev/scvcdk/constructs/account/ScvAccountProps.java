package dev.scvcdk.constructs.account;

import dev.scvcdk.constructs.audit.TenantDataEvents;
import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.StackNames;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.iam.SamlMetadataDocument;

/**
 * Props of {@link ScvAccount}. Immutable; {@link Builder#build()} validates the tenant config and reports every other
 * problem at once, each naming the prop, its value and the rule.
 */
public final class ScvAccountProps {
    private final TenantConfig tenantConfig;
    private final SamlMetadataDocument samlMetadata;
    private final Map<String, String> contactCenterStackNames;
    /** The matrix fitted for {@link #fittedFor}, when the stack props already fitted it (fitting is slow). */
    private final IamMatrix.AccountMatrix fitted;
    private final StackNames fittedFor;

    private ScvAccountProps(Builder builder, IamMatrix.AccountMatrix fitted, StackNames fittedFor) {
        this.tenantConfig = builder.tenantConfig;
        this.samlMetadata = builder.samlMetadata;
        this.contactCenterStackNames = Map.copyOf(builder.contactCenterStackNames);
        this.fitted = fitted;
        this.fittedFor = fittedFor;
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

    /** The contact-center stack names set explicitly, by call center API name (the others are the default). */
    public Map<String, String> contactCenterStackNames() {
        return contactCenterStackNames;
    }

    /** The stack names of the tenant when the account is in the stack named {@code accountStackName}. */
    public StackNames stackNames(String accountStackName) {
        return StackNames.of(accountStackName, tenantConfig, contactCenterStackNames);
    }

    /**
     * The account roles and managed policies for {@code names}: the ones the stack props fitted when the names are
     * the same, else fitted now.
     *
     * @throws IllegalArgumentException naming every IAM size problem
     */
    IamMatrix.AccountMatrix accountMatrix(StackNames names) {
        if (fitted != null && names.equals(fittedFor)) {
            return fitted;
        }
        IamMatrix.AccountMatrix matrix = IamMatrix.account(tenantConfig, names);
        List<String> problems = IamMatrix.sizeProblems(tenantConfig, matrix, names);
        if (!problems.isEmpty()) {
            throw invalid("ScvAccount", problems);
        }
        return matrix;
    }

    static IllegalArgumentException invalid(String what, List<String> problems) {
        return new IllegalArgumentException("Invalid " + what + " props (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems));
    }

    /** Builder of {@link ScvAccountProps}; {@link ScvAccountStackProps.Builder} has the same setters. */
    public static final class Builder {
        private TenantConfig tenantConfig;
        private SamlMetadataDocument samlMetadata;
        private final Map<String, String> contactCenterStackNames = new LinkedHashMap<>();

        private Builder() {
        }

        /** Required: the tenant config (validated by {@link #build()}). */
        public Builder tenantConfig(TenantConfig tenantConfig) {
            this.tenantConfig = tenantConfig;
            return this;
        }

        /** Required: the Salesforce org's SAML metadata (Setup &gt; Identity Provider &gt; Download Metadata). */
        public Builder samlMetadata(SamlMetadataDocument samlMetadata) {
            this.samlMetadata = samlMetadata;
            return this;
        }

        /** Required (or {@link #samlMetadata}): the SAML metadata as an XML string. */
        public Builder samlMetadataXml(String xml) {
            this.samlMetadata = xml == null ? null : SamlMetadataDocument.fromXml(xml);
            return this;
        }

        /**
         * The CloudFormation stack names of the contact centers, by call center API name: the provisioning role
         * may read those stacks only, and the boundary allows CloudFormation on nothing else. Name every stack
         * that holds an {@code ScvContactCenter} whose name is not the default.
         *
         * @default - {@code ScvContactCenter-<cc>} for each contact center ({@link ScvNames#contactCenterStack})
         */
        public Builder contactCenterStackNames(Map<String, String> names) {
            this.contactCenterStackNames.putAll(names);
            return this;
        }

        /**
         * @throws dev.scvcdk.policies.config.InvalidTenantConfigException when the tenant config is invalid
         * @throws IllegalArgumentException listing every other problem
         */
        public ScvAccountProps build() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw invalid("ScvAccount", problems);
            }
            return new ScvAccountProps(this, null, null);
        }

        /** Props whose problems the caller has checked, with the matrix it fitted for {@code names}. */
        ScvAccountProps buildFitted(IamMatrix.AccountMatrix matrix, StackNames names) {
            return new ScvAccountProps(this, matrix, names);
        }

        /** Every problem of these props but IAM's size quotas, which depend on the account stack's name. */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (tenantConfig == null) {
                problems.add("tenantConfig is required");
            } else {
                tenantConfig.validated();
                // CloudTrail rejects too many selector values only at deploy time; say so at synth instead.
                if (tenantConfig.auditDataEventsValue()) {
                    problems.addAll(TenantDataEvents.of(tenantConfig).problems());
                }
                Set<String> callCenters = tenantConfig.contactCenters().stream()
                        .map(ContactCenterConfig::callCenterApiName)
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
                contactCenterStackNames.forEach((cc, name) -> {
                    if (!callCenters.contains(cc)) {
                        problems.add("contactCenterStackNames names '" + cc + "', which is not a contact center of "
                                + "the tenant config " + callCenters);
                    }
                    StackNames.problemOf("contactCenterStackNames[" + cc + "]", name).ifPresent(problems::add);
                });
            }
            if (samlMetadata == null) {
                problems.add("samlMetadata is required: the Salesforce org's SAML metadata XML "
                        + "(Setup > Identity Provider > Download Metadata)");
            }
            return problems;
        }
    }
}
