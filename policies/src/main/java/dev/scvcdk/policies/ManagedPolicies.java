package dev.scvcdk.policies;

import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.declarations.Call;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CallStatements;
import dev.scvcdk.policies.statements.CallStatements.Made;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seven {@code /scv/} managed policies SCV names, each a bundle of declared calls in every contact center.
 * A role gets one attached only when its own derived statements contain every statement of it, exactly (see
 * {@link dev.scvcdk.policies.roles.FunctionRoles}); otherwise it holds what it needs inline.
 */
public final class ManagedPolicies {
    public static final String SSM_ACCESS = "SCVSSMAccessPolicy";
    public static final String LAMBDA_ACCESS = "SCVLambdaAccessPolicy";
    public static final String KMS_ACCESS = "SCVKMSAccessPolicy";
    public static final String KINESIS_DATA_STREAM_ACCESS = "SCVKinesisDataStreamAccessPolicy";
    public static final String S3_ACCESS = "SCVS3AccessPolicy";
    public static final String AMAZON_CONNECT_ACCESS = "SCVAmazonConnectAccessPolicy";
    public static final String SECRETS_MANAGER_ACCESS = "SCVSecretsManagerAccessPolicy";

    /** Which statements of a bundle's calls the policy holds. */
    private enum Part { CALLS, KEYS, BOTH }

    private record Bundle(String name, String description, Part part, List<Call> calls) {
    }

    private static final List<Bundle> BUNDLES = List.of(
            new Bundle(SSM_ACCESS, "Read and decrypt the SCRT JWT private key parameter of every SCV contact center.",
                    Part.BOTH, List.of(FunctionContracts.READ_SCRT_PRIVATE_KEY)),
            new Bundle(LAMBDA_ACCESS,
                    "Invoke the active alias of InvokeTelephonyIntegrationApiFunction of every SCV contact center.",
                    Part.CALLS, List.of(FunctionContracts.INVOKE_TELEPHONY)),
            new Bundle(KMS_ACCESS,
                    "Decrypt records of the SCV Kinesis data streams (keys aliased <cc>KvsKey, through Kinesis only).",
                    Part.KEYS, List.of(FunctionContracts.READ_CTR_STREAMS)),
            new Bundle(KINESIS_DATA_STREAM_ACCESS, "Consume the contact-record (CTR) streams of every SCV contact center.",
                    Part.CALLS, List.of(FunctionContracts.READ_CTR_STREAMS)),
            new Bundle(S3_ACCESS, "Read and write voicemail objects (voicemailmessages/) in every SCV tenant bucket.",
                    Part.BOTH, List.of(FunctionContracts.READ_WRITE_VOICEMAIL)),
            new Bundle(AMAZON_CONNECT_ACCESS, "Update the attributes of contacts of the SCV Amazon Connect instances.",
                    Part.CALLS, List.of(FunctionContracts.UPDATE_CONTACT_ATTRIBUTES)),
            new Bundle(SECRETS_MANAGER_ACCESS,
                    "Read the Salesforce connected-app credentials secret of every SCV contact center.",
                    Part.BOTH, List.of(FunctionContracts.READ_SALESFORCE_CREDENTIALS)));

    private ManagedPolicies() {
    }

    public static List<ManagedPolicySpec> all(TenantConfig config) {
        TenantResources res = new TenantResources(config);
        CallStatements derive = new CallStatements(res);
        return BUNDLES.stream().map(bundle -> {
            Set<String> callSids = bundle.calls().stream().map(Call::sid).collect(Collectors.toSet());
            List<Statement> statements = derive.statements(bundle.calls().stream()
                            .map(call -> new Made(call, res.contactCenters()))
                            .toList())
                    .stream()
                    .filter(s -> switch (bundle.part()) {
                        case CALLS -> callSids.contains(s.sid());
                        case KEYS -> !callSids.contains(s.sid());
                        case BOTH -> true;
                    })
                    .toList();
            return new ManagedPolicySpec(bundle.name(), bundle.description(), statements);
        }).toList();
    }
}
