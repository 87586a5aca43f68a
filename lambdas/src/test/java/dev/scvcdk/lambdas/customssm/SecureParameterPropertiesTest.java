package dev.scvcdk.lambdas.customssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.customresource.InvalidPropertiesException;
import dev.scvcdk.lambdas.customssm.SecureParameterProperties.ValueFrom;
import org.junit.jupiter.api.Test;

class SecureParameterPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_ARN =
            "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:ACME-credentials-AbCdEf";

    private static ObjectNode properties(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void readsALiteralWithItsOptionalKeyAndDescription() throws Exception {
        SecureParameterProperties read = SecureParameterProperties.from(properties("{\"ServiceToken\":\"fn\","
                + "\"ParameterName\":\"/scv/ACME/audience\",\"ValueFrom\":\"Literal\",\"Value\":\"https://x/\","
                + "\"KeyId\":\"alias/ACMEKvsKey\",\"Description\":\"d\"}"));

        assertThat(read).isEqualTo(new SecureParameterProperties("/scv/ACME/audience", ValueFrom.Literal,
                "https://x/", null, null, "alias/ACMEKvsKey", "d"));
    }

    @Test
    void readsASecretsManagerSourceInAnyPartition() throws Exception {
        SecureParameterProperties read = SecureParameterProperties.from(properties("{\"ParameterName\":\"p\","
                + "\"ValueFrom\":\"SecretsManager\",\"SecretId\":\"" + SECRET_ARN + "\",\"SecretJsonKey\":\"k\"}"));

        assertThat(read.secretId()).isEqualTo(SECRET_ARN);
        assertThat(read.secretJsonKey()).isEqualTo("k");
        assertThat(read.keyId()).isNull();
    }

    @Test
    void requiresParameterNameAndValueFrom() throws Exception {
        assertThatThrownBy(() -> SecureParameterProperties.from(properties("{}")))
                .isInstanceOf(InvalidPropertiesException.class)
                .satisfies(e -> assertThat(((InvalidPropertiesException) e).problems()).containsExactly(
                        "ParameterName is required",
                        "ValueFrom is required; it must be Literal or SecretsManager"));
    }

    @Test
    void aLiteralNeedsAValueAndNoSecretFields() throws Exception {
        assertThatThrownBy(() -> SecureParameterProperties.from(properties("{\"ParameterName\":\"p\","
                + "\"ValueFrom\":\"Literal\",\"SecretId\":\"" + SECRET_ARN + "\",\"SecretJsonKey\":\"k\"}")))
                .hasMessageContaining("Value is required when ValueFrom is Literal")
                .hasMessageContaining("SecretId '" + SECRET_ARN + "' is only allowed when ValueFrom is SecretsManager")
                .hasMessageContaining("SecretJsonKey 'k' is only allowed when ValueFrom is SecretsManager");
    }

    @Test
    void aLiteralLongerThanAStandardParameterIsRefusedByLength() throws Exception {
        String big = "v".repeat(4097);
        assertThatThrownBy(() -> SecureParameterProperties.from(properties("{\"ParameterName\":\"p\","
                + "\"ValueFrom\":\"Literal\",\"Value\":\"" + big + "\"}")))
                .hasMessageContaining("Value is 4097 characters; a parameter holds at most 4096")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(big));
    }

    @Test
    void nonStringPropertiesKeyIdWithSpacesAndLongDescriptionsAreRefused() throws Exception {
        assertThatThrownBy(() -> SecureParameterProperties.from(properties("{\"ParameterName\":{\"a\":1},"
                + "\"ValueFrom\":\"Literal\",\"Value\":\"v\",\"KeyId\":\"alias/my key\","
                + "\"Description\":\"" + "d".repeat(1025) + "\"}")))
                .hasMessageContaining("ParameterName must be a string, was OBJECT")
                .hasMessageContaining("KeyId 'alias/my key' is invalid")
                .hasMessageContaining("Description is 1025 characters; at most 1024 are allowed");
    }
}
