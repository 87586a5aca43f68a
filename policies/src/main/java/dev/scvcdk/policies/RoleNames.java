package dev.scvcdk.policies;

/** The fixed names of the account-level SCV roles (contracts: Salesforce and SCV refer to them). */
public final class RoleNames {
    private RoleNames() {
    }

    public static final String CTR_DATA_SYNC = "SCVCTRDataSyncFunctionRole";
    public static final String CONTACT_DATA_SYNC = "SCVContactDataSyncFunctionRole";
    public static final String POST_CALL_ANALYSIS_TRIGGER = "SCVPostCallAnalysisTriggerFunctionRole";
    public static final String INVOKE_TELEPHONY_INTEGRATION_API = "SCVInvokeTelephonyIntegrationApiFunctionRole";
    public static final String INVOKE_SALESFORCE_REST_API = "SCVInvokeSalesforceRestApiFunctionRole";
    public static final String SSM_LAMBDA_EXECUTION = "SCVSSMLambdaExecutionRole";
    public static final String UPDATE_CREDENTIAL = "SCVUpdateCredentialRole";
    public static final String KVS_TRANSCRIBER = "SCVKvsTranscriberRoleResource";
    public static final String KVS_CONSUMER_TRIGGER = "SCVKvsConsumerTriggerRole";
    public static final String CONTACT_LENS_CONSUMER = "SCVContactLensConsumerFunctionRole";
    public static final String AMAZON_CONNECT_MANAGEMENT = "SCVAmazonConnectManagementRole";
    public static final String CONNECT_CONFIGURATOR_LAMBDA = "SCVConnectConfiguratorLambdaRole";
    public static final String CONTACT_LENS_STREAMING = "SCVContactLensStreamingRoleResource";
    public static final String TRAIL_LOG_GROUP = "SCVTrailLogGroupRole";
    public static final String VOICEMAIL_AUDIO_PROCESSING = "SCVVoiceMailAudioProcessingRole";
    public static final String VOICEMAIL_PACKAGING = "SCVVoiceMailPackagingRole";
    public static final String VOICEMAIL_TRANSCRIBE = "SCVVoiceMailTranscribeRole";
    public static final String REALTIME_ALERT = "SCVRealtimeAlertRole";
    public static final String HANDLE_CONTACT_EVENTS = "SCVHandleContactEventsRole";
    public static final String PROVISIONING = "SCVProvisioningRole";
    public static final String TENANT_BUCKET_WRITE_ACCESS = "SCVTenantBucketWriteAccessRole";
    public static final String SECRET_CONFIGURATOR_LAMBDA = "SCVSecretConfiguratorLambdaRole";

    /** SCV roles this project does not create; {@link IamMatrixReport} gives the reasons. */
    public static final String IDP_LAMBDA = "SCVIDPLambdaRole";
    public static final String RETENTION_PERIOD_FUNCTION = "SCVRetentionPeriodFunctionRole";
}
