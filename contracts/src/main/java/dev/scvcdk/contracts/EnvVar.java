package dev.scvcdk.contracts;

/**
 * Names of the environment variables SCV's functions read. SCV's contact flows and deployment tooling know
 * these names, so they are contracts: the stacks set them and the handlers read them from here.
 */
public final class EnvVar {
    private EnvVar() {
    }

    /** Name of the SecureString holding the PEM private key that signs JWTs (SCRT or Salesforce OAuth). */
    public static final String PRIVATE_KEY_PARAM_NAME = "PRIVATE_KEY_PARAM_NAME";
    public static final String SALESFORCE_ORG_ID = "SALESFORCE_ORG_ID";
    /** {@code <scrt url>/telephony/v1}. */
    public static final String SCRT_ENDPOINT_BASE = "SCRT_ENDPOINT_BASE";
    public static final String CALL_CENTER_API_NAME = "CALL_CENTER_API_NAME";
    public static final String LOG_LEVEL = "LOG_LEVEL";

    public static final String CONSUMER_KEY_PARAM_NAME = "CONSUMER_KEY_PARAM_NAME";
    public static final String ACCESS_TOKEN_PARAM_NAME = "ACCESS_TOKEN_PARAM_NAME";
    /** The name of the audience parameter (not the audience itself). */
    public static final String AUDIENCE = "AUDIENCE";
    /** The name of the subject parameter (not the subject itself). */
    public static final String SUBJECT = "SUBJECT";
    /** {@code <org domain>/services/data/vNN.0}. */
    public static final String SALESFORCE_REST_API_ENDPOINT_BASE = "SALESFORCE_REST_API_ENDPOINT_BASE";
    /** {@code <org domain>/services/oauth2/token}. */
    public static final String SALESFORCE_AUTH_ENDPOINT = "SALESFORCE_AUTH_ENDPOINT";

    /** ARN of the {@code active} alias of the telephony function (CTRDataSync, HandleContactEvents). */
    public static final String INVOKE_TELEPHONY_INTEGRATION_API_ARN = "INVOKE_TELEPHONY_INTEGRATION_API_ARN";
    /** ARN of the {@code active} alias of kvsTranscriber (kvsConsumerTrigger). */
    public static final String INVOKE_KVS_TRANSCRIBER_ARN = "INVOKE_KVS_TRANSCRIBER_ARN";

    /** ARN of the {@code active} alias of InvokeSalesforceRestApi (RealtimeAlert, ContactDataSync). */
    public static final String INVOKE_SALESFORCE_REST_API_ARN = "INVOKE_SALESFORCE_REST_API_ARN";
    /** ARN of the {@code active} alias of the Contact Lens processor (the consumer forwards to it). */
    public static final String CONTACT_LENS_PROCESSOR_FUNCTION_ARN = "CONTACT_LENS_PROCESSOR_FUNCTION_ARN";
    /** The Amazon Connect instance id (ContactDataSync's DescribeContact). */
    public static final String CONNECT_INSTANCE_ID = "CONNECT_INSTANCE_ID";
    /** Most contact ids one ContactDataSync request may name. */
    public static final String MAX_CONTACT_IDS = "MAX_CONTACT_IDS";
    /** Conversations per uploadTranscript call of ContactDataSync (at most 10). */
    public static final String BATCH_SIZE = "BATCH_SIZE";
    /**
     * The tenant bucket's name (ContactDataSync). Ours: SCV derives {@code lower(CALL_CENTER_API_NAME)-<account>},
     * which is not the bucket's name unless the template parameter happened to equal the call center name.
     */
    public static final String TENANT_BUCKET_NAME = "TENANT_BUCKET_NAME";

    /** The tenant bucket, where VoiceMailAudioProcessing writes the WAV (SCV's lower-case name). */
    public static final String S3_RECORDINGS_BUCKET = "s3_recordings_bucket";
    /** ARN of the telephony function's {@code active} alias (VoiceMailPackaging; SCV's lower-case name). */
    public static final String VOICEMAIL_INVOKE_TELEPHONY_INTEGRATION_API_ARN = "invoke_telephony_integration_api_arn";
    /** Seconds VoiceMailPackaging waits before each routing attempt (SCV's lower-case name). */
    public static final String DELAY_BEFORE_ROUTING_VM_SEC = "delay_before_routing_vm_sec";

    /** kvsTranscriber: the region of the stack (SCV sets it; the clients use {@code AWS_REGION}). */
    public static final String APP_REGION = "APP_REGION";
    /** kvsTranscriber: the Transcribe streaming region; absent means the function's own region. */
    public static final String TRANSCRIBE_REGION = "TRANSCRIBE_REGION";
    /** kvsTranscriber: {@code FRAGMENT_NUMBER} (default: from the fragment the trigger passes) or {@code NOW}. */
    public static final String START_SELECTOR_TYPE = "START_SELECTOR_TYPE";
}
