package dev.scvcdk.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackNamesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    @Test
    void defaultsAreTheLibrarysNamesAndValidForCallCentersWithUnderscores() {
        // GIVEN a contact center whose API name has an underscore
        ContactCenterConfig cc = EXAMPLE.contactCenters().get(0);
        ContactCenterConfig underscored = new ContactCenterConfig("acme_support", cc.region(), cc.connectInstanceId(),
                cc.connectInstanceAlias(), cc.orgDomainUrl(), cc.scrtUrl(), cc.environment(), null, null);
        TenantConfig tenant = new TenantConfig(EXAMPLE.accountId(), "aws", EXAMPLE.salesforceOrgId(), null, null,
                null, EXAMPLE.samlMetadataFile(), List.of(underscored));

        // WHEN the default names are derived
        StackNames names = StackNames.defaults(tenant);

        // THEN they are the account stack's and ScvContactCenter-<cc> with '-' for '_'
        assertThat(names.accountStack()).isEqualTo("ScvAccountStack");
        assertThat(names.contactCenterStack("acme_support")).isEqualTo("ScvContactCenter-acme-support")
                .matches(StackNames.STACK_NAME);
    }

    @Test
    void aGivenNameReplacesTheDefaultOfItsContactCenterOnly() {
        StackNames names = StackNames.of("Corp", EXAMPLE, Map.of("acmesales", "Corp-Sales"));

        assertThat(names.contactCenterStacks()).containsExactly(Map.entry("acmesupport", "ScvContactCenter-acmesupport"),
                Map.entry("acmesales", "Corp-Sales"));
    }

    @Test
    void aNameCloudFormationRejectsIsAnErrorNamingFieldValueAndRule() {
        assertThatThrownBy(() -> StackNames.of("1Scv", EXAMPLE, Map.of("acmesales", "Corp_Sales")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accountStack '1Scv' is not a CloudFormation stack name: it must match "
                        + "^[A-Za-z][A-Za-z0-9-]{0,127}$ (a letter, then up to 127 letters, digits and hyphens); "
                        + "contactCenterStacks[acmesales] 'Corp_Sales' is not a CloudFormation stack name: it must "
                        + "match ^[A-Za-z][A-Za-z0-9-]{0,127}$ (a letter, then up to 127 letters, digits and hyphens)");
    }

    @Test
    void aNameOfMoreThan128CharactersIsRejected() {
        assertThat(StackNames.problemOf("stackName", "A".repeat(128))).isEmpty();
        assertThat(StackNames.problemOf("stackName", "A".repeat(129))).isPresent();
    }
}
