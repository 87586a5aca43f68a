package dev.scvcdk.constructs.keys;

import dev.scvcdk.constructs.iam.IamRender;
import dev.scvcdk.policies.KeyPolicyGrants.KeyGrant;
import dev.scvcdk.policies.declarations.TenantKey;
import java.util.Objects;
import software.amazon.awscdk.services.iam.ArnPrincipal;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import dev.scvcdk.policies.ScvNames;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The customer-managed keys of one contact center, each with rotation on, retained, and a key policy
 * that names every principal that may use it:
 * <ul>
 *   <li>stream key {@code alias/<cc>KvsKey}: the CTR and Contact Lens Kinesis streams;</li>
 *   <li>live-media key {@code alias/<cc>LMKvsKey}: Connect's Kinesis Video live media;</li>
 *   <li>bucket key {@code alias/<cc>TenantBucketKey}: the tenant bucket;</li>
 *   <li>platform key {@code alias/<cc>ScvPlatformKey}: SecureString parameters, the Salesforce
 *       credentials secret, function log groups and the failure queue.</li>
 * </ul>
 */
public final class TenantKeys extends Construct {
    private final Key streamKey;
    private final Key liveMediaKey;
    private final Key bucketKey;
    private final Key platformKey;

    public TenantKeys(Construct scope, String id, TenantKeysProps props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        String cc = props.getCallCenterApiName();

        streamKey = key("StreamKey", "SCV " + cc + ": CTR and Contact Lens Kinesis streams", List.of(
                KeyStatements.connectServiceLinkedRole(stack, "ConnectWritesStreams",
                        KeyStatements.ENCRYPT_DECRYPT_ACTIONS, "kinesis")));
        alias("StreamKeyAlias", streamKeyAlias(cc), streamKey);

        liveMediaKey = key("LiveMediaKey", "SCV " + cc + ": Amazon Connect live media (Kinesis Video)", List.of(
                KeyStatements.connectServiceLinkedRole(stack, "ConnectWritesLiveMedia",
                        List.of("kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt",
                                "kms:GenerateDataKey*", "kms:ReEncrypt*"),
                        "kinesisvideo")));
        alias("LiveMediaKeyAlias", liveMediaKeyAlias(cc), liveMediaKey);

        bucketKey = key("BucketKey", "SCV " + cc + ": tenant bucket (recordings, transcripts, voicemail)", List.of(
                KeyStatements.connectServiceLinkedRole(stack, "ConnectWritesRecordings",
                        KeyStatements.ENCRYPT_DECRYPT_ACTIONS, "s3")));
        alias("BucketKeyAlias", bucketKeyAlias(cc), bucketKey);

        platformKey = key("PlatformKey", "SCV " + cc + ": parameters, credentials secret, logs, failure queue",
                List.of());
        Map<TenantKey, Key> keys = Map.of(TenantKey.STREAM, streamKey, TenantKey.LIVE_MEDIA, liveMediaKey,
                TenantKey.BUCKET, bucketKey, TenantKey.PLATFORM, platformKey);
        for (KeyGrant grant : props.getKeyGrants()) {
            Key key = Objects.requireNonNull(keys.get(grant.key()), () -> grant.key() + " is not a key of the stack");
            List<IPrincipal> principals = grant.roleArns().stream()
                    .<IPrincipal>map(arn -> new ArnPrincipal(IamRender.string(arn))).toList();
            key.addToResourcePolicy(KeyStatements.viaService(stack, sid(grant), principals, grant.actions(),
                    grant.service()));
        }
        if (!props.getServiceLogGroupPrefixes().isEmpty()) {
            platformKey.addToResourcePolicy(logsStatement(stack, props.getServiceLogGroupPrefixes()));
        }
        alias("PlatformKeyAlias", platformKeyAlias(cc), platformKey);
    }

    public static String streamKeyAlias(String callCenter) {
        return ScvNames.kvsKeyAlias(callCenter);
    }

    public static String liveMediaKeyAlias(String callCenter) {
        return ScvNames.liveMediaKeyAlias(callCenter);
    }

    /** Alias of the tenant-bucket key. */
    public static String bucketKeyAlias(String callCenter) {
        return ScvNames.tenantBucketKeyAlias(callCenter);
    }

    /** Alias of the key of parameters, the credentials secret, log groups and the failure queue. */
    public static String platformKeyAlias(String callCenter) {
        return ScvNames.platformKeyAlias(callCenter);
    }

    public IKey getStreamKey() {
        return streamKey;
    }

    public IKey getLiveMediaKey() {
        return liveMediaKey;
    }

    public IKey getBucketKey() {
        return bucketKey;
    }

    public IKey getPlatformKey() {
        return platformKey;
    }

    private Key key(String id, String description, List<PolicyStatement> extra) {
        PolicyDocument policy = new PolicyDocument();
        policy.addStatements(KeyStatements.administration());
        extra.forEach(policy::addStatements);
        return new Key(this, id, SecureDefaults.keyProps(description).policy(policy).build());
    }

    /** {@code DecryptViaKinesis}: unique per key, as grants group by service and actions. */
    private static String sid(KeyGrant grant) {
        StringBuilder sid = new StringBuilder();
        grant.actions().forEach(action -> sid.append(action.substring("kms:".length())));
        String service = grant.service();
        return sid.append("Via").append(Character.toUpperCase(service.charAt(0))).append(service.substring(1))
                .toString();
    }

    private void alias(String id, String name, Key key) {
        Alias.Builder.create(this, id).aliasName(name).targetKey(key).build();
    }

    /**
     * CloudWatch Logs (the regional service principal) may use the key only for log groups whose ARN
     * matches one of the prefixes, as the encryption context proves.
     */
    private static PolicyStatement logsStatement(Stack stack, List<String> prefixes) {
        List<String> arns = prefixes.stream()
                .map(prefix -> "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":" + stack.getAccount()
                        + ":log-group:" + prefix + "*")
                .toList();
        return PolicyStatement.Builder.create()
                .sid("CloudWatchLogsForScvLogGroups")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*",
                        "kms:ReEncrypt*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", arns)))
                .build();
    }
}
