package dev.scvcdk.lambdas.common.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvReaderTest {

    @Test
    void missingVariablesAreAllNamedInOneError() {
        // GIVEN an environment with neither variable set
        EnvReader env = EnvReader.of(Map.of("OTHER", "x"));
        // WHEN both are required
        env.required("SALESFORCE_ORG_ID");
        env.requiredUrl("SCRT_ENDPOINT_BASE");
        // THEN one error names both
        assertThatThrownBy(env::validate)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SALESFORCE_ORG_ID is required")
                .hasMessageContaining("SCRT_ENDPOINT_BASE is required")
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(2));
    }

    @Test
    void blankValueCountsAsMissing() {
        EnvReader env = EnvReader.of(Map.of("CALL_CENTER_API_NAME", "   "));
        assertThat(env.required("CALL_CENTER_API_NAME")).isNull();
        assertThatThrownBy(env::validate).hasMessageContaining("CALL_CENTER_API_NAME is required");
    }

    @Test
    void httpsUrlIsAccepted() {
        EnvReader env = EnvReader.of(Map.of("SCRT_ENDPOINT_BASE", "https://acme.my.salesforce-scrt.com/telephony/v1"));
        assertThat(env.requiredUrl("SCRT_ENDPOINT_BASE")).hasHost("acme.my.salesforce-scrt.com");
        env.validate();
    }

    @Test
    void plainHttpIsRejectedForARemoteHostButAcceptedForLoopback() {
        EnvReader remote = EnvReader.of(Map.of("SCRT_ENDPOINT_BASE", "http://acme.my.salesforce-scrt.com/telephony/v1"));
        assertThat(remote.requiredUrl("SCRT_ENDPOINT_BASE")).isNull();
        assertThatThrownBy(remote::validate)
                .hasMessageContaining("SCRT_ENDPOINT_BASE is 'http://acme.my.salesforce-scrt.com/telephony/v1'")
                .hasMessageContaining("https");

        EnvReader loopback = EnvReader.of(Map.of("SCRT_ENDPOINT_BASE", "http://127.0.0.1:8080/telephony/v1"));
        assertThat(loopback.requiredUrl("SCRT_ENDPOINT_BASE")).hasPort(8080);
        loopback.validate();
    }

    @Test
    void malformedUrlIsRejectedWithTheValue() {
        EnvReader env = EnvReader.of(Map.of("SCRT_ENDPOINT_BASE", "https://bad host/x"));
        env.requiredUrl("SCRT_ENDPOINT_BASE");
        assertThatThrownBy(env::validate).hasMessageContaining("SCRT_ENDPOINT_BASE is 'https://bad host/x'");
    }

    @Test
    void urlWithQueryIsRejected() {
        EnvReader env = EnvReader.of(Map.of("SCRT_ENDPOINT_BASE", "https://acme.example.com/v1?x=1"));
        env.requiredUrl("SCRT_ENDPOINT_BASE");
        assertThatThrownBy(env::validate).hasMessageContaining("query or fragment");
    }

    @Test
    void oneOfAcceptsAnyCaseAndRejectsOthers() {
        EnvReader env = EnvReader.of(Map.of("LOG_LEVEL", "debug", "MODE", "loud"));
        assertThat(env.oneOf("LOG_LEVEL", Set.of("DEBUG", "INFO"), "INFO")).isEqualTo("DEBUG");
        assertThat(env.oneOf("UNSET", Set.of("DEBUG", "INFO"), "INFO")).isEqualTo("INFO");
        env.oneOf("MODE", Set.of("QUIET"), "QUIET");
        assertThatThrownBy(env::validate).hasMessageContaining("MODE is 'loud': must be one of [QUIET]");
    }
}
