package dev.scvcdk.lambdas.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.connect.CallAttributes;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtException;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * InvokeTelephonyIntegrationApi: turns a Connect contact-flow event into one SCRT call, per
 * {@code Details.Parameters.methodName}. Bodies follow SCV's own function key for key, so existing contact
 * flows and Salesforce see no difference; keys whose value is absent are left out of bodies.
 */
public final class TelephonyService {
    /** SCV's stand-in number for WebRTC calls without a usable endpoint. */
    public static final String WEBRTC_DEFAULT = "WebRTC_Default";
    static final String FLOW_INPUT_PREFIX = "flowInput-";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> METHODS = List.of("createVoiceCall", "updateVoiceCall", "createTransferVC",
            "executeOmniFlow", "cancelOmniFlowExecution", "rerouteFlowExecution", "sendMessage");

    private final ScrtClient scrt;
    private final String callCenterApiName;
    private final Clock clock;
    private final StructuredLogger log;

    public TelephonyService(ScrtClient scrt, String callCenterApiName, Clock clock, StructuredLogger log) {
        this.scrt = Objects.requireNonNull(scrt, "scrt");
        this.callCenterApiName = Objects.requireNonNull(callCenterApiName, "callCenterApiName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @return the SCRT response as a map, the keep-warm answer, or {@code {"result":"Error"}} for a failed
     *         sendMessage
     * @throws IllegalArgumentException for an unknown methodName or a missing contact id
     * @throws ScrtException            when SCRT rejects the call (except sendMessage)
     */
    public Map<String, Object> handle(JsonNode event) {
        if ("Scheduled Event".equals(Json.text(event, "detail-type"))) {
            Map<String, Object> warm = new LinkedHashMap<>();
            warm.put("statusCode", 200);
            warm.put("message", "Keep Lambda Warm");
            return warm;
        }
        JsonNode parameters = Json.at(event, "Details", "Parameters");
        JsonNode contact = Json.at(event, "Details", "ContactData");
        String methodName = Json.text(parameters, "methodName");
        if (methodName == null || !METHODS.contains(methodName)) {
            throw new IllegalArgumentException("Details.Parameters.methodName is '" + methodName
                    + "': unsupported method, expected one of " + METHODS);
        }
        String contactId = Json.nonEmptyText(parameters, "contactId");
        if (contactId == null) {
            contactId = Json.nonEmptyText(contact, "ContactId");
        }
        if (contactId == null) {
            throw new IllegalArgumentException("no contact id: neither Details.Parameters.contactId nor "
                    + "Details.ContactData.ContactId is set (methodName " + methodName + ")");
        }
        log.info("invoking SCRT", contactId, Map.of("methodName", methodName));
        JsonNode response = switch (methodName) {
            case "createVoiceCall" -> scrt.createVoiceCall(contactId, createVoiceCallBody(contactId, contact));
            case "createTransferVC" -> scrt.createVoiceCall(contactId, createTransferBody(contactId, contact));
            case "updateVoiceCall" -> scrt.updateVoiceCall(contactId, withCallCenter(fieldValues(parameters)));
            case "executeOmniFlow" -> scrt.executeOmniFlow(contactId, omniFlowBody(parameters, contact));
            case "cancelOmniFlowExecution" -> scrt.cancelOmniFlowExecution(contactId);
            case "rerouteFlowExecution" -> scrt.rerouteFlowExecution(contactId);
            case "sendMessage" -> sendMessage(contactId, parameters);
            default -> throw new IllegalStateException("unreachable: " + methodName);
        };
        return Json.toMap(response);
    }

    private JsonNode sendMessage(String contactId, JsonNode parameters) {
        try {
            return scrt.sendMessage(contactId, withCallCenter(fieldValues(parameters)));
        } catch (ScrtException e) {
            // SCV answers a failed message with a result the flow can branch on, not a failed invocation.
            log.error("sendMessage failed", contactId, Map.of("status", e.status()), e);
            return Json.object().put("result", "Error");
        }
    }

    private Map<String, Object> createVoiceCallBody(String contactId, JsonNode contact) {
        JsonNode attributes = contact.path("Attributes");
        String customer = Json.nonEmptyText(contact, "CustomerEndpoint", "Address");
        String system = Json.nonEmptyText(contact, "SystemEndpoint", "Address");
        boolean webRtc = "connect:WebRTC".equals(
                Json.text(contact, "SegmentAttributes", "connect:Subtype", "ValueString"));
        String from;
        String to;
        String participantKey;
        if (webRtc) {
            from = firstOf(Json.nonEmptyText(attributes, "WebRTC_From"), customer, WEBRTC_DEFAULT);
            to = firstOf(Json.nonEmptyText(attributes, "WebRTC_To"), system, WEBRTC_DEFAULT);
            participantKey = WEBRTC_DEFAULT;
        } else {
            from = customer;
            to = system;
            participantKey = customer;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callCenterApiName", callCenterApiName);
        body.put("vendorCallKey", contactId);
        putIfPresent(body, "to", to);
        putIfPresent(body, "from", from);
        body.put("initiationMethod", "Inbound");
        body.put("startTime", now());
        body.put("callSubtype", webRtc ? "WebRTC" : "PSTN");
        body.put("callAttributes", CallAttributes.toJson(attributes));
        body.put("participants", participants(participantKey));
        return body;
    }

    private Map<String, Object> createTransferBody(String contactId, JsonNode contact) {
        String customer = Json.nonEmptyText(contact, "CustomerEndpoint", "Address");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callCenterApiName", callCenterApiName);
        body.put("vendorCallKey", contactId);
        putIfPresent(body, "to", Json.nonEmptyText(contact, "SystemEndpoint", "Address"));
        putIfPresent(body, "from", customer);
        putIfPresent(body, "parentVoiceCallId", Json.nonEmptyText(contact, "PreviousContactId"));
        body.put("initiationMethod", "Transfer");
        body.put("startTime", now());
        body.put("callAttributes", CallAttributes.toJson(contact.path("Attributes")));
        body.put("participants", participants(customer));
        putIfPresent(body, "queue", Json.nonEmptyText(contact, "Queue", "ARN"));
        return body;
    }

    private Map<String, Object> omniFlowBody(JsonNode parameters, JsonNode contact) {
        String dialedNumber = Json.nonEmptyText(contact, "SystemEndpoint", "Address");
        if (dialedNumber == null) {
            Object fromFields = fieldValues(parameters).get("dialedNumber");
            dialedNumber = fromFields == null ? null : fromFields.toString();
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith(FLOW_INPUT_PREFIX)) {
                inputs.put(field.getKey().substring(FLOW_INPUT_PREFIX.length()),
                        Json.MAPPER.convertValue(field.getValue(), Object.class));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        putIfPresent(body, "flowDevName", Json.nonEmptyText(parameters, "flowDevName"));
        putIfPresent(body, "fallbackQueue", Json.nonEmptyText(parameters, "fallbackQueue"));
        putIfPresent(body, "dialedNumber", dialedNumber);
        body.put("flowInputParameters", inputs);
        return body;
    }

    /** {@code Parameters.fieldValues}: an object (CTR sync), a JSON string (contact flows), or absent. */
    static Map<String, Object> fieldValues(JsonNode parameters) {
        JsonNode node = parameters.path("fieldValues");
        if (node.isMissingNode() || node.isNull()) {
            return new LinkedHashMap<>();
        }
        if (node.isTextual()) {
            try {
                node = Json.read(node.asText());
            } catch (IOException e) {
                throw new IllegalArgumentException("Details.Parameters.fieldValues is a string but not JSON");
            }
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("Details.Parameters.fieldValues is a " + node.getNodeType()
                    + ": must be a JSON object");
        }
        return Json.toMap(node);
    }

    private Map<String, Object> withCallCenter(Map<String, Object> fields) {
        fields.put("callCenterApiName", callCenterApiName);
        return fields;
    }

    private static List<Map<String, Object>> participants(String participantKey) {
        Map<String, Object> participant = new LinkedHashMap<>();
        putIfPresent(participant, "participantKey", participantKey);
        participant.put("type", "END_USER");
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(participant);
        return list;
    }

    private String now() {
        return ISO_MILLIS.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
