package dev.scvcdk.lambdas.ctrsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContactRecordFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"ctr-inbound.json", "ctr-outbound.json", "ctr-webrtc.json", "ctr-api.json"})
    void syncableRecordsAreNotSkipped(String fixture) {
        assertThat(ContactRecordFilter.skipReason(Fixtures.json(fixture))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INBOUND", "OUTBOUND", "TRANSFER", "CALLBACK", "API", "WEBRTC_API"})
    void everyScvInitiationMethodIsSynced(String method) {
        ObjectNode ctr = Fixtures.object("ctr-inbound.json").put("InitiationMethod", method);
        assertThat(ContactRecordFilter.skipReason(ctr)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUEUE_TRANSFER", "DISCONNECT", "MONITOR", "EXTERNAL_OUTBOUND", ""})
    void otherInitiationMethodsAreSkipped(String method) {
        ObjectNode ctr = Fixtures.object("ctr-inbound.json").put("InitiationMethod", method);
        assertThat(ContactRecordFilter.skipReason(ctr)).hasValueSatisfying(r -> assertThat(r).contains("not synced"));
    }

    @Test
    void noSyncAttributeSkipsTheRecord() {
        assertThat(ContactRecordFilter.skipReason(Fixtures.json("ctr-nosync.json"))).contains("Attributes.NoSync is true");
    }

    @Test
    void recordWithoutContactIdIsSkipped() {
        ObjectNode ctr = Fixtures.object("ctr-inbound.json");
        ctr.remove("ContactId");
        assertThat(ContactRecordFilter.skipReason(ctr)).contains("no ContactId");
    }

    @Test
    void finishedVoicemailIsSkipped() {
        assertThat(ContactRecordFilter.skipReason(Fixtures.json("ctr-voicemail.json"))).contains("finished voicemail");
    }

    @Test
    void voicemailFlagWithoutRecordingsIsStillSynced() {
        ObjectNode ctr = Fixtures.object("ctr-voicemail.json");
        ctr.putArray("Recordings");
        assertThat(ContactRecordFilter.skipReason(ctr)).isEmpty();
    }

    @Test
    void anyNonEmptyVoicemailFlagCountsAsSetAsInScv() {
        ObjectNode ctr = Fixtures.object("ctr-voicemail.json");
        ((ObjectNode) ctr.path("Attributes")).put("vm_flag", "false");
        assertThat(ContactRecordFilter.skipReason(ctr)).contains("finished voicemail");
        ((ObjectNode) ctr.path("Attributes")).put("vm_flag", "");
        assertThat(ContactRecordFilter.skipReason(ctr)).isEmpty();
    }
}
