package dev.scvcdk.app.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.scvcdk.app.review.SynthesizedAssembly.StackArtifact;

/**
 * Per contact-center stack, what invokes which function, which role each function runs as, what those roles reach
 * (streams, keys, buckets, parameters) and which Salesforce endpoints the functions call — all read from the
 * templates: triggers from event-source mappings, EventBridge rules, SNS subscriptions and Lambda permissions, the
 * role from the function's Role ARN, reach from the role's statements, endpoints from environment variables.
 *
 * @param contactCenters one per stack with Lambda functions
 */
public record Architecture(List<ContactCenter> contactCenters) {

    /** The tag the contact-center stack puts on its functions. */
    static final String CALL_CENTER_TAG = "scv:call-center";

    /**
     * One contact center.
     *
     * @param stack       the stack name
     * @param callCenter  the call center API name (from the functions' {@value #CALL_CENTER_TAG} tag), or the stack
     * @param functions   its functions
     * @param triggers    what invokes them
     * @param invocations function → function calls named in environment variables
     * @param reach       what the functions' roles may touch of this contact center
     * @param endpoints   the https endpoints in the functions' environment
     */
    public record ContactCenter(String stack, String callCenter, List<Function> functions, List<Trigger> triggers,
                                List<Invocation> invocations, List<Reach> reach, List<Endpoint> endpoints) {
    }

    /** A function: its name and the role it runs as (the role's name). */
    public record Function(String logicalId, String name, String role) {
    }

    /** Something that invokes a function: {@code kind} (e.g. EventBridge rule), the source and the function name. */
    public record Trigger(String kind, String source, String function) {
    }

    /** A function that calls another through the ARN in one of its environment variables. */
    public record Invocation(String function, String variable, String target) {
    }

    /** A role's access to one resource: kind (stream, key, bucket, parameter), resource, and the access levels. */
    public record Reach(String role, String kind, String resource, Set<String> accessLevels) {
    }

    /** An https endpoint a function calls, from its environment variable. */
    public record Endpoint(String function, String variable, String url) {
    }

    private static final List<String[]> REACH_KINDS = List.of(
            new String[] {"stream", ":kinesis:"}, new String[] {"stream", ":kinesisvideo:"},
            new String[] {"key", ":kms:"}, new String[] {"bucket", ":s3:::"}, new String[] {"parameter", ":ssm:"});

    /** The architecture of every stack of the assembly that has Lambda functions. */
    public static Architecture of(SynthesizedAssembly assembly, IamMatrix matrix) {
        List<ContactCenter> contactCenters = new ArrayList<>();
        for (StackArtifact stack : assembly.stacks()) {
            List<String> functionIds = stack.logicalIdsOf("AWS::Lambda::Function");
            if (!functionIds.isEmpty()) {
                contactCenters.add(contactCenter(stack, functionIds, matrix));
            }
        }
        return new Architecture(List.copyOf(contactCenters));
    }

    private static ContactCenter contactCenter(StackArtifact stack, List<String> functionIds, IamMatrix matrix) {
        String callCenter = stack.name();
        List<Function> functions = new ArrayList<>();
        List<Invocation> invocations = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (String id : functionIds) {
            JsonNode properties = stack.resource(id).path("Properties");
            for (JsonNode tag : properties.path("Tags")) {
                if (CALL_CENTER_TAG.equals(tag.path("Key").asText())) {
                    callCenter = tag.path("Value").asText();
                }
            }
            functions.add(new Function(id, functionNameOf(stack, id), roleName(stack, properties.path("Role"))));
        }
        Set<String> functionNames = new LinkedHashSet<>();
        functions.forEach(f -> functionNames.add(f.name()));
        for (Function function : functions) {
            JsonNode variables = stack.resource(function.logicalId()).path("Properties").path("Environment")
                    .path("Variables");
            for (Map.Entry<String, JsonNode> variable : variables.properties()) {
                String value = CfnValues.text(variable.getValue());
                if (value.startsWith("https://")) {
                    endpoints.add(new Endpoint(function.name(), variable.getKey(), value));
                } else if (value.contains(":lambda:") && value.contains(":function:")) {
                    String target = value.substring(value.indexOf(":function:") + ":function:".length()).split(":")[0];
                    if (functionNames.contains(target)) {
                        invocations.add(new Invocation(function.name(), variable.getKey(), target));
                    }
                }
            }
        }
        return new ContactCenter(stack.name(), callCenter, List.copyOf(functions), triggers(stack),
                List.copyOf(invocations), reach(functions, matrix, callCenter), List.copyOf(endpoints));
    }

    private static List<Trigger> triggers(StackArtifact stack) {
        List<Trigger> triggers = new ArrayList<>();
        Set<String> coveredSources = new TreeSet<>();
        for (Map.Entry<String, JsonNode> resource : stack.resources()) {
            String type = resource.getValue().path("Type").asText();
            JsonNode properties = resource.getValue().path("Properties");
            switch (type) {
                case "AWS::Lambda::EventSourceMapping" -> {
                    String source = sourceName(stack, properties.path("EventSourceArn"));
                    functionsIn(stack, properties.path("FunctionName"))
                            .forEach(f -> triggers.add(new Trigger("event source mapping", source, f)));
                }
                case "AWS::Events::Rule" -> {
                    coveredSources.add(resource.getKey());
                    String source = properties.path("Name").asText(resource.getKey());
                    for (JsonNode target : properties.path("Targets")) {
                        functionsIn(stack, target.path("Arn"))
                                .forEach(f -> triggers.add(new Trigger("EventBridge rule", source, f)));
                    }
                }
                case "AWS::SNS::Subscription" -> {
                    if ("lambda".equals(properties.path("Protocol").asText())) {
                        coveredSources.addAll(CfnValues.references(properties.path("TopicArn")));
                        String source = ResourcePolicies.named(stack, properties.path("TopicArn"), "TopicName");
                        functionsIn(stack, properties.path("Endpoint"))
                                .forEach(f -> triggers.add(new Trigger("SNS subscription", source, f)));
                    }
                }
                default -> {
                }
            }
        }
        // Permissions for a rule or topic above repeat its trigger; the others (Connect) are triggers themselves.
        for (String id : stack.logicalIdsOf("AWS::Lambda::Permission")) {
            JsonNode properties = stack.resource(id).path("Properties");
            Set<String> sources = CfnValues.references(properties.path("SourceArn"));
            if (sources.stream().anyMatch(coveredSources::contains)) {
                continue;
            }
            String principal = CfnValues.text(properties.path("Principal"));
            String sourceArn = CfnValues.text(properties.path("SourceArn"));
            String source = principal + (sourceArn.isEmpty() ? "" : " " + sourceArn);
            functionsIn(stack, properties.path("FunctionName"))
                    .forEach(f -> triggers.add(new Trigger("Lambda permission", source, f)));
        }
        return List.copyOf(triggers);
    }

    private static String sourceName(StackArtifact stack, JsonNode arn) {
        for (String id : CfnValues.references(arn)) {
            JsonNode properties = stack.resource(id).path("Properties");
            for (String nameProperty : List.of("Name", "QueueName", "TopicName", "TableName")) {
                if (properties.path(nameProperty).isTextual()) {
                    return properties.path(nameProperty).asText();
                }
            }
            return id;
        }
        return CfnValues.text(arn);
    }

    /** The function names a value refers to, through a function or one of its aliases. */
    private static List<String> functionsIn(StackArtifact stack, JsonNode value) {
        List<String> names = new ArrayList<>();
        for (String id : CfnValues.references(value)) {
            String name = functionNameOf(stack, id);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** The function name of a function or alias logical id (FunctionName, else the logical id); null otherwise. */
    static String functionNameOf(StackArtifact stack, String logicalId) {
        JsonNode resource = stack.resource(logicalId);
        String type = resource.path("Type").asText();
        if (type.equals("AWS::Lambda::Function")) {
            JsonNode name = resource.path("Properties").path("FunctionName");
            return name.isMissingNode() ? logicalId : CfnValues.text(name);
        }
        if (type.equals("AWS::Lambda::Alias") || type.equals("AWS::Lambda::Version")) {
            for (String target : CfnValues.references(resource.path("Properties").path("FunctionName"))) {
                String name = functionNameOf(stack, target);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The role name in a function's Role: the ARN's last path segment, or the referenced role's RoleName. */
    private static String roleName(StackArtifact stack, JsonNode role) {
        for (String id : CfnValues.references(role)) {
            JsonNode properties = stack.resource(id).path("Properties");
            if ("AWS::IAM::Role".equals(stack.resource(id).path("Type").asText())) {
                return properties.has("RoleName") ? CfnValues.text(properties.get("RoleName")) : id;
            }
        }
        String arn = CfnValues.text(role);
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    private static List<Reach> reach(List<Function> functions, IamMatrix matrix, String callCenter) {
        // A resource belongs to this contact center when it (or a condition on it) names the call center as a word.
        Pattern ownName = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(callCenter) + "(?![a-z0-9_])");
        Map<String, Reach> byRoleAndResource = new LinkedHashMap<>();
        Set<String> roles = new LinkedHashSet<>();
        functions.forEach(f -> roles.add(f.role()));
        for (String roleName : roles) {
            IamMatrix.Role role = matrix.role(roleName).orElse(null);
            if (role == null) {
                continue;
            }
            for (IamMatrix.Permission permission : role.permissions()) {
                if (!"Allow".equals(permission.effect())) {
                    continue;
                }
                String conditions = CfnValues.conditionsText(permission.conditions());
                for (String resource : permission.resources()) {
                    String kind = kindOf(resource);
                    if (kind == null || !(ownName.matcher(resource).find() || ownName.matcher(conditions).find())) {
                        continue;
                    }
                    String shown = kind.equals("key") && !ownName.matcher(resource).find()
                            ? resource + " for " + ownValues(permission.conditions(), ownName) : resource;
                    byRoleAndResource.computeIfAbsent(roleName + "\n" + shown,
                            k -> new Reach(roleName, kind, shown, new TreeSet<>()))
                            .accessLevels().add(permission.accessLevel());
                }
            }
        }
        return List.copyOf(byRoleAndResource.values());
    }

    /** The condition values that name this contact center: what a key grant is limited to here. */
    private static String ownValues(Map<String, Map<String, List<String>>> conditions, Pattern ownName) {
        Set<String> values = new LinkedHashSet<>();
        conditions.values().forEach(keys -> keys.values().forEach(list -> list.stream()
                .filter(v -> ownName.matcher(v).find()).forEach(values::add)));
        return String.join(", ", values);
    }

    private static String kindOf(String resource) {
        for (String[] kind : REACH_KINDS) {
            if (resource.contains(kind[1])) {
                return kind[0];
            }
        }
        return null;
    }
}
