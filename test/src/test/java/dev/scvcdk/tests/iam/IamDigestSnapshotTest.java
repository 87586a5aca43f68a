package dev.scvcdk.tests.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.tests.SnapshotTest;
import dev.scvcdk.tests.Tenant;
import dev.scvcdk.tests.iam.SynthesizedIam.NamedPolicy;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;

/**
 * The IAM of every stack as text, one block per role — who may assume it, its boundary, its policies and one
 * {@code action -> resource [conditions]} line per grant, all sorted — kept as the snapshot {@code iam-digest.txt}
 * per tenant (the example's in {@code snapshots/}, GovCloud's in {@code snapshots/govcloud/}).
 * A change to any role shows up in review as a few changed lines, not as a reshuffled JSON template. Regenerate
 * with {@code -Dsnapshots.update=true}, like the template snapshots.
 */
class IamDigestSnapshotTest {

    static final String FILE = "iam-digest.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void theIamDigestOfEveryStackMatchesItsSnapshot(Tenant tenant) throws IOException {
        // GIVEN the synthesized app's roles, read from its templates
        ExampleApp app = ExampleApp.get(tenant);
        SynthesizedIam iam = new SynthesizedIam(app.config.partitionValue().id(), app.config.accountId(),
                app.stacks.values());
        // WHEN digested
        String digest = SnapshotTest.normaliseHashes(digest(tenant, iam));
        // THEN it is the reviewed snapshot
        SnapshotTest.compareOrUpdate(tenant.snapshotFolder() + FILE, digest).ifPresent(mismatch -> fail(mismatch));
    }

    @Test
    void aRoleBlockShowsTrustBoundaryPoliciesAndOneSortedLinePerActionAndResource() throws IOException {
        // GIVEN a role with a Lambda trust, a boundary and a statement of two actions on two resources, with a condition
        JsonNode policy = JSON.readTree("""
                {"Statement":[{"Effect":"Allow","Action":["ssm:PutParameter","ssm:GetParameter"],
                  "Resource":["arn:aws:ssm:eu-west-2:111122223333:parameter/b","arn:aws:ssm:eu-west-2:111122223333:parameter/a"],
                  "Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-2"]}}},
                 {"Effect":"Deny","Action":"ssm:DeleteParameter","Resource":"*"}]}""");
        JsonNode trust = JSON.readTree("""
                {"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"lambda.amazonaws.com"},
                  "Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}]}""");
        RolePolicies role = new RolePolicies("R", "arn:aws:iam::111122223333:role/R", "Stack", "RLogical", false,
                List.of(new NamedPolicy("RPolicy", policy)),
                List.of(new NamedPolicy("arn:aws:iam::111122223333:policy/scv/SCVPermissionsBoundary", policy)));
        // WHEN its block is rendered
        String block = block(role, trust);
        // THEN the lines are, in order:
        assertThat(block).isEqualTo("""
                role R
                  trust    Allow sts:AssumeRole by Service lambda.amazonaws.com [StringEquals aws:SourceAccount=111122223333]
                  boundary SCVPermissionsBoundary
                  policies RPolicy
                  allow ssm:GetParameter -> arn:aws:ssm:eu-west-2:111122223333:parameter/a [StringEquals aws:RequestedRegion=eu-west-2]
                  allow ssm:GetParameter -> arn:aws:ssm:eu-west-2:111122223333:parameter/b [StringEquals aws:RequestedRegion=eu-west-2]
                  allow ssm:PutParameter -> arn:aws:ssm:eu-west-2:111122223333:parameter/a [StringEquals aws:RequestedRegion=eu-west-2]
                  allow ssm:PutParameter -> arn:aws:ssm:eu-west-2:111122223333:parameter/b [StringEquals aws:RequestedRegion=eu-west-2]
                  deny  ssm:DeleteParameter -> *
                """);
    }

    /** Every role of every stack, stacks and roles sorted by name. */
    static String digest(Tenant tenant, SynthesizedIam iam) {
        Map<String, List<RolePolicies>> byStack = new TreeMap<>();
        iam.roles().values().forEach(r -> byStack.computeIfAbsent(r.stackName(), s -> new ArrayList<>()).add(r));
        StringBuilder out = new StringBuilder("# IAM digest of the " + tenant.title
                + ", read from the synthesized templates: per role its trust, its\n"
                + "# permissions boundary, its identity policies and one line per (action, resource) they grant.\n"
                + "# Regenerate with -Dsnapshots.update=true (IamDigestSnapshotTest) and review the diff.\n");
        byStack.forEach((stack, roles) -> {
            out.append("\n== ").append(stack).append(" ==\n");
            roles.stream().sorted(Comparator.comparing(RolePolicies::roleName))
                    .forEach(role -> out.append('\n').append(block(role, iam.trustPolicy(role.roleName()))));
        });
        return out.toString();
    }

    static String block(RolePolicies role, JsonNode trust) {
        StringBuilder out = new StringBuilder("role ").append(role.roleName());
        if (role.generatedName()) {
            out.append(" (named by CloudFormation; logical id ").append(role.logicalId()).append(')');
        }
        out.append('\n');
        List<String> trusts = new ArrayList<>();
        for (JsonNode statement : PolicyJson.statements(trust)) {
            List<String> principals = new ArrayList<>();
            statement.path("Principal").properties().forEach(p -> principals.add(p.getKey() + " "
                    + String.join(", ", PolicyJson.strings(p.getValue()).stream().sorted().toList())));
            trusts.add(statement.path("Effect").asText() + " "
                    + String.join(", ", PolicyJson.strings(statement.path("Action")).stream().sorted().toList())
                    + " by " + String.join("; ", principals) + conditions(statement));
        }
        trusts.stream().sorted().forEach(t -> out.append("  trust    ").append(t).append('\n'));
        out.append("  boundary ").append(role.boundaryPolicies().isEmpty() ? "(none)" : String.join(", ",
                role.boundaryPolicies().stream().map(p -> shortName(p.name())).sorted().toList())).append('\n');
        out.append("  policies ").append(String.join(", ",
                role.identityPolicies().stream().map(p -> shortName(p.name())).sorted().toList())).append('\n');
        List<String> lines = new ArrayList<>();
        for (NamedPolicy policy : role.identityPolicies()) {
            for (JsonNode statement : PolicyJson.statements(policy.document())) {
                String effect = "Allow".equals(statement.path("Effect").asText()) ? "allow " : "deny  ";
                List<String> actions = statement.has("NotAction")
                        ? List.of("NOT " + PolicyJson.strings(statement.get("NotAction")))
                        : PolicyJson.strings(statement.path("Action"));
                List<String> resources = statement.has("NotResource")
                        ? List.of("NOT " + PolicyJson.strings(statement.get("NotResource")))
                        : PolicyJson.strings(statement.path("Resource"));
                String condition = conditions(statement);
                for (String action : actions) {
                    for (String resource : resources) {
                        lines.add(effect + action + " -> " + resource + condition);
                    }
                }
            }
        }
        lines.stream().sorted().forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    private static String conditions(JsonNode statement) {
        List<String> conditions = PolicyJson.conditions(statement);
        return conditions.isEmpty() ? "" : " [" + String.join("; ", conditions) + "]";
    }

    /** A managed policy by its name ({@code .../policy/scv/X} → {@code X}); inline and attached ones as named. */
    private static String shortName(String name) {
        int policy = name.indexOf(":policy/");
        return policy < 0 ? name : name.substring(name.lastIndexOf('/') + 1);
    }
}
