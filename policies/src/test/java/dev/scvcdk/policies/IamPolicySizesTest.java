package dev.scvcdk.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.Statements;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IamPolicySizesTest {

    /**
     * {@code {"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Resource":[...],"Sid":"Big"}],
     * "Version":"2012-10-17"}}: 107 characters around the list, and 31 per resource
     * ({@code "arn:aws:s3:::scv-bucket-NNN/*"}) plus a comma between two.
     */
    private static Statement bigStatement(int resources) {
        return Statements.allow("Big")
                .actions("s3:GetObject")
                .resources(IntStream.range(0, resources)
                        .mapToObj(i -> String.format(Locale.ROOT, "arn:aws:s3:::scv-bucket-%03d/*", i))
                        .toList())
                .build();
    }

    private static RoleSpec role(List<Statement> inline, List<String> managed, Trust trust) {
        return new RoleSpec("SCVBigRole", "test", trust, "BigRolePolicy", inline, managed, null);
    }

    private static final Trust LAMBDA = new Trust.Service("lambda.amazonaws.com");

    @Test
    void measuresTheDocumentWithoutWhitespaceAsIamCountsIt() {
        // 107 + 3 × 31 + 2 commas
        assertThat(IamPolicySizes.characters(List.of(bigStatement(3)))).isEqualTo(202);
        assertThat(IamPolicySizes.characters(List.of())).isZero();
    }

    @Test
    void reportsAnInlinePolicyOverTheRoleQuotaWithNameSizeLimitAndContactCenterCount() {
        // GIVEN 330 resources: 107 + 330 × 31 + 329 = 10,666 characters
        RoleSpec role = role(List.of(bigStatement(330)), List.of(), LAMBDA);

        // WHEN / THEN
        assertThat(IamPolicySizes.checkRole(role, 25)).containsExactly(
                "role SCVBigRole inline policies: 10,666 characters (without whitespace), over IAM's limit of 10,240"
                        + " for a role's inline policies, with 25 contact centers");
    }

    @Test
    void reportsAManagedPolicyOverItsQuota() {
        // GIVEN 200 resources: 107 + 200 × 31 + 199 = 6,506 characters
        ManagedPolicySpec policy = new ManagedPolicySpec("SCVBigPolicy", "test", List.of(bigStatement(200)));

        assertThat(IamPolicySizes.checkManagedPolicy(policy, 3)).containsExactly(
                "managed policy SCVBigPolicy: 6,506 characters (without whitespace), over IAM's limit of 6,144"
                        + " for a managed policy, with 3 contact centers");
    }

    @Test
    void aPolicyExactlyAtTheLimitPasses() {
        // 107 + 194 × 31 + 193 = 6,314 is over; 188 resources: 107 + 5,828 + 187 = 6,122 fits
        assertThat(IamPolicySizes.checkManagedPolicy(new ManagedPolicySpec("P", "t", List.of(bigStatement(188))), 1))
                .isEmpty();
    }

    @Test
    void reportsMoreManagedPoliciesThanARoleMayHave() {
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "SCVPolicy" + i).toList();

        assertThat(IamPolicySizes.checkRole(role(List.of(), eleven, LAMBDA), 25)).containsExactly(
                "role SCVBigRole has 11 managed policies attached, over IAM's limit of 10 per role,"
                        + " with 25 contact centers");
    }

    @Test
    void reportsATrustPolicyOverItsQuota() {
        // GIVEN an external id of 2,100 characters
        Trust trust = new Trust.SalesforceAccount("793525387755", "x".repeat(2_100));

        List<String> problems = IamPolicySizes.checkRole(role(List.of(), List.of(), trust), 2);

        assertThat(problems).singleElement().asString()
                .startsWith("role SCVBigRole trust policy: 2,")
                .endsWith(" characters (without whitespace), over IAM's limit of 2,048 for a trust policy,"
                        + " with 2 contact centers");
    }

    @Test
    void theTrustPoliciesOfTheMatrixAreSmall() {
        // Salesforce's trust with the org id as external id, Lambda's, and the SAML federation
        TenantConfig config = TestTenants.example();
        IamMatrix.accountRoles(config).forEach(r ->
                assertThat(IamPolicySizes.trustCharacters(r.trust())).as(r.roleName()).isBetween(100, 400));
        IamMatrix.contactCenterRoles(config, TestTenants.support()).forEach(r ->
                assertThat(IamPolicySizes.trustCharacters(r.trust())).as(r.roleName()).isBetween(100, 400));
    }

    @Test
    void reportsEveryProblemOfATenantTooLargeForIamAndValidateThrowsThemAll() {
        // GIVEN far more contact centers than one account's IAM quotas can take
        TenantConfig config = ScaledTenants.withContactCenters(60, 10, "acmecustomerservicecenter");

        // WHEN
        List<String> problems = IamPolicySizes.check(config);

        // THEN the role that runs out of managed-policy attachments is named, with the count
        assertThat(problems).isNotEmpty()
                .allMatch(p -> p.endsWith("with 60 contact centers"))
                .anyMatch(p -> p.matches("role SCVProvisioningRole has \\d+ managed policies attached, over IAM's"
                        + " limit of 10 per role, with 60 contact centers"));
        // AND what the matrix split to fit IAM stays within the policy sizes: only attachments run out, and the
        // trust naming every instance Connect streams Contact Lens for
        assertThat(problems).allMatch(p -> p.matches("role \\w+ has \\d+ managed policies attached, .*")
                || p.startsWith("role SCVContactLensStreamingRoleResource trust policy: "));
        assertThatThrownBy(() -> IamPolicySizes.validate(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the SCV IAM matrix exceeds IAM's limits:")
                .hasMessageContaining(problems.get(0))
                .hasMessageContaining(problems.get(problems.size() - 1));
    }

    @Test
    void validatePassesATenantThatFits() {
        IamPolicySizes.validate(ScaledTenants.withContactCenters(25, 10));
        assertThat(IamMatrix.sizeProblems(TestTenants.example())).isEmpty();
    }
}
