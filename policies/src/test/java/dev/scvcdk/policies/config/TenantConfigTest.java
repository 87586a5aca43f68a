package dev.scvcdk.policies.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenantConfigTest {

    private static TenantConfig withSwitches(Boolean salesforceManagesFunctions, Boolean auditDataEvents) {
        return new TenantConfig(null, null, "00D5g000004ExAm", null, null, null, "saml.xml", List.of(),
                salesforceManagesFunctions, auditDataEvents);
    }

    @Test
    void leftOutSwitchesTakeTheirDefaults() {
        // GIVEN a config without either switch
        TenantConfig config = withSwitches(null, null);
        // THEN Salesforce does not manage the functions, and the trail records data events
        assertThat(config.salesforceManagesFunctionsValue()).isFalse();
        assertThat(config.auditDataEventsValue()).isTrue();
    }

    @Test
    void theConstructorWithoutSwitchesLeavesThemOut() {
        TenantConfig config = new TenantConfig(null, null, "00D5g000004ExAm", null, null, null, "saml.xml", List.of());
        assertThat(config.salesforceManagesFunctions()).isNull();
        assertThat(config.auditDataEvents()).isNull();
    }

    @Test
    void salesforceManagesFunctionsIsTakenAsWritten() {
        assertThat(withSwitches(true, null).salesforceManagesFunctionsValue()).isTrue();
        assertThat(withSwitches(false, null).salesforceManagesFunctionsValue()).isFalse();
    }

    @Test
    void auditDataEventsIsTakenAsWritten() {
        assertThat(withSwitches(null, true).auditDataEventsValue()).isTrue();
        assertThat(withSwitches(null, false).auditDataEventsValue()).isFalse();
    }
}
