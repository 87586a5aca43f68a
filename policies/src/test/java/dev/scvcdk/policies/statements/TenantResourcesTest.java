package dev.scvcdk.policies.statements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantResourcesTest {

    @Test
    void listsEachRegionOnceInConfigOrder() {
        // GIVEN two contact centers in one region and one in another
        TenantConfig config = new TenantConfig(TestTenants.ACCOUNT, "aws", TestTenants.ORG, null, null, null, "x",
                List.of(TestTenants.support(), TestTenants.sales(),
                        new dev.scvcdk.policies.config.ContactCenterConfig("acmeextra", "us-west-2",
                                "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "acme-extra", "https://acme.my.salesforce.com",
                                "https://acme.my.salesforce-scrt.com", null, null, null)));

        // THEN
        assertThat(new TenantResources(config).regions()).containsExactly("us-west-2", "eu-west-2");
    }

    @Test
    void viaServiceNamesTheServiceEndpointOfEachRegion() {
        assertThat(new TenantResources(TestTenants.gov()).viaService("ssm"))
                .containsExactly("ssm.us-gov-west-1.amazonaws.com");
    }

    @Test
    void accountRegionIsUsEast1CommerciallyAndUsGovWest1InGovCloud() {
        assertThat(new TenantResources(TestTenants.example()).accountRegion()).isEqualTo("us-east-1");
        assertThat(new TenantResources(TestTenants.gov()).accountRegion()).isEqualTo("us-gov-west-1");
    }
}
