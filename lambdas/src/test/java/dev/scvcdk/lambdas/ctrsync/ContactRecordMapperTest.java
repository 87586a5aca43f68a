package dev.scvcdk.lambdas.ctrsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ContactRecordMapperTest {

    private static JsonNode map(JsonNode ctr) {
        return Json.MAPPER.valueToTree(ContactRecordMapper.fieldValues(ctr));
    }

    @Test
    void inboundRecordMapsEveryScvField() throws IOException {
        assertThat(map(Fixtures.json("ctr-inbound.json"))).isEqualTo(Json.read("""
                {"startTime":"2026-11-21T10:00:00Z",
                 "endTime":"2026-11-21T10:05:30Z",
                 "disconnectReason":{"value":"CUSTOMER_DISCONNECT","isError":false},
                 "acceptTime":"2026-11-21T10:01:10Z",
                 "totalHoldDuration":30,
                 "longestHoldDuration":20,
                 "agentInteractionDuration":245,
                 "numberOfHolds":2,
                 "enqueueTime":"2026-11-21T10:00:10Z",
                 "queue":"BasicQueue",
                 "initiationMethod":"INBOUND",
                 "fromNumber":"+14155550100",
                 "toNumber":"+18005550199",
                 "callSubType":"PSTN",
                 "recordingLocation":"tenant-bucket/connect/cc/CallRecordings/2026/11/21/c0000000_20261121T10:01_UTC.wav",
                 "callAttributes":"{\\"Case_Reason__c\\":\\"Billing\\",\\"sf_realtime_transcription_status\\":\\"LIMIT_REACHED\\"}"}"""));
    }

    @Test
    void outboundRecordIsFromTheSystemToTheCustomer() {
        JsonNode fields = map(Fixtures.json("ctr-outbound.json"));
        assertThat(fields.path("fromNumber").asText()).isEqualTo("+18005550199");
        assertThat(fields.path("toNumber").asText()).isEqualTo("+14155550111");
        assertThat(fields.path("parentCallIdentifier").asText()).isEqualTo("c0000000-0000-4000-8000-0000000000aa");
    }

    @Test
    void callbackRecordIsFromTheSystemToTheCustomer() {
        ObjectNode ctr = Fixtures.object("ctr-inbound.json").put("InitiationMethod", "CALLBACK");
        JsonNode fields = map(ctr);
        assertThat(fields.path("fromNumber").asText()).isEqualTo("+18005550199");
        assertThat(fields.path("toNumber").asText()).isEqualTo("+14155550100");
    }

    @Test
    void errorDisconnectReasonsAreFlagged() {
        assertThat(map(Fixtures.json("ctr-outbound.json")).path("disconnectReason").path("isError").asBoolean()).isTrue();
        assertThat(map(Fixtures.json("ctr-webrtc.json")).path("disconnectReason").path("isError").asBoolean()).isTrue();
        ObjectNode other = Fixtures.object("ctr-inbound.json").put("DisconnectReason", "OTHER");
        assertThat(map(other).path("disconnectReason").path("isError").asBoolean()).isTrue();
    }

    @Test
    void webRtcRecordUsesAttributesThenTheReversedEndpoints() {
        // WebRTC_To is set; WebRTC_From is not, so from falls back to the system endpoint
        JsonNode fields = map(Fixtures.json("ctr-webrtc.json"));
        assertThat(fields.path("fromNumber").asText()).isEqualTo("+18005550199");
        assertThat(fields.path("toNumber").asText()).isEqualTo("support-line");
        assertThat(fields.path("callSubType").asText()).isEqualTo("WebRTC");
        assertThat(fields.path("initiationMethod").asText()).isEqualTo("WEBRTC_API");
    }

    @Test
    void webRtcRecordWithoutAttributesOrEndpointsUsesTheDefault() {
        ObjectNode ctr = Fixtures.object("ctr-webrtc.json");
        ctr.putObject("Attributes");
        ctr.remove("SystemEndpoint");
        JsonNode fields = map(ctr);
        assertThat(fields.path("fromNumber").asText()).isEqualTo("WebRTC_Default");
        assertThat(fields.path("toNumber").asText()).isEqualTo("WebRTC_Default");
    }

    @Test
    void apiRecordIsReportedAsInbound() {
        JsonNode fields = map(Fixtures.json("ctr-api.json"));
        assertThat(fields.path("initiationMethod").asText()).isEqualTo("INBOUND");
        assertThat(fields.path("fromNumber").asText()).isEqualTo("+14155550122");
        assertThat(fields.path("callAttributes").asText()).isEqualTo("{\"Campaign__c\":\"Spring\"}");
    }

    @Test
    void absentFieldsAreLeftOutAndAnEmptyAttributesObjectSendsEmptyCallAttributes() {
        JsonNode fields = map(Fixtures.json("ctr-outbound.json"));
        assertThat(fields.has("acceptTime")).isFalse();
        assertThat(fields.has("queue")).isFalse();
        assertThat(fields.has("recordingLocation")).isFalse();
        assertThat(fields.path("callAttributes").asText()).isEqualTo("{}");
        fields.fields().forEachRemaining(field -> assertThat(field.getValue().isNull()).as(field.getKey()).isFalse());
    }

    @Test
    void recordWithoutAnAttributesObjectSendsNoCallAttributes() {
        // GIVEN a contact record that carries no Attributes object at all (absent, or JSON null)
        ObjectNode absent = Fixtures.object("ctr-inbound.json");
        absent.remove("Attributes");
        ObjectNode nulled = Fixtures.object("ctr-inbound.json");
        nulled.putNull("Attributes");

        // THEN the update has no callAttributes key, so it cannot wipe attributes set earlier in the call
        assertThat(map(absent).has("callAttributes")).isFalse();
        assertThat(map(nulled).has("callAttributes")).isFalse();
    }

    @Test
    void attributesWithoutSfdcKeysSendEmptyCallAttributes() {
        ObjectNode ctr = Fixtures.object("ctr-inbound.json");
        ctr.putObject("Attributes").put("greeting", "played");

        assertThat(map(ctr).path("callAttributes").asText()).isEqualTo("{}");
    }
}
