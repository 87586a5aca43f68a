package dev.scvcdk.lambdas.restapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.common.env.ConfigurationException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestApiConfigTest {

    private static Map<String, String> validEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PRIVATE_KEY_PARAM_NAME", "acme-salesforce-rest-api-auth-private-key");
        env.put("CONSUMER_KEY_PARAM_NAME", "acme-salesforce-rest-api-auth-consumer-key");
        env.put("ACCESS_TOKEN_PARAM_NAME", "acme-salesforce-rest-api-access-token");
        env.put("AUDIENCE", "acme-salesforce-rest-api-audience");
        env.put("SUBJECT", "acme-salesforce-rest-api-subject");
        env.put("SALESFORCE_REST_API_ENDPOINT_BASE", "https://acme.my.salesforce.com/services/data/v54.0");
        env.put("SALESFORCE_AUTH_ENDPOINT", "https://acme.my.salesforce.com/services/oauth2/token");
        env.put("LOG_LEVEL", "debug");
        return env;
    }

    @Test
    void readsScvsVariables() {
        RestApiConfig config = RestApiConfig.fromEnvironment(validEnv());

        assertThat(config.privateKeyParamName()).isEqualTo("acme-salesforce-rest-api-auth-private-key");
        assertThat(config.audienceParamName()).isEqualTo("acme-salesforce-rest-api-audience");
        assertThat(config.subjectParamName()).isEqualTo("acme-salesforce-rest-api-subject");
        assertThat(config.restApiEndpointBase()).isEqualTo(URI.create("https://acme.my.salesforce.com/services/data/v54.0"));
        assertThat(config.authEndpoint()).isEqualTo(URI.create("https://acme.my.salesforce.com/services/oauth2/token"));
        assertThat(config.logLevel()).isEqualTo("DEBUG");
    }

    @Test
    void callCenterComesFromTheAccessTokenParameterNameUnlessSetExplicitly() {
        assertThat(RestApiConfig.fromEnvironment(validEnv()).callCenterApiName()).contains("acme");

        Map<String, String> env = validEnv();
        env.put("CALL_CENTER_API_NAME", "AcmeCallCenter");
        assertThat(RestApiConfig.fromEnvironment(env).callCenterApiName()).contains("AcmeCallCenter");

        env.remove("CALL_CENTER_API_NAME");
        env.put("ACCESS_TOKEN_PARAM_NAME", "custom-token");
        assertThat(RestApiConfig.fromEnvironment(env).callCenterApiName()).isEmpty();
    }

    @Test
    void everyMissingVariableIsNamedInOneError() {
        assertThatThrownBy(() -> RestApiConfig.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(7))
                .hasMessageContaining("PRIVATE_KEY_PARAM_NAME")
                .hasMessageContaining("CONSUMER_KEY_PARAM_NAME")
                .hasMessageContaining("ACCESS_TOKEN_PARAM_NAME")
                .hasMessageContaining("AUDIENCE")
                .hasMessageContaining("SUBJECT")
                .hasMessageContaining("SALESFORCE_REST_API_ENDPOINT_BASE")
                .hasMessageContaining("SALESFORCE_AUTH_ENDPOINT");
    }

    @Test
    void plainHttpToARealHostIsRejected() {
        Map<String, String> env = validEnv();
        env.put("SALESFORCE_AUTH_ENDPOINT", "http://acme.my.salesforce.com/services/oauth2/token");

        assertThatThrownBy(() -> RestApiConfig.fromEnvironment(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SALESFORCE_AUTH_ENDPOINT")
                .hasMessageContaining("'http://acme.my.salesforce.com/services/oauth2/token'")
                .hasMessageContaining("https");
    }

    @Test
    void endpointsMustHaveTheirSalesforcePaths() {
        Map<String, String> env = validEnv();
        env.put("SALESFORCE_REST_API_ENDPOINT_BASE", "https://acme.my.salesforce.com");
        env.put("SALESFORCE_AUTH_ENDPOINT", "https://acme.my.salesforce.com/services/oauth2/authorize");

        assertThatThrownBy(() -> RestApiConfig.fromEnvironment(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SALESFORCE_REST_API_ENDPOINT_BASE is 'https://acme.my.salesforce.com'")
                .hasMessageContaining("/services/data/vNN.0")
                .hasMessageContaining("SALESFORCE_AUTH_ENDPOINT is 'https://acme.my.salesforce.com/services/oauth2/authorize'");
    }

    @Test
    void unknownLogLevelIsNamed() {
        Map<String, String> env = validEnv();
        env.put("LOG_LEVEL", "CHATTY");

        assertThatThrownBy(() -> RestApiConfig.fromEnvironment(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("LOG_LEVEL is 'CHATTY'");
    }
}
