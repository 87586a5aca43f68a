package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.PolicyJson;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.config.TenantConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactCenterRolesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    private static RoleSpec role(TenantConfig config, int contactCenter, String suffix) {
        return IamMatrix.contactCenterRoles(config, config.contactCenters().get(contactCenter)).stream()
                .filter(r -> r.roleName().endsWith(suffix))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void areNamedAfterTheCallCenter() {
        assertThat(IamMatrix.contactCenterRoles(EXAMPLE, TestTenants.sales())).extracting(RoleSpec::roleName)
                .containsExactly("acmesales-SAMLRole", "acmesales-ConnectCallRole", "acmesales-SCVS3Role");
    }

    @Test
    void samlRoleIsFederatedThroughTheOrgsProviderWithTheCommercialAudience() {
        assertThat(role(EXAMPLE, 0, "-SAMLRole").trust()).isEqualTo(new Trust.SamlFederation(
                "arn:aws:iam::111122223333:saml-provider/SalesforceServiceVoiceIdp_00D5g000004ExAm",
                "https://signin.aws.amazon.com/saml"));
    }

    @Test
    void samlRoleInGovCloudUsesTheGovPartitionAndAudience() {
        assertThat(role(TestTenants.gov(), 0, "-SAMLRole").trust()).isEqualTo(new Trust.SamlFederation(
                "arn:aws-us-gov:iam::111122223333:saml-provider/SalesforceServiceVoiceIdp_00D5g000004ExAm",
                "https://signin.amazonaws-us-gov.com/saml"));
    }

    @Test
    void samlRoleMayOnlyGetAFederationTokenForItsOwnUser() {
        List<Map<String, Object>> inline = PolicyJson.render(role(EXAMPLE, 0, "-SAMLRole").inlineStatements());

        assertThat(inline).hasSize(1);
        assertThat(actions(inline.get(0))).containsExactly("connect:GetFederationToken");
        assertThat(resources(inline.get(0))).containsExactly("arn:aws:connect:us-west-2:111122223333:instance/"
                + TestTenants.SUPPORT_INSTANCE + "/user/${aws:userid}");
    }

    @Test
    void connectCallRoleSuspendsAndResumesRecordingOfThisInstanceOnly() {
        Map<String, Object> recording = bySid(PolicyJson.render(role(EXAMPLE, 1, "-ConnectCallRole").inlineStatements()),
                "PauseAndResumeRecording");

        assertThat(actions(recording)).containsExactly("connect:SuspendContactRecording",
                "connect:ResumeContactRecording");
        assertThat(resources(recording)).containsExactly("arn:aws:connect:eu-west-2:111122223333:instance/"
                + TestTenants.SALES_INSTANCE + "/contact/*");
    }

    @Test
    void s3RoleReadsThisContactCentersRecordingsForUpToFourHours() {
        RoleSpec s3 = role(EXAMPLE, 0, "-SCVS3Role");
        List<Map<String, Object>> inline = PolicyJson.render(s3.inlineStatements());

        assertThat(s3.maxSession()).isEqualTo(Duration.ofHours(4));
        assertThat(resources(bySid(inline, "ReadRecordings")))
                .containsExactly("arn:aws:s3:::acmesupport-111122223333-us-west-2-scv/recordings/*");
        Map<String, Object> decrypt = bySid(inline, "DecryptWithBucketKeyViaS3");
        assertThat(condition(decrypt, "ForAnyValue:StringEquals", "kms:ResourceAliases"))
                .containsExactly("alias/acmesupportTenantBucketKey");
        assertThat(condition(decrypt, "StringEquals", "kms:ViaService")).containsExactly("s3.us-west-2.amazonaws.com");
        assertThat(resources(decrypt)).containsExactly("arn:aws:kms:*:111122223333:key/*");
    }

    @Test
    void salesforceTrustedContactCenterRolesRequireTheExternalId() {
        TenantConfig config = TestTenants.withExternalId("ext-42");

        assertThat(role(config, 0, "-ConnectCallRole").trust())
                .isEqualTo(new Trust.SalesforceAccount("793525387755", "ext-42"));
        assertThat(role(config, 0, "-SCVS3Role").trust())
                .isEqualTo(new Trust.SalesforceAccount("793525387755", "ext-42"));
    }
}
