package dev.scvcdk.lambdas.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtException;
import dev.scvcdk.lambdas.common.scrt.ScrtTokenFactory;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler end to end against a local SCRT stand-in that verifies the JWT and headers of every call. */
class InvokeTelephonyIntegrationApiHandlerTest {
    static final String ORG = "00D5e000000AbCdEAA";
    static final String CALL_CENTER = "acmecc";
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00.123456Z");

    private ScrtStub scrt;
    private InvokeTelephonyIntegrationApiHandler handler;

    @BeforeEach
    void start() throws IOException {
        scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
        scrt.respondWith(request -> ScrtStub.Reply.json(200, "{\"voiceCallId\":\"0LQ5e000000AbCd\"}"));
        RetryingHttpClient http = new RetryingHttpClient(HttpClient.newHttpClient(),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofSeconds(5)),
                Duration.ofSeconds(2), d -> { }, Clock.systemUTC(), () -> 0.5, new CapturingLog().logger());
        ScrtClient client = new ScrtClient(URI.create(scrt.baseUrl()),
                new ScrtTokenFactory(ORG, CALL_CENTER, TestKeys::privateKey, Clock.systemUTC()), http);
        handler = new InvokeTelephonyIntegrationApiHandler(new TelephonyService(client, CALL_CENTER,
                Clock.fixed(NOW, ZoneOffset.UTC), new CapturingLog().logger()));
    }

    @AfterEach
    void stop() {
        assertThat(scrt.problems()).isEmpty();
        scrt.close();
    }

    private JsonNode invoke(String fixture) throws IOException {
        return invoke(handler, Fixtures.text(fixture));
    }

    static JsonNode invoke(InvokeTelephonyIntegrationApiHandler handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.read(out.toString(StandardCharsets.UTF_8));
    }

    private ScrtStub.Received onlyRequest() {
        assertThat(scrt.received()).hasSize(1);
        return scrt.received().get(0);
    }

    private static JsonNode body(ScrtStub.Received request) throws IOException {
        return Json.read(request.body());
    }

    @Test
    void createVoiceCallForPstnSendsExactlyScvsBody() throws IOException {
        JsonNode answer = invoke("connect-create-voice-call-pstn.json");

        ScrtStub.Received request = onlyRequest();
        assertThat(request.method() + " " + request.pathWithinBase()).isEqualTo("POST /voiceCalls");
        assertThat(body(request)).isEqualTo(Json.read("""
                {"callCenterApiName":"acmecc",
                 "vendorCallKey":"5ca32fbd-8f92-46af-92a5-6b0f970f0efe",
                 "to":"+18005550199",
                 "from":"+14155550100",
                 "initiationMethod":"Inbound",
                 "startTime":"2026-11-21T12:00:00.123Z",
                 "callSubtype":"PSTN",
                 "callAttributes":"{\\"Priority__c\\":\\"High\\",\\"Account_Number__c\\":\\"ACME-42\\"}",
                 "participants":[{"participantKey":"+14155550100","type":"END_USER"}]}"""));
        assertThat(answer.path("voiceCallId").asText()).isEqualTo("0LQ5e000000AbCd");
    }

    @Test
    void createVoiceCallForWebRtcUsesTheWebRtcAttributesAndDefaults() throws IOException {
        invoke("connect-create-voice-call-webrtc.json");

        JsonNode body = body(onlyRequest());
        assertThat(body.path("callSubtype").asText()).isEqualTo("WebRTC");
        assertThat(body.path("from").asText()).isEqualTo("web-visitor-17");
        assertThat(body.path("to").asText()).isEqualTo("WebRTC_Default");
        assertThat(body.path("participants")).isEqualTo(Json.read("[{\"participantKey\":\"WebRTC_Default\",\"type\":\"END_USER\"}]"));
        assertThat(body.path("callAttributes").asText()).isEqualTo("{\"Source__c\":\"website\"}");
    }

    @Test
    void createTransferVcLinksTheParentCallAndQueue() throws IOException {
        invoke("connect-create-transfer-vc.json");

        ScrtStub.Received request = onlyRequest();
        assertThat(request.method() + " " + request.pathWithinBase()).isEqualTo("POST /voiceCalls");
        JsonNode body = body(request);
        assertThat(body.path("initiationMethod").asText()).isEqualTo("Transfer");
        assertThat(body.path("vendorCallKey").asText()).isEqualTo("7d3c2b1a-0f9e-4d8c-b7a6-958473625140");
        assertThat(body.path("parentVoiceCallId").asText()).isEqualTo("5ca32fbd-8f92-46af-92a5-6b0f970f0efe");
        assertThat(body.path("to").asText()).isEqualTo("+18005550199");
        assertThat(body.path("from").asText()).isEqualTo("+14155550100");
        assertThat(body.path("queue").asText()).endsWith("/queue/8a7b6c5d-4e3f-2a1b-0c9d-8e7f6a5b4c3d");
        assertThat(body.path("participants").path(0).path("participantKey").asText()).isEqualTo("+14155550100");
        assertThat(body.path("callAttributes").asText()).isEqualTo("{\"Transfer_Reason__c\":\"billing\"}");
    }

    @Test
    void updateVoiceCallSendsTheFieldValuesWithTheCallCenter() throws IOException {
        invoke("connect-update-voice-call.json");

        ScrtStub.Received request = onlyRequest();
        assertThat(request.method() + " " + request.pathWithinBase())
                .isEqualTo("PATCH /voiceCalls/5ca32fbd-8f92-46af-92a5-6b0f970f0efe");
        assertThat(body(request)).isEqualTo(Json.read(
                "{\"callAttributes\":\"{\\\"Survey__c\\\":\\\"5\\\"}\",\"callCenterApiName\":\"acmecc\"}"));
    }

    @Test
    void executeOmniFlowSendsFlowNameQueueDialedNumberAndInputs() throws IOException {
        invoke("connect-execute-omni-flow.json");

        ScrtStub.Received request = onlyRequest();
        assertThat(request.method() + " " + request.pathWithinBase())
                .isEqualTo("PATCH /voiceCalls/5ca32fbd-8f92-46af-92a5-6b0f970f0efe/omniFlow");
        assertThat(body(request)).isEqualTo(Json.read("""
                {"flowDevName":"Route_To_Skills","fallbackQueue":"00G5e000001AbCd","dialedNumber":"+18005550199",
                 "flowInputParameters":{"Language":"French","Tier":"Gold"}}"""));
    }

    @Test
    void executeOmniFlowFallsBackToTheDialedNumberFieldValue() throws IOException {
        String event = """
                {"Details":{"ContactData":{"ContactId":"c-9"},
                 "Parameters":{"methodName":"executeOmniFlow","flowDevName":"F","fieldValues":{"dialedNumber":"+18005550000"}}}}""";
        invoke(handler, event);
        assertThat(body(onlyRequest()).path("dialedNumber").asText()).isEqualTo("+18005550000");
    }

    @Test
    void cancelOmniFlowExecutionClearsRoutingWithoutABody() throws IOException {
        JsonNode answer = invoke("connect-cancel-omni-flow.json");

        ScrtStub.Received request = onlyRequest();
        assertThat(request.method() + " " + request.pathWithinBase())
                .isEqualTo("PATCH /voiceCalls/5ca32fbd-8f92-46af-92a5-6b0f970f0efe/clearRouting");
        assertThat(request.body()).isEmpty();
        assertThat(answer.path("voiceCallId").asText()).isEqualTo("0LQ5e000000AbCd");
    }

    @Test
    void rerouteFlowExecutionPrefersTheContactIdParameter() throws IOException {
        invoke("connect-reroute-flow.json");

        ScrtStub.Received request = onlyRequest();
        assertThat(request.method() + " " + request.pathWithinBase())
                .isEqualTo("PATCH /voiceCalls/5ca32fbd-8f92-46af-92a5-6b0f970f0efe/reroute");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void sendMessagePostsTheMessageWithTheCallCenter() throws IOException {
        scrt.respondWith(request -> ScrtStub.Reply.json(201, "{\"result\":\"Success\"}"));
        JsonNode answer = invoke("connect-send-message.json");

        ScrtStub.Received request = onlyRequest();
        assertThat(request.method() + " " + request.pathWithinBase())
                .isEqualTo("POST /voiceCalls/5ca32fbd-8f92-46af-92a5-6b0f970f0efe/messages");
        JsonNode body = body(request);
        assertThat(body.path("content").asText()).isEqualTo("I would like to check my balance");
        assertThat(body.path("startTime").asLong()).isEqualTo(1763726400000L);
        assertThat(body.path("callCenterApiName").asText()).isEqualTo("acmecc");
        assertThat(answer.path("result").asText()).isEqualTo("Success");
    }

    @Test
    void sendMessageFailureIsAnsweredAsErrorResult() throws IOException {
        scrt.respondWith(request -> ScrtStub.Reply.json(400, "[{\"errorCode\":\"INVALID_INPUT\"}]"));
        JsonNode answer = invoke("connect-send-message.json");
        assertThat(answer).isEqualTo(Json.read("{\"result\":\"Error\"}"));
    }

    @Test
    void otherFailuresFailTheInvocation() {
        scrt.respondWith(request -> ScrtStub.Reply.json(400, "[{\"errorCode\":\"INVALID_INPUT\"}]"));
        assertThatThrownBy(() -> invoke("connect-update-voice-call.json"))
                .isInstanceOf(ScrtException.class)
                .hasMessageContaining("updateVoiceCall answered HTTP 400");
    }

    @Test
    void keepWarmEventIsAnsweredWithoutCallingScrt() throws IOException {
        JsonNode answer = invoke("keep-warm.json");
        assertThat(answer).isEqualTo(Json.read("{\"statusCode\":200,\"message\":\"Keep Lambda Warm\"}"));
        assertThat(scrt.received()).isEmpty();
    }

    @Test
    void unknownMethodIsAnErrorNamingIt() {
        assertThatThrownBy(() -> invoke("connect-unknown-method.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'deleteVoiceCall'")
                .hasMessageContaining("createVoiceCall");
        assertThat(scrt.received()).isEmpty();
    }

    @Test
    void missingContactIdIsAnError() {
        assertThatThrownBy(() -> invoke(handler, "{\"Details\":{\"Parameters\":{\"methodName\":\"rerouteFlowExecution\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no contact id");
    }

    @Test
    void fieldValuesThatAreNotAnObjectAreRejected() {
        assertThatThrownBy(() -> invoke(handler,
                "{\"Details\":{\"ContactData\":{\"ContactId\":\"c\"},\"Parameters\":{\"methodName\":\"updateVoiceCall\",\"fieldValues\":[1]}}}"))
                .hasMessageContaining("fieldValues is a ARRAY: must be a JSON object");
    }
}
