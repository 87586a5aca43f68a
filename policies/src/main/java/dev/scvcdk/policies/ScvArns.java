package dev.scvcdk.policies;

import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.TenantConfig;

/**
 * Partition-aware ARNs of SCV resources. The partition comes from the tenant config (checked
 * against every stack's region); the account is the configured one or, for an environment-agnostic
 * app, {@link #ACCOUNT_PSEUDO_PARAMETER}, which the constructs render with {@code Fn::Sub}.
 */
public final class ScvArns {
    /** The deploying account in CloudFormation's substitution syntax, for configs without an account id. */
    public static final String ACCOUNT_PSEUDO_PARAMETER = "${AWS::AccountId}";

    private final String partition;
    private final String account;

    public ScvArns(String partition, String account) {
        this.partition = partition;
        this.account = account;
    }

    /** ARNs in the tenant's partition and account ({@link #ACCOUNT_PSEUDO_PARAMETER} when the app is env-agnostic). */
    public static ScvArns forTenant(TenantConfig config) {
        return new ScvArns(config.partitionValue().id(), config.accountIdValue().orElse(ACCOUNT_PSEUDO_PARAMETER));
    }

    public String partition() {
        return partition;
    }

    public String account() {
        return account;
    }

    /** Any regional ARN in this account: {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public String regional(String service, String region, String resource) {
        return arn(service, region, resource);
    }

    private String arn(String service, String region, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    public String function(String region, String callCenter, Function function) {
        return arn("lambda", region, "function:" + function.nameFor(callCenter));
    }

    /** The {@code active} alias ARN: the only thing SCV roles may invoke. */
    public String functionAlias(String region, String callCenter, Function function) {
        return function(region, callCenter, function) + ":" + ScvNames.ACTIVE_ALIAS;
    }

    public String parameter(String region, String callCenter, Parameter parameter) {
        return arn("ssm", region, "parameter/" + parameter.nameFor(callCenter));
    }

    public String ctrStream(String region, String callCenter) {
        return arn("kinesis", region, "stream/" + ScvNames.ctrStream(callCenter, account));
    }

    public String contactLensStream(String region, String callCenter) {
        return arn("kinesis", region, "stream/" + ScvNames.contactLensStream(callCenter, account));
    }

    public String connectInstance(String region, String instanceId) {
        return arn("connect", region, "instance/" + instanceId);
    }

    public String failureQueue(String region, String callCenter) {
        return arn("sqs", region, ScvNames.failureQueue(callCenter));
    }

    public String logGroup(String region, String name) {
        return arn("logs", region, "log-group:" + name);
    }

    public String role(String name) {
        return "arn:" + partition + ":iam::" + account + ":role/" + name;
    }

    public String policy(String pathAndName) {
        return "arn:" + partition + ":iam::" + account + ":policy" + pathAndName;
    }

    public String samlProvider(String name) {
        return "arn:" + partition + ":iam::" + account + ":saml-provider/" + name;
    }

    /** S3 ARNs have neither region nor account. */
    public String bucket(String bucketName) {
        return "arn:" + partition + ":s3:::" + bucketName;
    }

    public String objects(String bucketName, String keyPattern) {
        return bucket(bucketName) + "/" + keyPattern;
    }

    /** Key ARNs are random; key policies and conditions name keys by alias instead. */
    public String anyKeyIn(String region) {
        return arn("kms", region, "key/*");
    }

    public String secret(String region, String namePrefix) {
        return arn("secretsmanager", region, "secret:" + namePrefix + "-??????");
    }

    /** Principal of Salesforce's (or any) account root. */
    public String accountRoot(String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":root";
    }
}
