package dev.scvcdk.lambdas.restapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeSalesforceRestApiHandlerTest {

    @Test
    void runtimeConstructedHandlerFailsInitNamingTheMissingVariables() {
        // GIVEN this JVM has none of the function's variables (as a misconfigured function would)
        assertThat(System.getenv("PRIVATE_KEY_PARAM_NAME")).isNull();

        // WHEN the Lambda runtime creates the handler
        assertThatThrownBy(InvokeSalesforceRestApiHandler::new)
                // THEN init fails, naming the variables
                .isInstanceOf(ExceptionInInitializerError.class)
                .cause()
                .hasMessageContaining("PRIVATE_KEY_PARAM_NAME")
                .hasMessageContaining("SALESFORCE_AUTH_ENDPOINT");
    }

    @Test
    void directInvocationWithArrayParametersIsAnswered() throws Exception {
        // GIVEN ContactDataSync sends uploadIds as a JSON array rather than Connect's strings
        try (RestApiRig rig = new RestApiRig()) {
            rig.salesforce.reply("GET", "/connect/conversations/upload", 200, "{\"conversationUploadsStatus\":[]}");
            Map<String, Object> event = Map.of("Details", Map.of("Parameters",
                    Map.of("methodName", "fetchUploadIdsStatus", "uploadIds", List.of("0Xx5e000000AAAA", "0Xx5e000000BBBB"))));

            // WHEN the handler serves it
            Map<String, Object> result = RestApiRig.invoke(rig.newHandler(), event);

            // THEN the ids reach Salesforce as SCV's comma-separated list, and Salesforce's answer comes back as it is
            assertThat(rig.salesforce.onlyRequest().query()).containsExactly(entry("uploadIds", "0Xx5e000000AAAA,0Xx5e000000BBBB"));
            assertThat(result).containsExactly(entry("conversationUploadsStatus", List.of()));
        }
    }
}
