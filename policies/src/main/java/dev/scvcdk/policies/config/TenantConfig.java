package dev.scvcdk.policies.config;

import java.util.List;
import java.util.Optional;

/**
 * The one input of an SCV tenant: everything about one AWS account and its contact centers.
 *
 * <p>Values are kept as written in the file so that validation can quote them; use
 * {@link TenantConfigValidator} (or {@link #validated()}) before building anything from it.
 *
 * @param accountId            AWS account id (12 digits); {@code null} for an environment-agnostic app
 * @param partition            {@code aws} or {@code aws-us-gov}; {@code null} means {@code aws}
 * @param salesforceOrgId      the Salesforce org id, {@code 00D} + 12 alphanumerics
 * @param salesforceAccountId  Salesforce's AWS account (MPA); {@code null} means the partition's default
 * @param externalId           {@code sts:ExternalId} required of Salesforce's account; {@code null} means the org id
 * @param permissionBoundaryArn an existing managed policy to use as every role's boundary;
 *                             {@code null} means the stack creates the SCV boundary
 * @param samlMetadataFile     the org's SAML metadata XML, relative to the config file: required in a config file
 *                             (TenantConfigLoader reads it), unused when code passes the XML to the constructs
 * @param contactCenters       one entry per contact center of this account (at least one)
 * @param salesforceManagesFunctions whether Salesforce's provisioning may replace the code and configuration of
 *                             the SCV functions (and so pass their roles); {@code null} means false
 * @param auditDataEvents      whether the audit trail records data events of the tenant buckets' objects and
 *                             the SCV functions' invocations; {@code null} means true
 */
public record TenantConfig(
        String accountId,
        String partition,
        String salesforceOrgId,
        String salesforceAccountId,
        String externalId,
        String permissionBoundaryArn,
        String samlMetadataFile,
        List<ContactCenterConfig> contactCenters,
        Boolean salesforceManagesFunctions,
        Boolean auditDataEvents) {

    public TenantConfig {
        contactCenters = contactCenters == null ? null : List.copyOf(contactCenters);
    }

    /** A config with both switches left out, i.e. at their defaults. */
    public TenantConfig(String accountId, String partition, String salesforceOrgId, String salesforceAccountId,
                        String externalId, String permissionBoundaryArn, String samlMetadataFile,
                        List<ContactCenterConfig> contactCenters) {
        this(accountId, partition, salesforceOrgId, salesforceAccountId, externalId, permissionBoundaryArn,
                samlMetadataFile, contactCenters, null, null);
    }

    /** The partition this tenant lives in. */
    public Partition partitionValue() {
        return partition == null ? Partition.AWS : Partition.fromId(partition);
    }

    /** Salesforce's AWS account, configured or the partition's default. */
    public String effectiveSalesforceAccountId() {
        return salesforceAccountId != null ? salesforceAccountId : partitionValue().salesforceAccountId();
    }

    /** The external id Salesforce must present when it assumes a role in this account. */
    public String effectiveExternalId() {
        return externalId != null ? externalId : salesforceOrgId;
    }

    public Optional<String> accountIdValue() {
        return Optional.ofNullable(accountId);
    }

    public Optional<String> permissionBoundaryArnValue() {
        return Optional.ofNullable(permissionBoundaryArn);
    }

    /** Whether Salesforce's provisioning may update SCV function code and configuration; default false. */
    public boolean salesforceManagesFunctionsValue() {
        return salesforceManagesFunctions != null && salesforceManagesFunctions;
    }

    /** Whether the audit trail records data events of the tenant buckets and SCV functions; default true. */
    public boolean auditDataEventsValue() {
        return auditDataEvents == null || auditDataEvents;
    }

    /** Throws {@link InvalidTenantConfigException} listing every problem, or returns this config. */
    public TenantConfig validated() {
        List<String> problems = TenantConfigValidator.validate(this);
        if (!problems.isEmpty()) {
            throw new InvalidTenantConfigException(null, problems);
        }
        return this;
    }
}
