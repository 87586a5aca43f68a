package dev.scvcdk.policies.declarations;

import static dev.scvcdk.contracts.EnvVar.ACCESS_TOKEN_PARAM_NAME;
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
            "kinesisvideo:DescribeStream", "kinesisvideo:GetDataEndpoint", "kinesisvideo:GetMedia",
            "kinesisvideo:ListFragments", "kinesisvideo:GetMediaForFragmentList");

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

    // --- SCV's own code, deployed beside the stack: the role grants what that code calls ------------------------

    private static FunctionContract kvsTranscriber() {
        return external(Function.KVS_TRANSCRIBER, RoleNames.KVS_TRANSCRIBER, Feature.REALTIME_TRANSCRIPTION,
                EnumSet.of(Trigger.FUNCTION_ASYNC),
                Call.of("TranscribeLiveAudio", Target.noResourceLevelPermissions(), "streams audio to Transcribe",
                        "transcribe:StartStreamTranscription", "transcribe:StartMedicalStreamTranscription"),
                READ_LIVE_MEDIA, READ_SCRT_PRIVATE_KEY, UPDATE_CONTACT_ATTRIBUTES);
    }

    private static FunctionContract contactLensConsumer() {
        return external(Function.CONTACT_LENS_CONSUMER, RoleNames.CONTACT_LENS_CONSUMER, Feature.ALWAYS,
                EnumSet.of(Trigger.CONTACT_LENS_STREAM), READ_CONTACT_LENS_STREAMS,
                Call.of("InvokeContactLensProcessor", Target.alias(Function.CONTACT_LENS_PROCESSOR),
                        "hands each batch to the processor asynchronously", "lambda:InvokeFunction"));
    }

    private static FunctionContract contactLensProcessor() {
        return external(Function.CONTACT_LENS_PROCESSOR, RoleNames.CONTACT_LENS_CONSUMER, Feature.ALWAYS,
                EnumSet.of(Trigger.FUNCTION_ASYNC), READ_SCRT_PRIVATE_KEY);
    }

    private static FunctionContract postCallAnalysisTrigger() {
        return external(Function.POST_CALL_ANALYSIS_TRIGGER, RoleNames.POST_CALL_ANALYSIS_TRIGGER, Feature.ALWAYS,
                EnumSet.of(Trigger.TENANT_BUCKET_RULE), DESCRIBE_CONTACTS, LIST_CONTACT_LENS_OUTPUT,
                READ_CONTACT_LENS_OUTPUT, READ_SCRT_PRIVATE_KEY);
    }

    private static FunctionContract contactDataSync() {
        return external(Function.CONTACT_DATA_SYNC, RoleNames.CONTACT_DATA_SYNC, Feature.ALWAYS,
                EnumSet.of(Trigger.DIRECT), DESCRIBE_CONTACTS, LIST_CONTACT_LENS_OUTPUT, READ_CONTACT_LENS_OUTPUT,
                INVOKE_REST_API);
    }

    private static FunctionContract voicemailAudioProcessing() {
        return external(Function.VOICEMAIL_AUDIO_PROCESSING, RoleNames.VOICEMAIL_AUDIO_PROCESSING, Feature.ALWAYS,
                EnumSet.of(Trigger.CTR_STREAM), READ_CTR_STREAMS, READ_LIVE_MEDIA,
                Call.of("WriteVoicemailAudio", Target.tenantObjects(ScvNames.VOICEMAIL_PREFIX),
                        "writes the caller's audio as WAV", "s3:PutObject")
                        .withKey(KeyUse.encrypt(TenantKey.BUCKET, "s3")));
    }

    private static FunctionContract voicemailTranscribe() {
        return external(Function.VOICEMAIL_TRANSCRIBE, RoleNames.VOICEMAIL_TRANSCRIBE, Feature.ALWAYS,
                EnumSet.of(Trigger.TENANT_BUCKET_RULE),
                Call.of("TranscribeVoicemail", Target.transcriptionJobs(""), "starts and reads the batch job",
                        "transcribe:StartTranscriptionJob", "transcribe:GetTranscriptionJob"),
                READ_WRITE_VOICEMAIL, UPDATE_CONTACT_ATTRIBUTES);
    }

    private static FunctionContract voicemailPackaging() {
        return external(Function.VOICEMAIL_PACKAGING, RoleNames.VOICEMAIL_PACKAGING, Feature.ALWAYS,
                EnumSet.of(Trigger.TENANT_BUCKET_RULE),
                Call.of("TagVoicemailObjects", Target.tenantObjects(ScvNames.VOICEMAIL_PREFIX),
                        "reads and sets the voicemail's tags", "s3:GetObjectTagging", "s3:PutObjectTagging"),
                Call.of("ReadAndDeleteVoicemailTranscriptions", Target.transcriptionJobs(""),
                        "reads the finished job and deletes it", "transcribe:GetTranscriptionJob",
                        "transcribe:DeleteTranscriptionJob"),
                READ_WRITE_VOICEMAIL, UPDATE_CONTACT_ATTRIBUTES, READ_SCRT_PRIVATE_KEY);
    }

    private static FunctionContract realtimeAlert() {
        return external(Function.REALTIME_ALERT, RoleNames.REALTIME_ALERT, Feature.ALWAYS,
                EnumSet.of(Trigger.ALARM_TOPIC),
                Call.of("ReadConnectInstance", Target.instance(), "reads the instance and its metrics",
                        "connect:DescribeInstance", "connect:ListQueues", "connect:GetCurrentMetricData",
                        "connect:GetMetricDataV2"),
                Call.of("ReadConnectQueues", Target.instanceQueues(), "reads queues and their metrics",
                        "connect:DescribeQueue", "connect:GetCurrentMetricData", "connect:GetMetricDataV2"),
                INVOKE_REST_API);
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

    private static EnvValue callCenterName() {
        return new EnvValue("callCenterApiName", DeploymentContext::callCenter);
    }

    private static EnvValue logLevel() {
        return new EnvValue("the stack's log level", DeploymentContext::logLevel);
    }

    private static Optional<Deployment> deploy(Handler handler, Map<String, EnvValue> env, int timeoutSeconds,
            int memoryMb, int reservedConcurrency) {
        return Optional.of(new Deployment(handler, env, Duration.ofSeconds(timeoutSeconds), memoryMb,
                reservedConcurrency));
    }

    private static FunctionContract external(Function function, String role, Feature feature, Set<Trigger> triggers,
            Call... calls) {
        return new FunctionContract(function, role, List.of(calls), triggers, feature, Optional.empty());
    }
}
