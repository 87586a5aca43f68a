package dev.scvcdk.lambdas.kvstrigger;

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
import org.junit.jupiter.api.Test;

class KvsConsumerTriggerHandlerTest {
    private static final String TRANSCRIBER = "arn:aws:lambda:us-west-2:123456789012:function:acmecc-kvsTranscriber:active";

    private static LambdaApiStub lambda;
    private static KvsConsumerTriggerHandler handler;

    @BeforeAll
    static void start() throws IOException {
        lambda = LambdaApiStub.asDefaultEndpoint();
        handler = new KvsConsumerTriggerHandler(KvsConsumerTriggerHandler.fromEnvironment(
                Map.of(KvsConsumerTriggerHandler.TRANSCRIBER_FUNCTION_VARIABLE, TRANSCRIBER)));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    private static JsonNode invoke(String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.read(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void transcriberIsInvokedAsynchronouslyWithScvsPayload() throws IOException {
        int before = lambda.invocations().size();
        JsonNode answer = invoke(Fixtures.text("kvs-trigger.json"));

        assertThat(answer).isEqualTo(Json.read("{\"lambdaResult\":\"Success\"}"));
        List<LambdaApiStub.Invocation> invocations = lambda.invocations();
        assertThat(invocations).hasSize(before + 1);
        LambdaApiStub.Invocation invocation = invocations.get(before);
        assertThat(invocation.functionName()).isEqualTo(TRANSCRIBER);
        assertThat(invocation.invocationType()).isEqualTo("Event");
        assertThat(Json.read(invocation.payload())).isEqualTo(Json.read("""
                {"streamARN":"arn:aws:kinesisvideo:us-west-2:123456789012:stream/cc-contact-5ca32fbd/1763719200000",
                 "startFragmentNum":"91343852333181432392682062607743920146264440123",
                 "audioStartTimestamp":"1763719200000",
                 "customerPhoneNumber":"+14155550100",
                 "voiceCallId":"5ca32fbd-8f92-46af-92a5-6b0f970f0efe",
                 "languageCode":"es-US",
                 "streamAudioFromCustomer":true,
                 "streamAudioToCustomer":false,
                 "instanceARN":"arn:aws:connect:us-west-2:123456789012:instance/9e4f1b0c-1234-4c5d-8e9f-0a1b2c3d4e5f",
                 "engine":"medical",
                 "vocabularyFilterName":"profanity",
                 "specialty":"PRIMARYCARE"}"""));
    }

    @Test
    void defaultsApplyWhenAttributesAndParametersAreAbsent() {
        ObjectNode event = Fixtures.object("kvs-trigger.json");
        ((ObjectNode) event.path("Details").path("ContactData")).putObject("Attributes");
        ((ObjectNode) event.path("Details")).putObject("Parameters");
        Map<String, Object> payload = KvsTriggerService.payload(event);
        assertThat(payload).containsEntry("languageCode", "en-US")
                .containsEntry("streamAudioFromCustomer", true)
                .containsEntry("streamAudioToCustomer", true)
                .containsEntry("engine", "standard")
                .doesNotContainKeys("vocabularyName", "vocabularyFilterName", "vocabularyFilterMethod", "specialty");
    }

    @Test
    void unknownEngineIsRejectedNamingIt() {
        ObjectNode event = Fixtures.object("kvs-trigger.json");
        ((ObjectNode) event.path("Details").path("Parameters")).put("engine", "turbo");
        assertThatThrownBy(() -> KvsTriggerService.payload(event))
                .hasMessageContaining("engine is 'turbo'");
    }

    @Test
    void missingAudioStreamIsRejected() {
        ObjectNode event = Fixtures.object("kvs-trigger.json");
        ((ObjectNode) event.path("Details").path("ContactData")).remove("MediaStreams");
        assertThatThrownBy(() -> KvsTriggerService.payload(event))
                .hasMessageContaining("MediaStreams.Customer.Audio.StreamARN is missing");
    }

    @Test
    void missingTranscriberArnFailsAtInitNamingTheVariable() {
        assertThatThrownBy(() -> KvsConsumerTriggerHandler.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("INVOKE_KVS_TRANSCRIBER_ARN is required");
    }
}
