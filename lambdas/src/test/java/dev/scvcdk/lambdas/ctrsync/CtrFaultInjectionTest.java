package dev.scvcdk.lambdas.ctrsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.http.Sleeper;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtTokenFactory;
import dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler;
import dev.scvcdk.lambdas.telephony.TelephonyService;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 contact records through the whole chain — CTR handler → Lambda client → local Lambda API →
 * telephony handler → SCRT client → a SCRT stand-in that answers 429, 5xx, hangs past the client timeout and
 * drops connections at seeded random rates (hangs last longer than the client's timeout, so a hung
 * request is never also accepted). Every record must end accepted by the server or reported in
 * batchItemFailures, never both, never neither; malformed records must not block the others.
 */
class CtrFaultInjectionTest {
    private static final String ORG = "00D5e000000AbCdEAA";
    private static final String CALL_CENTER = "acmecc";
    private static final int RECORDS = 1_000;

    /** What the batch holds, per record: its contact (null when malformed) and which record of it is the newest. */
    private record Planned(String sequenceNumber, String contactId, String endTime) {
    }

    @Test
    @Timeout(120)
    void everyRecordEndsAcceptedOrReportedButNeverBoth() throws Exception {
        try (ScrtStub scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
             LambdaApiStub lambda = LambdaApiStub.asDefaultEndpoint()) {
            // GIVEN a SCRT stand-in failing ~30% of attempts in four ways, from a fixed seed
            Random faults = new Random(20261121L);
            scrt.respondWith(request -> {
                double roll;
                synchronized (faults) {
                    roll = faults.nextDouble();
                }
                if (roll < 0.10) {
                    return ScrtStub.Reply.json(429, "[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]").withHeader("Retry-After", "0");
                } else if (roll < 0.20) {
                    return ScrtStub.Reply.json(500 + (int) (roll * 100) % 4, "[{\"errorCode\":\"SERVER_ERROR\"}]");
                } else if (roll < 0.22) {
                    return ScrtStub.Reply.delayed(Duration.ofMillis(1_500), 503);
                } else if (roll < 0.30) {
                    return ScrtStub.Reply.dropped();
                }
                return ScrtStub.Reply.json(200, "{}");
            });
            // AND the telephony function behind the local Lambda API, with short timeouts and backoff
            Random jitter = new Random(7L);
            RetryingHttpClient http = new RetryingHttpClient(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build(),
                    new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(5)),
                    Duration.ofSeconds(1), Sleeper.SYSTEM, Clock.systemUTC(), () -> {
                        synchronized (jitter) {
                            return jitter.nextDouble();
                        }
                    }, new CapturingLog().logger());
            InvokeTelephonyIntegrationApiHandler telephony = new InvokeTelephonyIntegrationApiHandler(new TelephonyService(
                    new ScrtClient(URI.create(scrt.baseUrl()),
                            new ScrtTokenFactory(ORG, CALL_CENTER, TestKeys::privateKey, Clock.systemUTC()), http),
                    CALL_CENTER, Clock.systemUTC(), new CapturingLog().logger()));
            lambda.onInvoke((name, payload) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    telephony.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
                    return LambdaApiStub.Outcome.ok(out.toString(StandardCharsets.UTF_8));
                } catch (Exception | Error e) {
                    return LambdaApiStub.Outcome.unhandled(e.getMessage());
                }
            });

            // AND a batch of 1,000 records: unique contacts, duplicates (newer and older), malformed data
            List<Planned> planned = new ArrayList<>();
            List<String[]> kinesis = new ArrayList<>();
            Instant base = Instant.parse("2026-11-21T10:00:00Z");
            for (int i = 0; i < RECORDS; i++) {
                String sequence = String.format("4959%040d", i);
                if (i % 50 == 25) {
                    kinesis.add(new String[] {sequence, i % 100 == 25 ? "!!not-base64!!" : "bm90IGpzb24"});
                    planned.add(new Planned(sequence, null, null));
                    continue;
                }
                String contactId;
                Instant updated;
                if (i % 40 == 39 || i % 40 == 19) {
                    contactId = planned.get(i - 1).contactId();   // same contact as the record before
                    updated = base.plusSeconds(i % 40 == 39 ? 100_000 + i : i - 500); // newer / older than it
                } else {
                    contactId = "c-" + i;
                    updated = base.plusSeconds(i);
                }
                ObjectNode ctr = Fixtures.object("ctr-inbound.json");
                ctr.put("ContactId", contactId).put("LastUpdateTimestamp", updated.toString())
                        .put("DisconnectTimestamp", updated.toString());
                kinesis.add(new String[] {sequence, Fixtures.base64(ctr)});
                planned.add(new Planned(sequence, contactId, updated.toString()));
            }

            // WHEN the CTR handler, wired for production, processes the batch
            CtrDataSyncHandler handler = new CtrDataSyncHandler(CtrSyncWiring.fromEnvironment(
                    Map.of(CtrSyncWiring.TELEPHONY_FUNCTION_VARIABLE, CtrDataSyncHandlerTest.TELEPHONY)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(
                    Json.write(Fixtures.kinesisEvent(kinesis)).getBytes(StandardCharsets.UTF_8)), out, null);
            Set<String> reported = new HashSet<>();
            for (JsonNode failure : Json.read(out.toString(StandardCharsets.UTF_8)).path("batchItemFailures")) {
                reported.add(failure.path("itemIdentifier").asText());
            }

            // THEN no token was refused, and each contact was accepted at most once, with its newest record
            assertThat(scrt.problems()).isEmpty();
            // (A contact may be accepted twice when an answer was slower than the client's timeout: the retry
            // repeats an idempotent PATCH. Each accepted body must still be the contact's newest record.)
            Map<String, String> acceptedEndTime = new HashMap<>();
            for (ScrtStub.Received accepted : scrt.accepted()) {
                String contactId = accepted.pathWithinBase().substring("/voiceCalls/".length());
                String endTime = Json.read(accepted.body()).path("endTime").asText();
                String previous = acceptedEndTime.put(contactId, endTime);
                assertThat(previous == null || previous.equals(endTime)).as("contact %s accepted with two versions", contactId).isTrue();
            }
            Map<String, String> newestEndTime = new HashMap<>();
            for (Planned p : planned) {
                if (p.contactId() != null) {
                    newestEndTime.merge(p.contactId(), p.endTime(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            acceptedEndTime.forEach((contactId, endTime) ->
                    assertThat(endTime).as("accepted version of %s", contactId).isEqualTo(newestEndTime.get(contactId)));

            // AND every record is exactly one of: accepted (itself or through its newer duplicate) or reported
            int malformed = 0;
            for (Planned p : planned) {
                boolean accepted = p.contactId() != null && acceptedEndTime.containsKey(p.contactId());
                boolean failed = reported.contains(p.sequenceNumber());
                assertThat(accepted ^ failed).as("record %s (contact %s): accepted=%s reported=%s",
                        p.sequenceNumber(), p.contactId(), accepted, failed).isTrue();
                if (p.contactId() == null) {
                    malformed++;
                    assertThat(failed).as("malformed record %s reported", p.sequenceNumber()).isTrue();
                }
            }
            // AND the faults really bit: some records failed all retries, most got through. A contact fails
            // only when all three attempts fail (0.3^3, about 2.7%: ~25 of 930, standard deviation ~5), so
            // accepting 90% is far from chance either way; a fixed bar near the mean would fail one run in six.
            assertThat(malformed).isEqualTo(20);
            assertThat(reported.size() - malformed).isPositive();
            assertThat(acceptedEndTime.size()).isGreaterThan(newestEndTime.size() * 9 / 10);
            assertThat(scrt.received().size()).isGreaterThan(acceptedEndTime.size());
        }
    }
}
