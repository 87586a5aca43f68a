package dev.scvcdk.lambdas.contactlens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtException;
import dev.scvcdk.lambdas.ctrsync.ContactRecordDecoder;
import dev.scvcdk.lambdas.ctrsync.MalformedRecordException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ContactLensProcessor: turns the Contact Lens records ContactLensConsumer forwards into SCRT calls.
 *
 * <ul>
 *   <li>Only {@code EventType: SEGMENTS} records count; STARTED and COMPLETED are logged, FAILED at error, any
 *       other type at warn. A record that is not base64 UTF-8 JSON is logged and skipped; the rest go on.</li>
 *   <li>Each {@code Utterance} becomes a transcript message; the messages are grouped per ContactId (first-seen
 *       order, record order within a contact) and sent in Create Transcripts in Bulk requests of at most
 *       {@value #MAX_VOICE_CALLS_PER_REQUEST} voice calls × {@value #MAX_MESSAGES_PER_VOICE_CALL} messages, a
 *       contact's later messages always in a later request.</li>
 *   <li>Each {@code Categories} segment with matched categories becomes one realtimeConversationEvents call;
 *       these go first, in record order, then the transcripts.</li>
 * </ul>
 *
 * <p>Failures: the SCRT client retries 429, 5xx and transport failures with backoff; when a call still fails, or
 * SCRT refuses the credentials (401, 403), or the key cannot be read, the invocation fails at once, so Lambda's
 * asynchronous retries and the function's on-failure destination keep the whole event. A retry sends the whole
 * event again: transcript messages with the same {@code messageId}s and times, category events with a new
 * {@code startTime}. Any other 4xx is a verdict on the data, the same on every retry: it is logged at error with
 * the contact ids and the rest goes on.
 */
public final class ContactLensProcessorService {
    public static final int MAX_VOICE_CALLS_PER_REQUEST = 5;
    public static final int MAX_MESSAGES_PER_VOICE_CALL = 5;
    static final String SERVICE = "AmazonConnectContactLens";
    static final String CATEGORY_EVENT = "IntelligenceSignal__Category";
    static final String AGENT = "VIRTUAL_AGENT";
    static final String END_USER = "END_USER";
    /**
     * Time a call may take with all its retries (the client's retry budget plus one request timeout, rounded up):
     * a call is not started with less than this left, so the invocation fails cleanly rather than by timeout.
     */
    public static final Duration CALL_RESERVE = Duration.ofSeconds(45);

    private final ScrtClient scrt;
    private final Clock clock;
    private final StructuredLogger log;

    public ContactLensProcessorService(ScrtClient scrt, Clock clock, StructuredLogger log) {
        this.scrt = Objects.requireNonNull(scrt, "scrt");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** One realtimeConversationEvents call. */
    record CategoryCall(String contactId, Map<String, Object> body) {
    }

    /** What the records ask for: category calls in record order, messages per contact in first-seen order. */
    record Work(List<CategoryCall> categoryCalls, Map<String, List<Map<String, Object>>> messages, int skipped) {
    }

    /**
     * @param timeLeft how long the invocation may still run (the function's remaining time less a margin);
     *                 empty = no limit
     * @return a summary: records, skipped records, calls made, calls SCRT rejected
     * @throws ScrtException                                           when SCRT stays unavailable or refuses the credentials
     * @throws dev.scvcdk.lambdas.common.keys.SecureValueException     when the private key cannot be read or used
     * @throws IllegalStateException                                   when too little time is left for the next call
     */
    public Map<String, Object> process(JsonNode event, Optional<Duration> timeLeft) {
        Optional<Instant> deadline = timeLeft.map(clock.instant()::plus);
        JsonNode records = event.path("Records");
        Work work = read(records);
        int rejected = 0;
        int categoryCalls = 0;
        for (CategoryCall call : work.categoryCalls()) {
            checkTime(deadline, call.contactId());
            categoryCalls++;
            if (!send(List.of(call.contactId()),
                    () -> scrt.sendRealtimeConversationEvents(call.contactId(), call.body()))) {
                rejected++;
            }
        }
        List<Map<String, Object>> requests = transcriptRequests(work.messages());
        int messages = 0;
        for (Map<String, Object> request : requests) {
            List<String> contactIds = contactIds(request);
            checkTime(deadline, String.join(",", contactIds));
            if (!send(contactIds, () -> scrt.createTranscripts(String.join(",", contactIds), request))) {
                rejected++;
            }
        }
        for (List<Map<String, Object>> contactMessages : work.messages().values()) {
            messages += contactMessages.size();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("result", "Success");
        summary.put("records", records.size());
        summary.put("skippedRecords", work.skipped());
        summary.put("categoryCalls", categoryCalls);
        summary.put("transcriptRequests", requests.size());
        summary.put("messages", messages);
        summary.put("rejectedCalls", rejected);
        log.info("Contact Lens records processed", null, summary);
        return summary;
    }

    /** Reads every record, skipping (and logging) what cannot be used. */
    Work read(JsonNode records) {
        List<CategoryCall> categoryCalls = new ArrayList<>();
        Map<String, List<Map<String, Object>>> messages = new LinkedHashMap<>();
        int skipped = 0;
        for (JsonNode record : records) {
            String sequenceNumber = Json.text(record, "kinesis", "sequenceNumber");
            JsonNode data;
            try {
                data = ContactRecordDecoder.decode(Json.text(record, "kinesis", "data"));
            } catch (MalformedRecordException e) {
                skipped++;
                log.error("Contact Lens record skipped: unreadable", null,
                        Map.of("sequenceNumber", String.valueOf(sequenceNumber), "reason", e.getMessage()), null);
                continue;
            }
            String contactId = Json.nonEmptyText(data, "ContactId");
            String eventType = String.valueOf(Json.text(data, "EventType"));
            switch (eventType) {
                case "SEGMENTS" -> {
                    if (contactId == null) {
                        skipped++;
                        log.error("Contact Lens record skipped: no ContactId", null,
                                Map.of("sequenceNumber", String.valueOf(sequenceNumber)), null);
                        continue;
                    }
                }
                case "STARTED", "COMPLETED" -> {
                    log.info("Contact Lens analysis " + eventType.toLowerCase(java.util.Locale.ROOT), contactId, Map.of());
                    continue;
                }
                case "FAILED" -> {
                    log.error("Contact Lens analysis failed", contactId, Map.of(), null);
                    continue;
                }
                default -> {
                    log.warn("Contact Lens record of unknown EventType ignored", contactId, Map.of("eventType", eventType));
                    continue;
                }
            }
            JsonNode segments = data.path("Segments");
            if (!segments.isArray() || segments.isEmpty()) {
                log.debug("SEGMENTS record without segments", contactId, Map.of());
                continue;
            }
            for (JsonNode segment : segments) {
                JsonNode utterance = segment.path("Utterance");
                if (utterance.isObject()) {
                    message(utterance, record, contactId).ifPresent(
                            message -> messages.computeIfAbsent(contactId, id -> new ArrayList<>()).add(message));
                }
                JsonNode categories = segment.path("Categories");
                if (categories.isObject()) {
                    categoryCall(categories, contactId).ifPresent(categoryCalls::add);
                }
            }
        }
        return new Work(categoryCalls, messages, skipped);
    }

    /** The transcript message of an utterance, or empty (logged) when it lacks what a message needs. */
    private Optional<Map<String, Object>> message(JsonNode utterance, JsonNode record, String contactId) {
        String id = Json.nonEmptyText(utterance, "Id");
        JsonNode begin = utterance.path("BeginOffsetMillis");
        JsonNode end = utterance.path("EndOffsetMillis");
        JsonNode content = utterance.path("PartialContent");
        Long arrivedMillis = arrivalMillis(record.path("kinesis").path("approximateArrivalTimestamp"));
        String problem = id == null ? "Utterance.Id is missing"
                : !begin.isNumber() || !end.isNumber() ? "Utterance.BeginOffsetMillis/EndOffsetMillis are not numbers"
                : !content.isTextual() ? "Utterance.PartialContent is not text"
                : arrivedMillis == null ? "kinesis.approximateArrivalTimestamp is not a number of seconds"
                : null;
        if (problem != null) {
            log.error("Contact Lens utterance skipped: " + problem, contactId,
                    Map.of("sequenceNumber", String.valueOf(Json.text(record, "kinesis", "sequenceNumber")),
                            "utteranceId", String.valueOf(id)), null);
            return Optional.empty();
        }
        String participant = "AGENT".equals(Json.text(utterance, "ParticipantRole")) ? AGENT : END_USER;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageId", id);
        message.put("startTime", arrivedMillis - (end.asLong() - begin.asLong()));
        message.put("endTime", arrivedMillis);
        message.put("content", content.asText());
        message.put("participantId", participant);
        message.put("senderType", participant);
        return Optional.of(message);
    }

    /** Epoch seconds with a fraction (Kinesis) as whole milliseconds, decimal-exact; null when not a number. */
    static Long arrivalMillis(JsonNode seconds) {
        BigDecimal value;
        if (seconds.isNumber()) {
            value = seconds.isFloatingPointNumber() ? BigDecimal.valueOf(seconds.doubleValue()) : seconds.decimalValue();
        } else if (seconds.isTextual()) {
            try {
                value = new BigDecimal(seconds.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return value.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** One call with an event per matched category, or empty when none matched. */
    private Optional<CategoryCall> categoryCall(JsonNode categories, String contactId) {
        JsonNode matched = categories.path("MatchedCategories");
        long now = clock.millis();
        List<Map<String, Object>> events = new ArrayList<>();
        for (JsonNode category : matched) {
            if (!category.isTextual()) {
                log.warn("Contact Lens category that is not a name ignored", contactId, Map.of("category", category));
                continue;
            }
            Map<String, Object> signal = new LinkedHashMap<>();
            signal.put("type", CATEGORY_EVENT);
            signal.put("value", category.asText());
            signal.put("startTime", now);
            // A category absent from MatchedDetails (SCV threw on it) simply has no details.
            JsonNode details = Json.at(categories, "MatchedDetails", category.asText(), "PointsOfInterest").path(0);
            if (details.isObject() && !details.isEmpty()) {
                signal.put("details", Json.toMap(details));
            }
            events.add(signal);
        }
        if (events.isEmpty()) {
            log.debug("Categories segment without matched categories", contactId, Map.of());
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", SERVICE);
        body.put("events", events);
        body.put("persist", false);
        return Optional.of(new CategoryCall(contactId, body));
    }

    /**
     * Bulk bodies: each takes the next {@value #MAX_MESSAGES_PER_VOICE_CALL} messages of up to
     * {@value #MAX_VOICE_CALLS_PER_REQUEST} contacts that still have messages, in first-seen order; a contact's
     * messages keep their order across requests, as requests are sent one after another.
     */
    static List<Map<String, Object>> transcriptRequests(Map<String, List<Map<String, Object>>> messages) {
        Map<String, Integer> sent = new LinkedHashMap<>();
        messages.forEach((contactId, list) -> sent.put(contactId, 0));
        List<Map<String, Object>> requests = new ArrayList<>();
        while (true) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<String, List<Map<String, Object>>> contact : messages.entrySet()) {
                int from = sent.get(contact.getKey());
                List<Map<String, Object>> list = contact.getValue();
                if (from >= list.size()) {
                    continue;
                }
                int to = Math.min(list.size(), from + MAX_MESSAGES_PER_VOICE_CALL);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("vendorCallKey", contact.getKey());
                entry.put("messages", new ArrayList<>(list.subList(from, to)));
                entries.add(entry);
                sent.put(contact.getKey(), to);
                if (entries.size() == MAX_VOICE_CALLS_PER_REQUEST) {
                    break;
                }
            }
            if (entries.isEmpty()) {
                return requests;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("entries", entries);
            requests.add(body);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> contactIds(Map<String, Object> request) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) request.get("entries")) {
            ids.add((String) entry.get("vendorCallKey"));
        }
        return ids;
    }

    /**
     * @return true when SCRT accepted the call, false when it rejected the data (logged)
     * @throws ScrtException when SCRT stayed unavailable after the retries or refused the credentials
     */
    private boolean send(List<String> contactIds, Runnable call) {
        try {
            call.run();
            return true;
        } catch (ScrtException e) {
            int status = e.status();
            if (status >= 200 && status <= 299) {
                log.warn("SCRT accepted the call with an unreadable answer", contactIds.get(0),
                        Map.of("contactIds", contactIds, "status", status));
                return true;
            }
            if (status == 0 || status == 401 || status == 403 || status == 429 || status >= 500) {
                log.error("SCRT call failed; the invocation fails so the event is retried", contactIds.get(0),
                        Map.of("contactIds", contactIds, "status", status), e);
                throw e;
            }
            log.error("SCRT rejected the call", contactIds.get(0),
                    Map.of("contactIds", contactIds, "status", status), e);
            return false;
        }
    }

    private void checkTime(Optional<Instant> deadline, String contactIds) {
        if (deadline.isPresent() && clock.instant().plus(CALL_RESERVE).isAfter(deadline.get())) {
            throw new IllegalStateException("less than " + CALL_RESERVE.toSeconds() + " s left before the function "
                    + "times out: the SCRT call for " + contactIds + " was not started, so the event is retried");
        }
    }
}
