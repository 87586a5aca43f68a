package dev.scvcdk.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.KeyPolicyGrants.KeyGrant;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.Features;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.declarations.TenantKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key policies name every role whose declared calls use the key — the roles SCV's own functions run under
 * included — and nobody else.
 */
class KeyPolicyGrantsTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/";

    private static List<String> principals(TenantConfig config, ContactCenterConfig cc, TenantKey key,
            String service) {
        return KeyPolicyGrants.of(config, cc).stream()
                .filter(g -> g.key() == key && java.util.Objects.equals(g.service(), service))
                .flatMap(g -> g.roleArns().stream())
                .distinct()
                .toList();
    }

    @Test
    void everyStreamReaderMayDecryptTheStreamKeyThroughKinesis() {
        assertThat(principals(TestTenants.example(), TestTenants.support(), TenantKey.STREAM, "kinesis")).contains(
                ROLE + RoleNames.CTR_DATA_SYNC, ROLE + RoleNames.CONTACT_LENS_CONSUMER,
                ROLE + RoleNames.VOICEMAIL_AUDIO_PROCESSING, ROLE + RoleNames.CONTACT_LENS_STREAMING);
    }

    @Test
    void liveMediaReadersIncludeTheTranscriberOnlyWhereRealtimeTranscriptionIsOn() {
        // GIVEN realtime transcription on in acmesupport only, voicemail in both
        TenantConfig config = TestTenants.example();

        assertThat(principals(config, TestTenants.support(), TenantKey.LIVE_MEDIA, "kinesisvideo"))
                .contains(ROLE + RoleNames.KVS_TRANSCRIBER, ROLE + RoleNames.VOICEMAIL_AUDIO_PROCESSING);
        assertThat(principals(config, TestTenants.sales(), TenantKey.LIVE_MEDIA, "kinesisvideo"))
                .doesNotContain(ROLE + RoleNames.KVS_TRANSCRIBER);
    }

    @Test
    void bucketKeyUsersAreTheContactLensReadersVoicemailAndSalesforcesRoles() {
        assertThat(principals(TestTenants.example(), TestTenants.support(), TenantKey.BUCKET, "s3")).containsExactlyInAnyOrder(
                ROLE + RoleNames.POST_CALL_ANALYSIS_TRIGGER, ROLE + RoleNames.CONTACT_DATA_SYNC,
                ROLE + RoleNames.VOICEMAIL_AUDIO_PROCESSING, ROLE + RoleNames.VOICEMAIL_TRANSCRIBE,
                ROLE + RoleNames.VOICEMAIL_PACKAGING, ROLE + RoleNames.TENANT_BUCKET_WRITE_ACCESS,
                ROLE + "acmesupport-SCVS3Role");
    }

    @Test
    void onlyTheSsmExecutionRoleReadsAndOnlyTheSecretConfiguratorWritesTheCredentialsSecret() {
        // GIVEN the platform key's grants through Secrets Manager
        List<KeyGrant> grants = KeyPolicyGrants.of(TestTenants.example(), TestTenants.support()).stream()
                .filter(g -> g.key() == TenantKey.PLATFORM && java.util.Objects.equals(g.service(), "secretsmanager"))
                .toList();

        // THEN decrypting alone (GetSecretValue) is the SSM execution role's; writing a value (a data key, and the
        // Decrypt Secrets Manager makes while changing it) is the secret configurator's, which reads no value
        assertThat(grants).extracting(KeyGrant::actions, KeyGrant::roleArns).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(List.of("kms:Decrypt"), List.of(ROLE + RoleNames.SSM_LAMBDA_EXECUTION)),
                org.assertj.core.groups.Tuple.tuple(List.of("kms:GenerateDataKey", "kms:Decrypt"),
                        List.of(ROLE + RoleNames.SECRET_CONFIGURATOR_LAMBDA)));
    }

    @Test
    void provisioningMayEncryptTheConnectedAppParametersItWrites() {
        // GIVEN provisioning's declared PutParameter of the four connected-app settings (platform key, through SSM)
        assertThat(KeyPolicyGrants.of(TestTenants.example(), TestTenants.support()))
                .filteredOn(g -> g.key() == TenantKey.PLATFORM && java.util.Objects.equals(g.service(), "ssm")
                        && g.actions().equals(List.of("kms:Encrypt", "kms:GenerateDataKey")))
                // THEN the platform key's policy names the role, or KMS would refuse the write
                .singleElement().satisfies(g -> assertThat(g.roleArns()).containsExactly(ROLE + RoleNames.PROVISIONING));
    }

    @Test
    void everyRoleWithAFailureDestinationMayEncryptFailureQueueMessages() {
        assertThat(principals(TestTenants.example(), TestTenants.support(), TenantKey.PLATFORM, "sqs")).contains(
                ROLE + RoleNames.SSM_LAMBDA_EXECUTION, ROLE + RoleNames.CTR_DATA_SYNC,
                ROLE + RoleNames.HANDLE_CONTACT_EVENTS);
    }

    @Test
    void theTelephonyRoleUsesNoCustomerManagedKey() {
        assertThat(KeyPolicyGrants.of(TestTenants.example(), TestTenants.support()))
                .flatExtracting(KeyGrant::roleArns)
                .doesNotContain(ROLE + RoleNames.INVOKE_TELEPHONY_INTEGRATION_API);
    }


    @Test
    void aDirectKmsCallOnAKeyNamesItsRoleInThatKeysPolicyUnderTheCallsOtherConditions() {
        // GIVEN the Connect configurator, whose AssociateInstanceStorageConfig makes Connect ask KMS for a grant
        // on each storage key with the caller's rights (its declared call names the key by kms:ResourceAliases)
        for (TenantKey key : List.of(TenantKey.STREAM, TenantKey.LIVE_MEDIA, TenantKey.BUCKET)) {
            List<KeyGrant> direct = KeyPolicyGrants.of(TestTenants.example(), TestTenants.support()).stream()
                    .filter(g -> g.key() == key && g.direct() && g.actions().contains("kms:CreateGrant"))
                    .toList();

            // THEN that key's policy names exactly the configurator for kms:CreateGrant, only for an AWS resource,
            // with no alias condition left (the policy is the key's own)
            assertThat(direct).as(key.name()).singleElement().satisfies(grant -> {
                assertThat(grant.roleArns()).containsExactly(ROLE + RoleNames.CONNECT_CONFIGURATOR_LAMBDA);
                assertThat(grant.actions()).containsExactly("kms:CreateGrant");
                assertThat(grant.conditions()).isEqualTo(
                        java.util.Map.of("Bool", java.util.Map.of("kms:GrantIsForAWSResource", List.of("true"))));
            });
        }
        // AND the platform key, which no call names directly, has no direct grant
        assertThat(KeyPolicyGrants.of(TestTenants.example(), TestTenants.support()))
                .noneMatch(g -> g.key() == TenantKey.PLATFORM && g.direct());
    }
}
