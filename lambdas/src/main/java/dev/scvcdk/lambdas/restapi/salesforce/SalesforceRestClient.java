package dev.scvcdk.lambdas.restapi.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Calls the Salesforce REST API under {@code SALESFORCE_REST_API_ENDPOINT_BASE} with a bearer token
 * from {@link SalesforceAuthClient}. A 401 renews the token once and repeats the call once; any other
 * non-2xx answer becomes a {@link SalesforceApiException}.
 *
 * <p>Paths are built by callers from validated names only; query values are URL-encoded here.
 *
 * <p>GET, PATCH and DELETE are retried on 429, 5xx and transport failures ({@code retrying}); POST,
 * which creates records, posts to Chatter and publishes events, goes through {@code once}: a retry
 * after a timeout could create the same record twice.
 */
public final class SalesforceRestClient {

    private final String base;
    private final SalesforceAuthClient auth;
    private final RetryingHttpClient retrying;
    private final RetryingHttpClient once;
    private final String contactId;

    public SalesforceRestClient(URI endpointBase, SalesforceAuthClient auth, RetryingHttpClient retrying,
            RetryingHttpClient once) {
        this(endpointBase.toString().replaceAll("/+$", ""), auth, retrying, once, null);
    }

    private SalesforceRestClient(String base, SalesforceAuthClient auth, RetryingHttpClient retrying,
            RetryingHttpClient once, String contactId) {
        this.base = base;
        this.auth = auth;
        this.retrying = retrying;
        this.once = once;
        this.contactId = contactId;
    }

    /** The same client, labelling its log lines with {@code contactId}. */
    public SalesforceRestClient forContact(String contactId) {
        return new SalesforceRestClient(base, auth, retrying, once, contactId);
    }

    /** GET {@code path} with URL-encoded query parameters. */
    public SalesforceResponse get(String path, Map<String, String> query) {
        URI uri = URI.create(base + path + queryString(query));
        return call(retrying, token -> builder(uri, token).GET().build());
    }

    /** POST a JSON body to {@code path}. */
    public SalesforceResponse post(String path, JsonNode body) {
        byte[] bytes = bytes(body);
        URI uri = URI.create(base + path);
        return call(once, token -> builder(uri, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** PATCH a JSON body to {@code path}. */
    public SalesforceResponse patch(String path, JsonNode body) {
        byte[] bytes = bytes(body);
        URI uri = URI.create(base + path);
        return call(retrying, token -> builder(uri, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** DELETE {@code path}. */
    public SalesforceResponse delete(String path) {
        URI uri = URI.create(base + path);
        return call(retrying, token -> builder(uri, token).DELETE().build());
    }

    /** POST a multipart/form-data body of file parts to {@code path}. */
    public SalesforceResponse postMultipart(String path, List<MultipartFile> files) {
        // A fresh boundary per request: never one captured at init (SnapStart restores share init state).
        String boundary = "scv-" + UUID.randomUUID();
        byte[] bytes = multipart(boundary, files);
        URI uri = URI.create(base + path);
        return call(once, token -> builder(uri, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private interface RequestFactory {
        HttpRequest create(String accessToken);
    }

    private SalesforceResponse call(RetryingHttpClient http, RequestFactory factory) {
        String token = auth.accessToken(contactId);
        HttpResponse<String> response = send(http, factory.create(token));
        if (response.statusCode() == 401) {
            token = auth.renewAfterRejection(token, contactId);
            response = send(http, factory.create(token));
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw error(status, response.body());
        }
        return new SalesforceResponse(status, parse(response.body()));
    }

    private HttpResponse<String> send(RetryingHttpClient http, HttpRequest request) {
        try {
            return http.send(request, contactId);
        } catch (IOException e) {
            throw new SalesforceApiException(503, StatusTexts.of(503), "CONNECTION_ERROR",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static HttpRequest.Builder builder(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private SalesforceApiException error(int status, String body) {
        String code = "HTTP_" + status;
        String message = body == null ? "" : body;
        JsonNode node = parseQuietly(body);
        JsonNode first = node != null && node.isArray() && !node.isEmpty() ? node.get(0) : node;
        if (first != null && first.isObject()) {
            if (first.hasNonNull("errorCode")) {
                code = first.get("errorCode").asText();
                message = first.path("message").asText("");
            } else if (first.hasNonNull("error")) {
                code = first.get("error").asText();
                message = first.path("error_description").asText("");
            }
        }
        return new SalesforceApiException(status, StatusTexts.of(status), code, message);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new SalesforceApiException(502, StatusTexts.of(502), "INVALID_RESPONSE",
                    "Salesforce answered with a body that is not JSON");
        }
    }

    private JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] bytes(JsonNode body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise request body", e);
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joiner.add(encode(k) + "=" + encode(v)));
        return joiner.toString();
    }

    /** Form encoding with spaces as {@code %20}, so the server decodes exactly what was meant. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] multipart(String boundary, List<MultipartFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MultipartFile file : files) {
            String head = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + file.name() + "\"; filename=\"" + file.fileName() + "\"\r\n"
                    + "Content-Type: " + file.contentType() + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file.content().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
