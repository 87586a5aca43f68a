package dev.scvcdk.constructs.parameters;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.constructs.testing.TestFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.secretsmanager.Secret;

class SecureParameterTest {
    private static final String TOKEN = "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-CustomSSMFunction:active";
    private static final String SECRET =
            "arn:aws:secretsmanager:us-west-2:111122223333:secret:acmesupport-salesforce-credentials-AbCdEf";

    private final Stack stack = TestFixtures.stack();

    @Test
    void literalValueIsWrittenWithItsKeyAndDescription() {
        new SecureParameter(stack, "Audience", SecureParameterProps.builder()
                .serviceToken(TOKEN)
                .parameterName("acmesupport-salesforce-rest-api-audience")
                .value(ParameterValue.literal("https://login.salesforce.com/"))
                .encryptionKey(Key.Builder.create(stack, "Key").build())
                .description("OAuth JWT audience")
                .build());

        Template.fromStack(stack).hasResourceProperties("Custom::ScvSecureParameter", Map.of(
                "ServiceToken", TOKEN,
                "ParameterName", "acmesupport-salesforce-rest-api-audience",
                "ValueFrom", "Literal",
                "Value", "https://login.salesforce.com/",
                "KeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Key"), "Arn")),
                "Description", "OAuth JWT audience"));
    }

    @Test
    void secretValueIsNamedBySecretAndJsonKeyNeverCopied() {
        new SecureParameter(stack, "ConsumerKey", SecureParameterProps.builder()
                .serviceToken(TOKEN)
                .parameterName("acmesupport-salesforce-rest-api-auth-consumer-key")
                .value(ParameterValue.fromSecret(Secret.fromSecretCompleteArn(stack, "Secret", SECRET), "consumerKey"))
                .build());

        Template.fromStack(stack).hasResourceProperties("Custom::ScvSecureParameter", Map.of(
                "ParameterName", "acmesupport-salesforce-rest-api-auth-consumer-key",
                "ValueFrom", "SecretsManager",
                "SecretId", SECRET,
                "SecretJsonKey", "consumerKey",
                "Value", Match.absent(),
                "KeyId", Match.absent()));
    }

    @Test
    void literalRefusesAPemBlock() {
        assertThatThrownBy(() -> ParameterValue.literal("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PEM block")
                .hasMessageContaining("ParameterValue.fromSecret");
    }

    @Test
    void literalRefusesAnEmptyValue() {
        assertThatThrownBy(() -> ParameterValue.literal(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value '' is empty");
    }
}
