package dev.scvcdk.constructs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;

class SecureBucketTest {

    private static Stack stack() {
        return new Stack(new App(), "Test", StackProps.builder()
                .env(Environment.builder().account("111122223333").region("us-east-1").build())
                .build());
    }

    private static Map<String, Map<String, Object>> buckets(Template template) {
        return template.findResources("AWS::S3::Bucket");
    }

    @Test
    void dataBucketBlocksPublicAccessIsVersionedAndEncryptedWithItsKmsKey() {
        // GIVEN a secure bucket with default props
        Stack stack = stack();
        SecureBucket secure = new SecureBucket(stack, "Data");

        // THEN the bucket blocks every kind of public access, keeps versions and uses SSE-KMS with a bucket key
        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of(
                        "BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "BucketKeyEnabled", true,
                        "ServerSideEncryptionByDefault", Map.of(
                                "SSEAlgorithm", "aws:kms",
                                "KMSMasterKeyID", Map.of("Fn::GetAtt", List.of(
                                        stack.getLogicalId((software.amazon.awscdk.CfnElement) secure
                                                .getEncryptionKey().getNode().getDefaultChild()), "Arn"))))))));
    }

    @Test
    void bucketPolicyDeniesRequestsWithoutTls() {
        Stack stack = stack();
        SecureBucket secure = new SecureBucket(stack, "Data");

        Template.fromStack(stack).hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", logicalId(stack, secure.getBucket())),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void bucketPolicyDeniesTlsOlderThanOnePointTwo() {
        Stack stack = stack();
        SecureBucket secure = new SecureBucket(stack, "Data");

        Template.fromStack(stack).hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", logicalId(stack, secure.getBucket())),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2)))))))));
    }

    @Test
    void serverAccessLogsGoToOwnAccessLogBucketEncryptedWithS3ManagedKeys() {
        // GIVEN no access-log bucket passed in
        Stack stack = stack();
        SecureBucket secure = new SecureBucket(stack, "Data");
        Template template = Template.fromStack(stack);
        String logBucketId = logicalId(stack, (Bucket) secure.getAccessLogsBucket());

        // THEN the data bucket logs to the created log bucket
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LoggingConfiguration", Map.of("DestinationBucketName", Map.of("Ref", logBucketId))));
        // AND the log bucket uses SSE-S3 (log delivery cannot write to SSE-KMS), is versioned and private
        assertThat(buckets(template).get(logBucketId)).extracting("Properties").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("BucketEncryption", Map.of("ServerSideEncryptionConfiguration",
                        List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))))
                .containsEntry("VersioningConfiguration", Map.of("Status", "Enabled"))
                .containsKey("PublicAccessBlockConfiguration");
        // AND only S3 log delivery for this account's data bucket may write to it, over TLS
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", logBucketId),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of(
                                "Effect", "Deny",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                                "Action", "s3:PutObject",
                                "Condition", Match.objectLike(Map.of(
                                        "StringEquals", Map.of("aws:SourceAccount", "111122223333"))))))))));
    }

    @Test
    void everyBucketHasLifecycleForNoncurrentVersionsAndIncompleteUploads() {
        Stack stack = stack();
        new SecureBucket(stack, "Data");

        Template template = Template.fromStack(stack);
        Map<String, Object> expected = Map.of("LifecycleConfiguration", Map.of("Rules", List.of(
                Map.of("Id", "NoncurrentVersions", "Status", "Enabled",
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 365),
                        "NoncurrentVersionTransitions", List.of(Map.of(
                                "StorageClass", "STANDARD_IA", "TransitionInDays", 30))),
                Map.of("Id", "AbortIncompleteMultipartUploads", "Status", "Enabled",
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7)))));
        assertThat(template.findResources("AWS::S3::Bucket", Map.of("Properties", Match.objectLike(expected))))
                .hasSize(2);
    }

    @Test
    void createdKeyRotatesAndEveryStatefulResourceIsRetained() {
        Stack stack = stack();
        new SecureBucket(stack, "Data");

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        assertThat(template.findResources("AWS::S3::Bucket", Map.of(
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"))).hasSize(2);
        assertThat(template.findResources("AWS::KMS::Key", Map.of(
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"))).hasSize(1);
    }

    @Test
    void passedInKeyAndLogBucketAreUsedInsteadOfNewOnes() {
        // GIVEN a key and a shared access-log bucket made elsewhere
        Stack stack = stack();
        Key key = new Key(stack, "SharedKey");
        Bucket logs = new Bucket(stack, "SharedLogs");

        // WHEN
        SecureBucket secure = new SecureBucket(stack, "Data", SecureBucketProps.builder()
                .encryptionKey(key).serverAccessLogsBucket(logs).build());

        // THEN no extra key or bucket exists, and logs land under this bucket's own prefix
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::KMS::Key", 1);
        template.resourceCountIs("AWS::S3::Bucket", 2);
        assertThat(secure.getEncryptionKey()).isSameAs(key);
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("LoggingConfiguration", Map.of(
                "DestinationBucketName", Map.of("Ref", logicalId(stack, logs)),
                "LogFilePrefix", "Test/Data/")));
    }

    @Test
    void fixedNameIsApplied() {
        Stack stack = stack();
        new SecureBucket(stack, "Data", SecureBucketProps.builder()
                .bucketName("acmesupport-111122223333-us-west-2-scv").build());

        Template.fromStack(stack).hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", "acmesupport-111122223333-us-west-2-scv"));
    }

    @Test
    void eventBridgeIsEnabledOnTheBucketItselfWithoutACustomResource() {
        Stack stack = stack();
        new SecureBucket(stack, "Data", SecureBucketProps.builder().eventBridgeEnabled(true).build());

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("NotificationConfiguration",
                Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true))));
        // no notifications handler: no function, role or inline policy to secure
        template.resourceCountIs("Custom::S3BucketNotifications", 0);
        template.resourceCountIs("AWS::Lambda::Function", 0);
        template.resourceCountIs("AWS::IAM::Role", 0);
    }

    @Test
    void s3NotificationsOnAnEventBridgeBucketFailSynthesis() {
        // GIVEN a bucket delivering to EventBridge
        Stack stack = stack();
        SecureBucket secure = new SecureBucket(stack, "Data",
                SecureBucketProps.builder().eventBridgeEnabled(true).build());

        // WHEN an S3 notification is added (it would overwrite the EventBridge setting)
        secure.getBucket().addObjectCreatedNotification(new software.amazon.awscdk.services.s3.notifications
                .SqsDestination(new software.amazon.awscdk.services.sqs.Queue(stack, "Queue")));

        // THEN synthesis fails, saying why and what to do instead
        assertThatThrownBy(() -> Template.fromStack(stack))
                .hasMessageContaining("Test/Data delivers object events to EventBridge")
                .hasMessageContaining("EventBridge rule instead");
    }

    @Test
    void invalidBucketNameIsRejectedQuotingTheValueAndEveryBrokenRule() {
        assertThatThrownBy(() -> SecureBucketProps.builder().bucketName("Bad..Name_").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucketName 'Bad..Name_'")
                .hasMessageContaining("lower-case letters, digits, dots and hyphens")
                .hasMessageContaining("must not contain '..'");
    }

    @Test
    void tooShortAndIpShapedNamesAreRejected() {
        assertThatThrownBy(() -> SecureBucketProps.builder().bucketName("ab").build())
                .hasMessageContaining("3 to 63 characters long (it has 2)");
        assertThatThrownBy(() -> SecureBucketProps.builder().bucketName("192.168.5.4").build())
                .hasMessageContaining("IP address");
    }

    @Test
    void bucketNameThatIsATokenIsNotValidated() {
        // A name resolved only at deploy time cannot be checked now
        SecureBucketProps props = SecureBucketProps.builder().bucketName(Aws.STACK_NAME + "-x").build();

        assertThat(props.bucketName()).isPresent();
    }

    private static String logicalId(Stack stack, Bucket bucket) {
        return stack.getLogicalId((software.amazon.awscdk.CfnElement) bucket.getNode().getDefaultChild());
    }
}
