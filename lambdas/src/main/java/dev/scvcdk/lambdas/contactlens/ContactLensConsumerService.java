package dev.scvcdk.lambdas.contactlens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ContactLensConsumer: forwards the Contact Lens stream's records to ContactLensProcessor, asynchronously, in
 * chunks of at most {@value #MAX_RECORDS_PER_INVOKE} records and {@value #MAX_PAYLOAD_BYTES} bytes (SCV forwarded
 * one event and dropped any batch of more than five records).
 *
 * <p>Each chunk is one {@code Event} invocation whose payload is the Kinesis event with that chunk's records.
 * The Lambda client retries throttling, 5xx and transport failures (3 attempts, as the SDK does). When a chunk
 * still cannot be queued, it and every later record are reported as failed, in order, and nothing later is
 * forwarded: the event-source mapping then retries from the chunk's first record, so no record is queued twice by
 * this invocation and none is skipped.
 */
public final class ContactLensConsumerService {
    /** Records per asynchronous invocation: the processor's batch, as SCV sized it. */
    public static final int MAX_RECORDS_PER_INVOKE = 5;
    /** Lambda's asynchronous payload limit (256 KB), which a chunk must stay under. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private final FunctionInvoker invoker;
    private final String processorFunction;
    private final StructuredLogger log;

    public ContactLensConsumerService(FunctionInvoker invoker, String processorFunction, StructuredLogger log) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.processorFunction = Objects.requireNonNull(processorFunction, "processorFunction");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @return the sequence numbers to report in {@code batchItemFailures}, in batch order: empty when every record
     *         was queued for the processor
     * @throws IllegalStateException when a record that must be reported has no sequence number (the whole batch
     *                               is then retried)
     */
    public List<String> forward(JsonNode event) {
        JsonNode records = event.path("Records");
        if (!records.isArray() || records.isEmpty()) {
            log.info("no Contact Lens records to forward", null, Map.of());
            return List.of();
        }
        List<List<JsonNode>> chunks = chunks(event, records);
        int forwarded = 0;
        for (int index = 0; index < chunks.size(); index++) {
            List<JsonNode> chunk = chunks.get(index);
            try {
                invoker.invokeAsync(processorFunction, Json.write(payload(event, chunk)));
                forwarded += chunk.size();
            } catch (RuntimeException e) {
                List<String> failures = new ArrayList<>();
                for (List<JsonNode> unsent : chunks.subList(index, chunks.size())) {
                    for (JsonNode record : unsent) {
                        failures.add(sequenceNumber(record));
                    }
                }
                log.error("Contact Lens records not forwarded; the stream retries them", null, Map.of(
                        "forwarded", forwarded, "reported", failures.size(), "firstReported", failures.get(0)), e);
                return failures;
            }
        }
        log.info("Contact Lens records forwarded", null, Map.of("records", forwarded, "invocations", chunks.size()));
        return List.of();
    }

    /** Consecutive records, each chunk within the record and byte limits; a record too big alone is alone. */
    static List<List<JsonNode>> chunks(JsonNode event, JsonNode records) {
        List<List<JsonNode>> chunks = new ArrayList<>();
        List<JsonNode> current = new ArrayList<>();
        int envelope = Json.write(payload(event, List.of())).getBytes(StandardCharsets.UTF_8).length;
        int bytes = envelope;
        for (JsonNode record : records) {
            int size = Json.write(record).getBytes(StandardCharsets.UTF_8).length + 1;
            if (!current.isEmpty() && (current.size() == MAX_RECORDS_PER_INVOKE || bytes + size > MAX_PAYLOAD_BYTES)) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = envelope;
            }
            current.add(record);
            bytes += size;
        }
        chunks.add(current);
        return chunks;
    }

    /** The event with only {@code records}: any other top-level field is kept, so the processor sees the shape. */
    static ObjectNode payload(JsonNode event, List<JsonNode> records) {
        ObjectNode payload = Json.object();
        ArrayNode array = payload.putArray("Records");
        event.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("Records")) {
                payload.set(field.getKey(), field.getValue());
            }
        });
        records.forEach(array::add);
        return payload;
    }

    private static String sequenceNumber(JsonNode record) {
        String sequenceNumber = Json.nonEmptyText(record, "kinesis", "sequenceNumber");
        if (sequenceNumber == null) {
            throw new IllegalStateException("Records[].kinesis.sequenceNumber is missing from a record that could not "
                    + "be forwarded: it cannot be reported alone, so the whole batch fails and is retried");
        }
        return sequenceNumber;
    }
}
