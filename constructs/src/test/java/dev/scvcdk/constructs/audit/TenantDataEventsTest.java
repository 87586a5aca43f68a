package dev.scvcdk.constructs.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TenantDataEventsTest {

    /** {@code count} contact centers {@code cc01..} in us-west-2. */
    static TenantConfig tenantWith(int count) {
        List<ContactCenterConfig> centers = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new ContactCenterConfig(String.format(Locale.ROOT, "cc%02d", i), "us-west-2",
                        String.format(Locale.ROOT, "0c7d1a3e-5b2f-4c8d-9e1a-%012x", i), "acme-" + i,
                        "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", null, null, null))
                .toList();
        return new TenantConfig("111122223333", "aws", "00D5g000004ExAm", null, null, null, "saml.xml", centers);
    }

    @Test
    void prefixesAreInTheConfigsPartition() {
        // GIVEN a GovCloud tenant with one contact center
        TenantConfig gov = new TenantConfig("111122223333", "aws-us-gov", "00D5g000004ExAm", null, null, null,
                "saml.xml", List.of(new ContactCenterConfig("acmegov", "us-gov-west-1",
                        "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70", "acme-gov", "https://acme.my.salesforce.com",
                        "https://acme.my.salesforce-scrt.com", null, null, null)));
        // WHEN its data events are computed
        TenantDataEvents events = TenantDataEvents.of(gov);
        // THEN every prefix is an aws-us-gov ARN
        assertThat(events.objectPrefixes()).containsExactly("arn:aws-us-gov:s3:::acmegov-111122223333-us-gov-west-1-scv/");
        assertThat(events.functionPrefixes()).containsExactlyElementsOf(
                AuditTrailTest.SCV_FUNCTIONS.stream()
                        .map(name -> "arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:acmegov-" + name)
                        .toList());
    }

    @Test
    void twentySixContactCentersFitCloudTrailsQuota() {
        // GIVEN 26 contact centers: 5 fixed values + 19 prefixes each = 499
        TenantDataEvents events = TenantDataEvents.of(tenantWith(26));
        // THEN the selectors fit the 500 values CloudTrail allows
        assertThat(events.selectorValueCount()).isEqualTo(499);
        assertThat(events.problems()).isEmpty();
    }

    @Test
    void twentySevenContactCentersExceedTheQuotaWithTheWayOut() {
        // GIVEN 27 contact centers: 518 values
        TenantDataEvents events = TenantDataEvents.of(tenantWith(27));
        // THEN one problem names the switch, the count, the quota and what to do
        assertThat(events.problems()).containsExactly("auditDataEvents is on (the default): the audit trail's "
                + "data-event selectors need 518 values for 27 contact centers (19 ARN prefixes each: the tenant "
                + "bucket and 18 SCV functions); CloudTrail allows at most 500 per trail: set auditDataEvents to "
                + "false, or split the contact centers across AWS accounts");
    }
}
