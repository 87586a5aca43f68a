package dev.scvcdk.lambdas.restapi.scv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.restapi.ConnectResults;
import dev.scvcdk.lambdas.restapi.InvalidRequestException;
import dev.scvcdk.lambdas.restapi.Parameters;
import dev.scvcdk.lambdas.restapi.query.QueryTemplate;
import dev.scvcdk.lambdas.restapi.query.SalesforceNames;
import dev.scvcdk.lambdas.restapi.query.Soql;
import dev.scvcdk.lambdas.restapi.salesforce.MultipartFile;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceApiException;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceResponse;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceRestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SCV's {@code methodName} contract, as SCV contact flows, ContactDataSync and RealtimeAlert call it.
 *
 * <p>Only {@code queryRecord} and {@code searchRecord} flatten their result (the first record, dotted keys, no
 * {@code attributes}), because contact flows read them; every other method returns its result as it is —
 * SCV's contact data sync reads {@code conversationBulkUploadsResults} and {@code conversationUploadsStatus}
 * as arrays.
 *
 * <p>{@code queryRecord} and {@code searchRecord} answer a Salesforce failure with
 * {@code {success: false, status, statusText, errorCode, errorMessage}} so the flow can branch on it;
 * every other method fails the invocation, as SCV's own function does.
 *
 * <p>{@code uploadTranscript} follows SCV: one multipart/form-data POST to
 * {@code connect/conversations/upload} with one part per contact, named by the contact id, with the
 * file name {@code transcripts.txt} and the contact's transcript payload as its content. Salesforce
 * answers with upload ids that {@code fetchUploadIdsStatus} later polls.
 */
public final class ScvRestMethods {

    /** Parameters that steer the call and are never record fields (SCV's list, plus its secret-name overrides). */
    private static final Set<String> NON_FIELD_NAMES =
            Set.of("methodName", "objectApiName", "recordId", "secretName", "accessTokenSecretName");
    private static final Set<String> NON_EVENT_FIELDS = Set.of("methodName", "secretName", "accessTokenSecretName");
    private static final Pattern CONTACT_ID = Pattern.compile("^[A-Za-z0-9-]{1,128}$");
    static final String TRANSCRIPT_FILE_NAME = "transcripts.txt";

    private final SalesforceRestClient salesforce;
    private final Optional<String> callCenterApiName;

    public ScvRestMethods(SalesforceRestClient salesforce, Optional<String> callCenterApiName) {
        this.salesforce = salesforce;
        this.callCenterApiName = callCenterApiName;
    }

    /** Runs {@code methodName} with the event's parameters. */
    public Map<String, Object> invoke(String methodName, Parameters params) {
        return switch (methodName) {
            case "createRecord" -> createRecord(params);
            case "updateRecord" -> updateRecord(params);
            case "queryRecord" -> queryRecord(params);
            case "searchRecord" -> searchRecord(params);
            case "uploadTranscript" -> uploadTranscript(params);
            case "fetchUploadIdsStatus" -> fetchUploadIdsStatus(params);
            case "realtimeAlertEvent" -> realtimeAlertEvent(params);
            case "fetchOutboundPhoneNumber" -> fetchOutboundPhoneNumber(params);
            default -> throw new InvalidRequestException("methodName '" + methodName + "' is not supported; expected one of "
                    + "createRecord, updateRecord, queryRecord, searchRecord, uploadTranscript, fetchUploadIdsStatus, "
                    + "realtimeAlertEvent, fetchOutboundPhoneNumber");
        };
    }

    private Map<String, Object> createRecord(Parameters params) {
        String object = SalesforceNames.normaliseObjectName("objectApiName", params.required("objectApiName", "createRecord"));
        SalesforceResponse response = salesforce.post("/sobjects/" + object, fields(params.without(NON_FIELD_NAMES)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", response.body().path("success").asText("true"));
        result.put("recordId", response.body().path("id").asText(""));
        return result;
    }

    private Map<String, Object> updateRecord(Parameters params) {
        String object = SalesforceNames.normaliseObjectName("objectApiName", params.required("objectApiName", "updateRecord"));
        String id = SalesforceNames.requireRecordId("recordId", params.required("recordId", "updateRecord"));
        salesforce.patch("/sobjects/" + object + "/" + id, fields(params.without(NON_FIELD_NAMES)));
        return Map.of("success", "true");
    }

    private Map<String, Object> queryRecord(Parameters params) {
        String soql = QueryTemplate.fillSoql("soql", params.required("soql", "queryRecord"), params.asMap(),
                QueryTemplate.Syntax.SINGLE_BRACE);
        try {
            return firstRecordFlattened(salesforce.get("/query", Map.of("q", soql)).body().path("records"));
        } catch (SalesforceApiException e) {
            return new LinkedHashMap<>(e.toConnectResult());
        }
    }

    private Map<String, Object> searchRecord(Parameters params) {
        String sosl = QueryTemplate.fillSosl(params.required("sosl", "searchRecord"), params.asMap());
        try {
            return firstRecordFlattened(salesforce.get("/search", Map.of("q", sosl)).body().path("searchRecords"));
        } catch (SalesforceApiException e) {
            return new LinkedHashMap<>(e.toConnectResult());
        }
    }

    private Map<String, Object> uploadTranscript(Parameters params) {
        String raw = params.required("contactIdsPayloadMap", "uploadTranscript");
        JsonNode entries;
        try {
            entries = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw new InvalidRequestException("parameter 'contactIdsPayloadMap' is not JSON: expected [[contactId, transcript], ...]");
        }
        if (!entries.isArray() || entries.isEmpty()) {
            throw new InvalidRequestException("parameter 'contactIdsPayloadMap' must be a non-empty JSON array of [contactId, transcript] pairs");
        }
        List<MultipartFile> files = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (!entry.isArray() || entry.size() != 2 || !entry.get(0).isTextual()) {
                throw new InvalidRequestException("parameter 'contactIdsPayloadMap' entry " + entry
                        + " is not a [contactId, transcript] pair");
            }
            String contactId = entry.get(0).asText();
            if (!CONTACT_ID.matcher(contactId).matches()) {
                throw new InvalidRequestException("parameter 'contactIdsPayloadMap' contact id '" + contactId
                        + "' is not a Connect contact id (letters, digits and hyphens)");
            }
            JsonNode payload = entry.get(1);
            String content = payload.isTextual() ? payload.asText() : payload.toString();
            files.add(new MultipartFile(contactId, TRANSCRIPT_FILE_NAME, "text/plain; charset=UTF-8", content));
        }
        return Json.toMap(salesforce.postMultipart("/connect/conversations/upload", files).body());
    }

    private Map<String, Object> fetchUploadIdsStatus(Parameters params) {
        String uploadIds = params.required("uploadIds", "fetchUploadIdsStatus");
        return Json.toMap(salesforce.get("/connect/conversations/upload", Map.of("uploadIds", uploadIds)).body());
    }

    private Map<String, Object> realtimeAlertEvent(Parameters params) {
        SalesforceResponse response = salesforce.post("/sobjects/RealtimeAlertEvent", fields(params.without(NON_EVENT_FIELDS)));
        return Json.toMap(response.body());
    }

    private Map<String, Object> fetchOutboundPhoneNumber(Parameters params) {
        Optional<String> agentArn = params.get("agentARN").filter(s -> !s.isBlank());
        if (agentArn.isEmpty()) {
            return Map.of("success", "true");
        }
        String cc = callCenterApiName.orElseThrow(() -> new IllegalStateException(
                "fetchOutboundPhoneNumber needs the call center API name: set CALL_CENTER_API_NAME, or name the "
                        + "access-token parameter <cc>-salesforce-rest-api-access-token"));
        String soql = "SELECT MessagingPlatformKey FROM MessagingChannel"
                + " WHERE MessageType = 'Voice' AND IsActive = true"
                + " AND Id IN (SELECT ChannelId FROM ContactCenterChannel"
                + " WHERE ContactCenter.InternalName = '" + Soql.escapeLiteral(cc) + "')"
                + " AND SessionHandlerId IN (SELECT ReferenceRecordId FROM CallCenterRoutingMap"
                + " WHERE ExternalId = '" + Soql.escapeLiteral(agentArn.get()) + "')"
                + " LIMIT 1";
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", "true");
        try {
            JsonNode records = salesforce.get("/query", Map.of("q", soql)).body().path("records");
            String number = records.path(0).path("MessagingPlatformKey").asText("");
            if (!number.isEmpty()) {
                result.put("outboundPhoneNumber", number);
            }
        } catch (SalesforceApiException e) {
            // As in SCV: no outbound number is an answer the flow handles, not a failed invocation.
            result.put("errorCode", e.errorCode());
        }
        return result;
    }

    private static Map<String, Object> firstRecordFlattened(JsonNode records) {
        return records.isEmpty() ? new LinkedHashMap<>() : new LinkedHashMap<>(ConnectResults.flatten(records.get(0)));
    }

    private ObjectNode fields(Map<String, String> values) {
        ObjectNode body = Json.object();
        values.forEach((name, value) -> body.put(SalesforceNames.requireFieldName(name), value));
        return body;
    }
}
