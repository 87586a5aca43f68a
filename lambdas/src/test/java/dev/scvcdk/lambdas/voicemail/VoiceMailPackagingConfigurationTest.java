package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.common.env.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** VoiceMailPackaging's environment (SCV's names): a bad one fails init, naming every problem. */
class VoiceMailPackagingConfigurationTest {
    private static final String TELEPHONY = VoiceMailPackagingHandlerTest.TELEPHONY;

    @Test
    void aMissingTelephonyAliasFailsInitNamingTheVariable() {
        // GIVEN no invoke_telephony_integration_api_arn
        // WHEN the function initialises THEN init fails naming it
        assertThatThrownBy(() -> VoiceMailPackagingHandler.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("invoke_telephony_integration_api_arn is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sixty", "-1", "1.5", "201", "99999"})
    void aRoutingDelayThatIsNotWholeSecondsUpTo200FailsInitNamingVariableValueAndRule(String delay) {
        // GIVEN a bad delay_before_routing_vm_sec
        Map<String, String> environment = Map.of(VoiceMailPackagingHandler.TELEPHONY_FUNCTION_VARIABLE, TELEPHONY,
                VoiceMailPackagingHandler.ROUTING_DELAY_VARIABLE, delay);

        // WHEN the function initialises THEN init fails naming the variable, its value and the rule
        assertThatThrownBy(() -> VoiceMailPackagingHandler.fromEnvironment(environment))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("delay_before_routing_vm_sec is '" + delay
                        + "': must be a whole number of seconds from 0 to 200");
    }

    @Test
    void everyProblemIsReportedInOneError() {
        // GIVEN both variables wrong
        Map<String, String> environment = Map.of(VoiceMailPackagingHandler.ROUTING_DELAY_VARIABLE, "soon");

        // WHEN the function initialises THEN one error names both
        assertThatThrownBy(() -> VoiceMailPackagingHandler.fromEnvironment(environment))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("invoke_telephony_integration_api_arn is required")
                .hasMessageContaining("delay_before_routing_vm_sec is 'soon'");
    }
}
