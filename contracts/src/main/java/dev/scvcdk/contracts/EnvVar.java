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

    /**
     * kvsTranscriber: SCV sets it to the contact center's region. Ours reads no such variable (its AWS clients use
     * the function's own {@code AWS_REGION}); the name is kept so deployments that set it are recognised.
     */
    public static final String APP_REGION = "APP_REGION";
    /**
     * kvsTranscriber: the Transcribe streaming region. Unset (the default here) means the function's
     * {@code AWS_REGION}; SCV's template fixes it to us-west-2 for every contact center, which sends audio across regions.
     */
    public static final String TRANSCRIBE_REGION = "TRANSCRIBE_REGION";
    /** kvsTranscriber: where GetMedia starts, {@code FRAGMENT_NUMBER} (default: the contact's first words) or {@code NOW}. */
    public static final String START_SELECTOR_TYPE = "START_SELECTOR_TYPE";
}
