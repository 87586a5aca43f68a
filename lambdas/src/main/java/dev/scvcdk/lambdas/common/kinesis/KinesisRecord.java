package dev.scvcdk.lambdas.common.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of a Kinesis event.
 *
 * @param sequenceNumber the record's sequence number: the item identifier of a partial batch failure
 * @param data           the base64 data as delivered
 */
public record KinesisRecord(String sequenceNumber, String data) {
    /** The records of a Kinesis event source's event, in the order delivered. */
    public static List<KinesisRecord> fromEvent(JsonNode event) {
        List<KinesisRecord> records = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            records.add(new KinesisRecord(Json.text(record, "kinesis", "sequenceNumber"),
                    Json.text(record, "kinesis", "data")));
        }
        return records;
    }

    /**
     * The partial batch response ({@code {"batchItemFailures":[{"itemIdentifier":"<seq>"}]}}) failing these
     * records; the event-source mapping must enable {@code ReportBatchItemFailures}.
     */
    public static ObjectNode batchResponse(List<String> failedSequenceNumbers) {
        ObjectNode response = Json.object();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (String sequenceNumber : failedSequenceNumbers) {
            failures.addObject().put("itemIdentifier", sequenceNumber);
        }
        return response;
    }
}
