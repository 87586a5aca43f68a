package dev.scvcdk.lambdas.ctrsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.kinesis.KinesisRecord;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * CTR sync: decodes a Kinesis batch of contact records, keeps the newest record per ContactId, filters and
 * maps it as SCV does, and sends each through the telephony function's alias ({@code updateVoiceCall}) in
 * parallel on a bounded pool.
 *
 * <p>Returns the sequence numbers that must be retried. A record counts as done only when the telephony
 * function returned without {@code FunctionError}; a record that is not base64/JSON is logged with its
 * sequence number and reported as failed (the event-source mapping retries it, then sends it to its failure
 * destination); a duplicate dropped for a newer one shares the newer one's outcome, so when the newer one
 * fails the older one is reported too and the checkpoint never moves past either.
 */
public final class CtrSyncService {
    private final FunctionInvoker invoker;
    private final String telephonyFunction;
    private final ExecutorService pool;
    private final Clock clock;
    private final StructuredLogger log;

    /**
     * @param pool bounded executor shared across invocations; its size is the concurrency limit
     */
    public CtrSyncService(FunctionInvoker invoker, String telephonyFunction, ExecutorService pool, Clock clock,
                          StructuredLogger log) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.telephonyFunction = Objects.requireNonNull(telephonyFunction, "telephonyFunction");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param deadline when to stop waiting: records not sent by then are reported failed; empty = no limit
     * @return the sequence numbers to report in {@code batchItemFailures}, in batch order
     */
    public List<String> process(List<KinesisRecord> records, Optional<Instant> deadline) {
        int size = records.size();
        boolean[] failed = new boolean[size];
        // For each ContactId, the index of the newest record and the indexes it superseded.
        Map<String, Integer> newest = new LinkedHashMap<>();
        Map<Integer, List<Integer>> superseded = new LinkedHashMap<>();
        JsonNode[] decoded = new JsonNode[size];

        for (int i = 0; i < size; i++) {
            KinesisRecord record = records.get(i);
            try {
                decoded[i] = ContactRecordDecoder.decode(record.data());
            } catch (MalformedRecordException e) {
                failed[i] = true;
                log.error("malformed contact record", null,
                        Map.of("sequenceNumber", String.valueOf(record.sequenceNumber()), "reason", e.getMessage()), null);
                continue;
            }
            String contactId = Json.nonEmptyText(decoded[i], "ContactId");
            if (contactId == null) {
                continue;
            }
            Integer previous = newest.get(contactId);
            if (previous == null) {
                newest.put(contactId, i);
                superseded.put(i, new ArrayList<>());
            } else if (isNewer(decoded[i], decoded[previous])) {
                List<Integer> older = superseded.remove(previous);
                older.add(previous);
                superseded.put(i, older);
                newest.put(contactId, i);
            } else {
                superseded.get(previous).add(i);
            }
        }

        Map<Integer, Future<Boolean>> sends = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            if (decoded[i] == null) {
                continue;
            }
            String contactId = Json.nonEmptyText(decoded[i], "ContactId");
            if (contactId != null && newest.get(contactId) != i) {
                continue;
            }
            Optional<String> skip = ContactRecordFilter.skipReason(decoded[i]);
            if (skip.isPresent()) {
                log.debug("contact record not synced", contactId,
                        Map.of("sequenceNumber", records.get(i).sequenceNumber(), "reason", skip.get()));
                continue;
            }
            int index = i;
            sends.put(i, pool.submit(() -> send(records.get(index), contactId, decoded[index], deadline)));
        }

        for (Map.Entry<Integer, Future<Boolean>> entry : sends.entrySet()) {
            int index = entry.getKey();
            boolean ok = await(entry.getValue(), records.get(index), deadline);
            if (!ok) {
                failed[index] = true;
                for (int older : superseded.getOrDefault(index, List.of())) {
                    failed[older] = true;
                }
            }
        }

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (failed[i] && records.get(i).sequenceNumber() != null) {
                failures.add(records.get(i).sequenceNumber());
            }
        }
        log.info("CTR batch processed", null, Map.of("records", size, "sent", sends.size(), "failed", failures.size()));
        return failures;
    }

    private boolean send(KinesisRecord record, String contactId, JsonNode ctr, Optional<Instant> deadline) {
        if (deadline.isPresent() && !clock.instant().isBefore(deadline.get())) {
            log.warn("contact record not sent: out of time", contactId, Map.of("sequenceNumber", record.sequenceNumber()));
            return false;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("methodName", "updateVoiceCall");
        parameters.put("fieldValues", ContactRecordMapper.fieldValues(ctr));
        parameters.put("contactId", contactId);
        String payload = Json.write(Map.of("Details", Map.of("Parameters", parameters)));
        try {
            FunctionInvoker.Invocation result = invoker.invoke(telephonyFunction, payload);
            if (result.succeeded()) {
                return true;
            }
            log.error("telephony function failed the update", contactId, Map.of(
                    "sequenceNumber", record.sequenceNumber(),
                    "statusCode", result.statusCode(),
                    "functionError", String.valueOf(result.functionError()),
                    "response", abbreviate(result.payload())), null);
            return false;
        } catch (RuntimeException e) {
            log.error("telephony function could not be invoked", contactId,
                    Map.of("sequenceNumber", record.sequenceNumber()), e);
            return false;
        }
    }

    private boolean await(Future<Boolean> future, KinesisRecord record, Optional<Instant> deadline) {
        try {
            if (deadline.isEmpty()) {
                return future.get();
            }
            long waitMs = Math.max(0, Duration.between(clock.instant(), deadline.get()).toMillis());
            return future.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("contact record update still running at the deadline", null,
                    Map.of("sequenceNumber", record.sequenceNumber()));
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when {@code candidate} has a later LastUpdateTimestamp; a tie goes to the later record in the batch. */
    private static boolean isNewer(JsonNode candidate, JsonNode current) {
        Instant a = timestamp(candidate);
        Instant b = timestamp(current);
        if (a == null || b == null) {
            return b == null;
        }
        return !a.isBefore(b);
    }

    private static Instant timestamp(JsonNode ctr) {
        String text = Json.text(ctr, "LastUpdateTimestamp");
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
