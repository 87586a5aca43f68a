package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.media.kvs.StartSelector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.transcribestreaming.model.LanguageCode;

/**
 * kvsConsumerTrigger's payload, checked before anything is read: every field that would make a session or a message
 * fail later is refused now, with the field, its value and the rule.
 *
 * @param streamArn              the contact's Kinesis Video stream
 * @param startFragmentNumber    the contact's first fragment (null when absent: only the NOW selector works then)
 * @param audioStartTimestamp    epoch milliseconds of the first audio: message times are relative to it
 * @param customerPhoneNumber    participantId of the caller's messages (null when the caller is not transcribed)
 * @param voiceCallId            the contact id: SCRT's voice call
 * @param languageCode           a Transcribe streaming language ({@code en-US} for medical)
 * @param directions             the directions to transcribe (may be empty: nothing to do)
 * @param instanceId             the Connect instance id from {@code instanceARN} (null when absent)
 * @param medical                the medical engine
 * @param vocabularyName         custom vocabulary, or null
 * @param vocabularyFilterName   vocabulary filter (standard only), or null
 * @param vocabularyFilterMethod remove, mask or tag; set exactly when there is a filter
 * @param specialty              medical specialty (medical only), else null
 */
public record TranscriptionRequest(String streamArn, String startFragmentNumber, long audioStartTimestamp,
                                   String customerPhoneNumber, String voiceCallId, String languageCode,
                                   Set<Direction> directions, String instanceId, boolean medical,
                                   String vocabularyName, String vocabularyFilterName, String vocabularyFilterMethod,
                                   String specialty) {

    /** Every language Transcribe streaming accepts, by lower-case code. */
    static final Map<String, String> STREAMING_LANGUAGES = languages();
    static final String MEDICAL_LANGUAGE = "en-US";
    static final Set<String> FILTER_METHODS = Set.of("remove", "mask", "tag");
    static final String DEFAULT_FILTER_METHOD = "mask";
    static final Set<String> SPECIALTIES = Set.of("PRIMARYCARE", "CARDIOLOGY", "NEUROLOGY", "ONCOLOGY", "RADIOLOGY",
            "UROLOGY");
    static final String DEFAULT_SPECIALTY = "PRIMARYCARE";

    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:kinesisvideo:[a-z0-9-]+:\\d{12}:stream/[A-Za-z0-9_.-]{1,256}/\\d+");
    private static final Pattern INSTANCE_ARN =
            Pattern.compile("arn:aws[a-z-]*:connect:[a-z0-9-]+:\\d{12}:instance/([A-Za-z0-9-]{1,100})");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,64}");

    public TranscriptionRequest {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(voiceCallId, "voiceCallId");
        Objects.requireNonNull(languageCode, "languageCode");
        directions = directions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(directions));
    }

    /**
     * @throws IllegalArgumentException listing every invalid field: name, value and rule
     */
    public static TranscriptionRequest parse(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("the kvsTranscriber payload must be a JSON object, not "
                    + (payload == null ? "nothing" : payload.getNodeType()));
        }
        List<String> problems = new ArrayList<>();
        String streamArn = text(payload, "streamARN");
        if (streamArn == null) {
            problems.add("streamARN is missing: the contact's Kinesis Video stream ARN is required");
        } else if (!STREAM_ARN.matcher(streamArn).matches()) {
            problems.add("streamARN is '" + streamArn + "': must be a Kinesis Video stream ARN "
                    + "(arn:<partition>:kinesisvideo:<region>:<account>:stream/<name>/<creation time>)");
        }
        String fragment = text(payload, "startFragmentNum");
        if (fragment != null && !DIGITS.matcher(fragment).matches()) {
            problems.add("startFragmentNum is '" + fragment + "': must be a Kinesis Video fragment number (digits)");
        }
        long audioStart = 0;
        String start = text(payload, "audioStartTimestamp");
        if (start == null) {
            problems.add("audioStartTimestamp is missing: message times are relative to it (epoch milliseconds)");
        } else if (!DIGITS.matcher(start).matches() || start.length() > 15) {
            problems.add("audioStartTimestamp is '" + start + "': must be epoch milliseconds (digits)");
        } else {
            audioStart = Long.parseLong(start);
        }
        String voiceCallId = text(payload, "voiceCallId");
        if (voiceCallId == null) {
            problems.add("voiceCallId is missing: the contact id names the SCRT voice call");
        }
        Set<Direction> directions = EnumSet.noneOf(Direction.class);
        if (flag(payload, "streamAudioFromCustomer", problems)) {
            directions.add(Direction.FROM_CUSTOMER);
        }
        if (flag(payload, "streamAudioToCustomer", problems)) {
            directions.add(Direction.TO_CUSTOMER);
        }
        String phone = text(payload, "customerPhoneNumber");
        if (phone == null && directions.contains(Direction.FROM_CUSTOMER)) {
            problems.add("customerPhoneNumber is missing: it is the participantId of the caller's messages "
                    + "(streamAudioFromCustomer is true)");
        }
        String instanceId = null;
        String instanceArn = text(payload, "instanceARN");
        if (instanceArn != null) {
            var matcher = INSTANCE_ARN.matcher(instanceArn);
            if (matcher.matches()) {
                instanceId = matcher.group(1);
            } else {
                problems.add("instanceARN is '" + instanceArn + "': must be an Amazon Connect instance ARN "
                        + "(arn:<partition>:connect:<region>:<account>:instance/<id>)");
            }
        }
        String engine = text(payload, "engine");
        boolean medical = false;
        if (engine != null) {
            String lower = engine.toLowerCase(Locale.ROOT);
            if (lower.equals("medical")) {
                medical = true;
            } else if (!lower.equals("standard")) {
                problems.add("engine is '" + engine + "': must be standard or medical");
            }
        }
        String language = text(payload, "languageCode");
        String canonicalLanguage = language == null ? "en-US" : STREAMING_LANGUAGES.get(language.toLowerCase(Locale.ROOT));
        if (canonicalLanguage == null) {
            problems.add("languageCode is '" + language + "': not a Transcribe streaming language (one of "
                    + new TreeMap<>(STREAMING_LANGUAGES).values() + ")");
        } else if (medical && !MEDICAL_LANGUAGE.equals(canonicalLanguage)) {
            problems.add("languageCode is '" + language + "': the medical engine transcribes en-US only");
        }
        String vocabulary = text(payload, "vocabularyName");
        String filter = text(payload, "vocabularyFilterName");
        String method = text(payload, "vocabularyFilterMethod");
        if (method != null) {
            method = method.toLowerCase(Locale.ROOT);
            if (!FILTER_METHODS.contains(method)) {
                problems.add("vocabularyFilterMethod is '" + text(payload, "vocabularyFilterMethod")
                        + "': must be one of remove, mask, tag");
            }
        }
        String specialty = null;
        if (medical) {
            // Medical sessions take no vocabulary filter: SCV drops it there too.
            filter = null;
            String given = text(payload, "specialty");
            specialty = given == null ? DEFAULT_SPECIALTY : given.toUpperCase(Locale.ROOT);
            if (!SPECIALTIES.contains(specialty)) {
                problems.add("specialty is '" + given + "': must be one of " + new java.util.TreeSet<>(SPECIALTIES));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid kvsTranscriber payload"
                    + (voiceCallId == null ? "" : " for contact " + voiceCallId) + ": " + String.join("; ", problems));
        }
        return new TranscriptionRequest(streamArn, fragment, audioStart, phone, voiceCallId, canonicalLanguage,
                directions, instanceId, medical, vocabulary, filter,
                filter == null ? null : method == null ? DEFAULT_FILTER_METHOD : method, specialty);
    }

    /** Where GetMedia starts for {@code selectorType} (from {@code START_SELECTOR_TYPE}). */
    public StartSelector startSelector(String selectorType) {
        if (StartSelector.NOW.equals(selectorType)) {
            return StartSelector.now();
        }
        if (startFragmentNumber == null) {
            throw new IllegalArgumentException("startFragmentNum is missing for contact " + voiceCallId
                    + ": START_SELECTOR_TYPE is FRAGMENT_NUMBER, so the contact's first fragment is required");
        }
        return StartSelector.fragmentNumber(startFragmentNumber);
    }

    /** The participantId of messages from {@code direction}: the caller's number, or the contact id. */
    public String participantId(Direction direction) {
        return direction == Direction.FROM_CUSTOMER ? customerPhoneNumber : voiceCallId;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }

    /** A boolean or "true"/"false" string; absent or empty means true, as kvsConsumerTrigger defaults it. */
    private static boolean flag(JsonNode payload, String field, List<String> problems) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String value = node.isTextual() ? node.asText().trim().toLowerCase(Locale.ROOT) : null;
        if ("true".equals(value) || "".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        problems.add(field + " is '" + node + "': must be true or false");
        return true;
    }

    private static Map<String, String> languages() {
        Map<String, String> byLowerCase = new TreeMap<>();
        for (LanguageCode code : LanguageCode.knownValues()) {
            byLowerCase.put(code.toString().toLowerCase(Locale.ROOT), code.toString());
        }
        return Map.copyOf(byLowerCase);
    }
}
