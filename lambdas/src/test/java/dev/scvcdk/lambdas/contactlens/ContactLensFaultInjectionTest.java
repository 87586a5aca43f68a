package dev.scvcdk.lambdas.contactlens;

import static dev.scvcdk.lambdas.contactlens.ProcessorRig.body;
import static dev.scvcdk.lambdas.contactlens.ProcessorRig.event;
import static dev.scvcdk.lambdas.contactlens.ProcessorRig.utterances;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.scrt.ScrtException;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SCRT failing during ContactLensProcessor's calls: what was not posted is never dropped. A call that SCRT keeps
 * failing fails the invocation; Lambda then retries the whole event (twice, then the on-failure destination keeps
 * it). A retry posts everything again: transcript messages with the same messageIds, starts and ends as before, so
 * a repeat is recognisable; category events again (with the retry's startTime).
 */
class ContactLensFaultInjectionTest {
    private static final String ARRIVAL = "1763719205.123";

    /** 7 contacts (3 bulk requests) and two category segments: 5 SCRT calls. */
    private static ObjectNode batch(String prefix, List<String> messageIds) {
        List<JsonNode> records = new ArrayList<>();
        records.add(Fixtures.json("contactlens/segments-categories.json"));
        for (int contact = 0; contact < 7; contact++) {
            List<String> utterances = new ArrayList<>();
            for (int m = 0; m < (contact == 0 ? 7 : 2); m++) {
                String id = prefix + "-c" + contact + "-m" + m;
                messageIds.add(id);
                utterances.addAll(List.of(id, m % 2 == 0 ? "AGENT" : "CUSTOMER", "text of " + id));
            }
            records.add(utterances(prefix + "-contact-" + contact, utterances.toArray(String[]::new)));
        }
        records.add(Fixtures.json("contactlens/segments-categories.json"));
        List<String> arrivals = new ArrayList<>();
        records.forEach(record -> arrivals.add(ARRIVAL));
        return event(records, arrivals);
    }

    /** Every accepted message by id; fails when one id was accepted with two different contents or times. */
    private static Map<String, JsonNode> acceptedMessages(ScrtStub scrt, Map<String, Integer> copies) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (ScrtStub.Received request : scrt.accepted()) {
            if (!request.pathWithinBase().equals("/voiceCalls/messages")) {
                continue;
            }
            for (JsonNode entry : body(request).path("entries")) {
                for (JsonNode message : entry.path("messages")) {
                    String id = message.path("messageId").asText();
                    JsonNode previous = byId.put(id, message);
                    assertThat(previous == null || previous.equals(message))
                            .as("message %s posted twice with different content", id).isTrue();
                    copies.merge(id, 1, Integer::sum);
                }
            }
        }
        return byId;
    }

    @Test
    void givenAnScrtOutageMidBatch_whenLambdaRetriesTheEvent_thenNothingIsLostAndRepeatsKeepTheirMessageIds()
            throws Exception {
        try (ProcessorRig rig = new ProcessorRig()) {
            // GIVEN a batch of five SCRT calls, and SCRT going down after accepting the first three
            List<String> messageIds = new ArrayList<>();
            ObjectNode event = batch("outage", messageIds);
            AtomicBoolean down = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            rig.scrt.respondWith(request -> served.incrementAndGet() > 3 && down.get()
                    ? ScrtStub.Reply.json(503, "[{\"errorCode\":\"SERVICE_UNAVAILABLE\"}]")
                    : ScrtStub.Reply.json(201, "{}"));

            // WHEN the invocation meets the outage
            assertThatThrownBy(() -> rig.invoke(event)).isInstanceOf(ScrtException.class);

            // THEN it failed (so Lambda keeps the event) after the two category calls and the first bulk request
            assertThat(rig.scrt.accepted()).hasSize(3);
            Map<String, JsonNode> posted = acceptedMessages(rig.scrt, new HashMap<>());
            // (the first bulk request: the first five messages of contact 0 and both of contacts 1-4)
            assertThat(posted).hasSize(5 + 4 * 2);

            // WHEN SCRT is back and Lambda's asynchronous retry runs the same event
            down.set(false);
            JsonNode answer = rig.invoke(event);

            // THEN every message has been posted; the 13 posted before the outage were posted again, unchanged
            Map<String, Integer> copies = new HashMap<>();
            Map<String, JsonNode> all = acceptedMessages(rig.scrt, copies);
            assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(messageIds);
            assertThat(copies.entrySet()).filteredOn(e -> e.getValue() == 2).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrderElementsOf(posted.keySet());
            // AND each category segment reached SCRT (twice: before the outage and in the retry)
            assertThat(rig.scrt.accepted()).filteredOn(r -> r.pathWithinBase().endsWith("/realtimeConversationEvents"))
                    .hasSize(4);
            assertThat(answer.path("rejectedCalls").asInt()).isZero();
            assertThat(rig.scrt.problems()).isEmpty();
        }
    }

    @Test
    @Timeout(120)
    void givenRandomScrtFaults_whenEachEventGetsLambdasThreeAttempts_thenAnEventThatSucceedsHasEveryMessagePosted()
            throws Exception {
        try (ProcessorRig rig = new ProcessorRig()) {
            // GIVEN SCRT failing half of all attempts (429, 5xx, dropped connections), from a fixed seed
            Random faults = new Random(20261202L);
            rig.scrt.respondWith(request -> {
                double roll;
                synchronized (faults) {
                    roll = faults.nextDouble();
                }
                if (roll < 0.2) {
                    return ScrtStub.Reply.json(429, "[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
                } else if (roll < 0.4) {
                    return ScrtStub.Reply.json(500 + (int) (roll * 100) % 4, "[{\"errorCode\":\"SERVER_ERROR\"}]");
                } else if (roll < 0.5) {
                    return ScrtStub.Reply.dropped();
                }
                return ScrtStub.Reply.json(201, "{}");
            });

            // WHEN 40 events each get up to three attempts (Lambda's first run and two retries)
            int succeeded = 0;
            int retried = 0;
            int kept = 0;
            for (int e = 0; e < 40; e++) {
                List<String> messageIds = new ArrayList<>();
                ObjectNode event = batch("event" + e, messageIds);
                boolean done = false;
                for (int attempt = 1; attempt <= 3 && !done; attempt++) {
                    try {
                        rig.invoke(event);
                        done = true;
                    } catch (ScrtException failed) {
                        retried++;
                    }
                }
                if (done) {
                    succeeded++;
                    // THEN an event whose invocation succeeded has every one of its messages posted
                    Set<String> posted = new LinkedHashSet<>(acceptedMessages(rig.scrt, new HashMap<>()).keySet());
                    assertThat(posted).as("event %d", e).containsAll(messageIds);
                } else {
                    // (an event failing all three is kept by the function's on-failure destination)
                    kept++;
                }
            }

            // AND the faults really bit, yet nearly every event got through within its retries
            assertThat(retried).isPositive();
            assertThat(succeeded + kept).isEqualTo(40);
            assertThat(succeeded).isGreaterThan(36);
            assertThat(rig.scrt.problems()).isEmpty();
        }
    }
}
