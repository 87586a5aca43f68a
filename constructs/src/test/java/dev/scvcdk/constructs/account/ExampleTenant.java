package dev.scvcdk.constructs.account;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** A tenant like config/tenant.example.json: one account, two contact centers in two regions. */
final class ExampleTenant {
    static final String ACCOUNT = "111122223333";
    static final String ORG_ID = "00D5g000004ExAm";

    private ExampleTenant() {
    }

    static TenantConfig config() {
        return withBoundary(null);
    }

    /** One contact center in GovCloud (US-West). */
    static TenantConfig govCloud() {
        return new TenantConfig(ACCOUNT, "aws-us-gov", ORG_ID, null, null, null, "saml-metadata.example.xml",
                List.of(new ContactCenterConfig("acmegov", "us-gov-west-1", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70",
                        "acme-gov", "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com",
                        "PRODUCTION", null, null)));
    }

    static TenantConfig withBoundary(String permissionBoundaryArn) {
        return example(ACCOUNT, permissionBoundaryArn);
    }

    static TenantConfig withAccount(String accountId) {
        return example(accountId, null);
    }

    /** The example with {@code auditDataEvents} set as given ({@code null}: left out). */
    static TenantConfig withAuditDataEvents(Boolean auditDataEvents) {
        TenantConfig c = config();
        return new TenantConfig(c.accountId(), c.partition(), c.salesforceOrgId(), c.salesforceAccountId(),
                c.externalId(), c.permissionBoundaryArn(), c.samlMetadataFile(), c.contactCenters(),
                c.salesforceManagesFunctions(), auditDataEvents);
    }

    /** {@code count} contact centers {@code cc01..} in us-west-2. */
    static TenantConfig withContactCenters(int count) {
        return new TenantConfig(ACCOUNT, "aws", ORG_ID, null, null, null, "saml-metadata.example.xml",
                IntStream.rangeClosed(1, count)
                        .mapToObj(i -> new ContactCenterConfig(String.format(Locale.ROOT, "cc%02d", i), "us-west-2",
                                String.format(Locale.ROOT, "0c7d1a3e-5b2f-4c8d-9e1a-%012x", i), "acme-" + i,
                                "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", null, null,
                                null))
                        .toList());
    }

    private static TenantConfig example(String accountId, String permissionBoundaryArn) {
        return new TenantConfig(accountId, "aws", ORG_ID, null, null, permissionBoundaryArn,
                "saml-metadata.example.xml", List.of(
                        new ContactCenterConfig("acmesupport", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70",
                                "acme-support", "https://acme.my.salesforce.com",
                                "https://acme.my.salesforce-scrt.com", "PRODUCTION", null, null),
                        new ContactCenterConfig("acmesales", "eu-west-2", "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7",
                                "acme-sales", "https://acme.my.salesforce.com",
                                "https://acme.my.salesforce-scrt.com", "SANDBOX", null, null)));
    }
}
