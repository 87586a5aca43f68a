package dev.scvcdk.lambdas.ctrsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.kinesis.KinesisRecord;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CtrSyncServiceTest {
    private static final String TELEPHONY = "arn:aws:lambda:us-west-2:123456789012:function:acmecc-InvokeTelephonyIntegrationApi:active";

    /** Records every invocation and answers through the test's function. */
    private static final class FakeInvoker implements FunctionInvoker {
        final List<JsonNode> payloads = Collections.synchronizedList(new ArrayList<>());
        final List<String> functions = Collections.synchronizedList(new ArrayList<>());
        volatile Function<JsonNode, Invocation> answer = payload -> new Invocation(200, null, "{}");

        @Override
        public Invocation invoke(String function, String jsonPayload) {
            try {
                JsonNode payload = Json.read(jsonPayload);
                payloads.add(payload);
                functions.add(function);
                return answer.apply(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void invokeAsync(String function, String jsonPayload) {
            throw new AssertionError("CTR sync invokes synchronously");
        }

        List<String> contactIds() {
            synchronized (payloads) {
                return payloads.stream().map(p -> p.path("Details").path("Parameters").path("contactId").asText()).toList();
            }
        }
    }

    private final FakeInvoker invoker = new FakeInvoker();
    private final CapturingLog log = new CapturingLog();
    private final ExecutorService pool = CtrSyncWiring.daemonPool(4);
    private final CtrSyncService service = new CtrSyncService(invoker, TELEPHONY, pool, Clock.systemUTC(), log.logger());

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static KinesisRecord record(String sequence, JsonNode ctr) {
        return new KinesisRecord(sequence, Fixtures.base64(ctr));
    }

    private static ObjectNode ctr(String contactId, String lastUpdate) {
        ObjectNode ctr = Fixtures.object("ctr-inbound.json");
        ctr.put("ContactId", contactId);
        ctr.put("LastUpdateTimestamp", lastUpdate);
        ctr.put("DisconnectTimestamp", lastUpdate);
        return ctr;
    }

    private static FunctionInvoker.Invocation failedFor(JsonNode payload, String contactId) {
        return contactId.equals(payload.path("Details").path("Parameters").path("contactId").asText())
                ? new FunctionInvoker.Invocation(200, "Unhandled", "{\"errorMessage\":\"SCRT updateVoiceCall answered HTTP 503\"}")
                : new FunctionInvoker.Invocation(200, null, "{}");
    }

    @Test
    void eachRecordIsSentAsUpdateVoiceCallToTheTelephonyAlias() {
        List<String> failures = service.process(List.of(record("1", Fixtures.json("ctr-inbound.json"))), Optional.empty());

        assertThat(failures).isEmpty();
        assertThat(invoker.functions).containsExactly(TELEPHONY);
        JsonNode parameters = invoker.payloads.get(0).path("Details").path("Parameters");
        assertThat(parameters.path("methodName").asText()).isEqualTo("updateVoiceCall");
        assertThat(parameters.path("contactId").asText()).isEqualTo("c0000000-0000-4000-8000-000000000001");
        assertThat(parameters.path("fieldValues")).isEqualTo(Json.MAPPER.valueToTree(
                ContactRecordMapper.fieldValues(Fixtures.json("ctr-inbound.json"))));
    }

    @Test
    void functionErrorIsAFailureOfThatRecordOnly() {
        invoker.answer = payload -> failedFor(payload, "c-2");
        List<String> failures = service.process(List.of(
                record("1", ctr("c-1", "2026-11-21T10:00:00Z")),
                record("2", ctr("c-2", "2026-11-21T10:00:00Z")),
                record("3", ctr("c-3", "2026-11-21T10:00:00Z"))), Optional.empty());
        assertThat(failures).containsExactly("2");
        assertThat(log.text()).contains("telephony function failed the update").contains("\"sequenceNumber\":\"2\"");
    }

    @Test
    void invocationExceptionIsAFailure() {
        invoker.answer = payload -> {
            throw new IllegalStateException("throttled");
        };
        assertThat(service.process(List.of(record("7", ctr("c-7", "2026-11-21T10:00:00Z"))), Optional.empty()))
                .containsExactly("7");
    }

    @Test
    void malformedRecordsAreReportedAndLoggedWhileOthersAreSent() {
        List<String> failures = service.process(List.of(
                new KinesisRecord("1", "%%% not base64"),
                record("2", ctr("c-2", "2026-11-21T10:00:00Z")),
                new KinesisRecord("3", "bm90IGpzb24")), Optional.empty());

        assertThat(failures).containsExactly("1", "3");
        assertThat(invoker.contactIds()).containsExactly("c-2");
        assertThat(log.lines()).filteredOn(l -> l.path("message").asText().equals("malformed contact record"))
                .extracting(l -> l.path("sequenceNumber").asText()).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void skippedRecordsAreNeitherSentNorFailed() {
        List<String> failures = service.process(List.of(
                record("1", Fixtures.json("ctr-nosync.json")),
                record("2", Fixtures.json("ctr-voicemail.json")),
                record("3", Fixtures.object("ctr-inbound.json").put("InitiationMethod", "DISCONNECT"))), Optional.empty());
        assertThat(failures).isEmpty();
        assertThat(invoker.payloads).isEmpty();
    }

    @Test
    void onlyTheNewestRecordOfAContactIsSent() {
        List<String> failures = service.process(List.of(
                record("1", ctr("c-1", "2026-11-21T10:00:00Z")),
                record("2", ctr("c-1", "2026-11-21T10:05:00Z")),
                record("3", ctr("c-1", "2026-11-21T10:02:00Z"))), Optional.empty());

        assertThat(failures).isEmpty();
        assertThat(invoker.payloads).hasSize(1);
        assertThat(invoker.payloads.get(0).path("Details").path("Parameters").path("fieldValues").path("endTime").asText())
                .isEqualTo("2026-11-21T10:05:00Z");
    }

    @Test
    void whenTheNewestRecordFailsTheRecordsItReplacedAreReportedToo() {
        invoker.answer = payload -> failedFor(payload, "c-1");
        List<String> failures = service.process(List.of(
                record("1", ctr("c-1", "2026-11-21T10:00:00Z")),
                record("2", ctr("c-9", "2026-11-21T10:00:00Z")),
                record("3", ctr("c-1", "2026-11-21T10:05:00Z")),
                record("4", ctr("c-1", "2026-11-21T10:01:00Z"))), Optional.empty());
        // The checkpoint must not pass sequence 1: every c-1 record is reported.
        assertThat(failures).containsExactly("1", "3", "4");
    }

    @Test
    void aNewerSkippedRecordSettlesTheOlderOnes() {
        ObjectNode newer = ctr("c-1", "2026-11-21T10:05:00Z");
        ((ObjectNode) newer.path("Attributes")).put("NoSync", "true");
        List<String> failures = service.process(List.of(
                record("1", ctr("c-1", "2026-11-21T10:00:00Z")), record("2", newer)), Optional.empty());
        assertThat(failures).isEmpty();
        assertThat(invoker.payloads).isEmpty();
    }

    @Test
    void concurrencyIsBoundedByThePool() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        invoker.answer = payload -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new FunctionInvoker.Invocation(200, null, "{}");
        };
        List<KinesisRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(record(String.valueOf(i), ctr("c-" + i, "2026-11-21T10:00:00Z")));
        }
        assertThat(service.process(records, Optional.empty())).isEmpty();
        assertThat(peak.get()).isBetween(2, 4);
    }

    @Test
    void recordsNotSentBeforeTheDeadlineAreReportedFailed() {
        List<String> failures = service.process(List.of(
                record("1", ctr("c-1", "2026-11-21T10:00:00Z")),
                record("2", ctr("c-2", "2026-11-21T10:00:00Z"))), Optional.of(Instant.now().minusSeconds(1)));
        assertThat(failures).containsExactly("1", "2");
        assertThat(invoker.payloads).isEmpty();
    }
}
