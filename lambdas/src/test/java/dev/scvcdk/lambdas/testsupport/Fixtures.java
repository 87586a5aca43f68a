package dev.scvcdk.lambdas.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** JSON event fixtures under src/test/resources/events, and Kinesis events built from contact records. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        try {
            return Json.read(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object(String name) {
        return (ObjectNode) json(name);
    }

    public static String base64(JsonNode record) {
        return Base64.getEncoder().encodeToString(Json.write(record).getBytes(StandardCharsets.UTF_8));
    }

    /** A Kinesis event; each entry is {sequenceNumber, base64 data}. */
    public static ObjectNode kinesisEvent(List<String[]> records) {
        ObjectNode event = Json.object();
        ArrayNode array = event.putArray("Records");
        for (String[] record : records) {
            ObjectNode entry = array.addObject();
            ObjectNode kinesis = entry.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", "pk");
            kinesis.put("sequenceNumber", record[0]);
            kinesis.put("data", record[1]);
            kinesis.put("approximateArrivalTimestamp", 1.7636e9);
            entry.put("eventSource", "aws:kinesis");
            entry.put("eventVersion", "1.0");
            entry.put("eventID", "shardId-000000000000:" + record[0]);
            entry.put("eventName", "aws:kinesis:record");
            entry.put("awsRegion", "us-west-2");
        }
        return event;
    }
}
