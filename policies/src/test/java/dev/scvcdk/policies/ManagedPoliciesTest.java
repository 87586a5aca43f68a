package dev.scvcdk.policies;

import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ManagedPoliciesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    private static Map<String, List<Map<String, Object>>> rendered() {
        return IamMatrix.managedPolicies(EXAMPLE).stream()
                .collect(Collectors.toMap(ManagedPolicySpec::name, p -> PolicyJson.render(p.statements())));
    }

    @Test
    void areTheSevenScvManagedPolicies() {
        assertThat(IamMatrix.managedPolicies(EXAMPLE)).extracting(ManagedPolicySpec::name).containsExactlyInAnyOrder(
                "SCVSSMAccessPolicy", "SCVLambdaAccessPolicy", "SCVKMSAccessPolicy",
                "SCVKinesisDataStreamAccessPolicy", "SCVS3AccessPolicy", "SCVAmazonConnectAccessPolicy",
                "SCVSecretsManagerAccessPolicy");
    }

    @Test
    void withEveryFeatureOnEachIsAttachedToAtLeastOneRole() {
        TenantConfig everything = TestTenants.allFeaturesEverywhere();
        List<String> attached = IamMatrix.accountRoles(everything).stream()
                .flatMap(r -> r.managedPolicyNames().stream())
                .toList();

        IamMatrix.managedPolicies(everything).forEach(p -> assertThat(attached).as(p.name()).contains(p.name()));
    }

    @Test
    void roleNeedingOnlyPartOfAPolicyGetsThatPartInline() {
        // VoiceMailAudioProcessing only writes voicemail audio: no SCVS3AccessPolicy (which also reads)
        RoleSpec audio = IamMatrix.accountRole(EXAMPLE, RoleNames.VOICEMAIL_AUDIO_PROCESSING);
        assertThat(audio.managedPolicyNames()).doesNotContain(ManagedPolicies.S3_ACCESS);
        // ContactLensConsumer reads the Contact Lens stream, not the CTR stream the Kinesis policy grants
        RoleSpec contactLens = IamMatrix.accountRole(EXAMPLE, RoleNames.CONTACT_LENS_CONSUMER);
        assertThat(contactLens.managedPolicyNames()).doesNotContain(ManagedPolicies.KINESIS_DATA_STREAM_ACCESS);
    }

    @Test
    void kinesisPolicyReadsExactlyTheCtrStreamsOfBothContactCenters() {
        Map<String, Object> read = bySid(rendered().get("SCVKinesisDataStreamAccessPolicy"), "ReadCtrStreams");

        assertThat(resources(read)).containsExactly(
                "arn:aws:kinesis:us-west-2:111122223333:stream/acmesupport-111122223333-CTRStream",
                "arn:aws:kinesis:eu-west-2:111122223333:stream/acmesales-111122223333-CTRStream");
    }

    @Test
    void lambdaPolicyInvokesOnlyTheActiveAliasOfTheTelephonyFunction() {
        Map<String, Object> invoke = bySid(rendered().get("SCVLambdaAccessPolicy"), "InvokeTelephonyIntegrationApi");

        assertThat(resources(invoke)).containsExactly(
                "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-InvokeTelephonyIntegrationApiFunction:active",
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-InvokeTelephonyIntegrationApiFunction:active");
    }

    @Test
    void kmsPolicyDecryptsOnlyTheStreamKeysThroughKinesis() {
        Map<String, Object> decrypt = bySid(rendered().get("SCVKMSAccessPolicy"), "DecryptWithStreamKeyViaKinesis");

        assertThat(PolicyJson.actions(decrypt)).containsExactly("kms:Decrypt");
        assertThat(PolicyJson.condition(decrypt, "ForAnyValue:StringEquals", "kms:ResourceAliases"))
                .containsExactly("alias/acmesupportKvsKey", "alias/acmesalesKvsKey");
        assertThat(PolicyJson.condition(decrypt, "StringEquals", "kms:ViaService"))
                .containsExactly("kinesis.us-west-2.amazonaws.com", "kinesis.eu-west-2.amazonaws.com");
    }

    @Test
    void ssmPolicyReadsOnlyTheScrtKeyAndDecryptsOnlyThatParameter() {
        List<Map<String, Object>> ssm = rendered().get("SCVSSMAccessPolicy");
        List<String> scrtKeys = List.of(
                "arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-scrt-jwt-auth-private-key",
                "arn:aws:ssm:eu-west-2:111122223333:parameter/acmesales-scrt-jwt-auth-private-key");

        assertThat(resources(bySid(ssm, "ReadScrtPrivateKey"))).containsExactlyElementsOf(scrtKeys);
        assertThat(PolicyJson.condition(bySid(ssm, "DecryptWithAwsSsmKeyViaSsm"), "StringEquals",
                "kms:EncryptionContext:PARAMETER_ARN")).containsExactlyElementsOf(scrtKeys);
    }

    @Test
    void s3PolicyIsLimitedToTheVoicemailPrefix() {
        Map<String, Object> objects = bySid(rendered().get("SCVS3AccessPolicy"), "ReadWriteVoicemailObjects");

        assertThat(resources(objects)).containsExactly(
                "arn:aws:s3:::acmesupport-111122223333-us-west-2-scv/voicemailmessages/*",
                "arn:aws:s3:::acmesales-111122223333-eu-west-2-scv/voicemailmessages/*");
    }

    @Test
    void secretsPolicyUsesTheConfiguredSecretArnWhenOneIsGiven() {
        // GIVEN the support contact center names its own secret
        String configured = "arn:aws:secretsmanager:us-west-2:111122223333:secret:acme/sf-AbCdEf";
        var support = TestTenants.support();
        TenantConfig config = new TenantConfig(TestTenants.ACCOUNT, "aws", TestTenants.ORG, null, null, null, "x",
                List.of(new dev.scvcdk.policies.config.ContactCenterConfig(support.callCenterApiName(),
                        support.region(), support.connectInstanceId(), support.connectInstanceAlias(),
                        support.orgDomainUrl(), support.scrtUrl(), null, configured, null), TestTenants.sales()));

        // WHEN
        ManagedPolicySpec secrets = IamMatrix.managedPolicies(config).stream()
                .filter(p -> p.name().equals(ManagedPolicies.SECRETS_MANAGER_ACCESS)).findFirst().orElseThrow();

        // THEN the configured ARN replaces the default name pattern for that contact center only
        assertThat(resources(bySid(PolicyJson.render(secrets.statements()), "ReadSalesforceCredentials")))
                .containsExactly(configured,
                        "arn:aws:secretsmanager:eu-west-2:111122223333:secret:acmesales-salesforce-credentials-??????");
    }
}
