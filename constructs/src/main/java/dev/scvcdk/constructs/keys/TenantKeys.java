package dev.scvcdk.constructs.keys;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import dev.scvcdk.constructs.iam.IamRender;
import dev.scvcdk.policies.KeyPolicyGrants.KeyGrant;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.declarations.TenantKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
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
        KeyStatements.Environment env = KeyStatements.Environment.of(Stack.of(this));
        String cc = props.getCallCenterApiName();
        // Each key is created with its whole policy: the grants first collected per key, in the props' order.
        Map<TenantKey, List<Map<String, Object>>> grants = new EnumMap<>(TenantKey.class);
        for (KeyGrant grant : props.getKeyGrants()) {
            List<String> principals = grant.roleArns().stream().map(IamRender::string).toList();
            grants.computeIfAbsent(grant.key(), key -> new ArrayList<>()).add(grant.direct()
                    ? KeyStatements.direct(sid(grant), principals, grant.actions(), grant.conditions())
                    : KeyStatements.viaService(env, sid(grant), principals, grant.actions(), grant.service()));
        }

        streamKey = key("StreamKey", "SCV " + cc + ": CTR and Contact Lens Kinesis streams", env,
                List.of(KeyStatements.connectServiceLinkedRole(env, "ConnectWritesStreams",
                        KeyStatements.ENCRYPT_DECRYPT_ACTIONS, "kinesis")),
                grants.getOrDefault(TenantKey.STREAM, List.of()));
        alias("StreamKeyAlias", streamKeyAlias(cc), streamKey);

        liveMediaKey = key("LiveMediaKey", "SCV " + cc + ": Amazon Connect live media (Kinesis Video)", env,
                List.of(KeyStatements.connectServiceLinkedRole(env, "ConnectWritesLiveMedia",
                        List.of("kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt",
                                "kms:GenerateDataKey*", "kms:ReEncrypt*"),
                        "kinesisvideo")),
                grants.getOrDefault(TenantKey.LIVE_MEDIA, List.of()));
        alias("LiveMediaKeyAlias", liveMediaKeyAlias(cc), liveMediaKey);

        bucketKey = key("BucketKey", "SCV " + cc + ": tenant bucket (recordings, transcripts, voicemail)", env,
                List.of(KeyStatements.connectServiceLinkedRole(env, "ConnectWritesRecordings",
                        KeyStatements.ENCRYPT_DECRYPT_ACTIONS, "s3")),
                grants.getOrDefault(TenantKey.BUCKET, List.of()));
        alias("BucketKeyAlias", bucketKeyAlias(cc), bucketKey);

        List<Map<String, Object>> platformGrants = new ArrayList<>(grants.getOrDefault(TenantKey.PLATFORM, List.of()));
        if (!props.getServiceLogGroupPrefixes().isEmpty()) {
            platformGrants.add(logsStatement(env, props.getServiceLogGroupPrefixes()));
        }
        platformKey = key("PlatformKey", "SCV " + cc + ": parameters, credentials secret, logs, failure queue", env,
                List.of(), platformGrants);
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

    private Key key(String id, String description, KeyStatements.Environment env, List<Map<String, Object>> extra,
            List<Map<String, Object>> granted) {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(KeyStatements.administration(env));
        statements.addAll(extra);
        statements.addAll(granted);
        return new Key(this, id, SecureDefaults.keyProps(description).policy(KeyStatements.document(statements))
                .build());
    }

    /**
     * {@code DecryptViaKinesis}, or {@code CreateGrantDirect} for a direct call: unique per key, as grants group by
     * service and actions.
     */
    private static String sid(KeyGrant grant) {
        StringBuilder sid = new StringBuilder();
        grant.actions().forEach(action -> sid.append(action.substring("kms:".length())));
        if (grant.direct()) {
            return sid.append("Direct").toString();
        }
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
    private static Map<String, Object> logsStatement(KeyStatements.Environment env, List<String> prefixes) {
        List<String> arns = prefixes.stream()
                .map(prefix -> "arn:" + env.partition() + ":logs:" + env.region() + ":" + env.account()
                        + ":log-group:" + prefix + "*")
                .toList();
        return KeyStatements.allow("CloudWatchLogsForScvLogGroups",
                Map.of("Service", "logs." + env.region() + ".amazonaws.com"),
                List.of("kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"),
                Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", arns)));
    }
}
