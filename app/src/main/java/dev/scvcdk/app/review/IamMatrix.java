package dev.scvcdk.app.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.scvcdk.app.review.SynthesizedAssembly.StackArtifact;

/**
 * Every IAM role of the synthesized templates: its trust, permissions boundary and, per policy statement, each
 * action with its access level, resources and conditions. Built from the templates only.
 *
 * @param roles the roles, by stack then name
 */
public record IamMatrix(List<Role> roles) {

    /** Shown for an action that is not in {@link AccessLevels}' resource. */
    public static final String UNKNOWN_ACCESS_LEVEL = "unknown";

    /**
     * One role.
     *
     * @param name        the RoleName, else the logical id
     * @param stack       the stack that defines it
     * @param logicalId   its logical id
     * @param trust       the statements of its AssumeRolePolicyDocument
     * @param boundary    its PermissionsBoundary ARN, empty when it has none
     * @param permissions one entry per action of each identity-policy statement
     */
    public record Role(String name, String stack, String logicalId, List<Trust> trust, String boundary,
                       List<Permission> permissions) {
    }

    /**
     * One trust statement.
     *
     * @param effect     Allow or Deny
     * @param actions    e.g. {@code sts:AssumeRole}, {@code sts:AssumeRoleWithSAML}
     * @param principals principal type → principals
     * @param conditions operator → key → values
     */
    public record Trust(String effect, List<String> actions, Map<String, List<String>> principals,
                        Map<String, Map<String, List<String>>> conditions) {
    }

    /**
     * One action of one identity-policy statement.
     *
     * @param policy      the inline policy name or managed policy name (or ARN, when not in the templates)
     * @param sid         the statement's Sid, empty without one
     * @param effect      Allow or Deny
     * @param action      the action as granted (may be a pattern); {@code NOT <action>} for a NotAction
     * @param accessLevel the action's access level, {@value #UNKNOWN_ACCESS_LEVEL} when not known
     * @param resources   the resources ({@code NOT <resource>} for a NotResource)
     * @param conditions  operator → key → values
     */
    public record Permission(String policy, String sid, String effect, String action, String accessLevel,
                             List<String> resources, Map<String, Map<String, List<String>>> conditions) {
    }

    /** The matrix of every role of every stack of the assembly. */
    public static IamMatrix of(SynthesizedAssembly assembly, AccessLevels levels) {
        List<Role> roles = new ArrayList<>();
        for (StackArtifact stack : assembly.stacks()) {
            for (String logicalId : stack.logicalIdsOf("AWS::IAM::Role")) {
                roles.add(role(stack, logicalId, levels));
            }
        }
        roles.sort(Comparator.comparing(Role::stack).thenComparing(Role::name));
        return new IamMatrix(List.copyOf(roles));
    }

    private static Role role(StackArtifact stack, String logicalId, AccessLevels levels) {
        JsonNode properties = stack.resource(logicalId).path("Properties");
        String name = properties.has("RoleName") ? CfnValues.text(properties.get("RoleName")) : logicalId;
        List<Trust> trust = new ArrayList<>();
        for (JsonNode statement : statements(properties.path("AssumeRolePolicyDocument"))) {
            trust.add(new Trust(statement.path("Effect").asText(), CfnValues.list(statement.path("Action")),
                    CfnValues.principals(statement.path("Principal")),
                    CfnValues.conditions(statement.path("Condition"))));
        }
        List<Permission> permissions = new ArrayList<>();
        for (JsonNode policy : properties.path("Policies")) {
            add(permissions, CfnValues.text(policy.path("PolicyName")), policy.path("PolicyDocument"), levels);
        }
        for (JsonNode managed : properties.path("ManagedPolicyArns")) {
            JsonNode resource = managed.has("Ref") ? stack.resource(managed.get("Ref").asText()) : null;
            if (resource != null && "AWS::IAM::ManagedPolicy".equals(resource.path("Type").asText())) {
                JsonNode managedProperties = resource.path("Properties");
                add(permissions, managedProperties.has("ManagedPolicyName")
                                ? CfnValues.text(managedProperties.get("ManagedPolicyName")) : managed.get("Ref").asText(),
                        managedProperties.path("PolicyDocument"), levels);
            } else {
                // Defined outside the templates (an AWS managed policy): named, its statements are not reviewable here.
                permissions.add(new Permission(CfnValues.text(managed), "", "", "(managed policy outside the templates)",
                        UNKNOWN_ACCESS_LEVEL, List.of(), Map.of()));
            }
        }
        // Policies that attach themselves to the role (AWS::IAM::Policy, or a managed policy's Roles property).
        for (Map.Entry<String, JsonNode> other : stack.resources()) {
            String type = other.getValue().path("Type").asText();
            JsonNode otherProperties = other.getValue().path("Properties");
            if ((type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy"))
                    && attachedTo(otherProperties.path("Roles"), logicalId, name)) {
                String policyName = otherProperties.has("PolicyName") ? CfnValues.text(otherProperties.get("PolicyName"))
                        : otherProperties.has("ManagedPolicyName")
                        ? CfnValues.text(otherProperties.get("ManagedPolicyName")) : other.getKey();
                add(permissions, policyName, otherProperties.path("PolicyDocument"), levels);
            }
        }
        return new Role(name, stack.name(), logicalId, List.copyOf(trust),
                boundary(stack, properties.path("PermissionsBoundary")), List.copyOf(permissions));
    }

    /** A boundary that refers to a managed policy of the stack is shown by that policy's path and name. */
    private static String boundary(StackArtifact stack, JsonNode boundary) {
        if (boundary.has("Ref")) {
            JsonNode policy = stack.resource(boundary.get("Ref").asText()).path("Properties");
            if (policy.path("ManagedPolicyName").isTextual()) {
                return "policy " + policy.path("Path").asText("/") + policy.path("ManagedPolicyName").asText()
                        + " (" + boundary.get("Ref").asText() + ")";
            }
        }
        return CfnValues.text(boundary);
    }

    private static boolean attachedTo(JsonNode roles, String logicalId, String name) {
        for (JsonNode role : roles) {
            if (logicalId.equals(role.path("Ref").asText()) || name.equals(CfnValues.text(role))) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Permission> permissions, String policy, JsonNode document, AccessLevels levels) {
        for (JsonNode statement : statements(document)) {
            List<String> resources = new ArrayList<>(CfnValues.list(statement.path("Resource")));
            CfnValues.list(statement.path("NotResource")).forEach(r -> resources.add("NOT " + r));
            Map<String, Map<String, List<String>>> conditions = CfnValues.conditions(statement.path("Condition"));
            String sid = statement.path("Sid").asText("");
            String effect = statement.path("Effect").asText();
            for (String action : CfnValues.list(statement.path("Action"))) {
                permissions.add(new Permission(policy, sid, effect, action,
                        levels.of(action).orElse(UNKNOWN_ACCESS_LEVEL), List.copyOf(resources), conditions));
            }
            for (String action : CfnValues.list(statement.path("NotAction"))) {
                permissions.add(new Permission(policy, sid, effect, "NOT " + action, UNKNOWN_ACCESS_LEVEL,
                        List.copyOf(resources), conditions));
            }
        }
    }

    /** A policy document's statements: CloudFormation allows one statement object instead of a list. */
    static List<JsonNode> statements(JsonNode document) {
        JsonNode statement = document.path("Statement");
        List<JsonNode> statements = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(statements::add);
        } else if (statement.isObject()) {
            statements.add(statement);
        }
        return statements;
    }

    /** The role named {@code name} (RoleName or logical id), if the templates define it. */
    public Optional<Role> role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
