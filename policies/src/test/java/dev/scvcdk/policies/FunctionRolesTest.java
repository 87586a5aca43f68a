package dev.scvcdk.policies;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.declarations.FunctionContract;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.policies.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each SCV function's execution role is what its contract declares, derived — nothing more, nothing less. */
class FunctionRolesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    private static RoleSpec roleOf(TenantConfig config, Function function) {
        return IamMatrix.accountRole(config, FunctionContracts.of(function).roleName());
    }

    private static List<Map<String, Object>> effectiveOf(Function function) {
        return effectiveOf(EXAMPLE, function);
    }

    /** Inline statements and those of the attached managed policies, as IAM evaluates them. */
    private static List<Map<String, Object>> effectiveOf(TenantConfig config, Function function) {
        RoleSpec role = roleOf(config, function);
        List<Statement> all = new ArrayList<>(role.inlineStatements());
        IamMatrix.managedPolicies(config).stream()
                .filter(policy -> role.managedPolicyNames().contains(policy.name()))
                .forEach(policy -> all.addAll(policy.statements()));
        return PolicyJson.render(all);
    }

    @Test
    void everyFunctionRunsAsALambdaTrustedAccountRole() {
        for (FunctionContract contract : FunctionContracts.all()) {
            assertThat(roleOf(EXAMPLE, contract.function()).trust()).as(contract.function().name())
                    .isEqualTo(new Trust.Service("lambda.amazonaws.com"));
        }
    }

    @Test
    void everyFunctionsRoleWritesThatFunctionsLogGroupInEachContactCenter() {
        for (FunctionContract contract : FunctionContracts.all()) {
            List<Object> logStreams = effectiveOf(contract.function()).stream()
                    .filter(s -> actions(s).contains("logs:PutLogEvents"))
                    .flatMap(s -> resources(s).stream())
                    .toList();
            String name = contract.function().baseName();
            if (contract.feature().enabledIn(TestTenants.support())) {
                assertThat(logStreams).as(name).contains(
                        "arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/acmesupport-" + name + ":*");
            }
            if (contract.feature().enabledIn(TestTenants.sales())) {
                assertThat(logStreams).as(name).contains(
                        "arn:aws:logs:eu-west-2:111122223333:log-group:/aws/lambda/acmesales-" + name + ":*");
            }
        }
    }

    @Test
    void aRoleMaySendToTheFailureQueueExactlyWhenOneOfItsFunctionsHasAFailureDestination() {
        for (String roleName : FunctionContracts.executionRoles()) {
            Function any = FunctionContracts.runningAs(roleName).get(0).function();
            boolean sends = effectiveOf(any).stream().anyMatch(s -> actions(s).contains("sqs:SendMessage"));
            boolean needed = FunctionContracts.runningAs(roleName).stream()
                    .filter(c -> EXAMPLE.contactCenters().stream().anyMatch(cc -> c.feature().enabledIn(cc)))
                    .anyMatch(FunctionContract::hasFailureDestination);
            assertThat(sends).as(roleName).isEqualTo(needed);
        }
    }

    @Test
    void givenRealtimeTranscriptionIsOffEverywhere_thenTheTranscriberRoleReachesNoLiveMedia() {
        assertThat(effectiveOf(TestTenants.noFeatures(), Function.KVS_TRANSCRIBER))
                .noneMatch(s -> actions(s).stream().anyMatch(a -> a.toString().startsWith("kinesisvideo:")));
    }

    @Test
    void aManagedPolicyIsAttachedOnlyWhereEveryOneOfItsStatementsIsNeeded() {
        for (RoleSpec role : IamMatrix.accountRoles(EXAMPLE)) {
            for (ManagedPolicySpec policy : IamMatrix.managedPolicies(EXAMPLE)) {
                if (role.managedPolicyNames().contains(policy.name())
                        && FunctionContracts.executionRoles().contains(role.roleName())) {
                    List<Statement> derived = new dev.scvcdk.policies.roles.FunctionRoles(
                            new dev.scvcdk.policies.statements.TenantResources(EXAMPLE))
                            .all().stream().filter(r -> r.roleName().equals(role.roleName()))
                            .findFirst().orElseThrow().inlineStatements();
                    assertThat(derived).as(role.roleName() + " / " + policy.name())
                            .doesNotContainAnyElementsOf(policy.statements());
                }
            }
        }
    }

    @Test
    void theSecretsManagerPolicyIsAttachedToTheSsmExecutionRoleAlone() {
        assertThat(IamMatrix.accountRoles(EXAMPLE))
                .filteredOn(role -> role.managedPolicyNames().contains(ManagedPolicies.SECRETS_MANAGER_ACCESS))
                .extracting(RoleSpec::roleName)
                .containsExactly(RoleNames.SSM_LAMBDA_EXECUTION);
    }
}
