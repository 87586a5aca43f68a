package dev.scvcdk.lambdas.common.scrt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The voiceCalls operations of Salesforce's Telephony Integration (SCRT) REST API. Every request carries
 * a freshly signed bearer JWT, {@code Telephony-Provider-Name: amazon-connect} and a JSON content type.
 * A 2xx answer is returned as parsed JSON (an empty object when there is no body); anything else, after the
 * client's retries, is a {@link ScrtException} naming the operation and status.
 */
public final class ScrtClient {
    public static final String PROVIDER_HEADER = "Telephony-Provider-Name";
    public static final String PROVIDER = "amazon-connect";

    private final String base;
    private final ScrtTokenFactory tokens;
    private final RetryingHttpClient http;

    public ScrtClient(URI endpointBase, ScrtTokenFactory tokens, RetryingHttpClient http) {
        String text = Objects.requireNonNull(endpointBase, "endpointBase").toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * {@code POST /voiceCalls/messages} (Create Transcripts in Bulk): at most 5 voice calls of at most 5 messages.
     *
     * @param contactIds the voice calls in the body, only to label log lines
     */
    public JsonNode createTranscripts(String contactIds, Map<String, Object> body) {
        return call("createTranscripts", "POST", "/voiceCalls/messages", contactIds, body);
    }

    /** {@code POST /voiceCalls/{contactId}/realtimeConversationEvents}. */
    public JsonNode sendRealtimeConversationEvents(String contactId, Map<String, Object> body) {
        return call("realtimeConversationEvents", "POST",
                "/voiceCalls/" + segment(contactId) + "/realtimeConversationEvents", contactId, body);
    }

    /** {@code POST /voiceCalls} — also used for transfers (body with {@code parentVoiceCallId}). */
    public JsonNode createVoiceCall(String contactId, Map<String, Object> body) {
        return call("createVoiceCall", "POST", "/voiceCalls", contactId, body);
    }

    /** {@code PATCH /voiceCalls/{contactId}}. */
    public JsonNode updateVoiceCall(String contactId, Map<String, Object> body) {
        return call("updateVoiceCall", "PATCH", "/voiceCalls/" + segment(contactId), contactId, body);
    }

    /** {@code PATCH /voiceCalls/{contactId}/omniFlow}. */
    public JsonNode executeOmniFlow(String contactId, Map<String, Object> body) {
        return call("executeOmniFlow", "PATCH", "/voiceCalls/" + segment(contactId) + "/omniFlow", contactId, body);
    }

    /** {@code PATCH /voiceCalls/{contactId}/clearRouting}, without a body. */
    public JsonNode cancelOmniFlowExecution(String contactId) {
        return call("cancelOmniFlowExecution", "PATCH", "/voiceCalls/" + segment(contactId) + "/clearRouting", contactId, null);
    }

    /** {@code PATCH /voiceCalls/{contactId}/reroute}, without a body. */
    public JsonNode rerouteFlowExecution(String contactId) {
        return call("rerouteFlowExecution", "PATCH", "/voiceCalls/" + segment(contactId) + "/reroute", contactId, null);
    }

    /** {@code POST /voiceCalls/{contactId}/messages}. */
    public JsonNode sendMessage(String contactId, Map<String, Object> body) {
        return call("sendMessage", "POST", "/voiceCalls/" + segment(contactId) + "/messages", contactId, body);
    }

    /**
     * {@code POST /voiceCalls/{contactId}/postConversationEvents}: post-call Contact Lens signals (at most 25 events
     * a call).
     */
    public JsonNode postConversationEvents(String contactId, Map<String, Object> body) {
        return call("postConversationEvents", "POST", "/voiceCalls/" + segment(contactId) + "/postConversationEvents",
                contactId, body);
    }

    private JsonNode call(String operation, String method, String path, String contactId, Map<String, Object> body) {
        URI uri = URI.create(base + path);
        String json = body == null ? null : Json.write(body);
        // A new token (new jti) per attempt: a retry must not replay a token the server may have seen.
        Supplier<HttpRequest> requests = () -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + tokens.newToken())
                .header(PROVIDER_HEADER, PROVIDER)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(requests, contactId);
        } catch (IOException e) {
            throw new ScrtException("SCRT " + operation + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new ScrtException("SCRT " + operation + " answered HTTP " + status + ": " + abbreviate(response.body()),
                    status, null);
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        try {
            return Json.read(text);
        } catch (IOException e) {
            throw new ScrtException("SCRT " + operation + " answered HTTP " + status + " with a body that is not JSON",
                    status, e);
        }
    }

    private static String segment(String contactId) {
        if (contactId == null || contactId.isBlank()) {
            throw new IllegalArgumentException("contactId is required for this SCRT operation");
        }
        return URLEncoder.encode(contactId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
