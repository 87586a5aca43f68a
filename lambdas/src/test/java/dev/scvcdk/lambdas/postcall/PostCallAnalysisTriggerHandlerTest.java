package dev.scvcdk.lambdas.postcall;

import static dev.scvcdk.lambdas.postcall.PostCallRig.BUCKET;
import static dev.scvcdk.lambdas.postcall.PostCallRig.CONTACT;
import static dev.scvcdk.lambdas.postcall.PostCallRig.INSTANCE;
import static dev.scvcdk.lambdas.postcall.PostCallRig.KEY;
import static dev.scvcdk.lambdas.postcall.PostCallRig.T0;
import static dev.scvcdk.lambdas.postcall.PostCallRig.T1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.ConnectStub;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.S3Stub.Operation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PostCallAnalysisTrigger from EventBridge's side: S3, Connect, SSM and SCRT are loopback stand-ins. */
class PostCallAnalysisTriggerHandlerTest {
    private PostCallRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new PostCallRig();
    }

    @AfterEach
    void stop() {
        assertThat(rig.scrt.problems()).as("SCRT auth and headers").isEmpty();
        rig.close();
    }

    private static JsonNode event(String type, String value, long start, long end, String participant) {
        ObjectNode event = Json.object();
        event.put("type", type).put("value", value).put("startTime", start).put("endTime", end)
                .put("participant", participant);
        return event;
    }

    private void putAnalysis(ObjectNode analysis) {
        rig.s3.store(BUCKET, KEY, Json.write(analysis));
    }

    @Test
    void analysisBecomesScoresThenItemSignalsPostedForTheContactAndAnswersSuccess() throws Exception {
        // GIVEN the fixture analysis (AGENT 0.8, CUSTOMER 0; four items) and contact (T0, T1)
        // WHEN its Object Created event arrives
        String answer = rig.invoke();

        // THEN one postConversationEvents call for the contact carries SCV's events, in SCV's order
        assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
        assertThat(rig.scrt.accepted()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.pathWithinBase()).isEqualTo("/voiceCalls/" + CONTACT + "/postConversationEvents");
        });
        JsonNode body = Json.read(rig.scrt.accepted().get(0).body());
        assertThat(body.path("service").asText()).isEqualTo("AmazonConnectContactLens");
        assertThat(rig.acceptedEvents()).containsExactly(
                event("IntelligenceSignal__OverallSentimentScore", "0.8", T0, T1, "AGENT"),
                event("IntelligenceSignal__OverallSentimentScore", "0", T0, T1, "CUSTOMER"),
                event("IntelligenceSignal__Sentiment", "1000", T0, T0 + 1500, "AGENT"),
                event("IntelligenceSignal__Sentiment", "0", T0 + 1600, T0 + 3000, "CUSTOMER"),
                event("IntelligenceSignal__Sentiment", "0", T0 + 3100, T0 + 4000, "AGENT"),
                event("IntelligenceSignal__Sentiment", "-1000", T0 + 4100, T0 + 5000, "CUSTOMER"));
        // AND the contact was described in the analysis' instance, with a signed request
        assertThat(rig.connect.calls()).containsExactly(new ConnectStub.Call(INSTANCE, CONTACT, true));
    }

    @Test
    void theJwtCarriesTheScrtAudienceAndExpiresWithinFiveMinutes() throws Exception {
        // GIVEN / WHEN an analysis is posted
        rig.invoke();

        // THEN the stand-in verified the token (signature, iss, sub, aud, exp ≈ now + 5 min, fresh jti)
        assertThat(rig.scrt.accepted()).hasSize(1);
        assertThat(rig.scrt.accepted().get(0).claims().getAudience()).containsExactly("https://scrt.salesforce.com");
    }

    @Test
    void theKeyIsPlusAndPercentDecodedBeforeTheObjectIsRead() throws Exception {
        // GIVEN an object whose key has a space and a colon, announced URL-encoded
        String key = "Analysis/Voice/2026/11/21/" + CONTACT + "_analysis copy_2026-11-21T10:05:30Z.json";
        rig.s3.store(BUCKET, key, Fixtures.text("postcall/analysis.json"));

        // WHEN the event names it as S3 encodes it
        String answer = rig.invoke(PostCallRig.eventFor(
                "Analysis/Voice/2026/11/21/" + CONTACT + "_analysis+copy_2026-11-21T10%3A05%3A30Z.json"));

        // THEN the decoded key was fetched
        assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
        assertThat(rig.s3.requests(Operation.GET_OBJECT)).extracting(r -> r.path()).containsExactly("/" + BUCKET + "/" + key);
    }

    @Test
    void aRedactedAnalysisIsIgnoredWithoutAnyCall() throws Exception {
        // GIVEN the redacted copy Contact Lens also writes
        String event = PostCallRig.eventFor("Analysis/Voice/Redacted/2026/11/21/" + CONTACT
                + "_analysis_redacted_2026-11-21T10%3A05%3A30Z.json");

        // WHEN its event arrives
        String answer = rig.invoke(event);

        // THEN nothing is read or sent, and the answer is null
        assertThat(answer).isEqualTo("null");
        assertThat(rig.s3.requests()).isEmpty();
        assertThat(rig.connect.calls()).isEmpty();
        assertThat(rig.scrt.received()).isEmpty();
    }

    @Test
    void aKeyContainingRedactedAnywhereIsIgnoredEvenWhenItMatchesThePattern() throws Exception {
        // GIVEN a key of the analysis shape whose file name says Redacted
        String event = PostCallRig.eventFor("Analysis/Voice/2026/11/21/" + CONTACT + "_Redacted.json");

        // WHEN / THEN it is ignored
        assertThat(rig.invoke(event)).isEqualTo("null");
        assertThat(rig.s3.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // not Contact Lens voice output
            "Analysis/Chat/2026/11/21/c5b1e3a4-7d2f-4e8a-9b6c-0123456789ab_analysis.json",
            "connect/acmecc/CallRecordings/2026/11/21/c5b1e3a4-7d2f-4e8a-9b6c-0123456789ab.wav",
            // not .json: SCV's unescaped dot would accept "xjson"
            "Analysis/Voice/2026/11/21/c5b1e3a4-7d2f-4e8a-9b6c-0123456789ab_analysisxjson",
            "Analysis/Voice/2026/11/21/c5b1e3a4-7d2f-4e8a-9b6c-0123456789ab_analysis.json.tmp",
            // the date or the 36-character contact id is malformed
            "Analysis/Voice/2026/11/1/c5b1e3a4-7d2f-4e8a-9b6c-0123456789ab_analysis.json",
            "Analysis/Voice/2026/11/21/C5B1E3A4-7D2F-4E8A-9B6C-0123456789AB_analysis.json",
            "Analysis/Voice/2026/11/21/c5b1e3a4_analysis.json"})
    void aKeyOutsideTheAnalysisPatternIsIgnoredWithoutAnyCall(String key) throws Exception {
        // GIVEN / WHEN an event for a key that is not a voice analysis file
        String answer = rig.invoke(PostCallRig.eventFor(key));

        // THEN nothing is read or sent
        assertThat(answer).isEqualTo("null");
        assertThat(rig.s3.requests()).isEmpty();
        assertThat(rig.scrt.received()).isEmpty();
    }

    @Test
    void theObjectIsDecodedAsUtf8SoNonAsciiTextDoesNotLoseTheFile() throws Exception {
        // GIVEN an analysis with accented and non-Latin text (SCV's ASCII decoding turns them into control
        // characters and the parse fails)
        ObjectNode analysis = Fixtures.object("postcall/analysis.json");
        ((ObjectNode) analysis.path("Transcript").get(0)).put("Content", "Ça va ? — 日本語 ✓");
        rig.s3.store(BUCKET, KEY, Json.write(analysis).getBytes(StandardCharsets.UTF_8));

        // WHEN its event arrives
        String answer = rig.invoke();

        // THEN every signal is sent
        assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
        assertThat(rig.acceptedEvents()).hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "UNKNOWN", "null"})
    void anItemWithAMissingOrUnknownSentimentIsSkippedAndTheRestSent(String sentiment) throws Exception {
        // GIVEN the second item's Sentiment is missing, unknown or null
        ObjectNode analysis = Fixtures.object("postcall/analysis.json");
        ObjectNode item = (ObjectNode) analysis.path("Transcript").get(1);
        switch (sentiment) {
            case "missing" -> item.remove("Sentiment");
            case "null" -> item.putNull("Sentiment");
            default -> item.put("Sentiment", sentiment);
        }
        putAnalysis(analysis);

        // WHEN its event arrives
        String answer = rig.invoke();

        // THEN the other five signals are sent (SCV sends none) and the skip is logged with the contact
        assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
        assertThat(rig.acceptedEvents()).extracting(e -> e.path("startTime").asLong())
                .containsExactly(T0, T0, T0, T0 + 3100, T0 + 4100);
        assertThat(rig.log.lines()).anySatisfy(line -> {
            assertThat(line.path("message").asText()).startsWith("transcript item skipped: Sentiment is");
            assertThat(line.path("contactId").asText()).isEqualTo(CONTACT);
            assertThat(line.path("index").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aContactWithoutAgentInfoIsLoggedAndAnsweredNullWithoutSending() throws Exception {
        // GIVEN a contact no agent took (SCV throws a TypeError here)
        ObjectNode contact = Fixtures.object("postcall/describe-contact.json");
        contact.remove("AgentInfo");
        rig.connect.put(INSTANCE, CONTACT, contact);

        // WHEN its analysis arrives
        String answer = rig.invoke();

        // THEN nothing is sent and the answer is null
        assertThat(answer).isEqualTo("null");
        assertThat(rig.scrt.received()).isEmpty();
        assertThat(rig.log.text()).contains("no signals sent: the contact has no AgentInfo.ConnectedToAgentTimestamp");
    }

    @Test
    void withoutADisconnectTimestampTheScoresAreLeftOutAndTheItemsSent() throws Exception {
        // GIVEN a contact DescribeContact reports without DisconnectTimestamp
        ObjectNode contact = Fixtures.object("postcall/describe-contact.json");
        contact.remove("DisconnectTimestamp");
        rig.connect.put(INSTANCE, CONTACT, contact);

        // WHEN its analysis arrives
        rig.invoke();

        // THEN only the four item signals are sent
        assertThat(rig.acceptedEvents()).extracting(e -> e.path("type").asText())
                .containsOnly("IntelligenceSignal__Sentiment").hasSize(4);
    }

    @Test
    void anOverallScoreThatIsNotANumberIsLeftOut() throws Exception {
        // GIVEN the AGENT score is text and the CUSTOMER score absent
        ObjectNode analysis = Fixtures.object("postcall/analysis.json");
        ObjectNode overall = (ObjectNode) Json.at(analysis, "ConversationCharacteristics", "Sentiment",
                "OverallSentiment");
        overall.put("AGENT", "0.8");
        overall.remove("CUSTOMER");
        putAnalysis(analysis);

        // WHEN its event arrives
        rig.invoke();

        // THEN no score is sent, the items are
        assertThat(rig.acceptedEvents()).extracting(e -> e.path("type").asText())
                .containsOnly("IntelligenceSignal__Sentiment").hasSize(4);
    }

    @Test
    void signalsAreSentInSequentialChunksOfTwentyFive() throws Exception {
        // GIVEN 58 items: with the two scores, 60 signals
        ObjectNode analysis = Fixtures.object("postcall/analysis.json");
        ArrayNode transcript = analysis.putArray("Transcript");
        for (int i = 0; i < 58; i++) {
            transcript.addObject().put("BeginOffsetMillis", i * 1000).put("EndOffsetMillis", i * 1000 + 500)
                    .put("Content", "utterance " + i).put("Id", "id-" + i).put("ParticipantId", "AGENT")
                    .put("Sentiment", "POSITIVE");
        }
        putAnalysis(analysis);

        // WHEN its event arrives
        rig.invoke();

        // THEN three calls carry 25, 25 and 10 events, in order
        assertThat(rig.scrt.accepted()).extracting(r -> Json.read(r.body()).path("events").size())
                .containsExactly(25, 25, 10);
        assertThat(rig.acceptedEvents()).extracting(e -> e.path("startTime").asLong()).isSorted();
    }

    @Test
    void anAnalysisWithoutSignalsIsAnsweredNullWithoutACall() throws Exception {
        // GIVEN no scores and no transcript
        ObjectNode analysis = Fixtures.object("postcall/analysis.json");
        analysis.remove("ConversationCharacteristics");
        analysis.putArray("Transcript");
        putAnalysis(analysis);

        // WHEN / THEN
        assertThat(rig.invoke()).isEqualTo("null");
        assertThat(rig.scrt.received()).isEmpty();
    }

    @Test
    void aMissingObjectFailsTheInvocationWithScvsMetadataError() {
        // GIVEN the event names an object that is not there
        String event = PostCallRig.eventFor("Analysis/Voice/2026/11/21/" + CONTACT + "_analysis_gone.json");

        // WHEN / THEN the invocation fails (the failure destination keeps the event), nothing is sent
        assertThatThrownBy(() -> rig.invoke(event)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Error getting basic customer metadata!")
                .hasMessageContaining("NoSuchKey");
        assertThat(rig.scrt.received()).isEmpty();
    }

    @Test
    void anUnreadableObjectFailsTheInvocationWithScvsMetadataError() {
        // GIVEN S3 refuses the read
        rig.s3.refuse(Operation.GET_OBJECT, "AccessDenied");

        // WHEN / THEN
        assertThatThrownBy(() -> rig.invoke()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Error getting basic customer metadata!")
                .hasMessageContaining("AccessDenied");
        assertThat(rig.scrt.received()).isEmpty();
    }

    @Test
    void anObjectThatIsNotJsonFailsTheInvocationWithScvsMetadataError() {
        // GIVEN a truncated file
        rig.s3.store(BUCKET, KEY, "{\"CustomerMetadata\":{\"ContactId\":");

        // WHEN / THEN
        assertThatThrownBy(() -> rig.invoke()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Error getting basic customer metadata!");
        assertThat(rig.connect.calls()).isEmpty();
    }

    @Test
    void anAnalysisWithoutCustomerMetadataFailsTheInvocationNamingTheFields() {
        // GIVEN an analysis without its contact
        ObjectNode analysis = Fixtures.object("postcall/analysis.json");
        analysis.remove("CustomerMetadata");
        putAnalysis(analysis);

        // WHEN / THEN
        assertThatThrownBy(() -> rig.invoke()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Error getting basic customer metadata!")
                .hasMessageContaining("CustomerMetadata.ContactId and CustomerMetadata.InstanceId are required");
    }

    @Test
    void aDescribeContactFailureFailsTheInvocationWithoutSending() {
        // GIVEN Connect does not know the contact
        rig.connect.put(INSTANCE, "someone-else", Fixtures.json("postcall/describe-contact.json"));
        ObjectNode analysis = Fixtures.object("postcall/analysis.json");
        ((ObjectNode) analysis.path("CustomerMetadata")).put("ContactId", "d0000000-0000-4000-8000-000000000000");
        putAnalysis(analysis);

        // WHEN / THEN
        assertThatThrownBy(() -> rig.invoke()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DescribeContact failed for ContactId:d0000000-0000-4000-8000-000000000000")
                .hasMessageContaining("ResourceNotFoundException");
        assertThat(rig.scrt.received()).isEmpty();
    }

    @Test
    void anEventWithoutAnObjectKeyFailsNamingTheField() {
        // GIVEN an event that is not an S3 Object Created event
        String event = "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{}}";

        // WHEN / THEN
        assertThatThrownBy(() -> rig.invoke(event)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detail.bucket.name is missing");
    }

    @Test
    void aMalformedPercentSequenceInTheKeyFailsNamingTheKey() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> rig.invoke(PostCallRig.eventFor("Analysis/Voice/%E0%A4%A.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detail.object.key is 'Analysis/Voice/%E0%A4%A.json'");
    }

    @Test
    void aMissingPrivateKeyFailsTheInvocationWithoutAScrtCall() {
        // GIVEN the function names a key parameter SSM does not have
        // WHEN / THEN the invocation fails before any SCRT call
        assertThatThrownBy(() -> rig.invoke(Fixtures.text("postcall/object-created.json"),
                "acmecc-scrt-jwt-auth-private-key-missing"))
                .hasMessageContaining("acmecc-scrt-jwt-auth-private-key-missing");
        assertThat(rig.scrt.received()).isEmpty();
    }
}
