package dev.scvcdk.lambdas.common.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.scvcdk.lambdas.common.snapstart.Restorable;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * A small client for one AWS service: SigV4-signed HTTPS calls over the JDK's HTTP client, in place of the
 * SDK's generated service clients (whose models made up most of the function jar).
 *
 * <p>The SDK still does the delicate parts: {@link AwsV4HttpSigner} signs, {@link DefaultCredentialsProvider}
 * finds credentials (environment, system properties, the container endpoint that Lambda and SnapStart use, …)
 * and {@link DefaultAwsRegionProviderChain} the region. Credentials are resolved for every attempt — the provider
 * caches and refreshes them — and the shared provider is replaced around a SnapStart snapshot
 * ({@link #sharedRestorables()}), so nothing obtained before it outlives a restore. Every attempt is signed
 * afresh (new {@code X-Amz-Date}). Retries follow the {@link RetryPolicy}: 429, 5xx, throttling error codes and
 * transport failures; any other 4xx is the caller's {@link AwsApiException}.
 *
 * <p>Thread-safe; built once per container.
 */
public final class AwsApiClient {
    /** As the SDK's URLConnection client: 2 s to connect. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Parameter and secret reads answer in milliseconds; a stuck call is retried well within 8 s. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    static final String JSON_1_1 = "application/x-amz-json-1.1";

    /** Error codes the SDK's retry strategy treats as throttling or transient even with a 400 status. */
    private static final Set<String> RETRYABLE_ERROR_CODES = Set.of(
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
            "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
            "RequestTimeout", "RequestTimeoutException",
            // Kinesis Video: too many calls (ClientLimitExceeded) or concurrent GetMedia connections per stream.
            "ClientLimitExceededException", "ConnectionLimitExceededException");

    /** Set by the JDK client from the URI and body; the signer's values are identical. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length");

    private final AwsService service;
    private final String region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final RetryingHttpClient http;
    private final AwsV4HttpSigner signer;
    private final Clock signingClock;

    public AwsApiClient(AwsService service, String region, URI endpoint, AwsCredentialsProvider credentials,
                        RetryingHttpClient http, Clock signingClock) {
        this.service = Objects.requireNonNull(service, "service");
        this.region = Objects.requireNonNull(region, "region");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.signingClock = Objects.requireNonNull(signingClock, "signingClock");
        this.signer = AwsV4HttpSigner.create();
    }

    /**
     * A client from the default chains: region ({@code aws.region}, {@code AWS_REGION}, profile, …), credentials
     * ({@link DefaultCredentialsProvider}) and endpoint ({@link AwsEndpoints}).
     *
     * @throws ConfigurationException when no region is configured or an endpoint setting is bad
     */
    public static AwsApiClient create(AwsService service) {
        String region = defaultRegion();
        return new AwsApiClient(service, region, AwsEndpoints.fromSystem().resolve(service, region),
                Shared.CREDENTIALS, Shared.HTTP, Clock.systemUTC());
    }

    /**
     * One per container, shared by every service's client: credentials are fetched once (as the SDK clients
     * share their provider), and a function using SSM and Secrets Manager starts one JDK HTTP client, not two.
     */
    private static final class Shared {
        static final RenewableCredentials CREDENTIALS = RenewableCredentials.defaultChain();
        static final RetryingHttpClient HTTP =
                RetryingHttpClient.create(CONNECT_TIMEOUT, REQUEST_TIMEOUT, RetryPolicy.defaults());
    }

    /**
     * The container's credentials, renewed around a SnapStart snapshot: SDK service clients (S3, Transcribe
     * streaming) sign with these too, so no client keeps credentials resolved before a snapshot.
     */
    public static AwsCredentialsProvider sharedCredentials() {
        return Shared.CREDENTIALS;
    }

    /**
     * The restore hooks of what every {@link #create}d client shares: the credentials (renewed around a SnapStart
     * snapshot) and the HTTP client (its pool dropped before it).
     */
    public static List<Restorable> sharedRestorables() {
        return List.of(Shared.CREDENTIALS, Shared.HTTP.restorable());
    }

    /**
     * A client for priming: the shared HTTP client and the signer, with throwaway session credentials (as Lambda's
     * always are, so the security-token header is signed too), calling
     * {@code endpoint} (an in-process {@link dev.scvcdk.lambdas.common.snapstart.LoopbackResponder}).
     */
    public static AwsApiClient forPriming(AwsService service, URI endpoint) {
        return new AwsApiClient(service, "us-east-1", endpoint,
                StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAPRIMING", "priming-only",
                        "priming-session-token")),
                Shared.HTTP, Clock.systemUTC());
    }

    private static String defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkException e) {
            throw new ConfigurationException(List.of("AWS_REGION is not set (nor aws.region or a profile region): "
                    + "the AWS clients need a region"));
        }
    }

    public AwsService service() {
        return service;
    }

    /**
     * A client for {@code otherService} at {@code otherEndpoint} sharing this one's region, credentials, HTTP
     * client and clock — for endpoints only known at run time, such as the Kinesis Video data endpoint that
     * GetDataEndpoint answers.
     */
    public AwsApiClient withEndpoint(AwsService otherService, URI otherEndpoint) {
        return new AwsApiClient(otherService, region, otherEndpoint, credentials, http, signingClock);
    }

    /**
     * One AWS JSON 1.1 operation ({@code X-Amz-Target: <prefix>.<operation>}).
     *
     * @return the response document (an empty object when the body is empty)
     * @throws AwsApiException with the service's error code, or a transport/credentials failure
     */
    public JsonNode json(String operation, ObjectNode request) {
        String body = Json.write(request);
        HttpResponse<String> response = call(operation, "POST", "/",
                Map.of("Content-Type", JSON_1_1, "X-Amz-Target", service.target(operation)), body, null);
        return parse(response.body());
    }

    /**
     * One REST call to {@code rawPath} (already percent-encoded) with a body.
     *
     * @param timeout the attempt's timeout, or null for the client's
     * @return the 2xx response
     * @throws AwsApiException for any other status, or a transport/credentials failure
     */
    public HttpResponse<String> rest(String operation, String method, String rawPath, Map<String, String> headers,
                                     String body, Duration timeout) {
        return call(operation, method, rawPath, headers, body, timeout);
    }

    /**
     * As {@link #rest}, with the 2xx response body as a stream read while it arrives — for long-running
     * responses such as Kinesis Video GetMedia. Throttling, 5xx and transport failures are retried until the
     * response headers arrive (each attempt bounded by {@code timeout}); once the body is handed over nothing is
     * retried: a failure while reading it is the caller's. The caller must close the body; closing it early
     * aborts the connection.
     *
     * @throws AwsApiException for a non-2xx status (its body read to find the error code), or a
     *                         transport/credentials failure
     */
    public HttpResponse<InputStream> restStream(String operation, String method, String rawPath,
                                                Map<String, String> headers, String body, Duration timeout) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(() -> sign(operation, method, rawPath, headers, body, timeout), null,
                    STREAM_OR_BUFFERED_ERROR,
                    r -> RETRYABLE_ERROR_CODES.contains(errorCode(r.statusCode(), r.headers(), bufferedText(r.body()))));
        } catch (IOException e) {
            throw transportError(operation, e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String errorBody = bufferedText(response.body());
            throw new AwsApiException(service, operation, status, errorCode(status, response.headers(), errorBody),
                    errorMessage(errorBody), null);
        }
        return response;
    }

    /** 2xx bodies stream; any other body is read whole (error documents are small) so it can be inspected. */
    private static final HttpResponse.BodyHandler<InputStream> STREAM_OR_BUFFERED_ERROR = info ->
            info.statusCode() >= 200 && info.statusCode() <= 299
                    ? HttpResponse.BodySubscribers.ofInputStream()
                    : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                            ByteArrayInputStream::new);

    /** The text of a buffered error body, left readable again (read by the retry check, then for the error). */
    private static String bufferedText(InputStream body) {
        if (!(body instanceof ByteArrayInputStream buffered)) {
            return "";
        }
        buffered.reset();
        String text = new String(buffered.readAllBytes(), StandardCharsets.UTF_8);
        buffered.reset();
        return text;
    }

    private AwsApiException transportError(String operation, IOException e) {
        return new AwsApiException(service, operation, 0, AwsApiException.TRANSPORT_ERROR,
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }

    private HttpResponse<String> call(String operation, String method, String rawPath, Map<String, String> headers,
                                      String body, Duration timeout) {
        HttpResponse<String> response;
        try {
            response = http.send(() -> sign(operation, method, rawPath, headers, body, timeout), null,
                    r -> RETRYABLE_ERROR_CODES.contains(errorCode(r)));
        } catch (IOException e) {
            throw transportError(operation, e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new AwsApiException(service, operation, status, errorCode(response), errorMessage(response.body()),
                    null);
        }
        return response;
    }

    /** A request signed now, with credentials resolved now: called once per attempt. */
    HttpRequest sign(String operation, String method, String rawPath, Map<String, String> headers, String body,
                     Duration timeout) {
        AwsCredentialsIdentity identity;
        try {
            identity = credentials.resolveCredentials();
        } catch (SdkException e) {
            throw new AwsApiException(service, operation, 0, AwsApiException.CREDENTIALS_UNAVAILABLE,
                    e.getMessage(), e);
        }
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .uri(URI.create(stripTrailingSlash(endpoint.toString()) + rawPath))
                .method(SdkHttpMethod.fromValue(method));
        headers.forEach(unsigned::putHeader);
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock));
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.request().getUri())
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        signed.request().forEachHeader((name, values) -> {
            if (!TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        if (timeout != null) {
            request.timeout(timeout);
        }
        return request.build();
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * The error code without namespace or suffix: from {@code x-amzn-ErrorType} ({@code Code:http://…}; Kinesis
     * Video's media API says {@code x-amz-ErrorType}), else the body's {@code __type}
     * ({@code com.amazonaws.ssm#Code}) or {@code code}; {@code HTTP<status>} when none.
     */
    static String errorCode(HttpResponse<String> response) {
        return errorCode(response.statusCode(), response.headers(), response.body());
    }

    static String errorCode(int status, HttpHeaders headers, String body) {
        if (status >= 200 && status <= 299) {
            return "";
        }
        String code = headers.firstValue("x-amzn-ErrorType").or(() -> headers.firstValue("x-amz-ErrorType"))
                .orElse(null);
        if (code == null || code.isBlank()) {
            JsonNode document = parse(body);
            code = document.path("__type").asText(document.path("code").asText(document.path("Code").asText("")));
        }
        int colon = code.indexOf(':');
        if (colon >= 0) {
            code = code.substring(0, colon);
        }
        code = code.substring(code.lastIndexOf('#') + 1).trim();
        return code.isEmpty() ? "HTTP" + status : code;
    }

    private static String errorMessage(String responseBody) {
        JsonNode body = parse(responseBody);
        for (String field : List.of("message", "Message", "errorMessage")) {
            if (body.hasNonNull(field)) {
                return body.get(field).asText();
            }
        }
        return "";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return Json.object();
        }
        try {
            return Json.read(body);
        } catch (JsonProcessingException e) {
            return Json.object();
        }
    }
}
