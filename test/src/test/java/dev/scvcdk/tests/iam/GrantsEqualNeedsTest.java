package dev.scvcdk.tests.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.declarations.FunctionContract;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.policies.declarations.PrincipalContract;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.tests.Tenant;
import dev.scvcdk.tests.iam.GrantsEqualNeeds.Grant;
import dev.scvcdk.tests.iam.GrantsEqualNeeds.Needs;
import dev.scvcdk.tests.iam.GrantsEqualNeeds.Verdict;

/**
 * Every role whose calls are declared ({@code FunctionContracts}, {@code PrincipalContracts}) is granted, in its
 * synthesized templates, exactly what those calls need: no Allow (action, resource) without a declared call behind
 * it, no declared call without its grant, in each tenant's app. The per-role table goes to
 * {@code target/grants-equal-needs.md} ({@code target/govcloud/…} for GovCloud) and to the test output.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Tenant.class)
class GrantsEqualNeedsTest {

    private static Path table;

    private static TenantConfig config;
    private static SynthesizedIam iam;
    private static ScvArns arns;
    private static String keyResource;
    private static Map<String, Needs> declared;
    private static Map<String, Verdict> verdicts;

    /** The tenant of this invocation; declaring it lets the static setup below receive it. */
    @Parameter
    Tenant tenant;

    @BeforeParameterizedClassInvocation
    static void checkEveryDeclaredRoleAndWriteTheTable(Tenant tenant) throws IOException {
        ExampleApp app = ExampleApp.get(tenant);
        table = Path.of("target", tenant.snapshotFolder() + "grants-equal-needs.md");
        config = app.config;
        iam = new SynthesizedIam(config.partitionValue().id(), config.accountId(), app.stacks.values());
        arns = ScvArns.forTenant(config);
        keyResource = arns.anyKeyIn("*");
        declared = declaredNeeds();
        verdicts = new LinkedHashMap<>();
        declared.forEach((role, needs) -> verdicts.put(role, GrantsEqualNeeds.check(role,
                GrantsEqualNeeds.grants(iam.role(role).identityPolicies()), needs, keyResource)));
        String rendered = table();
        Files.createDirectories(table.getParent());
        Files.writeString(table, rendered, StandardCharsets.UTF_8);
        System.out.println(rendered);
    }

    /** Role → its declared calls, in the contact centers where they are made (a function: where its feature is on). */
    private static Map<String, Needs> declaredNeeds() {
        Map<String, Needs> byRole = new LinkedHashMap<>();
        String dnsSuffix = config.partitionValue().dnsSuffix();
        for (FunctionContract contract : FunctionContracts.all()) {
            Needs needs = byRole.computeIfAbsent(contract.roleName(), r -> new Needs(arns, dnsSuffix));
            for (ContactCenterConfig cc : config.contactCenters()) {
                if (contract.feature().enabledIn(cc)) {
                    contract.allCalls().forEach(call -> needs.add(call, cc));
                }
            }
        }
        for (PrincipalContract contract : PrincipalContracts.all(config)) {
            for (ContactCenterConfig cc : config.contactCenters()) {
                Needs needs = byRole.computeIfAbsent(PrincipalContracts.roleNameIn(contract, cc.callCenterApiName()),
                        r -> new Needs(arns, dnsSuffix));
                contract.calls().forEach(call -> needs.add(call, cc));
            }
        }
        return byRole;
    }

    // --- the synthesized app -------------------------------------------------------------------------------------

    @Test
    void everyGrantOfADeclaredRoleIsJustifiedByOneOfItsDeclaredCalls() {
        // GIVEN every declared role's synthesized identity policies  WHEN each Allow pair is matched to its calls
        List<String> unjustified = verdicts.values().stream()
                .flatMap(v -> v.unjustified().stream().map(u -> v.role() + ": " + u))
                .toList();
        // THEN none is left without a declared call
        assertThat(unjustified).as("grants no declared call needs (see %s)", table).isEmpty();
    }

    @Test
    void everyDeclaredCallIsGrantedInTheTemplates() {
        // GIVEN every declared call of every declared role  WHEN looked up among the role's synthesized grants
        List<String> missing = verdicts.values().stream()
                .flatMap(v -> v.missing().stream().map(m -> v.role() + ": " + m))
                .toList();
        // THEN each is there
        assertThat(missing).as("declared calls without a grant (see %s)", table).isEmpty();
    }

    @Test
    void everySynthesizedRoleIsDeclared() {
        // GIVEN the roles whose calls FunctionContracts and PrincipalContracts declare
        // WHEN compared with the roles of the templates
        // THEN they are the same set: a new role needs declared calls, a removed role leaves no declaration
        assertThat(new TreeSet<>(iam.roles().keySet())).isEqualTo(new TreeSet<>(declared.keySet()));
    }

    @Test
    void provisioningsGrantsAreItsDeclaredCallsAndNothingElse() {
        // GIVEN Salesforce's provisioning role, which SCV's policy sections used to describe by hand
        Verdict provisioning = verdicts.get(RoleNames.PROVISIONING);
        // THEN every (action, resource) it is granted is one of its declared calls', and each call is granted
        assertThat(provisioning.unjustified()).isEmpty();
        assertThat(provisioning.missing()).isEmpty();
        assertThat(provisioning.justifiedBy()).containsKey("iam:PutRolePolicy -> " + arns.role("SCV*"));
    }

    @Test
    void aProvisioningGrantOfAnotherServicesLinkedRoleIsReported() {
        // GIVEN provisioning's grants plus iam:PutRolePolicy on every service-linked role of Connect's path
        String role = RoleNames.PROVISIONING;
        String wide = arns.role("aws-service-role/connect.amazonaws.com/*");
        List<Grant> grants = new ArrayList<>(GrantsEqualNeeds.grants(iam.role(role).identityPolicies()));
        grants.add(new Grant("iam:PutRolePolicy", wide, Map.of()));
        // WHEN checked against its declared calls  THEN exactly that grant is reported
        assertThat(GrantsEqualNeeds.check(role, grants, declared.get(role), keyResource).unjustified())
                .containsExactly("iam:PutRolePolicy -> " + wide);
    }

    // --- the check itself, on fixtures ---------------------------------------------------------------------------

    @Test
    void aFabricatedGrantOnAnotherAppsParameterIsReportedWithRoleActionAndResource() {
        // GIVEN the telephony role's real grants plus ssm:GetParameter on another application's parameter
        String role = RoleNames.INVOKE_TELEPHONY_INTEGRATION_API;
        ContactCenterConfig cc = config.contactCenters().get(0);
        String otherApp = arns.regional("ssm", cc.region(), "parameter/other-app");
        List<Grant> grants = new ArrayList<>(GrantsEqualNeeds.grants(iam.role(role).identityPolicies()));
        grants.add(new Grant("ssm:GetParameter", otherApp, Map.of()));
        // WHEN checked against the role's declared calls
        Verdict verdict = GrantsEqualNeeds.check(role, grants, declared.get(role), keyResource);
        // THEN exactly that grant is reported, naming action and resource
        assertThat(verdict.unjustified()).containsExactly("ssm:GetParameter -> " + otherApp);
        assertThat(verdict.missing()).isEmpty();
    }

    @Test
    void aKmsGrantNamingAKeyNoDeclaredCallUsesIsReported() {
        // GIVEN the telephony role's grants plus kms:Decrypt via SSM on the tenant bucket key, which it never uses
        String role = RoleNames.INVOKE_TELEPHONY_INTEGRATION_API;
        ContactCenterConfig cc = config.contactCenters().get(0);
        String alias = ScvNames.tenantBucketKeyAlias(cc.callCenterApiName());
        List<Grant> grants = new ArrayList<>(GrantsEqualNeeds.grants(iam.role(role).identityPolicies()));
        grants.add(new Grant("kms:Decrypt", keyResource, Map.of(
                GrantsEqualNeeds.VIA_SERVICE, Set.of("ssm." + cc.region() + "." + config.partitionValue().dnsSuffix()),
                GrantsEqualNeeds.RESOURCE_ALIASES, Set.of(alias))));
        // WHEN checked
        Verdict verdict = GrantsEqualNeeds.check(role, grants, declared.get(role), keyResource);
        // THEN the KMS grant is reported with its conditions
        assertThat(verdict.unjustified()).singleElement().asString()
                .startsWith("kms:Decrypt -> " + keyResource).contains(alias);
    }

    @Test
    void aDeclaredCallWhoseGrantIsDroppedIsReportedMissing() {
        // GIVEN the telephony role's grants without ssm:GetParameter
        String role = RoleNames.INVOKE_TELEPHONY_INTEGRATION_API;
        List<Grant> grants = GrantsEqualNeeds.grants(iam.role(role).identityPolicies()).stream()
                .filter(g -> !g.action().equals("ssm:GetParameter"))
                .toList();
        // WHEN checked
        Verdict verdict = GrantsEqualNeeds.check(role, grants, declared.get(role), keyResource);
        // THEN the SCRT key read is missing in every contact center
        assertThat(verdict.missing()).hasSize(config.contactCenters().size())
                .allMatch(m -> m.startsWith(FunctionContracts.READ_SCRT_PRIVATE_KEY.sid() + ": ssm:GetParameter -> "));
    }

    @Test
    void theRestParameterPatternIsAcceptedOnlyWhenAllFiveParametersAreDeclared() {
        // GIVEN the five REST parameter ARNs of one contact center, and the same without one
        ContactCenterConfig cc = config.contactCenters().get(0);
        Set<String> five = new TreeSet<>();
        ScvNames.Parameter.restApi().forEach(p -> five.add(arns.parameter(cc.region(), cc.callCenterApiName(), p)));
        Set<String> four = new TreeSet<>(five);
        four.remove(arns.parameter(cc.region(), cc.callCenterApiName(), ScvNames.Parameter.REST_API_ACCESS_TOKEN));
        String pattern = arns.regional("ssm", cc.region(), "parameter/" + cc.callCenterApiName() + "-"
                + ScvNames.REST_API_PARAMETER_PREFIX + "*");
        // WHEN the patterns each set justifies are derived  THEN only the full set justifies the pattern
        assertThat(GrantsEqualNeeds.restApiPatterns(five)).containsOnlyKeys(pattern);
        assertThat(GrantsEqualNeeds.restApiPatterns(four)).isEmpty();
    }

    // --- the table -----------------------------------------------------------------------------------------------

    private static String table() {
        StringBuilder out = new StringBuilder("# Grants equal needs\n\n"
                + "Per role: the declared calls, the Allow (action, resource) pairs of its synthesized identity policies,"
                + " how many a declared call justifies, and the accepted exceptions.\n\n"
                + "| role | declared calls | granted (action, resource) pairs | justified | exceptions |\n"
                + "|---|---|---|---|---|\n");
        for (Verdict v : verdicts.values()) {
            out.append("| ").append(v.role()).append(" | ").append(String.join(", ", v.needs().sids))
                    .append(" | ").append(v.grantedPairs().size()).append(" | ").append(v.justifiedBy().size())
                    .append(v.compliant() ? "" : " (" + v.unjustified().size() + " unjustified, "
                            + v.missing().size() + " missing)")
                    .append(" | ").append(String.join("; ", v.compactions().entrySet().stream()
                            .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).toList()))
                    .append(" |\n");
        }
        out.append("\n## Granted pairs and the calls that justify them\n");
        for (Verdict v : verdicts.values()) {
            out.append("\n### ").append(v.role()).append("\n\n");
            v.justifiedBy().forEach((pair, sids) -> out.append("- ").append(pair).append(" ← ")
                    .append(String.join(", ", sids)).append('\n'));
            v.unjustified().forEach(u -> out.append("- **UNJUSTIFIED** ").append(u).append('\n'));
            v.missing().forEach(m -> out.append("- **MISSING** ").append(m).append('\n'));
        }
        return out.toString();
    }
}
