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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.tests.Tenant;
import dev.scvcdk.tests.iam.Calls.Call;
import dev.scvcdk.tests.iam.IamSimulator.Result;
import dev.scvcdk.tests.iam.SynthesizedIam.NamedPolicy;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;

/**
 * The ways out of SCV's reach, asked of every role of each synthesized example app and of {@code SCVAnything}: a role
 * given {@code *:*} under the synthesized SCV permission boundary — what a role Salesforce's provisioning (or anyone
 * who may write SCV role policies) fills with more than SCV grants could do. Every attack is denied. The same
 * {@code *:*} role still makes SCV's own calls, so the boundary is a ceiling, not a wall.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Tenant.class)
class BoundaryAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An instance of the account that is not SCV's, in an SCV region. */
    private static final String OTHER_INSTANCE = "11111111-2222-4333-8444-555555555555";

    private static ExampleApp app;
    private static SynthesizedIam iam;
    private static Calls calls;
    private static RolePolicies anything;
    private static RolePolicies anythingDelivering;
    private static final Map<String, List<Expectation>> GROUPS = new LinkedHashMap<>();
    private static Map<String, Result> results;

    /** The tenant of this invocation; declaring it lets the static setup below receive it. */
    @org.junit.jupiter.params.Parameter
    Tenant tenant;

    @BeforeParameterizedClassInvocation
    static void evaluateEveryAttackInOneEvaluatorRun(Tenant tenant) {
        app = ExampleApp.get(tenant);
        GROUPS.clear();
        iam = new SynthesizedIam(app.config.partitionValue().id(), app.config.accountId(), app.stacks.values());
        calls = new Calls(app.config.partitionValue().id(), app.config.accountId(),
                ScvNames.accountStackRegion(app.config.partitionValue()), iam);
        anything = starRoleUnder(RoleNames.PROVISIONING, "SCVAnything");
        anythingDelivering = starRoleUnder(RoleNames.TRAIL_LOG_GROUP, "SCVAnythingUnderTheTrailDeliveryBoundary");
        List<RolePolicies> everyRole = new ArrayList<>(iam.roles().values());
        everyRole.add(anything);
        everyRole.add(anythingDelivering);
        GROUPS.put("attacks", attacks(everyRole));
        GROUPS.put("provisioning", provisioningAttacks());
        GROUPS.put("ceiling", callsTheStarRoleStillMakes());
        GROUPS.put("fixture", holesReopenedInAFixtureBoundary());
        results = IamSimulator.evaluate(GROUPS.values().stream().flatMap(List::stream).map(Expectation::request)
                .toList());
    }

    /**
     * {@code name}: identity policy Allow {@code *} on {@code *}, bounded by the synthesized boundary {@code bounded}
     * carries (the SCV boundary; CloudTrail's delivery role carries its own).
     */
    private static RolePolicies starRoleUnder(String bounded, String name) {
        List<NamedPolicy> boundary = iam.role(bounded).boundaryPolicies();
        JsonNode star = JSON.valueToTree(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Allow", "Action", "*", "Resource", "*"))));
        return new RolePolicies(name, calls.roleArn(name), "ScvAccountStack", name, false,
                List.of(new NamedPolicy("AllowEverything", star)), boundary);
    }

    /** CloudTrail's delivery role, or a role under its boundary: the only ones that may write the trail's log group. */
    private static boolean deliversTheTrail(RolePolicies role) {
        return role.boundaryPolicies().equals(iam.role(RoleNames.TRAIL_LOG_GROUP).boundaryPolicies());
    }

    /** A log stream CloudTrail writes in the trail's log group. */
    private static String trailLogStream() {
        return calls.arn("logs", calls.accountStackRegion, calls.account, "log-group:" + ScvNames.TRAIL_LOG_GROUP
                + ":log-stream:" + calls.account + "_CloudTrail_" + calls.accountStackRegion);
    }

    // --- the attacks -----------------------------------------------------------------------------------------

    private static List<Expectation> attacks(List<RolePolicies> roles) {
        String account = calls.account;
        String home = calls.accountStackRegion;
        String boundary = calls.boundaryArn();
        String admin = "arn:" + calls.partition + ":iam::aws:policy/AdministratorAccess";
        String cdkExecRole = "cdk-hnb659fds-cfn-exec-role-" + account + "-" + home;
        List<Expectation> list = new ArrayList<>();
        for (RolePolicies role : roles) {
            // Admin through IAM: new roles, policies without the boundary, other policies, other boundaries.
            deny(list, role, calls.iam("iam:CreateRole", "SCVAnything").with("iam:PermissionsBoundary", boundary)
                    .as("iam:CreateRole SCVAnything with the SCV boundary"));
            deny(list, role, calls.iam("iam:CreateRole", "Backdoor").as("iam:CreateRole Backdoor without a boundary"));
            deny(list, role, calls.iam("iam:PutRolePolicy", "Backdoor")
                    .as("iam:PutRolePolicy on Backdoor, a role without the SCV boundary"));
            deny(list, role, calls.iam("iam:PutRolePolicy", RoleNames.CTR_DATA_SYNC)
                    .with("iam:PermissionsBoundary", calls.arn("iam", "", account, "policy/Other"))
                    .as("iam:PutRolePolicy on an SCV role bounded by another policy"));
            deny(list, role, calls.iam("iam:AttachRolePolicy", RoleNames.CTR_DATA_SYNC)
                    .with("iam:PermissionsBoundary", boundary).with("iam:PolicyARN", admin)
                    .as("iam:AttachRolePolicy AdministratorAccess to " + RoleNames.CTR_DATA_SYNC));
            deny(list, role, calls.iam("iam:AttachRolePolicy", RoleNames.CTR_DATA_SYNC)
                    .with("iam:PermissionsBoundary", boundary)
                    .with("iam:PolicyARN", calls.arn("iam", "", account, "policy/Backdoor"))
                    .as("iam:AttachRolePolicy a customer policy outside /scv/ to " + RoleNames.CTR_DATA_SYNC));
            deny(list, role, calls.iam("iam:UpdateAssumeRolePolicy", RoleNames.CTR_DATA_SYNC));
            deny(list, role, calls.iam("iam:DeleteRolePermissionsBoundary", RoleNames.CTR_DATA_SYNC));
            deny(list, role, calls.iam("iam:PutRolePermissionsBoundary", RoleNames.CTR_DATA_SYNC)
                    .with("iam:PermissionsBoundary", admin).as("iam:PutRolePermissionsBoundary AdministratorAccess"));
            for (String action : List.of("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
                    "iam:DeletePolicyVersion", "iam:DeletePolicy")) {
                deny(list, role, calls.on(action, boundary, home, account, "the SCV boundary policy"));
            }
            deny(list, role, calls.on("iam:UpdateSAMLProvider", calls.arn("iam", "", account, "saml-provider/"
                    + ScvNames.samlProvider(app.config.salesforceOrgId())), home, account, "the Salesforce IdP"));
            // Passing roles: CDK's deployment role to CloudFormation, any other role, SCV's own (Salesforce does not
            // manage the functions in the example).
            deny(list, role, calls.iam("iam:PassRole", cdkExecRole)
                    .with("iam:PassedToService", "cloudformation.amazonaws.com").as("iam:PassRole " + cdkExecRole
                            + " to CloudFormation"));
            deny(list, role, calls.iam("iam:PassRole", "Backdoor").with("iam:PassedToService", "lambda.amazonaws.com")
                    .as("iam:PassRole Backdoor to Lambda"));
            deny(list, role, calls.iam("iam:PassRole", RoleNames.CTR_DATA_SYNC)
                    .with("iam:PassedToService", "lambda.amazonaws.com")
                    .as("iam:PassRole " + RoleNames.CTR_DATA_SYNC + " to Lambda"));
            deny(list, role, calls.iam("iam:PassRole", RoleNames.PROVISIONING)
                    .with("iam:PassedToService", "lambda.amazonaws.com")
                    .as("iam:PassRole " + RoleNames.PROVISIONING + " to Lambda"));
            // Stacks: neither SCV's nor any other.
            for (String stack : List.of("ScvAccountStack", "Backdoor")) {
                String arn = calls.arn("cloudformation", home, account, "stack/" + stack + "/0f1e2d3c");
                deny(list, role, calls.on("cloudformation:CreateStack", arn, home, account, stack));
                deny(list, role, calls.on("cloudformation:UpdateStack", arn, home, account, stack));
            }
            // The audit trail, its log group and its bucket.
            for (String action : List.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
                    "cloudtrail:PutEventSelectors")) {
                deny(list, role, calls.auditTrail(action));
            }
            String trailLogGroup = calls.arn("logs", home, account, "log-group:" + ScvNames.TRAIL_LOG_GROUP);
            for (String action : List.of("logs:DeleteLogGroup", "logs:PutSubscriptionFilter",
                    "logs:PutRetentionPolicy")) {
                deny(list, role, calls.on(action, trailLogGroup, home, account, ScvNames.TRAIL_LOG_GROUP));
            }
            if (!deliversTheTrail(role)) {
                // forged audit events: only CloudTrail's delivery role writes there
                for (String action : List.of("logs:CreateLogStream", "logs:PutLogEvents")) {
                    deny(list, role, calls.on(action, trailLogStream(), home, account, "a log stream of "
                            + ScvNames.TRAIL_LOG_GROUP));
                }
            }
            deny(list, role, calls.onAuditBucket("s3:DeleteObject", "AWSLogs/" + account + "/CloudTrail/log.json.gz"));
            deny(list, role, calls.onAuditBucket("s3:PutObject", "AWSLogs/" + account + "/CloudTrail/log.json.gz"));
            deny(list, role, calls.onAuditBucket("s3:PutBucketPolicy", null));
            deny(list, role, calls.onAuditBucket("s3:DeleteBucket", null));
            for (ContactCenterConfig cc : app.config.contactCenters()) {
                contactCenterAttacks(list, role, cc);
            }
        }
        return list;
    }

    private static void contactCenterAttacks(List<Expectation> list, RolePolicies role, ContactCenterConfig cc) {
        String account = calls.account;
        String region = cc.region();
        String name = cc.callCenterApiName();
        // Another application's data in the same account and region.
        deny(list, role, calls.on("secretsmanager:GetSecretValue",
                calls.arn("secretsmanager", region, account, "secret:payroll-db-Xy12Zw"), region, account,
                "payroll-db (another application's secret)"));
        deny(list, role, calls.ssmOn("ssm:GetParameter", region, account, "payroll/db-password"));
        deny(list, role, calls.on("s3:GetObject", "arn:" + calls.partition + ":s3:::payroll-exports-" + account
                + "/2026/salaries.csv", region, account, "another application's bucket object"));
        // A bucket of another account that only happens to match the tenant buckets' name pattern.
        deny(list, role, calls.putIntoLookalikeBucket(region));
        deny(list, role, calls.on("ds:ResetUserPassword", calls.arn("ds", region, account, "directory/d-9067a1b2c3"),
                region, account, "a Directory Service user"));
        // Another Connect instance.
        String other = calls.arn("connect", region, account, "instance/" + OTHER_INSTANCE);
        deny(list, role, calls.on("connect:UpdateInstanceAttribute", other, region, account, "another instance"));
        deny(list, role, calls.on("connect:DescribeUser", other + "/agent/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                region, account, "a user of another instance"));
        deny(list, role, calls.on("connect:UpdateContactAttributes", other + "/contact/0a1b2c3d-4e5f-4a6b-8c7d-9e0f"
                + "1a2b3c4d", region, account, "a contact of another instance"));
        deny(list, role, calls.on("connect:DeleteInstance", calls.arn("connect", region, account, "instance/"
                + cc.connectInstanceId()), region, account, "the SCV instance " + cc.connectInstanceAlias()));
        // Resource policies that open SCV resources to anyone or another account.
        String telephony = calls.functionArn(cc, Function.INVOKE_TELEPHONY_INTEGRATION_API);
        for (String principal : List.of("*", Calls.OTHER_ACCOUNT, "sns.amazonaws.com")) {
            deny(list, role, calls.on("lambda:AddPermission", telephony, region, account, name
                    + "-InvokeTelephonyIntegrationApiFunction for " + principal).with("lambda:Principal", principal)
                    .with("aws:ResourceTag/" + ScvNames.FUNCTION_TAG, name));
        }
        deny(list, role, calls.on("sqs:SetQueueAttributes", calls.failureQueueArn(cc), region, account,
                ScvNames.failureQueue(name)));
        deny(list, role, calls.on("sqs:AddPermission", calls.failureQueueArn(cc), region, account,
                ScvNames.failureQueue(name)));
        deny(list, role, calls.onTenantBucket("s3:PutBucketPolicy", cc));
        deny(list, role, calls.onKey("kms:PutKeyPolicy", cc, ScvNames.kvsKeyAlias(name)));
        // Event-source mappings of any function but SCV's stream consumers (the boundary names them exactly).
        mappingAttacks(list, role, cc);
        // Policies of service-linked roles other than Connect's per-instance ones.
        for (String linked : List.of("aws-service-role/elasticloadbalancing.amazonaws.com/"
                + "AWSServiceRoleForElasticLoadBalancing", "aws-service-role/connect.amazonaws.com/"
                + "AWSServiceRoleForAmazonConnectSynchronization_1a2b3c")) {
            deny(list, role, calls.iam("iam:PutRolePolicy", linked).as("iam:PutRolePolicy on " + linked));
        }
        deny(list, role, calls.secret("secretsmanager:PutResourcePolicy", cc));
        deny(list, role, calls.kinesis("kinesis:PutResourcePolicy", cc));
        // Running other code as a function role: replacing SCV function code or configuration.
        String ctr = calls.functionArn(cc, Function.CTR_DATA_SYNC);
        for (String action : List.of("lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration")) {
            deny(list, role, calls.on(action, ctr, region, account, Function.CTR_DATA_SYNC.nameFor(name))
                    .with("aws:ResourceTag/" + ScvNames.FUNCTION_TAG, name));
        }
        // A rule sending contact events anywhere but this account's functions.
        String rule = calls.arn("events", region, account, "rule/" + ScvNames.contactEventsRule(name));
        deny(list, role, calls.on("events:PutTargets", rule, region, account, ScvNames.contactEventsRule(name)
                + " targeting a function of account " + Calls.OTHER_ACCOUNT).with("events:TargetArn", List.of(
                        calls.arn("lambda", region, Calls.OTHER_ACCOUNT, "function:collector"))));
        deny(list, role, calls.on("events:PutTargets", rule, region, account, ScvNames.contactEventsRule(name)
                + " targeting an SNS topic").with("events:TargetArn", List.of(
                        calls.arn("sns", region, account, "exfiltrate"))));
    }

    /** Mapping a stream to {@code <cc>-payroll}, a function of the account that is not SCV's, or changing such a mapping. */
    private static void mappingAttacks(List<Expectation> list, RolePolicies role, ContactCenterConfig cc) {
        for (Call attack : mappingAttacksOn(cc)) {
            deny(list, role, attack);
        }
    }

    private static List<Call> mappingAttacksOn(ContactCenterConfig cc) {
        String name = cc.callCenterApiName();
        String payroll = calls.arn("lambda", cc.region(), calls.account, "function:" + name + "-payroll");
        String mapping = calls.arn("lambda", cc.region(), calls.account,
                "event-source-mapping:5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a");
        return List.of(
                calls.on("lambda:CreateEventSourceMapping", "*", cc.region(), calls.account, "for " + name
                        + "-payroll").with("lambda:FunctionArn", payroll),
                calls.on("lambda:UpdateEventSourceMapping", mapping, cc.region(), calls.account, "a mapping of "
                        + name + "-payroll").with("lambda:FunctionArn", payroll),
                calls.on("lambda:DeleteEventSourceMapping", mapping, cc.region(), calls.account, "a mapping of "
                        + name + "-payroll").with("lambda:FunctionArn", payroll));
    }

    /**
     * The same attacks under a non-compliant fixture: the synthesized boundary with its mapping statement's
     * {@code lambda:FunctionArn} condition dropped and its service-linked-role statement widened to every service's
     * roles. The star role then succeeds, so the attacks above are seen to fail for the reason they test.
     */
    private static List<Expectation> holesReopenedInAFixtureBoundary() {
        JsonNode document = anything.boundaryPolicies().get(0).document().deepCopy();
        for (JsonNode statement : document.path("Statement")) {
            String sid = statement.path("Sid").asText();
            if (sid.equals("ScvEventSourceMappings")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) statement).remove("Condition");
            }
            if (sid.equals("ConnectLinkedRolePolicy")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) statement).put("Resource",
                        calls.roleArn("aws-service-role/*"));
            }
            if (sid.equals("ScvResources")) {
                // the trail's log group back among the SCV resources, and any account's look-alike buckets
                ((com.fasterxml.jackson.databind.node.ArrayNode) statement.path("Resource")).add(calls.arn("logs",
                        calls.accountStackRegion, calls.account, "log-group:" + ScvNames.TRAIL_LOG_GROUP + ":*"));
                ((com.fasterxml.jackson.databind.node.ObjectNode) statement.path("Condition"))
                        .remove("StringEqualsIfExists");
            }
        }
        RolePolicies fixture = new RolePolicies("SCVAnythingUnderAFixture", calls.roleArn("SCVAnythingUnderAFixture"),
                "ScvAccountStack", "SCVAnythingUnderAFixture", false, anything.identityPolicies(),
                List.of(new NamedPolicy("non-compliant fixture boundary", document)));
        List<Expectation> list = new ArrayList<>();
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            for (Call attack : mappingAttacksOn(cc)) {
                allow(list, fixture, attack);
            }
        }
        allow(list, fixture, calls.iam("iam:PutRolePolicy", "aws-service-role/elasticloadbalancing.amazonaws.com/"
                + "AWSServiceRoleForElasticLoadBalancing").as("iam:PutRolePolicy on ELB's service-linked role"));
        allow(list, fixture, calls.on("logs:PutLogEvents", trailLogStream(), calls.accountStackRegion, calls.account,
                "a log stream of " + ScvNames.TRAIL_LOG_GROUP));
        allow(list, fixture, calls.putIntoLookalikeBucket(app.config.contactCenters().get(0).region()));
        return list;
    }

    /** What only the provisioning role's own grants narrow (the boundary leaves them to the SCV name space). */
    private static List<Expectation> provisioningAttacks() {
        List<Expectation> list = new ArrayList<>();
        RolePolicies provisioning = iam.role(RoleNames.PROVISIONING);
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            String name = cc.callCenterApiName();
            String region = cc.region();
            String payroll = calls.arn("lambda", region, calls.account, "function:" + name + "-payroll");
            deny(list, provisioning, calls.on("lambda:CreateEventSourceMapping", "*", region, calls.account,
                    "for " + name + "-payroll").with("lambda:FunctionArn", payroll));
            deny(list, provisioning, calls.on("lambda:UpdateEventSourceMapping", calls.arn("lambda", region,
                    calls.account, "event-source-mapping:5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"), region, calls.account,
                    "a mapping of " + name + "-payroll").with("lambda:FunctionArn", payroll));
            deny(list, provisioning, calls.on("events:PutTargets", calls.arn("events", region, calls.account, "rule/"
                    + ScvNames.contactEventsRule(name)), region, calls.account, ScvNames.contactEventsRule(name)
                    + " targeting " + name + "-payroll").with("events:TargetArn", List.of(payroll)));
            allow(list, provisioning, calls.on("events:PutTargets", calls.arn("events", region, calls.account, "rule/"
                    + ScvNames.contactEventsRule(name)), region, calls.account, ScvNames.contactEventsRule(name)
                    + " targeting its handler's active alias").with("events:TargetArn",
                            List.of(calls.aliasArn(cc, Function.HANDLE_CONTACT_EVENTS))));
            allow(list, provisioning, calls.on("lambda:AddPermission", calls.functionArn(cc,
                    Function.INVOKE_TELEPHONY_INTEGRATION_API), region, calls.account, "for Amazon Connect")
                    .with("lambda:Principal", "connect.amazonaws.com")
                    .with("aws:ResourceTag/" + ScvNames.FUNCTION_TAG, name));
        }
        return list;
    }

    /** SCV's own calls, made by the {@code *:*} role: the boundary lets them through. */
    private static List<Expectation> callsTheStarRoleStillMakes() {
        List<Expectation> list = new ArrayList<>();
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            String name = cc.callCenterApiName();
            allow(list, anything, calls.ssm("ssm:GetParameter", cc, Parameter.SCRT_PRIVATE_KEY));
            allow(list, anything, calls.invoke(calls.aliasArn(cc, Function.INVOKE_TELEPHONY_INTEGRATION_API),
                    cc.region(), name + "-InvokeTelephonyIntegrationApiFunction:active"));
            allow(list, anything, calls.kinesis("kinesis:GetRecords", cc));
            allow(list, anything, calls.secret("secretsmanager:GetSecretValue", cc));
            allow(list, anything, calls.logs("logs:PutLogEvents", cc, Function.CTR_DATA_SYNC));
            allow(list, anything, calls.connectContact("connect:UpdateContactAttributes", cc));
            allow(list, anything, calls.onTenantObject("s3:GetObject", cc, ScvNames.RECORDINGS_PREFIX + "call.wav"));
        }
        allow(list, anything, calls.iam("iam:PutRolePolicy", RoleNames.CTR_DATA_SYNC)
                .with("iam:PermissionsBoundary", calls.boundaryArn()).as("iam:PutRolePolicy on "
                        + RoleNames.CTR_DATA_SYNC + ", which keeps the SCV boundary"));
        allow(list, anything, calls.auditTrail("cloudtrail:GetTrailStatus"));
        for (String action : List.of("logs:CreateLogStream", "logs:PutLogEvents")) {
            allow(list, anythingDelivering, calls.on(action, trailLogStream(), calls.accountStackRegion, calls.account,
                    "a log stream of " + ScvNames.TRAIL_LOG_GROUP));
        }
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            allow(list, anything, calls.on("lambda:CreateEventSourceMapping", "*", cc.region(), calls.account,
                    "for " + cc.callCenterApiName() + "'s CTR consumer").with("lambda:FunctionArn",
                            calls.aliasArn(cc, Function.CTR_DATA_SYNC)));
        }
        allow(list, anything, calls.iam("iam:PutRolePolicy", "aws-service-role/connect.amazonaws.com/"
                + "AWSServiceRoleForAmazonConnect_1a2b3c").as("iam:PutRolePolicy on a Connect instance's "
                + "service-linked role"));
        return list;
    }

    // --- the tests -------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> noRoleAndNoStarRoleUnderTheBoundaryCanLeaveScvsReach() {
        return tests("attacks");
    }

    @TestFactory
    Stream<DynamicTest> provisioningMapsAndTargetsOnlyScvFunctions() {
        return tests("provisioning");
    }

    @TestFactory
    Stream<DynamicTest> aStarRoleUnderTheBoundaryStillMakesScvsCalls() {
        return tests("ceiling");
    }

    @TestFactory
    Stream<DynamicTest> underANonCompliantFixtureBoundaryTheMappingLinkedRoleTrailLogAndLookalikeBucketAttacksSucceed() {
        return tests("fixture");
    }

    @Test
    void everyRoleOfTheAppIsAnScvRoleAndCarriesTheSynthesizedBoundaryOrCloudTrailsDeliveryBoundary() {
        // GIVEN the synthesized app THEN no role is one CDK names itself (no helper roles to bound), and the
        // boundary the star role is evaluated with is the one every role carries but CloudTrail's delivery role,
        // which carries the boundary the second star role is evaluated with
        assertThat(iam.roles().values()).noneMatch(RolePolicies::generatedName);
        assertThat(iam.roles().values()).allSatisfy(role -> assertThat(role.boundaryPolicies())
                .as(role.roleName()).isEqualTo(role.roleName().equals(RoleNames.TRAIL_LOG_GROUP)
                        ? anythingDelivering.boundaryPolicies() : anything.boundaryPolicies()));
        assertThat(anything.boundaryPolicies()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo(calls.boundaryArn()));
        assertThat(anythingDelivering.boundaryPolicies()).singleElement().satisfies(p -> assertThat(p.name())
                .isEqualTo(calls.arn("iam", "", calls.account, "policy/scv/" + ScvNames.TRAIL_DELIVERY_BOUNDARY_POLICY_NAME)));
    }

    private static Stream<DynamicTest> tests(String group) {
        return GROUPS.get(group).stream().map(e -> DynamicTest.dynamicTest(e.title(), () -> check(e)));
    }

    private static void check(Expectation expectation) {
        expectation.check(results.get(expectation.request().id()));
    }

    private static void allow(List<Expectation> list, RolePolicies role, Call call) {
        list.add(Expectation.allow(calls, role, call));
    }

    private static void deny(List<Expectation> list, RolePolicies role, Call call) {
        list.add(Expectation.deny(calls, role, call));
    }
}
