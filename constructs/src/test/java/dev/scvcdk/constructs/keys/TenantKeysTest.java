package dev.scvcdk.constructs.keys;

import static dev.scvcdk.constructs.testing.TestFixtures.actions;
import static dev.scvcdk.constructs.testing.TestFixtures.statement;
import static dev.scvcdk.constructs.testing.TestFixtures.statements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.constructs.testing.TestFixtures;
import dev.scvcdk.policies.KeyPolicyGrants.KeyGrant;
import dev.scvcdk.policies.declarations.TenantKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class TenantKeysTest {
    private static final String READER = "arn:aws:iam::111122223333:role/SCVCTRDataSyncFunctionRole";
    private static final String SSM_ROLE = "arn:aws:iam::111122223333:role/SCVSSMLambdaExecutionRole";

    private final Stack stack = TestFixtures.stack();

    private Template synth() {
        new TenantKeys(stack, "Keys", TenantKeysProps.builder()
                .callCenterApiName("acmesupport")
                .keyGrants(List.of(
                        new KeyGrant(TenantKey.STREAM, "kinesis", List.of("kms:Decrypt"), List.of(READER)),
                        new KeyGrant(TenantKey.PLATFORM, "ssm", List.of("kms:Encrypt", "kms:GenerateDataKey"),
                                List.of(SSM_ROLE))))
                .serviceLogGroupPrefixes(List.of("/aws/lambda/acmesupport-"))
                .build());
        return Template.fromStack(stack);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> policy(Map<String, Object> key) {
        return (Map<String, Object>) ((Map<String, Object>) key.get("Properties")).get("KeyPolicy");
    }

    @Test
    void accountRootMayAdministerButNeverUseAnyKey() {
        Template template = synth();

        // THEN every key's root statement holds administration actions only
        Map<String, Map<String, Object>> keys = template.findResources("AWS::KMS::Key");
        assertThat(keys).hasSize(4);
        for (Map<String, Object> key : keys.values()) {
            List<String> rootActions = actions(statement(policy(key), "AccountAdministersKeyOnly"));
            assertThat(rootActions).containsExactlyInAnyOrderElementsOf(KeyStatements.ADMIN_ACTIONS)
                    .noneMatch(a -> a.equals("kms:*") || a.startsWith("kms:Decrypt") || a.startsWith("kms:Encrypt")
                            || a.startsWith("kms:GenerateDataKey") || a.startsWith("kms:ReEncrypt")
                            || a.equals("kms:CreateGrant"));
        }
    }

    @Test
    void noKeyStatementGrantsKmsWildcard() {
        Template template = synth();

        for (Map<String, Object> key : template.findResources("AWS::KMS::Key").values()) {
            assertThat(statements(policy(key))).allSatisfy(s -> assertThat(actions(s)).doesNotContain("kms:*"));
        }
    }

    @Test
    void everyKeyRotatesAndIsRetained() {
        Template template = synth();

        template.allResourcesProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        template.allResources("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void aliasesAreScvsNames() {
        Template template = synth();

        for (String alias : List.of("alias/acmesupportKvsKey", "alias/acmesupportLMKvsKey",
                "alias/acmesupportTenantBucketKey", "alias/acmesupportScvPlatformKey")) {
            template.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", alias));
        }
    }

    @Test
    void aGrantNamesItsRolesForItsActionsOnlyThroughItsServiceInThisAccount() {
        Template template = synth();

        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Map.of(
                        "Sid", "DecryptViaKinesis",
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", READER),
                        "Action", "kms:Decrypt",
                        "Resource", "*",
                        "Condition", Map.of("StringEquals", Map.of(
                                "kms:ViaService", "kinesis.us-west-2.amazonaws.com",
                                "kms:CallerAccount", "111122223333"))))))));
    }

    @Test
    void connectUsesStreamKeyOnlyAsItsServiceLinkedRoleThroughKinesis() {
        Template template = synth();

        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "ConnectWritesStreams",
                        "Condition", Map.of(
                                "StringEquals", Map.of(
                                        "kms:ViaService", "kinesis.us-west-2.amazonaws.com",
                                        "kms:CallerAccount", "111122223333"),
                                "ArnLike", Map.of("aws:PrincipalArn", Map.of("Fn::Join", List.of("", List.of(
                                        "arn:", Map.of("Ref", "AWS::Partition"),
                                        ":iam::111122223333:role/aws-service-role/connect.amazonaws.com/"
                                                + "AWSServiceRoleForAmazonConnect_*"))))))))))));
    }

    @Test
    void aPlatformKeyGrantIsSidNamedForItsActionsAndService() {
        Template template = synth();

        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "EncryptGenerateDataKeyViaSsm",
                        "Principal", Map.of("AWS", SSM_ROLE),
                        "Condition", Map.of("StringEquals", Map.of(
                                "kms:ViaService", "ssm.us-west-2.amazonaws.com",
                                "kms:CallerAccount", "111122223333")))))))));
    }

    @Test
    void cloudWatchLogsMayUsePlatformKeyOnlyForTheContactCentersLogGroups() {
        Template template = synth();

        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "CloudWatchLogsForScvLogGroups",
                        "Principal", Map.of("Service", "logs.us-west-2.amazonaws.com"),
                        "Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", List.of(
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":logs:us-west-2:111122223333:log-group:/aws/lambda/acmesupport-*")))))))))))));
    }
}
