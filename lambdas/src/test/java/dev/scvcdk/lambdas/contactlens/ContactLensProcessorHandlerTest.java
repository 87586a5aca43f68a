package dev.scvcdk.lambdas.contactlens;

import static dev.scvcdk.lambdas.contactlens.ProcessorRig.CONTACT;
import static dev.scvcdk.lambdas.contactlens.ProcessorRig.body;
import static dev.scvcdk.lambdas.contactlens.ProcessorRig.event;
import static dev.scvcdk.lambdas.contactlens.ProcessorRig.eventOfData;
import static dev.scvcdk.lambdas.contactlens.ProcessorRig.utterances;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.keys.SecureValueException;
import dev.scvcdk.lambdas.common.scrt.ScrtException;
import dev.scvcdk.lambdas.common.scrt.ScrtTokenFactory;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ContactLensProcessor end to end against local SCRT and SSM stand-ins (every JWT verified). */
class ContactLensProcessorHandlerTest {
    private static final String ARRIVAL = "1763719205.123";

    private ProcessorRig rig;

    @BeforeEach
    void start() throws IOException {
        rig = new ProcessorRig();
    }

    @AfterEach
    void stop() {
        assertThat(rig.scrt.problems()).isEmpty();
        rig.close();
    }

    private static ObjectNode one(String fixture) {
        return event(List.of(Fixtures.json("contactlens/" + fixture)), List.of(ARRIVAL));
    }

    private List<String> logLines(String level) {
        List<String> lines = new ArrayList<>();
        rig.log.lines().stream().filter(line -> level.equals(line.path("level").asText()))
                .forEach(line -> lines.add(line.path("message").asText()));
        return lines;
    }

    @Test
    void givenUtterances_whenProcessed_thenOneBulkTranscriptCallCarriesScvsMessages() throws IOException {
        JsonNode answer = rig.invoke(one("segments-agent-customer.json"));

        assertThat(rig.calls()).containsExactly("POST /voiceCalls/messages");
        // endTime = arrival (s) × 1000; startTime = endTime − (End − Begin); AGENT → VIRTUAL_AGENT, else END_USER;
        // the Transcript segment is not a message; non-ASCII text arrives intact (UTF-8)
        assertThat(body(rig.scrt.received().get(0))).isEqualTo(Json.read("""
                {"entries":[{"vendorCallKey":"5ca32fbd-8f92-46af-92a5-6b0f970f0efe","messages":[
                 {"messageId":"0a1b2c3d-0001-4e5f-8a9b-0c1d2e3f4a5b","startTime":1763719202873,"endTime":1763719205123,
                  "content":"Thank you for calling Acme, how can I help?","participantId":"VIRTUAL_AGENT",
                  "senderType":"VIRTUAL_AGENT"},
                 {"messageId":"0a1b2c3d-0002-4e5f-8a9b-0c1d2e3f4a5b","startTime":1763719202623,"endTime":1763719205123,
                  "content":"Je voudrais vérifier mon solde, ça fait 3 € de frais","participantId":"END_USER",
                  "senderType":"END_USER"}]}]}"""));
        assertThat(answer.path("messages").asInt()).isEqualTo(2);
        assertThat(answer.path("result").asText()).isEqualTo("Success");
    }

    @Test
    void givenACategoriesSegment_whenProcessed_thenOneRealtimeEventsCallHasDetailsOnlyWhereThereArePointsOfInterest()
            throws IOException {
        // Escalation is missing from MatchedDetails (SCV threw) and Politeness has no points of interest.
        rig.invoke(one("segments-categories.json"));

        assertThat(rig.calls()).containsExactly("POST /voiceCalls/" + CONTACT + "/realtimeConversationEvents");
        long now = ProcessorRig.NOW.toEpochMilli();
        assertThat(body(rig.scrt.received().get(0))).isEqualTo(Json.read("""
                {"service":"AmazonConnectContactLens","events":[
                 {"type":"IntelligenceSignal__Category","value":"BalanceInquiry","startTime":%d,
                  "details":{"BeginOffsetMillis":3600,"EndOffsetMillis":6100}},
                 {"type":"IntelligenceSignal__Category","value":"Escalation","startTime":%d},
                 {"type":"IntelligenceSignal__Category","value":"Politeness","startTime":%d}],
                 "persist":false}""".formatted(now, now, now)));
    }

    @Test
    void givenSeveralCategorySegments_whenProcessed_thenEachIsItsOwnCallBeforeTheTranscripts() throws IOException {
        JsonNode categories = Fixtures.json("contactlens/segments-categories.json");
        JsonNode utterances = Fixtures.json("contactlens/segments-agent-customer.json");

        rig.invoke(event(List.of(categories, utterances, categories), List.of(ARRIVAL, ARRIVAL, ARRIVAL)));

        String realtime = "POST /voiceCalls/" + CONTACT + "/realtimeConversationEvents";
        assertThat(rig.calls()).containsExactly(realtime, realtime, "POST /voiceCalls/messages");
    }

    @Test
    void givenSegmentsWithoutMatchedCategories_whenProcessed_thenNoRealtimeCallIsMade() throws IOException {
        ObjectNode record = Fixtures.object("contactlens/segments-categories.json");
        ((ObjectNode) record.path("Segments").path(0).path("Categories")).putArray("MatchedCategories");

        rig.invoke(event(List.of(record), List.of(ARRIVAL)));

        assertThat(rig.calls()).isEmpty();
    }

    @Test
    void givenSeveralContacts_whenProcessed_thenEntriesAreInFirstSeenOrderWithMessagesInRecordOrder()
            throws IOException {
        JsonNode event = event(List.of(
                utterances("contact-b", "b1", "AGENT", "hello"),
                utterances("contact-a", "a1", "CUSTOMER", "hi"),
                utterances("contact-b", "b2", "CUSTOMER", "bonjour", "b3", "AGENT", "salut")),
                List.of("1763719201", "1763719202.5", "1763719203"));

        rig.invoke(event);

        JsonNode entries = body(rig.scrt.received().get(0)).path("entries");
        assertThat(entries.findValuesAsText("vendorCallKey")).containsExactly("contact-b", "contact-a");
        assertThat(entries.path(0).path("messages").findValuesAsText("messageId")).containsExactly("b1", "b2", "b3");
        assertThat(entries.path(1).path("messages").path(0).path("endTime").asLong()).isEqualTo(1763719202500L);
    }

    @Test
    void givenMoreThanFiveContactsOrMessages_whenProcessed_thenRequestsAreSplitToFiveByFiveKeepingEachContactsOrder()
            throws IOException {
        // GIVEN 7 contacts; the first has 12 messages, the others 2 each (SCV sent one oversized request)
        List<JsonNode> records = new ArrayList<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int contact = 0; contact < 7; contact++) {
            int count = contact == 0 ? 12 : 2;
            for (int m = 0; m < count; m++) {
                String id = "c" + contact + "-m" + m;
                records.add(utterances("contact-" + contact, id, "AGENT", "text " + id));
                expected.computeIfAbsent("contact-" + contact, k -> new ArrayList<>()).add(id);
            }
        }
        List<String> arrivals = new ArrayList<>();
        records.forEach(r -> arrivals.add(ARRIVAL));

        // WHEN processed
        JsonNode answer = rig.invoke(event(records, arrivals));

        // THEN every request holds at most 5 voice calls of at most 5 messages, each contact at most once
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (ScrtStub.Received request : rig.scrt.received()) {
            JsonNode entries = body(request).path("entries");
            assertThat(entries.size()).isBetween(1, 5);
            assertThat(entries.findValuesAsText("vendorCallKey")).doesNotHaveDuplicates();
            for (JsonNode entry : entries) {
                assertThat(entry.path("messages").size()).isBetween(1, 5);
                sent.computeIfAbsent(entry.path("vendorCallKey").asText(), k -> new ArrayList<>())
                        .addAll(entry.path("messages").findValuesAsText("messageId"));
            }
        }
        // AND, requests being sent one after another, each contact's messages went out once, in order
        assertThat(sent).containsExactlyEntriesOf(expected);
        assertThat(rig.scrt.received()).hasSize(3);
        assertThat(answer.path("transcriptRequests").asInt()).isEqualTo(3);
    }

    @Test
    void givenBase64WithMissingOrExtraPadding_whenProcessed_thenTheRecordsAreRead() throws IOException {
        String padded = Fixtures.base64(utterances(CONTACT, "m1", "AGENT", "ab"));
        assertThat(padded).endsWith("=");
        String unpadded = padded.replaceAll("=+$", "");

        rig.invoke(eventOfData(List.of(unpadded, padded + "=="), List.of(ARRIVAL, ARRIVAL)));

        assertThat(body(rig.scrt.received().get(0)).path("entries").path(0).path("messages")).hasSize(2);
    }

    @Test
    void givenARecordThatIsNotBase64Json_whenProcessed_thenItIsSkippedAndLoggedAndTheRestIsSent() throws IOException {
        // SCV failed the whole invocation here, on every retry: the batch was lost.
        String good = Fixtures.base64(utterances(CONTACT, "m1", "AGENT", "hello"));

        String notUtf8 = Base64.getEncoder().encodeToString(new byte[] {'{', (byte) 0xC3, '(', '}'});

        JsonNode answer = rig.invoke(eventOfData(List.of("!!not-base64!!", "bm90IGpzb24", notUtf8, good),
                List.of(ARRIVAL, ARRIVAL, ARRIVAL, ARRIVAL)));

        assertThat(rig.calls()).containsExactly("POST /voiceCalls/messages");
        assertThat(answer.path("skippedRecords").asInt()).isEqualTo(3);
        assertThat(logLines("ERROR")).filteredOn(line -> line.contains("unreadable")).hasSize(3);
        assertThat(rig.log.text()).contains(ContactLensConsumerHandlerTest.sequenceNumber(0));
    }

    @Test
    void givenLifecycleEvents_whenProcessed_thenTheyAreLoggedByTypeAndNothingIsSent() throws IOException {
        rig.invoke(event(List.of(Fixtures.json("contactlens/event-started.json"),
                Fixtures.json("contactlens/event-completed.json"), Fixtures.json("contactlens/event-failed.json"),
                Fixtures.json("contactlens/event-unknown-type.json")), List.of(ARRIVAL, ARRIVAL, ARRIVAL, ARRIVAL)));

        assertThat(rig.calls()).isEmpty();
        assertThat(logLines("INFO")).contains("Contact Lens analysis started", "Contact Lens analysis completed");
        assertThat(logLines("ERROR")).contains("Contact Lens analysis failed");
        assertThat(logLines("WARN")).contains("Contact Lens record of unknown EventType ignored");
    }

    @Test
    void givenASegmentsRecordWithoutContactId_whenProcessed_thenItIsSkippedAndLogged() throws IOException {
        ObjectNode record = utterances(CONTACT, "m1", "AGENT", "hello");
        record.remove("ContactId");

        JsonNode answer = rig.invoke(event(List.of(record), List.of(ARRIVAL)));

        assertThat(rig.calls()).isEmpty();
        assertThat(answer.path("skippedRecords").asInt()).isEqualTo(1);
        assertThat(logLines("ERROR")).contains("Contact Lens record skipped: no ContactId");
    }

    @Test
    void givenAnUtteranceWithoutId_whenProcessed_thenOnlyThatMessageIsSkippedAndLoggedWithTheContact()
            throws IOException {
        ObjectNode record = utterances(CONTACT, "m1", "AGENT", "hello", "m2", "CUSTOMER", "hi");
        ((ObjectNode) record.path("Segments").path(0).path("Utterance")).remove("Id");

        rig.invoke(event(List.of(record), List.of(ARRIVAL)));

        assertThat(body(rig.scrt.received().get(0)).findValuesAsText("messageId")).containsExactly("m2");
        assertThat(rig.log.lines()).anySatisfy(line -> {
            assertThat(line.path("message").asText()).isEqualTo("Contact Lens utterance skipped: Utterance.Id is missing");
            assertThat(line.path("contactId").asText()).isEqualTo(CONTACT);
        });
    }

    @Test
    void givenAnArrivalTimestampThatIsNotSeconds_whenProcessed_thenItsUtterancesAreSkippedAndLogged()
            throws IOException {
        JsonNode record = utterances(CONTACT, "m1", "AGENT", "hello");

        rig.invoke(event(List.of(record, record), List.of("\"yesterday\"", "1e30")));

        assertThat(rig.calls()).isEmpty();
        assertThat(logLines("ERROR")).filteredOn(line -> line.contains("approximateArrivalTimestamp")).hasSize(2);
    }

    @Test
    void givenNoMessages_whenProcessed_thenNoBulkCallIsMade() throws IOException {
        JsonNode answer = rig.invoke(Json.read("{\"Records\":[]}"));

        assertThat(rig.calls()).isEmpty();
        assertThat(answer.path("transcriptRequests").asInt()).isZero();
    }

    @Test
    void givenEveryCall_whenSigned_thenItsJwtHasTheScrtAudienceAFiveMinuteExpiryAndItsOwnId() throws IOException {
        rig.invoke(event(List.of(Fixtures.json("contactlens/segments-categories.json"),
                Fixtures.json("contactlens/segments-agent-customer.json")), List.of(ARRIVAL, ARRIVAL)));

        // ScrtStub refuses (and records as a problem) any token that is not RS256 with iss, sub, aud, exp ≈ now + 5 min
        // and an unused UUID jti; here both calls carry the claims themselves.
        assertThat(rig.scrt.accepted()).hasSize(2).allSatisfy(request -> {
            assertThat(request.claims().getAudience()).containsExactly(ScrtTokenFactory.AUDIENCE);
            assertThat(Duration.between(request.claims().getIssueTime() == null ? Instant.now()
                    : request.claims().getIssueTime().toInstant(), request.claims().getExpirationTime().toInstant()))
                    .isLessThanOrEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void givenTheKeyParameter_whenRead_thenItIsReadFromSsmWithDecryption() throws IOException {
        rig.invoke(one("segments-agent-customer.json"));

        assertThat(rig.ssm.calls()).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("AmazonSSM.GetParameter");
            assertThat(call.request().path("Name").asText()).isEqualTo(ProcessorRig.KEY);
            assertThat(call.request().path("WithDecryption").asBoolean()).isTrue();
            assertThat(call.signed()).isTrue();
        });
    }

    @Test
    void givenNoPrivateKey_whenProcessed_thenTheInvocationFailsWithoutAnyScrtCall() {
        rig.ssm.removeParameter(ProcessorRig.KEY);

        assertThatThrownBy(() -> rig.invoke(one("segments-agent-customer.json")))
                .isInstanceOf(SecureValueException.class)
                .hasMessageContaining(ProcessorRig.KEY)
                .hasMessageContaining("ParameterNotFound");
        assertThat(rig.scrt.received()).isEmpty();
    }

    @Test
    void givenScrtThrottlesTwice_whenProcessed_thenTheCallIsRetriedAfterTheAskedWaitAndSucceeds() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        rig.scrt.respondWith(request -> attempts.incrementAndGet() <= 2
                ? ScrtStub.Reply.json(429, "[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]").withHeader("Retry-After", "3")
                : ScrtStub.Reply.json(201, "{}"));

        JsonNode answer = rig.invoke(one("segments-agent-customer.json"));

        assertThat(rig.scrt.received()).hasSize(3);
        assertThat(rig.scrt.accepted()).hasSize(1);
        assertThat(rig.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(answer.path("rejectedCalls").asInt()).isZero();
    }

    @Test
    void givenScrtKeepsAnswering503_whenProcessed_thenTheInvocationFailsAfterBoundedRetries() {
        rig.scrt.respondWith(request -> ScrtStub.Reply.json(503, "[{\"errorCode\":\"SERVICE_UNAVAILABLE\"}]"));

        assertThatThrownBy(() -> rig.invoke(one("segments-agent-customer.json")))
                .isInstanceOf(ScrtException.class)
                .hasMessageContaining("createTranscripts answered HTTP 503");
        assertThat(rig.scrt.received()).hasSize(ContactLensProcessorWiring.RETRY_POLICY.maxAttempts());
        assertThat(rig.waits).hasSize(ContactLensProcessorWiring.RETRY_POLICY.maxAttempts() - 1);
    }

    @Test
    void givenScrtDropsEveryConnection_whenProcessed_thenTheInvocationFailsAfterBoundedRetries() {
        rig.scrt.respondWith(request -> ScrtStub.Reply.dropped());

        assertThatThrownBy(() -> rig.invoke(one("segments-categories.json")))
                .isInstanceOf(ScrtException.class)
                .hasMessageContaining("realtimeConversationEvents failed");
        assertThat(rig.scrt.received()).hasSize(ContactLensProcessorWiring.RETRY_POLICY.maxAttempts());
    }

    @Test
    void givenScrtAnswersSlowerThanTheClientTimeout_whenProcessed_thenEachAttemptIsAbandonedAndTheInvocationFails()
            throws IOException {
        try (ProcessorRig impatient = new ProcessorRig(Duration.ofMillis(200))) {
            impatient.scrt.respondWith(request -> ScrtStub.Reply.delayed(Duration.ofSeconds(2), 201));

            assertThatThrownBy(() -> impatient.invoke(one("segments-agent-customer.json")))
                    .isInstanceOf(ScrtException.class)
                    .hasMessageContaining("HttpTimeoutException");
            assertThat(impatient.scrt.accepted()).isEmpty();
        }
    }

    @Test
    void givenTheProductionTimeouts_whenAdded_thenACallWithAllItsRetriesEndsWellWithinTheFunctionTimeout() {
        Duration worstCall = ContactLensProcessorWiring.RETRY_POLICY.maxElapsed()
                .plus(ContactLensProcessorWiring.REQUEST_TIMEOUT);

        assertThat(ContactLensProcessorWiring.REQUEST_TIMEOUT).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(worstCall).isLessThanOrEqualTo(ContactLensProcessorService.CALL_RESERVE);
        assertThat(ContactLensProcessorService.CALL_RESERVE.multipliedBy(3)).isLessThan(Duration.ofSeconds(180));
    }

    @Test
    void givenScrtRejectsOneContactsData_whenProcessed_thenItIsLoggedWithTheContactAndTheRestIsSent()
            throws IOException {
        rig.scrt.respondWith(request -> request.pathWithinBase().contains("realtimeConversationEvents")
                ? ScrtStub.Reply.json(400, "[{\"errorCode\":\"INVALID_INPUT\",\"message\":\"unknown voice call\"}]")
                : ScrtStub.Reply.json(201, "{}"));

        JsonNode answer = rig.invoke(event(List.of(Fixtures.json("contactlens/segments-categories.json"),
                Fixtures.json("contactlens/segments-agent-customer.json")), List.of(ARRIVAL, ARRIVAL)));

        assertThat(rig.scrt.received()).hasSize(2);
        assertThat(rig.scrt.accepted()).extracting(ScrtStub.Received::pathWithinBase).containsExactly("/voiceCalls/messages");
        assertThat(answer.path("rejectedCalls").asInt()).isEqualTo(1);
        assertThat(rig.log.lines()).anySatisfy(line -> {
            assertThat(line.path("message").asText()).isEqualTo("SCRT rejected the call");
            assertThat(line.path("contactId").asText()).isEqualTo(CONTACT);
            assertThat(line.path("status").asInt()).isEqualTo(400);
        });
    }

    @Test
    void givenScrtRefusesTheCredentials_whenProcessed_thenTheInvocationFailsSoTheEventIsKept() {
        rig.scrt.respondWith(request -> ScrtStub.Reply.json(401, "[{\"errorCode\":\"INVALID_AUTH\"}]"));

        assertThatThrownBy(() -> rig.invoke(one("segments-agent-customer.json")))
                .isInstanceOf(ScrtException.class)
                .hasMessageContaining("HTTP 401");
        assertThat(rig.scrt.received()).hasSize(1);
    }

    @Test
    void givenTooLittleTimeLeft_whenProcessed_thenTheInvocationFailsBeforeStartingACall() {
        assertThatThrownBy(() -> rig.invoke(one("segments-agent-customer.json"), new TestContext(30_000)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("less than 45 s left");
        assertThat(rig.scrt.received()).isEmpty();
    }
}
