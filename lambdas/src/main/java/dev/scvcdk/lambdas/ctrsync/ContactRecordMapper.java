package dev.scvcdk.lambdas.ctrsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.connect.CallAttributes;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.telephony.TelephonyService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps a contact record to the {@code updateVoiceCall} field values SCV sends. Fields whose source is absent
 * are left out, {@code callAttributes} too when the record has no {@code Attributes} object; numbers keep their
 * JSON type.
 */
public final class ContactRecordMapper {
    static final Set<String> ERROR_DISCONNECT_REASONS = Set.of("TELECOM_PROBLEM", "CONTACT_FLOW_DISCONNECT", "OTHER");

    private ContactRecordMapper() {
    }

    public static Map<String, Object> fieldValues(JsonNode ctr) {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "startTime", ctr.path("InitiationTimestamp"));
        put(fields, "endTime", ctr.path("DisconnectTimestamp"));
        put(fields, "parentCallIdentifier", ctr.path("PreviousContactId"));
        String disconnectReason = Json.text(ctr, "DisconnectReason");
        if (disconnectReason != null) {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("value", disconnectReason);
            reason.put("isError", ERROR_DISCONNECT_REASONS.contains(disconnectReason));
            fields.put("disconnectReason", reason);
        }
        JsonNode agent = ctr.path("Agent");
        put(fields, "acceptTime", agent.path("ConnectedToAgentTimestamp"));
        put(fields, "totalHoldDuration", agent.path("CustomerHoldDuration"));
        put(fields, "longestHoldDuration", agent.path("LongestHoldDuration"));
        put(fields, "agentInteractionDuration", agent.path("AgentInteractionDuration"));
        put(fields, "numberOfHolds", agent.path("NumberOfHolds"));
        JsonNode queue = ctr.path("Queue");
        put(fields, "enqueueTime", queue.path("EnqueueTimestamp"));
        put(fields, "queue", queue.path("Name"));

        String method = Json.text(ctr, "InitiationMethod");
        if (method != null) {
            fields.put("initiationMethod", "API".equals(method) ? "INBOUND" : method);
            String system = Json.nonEmptyText(ctr, "SystemEndpoint", "Address");
            String customer = Json.nonEmptyText(ctr, "CustomerEndpoint", "Address");
            String from;
            String to;
            switch (method) {
                case "OUTBOUND", "CALLBACK" -> {
                    from = system;
                    to = customer;
                }
                case "WEBRTC_API" -> {
                    // The other way round from createVoiceCall, as SCV's CTR sync has it.
                    from = firstOf(Json.nonEmptyText(ctr, "Attributes", "WebRTC_From"), system);
                    to = firstOf(Json.nonEmptyText(ctr, "Attributes", "WebRTC_To"), customer);
                }
                default -> {
                    from = customer;
                    to = system;
                }
            }
            putText(fields, "fromNumber", from);
            putText(fields, "toNumber", to);
            fields.put("callSubType", "WEBRTC_API".equals(method) ? "WebRTC" : "PSTN");
        }
        put(fields, "recordingLocation", ctr.path("Recording").path("Location"));
        // Only a record that has an Attributes object sends callAttributes ("{}" when no sfdc- key): an update
        // carrying "{}" for a record without one would wipe the attributes set earlier in the call.
        JsonNode attributes = ctr.path("Attributes");
        if (attributes.isObject()) {
            fields.put("callAttributes", CallAttributes.toJson(attributes));
        }
        return fields;
    }

    private static String firstOf(String preferred, String endpoint) {
        if (preferred != null) {
            return preferred;
        }
        return endpoint != null ? endpoint : TelephonyService.WEBRTC_DEFAULT;
    }

    private static void put(Map<String, Object> fields, String key, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            fields.put(key, Json.MAPPER.convertValue(value, Object.class));
        }
    }

    private static void putText(Map<String, Object> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
