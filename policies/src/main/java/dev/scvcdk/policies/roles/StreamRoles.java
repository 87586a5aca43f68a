package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.LAMBDA;
import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.ManagedPolicies;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.statements.CommonGrants;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** Roles of real-time transcription: Connect live media (KVS) and the Contact Lens stream. */
public final class StreamRoles {
    /** Kinesis Video actions a live-media reader needs. */
    public static final List<String> LIVE_MEDIA_READ_ACTIONS = List.of(
            "kinesisvideo:DescribeStream", "kinesisvideo:GetDataEndpoint", "kinesisvideo:GetMedia",
            "kinesisvideo:ListFragments", "kinesisvideo:GetMediaForFragmentList");

    private final TenantResources res;
    private final CommonGrants grants;

    public StreamRoles(TenantResources res) {
        this.res = res;
        this.grants = new CommonGrants(res);
    }

    public List<RoleSpec> all() {
        return RoleSpecs.withTraces(grants,
                List.of(kvsTranscriber(), kvsConsumerTrigger(), contactLensConsumer(), contactLensStreaming()));
    }

    /** Reading the live-media streams of every instance, and decrypting them with the live-media key. */
    static List<PolicyStatement> readLiveMedia(TenantResources res, CommonGrants grants) {
        return List.of(
                Statements.allow("ReadLiveMediaStreams")
                        .actions(LIVE_MEDIA_READ_ACTIONS)
                        .resources(res.liveMediaStreams())
                        .build(),
                grants.keyByAlias("DecryptLiveMedia", res.liveMediaKeyAliases(), "kinesisvideo", "kms:Decrypt"));
    }

    RoleSpec kvsTranscriber() {
        List<PolicyStatement> inline = new ArrayList<>();
        inline.add(grants.wildcardOnly("TranscribeLiveAudio",
                "transcribe:StartStreamTranscription", "transcribe:StartMedicalStreamTranscription"));
        inline.addAll(readLiveMedia(res, grants));
        inline.add(grants.ownLogs(Function.KVS_TRANSCRIBER));
        inline.addAll(grants.failureQueue());
        return role(RoleNames.KVS_TRANSCRIBER,
                "kvsTranscriber: transcribe a call's live media and send the transcript to Salesforce.",
                LAMBDA, inline,
                List.of(ManagedPolicies.SSM_ACCESS, ManagedPolicies.SECRETS_MANAGER_ACCESS,
                        ManagedPolicies.AMAZON_CONNECT_ACCESS));
    }

    RoleSpec kvsConsumerTrigger() {
        return role(RoleNames.KVS_CONSUMER_TRIGGER,
                "kvsConsumerTrigger: start kvsTranscriber (asynchronously) for a contact's live media.",
                LAMBDA,
                List.of(grants.invokeAlias("InvokeKvsTranscriber", Function.KVS_TRANSCRIBER),
                        grants.ownLogs(Function.KVS_CONSUMER_TRIGGER)),
                List.of());
    }

    RoleSpec contactLensConsumer() {
        List<PolicyStatement> inline = new ArrayList<>();
        inline.add(Statements.allow("ReadContactLensStreams")
                .actions(ManagedPolicies.KINESIS_READ_ACTIONS)
                .resources(res.contactLensStreams())
                .build());
        inline.add(grants.invokeAlias("InvokeContactLensProcessor", Function.CONTACT_LENS_PROCESSOR));
        inline.add(grants.ownLogs(Function.CONTACT_LENS_CONSUMER, Function.CONTACT_LENS_PROCESSOR));
        inline.addAll(grants.failureQueue());
        return role(RoleNames.CONTACT_LENS_CONSUMER,
                "ContactLensConsumerFunction and ContactLensProcessorFunction: real-time Contact Lens transcripts.",
                LAMBDA, inline,
                List.of(ManagedPolicies.KMS_ACCESS, ManagedPolicies.SSM_ACCESS,
                        ManagedPolicies.SECRETS_MANAGER_ACCESS));
    }

    RoleSpec contactLensStreaming() {
        return role(RoleNames.CONTACT_LENS_STREAMING,
                "Amazon Connect: put Contact Lens real-time segments on the Contact Lens streams.",
                // Instance ids are UUIDs: each names one instance; the account is pinned by aws:SourceAccount.
                new Trust.Service("connect.amazonaws.com", res.arns().account(), res.contactCenters().stream()
                        .map(cc -> "arn:" + res.arns().partition() + ":connect:*:*:instance/" + cc.connectInstanceId())
                        .toList()),
                List.of(Statements.allow("PutContactLensRecords")
                                .actions("kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords")
                                .resources(res.contactLensStreams())
                                .build(),
                        grants.keyByAlias("EncryptContactLensRecords", res.streamKeyAliases(), "kinesis",
                                "kms:GenerateDataKey")),
                List.of());
    }
}
