package dev.scvcdk.lambdas.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The post-conversation events of one Contact Lens analysis, in SCV's order: the AGENT then CUSTOMER overall
 * sentiment score, then one sentiment signal per transcript item.
 */
final class PostCallSignals {
    static final String OVERALL_SCORE = "IntelligenceSignal__OverallSentimentScore";
    static final String SENTIMENT = "IntelligenceSignal__Sentiment";
    static final List<String> OVERALL_PARTICIPANTS = List.of("AGENT", "CUSTOMER");
    static final Map<String, String> SENTIMENT_VALUES = Map.of(
            "POSITIVE", "1000", "NEUTRAL", "0", "MIXED", "0", "NEGATIVE", "-1000");

    private PostCallSignals() {
    }

    /**
     * @param analysis   the Contact Lens output document
     * @param agentStart T0: when the agent was connected (epoch ms); item offsets count from it
     * @param end        T1: when the contact was disconnected (epoch ms); without it no overall score is sent
     * @param log        where each skipped item is reported (an item without a usable sentiment or offsets is
     *                   skipped, the rest is still sent — SCV sends nothing then)
     */
    static List<Map<String, Object>> build(JsonNode analysis, String contactId, long agentStart, OptionalLong end,
                                           StructuredLogger log) {
        List<Map<String, Object>> events = new ArrayList<>();
        JsonNode overall = Json.at(analysis, "ConversationCharacteristics", "Sentiment", "OverallSentiment");
        for (String participant : OVERALL_PARTICIPANTS) {
            JsonNode score = overall.path(participant);
            if (!score.isNumber() || !Double.isFinite(score.doubleValue())) {
                continue;
            }
            if (end.isEmpty()) {
                log.warn("overall sentiment score not sent: the contact has no DisconnectTimestamp", contactId,
                        Map.of("participant", participant));
                continue;
            }
            events.add(event(OVERALL_SCORE, JsNumbers.format(score.doubleValue()), agentStart, end.getAsLong(),
                    participant));
        }
        JsonNode transcript = analysis.path("Transcript");
        for (int index = 0; index < transcript.size(); index++) {
            JsonNode item = transcript.get(index);
            String sentiment = Json.text(item, "Sentiment");
            String value = sentiment == null ? null : SENTIMENT_VALUES.get(sentiment);
            JsonNode begin = item.path("BeginOffsetMillis");
            JsonNode finish = item.path("EndOffsetMillis");
            String participant = Json.nonEmptyText(item, "ParticipantId");
            String problem = value == null ? "Sentiment is " + (sentiment == null ? "missing" : "'" + sentiment + "'")
                    + ": must be one of " + SENTIMENT_VALUES.keySet().stream().sorted().toList()
                    : !begin.canConvertToLong() || !finish.canConvertToLong()
                    ? "BeginOffsetMillis and EndOffsetMillis must be whole numbers"
                    : participant == null ? "ParticipantId is missing" : null;
            if (problem != null) {
                log.warn("transcript item skipped: " + problem, contactId,
                        Map.of("index", index, "itemId", String.valueOf(Json.text(item, "Id"))));
                continue;
            }
            events.add(event(SENTIMENT, value, agentStart + begin.asLong(), agentStart + finish.asLong(),
                    participant));
        }
        return events;
    }

    private static Map<String, Object> event(String type, String value, long start, long end, String participant) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("value", value);
        event.put("startTime", start);
        event.put("endTime", end);
        event.put("participant", participant);
        return event;
    }
}
