package dev.scvcdk.lambdas.contactevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandleContactEventsHandlerTest {
    private static final String TELEPHONY = "arn:aws:lambda:eu-west-2:123456789012:function:ukcc-InvokeTelephonyIntegrationApi:active";

    private static LambdaApiStub lambda;
    private static HandleContactEventsHandler handler;

    @BeforeAll
    static void start() throws IOException {
        lambda = LambdaApiStub.asDefaultEndpoint();
        handler = new HandleContactEventsHandler(HandleContactEventsHandler.fromEnvironment(
                Map.of(HandleContactEventsHandler.TELEPHONY_FUNCTION_VARIABLE, TELEPHONY)));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @BeforeEach
    void answerOk() {
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.ok("{\"success\":true}"));
    }

    private static JsonNode invoke(String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.read(out.toString(StandardCharsets.UTF_8));
    }

    private static List<LambdaApiStub.Invocation> invocationsSince(int before) {
        List<LambdaApiStub.Invocation> all = lambda.invocations();
        return all.subList(before, all.size());
    }

    @Test
    void disconnectWithoutAnAgentCancelsTheOmniFlowThroughTheAlias() throws IOException {
        int before = lambda.invocations().size();
        JsonNode answer = invoke(Fixtures.text("contact-event-disconnected.json"));

        List<LambdaApiStub.Invocation> invocations = invocationsSince(before);
        assertThat(invocations).hasSize(1);
        assertThat(invocations.get(0).functionName()).isEqualTo(TELEPHONY);
        assertThat(Json.read(invocations.get(0).payload())).isEqualTo(Json.read(
                "{\"Details\":{\"Parameters\":{\"methodName\":\"cancelOmniFlowExecution\","
                        + "\"contactId\":\"5ca32fbd-8f92-46af-92a5-6b0f970f0efe\"}}}"));
        assertThat(answer.path("success").asBoolean()).isTrue();
    }

    @Test
    void expiredAgentRoutingStepReroutes() throws IOException {
        int before = lambda.invocations().size();
        invoke(Fixtures.text("contact-event-routing-expired.json"));
        List<LambdaApiStub.Invocation> invocations = invocationsSince(before);
        assertThat(invocations).hasSize(1);
        assertThat(Json.read(invocations.get(0).payload()).path("Details").path("Parameters").path("methodName").asText())
                .isEqualTo("rerouteFlowExecution");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "contact-event-disconnected-with-agent.json",
        "contact-event-disconnected-outbound.json",
        "contact-event-routing-active.json",
        "contact-event-routing-expired-no-agents.json",
        "keep-warm.json"})
    void otherEventsAreIgnored(String fixture) throws IOException {
        int before = lambda.invocations().size();
        assertThat(invoke(Fixtures.text(fixture))).isEqualTo(Json.object());
        assertThat(invocationsSince(before)).isEmpty();
    }

    @Test
    void nullAgentInfoCountsAsNoAgent() {
        ObjectNode event = Fixtures.object("contact-event-disconnected.json");
        ((ObjectNode) event.path("detail")).putNull("agentInfo");
        assertThat(ContactEventsService.methodFor(event)).contains("cancelOmniFlowExecution");
    }

    @Test
    void missingOrNullPartsAreIgnoredNotErrors() {
        ObjectNode noSteps = Fixtures.object("contact-event-routing-expired.json");
        ((ObjectNode) noSteps.path("detail")).putNull("routingCriteria");
        ObjectNode noContact = Fixtures.object("contact-event-disconnected.json");
        ((ObjectNode) noContact.path("detail")).remove("contactId");
        assertThat(ContactEventsService.methodFor(noSteps)).isEmpty();
        assertThat(ContactEventsService.methodFor(noContact)).isEmpty();
        assertThat(ContactEventsService.methodFor(Json.object())).isEmpty();
    }

    @Test
    void transferContactsAreHandledLikeInbound() {
        ObjectNode event = Fixtures.object("contact-event-disconnected.json");
        ((ObjectNode) event.path("detail")).put("initiationMethod", "TRANSFER");
        assertThat(ContactEventsService.methodFor(event)).contains("cancelOmniFlowExecution");
    }

    @Test
    void telephonyFailureFailsTheInvocationSoEventBridgeRetries() {
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.unhandled("SCRT cancelOmniFlowExecution answered HTTP 503"));
        assertThatThrownBy(() -> invoke(Fixtures.text("contact-event-disconnected.json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cancelOmniFlowExecution failed for contact 5ca32fbd-8f92-46af-92a5-6b0f970f0efe")
                .hasMessageContaining("Unhandled");
    }

    @Test
    void missingAliasArnFailsAtInitNamingTheVariable() {
        assertThatThrownBy(() -> HandleContactEventsHandler.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("INVOKE_TELEPHONY_INTEGRATION_API_ARN is required");
    }
}
