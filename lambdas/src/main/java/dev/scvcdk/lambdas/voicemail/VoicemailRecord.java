package dev.scvcdk.lambdas.voicemail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaClient;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact record that left a voicemail, with what VoiceMailAudioProcessing needs from it.
 *
 * @param contactId      {@code ContactId}: names the WAV ({@code voicemail_recordings/<ContactId>.wav})
 * @param language       {@code Attributes.vm_lang}
 * @param dialedNumber   {@code SystemEndpoint.Address} (empty when absent)
 * @param initiated      {@code InitiationTimestamp} as in the record (empty when absent)
 * @param disconnected   {@code DisconnectTimestamp} as in the record (empty when absent)
 * @param streamName     the Kinesis video stream of the {@code KINESIS_VIDEO_STREAM} recording
 * @param firstFragment  its {@code FragmentStartNumber}
 * @param lastFragment   its {@code FragmentStopNumber}
 */
public record VoicemailRecord(String contactId, String language, String dialedNumber, String initiated,
                              String disconnected, String streamName, BigInteger firstFragment,
                              BigInteger lastFragment) {
    static final String KINESIS_VIDEO_STREAM = "KINESIS_VIDEO_STREAM";

    public VoicemailRecord {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(streamName, "streamName");
    }

    /** A contact record that cannot be processed although it is a voicemail. */
    public static final class InvalidVoicemailException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidVoicemailException(String message) {
            super(message);
        }
    }

    /**
     * Why {@code ctr} is not a voicemail to process, or empty when it is one: {@code Attributes.vm_flag} must be
     * exactly {@code "1"} (SCV: {@code "0"} = already processed, anything else or absent = not a voicemail) and
     * {@code vm_lang} and {@code vm_from} non-empty.
     */
    public static Optional<String> skipReason(JsonNode ctr) {
        JsonNode attributes = ctr.path("Attributes");
        String flag = Json.text(attributes, "vm_flag");
        if (!"1".equals(flag)) {
            return Optional.of(flag == null ? "no vm_flag attribute" : "vm_flag is '" + flag + "', not '1'");
        }
        if (Json.nonEmptyText(attributes, "vm_lang") == null || Json.nonEmptyText(attributes, "vm_from") == null) {
            return Optional.of("vm_flag is '1' but vm_lang or vm_from is empty");
        }
        return Optional.empty();
    }

    /**
     * The voicemail of a record {@link #skipReason} accepts. The recording is the {@code Recordings} entry with
     * {@code StorageType} {@code KINESIS_VIDEO_STREAM} (the S3 call recording may come first).
     *
     * @throws InvalidVoicemailException naming the field, its value and the rule it breaks
     */
    public static VoicemailRecord from(JsonNode ctr) throws InvalidVoicemailException {
        String contactId = Json.nonEmptyText(ctr, "ContactId");
        if (contactId == null || !contactId.matches("[A-Za-z0-9-]{1,128}")) {
            throw new InvalidVoicemailException("ContactId is '" + Json.text(ctr, "ContactId")
                    + "': a voicemail needs a contact id (letters, digits, '-') to name its recording");
        }
        JsonNode recording = null;
        for (JsonNode entry : ctr.path("Recordings")) {
            if (KINESIS_VIDEO_STREAM.equals(Json.text(entry, "StorageType"))) {
                recording = entry;
                break;
            }
        }
        if (recording == null) {
            throw new InvalidVoicemailException("Recordings has no entry with StorageType " + KINESIS_VIDEO_STREAM
                    + ": the voicemail audio must be streamed to Kinesis Video");
        }
        String location = Json.text(recording, "Location");
        String streamName;
        try {
            streamName = KvsMediaClient.streamName(location);
        } catch (IllegalArgumentException e) {
            throw new InvalidVoicemailException("Recordings[KINESIS_VIDEO_STREAM].Location: " + e.getMessage());
        }
        BigInteger first = fragment(recording, "FragmentStartNumber");
        BigInteger last = fragment(recording, "FragmentStopNumber");
        if (last.compareTo(first) < 0) {
            throw new InvalidVoicemailException("Recordings[KINESIS_VIDEO_STREAM].FragmentStopNumber is " + last
                    + ": must not be before FragmentStartNumber " + first);
        }
        JsonNode attributes = ctr.path("Attributes");
        return new VoicemailRecord(contactId, Json.text(attributes, "vm_lang"),
                orEmpty(Json.text(ctr, "SystemEndpoint", "Address")), orEmpty(Json.text(ctr, "InitiationTimestamp")),
                orEmpty(Json.text(ctr, "DisconnectTimestamp")), streamName, first, last);
    }

    private static BigInteger fragment(JsonNode recording, String field) throws InvalidVoicemailException {
        String value = Json.text(recording, field);
        if (value == null || !value.matches("[0-9]{1,128}")) {
            throw new InvalidVoicemailException("Recordings[KINESIS_VIDEO_STREAM]." + field + " is '" + value
                    + "': must be a Kinesis Video fragment number");
        }
        return new BigInteger(value);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
