package dev.scvcdk.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** IAM rejects a role whose inline policies exceed 10,240 characters, or a managed policy over 6,144. */
class PolicySizeTest {
    private static final int INLINE_LIMIT = 10_240;
    private static final int MANAGED_LIMIT = 6_144;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int characters(List<PolicyStatement> statements) throws JsonProcessingException {
        Object resolved = new Stack().resolve(PolicyDocument.Builder.create().statements(statements).build());
        return resolved == null ? 0 : JSON.writeValueAsString(resolved).length();
    }

    @Test
    void exampleTenantsInlinePoliciesFitIam() throws JsonProcessingException {
        TenantConfig config = TestTenants.example();
        for (RoleSpec role : IamMatrix.accountRoles(config)) {
            assertThat(characters(role.inlineStatements())).as(role.roleName()).isLessThanOrEqualTo(INLINE_LIMIT);
        }
        for (ContactCenterConfig cc : config.contactCenters()) {
            for (RoleSpec role : IamMatrix.contactCenterRoles(config, cc)) {
                assertThat(characters(role.inlineStatements())).as(role.roleName()).isLessThanOrEqualTo(INLINE_LIMIT);
            }
        }
    }

    @Test
    void exampleTenantsManagedPoliciesAndBoundaryFitIam() throws JsonProcessingException {
        TenantConfig config = TestTenants.example();
        for (ManagedPolicySpec policy : IamMatrix.managedPolicies(config)) {
            assertThat(characters(policy.statements())).as(policy.name()).isLessThanOrEqualTo(MANAGED_LIMIT);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> boundary = (Map<String, Object>) new Stack().resolve(IamMatrix.permissionBoundary(config));
        assertThat(JSON.writeValueAsString(boundary).length()).isLessThanOrEqualTo(MANAGED_LIMIT);
    }
}
