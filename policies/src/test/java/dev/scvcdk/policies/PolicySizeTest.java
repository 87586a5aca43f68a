package dev.scvcdk.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.PolicyDocument;
import dev.scvcdk.policies.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IAM rejects a role whose inline policies exceed 10,240 characters, a managed policy over 6,144,
 * more than 10 attached managed policies, or a trust policy over 2,048. Sizes here are measured
 * independently of {@link IamPolicySizes}: the documents' JSON form serialized by Jackson, the compact
 * JSON CloudFormation will send (that CDK renders the same JSON: the constructs' {@code IamRenderTest}).
 */
class PolicySizeTest {
    private static final int INLINE_LIMIT = 10_240;
    private static final int MANAGED_LIMIT = 6_144;
    private static final int ATTACHMENT_LIMIT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int characters(List<Statement> statements) throws JsonProcessingException {
        if (statements.isEmpty()) {
            return 0;
        }
        return JSON.writeValueAsString(new PolicyDocument(statements).toIamJson()).length();
    }

    static Stream<Arguments> tenants() {
        return Stream.of(
                Arguments.of("1 contact center", ScaledTenants.withContactCenters(1, 1)),
                Arguments.of("2 contact centers in 2 regions", ScaledTenants.withContactCenters(2, 2)),
                Arguments.of("the example tenant", TestTenants.example()),
                Arguments.of("10 contact centers in 5 regions", ScaledTenants.withContactCenters(10, 5)),
                Arguments.of("25 contact centers in 10 regions", ScaledTenants.withContactCenters(25, 10)),
                Arguments.of("25 contact centers in 2 regions", ScaledTenants.withContactCenters(25, 2)));
    }

    private static List<RoleSpec> everyRole(TenantConfig config) {
        List<RoleSpec> roles = new ArrayList<>(IamMatrix.accountRoles(config));
        for (ContactCenterConfig cc : config.contactCenters()) {
            roles.addAll(IamMatrix.contactCenterRoles(config, cc));
        }
        return roles;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenants")
    void everyRolesInlinePoliciesAndAttachmentsFitIam(String tenant, TenantConfig config)
            throws JsonProcessingException {
        for (RoleSpec role : everyRole(config)) {
            assertThat(characters(role.inlineStatements())).as(role.roleName()).isLessThanOrEqualTo(INLINE_LIMIT);
            assertThat(role.managedPolicyNames()).as(role.roleName()).hasSizeLessThanOrEqualTo(ATTACHMENT_LIMIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenants")
    void everyManagedPolicyAndTheBoundaryFitIam(String tenant, TenantConfig config) throws JsonProcessingException {
        for (ManagedPolicySpec policy : IamMatrix.managedPolicies(config)) {
            assertThat(characters(policy.statements())).as(policy.name()).isLessThanOrEqualTo(MANAGED_LIMIT);
        }
        String boundary = JSON.writeValueAsString(IamMatrix.permissionBoundary(config).toIamJson());
        assertThat(boundary.length()).isLessThanOrEqualTo(MANAGED_LIMIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenants")
    void theSizeGuardFindsNothingToReport(String tenant, TenantConfig config) {
        assertThat(IamPolicySizes.check(config)).isEmpty();
    }

    @Test
    void theGuardMeasuresTheCompactJsonCloudFormationSends() throws JsonProcessingException {
        // GIVEN the policies of a 10-contact-center tenant WHEN measured by the guard and independently
        TenantConfig config = ScaledTenants.withContactCenters(10, 5);
        for (RoleSpec role : IamMatrix.accountRoles(config)) {
            // THEN both agree to the character
            assertThat(IamPolicySizes.characters(role.inlineStatements())).as(role.roleName())
                    .isEqualTo(characters(role.inlineStatements()));
        }
        for (ManagedPolicySpec policy : IamMatrix.managedPolicies(config)) {
            assertThat(IamPolicySizes.characters(policy.statements())).as(policy.name())
                    .isEqualTo(characters(policy.statements()));
        }
    }

    @Test
    void anEnvironmentAgnosticTenantIsMeasuredWithATwelveDigitAccountId() {
        // GIVEN the same 25 contact centers with and without an account id (ARNs then carry AWS::AccountId)
        TenantConfig withAccount = ScaledTenants.withContactCenters(25, 10);
        TenantConfig agnostic = ScaledTenants.envAgnostic(withAccount);
        List<RoleSpec> expected = IamMatrix.accountRoles(withAccount);
        List<RoleSpec> actual = IamMatrix.accountRoles(agnostic);

        // THEN every role measures the same, and the guard finds nothing
        for (int i = 0; i < expected.size(); i++) {
            assertThat(IamPolicySizes.characters(actual.get(i).inlineStatements())).as(actual.get(i).roleName())
                    .isEqualTo(IamPolicySizes.characters(expected.get(i).inlineStatements()));
        }
        assertThat(IamPolicySizes.check(agnostic)).isEmpty();
    }
}
