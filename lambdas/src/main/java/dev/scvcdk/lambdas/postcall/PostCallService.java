package dev.scvcdk.lambdas.postcall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.connect.ConnectContacts;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.media.S3Objects;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * PostCallAnalysisTrigger: a Contact Lens post-call analysis file lands in the tenant bucket; its sentiment
 * signals are posted to SCRT as post-conversation events of the contact's voice call.
 *
 * <p>The function is invoked asynchronously by EventBridge: every failure (S3, Connect, SCRT after the client's
 * bounded retries) fails the invocation, so Lambda's retries and the failure destination keep the event. It never
 * answers Success after a failed call (SCV swallows SCRT failures).
 */
public final class PostCallService {
    /** SCV's pattern, with the extension's dot escaped (SCV's matches any character there). */
    static final Pattern ANALYSIS_KEY = Pattern.compile("^Analysis/Voice/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]{36}.*\\.json$");
    static final String REDACTED = "Redacted";
    static final String SERVICE = "AmazonConnectContactLens";
    /** SCRT accepts at most 25 events per postConversationEvents call. */
    static final int EVENTS_PER_CALL = 25;
    /** SCV's text, kept: operators search logs and destinations for it. */
    static final String METADATA_ERROR = "Error getting basic customer metadata!";

    private final S3Objects s3;
    private final ConnectContacts connect;
    private final ScrtClient scrt;
    private final StructuredLogger log;

    public PostCallService(S3Objects s3, ConnectContacts connect, ScrtClient scrt, StructuredLogger log) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.scrt = Objects.requireNonNull(scrt, "scrt");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @return {@code {"result":"Success"}} when events were posted; null (JSON {@code null}) when the object is
     *         ignored or yields no event
     * @throws IllegalArgumentException when the event names no bucket or key
     * @throws IllegalStateException    when the analysis cannot be read or DescribeContact fails
     * @throws dev.scvcdk.lambdas.common.scrt.ScrtException when SCRT refuses or stays unreachable
     */
    public Map<String, Object> handle(JsonNode event) {
        String bucket = Json.nonEmptyText(event, "detail", "bucket", "name");
        String rawKey = Json.nonEmptyText(event, "detail", "object", "key");
        if (bucket == null || rawKey == null) {
            throw new IllegalArgumentException("detail." + (bucket == null ? "bucket.name" : "object.key")
                    + " is missing: PostCallAnalysisTrigger takes EventBridge S3 'Object Created' events");
        }
        String key = decodeKey(rawKey);
        if (key.contains(REDACTED) || !ANALYSIS_KEY.matcher(key).matches()) {
            log.info("object ignored: not an unredacted Contact Lens voice analysis", null, Map.of("s3Object", key));
            return null;
        }

        JsonNode analysis;
        String contactId;
        String instanceId;
        try {
            analysis = Json.read(s3.readUtf8(bucket, key));
            contactId = Json.nonEmptyText(analysis, "CustomerMetadata", "ContactId");
            instanceId = Json.nonEmptyText(analysis, "CustomerMetadata", "InstanceId");
        } catch (JsonProcessingException | SdkException e) {
            throw new IllegalStateException(METADATA_ERROR + " s3://" + bucket + "/" + key + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        if (contactId == null || instanceId == null) {
            throw new IllegalStateException(METADATA_ERROR + " s3://" + bucket + "/" + key
                    + ": CustomerMetadata.ContactId and CustomerMetadata.InstanceId are required");
        }

        JsonNode contact;
        try {
            contact = connect.describeContact(instanceId, contactId);
        } catch (AwsApiException e) {
            throw new IllegalStateException("DescribeContact failed for ContactId:" + contactId + " and InstanceId:"
                    + instanceId + ": " + e.getMessage(), e);
        }
        OptionalLong agentStart = ConnectContacts.epochMillis(
                Json.at(contact, "AgentInfo", "ConnectedToAgentTimestamp"));
        if (agentStart.isEmpty()) {
            // No agent took the call: there is no conversation to score (SCV throws a TypeError here).
            log.info("no signals sent: the contact has no AgentInfo.ConnectedToAgentTimestamp", contactId,
                    Map.of("s3Object", key));
            return null;
        }
        OptionalLong end = ConnectContacts.epochMillis(contact.path("DisconnectTimestamp"));

        List<Map<String, Object>> events = PostCallSignals.build(analysis, contactId, agentStart.getAsLong(), end, log);
        if (events.isEmpty()) {
            log.info("no signals in the analysis", contactId, Map.of("s3Object", key));
            return null;
        }
        for (int from = 0; from < events.size(); from += EVENTS_PER_CALL) {
            List<Map<String, Object>> chunk = events.subList(from, Math.min(events.size(), from + EVENTS_PER_CALL));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("service", SERVICE);
            body.put("events", chunk);
            scrt.postConversationEvents(contactId, body);
        }
        log.info("post-call signals sent", contactId, Map.of("events", events.size(), "s3Object", key));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("result", "Success");
        return result;
    }

    /**
     * The object key as S3 wrote it: {@code +} is a space, then percent-decoding (UTF-8), as SCV decodes.
     *
     * @throws IllegalArgumentException naming the key when a percent sequence is malformed
     */
    static String decodeKey(String rawKey) {
        try {
            // URLDecoder does exactly this: '+' to space, then %XX as UTF-8.
            return URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("detail.object.key is '" + rawKey
                    + "': not a valid URL-encoded key (" + e.getMessage() + ")", e);
        }
    }
}
