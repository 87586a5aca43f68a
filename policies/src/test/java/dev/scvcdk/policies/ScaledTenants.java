package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Generated tenants with many contact centers spread over the regions Amazon Connect runs in. */
public final class ScaledTenants {
    /** Commercial Amazon Connect regions, in the order contact centers are spread over them. */
    public static final List<String> CONNECT_REGIONS = List.of(
            "us-east-1", "us-west-2", "eu-west-2", "eu-central-1", "ap-southeast-2", "ap-northeast-1",
            "ap-northeast-2", "ap-southeast-1", "ca-central-1", "af-south-1");

    private ScaledTenants() {
    }

    /** {@code count} contact centers named {@code acmecenterNN}, round-robin over {@code regions} Connect regions. */
    public static TenantConfig withContactCenters(int count, int regions) {
        return withContactCenters(count, regions, "acmecenter");
    }

    /** As above with a name prefix of choice (names are {@code <prefix>NN}). */
    public static TenantConfig withContactCenters(int count, int regions, String namePrefix) {
        if (regions < 1 || regions > CONNECT_REGIONS.size()) {
            throw new IllegalArgumentException("regions must be 1.." + CONNECT_REGIONS.size() + ", was " + regions);
        }
        List<ContactCenterConfig> contactCenters = IntStream.rangeClosed(1, count)
                .mapToObj(i -> contactCenter(namePrefix + String.format(Locale.ROOT, "%02d", i),
                        CONNECT_REGIONS.get((i - 1) % regions), i))
                .toList();
        return new TenantConfig(TestTenants.ACCOUNT, "aws", TestTenants.ORG, null, null, null,
                "saml-metadata.example.xml", contactCenters);
    }

    /** The same tenant without an account id (ARNs carry the AWS::AccountId token). */
    public static TenantConfig envAgnostic(TenantConfig config) {
        return new TenantConfig(null, config.partition(), config.salesforceOrgId(), config.salesforceAccountId(),
                config.externalId(), config.permissionBoundaryArn(), config.samlMetadataFile(),
                config.contactCenters());
    }

    private static ContactCenterConfig contactCenter(String name, String region, int i) {
        String instanceId = String.format(Locale.ROOT, "%08x-1c2d-4e3f-8a4b-%012x", 0x5c0000 + i, 0xacce55L + i);
        return new ContactCenterConfig(name, region, instanceId, name + "-connect",
                "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com",
                i % 2 == 0 ? "SANDBOX" : "PRODUCTION", null, TestTenants.SUPPORT_FEATURES);
    }
}
