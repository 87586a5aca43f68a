package dev.scvcdk.lambdas.ctrsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler with its production wiring: the production Lambda client, pointed at a local Lambda API. */
class CtrDataSyncHandlerTest {
    static final String TELEPHONY = "arn:aws:lambda:us-west-2:123456789012:function:acmecc-InvokeTelephonyIntegrationApi:active";

    private static LambdaApiStub lambda;
    private static CtrDataSyncHandler handler;

    @BeforeAll
    static void start() throws IOException {
        lambda = LambdaApiStub.asDefaultEndpoint();
        handler = new CtrDataSyncHandler(CtrSyncWiring.fromEnvironment(
                Map.of(CtrSyncWiring.TELEPHONY_FUNCTION_VARIABLE, TELEPHONY)));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @BeforeEach
    void answerOk() {
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.ok("{\"voiceCallId\":\"0LQ\"}"));
    }

    private static JsonNode invoke(String event, TestContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        return Json.read(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void malformedRecordsAreReportedAndTheGoodOneIsSentThroughTheAlias() throws IOException {
        int before = lambda.invocations().size();
        JsonNode response = invoke(Fixtures.text("kinesis-ctr-batch.json"), new TestContext(5_000));

        assertThat(response).isEqualTo(Json.read("""
                {"batchItemFailures":[
                  {"itemIdentifier":"49590338271490256608559692538361571095921575989136588802"},
                  {"itemIdentifier":"49590338271490256608559692538361571095921575989136588803"}]}"""));
        LambdaApiStub.Invocation invocation = lambda.invocations().get(before);
        assertThat(lambda.invocations()).hasSize(before + 1);
        assertThat(invocation.functionName()).isEqualTo(TELEPHONY);
        assertThat(invocation.invocationType()).isEqualTo("RequestResponse");
        assertThat(invocation.signed()).isTrue();
        JsonNode parameters = Json.read(invocation.payload()).path("Details").path("Parameters");
        assertThat(parameters.path("contactId").asText()).isEqualTo("c0000000-0000-4000-8000-000000000007");
        assertThat(parameters.path("methodName").asText()).isEqualTo("updateVoiceCall");
    }

    @Test
    void updateForARecordWithoutAttributesReachesTheTelephonyFunctionWithoutCallAttributes() throws IOException {
        // GIVEN a contact record with no Attributes object
        ObjectNode ctr = Fixtures.object("ctr-inbound.json");
        ctr.remove("Attributes");
        int before = lambda.invocations().size();
        String event = Json.write(Fixtures.kinesisEvent(java.util.List.<String[]>of(
                new String[] {"301", Fixtures.base64(ctr)})));

        // WHEN the batch is synced
        assertThat(invoke(event, null)).isEqualTo(Json.read("{\"batchItemFailures\":[]}"));

        // THEN the telephony function's updateVoiceCall carries no callAttributes: SCRT keeps what the call set
        JsonNode fieldValues = Json.read(lambda.invocations().get(before).payload())
                .path("Details").path("Parameters").path("fieldValues");
        assertThat(fieldValues.path("startTime").asText()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(fieldValues.has("callAttributes")).isFalse();
    }

    @Test
    void functionErrorFromTheAliasIsReported() throws IOException {
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.unhandled("SCRT updateVoiceCall answered HTTP 500"));
        String event = Json.write(Fixtures.kinesisEvent(java.util.List.<String[]>of(
                new String[] {"101", Fixtures.base64(Fixtures.json("ctr-inbound.json"))})));
        assertThat(invoke(event, null)).isEqualTo(Json.read("{\"batchItemFailures\":[{\"itemIdentifier\":\"101\"}]}"));
    }

    @Test
    void emptyBatchHasNoFailures() throws IOException {
        assertThat(invoke("{\"Records\":[]}", null)).isEqualTo(Json.read("{\"batchItemFailures\":[]}"));
    }

    @Test
    void recordsAreReportedWhenTheFunctionIsOutOfTime() throws IOException {
        // 100 ms left is inside the safety margin: nothing is started, everything is retried later.
        int before = lambda.invocations().size();
        String event = Json.write(Fixtures.kinesisEvent(java.util.List.<String[]>of(
                new String[] {"201", Fixtures.base64(Fixtures.json("ctr-inbound.json"))})));
        assertThat(invoke(event, new TestContext(100)))
                .isEqualTo(Json.read("{\"batchItemFailures\":[{\"itemIdentifier\":\"201\"}]}"));
        assertThat(lambda.invocations()).hasSize(before);
    }

    @Test
    void missingAliasArnFailsAtInitNamingTheVariable() {
        assertThatThrownBy(() -> CtrSyncWiring.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("INVOKE_TELEPHONY_INTEGRATION_API_ARN is required");
        assertThatThrownBy(CtrDataSyncHandler::new)
                .isInstanceOf(ExceptionInInitializerError.class)
                .cause().hasMessageContaining("INVOKE_TELEPHONY_INTEGRATION_API_ARN");
    }
}
