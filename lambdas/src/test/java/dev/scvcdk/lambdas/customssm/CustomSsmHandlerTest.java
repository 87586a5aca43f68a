package dev.scvcdk.lambdas.customssm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.customresource.Events;
import dev.scvcdk.lambdas.customresource.LocalAwsServer.StoredParameter;
import dev.scvcdk.lambdas.customresource.LocalAwsServer;
import dev.scvcdk.lambdas.customresource.LogCapture;
import dev.scvcdk.lambdas.customresource.OwnedParameters;
import dev.scvcdk.lambdas.customresource.TestSenders;
import dev.scvcdk.lambdas.testsupport.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CustomSSMFunction end to end: the production AWS clients against a loopback SSM / Secrets Manager / S3 stand-in. */
class CustomSsmHandlerTest {

    private static final String STACK_ID = "arn:aws:cloudformation:us-west-2:123456789012:stack/"
            + "ScvContactCenter-ACME/6b0d2f30-8c1a-11f0-9c9c-0a1b2c3d4e5f";
    private static final String SECRET_ARN =
            "arn:aws:secretsmanager:us-west-2:123456789012:secret:ACME-salesforce-credentials-AbCdEf";
    private static final String AUDIENCE = "ACME-salesforce-rest-api-audience";

    private final LocalAwsServer aws = new LocalAwsServer();
    private final TestContext context = new TestContext();
    private final LogCapture logs = new LogCapture();
    private final CustomSsmHandler handler = new CustomSsmHandler(aws.ssmClient(), aws.secretsManagerClient(),
            TestSenders.withAttempts(3, logs), logs.logger());

    @AfterEach
    void stop() {
        aws.close();
    }

    private JsonNode run(String fixture) {
        Events.invoke(handler, "customssm/" + fixture, aws, context);
        assertThat(aws.responses()).as("exactly one answer to CloudFormation").hasSize(1);
        return aws.responses().get(0).json();
    }

    private static Map<String, String> ownedBy(String logicalId) {
        return Map.of(OwnedParameters.OWNER_TAG, STACK_ID + "/" + logicalId);
    }

    @Test
    void createStoresTheLiteralAsATaggedSecureStringAndAnswersWithTheName() {
        // WHEN CloudFormation creates a Literal parameter
        JsonNode response = run("create-literal.json");

        // THEN it exists as a SecureString on the default key, marked as this resource's
        StoredParameter stored = aws.parameter(AUDIENCE);
        assertThat(stored.value()).isEqualTo("https://test.salesforce.com/");
        assertThat(stored.type()).isEqualTo("SecureString");
        assertThat(stored.keyId()).as("alias/aws/ssm by default").isNull();
        assertThat(stored.description()).isEqualTo("Salesforce OAuth audience");
        assertThat(stored.tags()).isEqualTo(ownedBy("RestApiAudience"));
        // AND CloudFormation hears SUCCESS with the parameter name as the physical id and no data
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(AUDIENCE);
        assertThat(response.path("RequestId").asText()).isEqualTo("req-create-1");
        assertThat(response.path("LogicalResourceId").asText()).isEqualTo("RestApiAudience");
        assertThat(response.path("NoEcho").asBoolean(true)).isFalse();
        assertThat(response.has("Data")).isFalse();
        // AND the request was the production client's: no overwrite
        JsonNode put = aws.calls().stream().filter(c -> c.target().equals("AmazonSSM.PutParameter"))
                .findFirst().orElseThrow().body();
        assertThat(put.path("Overwrite").asBoolean(true)).isFalse();
    }

    @Test
    void createEncryptsWithTheGivenKmsKey() {
        run("create-literal-with-key.json");

        assertThat(aws.parameter("ACME-salesforce-rest-api-subject").keyId()).isEqualTo("alias/ACMEKvsKey");
    }

    @Test
    void createTakesOneKeyOfASecretsManagerJsonSecretAndNeverLogsIt() {
        // GIVEN the Salesforce credentials secret
        aws.putSecret(SECRET_ARN, "{\"consumerKey\":\"3MVG9-consumer-key\",\"privateKey\":\"pk\"}");

        // WHEN the consumer-key parameter is created from it
        JsonNode response = run("create-secret-json-key.json");

        // THEN the parameter holds that key's value, which appears neither in the logs nor in the answer
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(aws.parameter("ACME-salesforce-rest-api-auth-consumer-key").value())
                .isEqualTo("3MVG9-consumer-key");
        assertThat(logs.text()).doesNotContain("3MVG9").contains("parameter created");
        assertThat(aws.responses().get(0).body()).doesNotContain("3MVG9");
    }

    @Test
    void createTakesTheWholeSecretStringWithoutAJsonKey() {
        aws.putSecret(SECRET_ARN, "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");

        run("create-secret.json");

        assertThat(aws.parameter("ACME-salesforce-rest-api-auth-private-key").value())
                .startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void createNeverOverwritesAnExistingParameter() {
        // GIVEN the parameter already exists, made by someone else
        aws.putParameter(AUDIENCE, "https://login.salesforce.com/", Map.of());

        // WHEN CloudFormation creates the resource
        JsonNode response = run("create-literal.json");

        // THEN the value and tags are untouched, no write was attempted, and the step succeeds
        assertThat(aws.parameter(AUDIENCE).value()).isEqualTo("https://login.salesforce.com/");
        assertThat(aws.parameter(AUDIENCE).tags()).isEmpty();
        assertThat(aws.targets()).doesNotContain("AmazonSSM.PutParameter");
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(AUDIENCE);
    }

    @Test
    void createDoesNotReadTheSecretWhenTheParameterExists() {
        aws.putParameter("ACME-salesforce-rest-api-auth-consumer-key", "kept", Map.of());

        run("create-secret-json-key.json");

        assertThat(aws.targets()).doesNotContain("secretsmanager.GetSecretValue");
    }

    @Test
    void updateKeepsTheExistingValueEvenWhenTheLiteralChanged() {
        // GIVEN the parameter this resource created with the sandbox audience
        aws.putParameter(AUDIENCE, "https://test.salesforce.com/", ownedBy("RestApiAudience"));

        // WHEN the template changes the literal
        JsonNode response = run("update-same-name.json");

        // THEN the stored value stays, and the physical id does not change
        assertThat(aws.parameter(AUDIENCE).value()).isEqualTo("https://test.salesforce.com/");
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(AUDIENCE);
    }

    @Test
    void updateCreatesTheParameterWhenItIsMissing() {
        JsonNode response = run("update-same-name.json");

        assertThat(aws.parameter(AUDIENCE).value()).isEqualTo("https://login.salesforce.com/");
        assertThat(aws.parameter(AUDIENCE).tags()).isEqualTo(ownedBy("RestApiAudience"));
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(AUDIENCE);
    }

    @Test
    void updateWithANewNameCreatesTheNewParameterAndReturnsItsName() {
        // GIVEN the old parameter
        aws.putParameter(AUDIENCE, "https://test.salesforce.com/", ownedBy("RestApiAudience"));

        // WHEN ParameterName changes
        JsonNode response = run("update-renamed.json");

        // THEN the new one exists, the old one is left for CloudFormation's Delete, and the id is the new name
        assertThat(aws.parameter("ACME-v2-salesforce-rest-api-audience").value())
                .isEqualTo("https://test.salesforce.com/");
        assertThat(aws.parameter(AUDIENCE)).isNotNull();
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo("ACME-v2-salesforce-rest-api-audience");
    }

    @Test
    void deleteRemovesTheParameterThisResourceCreated() {
        aws.putParameter(AUDIENCE, "https://test.salesforce.com/", ownedBy("RestApiAudience"));

        JsonNode response = run("delete.json");

        assertThat(aws.parameter(AUDIENCE)).isNull();
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(AUDIENCE);
    }

    @Test
    void deleteKeepsAParameterMadeOutsideTheStack() {
        // GIVEN an untagged parameter of the same name
        aws.putParameter(AUDIENCE, "https://test.salesforce.com/", Map.of());

        // WHEN CloudFormation deletes the resource
        JsonNode response = run("delete.json");

        // THEN the parameter survives and the step succeeds
        assertThat(aws.parameter(AUDIENCE)).isNotNull();
        assertThat(aws.targets()).doesNotContain("AmazonSSM.DeleteParameter");
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void deleteKeepsAParameterAnotherResourceCreated() {
        aws.putParameter(AUDIENCE, "https://test.salesforce.com/", ownedBy("SomeOtherResource"));

        JsonNode response = run("delete.json");

        assertThat(aws.parameter(AUDIENCE)).isNotNull();
        assertThat(aws.targets()).doesNotContain("AmazonSSM.DeleteParameter");
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void deleteSucceedsWhenTheParameterIsAlreadyGone() {
        JsonNode response = run("delete.json");

        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(AUDIENCE);
    }

    @Test
    void deleteAfterAFailedCreateTouchesNothing() {
        JsonNode response = run("delete-after-failed-create.json");

        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo("create-failed:req-create-1");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void invalidPropertiesFailWithOneReasonNamingEachPropertyValueAndRule() {
        // WHEN the properties break several rules at once
        JsonNode response = run("create-invalid.json");

        // THEN CloudFormation gets FAILED with every problem, and nothing is written
        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo("create-failed:req-create-1");
        assertThat(response.path("Reason").asText())
                .contains("ParamValue is not a property of this resource")
                .contains("ParameterName 'aws-bad name' is invalid; an SSM parameter name may only contain")
                .contains("ValueFrom 'Plaintext' is invalid; it must be Literal or SecretsManager")
                .doesNotContain("s3cr3t-do-not-echo");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void aValueNextToASecretIdIsRefusedWithoutEchoingIt() {
        JsonNode response = run("create-secret-with-value.json");

        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText())
                .contains("Value is not allowed when ValueFrom is SecretsManager")
                .contains("SecretId 'ACME-credentials' is invalid; it must be a Secrets Manager secret ARN")
                .doesNotContain("s3cr3t-do-not-echo");
        assertThat(logs.text()).doesNotContain("s3cr3t-do-not-echo");
    }

    @Test
    void aSecretThatIsNotJsonFailsWithoutLeakingItsContent() {
        aws.putSecret(SECRET_ARN, "not-json-but-very-secret");

        JsonNode response = run("create-secret-json-key.json");

        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText())
                .contains("SecretId '" + SECRET_ARN + "' is not a JSON object, so SecretJsonKey 'consumerKey'")
                .doesNotContain("very-secret");
        assertThat(logs.text()).doesNotContain("very-secret");
    }

    @Test
    void aMissingJsonKeyFailsNamingIt() {
        aws.putSecret(SECRET_ARN, "{\"privateKey\":\"pk\"}");

        assertThat(run("create-secret-json-key.json").path("Reason").asText())
                .contains("SecretId '" + SECRET_ARN + "' has no key 'consumerKey'");
    }

    @Test
    void anEmptySecretFailsAskingTheOperatorToFillItIn() {
        aws.putSecret(SECRET_ARN, "{\"consumerKey\":\"\"}");

        assertThat(run("create-secret-json-key.json").path("Reason").asText())
                .contains("key 'consumerKey' is empty; SSM cannot store an empty value, so fill in the secret first");
        assertThat(aws.parameters()).isEmpty();
    }

    @Test
    void aMissingSecretFailsTheStackInsteadOfHanging() {
        JsonNode response = run("create-secret.json");

        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText()).contains("ResourceNotFoundException")
                .contains(TestContext.LOG_STREAM);
    }

    @Test
    void anSsmOutageIsAnsweredFailed() {
        aws.failApi("AmazonSSM.GetParameter", 100);

        JsonNode response = run("create-literal.json");

        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText()).contains("injected failure").contains("InternalServerError (HTTP 500)");
    }

    // --- requests it cannot serve are still answered ---

    @Test
    void aRollbackRequestTypeIsAnsweredFailedInsteadOfLeavingCloudFormationWaiting() {
        // GIVEN CloudFormation sends a RequestType this resource does not know
        String event = Events.fixture("customssm/update-same-name.json", aws)
                .replace("\"RequestType\": \"Update\"", "\"RequestType\": \"Rollback\"");
        assertThat(event).contains("Rollback");

        // WHEN the function is invoked
        invokeRaw(event);

        // THEN the ResponseURL hears FAILED with a Reason naming the type, and SSM is not touched
        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText()).contains("RequestType 'Rollback' is invalid");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(AUDIENCE);
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsAnsweredFailedAtTheResponseUrlReadBeforeItBreaks() {
        // GIVEN a request cut off inside its properties, after a secret value began
        String full = Events.fixture("customssm/create-secret-with-value.json", aws);
        String cut = full.substring(0, full.indexOf("s3cr3t-do-not-echo") + 6);

        invokeRaw(cut);

        // THEN FAILED, at the URL, with the ids it carried, and nothing of the body echoed
        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText()).startsWith("Invalid custom-resource request: the body is not valid JSON");
        assertThat(response.path("RequestId").asText()).isEqualTo("req-create-1");
        assertThat(response.path("LogicalResourceId").asText()).isEqualTo("RestApiBroken");
        assertThat(response.toString()).doesNotContain("s3cr3t");
        assertThat(logs.text()).doesNotContain("s3cr3t");
    }

    @Test
    void anSsmErrorQuotingTheSecretValueReachesNeitherTheReasonNorTheLog() {
        // GIVEN a secret in Secrets Manager, and SSM rejecting the put with a message that quotes the value
        aws.putSecret(SECRET_ARN, "{\"consumerKey\":\"3MVG9-quoted-by-ssm\"}");
        aws.rejectPutsQuotingTheValue();

        // WHEN the parameter is seeded from the secret
        JsonNode response = run("create-secret-json-key.json");

        // THEN FAILED with SSM's reason, the value replaced
        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText()).contains("ValidationException")
                .contains("Value '[REDACTED]'").doesNotContain("3MVG9-quoted-by-ssm");
        assertThat(logs.text()).doesNotContain("3MVG9-quoted-by-ssm");
    }

    private void invokeRaw(String event) {
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode onlyResponse() {
        assertThat(aws.responses()).as("exactly one answer to CloudFormation").hasSize(1);
        return aws.responses().get(0).json();
    }
}
