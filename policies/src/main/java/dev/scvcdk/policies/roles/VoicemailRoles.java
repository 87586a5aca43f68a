package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.LAMBDA;
import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.ManagedPolicies;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CommonGrants;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;

/** Roles of voicemail: capture from live media, transcription, packaging, and Salesforce's access. */
public final class VoicemailRoles {
    private final TenantResources res;
    private final CommonGrants grants;

    public VoicemailRoles(TenantResources res) {
        this.res = res;
        this.grants = new CommonGrants(res);
    }

    public List<RoleSpec> all() {
        return RoleSpecs.withTraces(grants,
                List.of(audioProcessing(), packaging(), transcribe(), tenantBucketWriteAccess()));
    }

    RoleSpec audioProcessing() {
        List<Statement> inline = new ArrayList<>(StreamRoles.readLiveMedia(res, grants));
        inline.add(Statements.allow("WriteVoicemailAudio")
                .actions("s3:PutObject")
                .resources(res.tenantObjects(ScvNames.VOICEMAIL_PREFIX))
                .build());
        inline.add(grants.tenantBucketKey("EncryptVoicemailAudio", true));
        inline.add(grants.ownLogs(Function.VOICEMAIL_AUDIO_PROCESSING));
        inline.addAll(grants.failureQueue());
        return role(RoleNames.VOICEMAIL_AUDIO_PROCESSING,
                "VoiceMailAudioProcessingFunction: capture voicemail audio from live media into the tenant bucket.",
                LAMBDA, inline,
                List.of(ManagedPolicies.KINESIS_DATA_STREAM_ACCESS, ManagedPolicies.KMS_ACCESS));
    }

    RoleSpec packaging() {
        List<Statement> inline = new ArrayList<>();
        inline.add(Statements.allow("TagVoicemailObjects")
                .actions("s3:GetObjectTagging", "s3:PutObjectTagging")
                .resources(res.tenantObjects(ScvNames.VOICEMAIL_PREFIX))
                .build());
        inline.add(Statements.allow("ReadAndDeleteVoicemailTranscriptions")
                .actions("transcribe:GetTranscriptionJob", "transcribe:DeleteTranscriptionJob")
                .resources(transcriptionJobs())
                .build());
        inline.add(grants.ownLogs(Function.VOICEMAIL_PACKAGING));
        inline.addAll(grants.failureQueue());
        return role(RoleNames.VOICEMAIL_PACKAGING,
                "VoiceMailPackagingFunction: package a transcribed voicemail and hand it to an Omni flow.",
                LAMBDA, inline,
                List.of(ManagedPolicies.S3_ACCESS, ManagedPolicies.AMAZON_CONNECT_ACCESS,
                        ManagedPolicies.SSM_ACCESS, ManagedPolicies.SECRETS_MANAGER_ACCESS));
    }

    RoleSpec transcribe() {
        List<Statement> inline = new ArrayList<>();
        inline.add(Statements.allow("TranscribeVoicemail")
                .actions("transcribe:StartTranscriptionJob", "transcribe:GetTranscriptionJob")
                .resources(transcriptionJobs())
                .build());
        inline.add(grants.ownLogs(Function.VOICEMAIL_TRANSCRIBE));
        inline.addAll(grants.failureQueue());
        return role(RoleNames.VOICEMAIL_TRANSCRIBE,
                "VoiceMailTranscribeFunction: transcribe voicemail recordings.",
                LAMBDA, inline,
                List.of(ManagedPolicies.S3_ACCESS, ManagedPolicies.AMAZON_CONNECT_ACCESS));
    }

    RoleSpec tenantBucketWriteAccess() {
        return role(RoleNames.TENANT_BUCKET_WRITE_ACCESS,
                "Salesforce: store and read objects under voicemailmessages/ of the tenant buckets.",
                RoleSpecs.salesforce(res), List.of(), List.of(ManagedPolicies.S3_ACCESS));
    }

    private List<String> transcriptionJobs() {
        return res.regions().stream()
                .map(region -> res.arns().regional("transcribe", region, "transcription-job/*"))
                .toList();
    }
}
