package dev.scvcdk.policies;

import dev.scvcdk.policies.config.Partition;
import java.util.List;

/**
 * The resource names SCV contact flows, Salesforce and the two stacks agree on. Both stacks compute
 * names from here, so the account stack can name exactly what each contact-center stack creates.
 */
public final class ScvNames {
    private ScvNames() {
    }

    /**
     * Tag every SCV function carries, valued with its call center API name. Grants on {@code function:<cc>-*}
     * also require it, so a function that only happens to share the prefix (say {@code <cc>-payroll}) is not SCV's.
     */
    public static final String FUNCTION_TAG = "scv:call-center";

    /** Alias every SCV function is invoked through. */
    public static final String ACTIVE_ALIAS = "active";

    /** Path of the SCV managed policies. */
    public static final String POLICY_PATH = "/scv/";

    /** Name of the permission boundary this project creates. */
    public static final String BOUNDARY_POLICY_NAME = "SCVPermissionsBoundary";

    /**
     * Name of the boundary of CloudTrail's delivery role alone: it may write the audit trail's log group, which the
     * SCV boundary keeps every other role out of.
     */
    public static final String TRAIL_DELIVERY_BOUNDARY_POLICY_NAME = "SCVTrailDeliveryBoundary";

    public static final String CLOUDTRAIL_NAME = "scvBYOACloudTrail";

    /** Where SCV's audit trails write in CloudWatch Logs. */
    public static final String TRAIL_LOG_GROUP_PREFIX = "/scv/cloudtrail/";

    /** CloudWatch log group the audit trail writes to (created by the account stack). */
    public static final String TRAIL_LOG_GROUP = TRAIL_LOG_GROUP_PREFIX + CLOUDTRAIL_NAME;

    /** Region of the account stack: IAM, the SAML provider and the trail live there. */
    public static String accountStackRegion(Partition partition) {
        return partition == Partition.AWS_US_GOV ? "us-gov-west-1" : "us-east-1";
    }

    /** Functions of a contact center; the deployed name is {@code <cc>-<name>}. */
    public enum Function {
        INVOKE_TELEPHONY_INTEGRATION_API("InvokeTelephonyIntegrationApiFunction"),
        INVOKE_SALESFORCE_REST_API("InvokeSalesforceRestApiFunction"),
        CTR_DATA_SYNC("CTRDataSyncFunction"),
        HANDLE_CONTACT_EVENTS("HandleContactEventsFunction"),
        KVS_CONSUMER_TRIGGER("kvsConsumerTrigger"),
        KVS_TRANSCRIBER("kvsTranscriber"),
        AUTH_KEYS_SSM_UTIL("AuthKeysSSMUtilFunction"),
        CUSTOM_SSM("CustomSSMFunction"),
        CONTACT_LENS_CONSUMER("ContactLensConsumerFunction"),
        CONTACT_LENS_PROCESSOR("ContactLensProcessorFunction"),
        POST_CALL_ANALYSIS_TRIGGER("PostCallAnalysisTriggerFunction"),
        CONTACT_DATA_SYNC("ContactDataSyncFunction"),
        VOICEMAIL_AUDIO_PROCESSING("VoiceMailAudioProcessingFunction"),
        VOICEMAIL_TRANSCRIBE("VoiceMailTranscribeFunction"),
        VOICEMAIL_PACKAGING("VoiceMailPackagingFunction"),
        REALTIME_ALERT("RealtimeAlert");

        private final String baseName;

        Function(String baseName) {
            this.baseName = baseName;
        }

        public String baseName() {
            return baseName;
        }

        /** {@code <cc>-<Name>}. */
        public String nameFor(String callCenter) {
            return callCenter + "-" + baseName;
        }
    }

    /** What the names of the five REST API parameters start with, after {@code <cc>-}. */
    public static final String REST_API_PARAMETER_PREFIX = "salesforce-rest-api-";

    /** SSM SecureString parameters of a contact center; the name is {@code <cc>-<suffix>}. */
    public enum Parameter {
        REST_API_PRIVATE_KEY(REST_API_PARAMETER_PREFIX + "auth-private-key"),
        REST_API_CONSUMER_KEY(REST_API_PARAMETER_PREFIX + "auth-consumer-key"),
        REST_API_ACCESS_TOKEN(REST_API_PARAMETER_PREFIX + "access-token"),
        REST_API_AUDIENCE(REST_API_PARAMETER_PREFIX + "audience"),
        REST_API_SUBJECT(REST_API_PARAMETER_PREFIX + "subject"),
        SCRT_PRIVATE_KEY("scrt-jwt-auth-private-key");

        private final String suffix;

        Parameter(String suffix) {
            this.suffix = suffix;
        }

        public String nameFor(String callCenter) {
            return callCenter + "-" + suffix;
        }

        /** The {@code <cc>-salesforce-rest-api-} parameters, read by InvokeSalesforceRestApi. */
        public static List<Parameter> restApi() {
            return List.of(REST_API_PRIVATE_KEY, REST_API_CONSUMER_KEY, REST_API_ACCESS_TOKEN,
                    REST_API_AUDIENCE, REST_API_SUBJECT);
        }
    }

    public static String ctrStream(String callCenter, String account) {
        return callCenter + "-" + account + "-CTRStream";
    }

    public static String contactLensStream(String callCenter, String account) {
        return callCenter + "-" + account + "-ContactLensStream";
    }

    /** Alias of the data-stream key. */
    public static String kvsKeyAlias(String callCenter) {
        return "alias/" + callCenter + "KvsKey";
    }

    /** Alias of the live-media (Kinesis Video) key. */
    public static String liveMediaKeyAlias(String callCenter) {
        return "alias/" + callCenter + "LMKvsKey";
    }

    public static String samlRole(String callCenter) {
        return callCenter + "-SAMLRole";
    }

    public static String connectCallRole(String callCenter) {
        return callCenter + "-ConnectCallRole";
    }

    public static String s3Role(String callCenter) {
        return callCenter + "-SCVS3Role";
    }

    /** The account stack's default CloudFormation stack name (and the app's stack id). */
    public static final String ACCOUNT_STACK = "ScvAccountStack";

    /**
     * The contact center's CloudFormation stack: {@code ScvContactCenter-<cc>}, with {@code _} as {@code -} (stack
     * names allow letters, digits and hyphens only).
     */
    public static String contactCenterStack(String callCenter) {
        return "ScvContactCenter-" + callCenter.replace('_', '-');
    }

    public static String contactEventsRule(String callCenter) {
        return callCenter + "-ContactEventsRule";
    }

    /** The EventBridge rule delivering tenant-bucket {@code Object Created} events to {@code function}. */
    public static String objectCreatedRule(String callCenter, Function function) {
        return callCenter + "-" + function.baseName() + "Rule";
    }

    /** Failure destination of the contact-center's stream mappings and async invocations. */
    public static String failureQueue(String callCenter) {
        return callCenter + "-SCVFailureQueue";
    }

    /** The tenant bucket (≤ 63 characters: call-center names are at most 25). */
    public static String tenantBucket(String callCenter, String account, String region) {
        return callCenter.replace('_', '-') + "-" + account + "-" + region + "-scv";
    }

    public static String samlProvider(String orgId) {
        return "SalesforceServiceVoiceIdp_" + orgId;
    }

    /** Prefix where Salesforce stores voicemail messages in the tenant bucket (SCVTenantBucketWriteAccessRole). */
    public static final String VOICEMAIL_PREFIX = "voicemailmessages/";

    /** Prefix of the voicemail functions' recordings ({@code <ContactId>.wav}, tagged) in the tenant bucket. */
    public static final String VOICEMAIL_RECORDINGS_PREFIX = "voicemail_recordings/";

    /** Prefix where Transcribe writes the voicemail transcripts ({@code <ContactId>.json}). */
    public static final String VOICEMAIL_TRANSCRIPTS_PREFIX = "voicemail_transcripts/";

    /** Prefix of call recordings in the tenant bucket (the Connect CALL_RECORDINGS storage config). */
    public static final String RECORDINGS_PREFIX = "recordings/";

    /** Prefix under which Contact Lens writes its post-call analysis of voice contacts to the tenant bucket. */
    public static final String CONTACT_LENS_OUTPUT_PREFIX = "Analysis/Voice/";

    /** Alias of the key of the REST API parameters, the credentials secret, log groups and the failure queue. */
    public static String platformKeyAlias(String callCenter) {
        return "alias/" + callCenter + "ScvPlatformKey";
    }

    /** Alias of the tenant bucket's KMS key. */
    public static String tenantBucketKeyAlias(String callCenter) {
        return "alias/" + callCenter + "TenantBucketKey";
    }

    /**
     * Prefix of the Kinesis Video streams Connect creates for live media (the MEDIA_STREAMS storage
     * config). Connect names each stream {@code <prefix>-connect-<instance alias>-contact-<id>}.
     */
    public static String liveMediaStreamPrefix(String callCenter) {
        return callCenter;
    }

    /** CloudWatch log group of a function named {@code functionName}. */
    public static String functionLogGroup(String functionName) {
        return "/aws/lambda/" + functionName;
    }

    /** The function that associates storage, functions and origins with the Connect instance. */
    public static String connectConfiguratorFunction(String callCenter) {
        return callCenter + "-ConnectConfiguratorFunction";
    }

    /** The function that creates and updates the Salesforce credentials secret. */
    public static String secretConfiguratorFunction(String callCenter) {
        return callCenter + "-SecretConfiguratorFunction";
    }

    /** Name of the Salesforce credentials secret the stack creates when none is configured. */
    public static String salesforceCredentialsSecret(String callCenter) {
        return callCenter + "-salesforce-credentials";
    }
}
