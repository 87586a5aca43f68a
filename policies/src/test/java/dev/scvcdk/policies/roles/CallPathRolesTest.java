package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.ManagedPolicies;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallPathRolesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    @Test
    void ctrDataSyncGetsStreamsKeysAndTelephonyInvokeThroughManagedPolicies() {
        assertThat(IamMatrix.accountRole(EXAMPLE, RoleNames.CTR_DATA_SYNC).managedPolicyNames())
                .containsExactlyInAnyOrder(ManagedPolicies.KINESIS_DATA_STREAM_ACCESS, ManagedPolicies.KMS_ACCESS,
                        ManagedPolicies.LAMBDA_ACCESS);
    }

    @Test
    void ctrDataSyncWritesOnlyItsOwnLogGroupInEachContactCenter() {
        Map<String, Object> logs = bySid(RoleJson.inline(EXAMPLE, RoleNames.CTR_DATA_SYNC), "WriteOwnLogs");

        assertThat(actions(logs)).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(resources(logs)).containsExactly(
                "arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/acmesupport-CTRDataSyncFunction:*",
                "arn:aws:logs:eu-west-2:111122223333:log-group:/aws/lambda/acmesales-CTRDataSyncFunction:*");
    }

    @Test
    void ctrDataSyncSendsFailedBatchesOnlyToTheFailureQueues() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.CTR_DATA_SYNC);
        List<String> queues = List.of("arn:aws:sqs:us-west-2:111122223333:acmesupport-SCVFailureQueue",
                "arn:aws:sqs:eu-west-2:111122223333:acmesales-SCVFailureQueue");

        assertThat(resources(bySid(inline, "SendToFailureQueue"))).containsExactlyElementsOf(queues);
        Map<String, Object> key = bySid(inline, "EncryptFailureQueueMessages");
        assertThat(condition(key, "StringEquals", "kms:EncryptionContext:aws:sqs:arn")).containsExactlyElementsOf(queues);
        assertThat(condition(key, "StringEquals", "kms:ViaService"))
                .containsExactly("sqs.us-west-2.amazonaws.com", "sqs.eu-west-2.amazonaws.com");
    }

    @Test
    void invokeSalesforceRestApiReadsItsParametersButWritesOnlyTheAccessToken() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.INVOKE_SALESFORCE_REST_API);

        assertThat(resources(bySid(inline, "ReadRestApiParameters"))).containsExactly(
                "arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-salesforce-rest-api-*",
                "arn:aws:ssm:eu-west-2:111122223333:parameter/acmesales-salesforce-rest-api-*");
        assertThat(condition(bySid(inline, "DecryptRestApiParameters"), "StringLike",
                "kms:EncryptionContext:PARAMETER_ARN")).containsExactly(
                "arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-salesforce-rest-api-*",
                "arn:aws:ssm:eu-west-2:111122223333:parameter/acmesales-salesforce-rest-api-*");
        assertThat(resources(bySid(inline, "CacheAccessToken"))).containsExactly(
                "arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-salesforce-rest-api-access-token",
                "arn:aws:ssm:eu-west-2:111122223333:parameter/acmesales-salesforce-rest-api-access-token");
        assertThat(inline).noneMatch(s -> actions(s).contains("ssm:PutParameter")
                && resources(s).stream().anyMatch(r -> r.toString().contains("scrt-jwt-auth-private-key")));
    }

    @Test
    void contactDataSyncDescribesContactsReadsContactLensOutputAndInvokesTheRestAlias() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.CONTACT_DATA_SYNC);

        assertThat(resources(bySid(inline, "DescribeContacts"))).containsExactly(
                "arn:aws:connect:us-west-2:111122223333:instance/" + TestTenants.SUPPORT_INSTANCE + "/contact/*",
                "arn:aws:connect:eu-west-2:111122223333:instance/" + TestTenants.SALES_INSTANCE + "/contact/*");
        assertThat(resources(bySid(inline, "ReadContactLensOutput"))).containsExactly(
                "arn:aws:s3:::acmesupport-111122223333-us-west-2-scv/Analysis/*",
                "arn:aws:s3:::acmesales-111122223333-eu-west-2-scv/Analysis/*");
        assertThat(condition(bySid(inline, "ListContactLensOutput"), "StringLike", "s3:prefix"))
                .containsExactly("Analysis/*");
        assertThat(resources(bySid(inline, "InvokeSalesforceRestApi"))).containsExactly(
                "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-InvokeSalesforceRestApiFunction:active",
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-InvokeSalesforceRestApiFunction:active");
    }

    @Test
    void realtimeAlertOnlyReadsConnectMetrics() {
        Map<String, Object> metrics = bySid(RoleJson.inline(EXAMPLE, RoleNames.REALTIME_ALERT), "ReadConnectMetrics");

        assertThat(actions(metrics)).allMatch(a -> a.toString().matches("connect:(Describe|List|Get).*"));
    }

    @Test
    void handleContactEventsInvokesTelephonyOnlyThroughTheLambdaPolicy() {
        assertThat(IamMatrix.accountRole(EXAMPLE, RoleNames.HANDLE_CONTACT_EVENTS).managedPolicyNames())
                .containsExactly(ManagedPolicies.LAMBDA_ACCESS);
        assertThat(RoleJson.inline(EXAMPLE, RoleNames.HANDLE_CONTACT_EVENTS))
                .noneMatch(s -> actions(s).contains("lambda:InvokeFunction"));
    }

    @Test
    void telephonyCallersReadTheScrtKeyFromEitherStore() {
        for (String role : List.of(RoleNames.INVOKE_TELEPHONY_INTEGRATION_API, RoleNames.POST_CALL_ANALYSIS_TRIGGER,
                RoleNames.KVS_TRANSCRIBER, RoleNames.CONTACT_LENS_CONSUMER, RoleNames.VOICEMAIL_PACKAGING)) {
            assertThat(IamMatrix.accountRole(EXAMPLE, role).managedPolicyNames()).as(role)
                    .contains(ManagedPolicies.SSM_ACCESS, ManagedPolicies.SECRETS_MANAGER_ACCESS);
        }
    }
}
