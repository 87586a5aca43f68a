package dev.scvcdk.lambdas.common.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.json.Json;
import org.junit.jupiter.api.Test;

class CallAttributesTest {

    @Test
    void onlySfdcAttributesAreSentWithThePrefixStripped() throws Exception {
        String json = CallAttributes.toJson(Json.read("{\"sfdc-Case__c\":\"500x\",\"Case__c\":\"no\",\"SFDC-upper\":\"no\"}"));
        assertThat(Json.read(json)).isEqualTo(Json.read("{\"Case__c\":\"500x\"}"));
    }

    @Test
    void transcriptionStatusIsSentAsIs() throws Exception {
        String json = CallAttributes.toJson(Json.read("{\"sf_realtime_transcription_status\":\"LIMIT_REACHED\"}"));
        assertThat(Json.read(json)).isEqualTo(Json.read("{\"sf_realtime_transcription_status\":\"LIMIT_REACHED\"}"));
    }

    @Test
    void noAttributesGiveAnEmptyObject() {
        assertThat(CallAttributes.toJson(null)).isEqualTo("{}");
        assertThat(CallAttributes.toJson(Json.object())).isEqualTo("{}");
    }
}
