package dev.scvcdk.lambdas.voicemail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object an S3 {@code Object Created} event (EventBridge, source {@code aws.s3}) names, and the voicemail
 * keys in the tenant bucket: {@code voicemail_recordings/<ContactId>.wav} (AudioProcessing writes it, Transcribe
 * reads it) and {@code voicemail_transcripts/<ContactId>.json} (Transcribe writes it, Packaging reads it).
 *
 * @param bucket {@code detail.bucket.name}
 * @param key    {@code detail.object.key}
 */
public record VoicemailObjectEvent(String bucket, String key) {
    public static final String RECORDINGS_PREFIX = "voicemail_recordings/";
    public static final String TRANSCRIPTS_PREFIX = "voicemail_transcripts/";
    public static final String RECORDING_SUFFIX = ".wav";
    public static final String TRANSCRIPT_SUFFIX = ".json";

    /** Connect contact ids are UUIDs; nothing else under the prefixes is a voicemail. */
    private static final String CONTACT_ID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
    private static final Pattern RECORDING_KEY =
            Pattern.compile(Pattern.quote(RECORDINGS_PREFIX) + CONTACT_ID + Pattern.quote(RECORDING_SUFFIX));
    private static final Pattern TRANSCRIPT_KEY =
            Pattern.compile(Pattern.quote(TRANSCRIPTS_PREFIX) + CONTACT_ID + Pattern.quote(TRANSCRIPT_SUFFIX));

    /**
     * @throws IllegalArgumentException naming the field when the event has no bucket name or object key: it is not
     *                                  an S3 {@code Object Created} event, and failing keeps it for the DLQ
     */
    public static VoicemailObjectEvent from(JsonNode event) {
        String bucket = Json.nonEmptyText(event, "detail", "bucket", "name");
        String key = Json.nonEmptyText(event, "detail", "object", "key");
        if (bucket == null || key == null) {
            throw new IllegalArgumentException("detail." + (bucket == null ? "bucket.name" : "object.key")
                    + " is " + (bucket == null ? describe(event, "bucket", "name") : describe(event, "object", "key"))
                    + ": an S3 Object Created event must name the bucket and the object key");
        }
        return new VoicemailObjectEvent(bucket, key);
    }

    /** The contact id when the key is {@code voicemail_recordings/<ContactId>.wav}. */
    public Optional<String> recordingContactId() {
        return contactId(RECORDING_KEY);
    }

    /** The contact id when the key is {@code voicemail_transcripts/<ContactId>.json}. */
    public Optional<String> transcriptContactId() {
        return contactId(TRANSCRIPT_KEY);
    }

    public static String recordingKey(String contactId) {
        return RECORDINGS_PREFIX + contactId + RECORDING_SUFFIX;
    }

    public static String transcriptKey(String contactId) {
        return TRANSCRIPTS_PREFIX + contactId + TRANSCRIPT_SUFFIX;
    }

    private Optional<String> contactId(Pattern keys) {
        Matcher matcher = keys.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String describe(JsonNode event, String parent, String field) {
        JsonNode value = Json.at(event, "detail", parent, field);
        return value.isMissingNode() ? "missing" : value.toString();
    }
}
