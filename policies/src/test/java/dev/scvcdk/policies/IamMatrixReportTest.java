package dev.scvcdk.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IamMatrixReportTest {

    @Test
    void hasOneRowPerRoleOfTheAccountAndOfEachContactCenter() {
        String report = IamMatrixReport.markdown(TestTenants.example());

        long rows = report.lines().filter(l -> l.startsWith("| SCV") || l.startsWith("| acme")).count();
        assertThat(rows).isEqualTo(22 + 3 * 2);
        assertThat(report).startsWith("| Role | Trust | Managed policies | Distinct actions |");
    }

    @Test
    void showsTrustManagedPoliciesAndTheDistinctActionCount() {
        String report = IamMatrixReport.markdown(TestTenants.example());

        // HandleContactEvents: invoke (managed) + 2 log + 2 trace + SendMessage + 2 KMS actions for the queue
        assertThat(report).contains(
                "| SCVHandleContactEventsRole | service `lambda.amazonaws.com` | SCVLambdaAccessPolicy | 8 |");
        // kvsConsumerTrigger is deployed under realtimeTranscription: where it is off everywhere, it may do nothing
        assertThat(IamMatrixReport.markdown(TestTenants.noFeatures()))
                .contains("| SCVKvsConsumerTriggerRole | service `lambda.amazonaws.com` | — | 0 |");
        assertThat(report).contains("| SCVTrailLogGroupRole | service `cloudtrail.amazonaws.com` for account "
                + "`111122223333` and `arn:aws:cloudtrail:us-east-1:111122223333:trail/scvBYOACloudTrail` | — | 2 |");
        assertThat(report).contains("| SCVTenantBucketWriteAccessRole | Salesforce account 793525387755 with "
                + "sts:ExternalId | SCVS3AccessPolicy | 4 |");
        assertThat(report).contains("| acmesales-SAMLRole | SAML federation, saml:aud "
                + "https://signin.aws.amazon.com/saml | — | 1 |");
    }

    @Test
    void countsActionsOfAttachedManagedPoliciesOnce() {
        // GIVEN the CTR role: inline logs/queue/traces plus three managed policies
        Map<String, ManagedPolicySpec> policies = IamMatrix.managedPolicies(TestTenants.example()).stream()
                .collect(Collectors.toMap(ManagedPolicySpec::name, p -> p));
        RoleSpec ctr = IamMatrix.accountRole(TestTenants.example(), RoleNames.CTR_DATA_SYNC);

        // THEN kms:Decrypt, granted inline (failure queue) and by SCVKMSAccessPolicy, counts once
        assertThat(IamMatrixReport.allowedActions(ctr, policies)).containsExactlyInAnyOrder(
                "logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage", "kms:GenerateDataKey", "kms:Decrypt",
                "xray:PutTraceSegments", "xray:PutTelemetryRecords", "lambda:InvokeFunction",
                "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
                "kinesis:GetShardIterator", "kinesis:ListShards");
    }

    @Test
    void namesTheScvRolesNotCreatedWithTheirReasons() {
        String report = IamMatrixReport.markdown(TestTenants.example());

        assertThat(report).contains("- SCVIDPLambdaRole: ").contains("SAML provider is a native");
        assertThat(report).contains("- SCVRetentionPeriodFunctionRole: ").contains("carries its retention");
    }
}
