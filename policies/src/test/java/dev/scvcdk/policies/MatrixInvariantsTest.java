package dev.scvcdk.policies;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.Effect;
import dev.scvcdk.policies.iam.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules that hold for every statement of the matrix: commercial, GovCloud and 25-contact-center tenants. */
class MatrixInvariantsTest {

    static Stream<TenantConfig> tenants() {
        return Stream.of(TestTenants.example(), TestTenants.gov(), ScaledTenants.withContactCenters(25, 10));
    }

    /** Every policy of the matrix, rendered, by owner (role or managed policy name). */
    static Map<String, List<Map<String, Object>>> everyPolicy(TenantConfig config) {
        Map<String, List<Map<String, Object>>> policies = new LinkedHashMap<>();
        IamMatrix.accountRoles(config).forEach(r -> policies.put(r.roleName(), PolicyJson.render(r.inlineStatements())));
        for (ContactCenterConfig cc : config.contactCenters()) {
            IamMatrix.contactCenterRoles(config, cc)
                    .forEach(r -> policies.put(r.roleName(), PolicyJson.render(r.inlineStatements())));
        }
        IamMatrix.managedPolicies(config).forEach(p -> policies.put(p.name(), PolicyJson.render(p.statements())));
        policies.put("boundary", PolicyJson.render(IamMatrix.permissionBoundary(config)));
        return policies;
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void noPolicyGrantsAForbiddenActionWildcard(TenantConfig config) {
        everyPolicy(config).forEach((owner, statements) ->
                assertThat(PolicyInvariants.forbiddenActions(owner, statements)).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("tenants")
    void wildcardResourcesCarryOnlyActionsWithoutResourceLevelPermissions(TenantConfig config) {
        everyPolicy(config).forEach((owner, statements) ->
                assertThat(PolicyInvariants.wildcardResources(owner, statements)).isEmpty());
    }

    @Test
    void roleGrantsOnWildcardAreBoundToTheContactCenterRegions() {
        // GIVEN the example tenant WHEN every role's wildcard grant is inspected
        everyPolicy(TestTenants.example()).forEach((owner, statements) -> {
            if (owner.equals("boundary")) {
                return;
            }
            statements.stream()
                    .filter(s -> "Allow".equals(s.get("Effect")) && resources(s).contains("*"))
                    // THEN it names the regions it may be used in: the account stack's and those of contact centers that need it
                    .forEach(s -> assertThat(condition(s, "StringEquals", "aws:RequestedRegion"))
                            .as(owner + "/" + s.get("Sid"))
                            .isNotEmpty()
                            .isSubsetOf("us-east-1", "us-west-2", "eu-west-2"));
        });
    }

    @Test
    void everyKmsGrantNamesItsKeysByAliasOrEncryptionContext() {
        everyPolicy(TestTenants.example()).forEach((owner, statements) -> statements.stream()
                .filter(s -> "Allow".equals(s.get("Effect")) && !owner.equals("boundary"))
                .filter(s -> actions(s).stream().anyMatch(a -> a.toString().startsWith("kms:")))
                .filter(s -> !actions(s).contains("kms:ListAliases"))
                .forEach(s -> {
                    @SuppressWarnings("unchecked")
                    String conditions = String.valueOf((Map<String, Object>) s.get("Condition"));
                    assertThat(conditions).as(owner + "/" + s.get("Sid"))
                            .containsAnyOf("kms:ResourceAliases", "kms:EncryptionContext:");
                }));
    }

    @Test
    void kmsDataKeyGrantsAlwaysNameTheCallingService() {
        everyPolicy(TestTenants.example()).forEach((owner, statements) -> statements.stream()
                .filter(s -> "Allow".equals(s.get("Effect")) && !owner.equals("boundary"))
                .filter(s -> actions(s).contains("kms:Decrypt") || actions(s).contains("kms:GenerateDataKey"))
                .forEach(s -> assertThat(condition(s, "StringEquals", "kms:ViaService"))
                        .as(owner + "/" + s.get("Sid")).isNotEmpty()));
    }

    @Test
    void govCloudTenantNeverRendersTheCommercialPartition() {
        everyPolicy(TestTenants.gov()).forEach((owner, statements) -> {
            assertThat(statements.toString()).as(owner).doesNotContain("arn:aws:");
            if (!statements.isEmpty()) {
                assertThat(statements.toString()).as(owner).contains("arn:aws-us-gov:");
            }
        });
    }

    @Test
    void everyAttachedManagedPolicyExists() {
        TenantConfig config = TestTenants.example();
        List<String> names = IamMatrix.managedPolicies(config).stream().map(ManagedPolicySpec::name).toList();
        IamMatrix.accountRoles(config).forEach(r ->
                assertThat(names).as(r.roleName()).containsAll(r.managedPolicyNames()));
    }

    @Test
    void invariantsFlagForbiddenWildcardsAndResourceWildcards() {
        // GIVEN a non-compliant statement: a service wildcard and a resource-level action on '*'
        Statement bad = new Statement("Bad", Effect.ALLOW,
                List.of("ssm:*", "s3:GetObject", "transcribe:StartStreamTranscription"), List.of("*"));
        List<Map<String, Object>> rendered = PolicyJson.render(List.of(bad));

        // THEN both rules report it; the action without resource-level permissions passes
        assertThat(PolicyInvariants.forbiddenActions("test", rendered)).containsExactly("test/Bad grants ssm:*");
        assertThat(PolicyInvariants.wildcardResources("test", rendered))
                .containsExactly("test/Bad grants ssm:* on *", "test/Bad grants s3:GetObject on *");
    }
}
