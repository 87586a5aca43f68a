package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.ManagedPolicies;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoicemailRolesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    @Test
    void audioProcessingWritesTaggedRecordingsButCannotReadVoicemailObjects() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.VOICEMAIL_AUDIO_PROCESSING);

        Map<String, Object> write = bySid(inline, "WriteVoicemailRecordings");
        assertThat(actions(write)).containsExactly("s3:PutObject", "s3:PutObjectTagging");
        assertThat(resources(write)).containsExactly(
                "arn:aws:s3:::acmesupport-111122223333-us-west-2-scv/voicemail_recordings/*",
                "arn:aws:s3:::acmesales-111122223333-eu-west-2-scv/voicemail_recordings/*");
        assertThat(inline).noneMatch(s -> actions(s).contains("s3:GetObject"));
    }

    @Test
    void transcriptionJobsAreDeletedByRegionAndAccount() {
        Map<String, Object> delete = bySid(RoleJson.inline(EXAMPLE, RoleNames.VOICEMAIL_PACKAGING),
                "DeleteVoicemailTranscription");

        assertThat(resources(delete)).containsExactly(
                "arn:aws:transcribe:us-west-2:111122223333:transcription-job/*",
                "arn:aws:transcribe:eu-west-2:111122223333:transcription-job/*");
    }

    @Test
    void startingAJobIsBoundToTheTenantBucketsTranscriptsPrefixForTheActionHasNoResourceType() {
        Map<String, Object> start = bySid(RoleJson.inline(EXAMPLE, RoleNames.VOICEMAIL_TRANSCRIBE),
                "StartVoicemailTranscription");

        assertThat(resources(start)).containsExactly("*");
        assertThat(condition(start, "StringEquals", "transcribe:OutputBucketName")).containsExactly(
                "acmesupport-111122223333-us-west-2-scv", "acmesales-111122223333-eu-west-2-scv");
        assertThat(condition(start, "StringLike", "transcribe:OutputKey")).containsExactly("voicemail_transcripts/*");
        assertThat(condition(start, "StringEquals", "aws:RequestedRegion")).containsExactly("us-west-2", "eu-west-2");
    }

    @Test
    void packagingMayDeleteTranscriptionJobsButTranscribeMayNot() {
        assertThat(actions(bySid(RoleJson.inline(EXAMPLE, RoleNames.VOICEMAIL_PACKAGING),
                "DeleteVoicemailTranscription"))).containsExactly("transcribe:DeleteTranscriptionJob");
        assertThat(RoleJson.inline(EXAMPLE, RoleNames.VOICEMAIL_TRANSCRIBE))
                .noneMatch(s -> actions(s).contains("transcribe:DeleteTranscriptionJob"));
    }

    @Test
    void tenantBucketWriteAccessIsSalesforcesVoicemailAccessOnly() {
        RoleSpec role = IamMatrix.accountRole(EXAMPLE, RoleNames.TENANT_BUCKET_WRITE_ACCESS);

        assertThat(role.trust()).isEqualTo(new Trust.SalesforceAccount("793525387755", TestTenants.ORG));
        assertThat(role.managedPolicyNames()).containsExactly(ManagedPolicies.S3_ACCESS);
        assertThat(role.inlineStatements()).isEmpty();
    }
}
