package dev.scvcdk.constructs.storage;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketProps;
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
                .serverAccessLogsPrefix(logPrefix)
                .eventBridgeEnabled(props.eventBridgeEnabled());
        props.bucketName().ifPresent(bucketProps::bucketName);
        this.bucket = new Bucket(this, "Resource", bucketProps.build());
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
