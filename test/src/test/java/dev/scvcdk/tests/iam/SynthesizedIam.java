package dev.scvcdk.tests.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.tests.iam.ExampleApp.SynthesizedStack;

/**
 * The IAM of a synthesized app as the evaluator needs it, read from the templates only: for every
 * {@code AWS::IAM::Role} its inline policies, the {@code AWS::IAM::Policy} and {@code AWS::IAM::ManagedPolicy}
 * resources attached to it, its managed policy ARNs and its permissions boundary document; and the resource
 * policies that decide requests on the app's keys, queues and buckets. A policy that cannot be found or resolved
 * throws.
 */
final class SynthesizedIam {

    record NamedPolicy(String name, JsonNode document) {
    }

    /** One role: what it is allowed by (identity policies) and bounded by (boundary). */
    record RolePolicies(String roleName, String roleArn, String stackName, String logicalId, boolean generatedName,
            List<NamedPolicy> identityPolicies, List<NamedPolicy> boundaryPolicies) {
    }

    /** A KMS key of the app: its stand-in ARN, aliases and key policy. */
    record Key(String stackName, String logicalId, String region, String arn, List<String> aliases, JsonNode policy) {
    }

    /**
     * AWS managed policies a CDK-made role may carry. Their documents are not in any template; the ones the app uses
     * are written here from AWS's published policy, and any other one fails the build of this model.
     */
    private static final Map<String, String> AWS_MANAGED_POLICIES = Map.of(
            "service-role/AWSLambdaBasicExecutionRole",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogGroup\","
                    + "\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}");

    private final String partition;
    private final String account;
    private final Map<String, RolePolicies> roles = new LinkedHashMap<>();
    private final Map<String, JsonNode> trustPolicies = new LinkedHashMap<>();
    private final Map<String, JsonNode> managedPolicyDocuments = new LinkedHashMap<>();
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final Map<String, JsonNode> queuePolicies = new LinkedHashMap<>();
    private final Map<String, JsonNode> bucketPolicies = new LinkedHashMap<>();
    private String auditTrailBucketArn;

    SynthesizedIam(String partition, String account, Collection<SynthesizedStack> stacks) {
        this.partition = partition;
        this.account = account;
        Map<String, CfnIntrinsics> resolvers = new LinkedHashMap<>();
        for (SynthesizedStack stack : stacks) {
            resolvers.put(stack.name(), new CfnIntrinsics(stack.name(), partition, stack.account(), stack.region(),
                    stack.template()));
        }
        // Managed policies first: roles of any stack may attach or be bounded by them.
        for (SynthesizedStack stack : stacks) {
            CfnIntrinsics cfn = resolvers.get(stack.name());
            forEachResource(stack, "AWS::IAM::ManagedPolicy", (id, props) -> managedPolicyDocuments.put(
                    cfn.resolveText(jsonRef(id), stack.name() + "/" + id),
                    cfn.resolve(props.path("PolicyDocument"), stack.name() + "/" + id + "/PolicyDocument")));
        }
        for (SynthesizedStack stack : stacks) {
            readRoles(stack, resolvers.get(stack.name()));
        }
        for (SynthesizedStack stack : stacks) {
            attachPolicies(stack, resolvers.get(stack.name()));
            readResourcePolicies(stack, resolvers.get(stack.name()));
        }
    }

    private void readRoles(SynthesizedStack stack, CfnIntrinsics cfn) {
        forEachResource(stack, "AWS::IAM::Role", (id, props) -> {
            String where = stack.name() + "/" + id;
            boolean generated = !props.path("RoleName").isTextual();
            // CloudFormation names an unnamed role <stack>-<logical id>-<suffix>; the prefix is enough to evaluate it.
            String name = generated ? stack.name() + "-" + id : props.path("RoleName").asText();
            List<NamedPolicy> identity = new ArrayList<>();
            JsonNode inline = props.path("Policies");
            for (int i = 0; i < inline.size(); i++) {
                JsonNode policy = inline.get(i);
                identity.add(new NamedPolicy(policy.path("PolicyName").asText(),
                        cfn.resolve(policy.path("PolicyDocument"), where + "/Policies/" + i)));
            }
            JsonNode managed = props.path("ManagedPolicyArns");
            for (int i = 0; i < managed.size(); i++) {
                String arn = cfn.resolveText(managed.get(i), where + "/ManagedPolicyArns/" + i);
                identity.add(new NamedPolicy(arn, managedPolicy(arn, where)));
            }
            List<NamedPolicy> boundary = new ArrayList<>();
            if (props.has("PermissionsBoundary")) {
                String arn = cfn.resolveText(props.path("PermissionsBoundary"), where + "/PermissionsBoundary");
                boundary.add(new NamedPolicy(arn, managedPolicy(arn, where)));
            }
            String roleArn = "arn:" + partition + ":iam::" + account + ":role"
                    + (props.path("Path").isTextual() ? props.path("Path").asText() : "/") + name;
            if (roles.put(name, new RolePolicies(name, roleArn, stack.name(), id, generated, identity, boundary)) != null) {
                throw new IllegalStateException("two roles named " + name + " (second in " + where + ")");
            }
            trustPolicies.put(name, cfn.resolve(props.path("AssumeRolePolicyDocument"),
                    where + "/AssumeRolePolicyDocument"));
        });
    }

    /** {@code AWS::IAM::Policy} and {@code AWS::IAM::ManagedPolicy} resources that name roles. */
    private void attachPolicies(SynthesizedStack stack, CfnIntrinsics cfn) {
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            forEachResource(stack, type, (id, props) -> {
                String where = stack.name() + "/" + id;
                JsonNode targets = props.path("Roles");
                for (int i = 0; i < targets.size(); i++) {
                    JsonNode target = targets.get(i);
                    String roleName = target.has("Ref") && stack.template().path("Resources")
                            .path(target.get("Ref").asText()).path("Properties").path("RoleName").isMissingNode()
                                    ? stack.name() + "-" + target.get("Ref").asText()
                                    : cfn.resolveText(target, where + "/Roles/" + i);
                    RolePolicies role = roles.get(roleName);
                    if (role == null) {
                        throw new IllegalStateException(where + " attaches to role " + roleName
                                + ", which no synthesized stack defines: its permissions could not be evaluated");
                    }
                    role.identityPolicies().add(new NamedPolicy(where,
                            cfn.resolve(props.path("PolicyDocument"), where + "/PolicyDocument")));
                }
                if (props.has("Users") || props.has("Groups")) {
                    throw new IllegalStateException(where + " attaches to users or groups; SCV has none");
                }
            });
        }
    }

    private void readResourcePolicies(SynthesizedStack stack, CfnIntrinsics cfn) {
        forEachResource(stack, "AWS::CloudTrail::Trail", (id, props) -> auditTrailBucketArn = "arn:" + partition
                + ":s3:::" + cfn.resolveText(props.path("S3BucketName"), stack.name() + "/" + id + "/S3BucketName"));
        Map<String, List<String>> aliasesByKey = new LinkedHashMap<>();
        forEachResource(stack, "AWS::KMS::Alias", (id, props) -> aliasesByKey
                .computeIfAbsent(cfn.resolveText(props.path("TargetKeyId"), stack.name() + "/" + id), k -> new ArrayList<>())
                .add(props.path("AliasName").asText()));
        forEachResource(stack, "AWS::KMS::Key", (id, props) -> {
            String arn = cfn.keyArn(id);
            List<String> aliases = new ArrayList<>(aliasesByKey.getOrDefault(arn, List.of()));
            aliases.addAll(aliasesByKey.getOrDefault(cfn.keyId(id), List.of()));
            keys.put(arn, new Key(stack.name(), id, stack.region(), arn, List.copyOf(aliases),
                    cfn.resolve(props.path("KeyPolicy"), stack.name() + "/" + id + "/KeyPolicy")));
        });
        forEachResource(stack, "AWS::SQS::QueuePolicy", (id, props) -> {
            JsonNode policy = cfn.resolve(props.path("PolicyDocument"), stack.name() + "/" + id);
            JsonNode queues = props.path("Queues");
            for (int i = 0; i < queues.size(); i++) {
                String logicalId = queues.get(i).path("Ref").asText();
                queuePolicies.put(cfn.resolveText(getAtt(logicalId, "Arn"), stack.name() + "/" + id + "/Queues"), policy);
            }
        });
        forEachResource(stack, "AWS::S3::BucketPolicy", (id, props) -> {
            JsonNode bucketRef = props.path("Bucket");
            if (bucketRef.has("Ref") && !stack.template().path("Resources").path(bucketRef.get("Ref").asText())
                    .path("Properties").path("BucketName").isTextual()) {
                // A bucket named at deploy time (the access-log buckets): no request of these tests can name it.
                return;
            }
            String bucket = cfn.resolveText(bucketRef, stack.name() + "/" + id + "/Bucket");
            bucketPolicies.put("arn:" + partition + ":s3:::" + bucket,
                    cfn.resolve(props.path("PolicyDocument"), stack.name() + "/" + id));
        });
    }

    private JsonNode managedPolicy(String arn, String where) {
        JsonNode document = managedPolicyDocuments.get(arn);
        if (document != null) {
            return document;
        }
        String awsPrefix = "arn:" + partition + ":iam::aws:policy/";
        if (arn.startsWith(awsPrefix) && AWS_MANAGED_POLICIES.containsKey(arn.substring(awsPrefix.length()))) {
            try {
                return new ObjectMapper().readTree(AWS_MANAGED_POLICIES.get(arn.substring(awsPrefix.length())));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(where + " uses managed policy " + arn + ", whose document is in no synthesized "
                + "stack and is not a known AWS managed policy: its permissions could not be evaluated");
    }

    private interface ResourceVisitor {
        void visit(String logicalId, JsonNode properties);
    }

    private static void forEachResource(SynthesizedStack stack, String type, ResourceVisitor visitor) {
        stack.template().path("Resources").fields().forEachRemaining(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                visitor.visit(entry.getKey(), entry.getValue().path("Properties"));
            }
        });
    }

    private static JsonNode jsonRef(String logicalId) {
        return new ObjectMapper().createObjectNode().put("Ref", logicalId);
    }

    private static JsonNode getAtt(String logicalId, String attribute) {
        ObjectMapper json = new ObjectMapper();
        return json.createObjectNode().set("Fn::GetAtt", json.createArrayNode().add(logicalId).add(attribute));
    }

    Map<String, RolePolicies> roles() {
        return roles;
    }

    RolePolicies role(String name) {
        RolePolicies role = roles.get(name);
        if (role == null) {
            throw new IllegalArgumentException("no role named " + name + " in the synthesized app; roles: "
                    + roles.keySet());
        }
        return role;
    }

    /** The role's trust policy ({@code AssumeRolePolicyDocument}), resolved. */
    JsonNode trustPolicy(String roleName) {
        role(roleName);
        return trustPolicies.get(roleName);
    }

    /** The key that carries {@code alias} in {@code region}. */
    Key keyByAlias(String region, String alias) {
        return keys.values().stream()
                .filter(k -> k.region().equals(region) && k.aliases().contains(alias))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no key with " + alias + " in " + region + "; keys: "
                        + keys.values().stream().map(k -> k.region() + " " + k.aliases()).toList()));
    }

    Optional<JsonNode> queuePolicy(String queueArn) {
        return Optional.ofNullable(queuePolicies.get(queueArn));
    }

    /** ARN of the bucket the audit trail delivers to (named by CloudFormation: a stand-in name of its form). */
    String auditTrailBucketArn() {
        if (auditTrailBucketArn == null) {
            throw new IllegalStateException("no AWS::CloudTrail::Trail in the synthesized app");
        }
        return auditTrailBucketArn;
    }

    Optional<JsonNode> bucketPolicy(String bucketArn) {
        return Optional.ofNullable(bucketPolicies.get(bucketArn));
    }
}
