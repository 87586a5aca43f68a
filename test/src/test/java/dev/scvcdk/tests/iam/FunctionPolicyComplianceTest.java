package dev.scvcdk.tests.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.declarations.FunctionContract;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.policies.declarations.KeyUse;
import dev.scvcdk.policies.declarations.PrincipalContract;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.declarations.Target;
import dev.scvcdk.policies.declarations.TenantKey;
import dev.scvcdk.tests.Tenant;
import dev.scvcdk.tests.iam.Calls.Call;
import dev.scvcdk.tests.iam.IamSimulator.Request;
import dev.scvcdk.tests.iam.IamSimulator.Result;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;

/**
 * The synthesized policies of each example tenant — identity policies with the permission boundary, and the key,
 * queue and bucket policies where they decide — evaluated by {@code @cloud-copilot/iam-simulate}: every function
 * can make the AWS calls its handler code makes, on exactly its resources, and no role can make the dangerous ones.
 *
 * <p>SCV's role names are account-wide, so one role serves the same function of every contact center of the
 * account; the expectations hold for each contact center, and {@link #sharedRolesReachEveryContactCenter} states
 * what that sharing allows.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Tenant.class)
class FunctionPolicyComplianceTest {

    private static ExampleApp app;
    private static SynthesizedIam iam;
    private static Calls calls;
    private static final Map<String, List<Expectation>> GROUPS = new LinkedHashMap<>();
    /**
     * Declared calls whose sid names several kinds of resource for one action (Connect management: the instance, its
     * sub-resources, phone numbers): each action must be allowed on every kind it applies to — the evaluator rejects
     * the others as not that action's resource type — and on at least one.
     */
    private static final Map<String, List<Expectation>> ANY_TARGET = new LinkedHashMap<>();

    /**
     * Connect list actions for which {@code @cloud-copilot/iam-simulate} has no resource type ("no.resource.types"),
     * so no request on an instance can be evaluated; AWS authorizes them on {@code instance/<id>}. Each entry is
     * asserted to still be refused that way.
     */
    private static final List<String> EVALUATOR_WITHOUT_RESOURCE_TYPES = List.of("connect:ListContactFlows",
            "connect:ListQueues", "connect:ListQuickConnects", "connect:ListPhoneNumbers");
    private static Map<String, Result> results;


    /** The tenant of this invocation; declaring it lets the static setup below receive it. */
    @org.junit.jupiter.params.Parameter
    Tenant tenant;

    @BeforeParameterizedClassInvocation
    static void evaluateEveryRequestInOneEvaluatorRun(Tenant tenant) {
        app = ExampleApp.get(tenant);
        GROUPS.clear();
        iam = new SynthesizedIam(app.config.partitionValue().id(), app.config.accountId(), app.stacks.values());
        calls = new Calls(app.config.partitionValue().id(), app.config.accountId(),
                ScvNames.accountStackRegion(app.config.partitionValue()), iam);
        // Each tenant's invocation starts afresh: the maps are static so the static setup can fill them.
        GROUPS.clear();
        ANY_TARGET.clear();
        GROUPS.put("allowed", callsTheHandlersMake());
        GROUPS.put("principals", callsThePrincipalsMake());
        GROUPS.put("dangerous", dangerousCalls());
        GROUPS.put("provisioning", provisioningRoleCreation());
        GROUPS.put("salesforce", salesforceTrustedRoles());
        GROUPS.put("shared", sharedRoleReach());
        List<Request> all = Stream.concat(GROUPS.values().stream(), ANY_TARGET.values().stream())
                .flatMap(List::stream).map(Expectation::request).toList();
        results = IamSimulator.evaluate(all);
    }

    // --- the spec --------------------------------------------------------------------------------------------

    /**
     * Every call each deployed function's contract declares (FunctionContracts), on each exact resource, in each
     * contact center it is deployed in — with the KMS call its service makes on its behalf — must be allowed by
     * the synthesized policies, boundary and resource policies. Derived from the declarations, never restated.
     */
    private static List<Expectation> callsTheHandlersMake() {
        List<Expectation> list = new ArrayList<>();
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            for (FunctionContract contract : FunctionContracts.deployedIn(cc)) {
                RolePolicies role = iam.role(contract.roleName());
                for (dev.scvcdk.policies.declarations.Call declared : contract.allCalls()) {
                    for (String action : declared.actions()) {
                        Call request = request(action, declared.target(), cc, contract.function());
                        for (Map<String, List<String>> keys : declared.conditions().values()) {
                            for (Map.Entry<String, List<String>> condition : keys.entrySet()) {
                                request = request.with(condition.getKey(), concrete(dev.scvcdk.policies.declarations.Call
                                        .conditionValueIn(condition.getValue().get(0),
                                                dev.scvcdk.policies.ScvArns.forTenant(app.config), cc)));
                            }
                        }
                        allow(list, role, request);
                    }
                    declared.keyUse().ifPresent(use -> use.actions().forEach(kmsAction ->
                            allow(list, role, keyRequest(kmsAction, use, declared.target(), cc))));
                }
            }
        }
        // beyond their jobs: the REST role writes only the access token, reads no SCRT key; nobody else's secrets
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            RolePolicies rest = iam.role(RoleNames.INVOKE_SALESFORCE_REST_API);
            for (Parameter parameter : List.of(Parameter.REST_API_PRIVATE_KEY, Parameter.REST_API_CONSUMER_KEY,
                    Parameter.REST_API_AUDIENCE, Parameter.REST_API_SUBJECT, Parameter.SCRT_PRIVATE_KEY)) {
                deny(list, rest, calls.ssm("ssm:PutParameter", cc, parameter));
            }
            deny(list, rest, calls.ssm("ssm:GetParameter", cc, Parameter.SCRT_PRIVATE_KEY));
            for (String roleName : List.of(RoleNames.INVOKE_TELEPHONY_INTEGRATION_API,
                    RoleNames.INVOKE_SALESFORCE_REST_API, RoleNames.CTR_DATA_SYNC)) {
                deny(list, iam.role(roleName), calls.secret("secretsmanager:GetSecretValue", cc));
            }
            deny(list, iam.role(RoleNames.SSM_LAMBDA_EXECUTION),
                    calls.ssmOn("ssm:PutParameter", cc.region(), calls.account, "other-app-db-password"));
        }
        return list;
    }

    /**
     * Every call each role Salesforce or an AWS service assumes declares (PrincipalContracts), on each exact
     * resource, in each contact center — with the KMS call its service makes — allowed by the synthesized policies,
     * the boundary and the resource policies (key, bucket, queue). Derived from the declarations, never restated.
     */
    private static List<Expectation> callsThePrincipalsMake() {
        List<Expectation> list = new ArrayList<>();
        dev.scvcdk.policies.ScvArns arns = dev.scvcdk.policies.ScvArns.forTenant(app.config);
        for (PrincipalContract contract : PrincipalContracts.all(app.config)) {
            Map<String, Long> targetsPerSidAction = contract.calls().stream()
                    .flatMap(c -> c.actions().stream().map(a -> c.sid() + " " + a + " " + c.target().kind()))
                    .distinct()
                    .collect(java.util.stream.Collectors.groupingBy(k -> k.substring(0, k.lastIndexOf(' ')),
                            java.util.stream.Collectors.counting()));
            for (ContactCenterConfig cc : app.config.contactCenters()) {
                RolePolicies role = iam.role(PrincipalContracts.roleNameIn(contract, cc.callCenterApiName()));
                for (dev.scvcdk.policies.declarations.Call declared : contract.calls()) {
                    for (String action : declared.actions()) {
                        // one sid naming several kinds of resource for one action: the action applies to some
                        List<Expectation> into = targetsPerSidAction.get(declared.sid() + " " + action) > 1
                                ? ANY_TARGET.computeIfAbsent(role.roleName() + " may " + action + " ("
                                        + declared.sid() + ", " + cc.callCenterApiName() + ")", t -> new ArrayList<>())
                                : list;
                        for (String region : regionsOf(declared.target(), cc)) {
                          for (Call concreteRequest : principalRequests(action, declared, cc, region)) {
                            Call request = concreteRequest;
                            for (Map.Entry<String, Map<String, List<String>>> byOperator
                                    : declared.conditions().entrySet()) {
                                for (Map.Entry<String, List<String>> condition : byOperator.getValue().entrySet()) {
                                    // an ...IfExists key belongs to the call's first action (AddPermission's
                                    // lambda:Principal); the evaluator refuses keys an action does not carry
                                    if (byOperator.getKey().endsWith("IfExists")
                                            && !action.equals(declared.actions().get(0))) {
                                        continue;
                                    }
                                    String value = concrete(dev.scvcdk.policies.declarations.Call.conditionValueIn(
                                            condition.getValue().get(0), arns, cc));
                                    request = request.with(condition.getKey(), byOperator.getKey().startsWith("For")
                                            ? List.of(value) : value);
                                }
                            }
                            allow(into, role, request);
                          }
                        }
                    }
                    declared.keyUse().ifPresent(use -> use.actions().forEach(kmsAction ->
                            allow(list, role, keyRequest(kmsAction, use, declared.target(), cc))));
                }
            }
        }
        return list;
    }

    /** The regions a call on {@code target} is made in: both where it names the account stack's region too. */
    private static List<String> regionsOf(Target target, ContactCenterConfig cc) {
        return target.kind() == Target.Kind.NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION
                ? List.of(cc.region(), calls.accountStackRegion) : List.of(cc.region());
    }

    /** The kinds of an instance's sub-resources Connect management acts on, as Connect names them in ARNs. */
    private static final List<String> INSTANCE_SUB_RESOURCE_KINDS = List.of("agent", "queue", "routing-profile",
            "security-profile", "transfer-destination", "operating-hours", "contact-flow", "agent-group",
            "phone-number");

    /** A declared principal call's requests: one per kind of sub-resource where it names {@code instance/<id>/*}. */
    private static List<Call> principalRequests(String action, dev.scvcdk.policies.declarations.Call declared,
            ContactCenterConfig cc, String region) {
        if (declared.target().kind() != Target.Kind.INSTANCE_SUB_RESOURCES) {
            return List.of(principalRequest(action, declared, cc, region));
        }
        String instance = onlyArn(declared.target(), cc);
        return INSTANCE_SUB_RESOURCE_KINDS.stream()
                .map(kind -> calls.on(action, instance.replace("*", kind + "/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                        region, calls.account, action + " a " + kind + " of " + cc.connectInstanceAlias()))
                .toList();
    }

    /** A declared principal call's request on one concrete resource; key and queue policies take part. */
    private static Call principalRequest(String action, dev.scvcdk.policies.declarations.Call declared,
            ContactCenterConfig cc, String region) {
        String home = calls.accountStackRegion;
        Target target = declared.target();
        return switch (target.kind()) {
            case NO_RESOURCE_LEVEL_PERMISSIONS, NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION ->
                    calls.on(action, "*", region, calls.account, action + " in " + region)
                            .with("aws:RequestedRegion", region);
            case KEYS -> {
                // the key the call names by alias: its ARN and key policy
                String alias = dev.scvcdk.policies.declarations.Call.conditionValueIn(declared.conditions()
                        .get("ForAnyValue:StringEquals").get("kms:ResourceAliases").get(0),
                        dev.scvcdk.policies.ScvArns.forTenant(app.config), cc);
                yield calls.onKey(action, cc, alias).with("kms:ResourceAliases", List.of(alias));
            }
            case FAILURE_QUEUE -> {
                String queue = calls.failureQueueArn(cc);
                yield calls.onQueue(action, queue, cc.region());
            }
            case LOG_STREAMS -> calls.on(action, logStreamOf(onlyArn(target, cc)), cc.region(), calls.account,
                    action + " " + target);
            case TRAIL_LOG_STREAMS -> calls.on(action, logStreamOf(onlyArn(target, cc)), home, calls.account,
                    action + " " + target);
            case SCV_FUNCTIONS -> calls.on(action, onlyArn(target, cc).replace("*",
                    Function.INVOKE_TELEPHONY_INTEGRATION_API.baseName()), cc.region(), calls.account,
                    action + " " + Function.INVOKE_TELEPHONY_INTEGRATION_API.nameFor(cc.callCenterApiName()));
            case OWN_CONNECT_USER -> {
                String userId = "AROAEXAMPLEAGENT0001:agent@example.com";
                yield calls.on(action, onlyArn(target, cc).replace("${aws:userid}", userId), cc.region(), calls.account,
                        action + " the agent's own user").with("aws:userid", userId);
            }
            case ROLE, CONNECT_SERVICE_LINKED_ROLES, SAML_PROVIDER, TRAIL -> {
                String resource = concrete(onlyArn(target, cc));
                yield calls.on(action, resource, home, calls.account, action + " " + target);
            }
            case STACKS -> calls.on(action, concrete(onlyArn(target, cc)), home, calls.account, action + " " + target);
            case TENANT_BUCKET, TENANT_OBJECTS, CTR_STREAM, CONTACTS, PARAMETER, FUNCTION_ALIAS, SALESFORCE_SECRET,
                    CONTACT_LENS_STREAM -> request(action, target, cc, null);
            default -> {
                String resource = concrete(onlyArn(target, cc));
                yield calls.on(action, resource, cc.region(), calls.account, action + " " + target);
            }
        };
    }

    /** One log stream of the log group {@code logStreamsArn} ({@code …:log-group:<name>:*}) names. */
    private static String logStreamOf(String logStreamsArn) {
        return logStreamsArn.substring(0, logStreamsArn.length() - 1) + "log-stream:2026/11/21/[$LATEST]0a1b2c";
    }

    /** The request a declared call makes on one concrete resource of its target. */
    private static Call request(String action, Target target, ContactCenterConfig cc, Function function) {
        return switch (target.kind()) {
            case PARAMETER -> calls.ssm(action, cc, Parameter.valueOf(target.detail()));
            case FUNCTION_ALIAS -> {
                Function callee = Function.valueOf(target.detail());
                yield calls.invoke(calls.aliasArn(cc, callee), cc.region(),
                        callee.nameFor(cc.callCenterApiName()) + ":" + ScvNames.ACTIVE_ALIAS);
            }
            case CTR_STREAM -> calls.kinesis(action, cc);
            case CONTACT_LENS_STREAM -> calls.on(action, onlyArn(target, cc), cc.region(), calls.account,
                    ScvNames.contactLensStream(cc.callCenterApiName(), calls.account));
            case CONTACTS -> calls.connectContact(action, cc);
            case TENANT_BUCKET -> calls.onTenantBucket(action, cc);
            case TENANT_OBJECTS -> calls.onTenantObject(action, cc, concrete(target.detail() + "*"));
            case LIVE_MEDIA_STREAMS, TRANSCRIPTION_JOBS -> {
                String resource = concrete(onlyArn(target, cc));
                yield calls.on(action, resource, cc.region(), calls.account, resource);
            }
            case LOG_STREAMS -> calls.logs(action, cc, function);
            case FAILURE_QUEUE -> calls.sendToFailureQueue(cc);
            case SALESFORCE_SECRET -> calls.secret(action, cc);
            case NO_RESOURCE_LEVEL_PERMISSIONS -> calls.withoutResource(action, cc);
            default -> throw new IllegalStateException("no request model for a call on " + target
                    + ": add one to this test when a deployed function declares it");
        };
    }

    /** The target's one ARN pattern in {@code cc}. */
    private static String onlyArn(Target target, ContactCenterConfig cc) {
        return target.arns(dev.scvcdk.policies.ScvArns.forTenant(app.config), cc).get(0);
    }

    /**
     * A concrete name matching an ARN, key or condition pattern: each {@code *} becomes a made-up contact-id-like
     * segment, so the request names one resource the runtime would name.
     */
    private static String concrete(String pattern) {
        return pattern.replace("*", "2026/11/21/8d5c2f2e-1b7a-4c3e-9f0d-3a2b1c0d9e8f");
    }

    /** The KMS request the target's service makes for the caller: the key named by alias, the resource by context. */
    private static Call keyRequest(String kmsAction, KeyUse use, Target target, ContactCenterConfig cc) {
        if (use.key() == TenantKey.AWS_SSM) {
            return calls.awsManagedSsmKey(kmsAction, cc, Parameter.valueOf(target.detail()));
        }
        String resource = target.arns(dev.scvcdk.policies.ScvArns.forTenant(app.config), cc).get(0);
        Map<String, String> context = switch (use.service()) {
            case "ssm" -> Map.of("PARAMETER_ARN", resource);
            case "secretsmanager" -> Map.of("SecretARN", calls.credentialsSecretArn(cc));
            case "sqs" -> Map.of("aws:sqs:arn", resource);
            case "kinesis" -> Map.of("aws:kinesis:arn", resource);
            case "s3" -> Map.of("aws:s3:arn", concrete(resource));
            default -> Map.of();
        };
        return calls.kms(kmsAction, cc, use.key().alias(cc.callCenterApiName()), use.service(), context);
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
                        .filter(r -> !r.equals(cc.region())).findFirst().orElse(anotherRegion(cc.region()));
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

    // --- the tests -------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyFunctionCanMakeTheCallsItsHandlerMakes() {
        return tests("allowed");
    }

    @TestFactory
    Stream<DynamicTest> everyRoleSalesforceOrAServiceAssumesCanMakeItsDeclaredCalls() {
        return tests("principals");
    }

    @TestFactory
    Stream<DynamicTest> everyActionDeclaredOnSeveralKindsOfResourceIsAllowedWhereverItApplies() {
        return ANY_TARGET.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            List<Result> decided = e.getValue().stream().map(x -> results.get(x.request().id())).toList();
            List<String> denied = new ArrayList<>();
            for (int i = 0; i < decided.size(); i++) {
                if (!"Allowed".equals(decided.get(i).decision()) && !"Error".equals(decided.get(i).decision())) {
                    denied.add(e.getValue().get(i).report(decided.get(i)));
                }
            }
            assertThat(denied).as("denied where the action applies").isEmpty();
            String limit = EVALUATOR_WITHOUT_RESOURCE_TYPES.stream().filter(a -> e.getKey().contains(" " + a + " "))
                    .findFirst().orElse(null);
            if (limit != null) {
                // the evaluator knows no resource type for it: every request is refused as such, none decided
                assertThat(decided).as(e.getKey() + ": remove " + limit + " from EVALUATOR_WITHOUT_RESOURCE_TYPES")
                        .allMatch(r -> "Error".equals(r.decision())
                                && r.explanation().toString().contains("no.resource.types"));
                return;
            }
            assertThat(decided).as(e.getKey()).anyMatch(r -> "Allowed".equals(r.decision()));
        }));
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
        expectation.check(results.get(expectation.request().id()));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void allow(List<Expectation> list, RolePolicies role, Call call) {
        list.add(Expectation.allow(calls, role, call));
    }

    private static void deny(List<Expectation> list, RolePolicies role, Call call) {
        list.add(Expectation.deny(calls, role, call));
    }

    /** A region of the tenant's partition other than {@code region}. */
    private static String anotherRegion(String region) {
        List<String> candidates = "aws-us-gov".equals(calls.partition) ? List.of("us-gov-east-1", "us-gov-west-1")
                : List.of("ap-southeast-2", "ca-central-1");
        return candidates.stream().filter(r -> !r.equals(region)).findFirst().orElseThrow();
    }

    private static String platformKeyAlias(ContactCenterConfig cc) {
        return "alias/" + cc.callCenterApiName() + "ScvPlatformKey";
    }
}
