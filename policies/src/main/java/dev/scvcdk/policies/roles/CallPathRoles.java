package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.LAMBDA;
import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.ManagedPolicies;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CommonGrants;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;

/**
 * Roles of the call path: the functions that create and update VoiceCall records through SCRT
 * and the Salesforce REST API, and the ones that feed them.
 */
public final class CallPathRoles {
    private final TenantResources res;
    private final CommonGrants grants;

    public CallPathRoles(TenantResources res) {
        this.res = res;
        this.grants = new CommonGrants(res);
    }

    public List<RoleSpec> all() {
        return RoleSpecs.withTraces(grants, List.of(ctrDataSync(), contactDataSync(), postCallAnalysisTrigger(),
                invokeTelephonyIntegrationApi(), invokeSalesforceRestApi(), handleContactEvents(), realtimeAlert()));
    }

    RoleSpec ctrDataSync() {
        List<Statement> inline = new ArrayList<>();
        inline.add(grants.ownLogs(Function.CTR_DATA_SYNC));
        inline.addAll(grants.failureQueue());
        return role(RoleNames.CTR_DATA_SYNC,
                "CTRDataSyncFunction: read contact records from the CTR streams and update VoiceCall records.",
                LAMBDA, inline,
                List.of(ManagedPolicies.KINESIS_DATA_STREAM_ACCESS, ManagedPolicies.KMS_ACCESS,
                        ManagedPolicies.LAMBDA_ACCESS));
    }

    RoleSpec contactDataSync() {
        List<Statement> inline = new ArrayList<>();
        inline.add(describeContacts());
        inline.addAll(readContactLensOutput());
        inline.add(grants.invokeAlias("InvokeSalesforceRestApi", Function.INVOKE_SALESFORCE_REST_API));
        inline.add(grants.ownLogs(Function.CONTACT_DATA_SYNC));
        return role(RoleNames.CONTACT_DATA_SYNC,
                "ContactDataSyncFunction: backfill Contact Lens transcripts into Salesforce.",
                LAMBDA, inline, List.of());
    }

    RoleSpec postCallAnalysisTrigger() {
        List<Statement> inline = new ArrayList<>();
        inline.add(describeContacts());
        inline.addAll(readContactLensOutput());
        inline.add(grants.ownLogs(Function.POST_CALL_ANALYSIS_TRIGGER));
        inline.addAll(grants.failureQueue());
        return role(RoleNames.POST_CALL_ANALYSIS_TRIGGER,
                "PostCallAnalysisTriggerFunction: send Contact Lens post-call signals to Salesforce.",
                LAMBDA, inline,
                List.of(ManagedPolicies.SSM_ACCESS, ManagedPolicies.SECRETS_MANAGER_ACCESS));
    }

    RoleSpec invokeTelephonyIntegrationApi() {
        return role(RoleNames.INVOKE_TELEPHONY_INTEGRATION_API,
                "InvokeTelephonyIntegrationApiFunction: create and update VoiceCall records through SCRT.",
                LAMBDA, List.of(grants.ownLogs(Function.INVOKE_TELEPHONY_INTEGRATION_API)),
                List.of(ManagedPolicies.SSM_ACCESS, ManagedPolicies.SECRETS_MANAGER_ACCESS));
    }

    RoleSpec invokeSalesforceRestApi() {
        List<String> restParameters = res.parameterPatterns(Parameter.restApi().toArray(Parameter[]::new));
        List<String> accessToken = res.parameters(Parameter.REST_API_ACCESS_TOKEN);
        List<Statement> inline = new ArrayList<>();
        inline.add(Statements.allow("ReadRestApiParameters")
                .actions("ssm:GetParameter", "ssm:GetParameters")
                .resources(restParameters)
                .build());
        inline.add(grants.parameterKey("DecryptRestApiParameters", restParameters, "kms:Decrypt"));
        inline.add(Statements.allow("CacheAccessToken")
                .actions("ssm:PutParameter")
                .resources(accessToken)
                .build());
        inline.add(grants.parameterKey("EncryptAccessToken", accessToken, "kms:Encrypt", "kms:GenerateDataKey"));
        inline.add(grants.ownLogs(Function.INVOKE_SALESFORCE_REST_API));
        return role(RoleNames.INVOKE_SALESFORCE_REST_API,
                "InvokeSalesforceRestApiFunction: call the Salesforce REST API with the org's JWT bearer flow.",
                LAMBDA, inline, List.of(ManagedPolicies.SECRETS_MANAGER_ACCESS));
    }

    RoleSpec handleContactEvents() {
        List<Statement> inline = new ArrayList<>();
        inline.add(grants.ownLogs(Function.HANDLE_CONTACT_EVENTS));
        inline.addAll(grants.failureQueue());
        return role(RoleNames.HANDLE_CONTACT_EVENTS,
                "HandleContactEventsFunction: clear or reroute pending Omni flow routing on Connect contact events.",
                LAMBDA, inline, List.of(ManagedPolicies.LAMBDA_ACCESS));
    }

    RoleSpec realtimeAlert() {
        List<String> instancesAndQueues = new ArrayList<>(res.instances());
        instancesAndQueues.addAll(res.instanceResources("queue"));
        List<Statement> inline = new ArrayList<>();
        inline.add(Statements.allow("ReadConnectMetrics")
                .actions("connect:DescribeInstance", "connect:DescribeQueue", "connect:ListQueues",
                        "connect:GetCurrentMetricData", "connect:GetMetricDataV2")
                .resources(instancesAndQueues)
                .build());
        inline.add(grants.invokeAlias("InvokeSalesforceRestApi", Function.INVOKE_SALESFORCE_REST_API));
        inline.add(grants.ownLogs(Function.REALTIME_ALERT));
        return role(RoleNames.REALTIME_ALERT,
                "RealtimeAlert: publish SCV real-time alerts to Salesforce.",
                LAMBDA, inline, List.of());
    }

    private Statement describeContacts() {
        return Statements.allow("DescribeContacts")
                .actions("connect:DescribeContact")
                .resources(res.contacts())
                .build();
    }

    /** Contact Lens output: list under its prefix, read its objects, decrypt with the bucket key. */
    private List<Statement> readContactLensOutput() {
        return List.of(
                Statements.allow("ListContactLensOutput")
                        .actions("s3:ListBucket")
                        .resources(res.tenantBuckets())
                        .condition("StringLike", "s3:prefix", ScvNames.CONTACT_LENS_OUTPUT_PREFIX + "*")
                        .build(),
                Statements.allow("ReadContactLensOutput")
                        .actions("s3:GetObject")
                        .resources(res.tenantObjects(ScvNames.CONTACT_LENS_OUTPUT_PREFIX))
                        .build(),
                grants.tenantBucketKey("DecryptTenantBucket", false));
    }
}
