package dev.scvcdk.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Every policy statement in a set of CloudFormation templates, with where it sits. */
final class PolicyStatements {

    /** Identity policies grant a principal; resource policies say who may use the resource they sit on. */
    enum Kind { IDENTITY, RESOURCE }

    record Statement(String stack, String logicalId, String resourceType, Kind kind, JsonNode json) {
        boolean allows() {
            return "Allow".equals(json.path("Effect").asText());
        }

        /** Action or NotAction values, as written (a string or a list of strings). */
        List<String> actions() {
            return strings(json.path("Action"));
        }

        List<JsonNode> resources() {
            JsonNode resource = json.path("Resource");
            List<JsonNode> values = new ArrayList<>();
            if (resource.isArray()) {
                resource.forEach(values::add);
            } else if (!resource.isMissingNode()) {
                values.add(resource);
            }
            return values;
        }

        boolean onAnyResource() {
            return resources().stream().anyMatch(r -> r.isTextual() && r.asText().equals("*"));
        }

        String where() {
            return stack + "/" + logicalId + " (" + resourceType + ")";
        }
    }

    private PolicyStatements() {
    }

    static List<Statement> in(Map<String, JsonNode> templatesByStack) {
        List<Statement> statements = new ArrayList<>();
        templatesByStack.forEach((stack, template) -> template.path("Resources").properties().forEach(entry -> {
            String type = entry.getValue().path("Type").asText();
            JsonNode props = entry.getValue().path("Properties");
            switch (type) {
                case "AWS::IAM::Role" -> props.path("Policies").forEach(p ->
                        add(statements, stack, entry.getKey(), type, Kind.IDENTITY, p.path("PolicyDocument")));
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" ->
                        add(statements, stack, entry.getKey(), type, Kind.IDENTITY, props.path("PolicyDocument"));
                case "AWS::KMS::Key" ->
                        add(statements, stack, entry.getKey(), type, Kind.RESOURCE, props.path("KeyPolicy"));
                case "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" ->
                        add(statements, stack, entry.getKey(), type, Kind.RESOURCE, props.path("PolicyDocument"));
                case "AWS::SecretsManager::ResourcePolicy" ->
                        add(statements, stack, entry.getKey(), type, Kind.RESOURCE, props.path("ResourcePolicy"));
                default -> {
                }
            }
        }));
        return statements;
    }

    private static void add(List<Statement> statements, String stack, String logicalId, String type, Kind kind,
                            JsonNode document) {
        document.path("Statement").forEach(s -> statements.add(new Statement(stack, logicalId, type, kind, s)));
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }
}
