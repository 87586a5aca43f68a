package dev.scvcdk.lambdas.kvstrigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * kvsConsumerTrigger: starts the KVS transcriber for a contact by invoking it asynchronously with the
 * customer audio stream's position and the transcription options, as SCV does.
 */
public final class KvsTriggerService {
    static final Set<String> ENGINES = Set.of("standard", "medical");
    private static final String[] OPTIONAL_PARAMETERS =
            {"vocabularyName", "vocabularyFilterName", "vocabularyFilterMethod", "specialty"};

    private final FunctionInvoker invoker;
    private final String transcriberFunction;
    private final StructuredLogger log;

    public KvsTriggerService(FunctionInvoker invoker, String transcriberFunction, StructuredLogger log) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.transcriberFunction = Objects.requireNonNull(transcriberFunction, "transcriberFunction");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The transcriber's payload for a Connect event. */
    public static Map<String, Object> payload(JsonNode event) {
        JsonNode contact = Json.at(event, "Details", "ContactData");
        JsonNode parameters = Json.at(event, "Details", "Parameters");
        JsonNode attributes = contact.path("Attributes");
        JsonNode audio = Json.at(contact, "MediaStreams", "Customer", "Audio");
        String streamArn = Json.nonEmptyText(audio, "StreamARN");
        String contactId = Json.nonEmptyText(contact, "ContactId");
        if (streamArn == null || contactId == null) {
            throw new IllegalArgumentException("Details.ContactData." + (contactId == null
                    ? "ContactId" : "MediaStreams.Customer.Audio.StreamARN")
                    + " is missing: invoke kvsConsumerTrigger after starting media streaming");
        }
        String engine = Json.nonEmptyText(parameters, "engine");
        if (engine == null) {
            engine = "standard";
        } else if (!ENGINES.contains(engine)) {
            throw new IllegalArgumentException("Details.Parameters.engine is '" + engine + "': must be one of " + ENGINES);
        }
        String languageCode = Json.nonEmptyText(attributes, "languageCode");

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("streamARN", streamArn);
        putIfPresent(payload, "startFragmentNum", Json.nonEmptyText(audio, "StartFragmentNumber"));
        putIfPresent(payload, "audioStartTimestamp", Json.nonEmptyText(audio, "StartTimestamp"));
        putIfPresent(payload, "customerPhoneNumber", Json.nonEmptyText(contact, "CustomerEndpoint", "Address"));
        payload.put("voiceCallId", contactId);
        payload.put("languageCode", languageCode == null ? "en-US" : languageCode);
        payload.put("streamAudioFromCustomer", !"false".equals(Json.text(attributes, "streamAudioFromCustomer")));
        payload.put("streamAudioToCustomer", !"false".equals(Json.text(attributes, "streamAudioToCustomer")));
        putIfPresent(payload, "instanceARN", Json.nonEmptyText(contact, "InstanceARN"));
        payload.put("engine", engine);
        for (String name : OPTIONAL_PARAMETERS) {
            putIfPresent(payload, name, Json.nonEmptyText(parameters, name));
        }
        return payload;
    }

    /** Invokes the transcriber with {@code InvocationType=Event}; AWS errors are thrown so the flow sees them. */
    public Map<String, Object> handle(JsonNode event) {
        Map<String, Object> payload = payload(event);
        String contactId = (String) payload.get("voiceCallId");
        invoker.invokeAsync(transcriberFunction, Json.write(payload));
        log.info("KVS transcriber started", contactId, Map.of("engine", payload.get("engine")));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lambdaResult", "Success");
        return result;
    }

    private static void putIfPresent(Map<String, Object> payload, String key, String value) {
        if (value != null) {
            payload.put(key, value);
        }
    }
}
