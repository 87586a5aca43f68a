package dev.scvcdk.lambdas.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.RecordingAwsServer.Answer;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSM and Secrets Manager documents the facades send and read (AWS JSON 1.1 member names). */
class SsmApiTest {

    private static JsonNode body(RecordingAwsServer aws) throws Exception {
        return Json.read(aws.received().get(0).body());
    }

    @Test
    void aNewSecureStringCarriesItsKeyDescriptionAndTags() throws Exception {
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{\"Version\":1}"))) {
            TestAwsClients.ssm(aws.endpoint()).putSecureString("/cc/key", "v", false, "alias/cc", "the key",
                    Map.of("scv:created-by", "stack/Res"));

            assertThat(aws.received().get(0).header("X-Amz-Target")).isEqualTo("AmazonSSM.PutParameter");
            assertThat(body(aws)).isEqualTo(Json.read("{\"Name\":\"/cc/key\",\"Value\":\"v\",\"Type\":\"SecureString\","
                    + "\"Overwrite\":false,\"KeyId\":\"alias/cc\",\"Description\":\"the key\","
                    + "\"Tags\":[{\"Key\":\"scv:created-by\",\"Value\":\"stack/Res\"}]}"));
        }
    }

    @Test
    void anOverwriteLeavesOutEverythingNotGiven() throws Exception {
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{\"Version\":2}"))) {
            TestAwsClients.ssm(aws.endpoint()).putSecureString("token", "t", true, null, null, Map.of());

            assertThat(body(aws)).isEqualTo(Json.read(
                    "{\"Name\":\"token\",\"Value\":\"t\",\"Type\":\"SecureString\",\"Overwrite\":true}"));
        }
    }

    @Test
    void getParametersSeparatesFoundFromInvalidNames() throws Exception {
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{\"Parameters\":[{\"Name\":\"a\","
                + "\"Type\":\"SecureString\",\"Value\":\"1\",\"Version\":3}],\"InvalidParameters\":[\"b\"]}"))) {
            SsmApi.Parameters result = TestAwsClients.ssm(aws.endpoint()).getParameters(List.of("a", "b"), true);

            assertThat(body(aws)).isEqualTo(Json.read("{\"Names\":[\"a\",\"b\"],\"WithDecryption\":true}"));
            assertThat(result.parameters()).containsExactly(new SsmApi.Parameter("a", "SecureString", "1", 3));
            assertThat(result.invalidParameters()).containsExactly("b");
        }
    }

    @Test
    void parameterTagsAreListedForTheParameterResourceType() throws Exception {
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200,
                "{\"TagList\":[{\"Key\":\"scv:created-by\",\"Value\":\"stack/Res\"},{\"Key\":\"team\",\"Value\":\"voice\"}]}"))) {
            Map<String, String> tags = TestAwsClients.ssm(aws.endpoint()).listParameterTags("/cc/key");

            assertThat(body(aws)).isEqualTo(Json.read("{\"ResourceType\":\"Parameter\",\"ResourceId\":\"/cc/key\"}"));
            assertThat(tags).containsExactly(Map.entry("scv:created-by", "stack/Res"), Map.entry("team", "voice"));
        }
    }

    @Test
    void aBinarySecretHasNoSecretString() throws Exception {
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200,
                "{\"ARN\":\"secret-arn\",\"Name\":\"s\",\"VersionId\":\"v1\",\"SecretBinary\":\"AAEC\"}"))) {
            SecretsManagerApi.SecretValue value = TestAwsClients.secretsManager(aws.endpoint()).getSecretValue("s");

            assertThat(aws.received().get(0).header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(body(aws)).isEqualTo(Json.read("{\"SecretId\":\"s\"}"));
            assertThat(value.secretString()).isNull();
            assertThat(value.versionId()).isEqualTo("v1");
        }
    }
}
