package dev.scvcdk.tests.iam;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Resolves the CloudFormation intrinsics of one synthesized template into the literal values the deployed stack
 * would have, so that an IAM evaluator can read its policies. Only what is decidable from the template is
 * resolved: pseudo parameters, {@code Fn::Join}, and {@code Ref}/{@code Fn::GetAtt} of resources whose name is a
 * literal property. A KMS key's id is only known after deployment: it is stood in by a stable id derived from the
 * stack and logical id, used for the requests on that key as well. Anything else throws, naming the path — a
 * policy is never evaluated with a part silently dropped.
 */
final class CfnIntrinsics {

    private final String stackName;
    private final String partition;
    private final String account;
    private final String region;
    private final JsonNode resources;

    CfnIntrinsics(String stackName, String partition, String account, String region, JsonNode template) {
        this.stackName = stackName;
        this.partition = partition;
        this.account = account;
        this.region = region;
        this.resources = template.path("Resources");
    }

    /** A deep copy of {@code value} without intrinsics. */
    JsonNode resolve(JsonNode value, String path) {
        if (value.isObject()) {
            if (value.size() == 1) {
                String key = value.fieldNames().next();
                if (key.equals("Ref")) {
                    return TextNode.valueOf(ref(value.get(key).asText(), path));
                }
                if (key.startsWith("Fn::")) {
                    return TextNode.valueOf(function(key, value.get(key), path));
                }
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), resolve(field.getValue(), path + "/" + field.getKey()));
            }
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                copy.add(resolve(value.get(i), path + "/" + i));
            }
            return copy;
        }
        return value.deepCopy();
    }

    /** A value that must resolve to a string (an ARN, a name). */
    String resolveText(JsonNode value, String path) {
        JsonNode resolved = resolve(value, path);
        if (!resolved.isTextual()) {
            throw unresolvable(path, value, "expected a string");
        }
        return resolved.asText();
    }

    /** The stand-in id of the KMS key with this logical id (a UUID, like a real key id). */
    String keyId(String logicalId) {
        return UUID.nameUUIDFromBytes((stackName + "/" + logicalId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    String keyArn(String logicalId) {
        return "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + keyId(logicalId);
    }

    private String function(String name, JsonNode args, String path) {
        switch (name) {
            case "Fn::Join": {
                if (!args.isArray() || args.size() != 2 || !args.get(1).isArray()) {
                    throw unresolvable(path, args, "malformed Fn::Join");
                }
                StringBuilder joined = new StringBuilder();
                JsonNode parts = args.get(1);
                for (int i = 0; i < parts.size(); i++) {
                    if (i > 0) {
                        joined.append(args.get(0).asText());
                    }
                    joined.append(resolveText(parts.get(i), path + "/Fn::Join/" + i));
                }
                return joined.toString();
            }
            case "Fn::GetAtt": {
                if (!args.isArray() || args.size() != 2) {
                    throw unresolvable(path, args, "malformed Fn::GetAtt");
                }
                return getAtt(args.get(0).asText(), args.get(1).asText(), path);
            }
            default:
                throw unresolvable(path, args, name + " is not resolved by this test");
        }
    }

    private String ref(String target, String path) {
        switch (target) {
            case "AWS::Partition":
                return partition;
            case "AWS::AccountId":
                return account;
            case "AWS::Region":
                return region;
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        JsonNode resource = resource(target, path);
        String type = resource.path("Type").asText();
        JsonNode props = resource.path("Properties");
        switch (type) {
            case "AWS::IAM::ManagedPolicy":
                return managedPolicyArn(props, path);
            case "AWS::IAM::Role":
                return literalName(props, "RoleName", target, path);
            case "AWS::S3::Bucket":
                return bucketName(props, target, path);
            case "AWS::KMS::Key":
                return keyId(target);
            case "AWS::Kinesis::Stream":
                return literalName(props, "Name", target, path);
            case "AWS::SNS::Topic":
                // a topic's Ref is its ARN
                return arn("sns", region, account, literalName(props, "TopicName", target, path));
            default:
                throw unresolvable(path, TextNode.valueOf(target), "Ref of a " + type + " is not resolved by this test");
        }
    }

    private String getAtt(String target, String attribute, String path) {
        JsonNode resource = resource(target, path);
        String type = resource.path("Type").asText();
        JsonNode props = resource.path("Properties");
        String key = type + "." + attribute;
        switch (key) {
            case "AWS::IAM::Role.Arn":
                return arn("iam", "", account, "role" + pathOf(props) + literalName(props, "RoleName", target, path));
            case "AWS::KMS::Key.Arn":
                return keyArn(target);
            case "AWS::S3::Bucket.Arn":
                return arn("s3", "", "", bucketName(props, target, path));
            case "AWS::SQS::Queue.Arn":
                return arn("sqs", region, account, literalName(props, "QueueName", target, path));
            case "AWS::Kinesis::Stream.Arn":
                return arn("kinesis", region, account, "stream/" + literalName(props, "Name", target, path));
            case "AWS::Events::Rule.Arn":
                return arn("events", region, account, "rule/" + literalName(props, "Name", target, path));
            default:
                throw unresolvable(path, TextNode.valueOf(target + "." + attribute),
                        "Fn::GetAtt " + key + " is not resolved by this test");
        }
    }

    private String managedPolicyArn(JsonNode props, String path) {
        String name = literalName(props, "ManagedPolicyName", "managed policy", path);
        return arn("iam", "", account, "policy" + pathOf(props) + name);
    }

    private static String pathOf(JsonNode props) {
        return props.path("Path").isTextual() ? props.path("Path").asText() : "/";
    }

    private String arn(String service, String arnRegion, String arnAccount, String resource) {
        return "arn:" + partition + ":" + service + ":" + arnRegion + ":" + arnAccount + ":" + resource;
    }

    private JsonNode resource(String logicalId, String path) {
        JsonNode resource = resources.path(logicalId);
        if (resource.isMissingNode()) {
            throw unresolvable(path, TextNode.valueOf(logicalId), "no such resource in " + stackName);
        }
        return resource;
    }

    /**
     * A bucket's literal name, or for a bucket CloudFormation names (the audit trail's) the name in CloudFormation's
     * form, {@code <stack>-<logical id>-<suffix>} in lower case, with a fixed stand-in suffix.
     */
    String bucketName(JsonNode props, String target, String path) {
        return props.path("BucketName").isTextual() ? literalName(props, "BucketName", target, path)
                : generatedBucketName(stackName, target);
    }

    private static String generatedBucketName(String stackName, String logicalId) {
        return (stackName + "-" + logicalId).toLowerCase(java.util.Locale.ROOT) + "-1a2b3c4d5e6f";
    }

    /** Generated names are only known after deployment: the policy cannot be evaluated from the template. */
    private String literalName(JsonNode props, String property, String target, String path) {
        JsonNode name = props.path(property);
        if (!name.isTextual()) {
            throw unresolvable(path, TextNode.valueOf(target), property + " is not a literal (generated at deploy)");
        }
        return name.asText();
    }

    private IllegalStateException unresolvable(String path, JsonNode value, String why) {
        return new IllegalStateException("Unresolvable intrinsic in stack " + stackName + " at " + path + ": " + value
                + " (" + why + ")");
    }
}
