package dev.scvcdk.tests.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.tests.iam.Calls.Call;
import dev.scvcdk.tests.iam.IamSimulator.Request;
import dev.scvcdk.tests.iam.IamSimulator.Result;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;

/**
 * The synthesized policies of the example tenant — identity policies with the permission boundary, and the key,
 * queue and bucket policies where they decide — evaluated by {@code @cloud-copilot/iam-simulate}: every function
 * can make the AWS calls its handler code makes, on exactly its resources, and no role can make the dangerous ones.
 *
 * <p>SCV's role names are account-wide, so one role serves the same function of every contact center of the
 * account; the expectations hold for each contact center, and {@link #sharedRolesReachEveryContactCenter} states
 * what that sharing allows.
 */
class FunctionPolicyComplianceTest {

    private static ExampleApp app;
    private static SynthesizedIam iam;
    private static Calls calls;
    private static final Map<String, List<Expectation>> GROUPS = new LinkedHashMap<>();
    private static Map<String, Result> results;

    /** A request and the decision the spec wants. */
    record Expectation(String title, Request request, boolean allowed) {
    }

    /** Title → what is wrong, see {@link #knownGaps()}. */
    private static Map<String, String> knownGaps;

    @BeforeAll
    static void evaluateEveryRequestInOneEvaluatorRun() {
        app = ExampleApp.get();
        iam = new SynthesizedIam(app.config.partitionValue().id(), app.config.accountId(), app.stacks.values());
        calls = new Calls(app.config.partitionValue().id(), app.config.accountId(),
                ScvNames.accountStackRegion(app.config.partitionValue()), iam);
        knownGaps = knownGaps();
        GROUPS.put("allowed", callsTheHandlersMake());
        GROUPS.put("dangerous", dangerousCalls());
        GROUPS.put("provisioning", provisioningRoleCreation());
        GROUPS.put("salesforce", salesforceTrustedRoles());
        GROUPS.put("shared", sharedRoleReach());
        List<Request> all = GROUPS.values().stream().flatMap(List::stream).map(Expectation::request).toList();
        results = IamSimulator.evaluate(all);
    }

    // --- the spec --------------------------------------------------------------------------------------------

    /** What each function's handler calls (lambdas/…/*Service, *Wiring, common/aws, common/keys), per contact center. */
    private static List<Expectation> callsTheHandlersMake() {
        List<Expectation> list = new ArrayList<>();
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            String name = cc.callCenterApiName();

            // InvokeTelephonyIntegrationApi: reads the SCRT key (SSM, with decryption) to sign its JWTs; logs.
            RolePolicies telephony = iam.role(RoleNames.INVOKE_TELEPHONY_INTEGRATION_API);
            allow(list, telephony, calls.ssm("ssm:GetParameter", cc, Parameter.SCRT_PRIVATE_KEY));
            // AuthKeysSSMUtil stores the SCRT key without a KeyId, so SSM encrypts it with alias/aws/ssm.
            allow(list, telephony, calls.awsManagedSsmKey("kms:Decrypt", cc, Parameter.SCRT_PRIVATE_KEY));
            ownLogs(list, telephony, cc, Function.INVOKE_TELEPHONY_INTEGRATION_API);

            // CTRDataSync: the event-source mapping reads the CTR stream with the function's role and decrypts it
            // with the stream key; the handler invokes the telephony alias; failed batches go to the failure queue.
            RolePolicies ctr = iam.role(RoleNames.CTR_DATA_SYNC);
            for (String action : List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
                    "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards")) {
                allow(list, ctr, calls.kinesis(action, cc));
            }
            allow(list, ctr, calls.kms("kms:Decrypt", cc, ScvNames.kvsKeyAlias(name), "kinesis",
                    Map.of("aws:kinesis:arn", calls.ctrStreamArn(cc))));
            allow(list, ctr, calls.invoke(calls.aliasArn(cc, Function.INVOKE_TELEPHONY_INTEGRATION_API), cc.region(),
                    name + "-InvokeTelephonyIntegrationApiFunction:active"));
            failureDestination(list, ctr, cc);
            ownLogs(list, ctr, cc, Function.CTR_DATA_SYNC);

            // HandleContactEvents: invokes the telephony alias; its async failures go to the failure queue.
            RolePolicies events = iam.role(RoleNames.HANDLE_CONTACT_EVENTS);
            allow(list, events, calls.invoke(calls.aliasArn(cc, Function.INVOKE_TELEPHONY_INTEGRATION_API),
                    cc.region(), name + "-InvokeTelephonyIntegrationApiFunction:active"));
            failureDestination(list, events, cc);
            ownLogs(list, events, cc, Function.HANDLE_CONTACT_EVENTS);

            // kvsConsumerTrigger: invokes the kvsTranscriber alias asynchronously.
            RolePolicies kvsTrigger = iam.role(RoleNames.KVS_CONSUMER_TRIGGER);
            allow(list, kvsTrigger, calls.invoke(calls.aliasArn(cc, Function.KVS_TRANSCRIBER), cc.region(),
                    name + "-kvsTranscriber:active"));
            ownLogs(list, kvsTrigger, cc, Function.KVS_CONSUMER_TRIGGER);

            // InvokeSalesforceRestApi: GetParameters (one call) on its five parameters, GetParameter on the
            // access token, PutParameter on the access token only; the parameters use the platform key.
            RolePolicies rest = iam.role(RoleNames.INVOKE_SALESFORCE_REST_API);
            for (Parameter parameter : Parameter.restApi()) {
                allow(list, rest, calls.ssm("ssm:GetParameters", cc, parameter));
                allow(list, rest, calls.ssm("ssm:GetParameter", cc, parameter));
                allow(list, rest, calls.kms("kms:Decrypt", cc, platformKeyAlias(cc), "ssm",
                        Map.of("PARAMETER_ARN", calls.parameterArn(cc, parameter))));
            }
            allow(list, rest, calls.ssm("ssm:PutParameter", cc, Parameter.REST_API_ACCESS_TOKEN));
            allow(list, rest, calls.kms("kms:GenerateDataKey", cc, platformKeyAlias(cc), "ssm",
                    Map.of("PARAMETER_ARN", calls.parameterArn(cc, Parameter.REST_API_ACCESS_TOKEN))));
            for (Parameter parameter : List.of(Parameter.REST_API_PRIVATE_KEY, Parameter.REST_API_CONSUMER_KEY,
                    Parameter.REST_API_AUDIENCE, Parameter.REST_API_SUBJECT, Parameter.SCRT_PRIVATE_KEY)) {
                deny(list, rest, calls.ssm("ssm:PutParameter", cc, parameter));
            }
            deny(list, rest, calls.ssm("ssm:GetParameter", cc, Parameter.SCRT_PRIVATE_KEY));
            ownLogs(list, rest, cc, Function.INVOKE_SALESFORCE_REST_API);

            // AuthKeysSSMUtil and CustomSSM (SCVSSMLambdaExecutionRole): read (AuthKeys decrypts the existing SCRT
            // key), create, overwrite, tag, list tags of and delete the six parameters; CustomSSM reads the
            // Salesforce credentials secret to seed the REST ones.
            RolePolicies ssmRole = iam.role(RoleNames.SSM_LAMBDA_EXECUTION);
            for (Parameter parameter : Parameter.values()) {
                for (String action : List.of("ssm:GetParameter", "ssm:PutParameter", "ssm:AddTagsToResource",
                        "ssm:ListTagsForResource", "ssm:DeleteParameter")) {
                    allow(list, ssmRole, calls.ssm(action, cc, parameter));
                }
            }
            for (Parameter parameter : Parameter.restApi()) {
                allow(list, ssmRole, calls.kms("kms:GenerateDataKey", cc, platformKeyAlias(cc), "ssm",
                        Map.of("PARAMETER_ARN", calls.parameterArn(cc, parameter))));
            }
            allow(list, ssmRole, calls.awsManagedSsmKey("kms:GenerateDataKey", cc, Parameter.SCRT_PRIVATE_KEY));
            allow(list, ssmRole, calls.awsManagedSsmKey("kms:Decrypt", cc, Parameter.SCRT_PRIVATE_KEY));
            allow(list, ssmRole, calls.secret("secretsmanager:GetSecretValue", cc));
            allow(list, ssmRole, calls.kms("kms:Decrypt", cc, platformKeyAlias(cc), "secretsmanager",
                    Map.of("SecretARN", calls.credentialsSecretArn(cc))));
            ownLogs(list, ssmRole, cc, Function.AUTH_KEYS_SSM_UTIL);
            ownLogs(list, ssmRole, cc, Function.CUSTOM_SSM);
            deny(list, ssmRole, calls.ssmOn("ssm:PutParameter", cc.region(), calls.account, "other-app-db-password"));
        }
        return list;
    }

    /** Calls no SCV role may make, asked of every role of the app, for every contact center. */
    private static List<Expectation> dangerousCalls() {
        List<Expectation> list = new ArrayList<>();
        for (RolePolicies role : iam.roles().values()) {
            deny(list, role, calls.iam("iam:PassRole", RoleNames.PROVISIONING)
                    .with("iam:PassedToService", "lambda.amazonaws.com"));
            deny(list, role, calls.iam("iam:CreateRole", "Backdoor"));
            deny(list, role, calls.iam("iam:CreateRole", "SCVBackdoor"));
            deny(list, role, calls.iam("iam:PutRolePolicy", RoleNames.PROVISIONING));
            deny(list, role, calls.iam("iam:DeleteRolePermissionsBoundary", RoleNames.CTR_DATA_SYNC));
            deny(list, role, calls.auditTrail("cloudtrail:StopLogging"));
            deny(list, role, calls.auditTrail("cloudtrail:DeleteTrail"));
            for (ContactCenterConfig cc : app.config.contactCenters()) {
                String name = cc.callCenterApiName();
                for (String alias : List.of(ScvNames.kvsKeyAlias(name), platformKeyAlias(cc))) {
                    deny(list, role, calls.onKey("kms:ScheduleKeyDeletion", cc, alias));
                    deny(list, role, calls.onKey("kms:PutKeyPolicy", cc, alias));
                }
                deny(list, role, calls.onTenantBucket("s3:DeleteBucket", cc));
                deny(list, role, calls.onTenantBucket("s3:PutBucketPolicy", cc));
                deny(list, role, calls.ssmOn("ssm:GetParameter", cc.region(), calls.account, "other-app-db-password"));
                deny(list, role, calls.invoke(calls.arn("lambda", cc.region(), calls.account,
                        "function:other-app-function"), cc.region(), "other-app-function"));
                if (!role.roleName().equals(RoleNames.PROVISIONING)) {
                    // Only the published code behind `active` runs as a function's caller; Salesforce's provisioning
                    // manages the functions themselves (SCV's LambdaAccess section) and is asked below instead.
                    deny(list, role, calls.invoke(calls.functionArn(cc, Function.INVOKE_TELEPHONY_INTEGRATION_API),
                            cc.region(), name + "-InvokeTelephonyIntegrationApiFunction (unqualified)"));
                    deny(list, role, calls.invoke(calls.functionArn(cc, Function.INVOKE_TELEPHONY_INTEGRATION_API)
                            + ":$LATEST", cc.region(), name + "-InvokeTelephonyIntegrationApiFunction:$LATEST"));
                }
                if (!role.roleName().equals(RoleNames.SSM_LAMBDA_EXECUTION)) {
                    deny(list, role, calls.ssm("ssm:PutParameter", cc, Parameter.SCRT_PRIVATE_KEY));
                }
                // The same names in another account, and a contact center's resources in the wrong region.
                deny(list, role, calls.ssmOn("ssm:GetParameter", cc.region(), Calls.OTHER_ACCOUNT,
                        Parameter.SCRT_PRIVATE_KEY.nameFor(name)));
                deny(list, role, calls.invoke(calls.arn("lambda", cc.region(), Calls.OTHER_ACCOUNT, "function:"
                        + Function.INVOKE_TELEPHONY_INTEGRATION_API.nameFor(name) + ":active"), cc.region(),
                        "the telephony alias in account " + Calls.OTHER_ACCOUNT));
                deny(list, role, new Call("kinesis:GetRecords", calls.arn("kinesis", cc.region(), Calls.OTHER_ACCOUNT,
                        "stream/" + ScvNames.ctrStream(name, Calls.OTHER_ACCOUNT)), cc.region(), Calls.OTHER_ACCOUNT,
                        null, Map.of(), "kinesis:GetRecords on " + ScvNames.ctrStream(name, Calls.OTHER_ACCOUNT)));
                String otherRegion = app.config.contactCenters().stream().map(ContactCenterConfig::region)
                        .filter(r -> !r.equals(cc.region())).findFirst().orElse("ap-southeast-2");
                deny(list, role, calls.ssmOn("ssm:GetParameter", otherRegion, calls.account,
                        Parameter.SCRT_PRIVATE_KEY.nameFor(name)));
            }
        }
        return list;
    }

    /** Salesforce's provisioning creates no role (the stacks create every SCV role), with or without the boundary. */
    private static List<Expectation> provisioningRoleCreation() {
        List<Expectation> list = new ArrayList<>();
        RolePolicies provisioning = iam.role(RoleNames.PROVISIONING);
        deny(list, provisioning, calls.iam("iam:CreateRole", "SCVSomething")
                .with("iam:PermissionsBoundary", calls.boundaryArn()).as("iam:CreateRole SCVSomething with the SCV boundary"));
        deny(list, provisioning, calls.iam("iam:CreateRole", "SCVSomething").as("iam:CreateRole SCVSomething without a boundary"));
        deny(list, provisioning, calls.iam("iam:CreateRole", "SCVSomething")
                .with("iam:PermissionsBoundary", calls.arn("iam", "", calls.account, "policy/AdministratorAccess"))
                .as("iam:CreateRole SCVSomething with another boundary"));
        deny(list, provisioning, calls.iam("iam:CreateRole", "Backdoor")
                .with("iam:PermissionsBoundary", calls.boundaryArn()).as("iam:CreateRole Backdoor with the SCV boundary"));
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            // A function of the account that merely starts with the call center's name is not SCV's.
            String notScv = calls.arn("lambda", cc.region(), calls.account, "function:" + cc.callCenterApiName()
                    + "-payroll");
            deny(list, provisioning, calls.invoke(notScv, cc.region(), cc.callCenterApiName() + "-payroll"));
            deny(list, provisioning, new Call("lambda:UpdateFunctionCode", notScv, cc.region(), calls.account, null,
                    Map.of(), "lambda:UpdateFunctionCode " + cc.callCenterApiName() + "-payroll"));
            String scvFunction = calls.arn("lambda", cc.region(), calls.account, "function:"
                    + ScvNames.Function.CTR_DATA_SYNC.nameFor(cc.callCenterApiName()));
            // salesforceManagesFunctions is false in the example: the functions' code is the stack's
            deny(list, provisioning, new Call("lambda:UpdateFunctionCode", scvFunction, cc.region(), calls.account,
                    null, Map.of("aws:ResourceTag/" + ScvNames.FUNCTION_TAG, cc.callCenterApiName()),
                    "lambda:UpdateFunctionCode " + ScvNames.Function.CTR_DATA_SYNC.nameFor(cc.callCenterApiName())
                            + " (tagged " + ScvNames.FUNCTION_TAG + ")"));
        }
        deny(list, provisioning, calls.iam("iam:PassRole", RoleNames.CTR_DATA_SYNC)
                .with("iam:PassedToService", "lambda.amazonaws.com"));
        deny(list, provisioning, calls.iam("iam:PassRole", RoleNames.CTR_DATA_SYNC)
                .with("iam:PassedToService", "ec2.amazonaws.com").as("iam:PassRole SCVCTRDataSyncFunctionRole to ec2"));
        return list;
    }

    /** What Salesforce does through the roles it assumes, with the tenant bucket's TLS-only policy deciding too. */
    private static List<Expectation> salesforceTrustedRoles() {
        List<Expectation> list = new ArrayList<>();
        RolePolicies bucketWriter = iam.role(RoleNames.TENANT_BUCKET_WRITE_ACCESS);
        RolePolicies credentials = iam.role(RoleNames.UPDATE_CREDENTIAL);
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            String name = cc.callCenterApiName();
            RolePolicies recordings = iam.role(ScvNames.s3Role(name));
            String recording = ScvNames.RECORDINGS_PREFIX + "2026/11/21/call.wav";
            String voicemail = ScvNames.VOICEMAIL_PREFIX + "2026/11/21/message.wav";
            allow(list, recordings, calls.onTenantObject("s3:GetObject", cc, recording));
            deny(list, recordings, calls.onTenantObject("s3:GetObject", cc, recording)
                    .with("aws:SecureTransport", "false").as("s3:GetObject " + recording + " without TLS"));
            deny(list, recordings, calls.onTenantObject("s3:PutObject", cc, recording));
            deny(list, recordings, calls.onTenantObject("s3:GetObject", cc, voicemail));
            allow(list, recordings, calls.kms("kms:Decrypt", cc, ScvNames.tenantBucketKeyAlias(name), "s3",
                    Map.of("aws:s3:arn", calls.tenantBucketArn(cc) + "/" + recording)));
            allow(list, bucketWriter, calls.onTenantObject("s3:PutObject", cc, voicemail));
            allow(list, bucketWriter, calls.onTenantObject("s3:GetObject", cc, voicemail));
            deny(list, bucketWriter, calls.onTenantObject("s3:PutObject", cc, voicemail)
                    .with("aws:SecureTransport", "false").as("s3:PutObject " + voicemail + " without TLS"));
            deny(list, bucketWriter, calls.onTenantObject("s3:GetObject", cc, recording));
            RolePolicies callRole = iam.role(ScvNames.connectCallRole(name));
            allow(list, callRole, calls.connectContact("connect:SuspendContactRecording", cc));
            allow(list, callRole, calls.connectContact("connect:ResumeContactRecording", cc));
            deny(list, callRole, calls.connectContact("connect:StopContact", cc));
            allow(list, credentials, calls.invoke(calls.aliasArn(cc, Function.AUTH_KEYS_SSM_UTIL), cc.region(),
                    name + "-AuthKeysSSMUtilFunction:active"));
            deny(list, credentials, calls.invoke(calls.aliasArn(cc, Function.INVOKE_TELEPHONY_INTEGRATION_API),
                    cc.region(), name + "-InvokeTelephonyIntegrationApiFunction:active"));
        }
        return list;
    }

    /**
     * SCV's role names are account-wide: the role of a function of one contact center is the role of the same
     * function of every other contact center of the account, so it reaches their resources too.
     */
    private static List<Expectation> sharedRoleReach() {
        List<Expectation> list = new ArrayList<>();
        List<ContactCenterConfig> ccs = app.config.contactCenters();
        for (ContactCenterConfig other : ccs) {
            allow(list, iam.role(RoleNames.INVOKE_TELEPHONY_INTEGRATION_API),
                    calls.ssm("ssm:GetParameter", other, Parameter.SCRT_PRIVATE_KEY));
            allow(list, iam.role(RoleNames.CTR_DATA_SYNC), calls.kinesis("kinesis:GetRecords", other));
        }
        return list;
    }

    /**
     * The register of expectations the synthesized app does not meet yet. Each entry names what is wrong and where;
     * its expectation is asserted to still fail, so a fix asks for the entry to be removed.
     */
    private static Map<String, String> knownGaps() {
        Map<String, String> gaps = new LinkedHashMap<>();
        return gaps;
    }

    // --- the tests -------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyFunctionCanMakeTheCallsItsHandlerMakes() {
        return tests("allowed");
    }

    @TestFactory
    Stream<DynamicTest> noRoleCanMakeADangerousCall() {
        return tests("dangerous");
    }

    @TestFactory
    Stream<DynamicTest> provisioningCreatesNoRoleAndReplacesNoFunction() {
        return tests("provisioning");
    }

    @TestFactory
    Stream<DynamicTest> salesforceTrustedRolesReachOnlyTheirObjectsOverTls() {
        return tests("salesforce");
    }

    @TestFactory
    Stream<DynamicTest> sharedRolesReachEveryContactCenter() {
        return tests("shared");
    }

    @Test
    void everyKnownGapNamesAnExpectation() {
        List<String> titles = GROUPS.values().stream().flatMap(List::stream).map(Expectation::title).toList();
        assertThat(knownGaps.keySet()).as("KNOWN_GAPS entries that match no expectation").isSubsetOf(titles);
    }

    @Test
    void everyRoleOfTheAppIsEvaluatedWithItsBoundary() {
        // GIVEN every AWS::IAM::Role of the synthesized app
        // THEN each one carries a boundary document that the evaluator received
        assertThat(iam.roles().values())
                .allSatisfy(role -> assertThat(role.boundaryPolicies()).as(role.roleName()).hasSize(1));
        assertThat(iam.roles()).containsKeys(RoleNames.CTR_DATA_SYNC, RoleNames.SSM_LAMBDA_EXECUTION,
                RoleNames.PROVISIONING);
    }

    private static Stream<DynamicTest> tests(String group) {
        return GROUPS.get(group).stream().map(e -> DynamicTest.dynamicTest(e.title(), () -> check(e)));
    }

    private static void check(Expectation expectation) {
        Result result = results.get(expectation.request().id());
        String report = ": " + expectation.title() + "\nrequest: " + IamSimulator.toJson(expectation.request()).without(
                List.of("identityPolicies", "permissionBoundaryPolicies", "resourcePolicy")).toPrettyString()
                + "\npolicies: " + expectation.request().role().identityPolicies().stream()
                        .map(SynthesizedIam.NamedPolicy::name).toList()
                + " bounded by " + expectation.request().role().boundaryPolicies().stream()
                        .map(SynthesizedIam.NamedPolicy::name).toList()
                + "\nevaluator: " + result.decision() + " " + result.explanation().toPrettyString();
        if ("Error".equals(result.decision())) {
            fail("the evaluator rejected the request" + report);
        }
        boolean allowed = "Allowed".equals(result.decision());
        String gap = knownGaps.get(expectation.title());
        if (gap != null) {
            assertThat(allowed).as("known gap is fixed (remove it from KNOWN_GAPS): " + gap + report)
                    .isNotEqualTo(expectation.allowed());
            return;
        }
        assertThat(allowed).as((expectation.allowed() ? "should be allowed" : "should be denied") + report)
                .isEqualTo(expectation.allowed());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void allow(List<Expectation> list, RolePolicies role, Call call) {
        list.add(new Expectation(role.roleName() + " may " + call.describe(), calls.by(role, call), true));
    }

    private static void deny(List<Expectation> list, RolePolicies role, Call call) {
        list.add(new Expectation(role.roleName() + " may not " + call.describe(), calls.by(role, call), false));
    }

    private static void ownLogs(List<Expectation> list, RolePolicies role, ContactCenterConfig cc, Function function) {
        allow(list, role, calls.logs("logs:CreateLogStream", cc, function));
        allow(list, role, calls.logs("logs:PutLogEvents", cc, function));
    }

    /** Lambda sends a failed batch or event with the function's role; the queue is encrypted with the platform key. */
    private static void failureDestination(List<Expectation> list, RolePolicies role, ContactCenterConfig cc) {
        allow(list, role, calls.sendToFailureQueue(cc));
        allow(list, role, calls.kms("kms:GenerateDataKey", cc, platformKeyAlias(cc), "sqs",
                Map.of("aws:sqs:arn", calls.failureQueueArn(cc))));
    }

    private static String platformKeyAlias(ContactCenterConfig cc) {
        return "alias/" + cc.callCenterApiName() + "ScvPlatformKey";
    }
}
