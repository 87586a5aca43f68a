package dev.scvcdk.constructs.defaults;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.KeyProps;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;

/**
 * The one place where SCV decides what "secure" means for buckets, keys, log groups and queues.
 *
 * <p>Every factory returns a pre-filled builder: callers add what is specific to them (a name, an
 * access-log target, a key) and never restate a security setting. Stateful resources are retained
 * on stack delete, so a mistaken {@code cdk destroy} cannot lose recordings or audit logs.
 */
public final class SecureDefaults {
    private SecureDefaults() {
    }

    /** Days after which a noncurrent object version moves to Infrequent Access. */
    public static final int NONCURRENT_TRANSITION_DAYS = 30;

    /** Days after which a noncurrent object version is deleted. */
    public static final int NONCURRENT_EXPIRATION_DAYS = 365;

    /** Days after which an unfinished multipart upload is aborted (its parts cost money and hide data). */
    public static final int ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

    /** Retention of log groups: a year, what audit frameworks (NIST, PCI) expect to be kept online. */
    public static final RetentionDays LOG_RETENTION = RetentionDays.ONE_YEAR;

    /** Message retention of queues: SQS's maximum, so failures can be replayed after a long weekend. */
    public static final Duration QUEUE_RETENTION = Duration.days(14);

    /** The period every SCV alarm evaluates its metric over. */
    public static final Duration ALARM_PERIOD = Duration.minutes(5);

    /** Lowest TLS version a bucket accepts. */
    public static final Number MINIMUM_TLS_VERSION = 1.2;

    /**
     * A data bucket: public access blocked, TLS only, versioned, encrypted with {@code encryptionKey}
     * (bucket key on, to cut KMS calls), ACLs disabled, retained, with the standard lifecycle.
     */
    public static BucketProps.Builder bucketProps(IKey encryptionKey) {
        return BucketProps.builder()
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(MINIMUM_TLS_VERSION)
                .versioned(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(encryptionKey)
                .bucketKeyEnabled(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .lifecycleRules(lifecycleRules());
    }

    /**
     * A server-access-log target bucket. S3 log delivery cannot write to SSE-KMS buckets, so this one
     * is encrypted with S3-managed keys; everything else matches {@link #bucketProps(IKey)}.
     */
    public static BucketProps.Builder accessLogBucketProps() {
        return BucketProps.builder()
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(MINIMUM_TLS_VERSION)
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .lifecycleRules(lifecycleRules());
    }

    /** Noncurrent versions go to Infrequent Access, then expire; unfinished uploads are aborted. */
    public static List<LifecycleRule> lifecycleRules() {
        return LIFECYCLE_RULES;
    }

    // Built once for every bucket: each Duration in them is an object in the jsii runtime.
    private static final List<LifecycleRule> LIFECYCLE_RULES = List.of(
                LifecycleRule.builder()
                        .id("NoncurrentVersions")
                        .enabled(true)
                        .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                                .storageClass(StorageClass.INFREQUENT_ACCESS)
                                .transitionAfter(Duration.days(NONCURRENT_TRANSITION_DAYS))
                                .build()))
                        .noncurrentVersionExpiration(Duration.days(NONCURRENT_EXPIRATION_DAYS))
                        .build(),
                LifecycleRule.builder()
                        .id("AbortIncompleteMultipartUploads")
                        .enabled(true)
                        .abortIncompleteMultipartUploadAfter(Duration.days(ABORT_INCOMPLETE_UPLOAD_DAYS))
                        .build());

    /** A customer-managed key: yearly rotation on, retained (deleting it would orphan everything it encrypts). */
    public static KeyProps.Builder keyProps(String description) {
        return KeyProps.builder()
                .description(description)
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN);
    }

    /** A log group encrypted with {@code encryptionKey}, kept {@link #LOG_RETENTION}, retained. */
    public static LogGroupProps.Builder logGroupProps(IKey encryptionKey) {
        return LogGroupProps.builder()
                .encryptionKey(encryptionKey)
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.RETAIN);
    }

    /** A queue encrypted with {@code encryptionKey}, TLS only, {@link #QUEUE_RETENTION}, retained. */
    public static QueueProps.Builder queueProps(IKey encryptionKey) {
        return QueueProps.builder()
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(encryptionKey)
                .enforceSsl(true)
                .retentionPeriod(QUEUE_RETENTION)
                .removalPolicy(RemovalPolicy.RETAIN);
    }

    /**
     * Lets CloudWatch Logs use {@code key} for exactly one log group: the regional logs service
     * principal, only with the encryption context naming that log group. A key policy without this
     * makes log-group creation fail; one without the condition would let any log group use the key.
     *
     * @param logGroupName the log group's name (the key policy cannot reference the log group itself:
     *                     the log group depends on the key)
     */
    public static PolicyStatement cloudWatchLogsKeyStatement(Stack stack, String logGroupName) {
        String logGroupArn = stack.formatArn(ArnComponents.builder()
                .service("logs")
                .resource("log-group")
                .resourceName(logGroupName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        return PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsForOneLogGroup")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals",
                        Map.of("kms:EncryptionContext:aws:logs:arn", logGroupArn)))
                .build();
    }
}
