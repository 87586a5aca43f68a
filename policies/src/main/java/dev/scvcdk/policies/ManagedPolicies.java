package dev.scvcdk.policies;

import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CommonGrants;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;

/**
 * The seven {@code /scv/} managed policies. Each is one capability several roles share whole; a
 * role that needs only part of one gets that part inline instead.
 */
public final class ManagedPolicies {
    public static final String SSM_ACCESS = "SCVSSMAccessPolicy";
    public static final String LAMBDA_ACCESS = "SCVLambdaAccessPolicy";
    public static final String KMS_ACCESS = "SCVKMSAccessPolicy";
    public static final String KINESIS_DATA_STREAM_ACCESS = "SCVKinesisDataStreamAccessPolicy";
    public static final String S3_ACCESS = "SCVS3AccessPolicy";
    public static final String AMAZON_CONNECT_ACCESS = "SCVAmazonConnectAccessPolicy";
    public static final String SECRETS_MANAGER_ACCESS = "SCVSecretsManagerAccessPolicy";

    /** Kinesis actions a stream consumer (Lambda event-source mapping) needs. */
    public static final List<String> KINESIS_READ_ACTIONS = List.of(
            "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
            "kinesis:GetShardIterator", "kinesis:ListShards");

    private ManagedPolicies() {
    }

    public static List<ManagedPolicySpec> all(TenantConfig config) {
        TenantResources res = new TenantResources(config);
        CommonGrants grants = new CommonGrants(res);
        return List.of(
                new ManagedPolicySpec(SSM_ACCESS,
                        "Read and decrypt the SCRT JWT private key parameter of every SCV contact center.",
                        grants.readParameters("ReadScrtPrivateKey", Parameter.SCRT_PRIVATE_KEY)),
                new ManagedPolicySpec(LAMBDA_ACCESS,
                        "Invoke the active alias of InvokeTelephonyIntegrationApiFunction of every SCV contact center.",
                        List.of(grants.invokeAlias("InvokeTelephonyIntegrationApi",
                                Function.INVOKE_TELEPHONY_INTEGRATION_API))),
                new ManagedPolicySpec(KMS_ACCESS,
                        "Decrypt records of the SCV Kinesis data streams (keys aliased <cc>KvsKey, through Kinesis only).",
                        List.of(grants.keyByAlias("DecryptScvDataStreams", res.streamKeyAliases(), "kinesis",
                                "kms:Decrypt"))),
                new ManagedPolicySpec(KINESIS_DATA_STREAM_ACCESS,
                        "Consume the contact-record (CTR) streams of every SCV contact center.",
                        List.of(Statements.allow("ReadCtrStreams")
                                .actions(KINESIS_READ_ACTIONS)
                                .resources(res.ctrStreams())
                                .build())),
                new ManagedPolicySpec(S3_ACCESS,
                        "Read and write voicemail objects (voicemailmessages/) in every SCV tenant bucket.",
                        s3Voicemail(res, grants)),
                new ManagedPolicySpec(AMAZON_CONNECT_ACCESS,
                        "Update the attributes of contacts of the SCV Amazon Connect instances.",
                        List.of(Statements.allow("UpdateContactAttributes")
                                .actions("connect:UpdateContactAttributes")
                                .resources(res.contacts())
                                .build())),
                new ManagedPolicySpec(SECRETS_MANAGER_ACCESS,
                        "Read the Salesforce org and certificate secret of every SCV contact center.",
                        grants.readSalesforceSecrets()));
    }

    private static List<Statement> s3Voicemail(TenantResources res, CommonGrants grants) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statements.allow("ReadWriteVoicemailObjects")
                .actions("s3:GetObject", "s3:PutObject")
                .resources(res.tenantObjects(ScvNames.VOICEMAIL_PREFIX))
                .build());
        statements.add(grants.tenantBucketKey("UseTenantBucketKey", true));
        return statements;
    }
}
