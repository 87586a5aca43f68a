package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.Features;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;

/** Tenant configs built in code: the example tenant (two contact centers), GovCloud, env-agnostic. */
public final class TestTenants {
    public static final String ACCOUNT = "111122223333";
    public static final String ORG = "00D5g000004ExAm";
    public static final String SUPPORT_INSTANCE = "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70";
    public static final String SALES_INSTANCE = "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7";

    private TestTenants() {
    }

    /** Every feature on, as in the example config. */
    public static final Features SUPPORT_FEATURES = new Features(true, null, true, true, true, true, true);
    /** Voicemail only, as in the example config. */
    public static final Features SALES_FEATURES = new Features(null, null, null, null, null, null, true);

    public static ContactCenterConfig support() {
        return new ContactCenterConfig("acmesupport", "us-west-2", SUPPORT_INSTANCE, "acme-support",
                "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", "PRODUCTION", null,
                SUPPORT_FEATURES);
    }

    public static ContactCenterConfig sales() {
        return new ContactCenterConfig("acmesales", "eu-west-2", SALES_INSTANCE, "acme-sales",
                "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", "SANDBOX", null,
                SALES_FEATURES);
    }

    /** config/tenant.example.json, built in code. */
    public static TenantConfig example() {
        return new TenantConfig(ACCOUNT, "aws", ORG, null, null, null, "saml-metadata.example.xml",
                List.of(support(), sales()));
    }

    /** The example tenant with every feature on in both contact centers. */
    public static TenantConfig allFeaturesEverywhere() {
        return withFeatures(SUPPORT_FEATURES);
    }

    /** The example tenant with every optional feature off (contact events on, its default). */
    public static TenantConfig noFeatures() {
        return withFeatures(null);
    }

    private static TenantConfig withFeatures(Features features) {
        return new TenantConfig(ACCOUNT, "aws", ORG, null, null, null, "saml-metadata.example.xml",
                List.of(support(), sales()).stream().map(cc -> new ContactCenterConfig(cc.callCenterApiName(),
                        cc.region(), cc.connectInstanceId(), cc.connectInstanceAlias(), cc.orgDomainUrl(),
                        cc.scrtUrl(), cc.environment(), cc.salesforceCredentialsSecretArn(), features)).toList());
    }

    public static TenantConfig withExternalId(String externalId) {
        return new TenantConfig(ACCOUNT, "aws", ORG, null, externalId, null, "saml-metadata.example.xml",
                List.of(support(), sales()));
    }

    public static TenantConfig gov() {
        return new TenantConfig(ACCOUNT, "aws-us-gov", ORG, null, null, null, "saml-metadata.example.xml",
                List.of(new ContactCenterConfig("govsupport", "us-gov-west-1", SUPPORT_INSTANCE, "gov-support",
                        "https://agency.my.salesforce.com", "https://agency.my.salesforce-scrt.com", "PRODUCTION",
                        null, SUPPORT_FEATURES)));
    }

    /** No account id: ARNs carry the AWS::AccountId token. */
    public static TenantConfig envAgnostic() {
        return new TenantConfig(null, "aws", ORG, null, null, null, "saml-metadata.example.xml",
                List.of(support()));
    }
}
