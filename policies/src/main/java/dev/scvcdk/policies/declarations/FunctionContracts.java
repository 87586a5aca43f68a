package dev.scvcdk.policies.declarations;

import static dev.scvcdk.contracts.EnvVar.ACCESS_TOKEN_PARAM_NAME;
import static dev.scvcdk.contracts.EnvVar.APP_REGION;
import static dev.scvcdk.contracts.EnvVar.BATCH_SIZE;
import static dev.scvcdk.contracts.EnvVar.CONNECT_INSTANCE_ID;
import static dev.scvcdk.contracts.EnvVar.CONTACT_LENS_PROCESSOR_FUNCTION_ARN;
import static dev.scvcdk.contracts.EnvVar.DELAY_BEFORE_ROUTING_VM_SEC;
import static dev.scvcdk.contracts.EnvVar.INVOKE_SALESFORCE_REST_API_ARN;
import static dev.scvcdk.contracts.EnvVar.MAX_CONTACT_IDS;
import static dev.scvcdk.contracts.EnvVar.S3_RECORDINGS_BUCKET;
import static dev.scvcdk.contracts.EnvVar.START_SELECTOR_TYPE;
import static dev.scvcdk.contracts.EnvVar.TENANT_BUCKET_NAME;
import static dev.scvcdk.contracts.EnvVar.VOICEMAIL_INVOKE_TELEPHONY_INTEGRATION_API_ARN;
import static dev.scvcdk.contracts.EnvVar.AUDIENCE;
import static dev.scvcdk.contracts.EnvVar.CALL_CENTER_API_NAME;
import static dev.scvcdk.contracts.EnvVar.CONSUMER_KEY_PARAM_NAME;
import static dev.scvcdk.contracts.EnvVar.INVOKE_KVS_TRANSCRIBER_ARN;
import static dev.scvcdk.contracts.EnvVar.INVOKE_TELEPHONY_INTEGRATION_API_ARN;
import static dev.scvcdk.contracts.EnvVar.LOG_LEVEL;
import static dev.scvcdk.contracts.EnvVar.PRIVATE_KEY_PARAM_NAME;
import static dev.scvcdk.contracts.EnvVar.SALESFORCE_AUTH_ENDPOINT;
import static dev.scvcdk.contracts.EnvVar.SALESFORCE_ORG_ID;
import static dev.scvcdk.contracts.EnvVar.SALESFORCE_REST_API_ENDPOINT_BASE;
import static dev.scvcdk.contracts.EnvVar.SCRT_ENDPOINT_BASE;
import static dev.scvcdk.contracts.EnvVar.SUBJECT;

import dev.scvcdk.contracts.Handler;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.declarations.FunctionContract.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract of every SCV function, in one place. Read a function's entry to know everything it may do; the
 * IAM, key policies and wiring are derived from these entries and nothing else.
 */
public final class FunctionContracts {
    /** Salesforce REST API version of SCV's functions. */
    public static final String REST_API_VERSION = "v54.0";

    /** Kinesis actions a stream consumer (Lambda event-source mapping) needs. */
    public static final List<String> KINESIS_READ_ACTIONS = List.of(
            "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
            "kinesis:GetShardIterator", "kinesis:ListShards");

    /** Kinesis Video actions a live-media reader needs. */
    public static final List<String> LIVE_MEDIA_READ_ACTIONS = List.of(
            "kinesisvideo:GetDataEndpoint", "kinesisvideo:GetMedia");

    // --- calls several functions make (the /scv/ managed policies bundle some of them) -----------------------

    public static final Call READ_SCRT_PRIVATE_KEY = Call.of("ReadScrtPrivateKey",
            Target.parameter(Parameter.SCRT_PRIVATE_KEY), "signs SCRT JWTs with the key (GetParameter, decrypted)",
            "ssm:GetParameter").withKey(KeyUse.decrypt(keyOf(Parameter.SCRT_PRIVATE_KEY), "ssm"));

    public static final Call INVOKE_TELEPHONY = Call.of("InvokeTelephonyIntegrationApi",
            Target.alias(Function.INVOKE_TELEPHONY_INTEGRATION_API), "updates VoiceCalls through the telephony alias",
            "lambda:InvokeFunction");

    public static final Call INVOKE_REST_API = Call.of("InvokeSalesforceRestApi",
            Target.alias(Function.INVOKE_SALESFORCE_REST_API), "calls Salesforce through the REST API alias",
            "lambda:InvokeFunction");

    /** The event-source mapping reads the CTR stream with the function's role; Kinesis decrypts with the stream key. */
    public static final Call READ_CTR_STREAMS = new Call("ReadCtrStreams", KINESIS_READ_ACTIONS, Target.ctrStream(),
            Map.of(), Optional.of(KeyUse.decrypt(TenantKey.STREAM, "kinesis")),
            "the event-source mapping reads contact records");

    public static final Call READ_CONTACT_LENS_STREAMS = new Call("ReadContactLensStreams", KINESIS_READ_ACTIONS,
            Target.contactLensStream(), Map.of(), Optional.of(KeyUse.decrypt(TenantKey.STREAM, "kinesis")),
            "the event-source mapping reads Contact Lens segments");

    public static final Call READ_LIVE_MEDIA = new Call("ReadLiveMediaStreams", LIVE_MEDIA_READ_ACTIONS,
            Target.liveMediaStreams(), Map.of(), Optional.of(KeyUse.decrypt(TenantKey.LIVE_MEDIA, "kinesisvideo")),
            "reads the caller's audio from Connect's live media");

    public static final Call UPDATE_CONTACT_ATTRIBUTES = Call.of("UpdateContactAttributes", Target.contacts(),
            "records progress on the contact", "connect:UpdateContactAttributes");

    public static final Call DESCRIBE_CONTACTS = Call.of("DescribeContacts", Target.contacts(),
            "reads the contact's metadata", "connect:DescribeContact");

    public static final Call LIST_CONTACT_LENS_OUTPUT = Call.of("ListContactLensOutput", Target.tenantBucket(),
            "lists Contact Lens analysis files", "s3:ListBucket")
            .when("StringLike", "s3:prefix", ScvNames.CONTACT_LENS_OUTPUT_PREFIX + "*");

    public static final Call READ_CONTACT_LENS_OUTPUT = Call.of("ReadContactLensOutput",
            Target.tenantObjects(ScvNames.CONTACT_LENS_OUTPUT_PREFIX), "reads Contact Lens analysis files",
            "s3:GetObject").withKey(KeyUse.decrypt(TenantKey.BUCKET, "s3"));

    public static final Call READ_WRITE_VOICEMAIL = Call.of("ReadWriteVoicemailObjects",
            Target.tenantObjects(ScvNames.VOICEMAIL_PREFIX), "reads and writes voicemail objects",
            "s3:GetObject", "s3:PutObject").withKey(KeyUse.encrypt(TenantKey.BUCKET, "s3"));

    public static final Call READ_SALESFORCE_CREDENTIALS = Call.of("ReadSalesforceCredentials",
            Target.salesforceSecret(), "seeds the connected-app parameters from the credentials secret",
            "secretsmanager:GetSecretValue").withKey(KeyUse.decrypt(TenantKey.PLATFORM, "secretsmanager"));

    private static final List<String> PARAMETER_MANAGEMENT = List.of("ssm:GetParameter", "ssm:PutParameter",
            "ssm:DeleteParameter", "ssm:AddTagsToResource", "ssm:ListTagsForResource");

    private static final List<FunctionContract> ALL = List.of(
            telephony(), restApi(), ctrDataSync(), handleContactEvents(), kvsConsumerTrigger(), authKeys(),
            customSsm(), kvsTranscriber(), contactLensConsumer(), contactLensProcessor(), postCallAnalysisTrigger(),
            contactDataSync(), voicemailAudioProcessing(), voicemailTranscribe(), voicemailPackaging(),
            realtimeAlert());

    private FunctionContracts() {
    }

    /**
     * The key each SecureString is stored under. The SCRT key (AuthKeysSSMUtil's contract has no key id) and the
     * access token (the REST function overwrites it with no key id) are under {@code aws/ssm}; the connected-app
     * parameters CustomSSM seeds under the platform key.
     */
    public static TenantKey keyOf(Parameter parameter) {
        return parameter == Parameter.SCRT_PRIVATE_KEY || parameter == Parameter.REST_API_ACCESS_TOKEN
                ? TenantKey.AWS_SSM : TenantKey.PLATFORM;
    }

    /** Every SCV function, in a stable order. */
    public static List<FunctionContract> all() {
        return ALL;
    }

    public static FunctionContract of(Function function) {
        return ALL.stream().filter(c -> c.function() == function).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no contract for " + function));
    }

    /** The functions this project deploys in contact center {@code cc} (their feature is on). */
    public static List<FunctionContract> deployedIn(ContactCenterConfig cc) {
        return ALL.stream().filter(FunctionContract::deployed).filter(c -> c.feature().enabledIn(cc)).toList();
    }

    /** The functions that run as {@code roleName}. */
    public static List<FunctionContract> runningAs(String roleName) {
        return ALL.stream().filter(c -> c.roleName().equals(roleName)).toList();
    }

    /** The execution role names, in declaration order. */
    public static List<String> executionRoles() {
        return ALL.stream().map(FunctionContract::roleName).distinct().toList();
    }

    // --- the functions this project deploys ---------------------------------------------------------------------

    private static FunctionContract telephony() {
        return new FunctionContract(Function.INVOKE_TELEPHONY_INTEGRATION_API,
                RoleNames.INVOKE_TELEPHONY_INTEGRATION_API, List.of(READ_SCRT_PRIVATE_KEY),
                EnumSet.of(Trigger.CONTACT_FLOW, Trigger.FUNCTION_SYNC), Feature.ALWAYS,
                deploy(Handler.INVOKE_TELEPHONY_INTEGRATION_API, scrtEnvironment(), 8, 1024, 100));
    }

    private static FunctionContract restApi() {
        List<Parameter> connectedApp = List.of(Parameter.REST_API_PRIVATE_KEY, Parameter.REST_API_CONSUMER_KEY,
                Parameter.REST_API_AUDIENCE, Parameter.REST_API_SUBJECT);
        List<Call> calls = new ArrayList<>();
        for (Parameter parameter : connectedApp) {
            calls.add(Call.of("ReadConnectedAppParameters", Target.parameter(parameter),
                    "reads the connected app's settings (GetParameters, decrypted)",
                    "ssm:GetParameter", "ssm:GetParameters").withKey(KeyUse.decrypt(keyOf(parameter), "ssm")));
        }
        calls.add(Call.of("ReadAccessToken", Target.parameter(Parameter.REST_API_ACCESS_TOKEN),
                "reads the cached OAuth access token", "ssm:GetParameter", "ssm:GetParameters")
                .withKey(KeyUse.decrypt(keyOf(Parameter.REST_API_ACCESS_TOKEN), "ssm")));
        calls.add(Call.of("CacheAccessToken", Target.parameter(Parameter.REST_API_ACCESS_TOKEN),
                "overwrites the cached token (PutParameter without a key id: aws/ssm)", "ssm:PutParameter")
                .withKey(new KeyUse(keyOf(Parameter.REST_API_ACCESS_TOKEN), "ssm",
                        List.of("kms:Encrypt", "kms:GenerateDataKey"))));
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(PRIVATE_KEY_PARAM_NAME, parameterName(Parameter.REST_API_PRIVATE_KEY));
        env.put(CONSUMER_KEY_PARAM_NAME, parameterName(Parameter.REST_API_CONSUMER_KEY));
        env.put(ACCESS_TOKEN_PARAM_NAME, parameterName(Parameter.REST_API_ACCESS_TOKEN));
        env.put(AUDIENCE, parameterName(Parameter.REST_API_AUDIENCE));
        env.put(SUBJECT, parameterName(Parameter.REST_API_SUBJECT));
        env.put(SALESFORCE_REST_API_ENDPOINT_BASE, new EnvValue("<orgDomainUrl>/services/data/" + REST_API_VERSION,
                c -> c.cc().orgDomainUrl() + "/services/data/" + REST_API_VERSION));
        env.put(SALESFORCE_AUTH_ENDPOINT, new EnvValue("<orgDomainUrl>/services/oauth2/token",
                c -> c.cc().orgDomainUrl() + "/services/oauth2/token"));
        // fetchOutboundPhoneNumber looks up this call center's number
        env.put(CALL_CENTER_API_NAME, callCenterName());
        env.put(LOG_LEVEL, logLevel());
        return new FunctionContract(Function.INVOKE_SALESFORCE_REST_API, RoleNames.INVOKE_SALESFORCE_REST_API,
                calls, EnumSet.of(Trigger.CONTACT_FLOW, Trigger.FUNCTION_SYNC), Feature.ALWAYS,
                deploy(Handler.INVOKE_SALESFORCE_REST_API, env, 30, 1024, 50));
    }

    /**
     * SCV's 5 s cannot fit a batch of 100 records, each a call to a function allowed 8 s; a timed-out batch is
     * bisected and retried, so the timeout only has to fit the batch. Reserved concurrency 2: one shard read with
     * parallelization 1 needs one execution; two leave room for a shard split.
     */
    private static FunctionContract ctrDataSync() {
        return new FunctionContract(Function.CTR_DATA_SYNC, RoleNames.CTR_DATA_SYNC,
                List.of(READ_CTR_STREAMS, INVOKE_TELEPHONY), EnumSet.of(Trigger.CTR_STREAM), Feature.ALWAYS,
                deploy(Handler.CTR_DATA_SYNC, telephonyCallerEnvironment(), 60, 512, 2));
    }

    /**
     * Reserved concurrency 10: EventBridge invokes asynchronously and Lambda retries throttled events for hours,
     * so a low cap delays rather than drops events, while every event costs an SCRT call.
     */
    private static FunctionContract handleContactEvents() {
        return new FunctionContract(Function.HANDLE_CONTACT_EVENTS, RoleNames.HANDLE_CONTACT_EVENTS,
                List.of(INVOKE_TELEPHONY), EnumSet.of(Trigger.CONTACT_EVENTS_RULE), Feature.CONTACT_EVENTS,
                deploy(Handler.HANDLE_CONTACT_EVENTS, telephonyCallerEnvironment(), 10, 512, 10));
    }

    /** Reserved concurrency 20: one invocation per call that starts live transcription; caps a looping flow. */
    private static FunctionContract kvsConsumerTrigger() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(INVOKE_KVS_TRANSCRIBER_ARN, aliasArn(Function.KVS_TRANSCRIBER));
        env.put(LOG_LEVEL, logLevel());
        return new FunctionContract(Function.KVS_CONSUMER_TRIGGER, RoleNames.KVS_CONSUMER_TRIGGER,
                List.of(Call.of("InvokeKvsTranscriber", Target.alias(Function.KVS_TRANSCRIBER),
                        "starts kvsTranscriber asynchronously", "lambda:InvokeFunction")),
                EnumSet.of(Trigger.CONTACT_FLOW), Feature.REALTIME_TRANSCRIPTION,
                deploy(Handler.KVS_CONSUMER_TRIGGER, env, 30, 512, 20));
    }

    /**
     * Generates the SCRT key pair (custom resource) and stores values Salesforce sends (through
     * SCVUpdateCredentialRole) — always without a key id, so SSM uses aws/ssm — and only under its own contact
     * center's parameter names. Reserved concurrency 2: one key pair per deployment or rotation.
     */
    private static FunctionContract authKeys() {
        List<Call> calls = new ArrayList<>();
        for (Parameter parameter : Parameter.values()) {
            calls.add(new Call("ManageScvParameters", PARAMETER_MANAGEMENT, Target.parameter(parameter), Map.of(),
                    Optional.of(new KeyUse(TenantKey.AWS_SSM, "ssm",
                            List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"))),
                    "stores the SCRT key and the values Salesforce sends"));
        }
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(CALL_CENTER_API_NAME, callCenterName());
        env.put(LOG_LEVEL, logLevel());
        return new FunctionContract(Function.AUTH_KEYS_SSM_UTIL, RoleNames.SSM_LAMBDA_EXECUTION, calls,
                EnumSet.of(Trigger.CUSTOM_RESOURCE, Trigger.SALESFORCE), Feature.ALWAYS,
                deploy(Handler.AUTH_KEYS_SSM_UTIL, env, 60, 1024, 2));
    }

    /**
     * Seeds the REST API parameters under the platform key (the access token under aws/ssm, which the REST
     * function overwrites without a key id) from literals or the credentials secret. Reserved concurrency 5:
     * CloudFormation seeds the five parameters in parallel.
     */
    private static FunctionContract customSsm() {
        List<Call> calls = new ArrayList<>();
        for (Parameter parameter : Parameter.restApi()) {
            calls.add(new Call("ManageScvParameters", PARAMETER_MANAGEMENT, Target.parameter(parameter), Map.of(),
                    Optional.of(new KeyUse(keyOf(parameter), "ssm", List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"))),
                    "creates, keeps and deletes the SecureStrings it seeds"));
        }
        calls.add(READ_SALESFORCE_CREDENTIALS);
        return new FunctionContract(Function.CUSTOM_SSM, RoleNames.SSM_LAMBDA_EXECUTION, calls,
                EnumSet.of(Trigger.CUSTOM_RESOURCE), Feature.ALWAYS,
                deploy(Handler.CUSTOM_SSM, Map.of(LOG_LEVEL, logLevel()), 60, 512, 5));
    }

    // --- the analytics, voicemail and transcription functions (features) -----------------------------------

    /**
     * One execution per live call with transcription on, for up to 15 minutes (Transcribe streams in real time).
     * Async retries 0: a retry would transcribe the call again and post every segment twice. Reserved
     * concurrency 20, as kvsConsumerTrigger's: concurrent transcribed calls beyond it wait in Lambda's queue.
     */
    private static FunctionContract kvsTranscriber() {
        Map<String, EnvValue> env = scrtEnvironment();
        env.put(APP_REGION, new EnvValue("the contact center's region", c -> c.cc().region()));
        env.put(START_SELECTOR_TYPE, new EnvValue("FRAGMENT_NUMBER", c -> "FRAGMENT_NUMBER"));
        return new FunctionContract(Function.KVS_TRANSCRIBER, RoleNames.KVS_TRANSCRIBER,
                List.of(Call.of("TranscribeLiveAudio", Target.noResourceLevelPermissions(),
                                "streams audio to Transcribe (standard or medical engine)",
                                "transcribe:StartStreamTranscription", "transcribe:StartMedicalStreamTranscription"),
                        READ_LIVE_MEDIA, READ_SCRT_PRIVATE_KEY, UPDATE_CONTACT_ATTRIBUTES),
                EnumSet.of(Trigger.FUNCTION_ASYNC), Feature.REALTIME_TRANSCRIPTION,
                deploy(Handler.KVS_TRANSCRIBER, env, 900, 1024, 20).map(d -> d.withAsyncRetryAttempts(0)));
    }

    /**
     * Reserved concurrency 4: the stream mapping reads each shard in order, one batch at a time; 4 leave room for
     * a resharded stream.
     */
    private static FunctionContract contactLensConsumer() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(CONTACT_LENS_PROCESSOR_FUNCTION_ARN, aliasArn(Function.CONTACT_LENS_PROCESSOR));
        env.put(LOG_LEVEL, logLevel());
        return new FunctionContract(Function.CONTACT_LENS_CONSUMER, RoleNames.CONTACT_LENS_CONSUMER,
                List.of(READ_CONTACT_LENS_STREAMS, Call.of("InvokeContactLensProcessor",
                        Target.alias(Function.CONTACT_LENS_PROCESSOR),
                        "hands each batch to the processor asynchronously", "lambda:InvokeFunction")),
                EnumSet.of(Trigger.CONTACT_LENS_STREAM), Feature.CONTACT_LENS,
                deploy(Handler.CONTACT_LENS_CONSUMER, env, 60, 512, 4));
    }

    /** Reserved concurrency 10: one execution per forwarded chunk of segments, each a few SCRT calls. */
    private static FunctionContract contactLensProcessor() {
        return new FunctionContract(Function.CONTACT_LENS_PROCESSOR, RoleNames.CONTACT_LENS_CONSUMER,
                List.of(READ_SCRT_PRIVATE_KEY), EnumSet.of(Trigger.FUNCTION_ASYNC), Feature.CONTACT_LENS,
                deploy(Handler.CONTACT_LENS_PROCESSOR, scrtEnvironment(), 180, 512, 10));
    }

    /** Reserved concurrency 5: one execution per analysed call, a few SCRT calls each. */
    private static FunctionContract postCallAnalysisTrigger() {
        return new FunctionContract(Function.POST_CALL_ANALYSIS_TRIGGER, RoleNames.POST_CALL_ANALYSIS_TRIGGER,
                List.of(DESCRIBE_CONTACTS, READ_CONTACT_LENS_OUTPUT, READ_SCRT_PRIVATE_KEY),
                EnumSet.of(Trigger.TENANT_BUCKET_RULE), Feature.POST_CALL_ANALYSIS,
                deploy(Handler.POST_CALL_ANALYSIS_TRIGGER, scrtEnvironment(), 300, 512, 5)
                        .map(d -> d.withObjectKeyPrefix(ScvNames.CONTACT_LENS_OUTPUT_PREFIX)));
    }

    /** Invoked on demand by an operator's backfill; reserved concurrency 2 keeps backfills from crowding calls. */
    private static FunctionContract contactDataSync() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(CONNECT_INSTANCE_ID, new EnvValue("connectInstanceId", c -> c.cc().connectInstanceId()));
        env.put(CALL_CENTER_API_NAME, callCenterName());
        env.put(MAX_CONTACT_IDS, new EnvValue("100", c -> "100"));
        env.put(INVOKE_SALESFORCE_REST_API_ARN, aliasArn(Function.INVOKE_SALESFORCE_REST_API));
        env.put(BATCH_SIZE, new EnvValue("10", c -> "10"));
        env.put(TENANT_BUCKET_NAME, tenantBucketName());
        env.put(LOG_LEVEL, logLevel());
        return new FunctionContract(Function.CONTACT_DATA_SYNC, RoleNames.CONTACT_DATA_SYNC,
                List.of(DESCRIBE_CONTACTS, LIST_CONTACT_LENS_OUTPUT, READ_CONTACT_LENS_OUTPUT, INVOKE_REST_API),
                EnumSet.of(Trigger.DIRECT), Feature.TRANSCRIPT_BACKFILL,
                deploy(Handler.CONTACT_DATA_SYNC, env, 900, 1024, 2));
    }

    /**
     * Reads the CTR stream beside CTRDataSync (its own mapping); reserved concurrency 2 as CTRDataSync's. Writes
     * the WAV and its tags in one PutObject, encrypting with the bucket key.
     */
    private static FunctionContract voicemailAudioProcessing() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(S3_RECORDINGS_BUCKET, tenantBucketName());
        env.put(LOG_LEVEL, logLevel());
        return new FunctionContract(Function.VOICEMAIL_AUDIO_PROCESSING, RoleNames.VOICEMAIL_AUDIO_PROCESSING,
                List.of(READ_CTR_STREAMS, READ_LIVE_MEDIA,
                        Call.of("WriteVoicemailRecordings", Target.tenantObjects(ScvNames.VOICEMAIL_RECORDINGS_PREFIX),
                                "writes the caller's audio as a tagged WAV", "s3:PutObject", "s3:PutObjectTagging")
                                .withKey(KeyUse.encrypt(TenantKey.BUCKET, "s3"))),
                EnumSet.of(Trigger.CTR_STREAM), Feature.VOICEMAIL,
                deploy(Handler.VOICEMAIL_AUDIO_PROCESSING, env, 120, 1024, 2));
    }

    /**
     * Starts the batch job. Transcribe reads the recording and writes the transcript with the caller's rights,
     * so the role reads {@code voicemail_recordings/} and writes {@code voicemail_transcripts/}. SCV's 5 s do not
     * fit a Java cold start.
     */
    private static FunctionContract voicemailTranscribe() {
        return new FunctionContract(Function.VOICEMAIL_TRANSCRIBE, RoleNames.VOICEMAIL_TRANSCRIBE,
                List.of(Call.of("StartVoicemailTranscription", Target.noResourceLevelPermissions(),
                                "starts the batch job named after the contact, writing to the tenant bucket's "
                                        + "transcripts prefix (the action has no resource type; its output keys bound it)",
                                "transcribe:StartTranscriptionJob")
                                .when("StringEquals", "transcribe:OutputBucketName", Call.TENANT_BUCKET)
                                .when("StringLike", "transcribe:OutputKey", ScvNames.VOICEMAIL_TRANSCRIPTS_PREFIX + "*"),
                        Call.of("ReadVoicemailRecordings", Target.tenantObjects(ScvNames.VOICEMAIL_RECORDINGS_PREFIX),
                                "reads the recording's tags; Transcribe reads the audio as this role",
                                "s3:GetObject", "s3:GetObjectTagging")
                                .withKey(KeyUse.decrypt(TenantKey.BUCKET, "s3")),
                        Call.of("WriteVoicemailTranscripts", Target.tenantObjects(ScvNames.VOICEMAIL_TRANSCRIPTS_PREFIX),
                                "Transcribe writes the transcript as this role", "s3:PutObject")
                                .withKey(KeyUse.encrypt(TenantKey.BUCKET, "s3"))),
                EnumSet.of(Trigger.TENANT_BUCKET_RULE), Feature.VOICEMAIL,
                deploy(Handler.VOICEMAIL_TRANSCRIBE, Map.of(LOG_LEVEL, logLevel()), 60, 512, 5)
                        .map(d -> d.withObjectKeyPrefix(ScvNames.VOICEMAIL_RECORDINGS_PREFIX)));
    }

    /**
     * Updates, messages and routes the VoiceCall: up to four routing attempts, each after the configured delay
     * (60 s), so the timeout is SCV's 400 s. Reserved concurrency 5: most of an execution is waiting.
     */
    private static FunctionContract voicemailPackaging() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(VOICEMAIL_INVOKE_TELEPHONY_INTEGRATION_API_ARN, aliasArn(Function.INVOKE_TELEPHONY_INTEGRATION_API));
        env.put(DELAY_BEFORE_ROUTING_VM_SEC, new EnvValue("60", c -> "60"));
        env.put(LOG_LEVEL, logLevel());
        return new FunctionContract(Function.VOICEMAIL_PACKAGING, RoleNames.VOICEMAIL_PACKAGING,
                List.of(Call.of("ReadVoicemailRecordingTags",
                                Target.tenantObjects(ScvNames.VOICEMAIL_RECORDINGS_PREFIX),
                                "reads the recording's tags (times, number, duration)", "s3:GetObjectTagging"),
                        Call.of("ReadVoicemailTranscripts", Target.tenantObjects(ScvNames.VOICEMAIL_TRANSCRIPTS_PREFIX),
                                "reads the transcript", "s3:GetObject")
                                .withKey(KeyUse.decrypt(TenantKey.BUCKET, "s3")),
                        Call.of("DeleteVoicemailTranscription", Target.transcriptionJobs(""),
                                "deletes the finished job", "transcribe:DeleteTranscriptionJob"),
                        INVOKE_TELEPHONY),
                EnumSet.of(Trigger.TENANT_BUCKET_RULE), Feature.VOICEMAIL,
                deploy(Handler.VOICEMAIL_PACKAGING, env, 400, 512, 5)
                        .map(d -> d.withObjectKeyPrefix(ScvNames.VOICEMAIL_TRANSCRIPTS_PREFIX)));
    }

    /**
     * One execution per alarm state change; reserved concurrency 2. 40 s: its synchronous call waits up to the REST
     * function's 30 s.
     */
    private static FunctionContract realtimeAlert() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(INVOKE_SALESFORCE_REST_API_ARN, aliasArn(Function.INVOKE_SALESFORCE_REST_API));
        env.put(LOG_LEVEL, logLevel());
        return new FunctionContract(Function.REALTIME_ALERT, RoleNames.REALTIME_ALERT, List.of(INVOKE_REST_API),
                EnumSet.of(Trigger.ALARM_TOPIC), Feature.REALTIME_ALERTS,
                deploy(Handler.REALTIME_ALERT, env, 40, 512, 2));
    }

    // --- environment values -------------------------------------------------------------------------------------

    /** The variables of every function that signs SCRT requests. */
    private static Map<String, EnvValue> scrtEnvironment() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(PRIVATE_KEY_PARAM_NAME, parameterName(Parameter.SCRT_PRIVATE_KEY));
        env.put(SALESFORCE_ORG_ID, new EnvValue("salesforceOrgId", c -> c.config().salesforceOrgId()));
        env.put(SCRT_ENDPOINT_BASE, new EnvValue("<scrtUrl>/telephony/v1", c -> c.cc().scrtUrl() + "/telephony/v1"));
        env.put(CALL_CENTER_API_NAME, callCenterName());
        env.put(LOG_LEVEL, logLevel());
        return env;
    }

    private static Map<String, EnvValue> telephonyCallerEnvironment() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put(INVOKE_TELEPHONY_INTEGRATION_API_ARN, aliasArn(Function.INVOKE_TELEPHONY_INTEGRATION_API));
        env.put(LOG_LEVEL, logLevel());
        return env;
    }

    private static EnvValue parameterName(Parameter parameter) {
        return new EnvValue(parameter.nameFor("<cc>"), c -> parameter.nameFor(c.callCenter()));
    }

    private static EnvValue aliasArn(Function function) {
        return new EnvValue("ARN of " + function.nameFor("<cc>") + ":" + ScvNames.ACTIVE_ALIAS,
                c -> c.arns().functionAlias(c.cc().region(), c.callCenter(), function));
    }

    private static EnvValue tenantBucketName() {
        return new EnvValue(ScvNames.tenantBucket("<cc>", "<account>", "<region>"),
                c -> ScvNames.tenantBucket(c.callCenter(), c.arns().account(), c.cc().region()));
    }

    private static EnvValue callCenterName() {
        return new EnvValue("callCenterApiName", DeploymentContext::callCenter);
    }

    private static EnvValue logLevel() {
        return new EnvValue("the stack's log level", DeploymentContext::logLevel);
    }

    private static Optional<Deployment> deploy(Handler handler, Map<String, EnvValue> env, int timeoutSeconds,
            int memoryMb, int reservedConcurrency) {
        return Optional.of(new Deployment(handler, env, Duration.ofSeconds(timeoutSeconds), memoryMb,
                reservedConcurrency, Deployment.DEFAULT_ASYNC_RETRY_ATTEMPTS, Optional.empty()));
    }
}
