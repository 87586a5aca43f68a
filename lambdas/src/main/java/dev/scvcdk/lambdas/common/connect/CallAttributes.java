package dev.scvcdk.lambdas.common.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * SCV's call attributes: the contact attributes whose key starts with {@code sfdc-}, prefix stripped, plus
 * {@code sf_realtime_transcription_status} as is (SCV uses it to flag transcription limits), serialized as a
 * JSON string — the form the SCRT API's {@code callAttributes} field takes.
 */
public final class CallAttributes {
    public static final String PREFIX = "sfdc-";
    public static final String TRANSCRIPTION_STATUS = "sf_realtime_transcription_status";

    private CallAttributes() {
    }

    /** @param attributes Connect's {@code Attributes} object (may be missing); {@code "{}"} when none match */
    public static String toJson(JsonNode attributes) {
        ObjectNode selected = Json.object();
        if (attributes != null && attributes.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().startsWith(PREFIX)) {
                    selected.set(field.getKey().substring(PREFIX.length()), field.getValue());
                }
            }
            JsonNode status = attributes.get(TRANSCRIPTION_STATUS);
            if (status != null && !status.isNull()) {
                selected.set(TRANSCRIPTION_STATUS, status);
            }
        }
        return Json.write(selected);
    }
}
