package dev.scvcdk.lambdas.contactdatasync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.connect.ConnectContacts;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.media.S3Objects;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * ContactDataSync (transcript backfill, invoked directly): {@code uploadTranscript} reads the Contact Lens
 * transcripts of the named contacts from the tenant bucket and uploads them through InvokeSalesforceRestApi in
 * batches; {@code fetchUploadIdsStatus} asks the REST function about earlier uploads. Bad requests are answered
 * {@code {statusCode: 400, body: "{\"error\":\"<text>\"}"}} with SCV's texts.
 *
 * <p>Answers are Invoke results in the shape SCV's callers read (the JS SDK's):
 * {@code {StatusCode, ExecutedVersion, Payload, FunctionError?}}. A batch the REST function failed (a Salesforce
 * outage) is that batch's result with its {@code FunctionError}, and is logged naming its contacts; a batch that
 * cannot be invoked at all fails the invocation, naming what was uploaded before it and what was not.
 */
public final class ContactDataSyncService {
    static final String UPLOAD_TRANSCRIPT = "uploadTranscript";
    static final String FETCH_UPLOAD_IDS_STATUS = "fetchUploadIdsStatus";
    /** SCRT's bulk upload takes at most 10 conversations. */
    static final int MAX_BATCH_SIZE = 10;
    static final String MISSING_PAYLOAD = "Malformed request missing payload or empty payload in the request.";
    static final String MISSING_UPLOAD_IDS = "Malformed request missing uploadIds or empty uploadIds in the request.";
    static final String ANALYSIS_PREFIX = "Analysis/Voice/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final ContactDataSyncConfig config;
    private final ConnectContacts connect;
    private final S3Objects s3;
    private final FunctionInvoker lambda;
    private final StructuredLogger log;

    ContactDataSyncService(ContactDataSyncConfig config, ConnectContacts connect, S3Objects s3, FunctionInvoker lambda,
                           StructuredLogger log) {
        this.config = Objects.requireNonNull(config, "config");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** @param invokedFunctionArn the context's ARN (its account names the bucket when none is configured) */
    public JsonNode handle(JsonNode event, String invokedFunctionArn) {
        String operation = Json.text(event, "operation");
        if (UPLOAD_TRANSCRIPT.equals(operation)) {
            return uploadTranscript(event.path("payload"), invokedFunctionArn);
        }
        if (FETCH_UPLOAD_IDS_STATUS.equals(operation)) {
            return fetchUploadIdsStatus(event.path("uploadIds"));
        }
        // JavaScript's template string prints a missing operation as "undefined".
        return badRequest("Unsupported operation:" + (operation == null ? "undefined" : operation)
                + ".Supported operations:" + UPLOAD_TRANSCRIPT + "," + FETCH_UPLOAD_IDS_STATUS);
    }

    private JsonNode fetchUploadIdsStatus(JsonNode uploadIds) {
        if (!uploadIds.isArray() || uploadIds.isEmpty()) {
            return badRequest(MISSING_UPLOAD_IDS);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < uploadIds.size(); i++) {
            String id = Json.nonEmptyText(uploadIds.get(i));
            if (id == null) {
                return badRequest("uploadIds[" + i + "] is " + uploadIds.get(i) + ": must be a non-empty string");
            }
            ids.add(id);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("methodName", FETCH_UPLOAD_IDS_STATUS);
        parameters.put("uploadIds", String.join(",", ids));
        return result(lambda.invoke(config.restApiFunction(), Json.write(Map.of("Details", Map.of("Parameters",
                parameters)))));
    }

    private JsonNode uploadTranscript(JsonNode payload, String invokedFunctionArn) {
        if (!payload.isArray() || payload.isEmpty()) {
            return badRequest(MISSING_PAYLOAD);
        }
        if (payload.size() > config.maxContactIds()) {
            return badRequest("Max supported contactIds in a request is " + config.maxContactIds());
        }
        if (config.batchSize() > MAX_BATCH_SIZE) {
            // SCV's text, typo and trailing space included.
            return badRequest("Configure batch size " + config.batchSize() + " cannot be more that 10 ");
        }
        // Contact id → related records, in request order; a contact named twice is uploaded once.
        Map<String, JsonNode> contacts = new LinkedHashMap<>();
        for (int i = 0; i < payload.size(); i++) {
            JsonNode entry = payload.get(i);
            String contactId = Json.nonEmptyText(entry, "contactId");
            JsonNode related = entry.path("relatedRecords");
            if (contactId == null) {
                return badRequest("payload[" + i + "].contactId is " + (entry.has("contactId")
                        ? entry.get("contactId").toString() : "missing") + ": must be a Connect contact id");
            }
            if (!related.isMissingNode() && !related.isArray()) {
                return badRequest("payload[" + i + "].relatedRecords is " + related
                        + ": must be a list of VoiceCall ids");
            }
            JsonNode earlier = contacts.get(contactId);
            contacts.put(contactId, related.isMissingNode() ? earlier
                    : earlier == null ? related : union(earlier, related));
        }
        String bucket = config.bucket(invokedFunctionArn);

        ArrayNode results = Json.MAPPER.createArrayNode();
        Map<String, List<String>> listings = new HashMap<>();
        Map<String, String> batch = new LinkedHashMap<>();
        List<String> uploaded = new ArrayList<>();
        List<String> order = new ArrayList<>(contacts.keySet());
        for (int i = 0; i < order.size(); i++) {
            String contactId = order.get(i);
            String text = conversation(bucket, contactId, contacts.get(contactId), listings);
            if (text != null) {
                batch.put(contactId, text);
            }
            boolean last = i == order.size() - 1;
            if (batch.size() == config.batchSize() || last && !batch.isEmpty()) {
                results.add(upload(batch, uploaded, order.subList(i + 1, order.size())));
                uploaded.addAll(batch.keySet());
                batch.clear();
            }
        }
        log.info("uploadTranscript done", null, Map.of("contacts", order.size(), "uploaded", uploaded.size(),
                "batches", results.size()));
        return results;
    }

    /** The conversation text of one contact, all its analysis files merged; null when there is nothing to upload. */
    private String conversation(String bucket, String contactId, JsonNode relatedRecords,
                                Map<String, List<String>> listings) {
        JsonNode contact;
        try {
            contact = connect.describeContact(config.instanceId(), contactId);
        } catch (AwsApiException e) {
            // SCV's text: the caller removes the contact id and retries.
            throw new IllegalStateException("Error fetching information for ContactId:" + contactId
                    + " and InstanceId:" + config.instanceId()
                    + ". Check if ContactId is valid or retry request by removing it.", e);
        }
        OptionalLong initiation = ConnectContacts.epochMillis(contact.path("InitiationTimestamp"));
        if (!contact.path("AgentInfo").isObject() || initiation.isEmpty()) {
            log.warn("contact skipped: it has no " + (initiation.isEmpty() ? "InitiationTimestamp" : "AgentInfo"),
                    contactId, Map.of());
            return null;
        }
        String prefix = ANALYSIS_PREFIX + DAY.format(Instant.ofEpochMilli(initiation.getAsLong())) + "/";
        List<String> keys;
        try {
            keys = listings.computeIfAbsent(prefix, p -> s3.listKeys(bucket, p)).stream()
                    .filter(key -> key.contains(contactId)).toList();
        } catch (SdkException e) {
            throw new IllegalStateException("cannot list s3://" + bucket + "/" + prefix + " for ContactId:" + contactId
                    + ": " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            log.warn("Did not find contact lens json file in the S3 bucket:" + bucket + " with prefix " + prefix
                    + " for contactId:" + contactId + ".", contactId, Map.of());
            return null;
        }
        List<String> entries = new ArrayList<>();
        for (String key : keys) {
            JsonNode analysis;
            String text;
            try {
                text = s3.readUtf8(bucket, key);
            } catch (SdkException e) {
                // Unreadable (access, KMS, outage after the SDK's retries): fail rather than upload a partial set.
                throw new IllegalStateException("cannot read s3://" + bucket + "/" + key + " for ContactId:"
                        + contactId + ": " + e.getMessage(), e);
            }
            try {
                analysis = Json.read(text);
            } catch (JsonProcessingException e) {
                log.error("analysis file skipped: not JSON", contactId, Map.of("s3Object", key), e);
                continue;
            }
            String fileContact = Json.nonEmptyText(analysis, "CustomerMetadata", "ContactId");
            if (fileContact != null && !fileContact.equals(contactId)) {
                log.warn("analysis file skipped: its CustomerMetadata.ContactId is " + fileContact, contactId,
                        Map.of("s3Object", key));
                continue;
            }
            List<String> fileEntries = TranscriptFile.entries(analysis, contactId, initiation.getAsLong(),
                    relatedRecords, log);
            if (fileEntries.isEmpty()) {
                log.warn("analysis file skipped: no transcript entries", contactId, Map.of("s3Object", key));
            }
            entries.addAll(fileEntries);
        }
        return entries.isEmpty() ? null : TranscriptFile.text(contactId, entries);
    }

    /** One RequestResponse invocation of the REST function with {@code batch} (contact id → conversation text). */
    private JsonNode upload(Map<String, String> batch, List<String> uploaded, List<String> notAttempted) {
        List<List<String>> pairs = new ArrayList<>();
        batch.forEach((contactId, text) -> pairs.add(List.of(contactId, text)));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("methodName", UPLOAD_TRANSCRIPT);
        parameters.put("contactIdsPayloadMap", Json.write(pairs));
        FunctionInvoker.Invocation invocation;
        try {
            invocation = lambda.invoke(config.restApiFunction(), Json.write(Map.of("Details",
                    Map.of("Parameters", parameters))));
        } catch (AwsApiException e) {
            throw new IllegalStateException("uploadTranscript could not invoke " + config.restApiFunction()
                    + " for contactIds " + batch.keySet() + ": " + e.getMessage() + ". Uploaded before: " + uploaded
                    + "; not attempted: " + notAttempted, e);
        }
        if (!invocation.succeeded()) {
            log.error("transcript upload failed; its result carries the FunctionError", null,
                    Map.of("contactIds", List.copyOf(batch.keySet()), "functionError",
                            String.valueOf(invocation.functionError()), "payload", invocation.payload()), null);
        } else {
            log.info("transcripts uploaded", null, Map.of("contactIds", List.copyOf(batch.keySet())));
        }
        return result(invocation);
    }

    /** The JS SDK's Invoke result: {@code {StatusCode, ExecutedVersion, Payload, FunctionError?}}. */
    static ObjectNode result(FunctionInvoker.Invocation invocation) {
        ObjectNode result = Json.object();
        result.put("StatusCode", invocation.statusCode());
        if (invocation.executedVersion() != null) {
            result.put("ExecutedVersion", invocation.executedVersion());
        }
        result.put("Payload", invocation.payload() == null ? "" : invocation.payload());
        if (invocation.functionError() != null && !invocation.functionError().isEmpty()) {
            result.put("FunctionError", invocation.functionError());
        }
        return result;
    }

    static ObjectNode badRequest(String error) {
        ObjectNode answer = Json.object();
        answer.put("statusCode", 400);
        answer.put("body", Json.write(Map.of("error", error)));
        return answer;
    }

    private static JsonNode union(JsonNode first, JsonNode second) {
        ArrayNode all = first.deepCopy();
        for (JsonNode id : second) {
            boolean present = false;
            for (JsonNode existing : all) {
                present |= existing.equals(id);
            }
            if (!present) {
                all.add(id);
            }
        }
        return all;
    }
}
