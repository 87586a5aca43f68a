package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/** IAM invariants over every template of each tenant's whole app: bounded roles, no broad or unscoped grants. */
@ParameterizedClass(name = "{0}")
@EnumSource(Tenant.class)
class IamInvariantsTest {

    /** Grants that would let a principal escape least privilege no matter what resource they name. */
    private static final Set<String> FORBIDDEN_ACTIONS = Set.of("*", "iam:*", "sts:*", "kms:*", "s3:*", "ssm:*");

    private final Map<String, JsonNode> templates;
    private final List<PolicyStatements.Statement> statements;

    IamInvariantsTest(Tenant tenant) {
        templates = SynthesizedApp.acknowledged(tenant).templates;
        statements = PolicyStatements.in(templates);
    }

    @Test
    void theAppHasRolesAndPolicyStatementsToCheck() {
        // Guards the invariants below against passing on an empty app.
        assertThat(roles()).isNotEmpty();
        assertThat(statements).anyMatch(s -> s.kind() == PolicyStatements.Kind.IDENTITY);
    }

    @Test
    void everyRoleHasAPermissionsBoundary() {
        List<String> unbounded = roles().stream()
                .filter(r -> r.getValue().path("Properties").path("PermissionsBoundary").isMissingNode())
                .map(Map.Entry::getKey).toList();
        assertThat(unbounded).as("roles without a PermissionsBoundary").isEmpty();
    }

    @Test
    void noAllowGrantsAServiceWideOrGlobalWildcard() {
        List<String> violations = new ArrayList<>();
        for (PolicyStatements.Statement s : statements) {
            if (!s.allows()) {
                continue;
            }
            s.actions().stream().filter(a -> FORBIDDEN_ACTIONS.contains(a.toLowerCase(Locale.ROOT)))
                    .forEach(a -> violations.add(s.where() + " allows " + a));
            if (!s.json().path("NotAction").isMissingNode()) {
                violations.add(s.where() + " allows everything but " + s.json().path("NotAction"));
            }
            if (!s.json().path("NotResource").isMissingNode()) {
                violations.add(s.where() + " allows on every resource but " + s.json().path("NotResource"));
            }
        }
        assertThat(violations).as("Allow statements with a forbidden wildcard").isEmpty();
    }

    @Test
    void noActionWithResourceLevelPermissionsIsGrantedOnEveryResource() {
        // GIVEN the Service Authorization Reference data
        IamActionData data = new IamActionData();
        List<String> violations = new ArrayList<>();
        for (PolicyStatements.Statement s : statements) {
            if (!s.allows() || s.kind() != PolicyStatements.Kind.IDENTITY) {
                continue;
            }
            if (!s.json().path("NotResource").isMissingNode()) {
                violations.add(s.where() + " allows on every resource but " + s.json().path("NotResource"));
            }
            if (!s.onAnyResource()) {
                continue;
            }
            // Event-source-mapping writes are fenced by lambda:FunctionArn (Create has no resource, so Update and
            // Delete share its statement): pinned to named functions, "*" names no other function's mapping.
            boolean functionPinned = s.json().path("Condition").path("StringEquals").has("lambda:FunctionArn")
                    || s.json().path("Condition").path("StringLike").has("lambda:FunctionArn");
            // WHEN an action on "*" could have named a resource THEN it is a violation
            for (String action : s.actions()) {
                if (functionPinned && dev.scvcdk.policies.PermissionBoundaryDocument.EVENT_SOURCE_MAPPING_WRITES
                        .contains(action)) {
                    continue;
                }
                if (data.expand(action).isEmpty()) {
                    violations.add(s.where() + " grants " + action + ", which the IAM reference does not know");
                } else {
                    data.withResourceLevelPermissions(action).forEach(a -> violations.add(s.where() + " grants "
                            + a + (a.equals(action) ? "" : " (via " + action + ")") + " on \"*\""));
                }
            }
        }
        assertThat(violations).as("actions granted on * although they support resource-level permissions")
                .isEmpty();
    }

    @Test
    void everyGrantOnAnyKeyOfARegionIsConditionedToScvKeysOrResources() {
        // The register accepts key/* grants because key ids only exist after deployment: this holds it to that.
        List<String> violations = new ArrayList<>();
        for (PolicyStatements.Statement s : statements) {
            boolean anyKey = s.resources().stream().anyMatch(r -> r.isTextual() && r.asText().endsWith(":key/*"));
            String conditions = s.json().path("Condition").toString();
            if (s.allows() && s.kind() == PolicyStatements.Kind.IDENTITY && anyKey
                    && !conditions.contains("\"kms:ResourceAliases\"")
                    && !conditions.contains("\"kms:EncryptionContext:")) {
                violations.add(s.where() + " " + s.json().path("Sid").asText());
            }
        }
        assertThat(violations).as("key/* grants without an alias or encryption-context condition").isEmpty();
    }

    @Test
    void theReferenceDataKnowsWhichActionsTakeResources() {
        // The invariant above is only as good as its data: spot-check actions of both kinds.
        IamActionData data = new IamActionData();
        assertThat(data.expand("transcribe:StartStreamTranscription")).containsEntry(
                "transcribe:StartStreamTranscription", false);
        assertThat(data.expand("logs:PutLogEvents")).containsEntry("logs:PutLogEvents", true);
        assertThat(data.withResourceLevelPermissions("ssm:GetParameter*")).contains("ssm:GetParameter",
                "ssm:GetParameters");
    }

    private List<Map.Entry<String, JsonNode>> roles() {
        List<Map.Entry<String, JsonNode>> roles = new ArrayList<>();
        templates.forEach((stack, template) -> template.path("Resources").properties().forEach(e -> {
            if ("AWS::IAM::Role".equals(e.getValue().path("Type").asText())) {
                roles.add(Map.entry(stack + "/" + e.getKey(), e.getValue()));
            }
        }));
        return roles;
    }
}
