package dev.scvcdk.lambdas.authkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scvcdk.lambdas.common.keys.PemPrivateKeys;
import dev.scvcdk.lambdas.customresource.Events;
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
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AuthKeysSSMUtilFunction end to end: the production AWS client against a loopback SSM and response URL. */
class AuthKeysSsmUtilHandlerTest {

    private static final String KEY_PARAMETER = "ACME-scrt-jwt-auth-private-key";
    private static final String STACK_ID = "arn:aws:cloudformation:us-west-2:123456789012:stack/"
            + "ScvContactCenter-ACME/6b0d2f30-8c1a-11f0-9c9c-0a1b2c3d4e5f";
    private static final Instant NOW = Instant.parse("2026-11-21T13:05:09Z");

    private final LocalAwsServer aws = new LocalAwsServer();
    private final TestContext context = new TestContext();
    private final LogCapture logs = new LogCapture();
    private final AuthKeysSsmUtilHandler handler = new AuthKeysSsmUtilHandler(aws.ssmClient(),
            TestSenders.withAttempts(3, logs), Clock.fixed(NOW, ZoneOffset.UTC), logs.logger(), "ACME");

    @AfterEach
    void stop() {
        aws.close();
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The stored private key signs what the certificate's public key verifies. */
    private static void assertKeyMatchesCertificate(String privateKeyPem, X509Certificate certificate)
            throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(PemPrivateKeys.parse(privateKeyPem, "stored key"));
        signer.update("jwt-header.jwt-claims".getBytes(StandardCharsets.US_ASCII));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update("jwt-header.jwt-claims".getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(signature)).as("certificate matches the stored private key").isTrue();
    }

    private JsonNode onlyResponse() {
        assertThat(aws.responses()).as("exactly one answer to CloudFormation").hasSize(1);
        return aws.responses().get(0).json();
    }

    // --- direct invocation (SCV's contract) ---

    @Test
    void generateKeyPairStoresThePrivateKeyAndAnswersTheMatchingCertificate() throws Exception {
        // WHEN Salesforce asks for a key pair
        JsonNode result = Events.invoke(handler, "authkeys/generate-key-pair.json", aws, context);

        // THEN it answers Success with a self-signed CA certificate for the unit, valid ExpiresIn days
        assertThat(result.path("Success").asBoolean()).isTrue();
        X509Certificate certificate = certificate(result.path("Certificate").asText());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(new X500Principal(
                "CN=www.salesforce.com, OU=ACME, O=salesforce.com, L=San Francisco, ST=CA, C=US"));
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(730)));
        assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        // AND the private key is a PKCS#8 SecureString that matches the certificate
        LocalAwsServer.StoredParameter stored = aws.parameter(KEY_PARAMETER);
        assertThat(stored.type()).isEqualTo("SecureString");
        assertThat(stored.value()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertKeyMatchesCertificate(stored.value(), certificate);
        RSAPrivateCrtKey storedKey = (RSAPrivateCrtKey) PemPrivateKeys.parse(stored.value(), "stored key");
        assertThat(storedKey.getModulus()).isEqualTo(((RSAPublicKey) certificate.getPublicKey()).getModulus());
        assertThat(storedKey.getModulus().bitLength()).isEqualTo(2048);
        // AND the key is neither answered nor logged
        assertThat(result.toString()).doesNotContain("PRIVATE KEY");
        assertThat(logs.text()).doesNotContain("PRIVATE KEY").contains(KEY_PARAMETER);
    }

    @Test
    void generateKeyPairRotatesAnExistingKeyAsScvDoes() throws Exception {
        // GIVEN a key already stored
        Events.invoke(handler, "authkeys/generate-key-pair.json", aws, context);
        String first = aws.parameter(KEY_PARAMETER).value();

        // WHEN Salesforce asks again (rotation through SCVUpdateCredentialRole)
        JsonNode result = Events.invoke(handler, "authkeys/generate-key-pair.json", aws, context);

        // THEN the key is replaced and the new certificate matches the new key
        String second = aws.parameter(KEY_PARAMETER).value();
        assertThat(second).isNotEqualTo(first);
        assertKeyMatchesCertificate(second, certificate(result.path("Certificate").asText()));
        assertThat(aws.calls().stream().filter(c -> c.target().equals("AmazonSSM.PutParameter")))
                .allSatisfy(c -> assertThat(c.body().path("Overwrite").asBoolean()).isTrue());
    }

    @Test
    void createSsmParameterStoresTheValueAnswersScvsTextAndNeverLogsIt() {
        JsonNode result = Events.invoke(handler, "authkeys/create-ssm-parameter.json", aws, context);

        // THEN Salesforce reads SCV's own text
        assertThat(result.toString()).isEqualTo("{\"Success\":true,\"Message\":"
                + "\"The SSM parameter ACME-salesforce-rest-api-auth-consumer-key is put successfully.\"}");
        assertThat(aws.parameter("ACME-salesforce-rest-api-auth-consumer-key").value())
                .isEqualTo("3MVG9-consumer-key-value");
        assertThat(aws.parameter("ACME-salesforce-rest-api-auth-consumer-key").type()).isEqualTo("SecureString");
        assertThat(logs.text()).doesNotContain("3MVG9");
    }

    @Test
    void anUnknownRequestTypeIsAnsweredInScvsWordsNamingTheParameter() {
        JsonNode result = Events.invoke(handler, "authkeys/unknown-request-type.json", aws, context);

        assertThat(result.path("Success").asBoolean(true)).isFalse();
        assertThat(result.toString()).isEqualTo("{\"Success\":false,\"Message\":"
                + "\"Unsupported requestType along with parameter ACME-scrt-jwt-auth-private-key\"}");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void invalidDetailsAreAnsweredUnsuccessfulNamingEveryField() {
        JsonNode result = Events.invoke(handler, "authkeys/generate-key-pair-invalid-details.json", aws, context);

        assertThat(result.path("Success").asBoolean(true)).isFalse();
        assertThat(result.path("Message").asText())
                .contains("Details.SSMParamName 'ssm-reserved' is invalid; an SSM parameter name must not begin "
                        + "with 'aws' or 'ssm'")
                .contains("Details.OrganizationalUnitName is required for GeneratePrivatePublicKeyPair")
                .contains("Details.ExpiresIn 'forever' is invalid; it must be a whole number of days from 1 to 36500");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void anSsmFailureIsAnsweredUnsuccessful() {
        aws.failApi("AmazonSSM.PutParameter", 100);

        JsonNode result = Events.invoke(handler, "authkeys/create-ssm-parameter.json", aws, context);

        assertThat(result.path("Success").asBoolean(true)).isFalse();
        assertThat(result.path("Message").asText()).contains("InternalServerError (HTTP 500)");
    }

    // --- CloudFormation custom resource ---

    @Test
    void customResourceCreateGeneratesATaggedKeyAndReturnsOnlyTheCertificate() throws Exception {
        // WHEN the stack creates the key-pair resource
        Events.invoke(handler, "authkeys/custom-resource-create.json", aws, context);

        // THEN CloudFormation hears SUCCESS, the parameter name as id, and the certificate as the only datum
        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(KEY_PARAMETER);
        assertThat(response.path("NoEcho").asBoolean(true)).isFalse();
        assertThat(response.path("Data").size()).isEqualTo(1);
        X509Certificate certificate = certificate(response.path("Data").path("Certificate").asText());
        // AND the stored key, tagged as this resource's, matches it; the key is in no response or log
        LocalAwsServer.StoredParameter stored = aws.parameter(KEY_PARAMETER);
        assertKeyMatchesCertificate(stored.value(), certificate);
        assertThat(stored.tags()).isEqualTo(Map.of(OwnedParameters.OWNER_TAG, STACK_ID + "/ScrtKeyPair"));
        assertThat(stored.description()).isEqualTo("SCRT JWT signing key, generated by ScrtKeyPair");
        assertThat(aws.responses().get(0).body()).doesNotContain("PRIVATE KEY");
        assertThat(logs.text()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void customResourceCreateKeepsAnExistingKeyAndCertifiesIt() throws Exception {
        // GIVEN a key already in SSM (e.g. from SCV's own provisioning)
        Events.invoke(handler, "authkeys/generate-key-pair.json", aws, context);
        String existing = aws.parameter(KEY_PARAMETER).value();

        // WHEN the stack creates the resource
        Events.invoke(handler, "authkeys/custom-resource-create.json", aws, context);

        // THEN the key is not rotated, and the certificate returned is for that key
        assertThat(aws.parameter(KEY_PARAMETER).value()).isEqualTo(existing);
        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertKeyMatchesCertificate(existing, certificate(response.path("Data").path("Certificate").asText()));
    }

    @Test
    void customResourceUpdateNeverRotatesTheKeyButReissuesTheCertificate() throws Exception {
        // GIVEN the key this resource created
        Events.invoke(handler, "authkeys/custom-resource-create.json", aws, context);
        String key = aws.parameter(KEY_PARAMETER).value();

        // WHEN the stack is updated with a shorter validity
        Events.invoke(handler, "authkeys/custom-resource-update.json", aws, context);

        // THEN the key is kept and a certificate for it, valid the new 365 days, is returned
        assertThat(aws.parameter(KEY_PARAMETER).value()).isEqualTo(key);
        JsonNode update = aws.responses().get(1).json();
        assertThat(update.path("PhysicalResourceId").asText()).isEqualTo(KEY_PARAMETER);
        X509Certificate certificate = certificate(update.path("Data").path("Certificate").asText());
        assertKeyMatchesCertificate(key, certificate);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void customResourceUpdateCreatesTheKeyWhenItIsMissing() throws Exception {
        Events.invoke(handler, "authkeys/custom-resource-update.json", aws, context);

        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertKeyMatchesCertificate(aws.parameter(KEY_PARAMETER).value(),
                certificate(response.path("Data").path("Certificate").asText()));
    }

    @Test
    void customResourceDeleteRemovesTheKeyItCreated() {
        Events.invoke(handler, "authkeys/custom-resource-create.json", aws, context);

        Events.invoke(handler, "authkeys/custom-resource-delete.json", aws, context);

        assertThat(aws.parameter(KEY_PARAMETER)).isNull();
        assertThat(aws.responses().get(1).json().path("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void customResourceDeleteKeepsAKeyItDidNotCreate() {
        // GIVEN a key written by a direct call (Salesforce's provisioning), untagged
        Events.invoke(handler, "authkeys/generate-key-pair.json", aws, context);

        Events.invoke(handler, "authkeys/custom-resource-delete.json", aws, context);

        assertThat(aws.parameter(KEY_PARAMETER)).isNotNull();
        assertThat(onlyResponse().path("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void customResourceDeleteSucceedsWhenTheKeyIsAlreadyGone() {
        Events.invoke(handler, "authkeys/custom-resource-delete.json", aws, context);

        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo(KEY_PARAMETER);
    }

    @Test
    void aRotationKeepsTheOwnerTagSoTheStackStillCleansUp() {
        // GIVEN the stack's key, then a rotation by Salesforce
        Events.invoke(handler, "authkeys/custom-resource-create.json", aws, context);
        Events.invoke(handler, "authkeys/generate-key-pair.json", aws, context);

        // WHEN the stack deletes the resource THEN the rotated key goes too
        Events.invoke(handler, "authkeys/custom-resource-delete.json", aws, context);
        assertThat(aws.parameter(KEY_PARAMETER)).isNull();
    }

    @Test
    void customResourceRefusesCreateSsmParameterBecauseTheValueWouldSitInTheTemplate() {
        Events.invoke(handler, "authkeys/custom-resource-create-ssm-parameter.json", aws, context);

        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText()).startsWith("Invalid resource properties: "
                + "Parameters.RequestType 'CreateSSMParameter' is not supported as a custom resource; it must be "
                + "GeneratePrivatePublicKeyPair");
        assertThat(response.path("PhysicalResourceId").asText()).isEqualTo("create-failed:req-create-1");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void customResourceFailsWithoutQuotingAStoredValueThatIsNotAKey() {
        // GIVEN something that is not a PEM key under the key's name
        aws.putParameter(KEY_PARAMETER, "hunter2-not-a-key", Map.of());

        Events.invoke(handler, "authkeys/custom-resource-create.json", aws, context);

        // THEN FAILED, naming the parameter, leaving it alone, and not echoing it
        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText())
                .contains("parameter " + KEY_PARAMETER + " does not hold a PEM RSA private key")
                .contains("it is left unchanged")
                .doesNotContain("hunter2");
        assertThat(logs.text()).doesNotContain("hunter2");
        assertThat(aws.parameter(KEY_PARAMETER).value()).isEqualTo("hunter2-not-a-key");
    }

    // --- only this contact center's parameters ---

    @Test
    void anotherContactCentersKeyIsRefusedBeforeAnySsmCall() {
        // GIVEN Salesforce (or anyone holding SCVUpdateCredentialRole) names another contact center's key
        String event = Events.fixture("authkeys/generate-key-pair.json", aws)
                .replace("ACME-scrt-jwt-auth-private-key", "othercc-scrt-jwt-auth-private-key");

        // WHEN the function is invoked
        JsonNode result = invokeRaw(event);

        // THEN it is refused, naming the parameter and the rule, and no request reaches SSM
        assertThat(result.path("Success").asBoolean(true)).isFalse();
        assertThat(result.path("Message").asText()).isEqualTo("Details.SSMParamName "
                + "'othercc-scrt-jwt-auth-private-key' is refused: this function writes only contact center 'ACME' "
                + "parameters, ACME-scrt-jwt-auth-private-key or ACME-salesforce-rest-api-{auth-private-key,"
                + "auth-consumer-key,access-token,audience,subject} (CALL_CENTER_API_NAME)");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void aParameterThatIsNotOneOfTheSixIsRefusedEvenWithThisContactCentersPrefix() {
        String event = Events.fixture("authkeys/create-ssm-parameter.json", aws)
                .replace("ACME-salesforce-rest-api-auth-consumer-key", "ACME-payroll-db-password");

        JsonNode result = invokeRaw(event);

        assertThat(result.path("Message").asText()).startsWith("Details.SSMParamName 'ACME-payroll-db-password' is refused");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void withoutCallCenterApiNameEveryWriteIsRefusedNamingTheVariable() {
        AuthKeysSsmUtilHandler unconfigured = new AuthKeysSsmUtilHandler(aws.ssmClient(),
                TestSenders.withAttempts(3, logs), Clock.fixed(NOW, ZoneOffset.UTC), logs.logger(), null);

        JsonNode result = Events.invoke(unconfigured, "authkeys/create-ssm-parameter.json", aws, context);

        assertThat(result.path("Success").asBoolean(true)).isFalse();
        assertThat(result.path("Message").asText()).contains("CALL_CENTER_API_NAME is not set");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void customResourceForAnotherContactCentersKeyIsAnsweredFailedWithTheRule() {
        String event = Events.fixture("authkeys/custom-resource-create.json", aws)
                .replace("ACME-scrt-jwt-auth-private-key", "othercc-scrt-jwt-auth-private-key");

        invokeRaw(event);

        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText()).contains("'othercc-scrt-jwt-auth-private-key' is refused")
                .contains("CALL_CENTER_API_NAME");
        assertThat(aws.calls()).isEmpty();
    }

    // --- custom-resource requests it cannot serve are still answered ---

    @Test
    void customResourceWithAnUnknownRequestTypeIsAnsweredFailed() {
        String event = Events.fixture("authkeys/custom-resource-update.json", aws)
                .replaceFirst("\"RequestType\": \"Update\"", "\"RequestType\": \"Rollback\"");
        assertThat(event).contains("Rollback");

        invokeRaw(event);

        JsonNode response = onlyResponse();
        assertThat(response.path("Status").asText()).isEqualTo("FAILED");
        assertThat(response.path("Reason").asText()).contains("RequestType 'Rollback' is invalid");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void directInvocationWhoseSsmErrorQuotesTheValueNeverEchoesIt() {
        aws.rejectPutsQuotingTheValue();

        JsonNode result = Events.invoke(handler, "authkeys/create-ssm-parameter.json", aws, context);

        assertThat(result.path("Success").asBoolean(true)).isFalse();
        assertThat(result.path("Message").asText()).contains("ValidationException").contains("'[REDACTED]'")
                .doesNotContain("3MVG9-consumer-key-value");
        assertThat(logs.text()).doesNotContain("3MVG9-consumer-key-value");
    }

    private JsonNode invokeRaw(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
            return JsonMapper.builder().build().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
