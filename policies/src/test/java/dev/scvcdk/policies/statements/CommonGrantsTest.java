package dev.scvcdk.policies.statements;

import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.PolicyJson;
import dev.scvcdk.policies.TestTenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommonGrantsTest {
    private final CommonGrants grants = new CommonGrants(new TenantResources(TestTenants.example()));

    @Test
    void refusesToGrantAnActionWithResourceLevelPermissionsOnWildcard() {
        assertThatThrownBy(() -> grants.wildcardOnly("Bad", "ssm:GetParameter"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ssm:GetParameter");
    }

    @Test
    void grantsAnActionWithoutResourceLevelPermissionsOnWildcardInTheContactCenterRegions() {
        Map<String, Object> statement = PolicyJson.render(
                List.of(grants.wildcardOnly("Ok", "transcribe:StartStreamTranscription"))).get(0);

        assertThat(resources(statement)).containsExactly("*");
        assertThat(condition(statement, "StringEquals", "aws:RequestedRegion")).containsExactly("us-west-2", "eu-west-2");
    }
}
