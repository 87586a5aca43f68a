package dev.scvcdk.lambdas.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Production wiring: env variables → AWS clients from the default chains → key from SSM/Secrets Manager → SCRT. */
class TelephonyWiringTest {
    private static final String ORG = InvokeTelephonyIntegrationApiHandlerTest.ORG;
    private static final String CALL_CENTER = InvokeTelephonyIntegrationApiHandlerTest.CALL_CENTER;

    private ScrtStub scrt;
    private AwsJsonStub aws;
    private AwsSystemProperties properties;

    @BeforeEach
    void start() throws Exception {
        scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
        aws = new AwsJsonStub();
        properties = AwsSystemProperties.with(Map.of(
                "aws.endpointUrlSsm", aws.endpoint(), "aws.endpointUrlSecretsManager", aws.endpoint()));
    }

    @AfterEach
    void stop() {
        assertThat(scrt.problems()).isEmpty();
        properties.close();
        aws.close();
        scrt.close();
    }

    private Map<String, String> environment(String keyName) {
        return Map.of("PRIVATE_KEY_PARAM_NAME", keyName, "SALESFORCE_ORG_ID", ORG,
                "SCRT_ENDPOINT_BASE", scrt.baseUrl(), "CALL_CENTER_API_NAME", CALL_CENTER, "LOG_LEVEL", "INFO");
    }

    @Test
    void keyFromAnSsmSecureStringSignsTheScrtCalls() throws Exception {
        // GIVEN the SCRT key stored by SCV as a PKCS#1 PEM with CRLF line ends
        aws.putParameter("acmecc-scrt-jwt-auth-private-key", TestKeys.pkcs1Pem("\r\n"));
        InvokeTelephonyIntegrationApiHandler handler = new InvokeTelephonyIntegrationApiHandler(
                TelephonyWiring.fromEnvironment(environment("acmecc-scrt-jwt-auth-private-key")));

        // WHEN two calls are made
        InvokeTelephonyIntegrationApiHandlerTest.invoke(handler, Fixtures.text("connect-create-voice-call-pstn.json"));
        JsonNode answer = InvokeTelephonyIntegrationApiHandlerTest.invoke(handler, Fixtures.text("connect-cancel-omni-flow.json"));

        // THEN both reached SCRT with verified tokens, and the key was read once (cached)
        assertThat(scrt.received()).extracting(ScrtStub.Received::pathWithinBase)
                .containsExactly("/voiceCalls", "/voiceCalls/5ca32fbd-8f92-46af-92a5-6b0f970f0efe/clearRouting");
        assertThat(answer.isObject()).isTrue();
        assertThat(aws.calls()).extracting(AwsJsonStub.Call::target).containsExactly("AmazonSSM.GetParameter");
    }

    @Test
    void keyFromASecretsManagerArnSignsTheScrtCalls() throws Exception {
        String arn = "arn:aws:secretsmanager:us-west-2:123456789012:secret:acmecc-scrt-key-AbCdEf";
        aws.putSecret(arn, TestKeys.pkcs8Pem());
        InvokeTelephonyIntegrationApiHandler handler = new InvokeTelephonyIntegrationApiHandler(
                TelephonyWiring.fromEnvironment(environment(arn)));

        InvokeTelephonyIntegrationApiHandlerTest.invoke(handler, Fixtures.text("connect-reroute-flow.json"));

        assertThat(scrt.received()).hasSize(1);
        assertThat(aws.calls()).extracting(AwsJsonStub.Call::target).containsExactly("secretsmanager.GetSecretValue");
    }

    @Test
    void everyMissingVariableIsNamedAtInit() {
        assertThatThrownBy(() -> TelephonyWiring.fromEnvironment(Map.of("LOG_LEVEL", "verbose")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PRIVATE_KEY_PARAM_NAME")
                .hasMessageContaining("SALESFORCE_ORG_ID")
                .hasMessageContaining("SCRT_ENDPOINT_BASE")
                .hasMessageContaining("CALL_CENTER_API_NAME")
                .hasMessageContaining("LOG_LEVEL is 'verbose'");
    }

    @Test
    void nonHttpsScrtEndpointIsRejectedAtInit() {
        Map<String, String> env = new java.util.HashMap<>(environment("k"));
        env.put("SCRT_ENDPOINT_BASE", "http://acme.my.salesforce-scrt.com/telephony/v1");
        assertThatThrownBy(() -> TelephonyWiring.fromEnvironment(env))
                .hasMessageContaining("SCRT_ENDPOINT_BASE is 'http://acme.my.salesforce-scrt.com/telephony/v1'");
    }

    @Test
    void runtimeConstructorFailsAtInitWhenTheEnvironmentIsMissing() {
        // The test JVM has none of the function's variables: the runtime's no-arg construction must fail, naming them.
        assertThatThrownBy(InvokeTelephonyIntegrationApiHandler::new)
                .isInstanceOf(ExceptionInInitializerError.class)
                .cause()
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PRIVATE_KEY_PARAM_NAME");
    }
}
