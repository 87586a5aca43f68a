package dev.scvcdk.lambdas.voicemail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * The tags AudioProcessing puts on {@code voicemail_recordings/<ContactId>.wav}: the only record of the
 * voicemail's language, dialled number, times, duration and location that Transcribe and Packaging get. A
 * required tag that is missing or unreadable is an {@link IllegalStateException} naming the object, the tag,
 * its value and the rule: the voicemail cannot be delivered without it, so the invocation fails.
 *
 * @param object where the tags came from ({@code <bucket>/<key>}), for messages
 * @param tags   tag key → value
 */
public record VoicemailTags(String object, Map<String, String> tags) {
    public static final String LANGUAGE = "vm_lang";
    public static final String DIALED_NUMBER = "vm_dialedNumber";
    public static final String INIT_TIMESTAMP = "vm_initTimestamp";
    public static final String END_TIMESTAMP = "vm_endTimestamp";
    public static final String DURATION = "vm_duration";
    public static final String RECORDING_URL = "vm_recordingUrl";

    /** SCV's language when {@code vm_lang} is absent or empty. */
    public static final String DEFAULT_LANGUAGE = "en-US";

    public VoicemailTags {
        Objects.requireNonNull(object, "object");
        tags = Map.copyOf(tags);
    }

    /** {@code vm_lang}, or {@value #DEFAULT_LANGUAGE} when it is absent or empty (SCV: {@code vm_lang || "en-US"}). */
    public String language() {
        String language = tags.get(LANGUAGE);
        return language == null || language.isEmpty() ? DEFAULT_LANGUAGE : language;
    }

    public String dialedNumber() {
        return required(DIALED_NUMBER);
    }

    public String recordingUrl() {
        return required(RECORDING_URL);
    }

    /** {@code vm_initTimestamp} as the contact record wrote it (ISO 8601). */
    public String initTimestamp() {
        return required(INIT_TIMESTAMP);
    }

    /** {@code vm_endTimestamp} as the contact record wrote it (ISO 8601). */
    public String endTimestamp() {
        return required(END_TIMESTAMP);
    }

    /** {@code vm_duration} as a whole number of seconds: SCV's {@code parseInt}, so a fraction is dropped. */
    public int durationSeconds() {
        String value = required(DURATION);
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() >= 0) {
                return seconds.setScale(0, RoundingMode.DOWN).intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below with the rule
        }
        throw invalid(DURATION, value, "must be a non-negative number of seconds");
    }

    /**
     * A timestamp tag in epoch milliseconds, as SCRT's messages take them (SCV's {@code parseInt} of the ISO
     * text sends the year).
     */
    public long epochMillis(String tag) {
        String value = required(tag);
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw invalid(tag, value, "must be an ISO 8601 timestamp with an offset, such as 2026-11-21T10:00:00Z");
        }
    }

    private String required(String tag) {
        String value = tags.get(tag);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("recording " + object + " has no tag " + tag
                    + ": VoiceMailAudioProcessing tags every recording with it");
        }
        return value;
    }

    private IllegalStateException invalid(String tag, String value, String rule) {
        return new IllegalStateException("recording " + object + " tag " + tag + " is '" + value + "': " + rule);
    }
}
