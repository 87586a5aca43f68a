package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Connect {@code UpdateContactAttributes} ({@code POST /contact/attributes}), as kvsTranscriber uses it. */
public final class ContactAttributes {
    /** The attribute SCV sets when SCRT refuses messages with 429, which the agent's console shows. */
    public static final String STATUS_ATTRIBUTE = "sf_realtime_transcription_status";
    public static final String RATE_LIMITED = "Exceeded Limits for creating messages in Transcription";

    private final AwsApiClient connect;

    public ContactAttributes(AwsApiClient connect) {
        this.connect = Objects.requireNonNull(connect, "connect");
        if (connect.service() != AwsService.CONNECT) {
            throw new IllegalArgumentException("ContactAttributes needs a Connect client, not " + connect.service());
        }
    }

    /**
     * Sets {@value #STATUS_ATTRIBUTE} to {@value #RATE_LIMITED} on the contact.
     *
     * @throws dev.scvcdk.lambdas.common.aws.AwsApiException when Connect refuses it after retries
     */
    public void markRateLimited(String instanceId, String contactId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("InitialContactId", contactId);
        body.put("InstanceId", instanceId);
        body.put("Attributes", Map.of(STATUS_ATTRIBUTE, RATE_LIMITED));
        connect.rest("UpdateContactAttributes", "POST", "/contact/attributes",
                Map.of("Content-Type", "application/json"), Json.write(body), null);
    }
}
