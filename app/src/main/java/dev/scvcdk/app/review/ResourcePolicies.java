package dev.scvcdk.app.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.scvcdk.app.review.SynthesizedAssembly.StackArtifact;

/**
 * The resource-based policies of the synthesized templates: KMS key policies, S3 bucket policies, SQS queue
 * policies, SNS topic policies and Lambda permissions.
 *
 * @param policies by stack, kind, in template order
 */
public record ResourcePolicies(List<ResourcePolicy> policies) {

    /** The kinds, in the order the report shows them. */
    public static final List<String> KINDS =
            List.of("KMS key policy", "S3 bucket policy", "SQS queue policy", "SNS topic policy", "Lambda permission");

    private static final Map<String, String> KIND_BY_TYPE = Map.of(
            "AWS::KMS::Key", KINDS.get(0), "AWS::S3::BucketPolicy", KINDS.get(1),
            "AWS::SQS::QueuePolicy", KINDS.get(2), "AWS::SNS::TopicPolicy", KINDS.get(3),
            "AWS::Lambda::Permission", KINDS.get(4));

    /**
     * One resource policy (a Lambda permission is one statement).
     *
     * @param stack      the stack
     * @param kind       one of {@link #KINDS}
     * @param logicalId  the policy's (or key's) logical id
     * @param subject    what the policy protects: the key (with its aliases), bucket, queues, topics or function
     * @param statements its statements
     */
    public record ResourcePolicy(String stack, String kind, String logicalId, String subject,
                                 List<Statement> statements) {
    }

    /**
     * One statement.
     *
     * @param sid        the Sid, empty without one
     * @param effect     Allow or Deny
     * @param principals principal type → principals
     * @param actions    the actions ({@code NOT <action>} for a NotAction)
     * @param resources  the resources
     * @param conditions operator → key → values (a Lambda permission's SourceArn, SourceAccount, PrincipalOrgID)
     */
    public record Statement(String sid, String effect, Map<String, List<String>> principals, List<String> actions,
                            List<String> resources, Map<String, Map<String, List<String>>> conditions) {
    }

    /** The resource policies of every stack of the assembly. */
    public static ResourcePolicies of(SynthesizedAssembly assembly) {
        List<ResourcePolicy> all = new ArrayList<>();
        for (String kind : KINDS) {
            for (StackArtifact stack : assembly.stacks()) {
                for (Map.Entry<String, JsonNode> resource : stack.resources()) {
                    String type = resource.getValue().path("Type").asText();
                    if (kind.equals(KIND_BY_TYPE.get(type))) {
                        all.add(policy(stack, type, resource.getKey(), resource.getValue().path("Properties")));
                    }
                }
            }
        }
        return new ResourcePolicies(List.copyOf(all));
    }

    private static ResourcePolicy policy(StackArtifact stack, String type, String logicalId, JsonNode properties) {
        String kind = KIND_BY_TYPE.get(type);
        switch (type) {
            case "AWS::KMS::Key":
                return new ResourcePolicy(stack.name(), kind, logicalId, keySubject(stack, logicalId, properties),
                        statements(properties.path("KeyPolicy")));
            case "AWS::S3::BucketPolicy":
                return new ResourcePolicy(stack.name(), kind, logicalId, named(stack, properties.path("Bucket"),
                        "BucketName"), statements(properties.path("PolicyDocument")));
            case "AWS::SQS::QueuePolicy":
                return new ResourcePolicy(stack.name(), kind, logicalId, namedList(stack, properties.path("Queues"),
                        "QueueName"), statements(properties.path("PolicyDocument")));
            case "AWS::SNS::TopicPolicy":
                return new ResourcePolicy(stack.name(), kind, logicalId, namedList(stack, properties.path("Topics"),
                        "TopicName"), statements(properties.path("PolicyDocument")));
            default:
                return new ResourcePolicy(stack.name(), kind, logicalId, functionSubject(stack, properties),
                        List.of(permission(properties)));
        }
    }

    private static List<Statement> statements(JsonNode document) {
        List<Statement> statements = new ArrayList<>();
        for (JsonNode statement : IamMatrix.statements(document)) {
            List<String> actions = new ArrayList<>(CfnValues.list(statement.path("Action")));
            CfnValues.list(statement.path("NotAction")).forEach(a -> actions.add("NOT " + a));
            List<String> resources = new ArrayList<>(CfnValues.list(statement.path("Resource")));
            CfnValues.list(statement.path("NotResource")).forEach(r -> resources.add("NOT " + r));
            Map<String, List<String>> principals = CfnValues.principals(statement.path("Principal"));
            CfnValues.principals(statement.path("NotPrincipal"))
                    .forEach((principalType, values) -> principals.put("NOT " + principalType, values));
            statements.add(new Statement(statement.path("Sid").asText(""), statement.path("Effect").asText(),
                    principals, List.copyOf(actions), List.copyOf(resources),
                    CfnValues.conditions(statement.path("Condition"))));
        }
        return List.copyOf(statements);
    }

    /** A Lambda permission as the statement Lambda adds to the function's policy. */
    private static Statement permission(JsonNode properties) {
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        if (properties.has("SourceArn")) {
            conditions.put("ArnLike", Map.of("AWS:SourceArn", List.of(CfnValues.text(properties.get("SourceArn")))));
        }
        Map<String, List<String>> equals = new LinkedHashMap<>();
        if (properties.has("SourceAccount")) {
            equals.put("AWS:SourceAccount", List.of(CfnValues.text(properties.get("SourceAccount"))));
        }
        if (properties.has("PrincipalOrgID")) {
            equals.put("aws:PrincipalOrgID", List.of(CfnValues.text(properties.get("PrincipalOrgID"))));
        }
        if (properties.has("FunctionUrlAuthType")) {
            equals.put("lambda:FunctionUrlAuthType", List.of(CfnValues.text(properties.get("FunctionUrlAuthType"))));
        }
        if (!equals.isEmpty()) {
            conditions.put("StringEquals", equals);
        }
        String principal = CfnValues.text(properties.path("Principal"));
        return new Statement("", "Allow", Map.of(principal.endsWith(".amazonaws.com") ? "Service" : "AWS",
                List.of(principal)),
                List.of(CfnValues.text(properties.path("Action"))), List.of(), conditions);
    }

    private static String keySubject(StackArtifact stack, String keyLogicalId, JsonNode properties) {
        List<String> aliases = new ArrayList<>();
        for (String alias : stack.logicalIdsOf("AWS::KMS::Alias")) {
            JsonNode aliasProperties = stack.resource(alias).path("Properties");
            if (CfnValues.references(aliasProperties.path("TargetKeyId")).contains(keyLogicalId)) {
                aliases.add(CfnValues.text(aliasProperties.path("AliasName")));
            }
        }
        String description = properties.path("Description").asText("");
        return "key " + keyLogicalId + (aliases.isEmpty() ? "" : " " + aliases)
                + (description.isEmpty() ? "" : " — " + description);
    }

    private static String functionSubject(StackArtifact stack, JsonNode properties) {
        JsonNode function = properties.path("FunctionName");
        for (String id : CfnValues.references(function)) {
            String name = Architecture.functionNameOf(stack, id);
            if (name != null) {
                return name + (stack.resource(id).path("Type").asText().equals("AWS::Lambda::Alias")
                        ? ":" + stack.resource(id).path("Properties").path("Name").asText() : "");
            }
        }
        return CfnValues.text(function);
    }

    /** A reference to a resource of the stack shown by its literal name property, else as rendered. */
    static String named(StackArtifact stack, JsonNode value, String nameProperty) {
        if (value.has("Ref")) {
            JsonNode name = stack.resource(value.get("Ref").asText()).path("Properties").path(nameProperty);
            if (name.isTextual()) {
                return name.asText();
            }
        }
        return CfnValues.text(value);
    }

    private static String namedList(StackArtifact stack, JsonNode values, String nameProperty) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(named(stack, value, nameProperty)));
        return String.join(", ", names);
    }
}
