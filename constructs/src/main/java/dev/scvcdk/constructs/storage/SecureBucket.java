package dev.scvcdk.constructs.storage;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import java.util.List;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * An S3 bucket with SCV's secure defaults ({@link SecureDefaults#bucketProps}): public access blocked,
 * TLS only, versioned, KMS-encrypted, retained, with lifecycle rules and server access logging.
 *
 * <p>A passed-in access-log bucket must allow S3 log delivery by bucket policy (ACLs disabled), as
 * the one created here does.
 *
 * <p>Children: {@code Resource} (the bucket), {@code Key} (unless a key is passed in) and
 * {@code AccessLogs} (unless an access-log bucket is passed in).
 */
public class SecureBucket extends Construct {
    /** CDK feature flag: server access logging is granted by bucket policy instead of ACL. */
    static final String LOG_DELIVERY_BY_POLICY_FLAG = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    private final Bucket bucket;
    private final IKey encryptionKey;
    private final IBucket accessLogsBucket;

    public SecureBucket(Construct scope, String id) {
        this(scope, id, SecureBucketProps.builder().build());
    }

    public SecureBucket(Construct scope, String id, SecureBucketProps props) {
        super(scope, id);
        // Grant S3 log delivery through the log bucket's policy, not the legacy LogDeliveryWrite ACL
        // (ACLs are disabled here). Set on this scope so it holds whatever the app's feature flags say.
        getNode().setContext(LOG_DELIVERY_BY_POLICY_FLAG, true);
        this.encryptionKey = props.encryptionKey().orElseGet(() -> new Key(this, "Key",
                SecureDefaults.keyProps("Encrypts the objects of " + getNode().getPath()).build()));

        boolean ownLogBucket = props.serverAccessLogsBucket().isEmpty();
        this.accessLogsBucket = props.serverAccessLogsBucket().orElseGet(() -> new Bucket(this, "AccessLogs",
                SecureDefaults.accessLogBucketProps().build()));
        // A shared log bucket needs a prefix per source bucket to keep their logs apart.
        String logPrefix = props.serverAccessLogsPrefix().orElse(ownLogBucket ? null : getNode().getPath() + "/");

        BucketProps.Builder bucketProps = SecureDefaults.bucketProps(encryptionKey)
                .serverAccessLogsBucket(accessLogsBucket)
                .serverAccessLogsPrefix(logPrefix);
        props.bucketName().ifPresent(bucketProps::bucketName);
        this.bucket = new Bucket(this, "Resource", bucketProps.build());
        if (props.eventBridgeEnabled()) {
            enableEventBridgeNatively();
        }
    }

    /**
     * Turns EventBridge delivery on in the bucket's own CloudFormation properties. The L2's
     * {@code eventBridgeEnabled} does it through a custom resource instead, whose Lambda function,
     * role and inline policy exist only for this one setting.
     */
    private void enableEventBridgeNatively() {
        ((CfnBucket) bucket.getNode().getDefaultChild()).setNotificationConfiguration(
                CfnBucket.NotificationConfigurationProperty.builder()
                        .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder()
                                .eventBridgeEnabled(true)
                                .build())
                        .build());
        // S3 notifications added later go through CDK's custom resource, which rewrites the bucket's
        // whole notification configuration and would silently turn EventBridge off again.
        bucket.getNode().addValidation(() -> bucket.getNode().tryFindChild("Notifications") == null
                ? List.of()
                : List.of("SecureBucket " + getNode().getPath() + " delivers object events to EventBridge; "
                        + "S3 event notifications (addEventNotification) would replace that configuration. "
                        + "Subscribe to the bucket's events with an EventBridge rule instead."));
    }

    /** The bucket itself. */
    public Bucket getBucket() {
        return bucket;
    }

    /** The key that encrypts the bucket's objects (created here or passed in). */
    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    /** The bucket receiving this bucket's server access logs (created here or passed in). */
    public IBucket getAccessLogsBucket() {
        return accessLogsBucket;
    }
}
