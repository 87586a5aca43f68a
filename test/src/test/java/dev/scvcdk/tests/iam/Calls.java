package dev.scvcdk.tests.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.tests.iam.IamSimulator.Request;
import dev.scvcdk.tests.iam.SynthesizedIam.Key;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;

/**
 * Builds the AWS API requests a role makes, as AWS authorizes them: the resource ARN in AWS's format (written here
 * independently of the code under test), and the request context AWS sets (principal, TLS, region, resource
 * account, and for KMS the calling service, caller account, key aliases and encryption context).
 */
final class Calls {

    /** An account that is not the tenant's, for cross-account requests. */
    static final String OTHER_ACCOUNT = "444455556666";

    private static final ObjectMapper JSON = new ObjectMapper();

    final String partition;
    final String account;
    final String accountStackRegion;
    private final SynthesizedIam iam;
    private int sequence;

    Calls(String partition, String account, String accountStackRegion, SynthesizedIam iam) {
        this.partition = partition;
        this.account = account;
        this.accountStackRegion = accountStackRegion;
        this.iam = iam;
    }

    /** One call, before it is given its role. */
    record Call(String action, String resource, String region, String resourceAccount, JsonNode resourcePolicy,
            Map<String, Object> context, String describe) {

        Call with(String key, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(context);
            more.put(key, value);
            return new Call(action, resource, region, resourceAccount, resourcePolicy, more, describe);
        }

        Call as(String description) {
            return new Call(action, resource, region, resourceAccount, resourcePolicy, context, description);
        }
    }

    Request by(RolePolicies role, Call call) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("aws:PrincipalArn", role.roleArn());
        context.put("aws:PrincipalAccount", account);
        context.put("aws:SecureTransport", "true");
        context.put("aws:RequestedRegion", call.region());
        if (!call.resourceAccount().isEmpty()) {
            context.put("aws:ResourceAccount", call.resourceAccount());
        }
        context.putAll(call.context());
        return new Request("r" + (++sequence), role, call.action(), call.resource(), call.resourceAccount(),
                call.resourcePolicy(), context);
    }

    // --- resources -------------------------------------------------------------------------------------------

    String arn(String service, String region, String resourceAccount, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + resourceAccount + ":" + resource;
    }

    String parameterArn(ContactCenterConfig cc, Parameter parameter) {
        return arn("ssm", cc.region(), account, "parameter/" + parameter.nameFor(cc.callCenterApiName()));
    }

    String aliasArn(ContactCenterConfig cc, Function function) {
        return functionArn(cc, function) + ":" + ScvNames.ACTIVE_ALIAS;
    }

    String functionArn(ContactCenterConfig cc, Function function) {
        return arn("lambda", cc.region(), account, "function:" + function.nameFor(cc.callCenterApiName()));
    }

    String ctrStreamArn(ContactCenterConfig cc) {
        return arn("kinesis", cc.region(), account,
                "stream/" + ScvNames.ctrStream(cc.callCenterApiName(), account));
    }

    String failureQueueArn(ContactCenterConfig cc) {
        return arn("sqs", cc.region(), account, ScvNames.failureQueue(cc.callCenterApiName()));
    }

    String credentialsSecretArn(ContactCenterConfig cc) {
        // Secrets Manager appends six random characters to the name.
        return arn("secretsmanager", cc.region(), account,
                "secret:" + ScvNames.salesforceCredentialsSecret(cc.callCenterApiName()) + "-Ab12Cd");
    }

    String tenantBucketArn(ContactCenterConfig cc) {
        return "arn:" + partition + ":s3:::" + ScvNames.tenantBucket(cc.callCenterApiName(), account, cc.region());
    }

    String roleArn(String roleName) {
        return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }

    String boundaryArn() {
        return "arn:" + partition + ":iam::" + account + ":policy" + ScvNames.POLICY_PATH
                + ScvNames.BOUNDARY_POLICY_NAME;
    }

    // --- calls -----------------------------------------------------------------------------------------------

    Call ssm(String action, ContactCenterConfig cc, Parameter parameter) {
        return call(action, parameterArn(cc, parameter), cc.region(), account, null,
                action + " " + parameter.nameFor(cc.callCenterApiName()));
    }

    Call ssmOn(String action, String region, String resourceAccount, String parameterName) {
        return call(action, arn("ssm", region, resourceAccount, "parameter/" + parameterName), region, resourceAccount,
                null, action + " " + parameterName + " (" + region + ", account " + resourceAccount + ")");
    }

    Call invoke(String functionArn, String region, String describe) {
        return call("lambda:InvokeFunction", functionArn, region, functionArn.split(":")[4], null,
                "lambda:InvokeFunction " + describe);
    }

    Call kinesis(String action, ContactCenterConfig cc) {
        return call(action, ctrStreamArn(cc), cc.region(), account, null,
                action + " " + ScvNames.ctrStream(cc.callCenterApiName(), account));
    }

    Call logs(String action, ContactCenterConfig cc, Function function) {
        String group = "/aws/lambda/" + function.nameFor(cc.callCenterApiName());
        // Lambda writes to streams named <date>/[<version>]<id> in the function's log group.
        return call(action, arn("logs", cc.region(), account, "log-group:" + group + ":log-stream:2026/11/21/[7]0a1b2c"),
                cc.region(), account, null, action + " " + group);
    }

    Call sendToFailureQueue(ContactCenterConfig cc) {
        String queue = failureQueueArn(cc);
        return call("sqs:SendMessage", queue, cc.region(), account, iam.queuePolicy(queue).orElse(null),
                "sqs:SendMessage " + ScvNames.failureQueue(cc.callCenterApiName()));
    }

    /** Any action on an SCV queue, with the queue's policy deciding too. */
    Call onQueue(String action, String queueArn, String region) {
        return call(action, queueArn, region, account, iam.queuePolicy(queueArn).orElse(null),
                action + " " + queueArn.substring(queueArn.lastIndexOf(':') + 1));
    }

    /** An action without resource-level permissions, asked in the contact center's region. */
    Call withoutResource(String action, ContactCenterConfig cc) {
        return call(action, "*", cc.region(), account, null, action + " in " + cc.region())
                .with("aws:RequestedRegion", cc.region());
    }

    Call secret(String action, ContactCenterConfig cc) {
        return call(action, credentialsSecretArn(cc), cc.region(), account, null,
                action + " " + ScvNames.salesforceCredentialsSecret(cc.callCenterApiName()));
    }

    /** A KMS call on the app's key with {@code alias}, made by {@code service} on the caller's behalf. */
    Call kms(String action, ContactCenterConfig cc, String alias, String service, Map<String, String> encryptionContext) {
        Key key = iam.keyByAlias(cc.region(), alias);
        Call call = call(action, key.arn(), cc.region(), account, key.policy(),
                action + " " + alias + (service == null ? "" : " via " + service) + " " + encryptionContext.values())
                .with("kms:CallerAccount", account)
                .with("kms:ResourceAliases", key.aliases());
        if (service != null) {
            call = call.with("kms:ViaService", service + "." + cc.region() + ".amazonaws.com");
        }
        for (Map.Entry<String, String> entry : encryptionContext.entrySet()) {
            call = call.with("kms:EncryptionContext:" + entry.getKey(), entry.getValue());
        }
        return call;
    }

    /**
     * A KMS call through SSM on the account's AWS managed key {@code alias/aws/ssm}, which SSM uses for a SecureString
     * written without a KeyId. That key is AWS's, so it is in no template: its key policy is AWS's documented one
     * (any principal of the account, through SSM only).
     */
    Call awsManagedSsmKey(String action, ContactCenterConfig cc, Parameter parameter) {
        String keyArn = arn("kms", cc.region(), account, "key/7e57a11a-0000-4000-8000-00000000a55a");
        JsonNode policy = JSON.valueToTree(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow",
                "Principal", Map.of("AWS", "*"),
                "Action", List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:CreateGrant", "kms:DescribeKey"),
                "Resource", "*",
                "Condition", Map.of("StringEquals", Map.of("kms:CallerAccount", account,
                        "kms:ViaService", "ssm." + cc.region() + ".amazonaws.com"))))));
        return call(action, keyArn, cc.region(), account, policy,
                action + " alias/aws/ssm via ssm " + parameter.nameFor(cc.callCenterApiName()))
                .with("kms:CallerAccount", account)
                .with("kms:ResourceAliases", List.of("alias/aws/ssm"))
                .with("kms:ViaService", "ssm." + cc.region() + ".amazonaws.com")
                .with("kms:EncryptionContext:PARAMETER_ARN", parameterArn(cc, parameter));
    }

    Call onKey(String action, ContactCenterConfig cc, String alias) {
        Key key = iam.keyByAlias(cc.region(), alias);
        return call(action, key.arn(), cc.region(), account, key.policy(), action + " " + alias)
                .with("kms:CallerAccount", account);
    }

    Call onTenantBucket(String action, ContactCenterConfig cc) {
        String bucket = tenantBucketArn(cc);
        return call(action, bucket, cc.region(), account, iam.bucketPolicy(bucket).orElse(null),
                action + " " + ScvNames.tenantBucket(cc.callCenterApiName(), account, cc.region()));
    }

    /** An object request on the tenant bucket; the bucket policy (TLS only) takes part. */
    Call onTenantObject(String action, ContactCenterConfig cc, String key) {
        String bucket = tenantBucketArn(cc);
        return call(action, bucket + "/" + key, cc.region(), account, iam.bucketPolicy(bucket).orElse(null),
                action + " " + ScvNames.tenantBucket(cc.callCenterApiName(), account, cc.region()) + "/" + key);
    }

    Call connectContact(String action, ContactCenterConfig cc) {
        return call(action, arn("connect", cc.region(), account, "instance/" + cc.connectInstanceId()
                + "/contact/8d5c2f2e-1b7a-4c3e-9f0d-3a2b1c0d9e8f"), cc.region(), account, null,
                action + " a contact of " + cc.connectInstanceAlias());
    }

    Call iam(String action, String roleName) {
        return call(action, roleArn(roleName), accountStackRegion, account, null, action + " " + roleName);
    }

    Call auditTrail(String action) {
        return call(action, arn("cloudtrail", accountStackRegion, account, "trail/" + ScvNames.CLOUDTRAIL_NAME),
                accountStackRegion, account, null, action + " " + ScvNames.CLOUDTRAIL_NAME);
    }

    /** Any call on {@code resource} in {@code region}, without a resource policy. */
    Call on(String action, String resource, String region, String resourceAccount, String describe) {
        return call(action, resource, region, resourceAccount, null, action + " " + describe);
    }

    /**
     * {@code s3:PutObject} into a bucket of {@link #OTHER_ACCOUNT} named like a tenant bucket
     * ({@code collector-<account>-<region>-scv}), whose owner lets anyone write: exfiltration by look-alike name.
     */
    Call putIntoLookalikeBucket(String region) {
        String bucket = "collector-" + account + "-" + region + "-scv";
        String object = "arn:" + partition + ":s3:::" + bucket + "/recording.wav";
        JsonNode openToAll = JSON.valueToTree(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow", "Principal", "*", "Action", "s3:PutObject", "Resource", object))));
        return call("s3:PutObject", object, region, OTHER_ACCOUNT, openToAll,
                "s3:PutObject " + bucket + " of account " + OTHER_ACCOUNT + ", open to all");
    }

    /** A call on the audit trail's bucket (named by CloudFormation) or one of its objects. */
    Call onAuditBucket(String action, String key) {
        String bucket = iam.auditTrailBucketArn();
        return call(action, key == null ? bucket : bucket + "/" + key, accountStackRegion, account, null,
                action + " the audit trail's bucket" + (key == null ? "" : " object " + key));
    }

    private static Call call(String action, String resource, String region, String resourceAccount,
            JsonNode resourcePolicy, String describe) {
        return new Call(action, resource, region, resourceAccount, resourcePolicy, Map.of(), describe);
    }
}
