package dev.scvcdk.constructs.audit;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import dev.scvcdk.constructs.keys.KeyStatements;
import dev.scvcdk.constructs.storage.SecureBucket;
import dev.scvcdk.constructs.storage.SecureBucketProps;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudtrail.CfnTrail;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The account's audit trail: a multi-region CloudTrail with global service events and log-file
 * validation, encrypted with its own KMS key, delivering to a {@link SecureBucket} and to a
 * KMS-encrypted CloudWatch log group through a role the caller owns (SCV's {@code SCVTrailLogGroupRole}).
 * Besides management events it records, unless {@link AuditTrailProps#dataEvents()} is off, the data
 * events of the tenant's buckets and SCV functions ({@link TenantDataEvents}).
 *
 * <p>The trail, its key, bucket and log group are retained when the stack is deleted: deleting the stack
 * must neither stop the audit nor lose its records. (A retained trail keeps its name, so deploying the
 * stack again needs it deleted or imported first.)
 *
 * <p>Children: {@code Key}, {@code Bucket} (a SecureBucket with its access-log bucket),
 * {@code LogGroup} and {@code Resource} (the trail).
 */
public class AuditTrail extends Construct {
    private final CfnTrail trail;
    private final Key key;
    private final SecureBucket bucket;
    private final LogGroup logGroup;

    public AuditTrail(Construct scope, String id, AuditTrailProps props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        // Computed from the name, not read from the trail: the key policy cannot reference the trail
        // that depends on the key.
        String trailArn = stack.formatArn(ArnComponents.builder()
                .service("cloudtrail").resource("trail").resourceName(props.trailName())
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());

        // The account may administer the key but only decrypt this trail's log files with it (no kms:* to root).
        PolicyDocument keyPolicy = new PolicyDocument();
        keyPolicy.addStatements(
                PolicyStatement.fromJson(KeyStatements.administration(KeyStatements.Environment.of(stack))),
                accountDecryptsLogFilesStatement(stack, trailArn));
        this.key = new Key(this, "Key", SecureDefaults.keyProps("Encrypts the " + props.trailName()
                + " audit trail: its log files, its bucket and its log group").policy(keyPolicy).build());
        key.addToResourcePolicy(cloudTrailEncryptStatement(trailArn));
        key.addToResourcePolicy(cloudTrailDescribeKeyStatement(trailArn));
        key.addToResourcePolicy(SecureDefaults.cloudWatchLogsKeyStatement(stack, props.logGroupName()));

        this.bucket = new SecureBucket(this, "Bucket", SecureBucketProps.builder().encryptionKey(key).build());
        this.logGroup = new LogGroup(this, "LogGroup", SecureDefaults.logGroupProps(key)
                .logGroupName(props.logGroupName())
                .retention(props.logRetention())
                .build());

        // The L1 rather than the L2 Trail: the L2 adds bucket-policy grants without an aws:SourceArn
        // condition, and with CloudWatch delivery on it creates a second, unnamed delivery role.
        Bucket target = bucket.getBucket();
        target.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudTrailAclCheckForThisTrail")
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("s3:GetBucketAcl"))
                .resources(List.of(target.getBucketArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceArn", trailArn)))
                .build());
        target.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudTrailWriteForThisTrail")
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(target.arnForObjects("AWSLogs/" + stack.getAccount() + "/*")))
                .conditions(Map.of("StringEquals", new TreeMap<>(Map.of(
                        "s3:x-amz-acl", "bucket-owner-full-control",
                        "aws:SourceArn", trailArn))))
                .build());

        CfnTrail.Builder trailBuilder = CfnTrail.Builder.create(this, "Resource")
                .trailName(props.trailName())
                .isLogging(true)
                .s3BucketName(target.getBucketName())
                .kmsKeyId(key.getKeyArn())
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .cloudWatchLogsLogGroupArn(logGroup.getLogGroupArn())
                .cloudWatchLogsRoleArn(props.logDeliveryRole().getRoleArn());
        if (props.dataEvents()) {
            trailBuilder.advancedEventSelectors(TenantDataEvents.of(props.tenantConfig()).selectors());
        }
        this.trail = trailBuilder.build();
        trail.applyRemovalPolicy(RemovalPolicy.RETAIN);
        // CloudTrail checks bucket access and the delivery role's permissions when the trail is created.
        trail.getNode().addDependency(target.getPolicy());
        trail.getNode().addDependency(props.logDeliveryRole());
    }

    /** CloudTrail may encrypt log files with the key, for this trail only. */
    private static PolicyStatement cloudTrailEncryptStatement(String trailArn) {
        return PolicyStatement.Builder.create()
                .sid("AllowCloudTrailToEncryptLogsOfThisTrail")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(new TreeMap<>(Map.of(
                        "StringEquals", Map.of("aws:SourceArn", trailArn),
                        "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn", trailArn))))
                .build();
    }

    /** Auditors of this account read the log files: IAM decides who, the key only allows decrypting them. */
    private static PolicyStatement accountDecryptsLogFilesStatement(Stack stack, String trailArn) {
        return PolicyStatement.Builder.create()
                .sid("AccountDecryptsLogFilesOfThisTrail")
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(new TreeMap<>(Map.of(
                        "StringEquals", Map.of("kms:CallerAccount", stack.getAccount()),
                        "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn", trailArn))))
                .build();
    }

    /** CloudTrail checks the key when the trail is created or updated. */
    private static PolicyStatement cloudTrailDescribeKeyStatement(String trailArn) {
        return PolicyStatement.Builder.create()
                .sid("AllowCloudTrailToDescribeKey")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("kms:DescribeKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceArn", trailArn)))
                .build();
    }

    /** The trail; its ARN is {@code getAttrArn()}. */
    public CfnTrail getTrail() {
        return trail;
    }

    /** The key encrypting the trail's log files, its bucket and its log group. */
    public Key getKey() {
        return key;
    }

    public SecureBucket getBucket() {
        return bucket;
    }

    public LogGroup getLogGroup() {
        return logGroup;
    }
}
