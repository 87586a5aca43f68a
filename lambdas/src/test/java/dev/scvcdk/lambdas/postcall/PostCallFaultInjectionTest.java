package dev.scvcdk.lambdas.postcall;

import static dev.scvcdk.lambdas.postcall.PostCallRig.BUCKET;
import static dev.scvcdk.lambdas.postcall.PostCallRig.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.scrt.ScrtException;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub.Reply;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SCRT failing while PostCallAnalysisTrigger posts: bounded retries with backoff on 429, 5xx and dropped
 * connections, then a failed invocation — never {@code Success} after a failure (SCV answers Success), so
 * Lambda's async retries and the failure destination keep the event and no signal is lost.
 */
class PostCallFaultInjectionTest {
    private PostCallRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new PostCallRig();
    }

    @AfterEach
    void stop() {
        assertThat(rig.scrt.problems()).isEmpty();
        rig.close();
    }

    /** An analysis yielding 60 signals: three calls of 25, 25 and 10. */
    private void sixtySignals() {
        ObjectNode analysis = Fixtures.object("postcall/analysis.json");
        ArrayNode transcript = analysis.putArray("Transcript");
        for (int i = 0; i < 58; i++) {
            transcript.addObject().put("BeginOffsetMillis", i * 1000).put("EndOffsetMillis", i * 1000 + 500)
                    .put("Content", "utterance " + i).put("Id", "id-" + i).put("ParticipantId", "CUSTOMER")
                    .put("Sentiment", "NEGATIVE");
        }
        rig.s3.store(BUCKET, KEY, Json.write(analysis));
    }

    @Test
    void transientServerErrorsAreRetriedWithBackoffAndTheSignalsDelivered() throws Exception {
        // GIVEN SCRT answers 503 twice, then accepts
        AtomicInteger attempts = new AtomicInteger();
        rig.scrt.respondWith(request -> attempts.incrementAndGet() <= 2 ? Reply.json(503, "[]") : Reply.json(200, "{}"));

        // WHEN the analysis arrives
        String answer = rig.invoke();

        // THEN the third attempt delivered it, after two backoff waits
        assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
        assertThat(rig.scrt.received()).hasSize(3);
        assertThat(rig.scrt.accepted()).hasSize(1);
        assertThat(rig.sleeps).hasSize(2);
    }

    @Test
    void throttlingHonoursRetryAfterUpToTheCap() throws Exception {
        // GIVEN SCRT throttles once, asking for 3 s
        AtomicInteger attempts = new AtomicInteger();
        rig.scrt.respondWith(request -> attempts.incrementAndGet() == 1
                ? Reply.json(429, "[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]").withHeader("Retry-After", "3")
                : Reply.json(200, "{}"));

        // WHEN the analysis arrives
        rig.invoke();

        // THEN the retry waited the 3 s asked for
        assertThat(rig.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(rig.scrt.accepted()).hasSize(1);
    }

    @Test
    void droppedConnectionsAreRetried() throws Exception {
        // GIVEN SCRT drops the first connection
        AtomicInteger attempts = new AtomicInteger();
        rig.scrt.respondWith(request -> attempts.incrementAndGet() == 1 ? Reply.dropped() : Reply.json(200, "{}"));

        // WHEN the analysis arrives
        String answer = rig.invoke();

        // THEN it was delivered on the retry
        assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
        assertThat(rig.scrt.accepted()).hasSize(1);
    }

    @Test
    void aPersistentOutageFailsTheInvocationAfterBoundedAttemptsInsteadOfAnsweringSuccess() {
        // GIVEN SCRT is down
        rig.scrt.respondWith(request -> Reply.json(503, "[{\"errorCode\":\"SERVER_UNAVAILABLE\"}]"));

        // WHEN / THEN the invocation fails with the status, after the policy's four attempts
        assertThatThrownBy(() -> rig.invoke()).isInstanceOf(ScrtException.class)
                .hasMessageContaining("postConversationEvents answered HTTP 503");
        assertThat(rig.scrt.received()).hasSize(PostCallWiring.SCRT_RETRIES.maxAttempts());
        assertThat(rig.scrt.accepted()).isEmpty();
    }

    @Test
    void aRejectedRequestFailsTheInvocationWithoutRetrying() {
        // GIVEN SCRT rejects the request itself
        rig.scrt.respondWith(request -> Reply.json(400, "[{\"errorCode\":\"INVALID_INPUT\"}]"));

        // WHEN / THEN the invocation fails at once (a 400 fails the same way again)
        assertThatThrownBy(() -> rig.invoke()).isInstanceOf(ScrtException.class)
                .hasMessageContaining("HTTP 400");
        assertThat(rig.scrt.received()).hasSize(1);
    }

    @Test
    void anOutageMidFileFailsTheInvocationAndTheRetriedEventDeliversEverySignal() throws Exception {
        // GIVEN a file of three chunks, and SCRT going down after accepting the first
        sixtySignals();
        AtomicBoolean down = new AtomicBoolean(false);
        AtomicInteger calls = new AtomicInteger();
        rig.scrt.respondWith(request -> {
            if (calls.incrementAndGet() == 2) {
                down.set(true);
            }
            return down.get() ? Reply.json(500, "[]") : Reply.json(200, "{}");
        });

        // WHEN the event is delivered: the invocation fails at the second chunk, the third is never tried
        assertThatThrownBy(() -> rig.invoke()).isInstanceOf(ScrtException.class);
        assertThat(rig.scrt.accepted()).hasSize(1);

        // AND SCRT recovers before Lambda's async retry delivers the same event again
        down.set(false);
        calls.set(100);
        String answer = rig.invoke();

        // THEN every one of the 60 signals was accepted (the first chunk twice: at least once, never lost)
        assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
        List<JsonNode> accepted = rig.acceptedEvents();
        Set<String> distinct = new HashSet<>();
        accepted.forEach(e -> distinct.add(e.path("type").asText() + e.path("startTime").asLong()
                + e.path("participant").asText()));
        assertThat(distinct).hasSize(60);
        assertThat(accepted).hasSize(85);
    }
}
