package dev.scvcdk.lambdas.contactdatasync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversation text the REST function uploads as {@code transcripts.txt}: a {@code conversation} line, then
 * one {@code conversationEntry} JSON line per transcript item.
 */
final class TranscriptFile {
    static final Map<String, String> SUBJECT_SUFFIX = Map.of("CUSTOMER", "END_USER", "AGENT", "VIRTUAL_AGENT");

    private TranscriptFile() {
    }

    /**
     * The entry lines of one Contact Lens analysis. Each entry's {@code clientSentTimestamp} is the contact's
     * InitiationTimestamp plus that item's own {@code BeginOffsetMillis} (SCV accumulates offsets on one date, so
     * its entries drift). An item without Id, Content, a whole BeginOffsetMillis or a known ParticipantId is
     * skipped and logged.
     *
     * @param relatedRecords the VoiceCall ids to link, or null to leave the field out
     */
    static List<String> entries(JsonNode analysis, String contactId, long initiationMillis, JsonNode relatedRecords,
                                StructuredLogger log) {
        List<String> lines = new ArrayList<>();
        JsonNode transcript = analysis.path("Transcript");
        for (int index = 0; index < transcript.size(); index++) {
            JsonNode item = transcript.get(index);
            String id = Json.text(item, "Id");
            String content = Json.text(item, "Content");
            JsonNode begin = item.path("BeginOffsetMillis");
            String participant = Json.text(item, "ParticipantId");
            String problem = id == null ? "Id is missing"
                    : content == null ? "Content is missing"
                    : !begin.canConvertToLong() ? "BeginOffsetMillis is " + begin + ": must be a whole number"
                    : !SUBJECT_SUFFIX.containsKey(participant) ? "ParticipantId is " + participant
                            + ": must be one of " + SUBJECT_SUFFIX.keySet().stream().sorted().toList()
                    : null;
            if (problem != null) {
                log.warn("transcript item skipped: " + problem, contactId, Map.of("index", index));
                continue;
            }
            Map<String, Object> sender = new LinkedHashMap<>();
            sender.put("appType", "TELEPHONY_INTEGRATION");
            sender.put("subject", contactId + SUBJECT_SUFFIX.get(participant));
            sender.put("role", "CUSTOMER".equals(participant) ? "END_USER" : participant);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("conversationId", contactId);
            payload.put("id", id);
            payload.put("clientSentTimestamp", initiationMillis + begin.asLong());
            payload.put("clientDuration", 1);
            payload.put("messageText", content);
            payload.put("sender", sender);
            if (relatedRecords != null) {
                payload.put("relatedRecords", relatedRecords);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", "conversationEntry");
            entry.put("payload", payload);
            lines.add(Json.write(entry));
        }
        return lines;
    }

    /** The file: the conversation line, a newline, then the entries one per line. */
    static String text(String contactId, List<String> entries) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("conversationId", contactId);
        Map<String, Object> conversation = new LinkedHashMap<>();
        conversation.put("type", "conversation");
        conversation.put("payload", payload);
        return Json.write(conversation) + "\n" + String.join("\n", entries);
    }
}
