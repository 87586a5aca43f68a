package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialRolesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    @Test
    void ssmLambdaExecutionManagesExactlyTheSixParametersOfEachContactCenter() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.SSM_LAMBDA_EXECUTION);

        // the five REST API parameters of a contact center as their SCV prefix, the SCRT key exactly
        List<Object> parameters = resources(bySid(inline, "ManageScvParameters"));
        assertThat(parameters).containsExactlyInAnyOrder(
                "arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-salesforce-rest-api-*",
                "arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-scrt-jwt-auth-private-key",
                "arn:aws:ssm:eu-west-2:111122223333:parameter/acmesales-salesforce-rest-api-*",
                "arn:aws:ssm:eu-west-2:111122223333:parameter/acmesales-scrt-jwt-auth-private-key");
        // AuthKeys writes all six without a key id (aws/ssm): the key is usable for exactly those parameters
        assertThat(condition(bySid(inline, "EncryptDecryptGenerateDataKeyWithAwsSsmKeyViaSsm"), "StringLike",
                "kms:EncryptionContext:PARAMETER_ARN")).containsExactlyInAnyOrderElementsOf(parameters);
    }

    @Test
    void ssmLambdaExecutionWritesTheLogsOfBothCustomResourceFunctions() {
        assertThat(resources(bySid(RoleJson.inline(EXAMPLE, RoleNames.SSM_LAMBDA_EXECUTION), "WriteOwnLogs")))
                .contains("arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/acmesupport-AuthKeysSSMUtilFunction:*",
                        "arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/acmesupport-CustomSSMFunction:*");
    }

    @Test
    void updateCredentialMayOnlyInvokeTheAuthKeysFunctionsActiveAlias() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.UPDATE_CREDENTIAL);

        // never the unqualified function or $LATEST: only the published code behind `active` runs for Salesforce
        assertThat(inline).hasSize(1);
        assertThat(actions(inline.get(0))).containsExactly("lambda:InvokeFunction");
        assertThat(resources(inline.get(0))).containsExactly(
                "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-AuthKeysSSMUtilFunction:active",
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-AuthKeysSSMUtilFunction:active");
    }

    @Test
    void secretConfiguratorWritesOnlyTheSalesforceCredentialSecrets() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.SECRET_CONFIGURATOR_LAMBDA);

        Map<String, Object> manage = bySid(inline, "ManageSalesforceCredentials");
        assertThat(actions(manage)).doesNotContain("secretsmanager:DeleteSecret", "secretsmanager:GetSecretValue");
        assertThat(resources(manage)).containsExactly(
                "arn:aws:secretsmanager:us-west-2:111122223333:secret:acmesupport-salesforce-credentials-??????",
                "arn:aws:secretsmanager:eu-west-2:111122223333:secret:acmesales-salesforce-credentials-??????");
        assertThat(condition(bySid(inline, "GenerateDataKeyDecryptWithPlatformKeyViaSecretsmanager"), "StringLike",
                "kms:EncryptionContext:SecretARN")).containsExactlyElementsOf(resources(manage));
    }
}
