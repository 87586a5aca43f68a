package dev.scvcdk.lambdas.ctrsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.Optional;
import java.util.Set;

/** Which contact records SCV syncs to Salesforce, exactly as SCV's CTR sync decides it. */
public final class ContactRecordFilter {
    static final Set<String> SYNCED_INITIATION_METHODS =
            Set.of("INBOUND", "OUTBOUND", "TRANSFER", "CALLBACK", "API", "WEBRTC_API");

    private ContactRecordFilter() {
    }

    /** Why the record is not synced, or empty when it is. */
    public static Optional<String> skipReason(JsonNode ctr) {
        if ("true".equals(Json.text(ctr, "Attributes", "NoSync"))) {
            return Optional.of("Attributes.NoSync is true");
        }
        String method = Json.text(ctr, "InitiationMethod");
        if (method == null || !SYNCED_INITIATION_METHODS.contains(method)) {
            return Optional.of("InitiationMethod " + method + " is not synced");
        }
        if (Json.nonEmptyText(ctr, "ContactId") == null) {
            return Optional.of("no ContactId");
        }
        if (isTruthy(Json.at(ctr, "Attributes", "vm_flag")) && hasElements(ctr.path("Recordings"))) {
            return Optional.of("finished voicemail");
        }
        return Optional.empty();
    }

    /** JavaScript truthiness, as SCV's check uses it: a non-empty string (even "false"), true, or non-zero. */
    static boolean isTruthy(JsonNode value) {
        if (value.isTextual()) {
            return !value.asText().isEmpty();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0.0;
        }
        return value.isContainerNode();
    }

    private static boolean hasElements(JsonNode recordings) {
        return recordings.isArray() && recordings.size() > 0
                || recordings.isObject() && recordings.size() > 0;
    }
}
