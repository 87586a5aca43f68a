package dev.scvcdk.lambdas.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.aws.RecordingAwsServer.Answer;
import dev.scvcdk.lambdas.common.aws.RecordingAwsServer.Received;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.contracts.LogLevel;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/** The signed AWS client against a recording loopback endpoint: signing, credentials, errors and retries. */
class AwsApiClientTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final AwsBasicCredentials KEYS = AwsBasicCredentials.create("AKIDEXAMPLEKEY", "example-secret");
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), Duration.ofSeconds(5));
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 "
            + "Credential=(?<key>[^/]+)/(?<date>\\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, "
            + "SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})");

    /** A signing clock one second later at every reading, so each attempt's date differs. */
    private static Clock stepping() {
        AtomicLong seconds = new AtomicLong();
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return T0.plusSeconds(seconds.getAndIncrement());
            }
        };
    }

    private static AwsApiClient client(AwsService service, URI endpoint, AwsCredentialsProvider credentials,
                                       Clock signingClock) {
        StructuredLogger quiet = new StructuredLogger("test", LogLevel.ERROR,
                new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());
        RetryingHttpClient http = new RetryingHttpClient(HttpClient.newHttpClient(), FAST, Duration.ofSeconds(5),
                duration -> { }, Clock.systemUTC(), () -> 0.5, quiet);
        return new AwsApiClient(service, "us-west-2", endpoint, credentials, http, signingClock);
    }

    private static AwsApiClient ssm(URI endpoint) {
        return client(AwsService.SSM, endpoint, StaticCredentialsProvider.create(KEYS), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static Matcher authorization(Received request) {
        Matcher matcher = AUTHORIZATION.matcher(String.valueOf(request.header("Authorization")));
        assertThat(matcher.matches()).as("Authorization header %s", request.header("Authorization")).isTrue();
        return matcher;
    }

    /**
     * The Authorization a verifier computes from what arrived — method, path, the signed headers and body — with
     * the same secret: equal only if nothing the signature covers changed between signer and wire.
     */
    private static String recomputed(Received request, URI endpoint, AwsCredentials credentials, String service) {
        Instant date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").parse(request.header("X-Amz-Date"), Instant::from);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .uri(URI.create(endpoint + request.rawPath()))
                .method(SdkHttpMethod.fromValue(request.method()));
        for (String name : authorization(request).group("headers").split(";")) {
            if (!List.of("host", "x-amz-date", "x-amz-security-token").contains(name)) {
                unsigned.putHeader(name, request.header(name));
            }
        }
        return AwsV4HttpSigner.create().sign(r -> r.identity(credentials)
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromUtf8String(request.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-2")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(date, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }

    @Test
    void aJsonCallIsASigV4SignedPostOfTheOperation() {
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{\"Parameter\":{\"Value\":\"v\"}}"))) {
            // WHEN an SSM operation is called
            JsonNode response = ssm(aws.endpoint()).json("GetParameter", Json.object().put("Name", "p"));

            // THEN it is one POST / with the JSON 1.1 target, content type and body
            assertThat(response.path("Parameter").path("Value").asText()).isEqualTo("v");
            Received request = aws.received().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.rawPath()).isEqualTo("/");
            assertThat(request.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameter");
            assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
            assertThat(request.body()).isEqualTo("{\"Name\":\"p\"}");
            // AND it is signed with SigV4 for ssm in the region, dated by the signing clock
            assertThat(request.header("X-Amz-Date")).isEqualTo("20261121T120000Z");
            Matcher auth = authorization(request);
            assertThat(auth.group("key")).isEqualTo("AKIDEXAMPLEKEY");
            assertThat(auth.group("date")).isEqualTo("20261121");
            assertThat(auth.group("region")).isEqualTo("us-west-2");
            assertThat(auth.group("service")).isEqualTo("ssm");
            assertThat(auth.group("headers").split(";")).contains("host", "x-amz-date", "x-amz-target", "content-type");
            assertThat(request.header("X-Amz-Security-Token")).isNull();
            // AND a verifier holding the secret arrives at the same signature from what was received
            assertThat(recomputed(request, aws.endpoint(), KEYS, "ssm")).isEqualTo(request.header("Authorization"));
        }
    }

    @Test
    void sessionCredentialsSendAndSignTheSecurityToken() {
        AwsSessionCredentials session = AwsSessionCredentials.create("ASIASESSIONKEY", "session-secret", "the-token");
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{}"))) {
            client(AwsService.SECRETS_MANAGER, aws.endpoint(), StaticCredentialsProvider.create(session),
                    Clock.fixed(T0, ZoneOffset.UTC)).json("GetSecretValue", Json.object().put("SecretId", "s"));

            Received request = aws.received().get(0);
            assertThat(request.header("X-Amz-Security-Token")).isEqualTo("the-token");
            Matcher auth = authorization(request);
            assertThat(auth.group("key")).isEqualTo("ASIASESSIONKEY");
            assertThat(auth.group("service")).isEqualTo("secretsmanager");
            assertThat(auth.group("headers").split(";")).contains("x-amz-security-token");
            assertThat(recomputed(request, aws.endpoint(), session, "secretsmanager"))
                    .isEqualTo(request.header("Authorization"));
        }
    }

    @Test
    void credentialsAreResolvedForEveryRequestNotCapturedAtInit() {
        // GIVEN a provider whose credentials rotate (as the container endpoint's do)
        AtomicInteger resolutions = new AtomicInteger();
        AwsCredentialsProvider rotating = () -> AwsBasicCredentials.create(
                "AKIDROTATION" + resolutions.incrementAndGet(), "secret");
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{}"))) {
            AwsApiClient client = client(AwsService.SSM, aws.endpoint(), rotating, Clock.fixed(T0, ZoneOffset.UTC));
            assertThat(resolutions).hasValue(0);

            client.json("DeleteParameter", Json.object().put("Name", "a"));
            client.json("DeleteParameter", Json.object().put("Name", "b"));

            assertThat(aws.received()).extracting(r -> authorization(r).group("key"))
                    .containsExactly("AKIDROTATION1", "AKIDROTATION2");
        }
    }

    @Test
    void aServiceErrorBecomesItsCodeWithoutNamespaceAndItsMessage() {
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(400,
                "{\"__type\":\"com.amazonaws.ssm#ParameterNotFound\",\"message\":\"Parameter p not found.\"}"))) {
            assertThatThrownBy(() -> ssm(aws.endpoint()).json("GetParameter", Json.object().put("Name", "p")))
                    .isInstanceOfSatisfying(AwsApiException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("ParameterNotFound");
                        assertThat(e.is(SsmApi.PARAMETER_NOT_FOUND)).isTrue();
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.service()).isEqualTo(AwsService.SSM);
                        assertThat(e.operation()).isEqualTo("GetParameter");
                    })
                    .hasMessage("ssm GetParameter failed: ParameterNotFound (HTTP 400): Parameter p not found.");
            // AND a client error is final: it was not retried
            assertThat(aws.received()).hasSize(1);
        }
    }

    @Test
    void theErrorTypeHeaderNamesTheErrorWithoutItsSuffix() {
        try (RecordingAwsServer aws = new RecordingAwsServer(new Answer(404,
                Map.of("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/"),
                "{\"Type\":\"User\",\"Message\":\"Function not found\"}"))) {
            assertThatThrownBy(() -> client(AwsService.LAMBDA, aws.endpoint(), StaticCredentialsProvider.create(KEYS),
                    Clock.systemUTC()).rest("Invoke", "POST", "/2015-03-31/functions/f/invocations", Map.of(), "{}", null))
                    .isInstanceOfSatisfying(AwsApiException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                        assertThat(e.statusCode()).isEqualTo(404);
                    })
                    .hasMessageContaining("Function not found");
        }
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAndEveryAttemptIsSignedAfresh() {
        // GIVEN SSM throttles (400 ThrottlingException), then fails (503), then answers
        try (RecordingAwsServer aws = new RecordingAwsServer(
                Answer.json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"),
                Answer.json(503, "{\"__type\":\"ServiceUnavailable\"}"),
                Answer.json(200, "{\"Version\":2}"))) {
            AwsApiClient client = client(AwsService.SSM, aws.endpoint(), StaticCredentialsProvider.create(KEYS),
                    stepping());

            JsonNode response = client.json("PutParameter", Json.object().put("Name", "p").put("Value", "v"));

            // THEN the third attempt's answer is returned
            assertThat(response.path("Version").asInt()).isEqualTo(2);
            List<Received> attempts = aws.received();
            assertThat(attempts).hasSize(3);
            // AND each attempt carried its own date and signature, each valid for what was sent
            assertThat(attempts).extracting(r -> r.header("X-Amz-Date")).doesNotHaveDuplicates();
            assertThat(attempts).extracting(r -> authorization(r).group("signature")).doesNotHaveDuplicates();
            for (Received attempt : attempts) {
                assertThat(recomputed(attempt, aws.endpoint(), KEYS, "ssm")).isEqualTo(attempt.header("Authorization"));
            }
        }
    }

    @Test
    void throttlingThatOutlastsTheAttemptsIsReportedWithItsCode() {
        try (RecordingAwsServer aws = new RecordingAwsServer(
                Answer.json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))) {
            assertThatThrownBy(() -> ssm(aws.endpoint()).json("GetParameters", Json.object()))
                    .isInstanceOfSatisfying(AwsApiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("ThrottlingException"));
            assertThat(aws.received()).hasSize(FAST.maxAttempts());
        }
    }

    @Test
    void noAnswerAtAllIsATransportError() throws Exception {
        // GIVEN an endpoint where nothing listens any more
        HttpServer closed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        URI endpoint = URI.create("http://127.0.0.1:" + closed.getAddress().getPort());
        closed.stop(0);

        assertThatThrownBy(() -> ssm(endpoint).json("GetParameter", Json.object().put("Name", "p")))
                .isInstanceOfSatisfying(AwsApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AwsApiException.TRANSPORT_ERROR);
                    assertThat(e.statusCode()).isZero();
                });
    }

    @Test
    void missingCredentialsFailTheCallBeforeAnythingIsSent() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{}"))) {
            assertThatThrownBy(() -> client(AwsService.SSM, aws.endpoint(), none, Clock.systemUTC())
                    .json("GetParameter", Json.object().put("Name", "p")))
                    .isInstanceOfSatisfying(AwsApiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(AwsApiException.CREDENTIALS_UNAVAILABLE))
                    .hasMessageContaining("Unable to load credentials");
            assertThat(aws.received()).isEmpty();
        }
    }

    @Test
    void theDefaultChainSignsWithContainerCredentialsAsUnderSnapStart() {
        // GIVEN the container credentials endpoint Lambda (and SnapStart) provide, and no other credentials
        String expiration = DateTimeFormatter.ISO_INSTANT.format(Instant.now().plus(Duration.ofHours(1)));
        try (RecordingAwsServer credentialsEndpoint = new RecordingAwsServer(new Answer(200,
                Map.of("Content-Type", "application/json"), "{\"AccessKeyId\":\"ASIACONTAINERKEY\","
                + "\"SecretAccessKey\":\"container-secret\",\"Token\":\"container-session-token\","
                + "\"Expiration\":\"" + expiration + "\"}"));
             RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{}"));
             ScopedProperties properties = new ScopedProperties(Map.of(
                     "aws.containerCredentialsFullUri", credentialsEndpoint.endpoint() + "/v1/credentials",
                     "aws.containerAuthorizationToken", "container-authorization"));
             DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            assertThat(System.getProperty("aws.accessKeyId")).as("no static credentials in this JVM").isNull();
            assertThat(System.getenv("AWS_ACCESS_KEY_ID")).as("no static credentials in this environment").isNull();

            // WHEN a call is made through the SDK's default credential chain
            client(AwsService.SSM, aws.endpoint(), chain, Clock.systemUTC())
                    .json("GetParameter", Json.object().put("Name", "p"));

            // THEN the chain fetched the container's credentials with its token, and they signed the request
            assertThat(credentialsEndpoint.received().get(0).header("Authorization")).isEqualTo("container-authorization");
            Received request = aws.received().get(0);
            assertThat(authorization(request).group("key")).isEqualTo("ASIACONTAINERKEY");
            assertThat(request.header("X-Amz-Security-Token")).isEqualTo("container-session-token");
        }
    }

    /** System properties set for one test and restored after. */
    private static final class ScopedProperties implements AutoCloseable {
        private final List<String[]> previous = new ArrayList<>();

        ScopedProperties(Map<String, String> values) {
            values.forEach((name, value) -> {
                previous.add(new String[] {name, System.getProperty(name)});
                System.setProperty(name, value);
            });
        }

        @Override
        public void close() {
            previous.forEach(p -> {
                if (p[1] == null) {
                    System.clearProperty(p[0]);
                } else {
                    System.setProperty(p[0], p[1]);
                }
            });
        }
    }

    @Test
    void anEndpointWithAPathKeepsItAsThePrefix() {
        try (RecordingAwsServer aws = new RecordingAwsServer(Answer.json(200, "{}"))) {
            URI withPath = URI.create(aws.endpoint() + "/aws/");
            client(AwsService.LAMBDA, withPath, StaticCredentialsProvider.create(KEYS), Clock.systemUTC())
                    .rest("Invoke", "POST", "/2015-03-31/functions/f/invocations", Map.of(), "{}", null);

            assertThat(aws.received().get(0).rawPath()).isEqualTo("/aws/2015-03-31/functions/f/invocations");
        }
    }

    private static AwsApiClient kinesisVideoMedia(URI endpoint) {
        return client(AwsService.KINESIS_VIDEO_MEDIA, endpoint, StaticCredentialsProvider.create(KEYS),
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void aStreamingRestCallHandsOverTheBodyAsAStreamSignedForTheServicesSigningName() throws Exception {
        try (RecordingAwsServer aws = new RecordingAwsServer(
                new Answer(200, Map.of("Content-Type", "video/webm"), "media bytes"))) {
            java.net.http.HttpResponse<java.io.InputStream> response = kinesisVideoMedia(aws.endpoint())
                    .restStream("GetMedia", "POST", "/getMedia", Map.of("Content-Type", "application/json"),
                            "{\"StreamName\":\"s\"}", Duration.ofSeconds(5));

            try (java.io.InputStream body = response.body()) {
                assertThat(new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo("media bytes");
            }
            assertThat(authorization(aws.received().get(0)).group("service")).isEqualTo("kinesisvideo");
            assertThat(aws.received().get(0).body()).isEqualTo("{\"StreamName\":\"s\"}");
        }
    }

    @Test
    void aStreamingRestCallRetriesThrottlingAndServerErrorsBeforeTheBody() throws Exception {
        try (RecordingAwsServer aws = new RecordingAwsServer(
                new Answer(400, Map.of("x-amz-ErrorType", "ClientLimitExceededException:"), "{\"Message\":\"slow\"}"),
                new Answer(503, Map.of(), "{}"),
                new Answer(200, Map.of(), "media"))) {
            java.net.http.HttpResponse<java.io.InputStream> response = kinesisVideoMedia(aws.endpoint())
                    .restStream("GetMedia", "POST", "/getMedia", Map.of(), "{}", null);

            try (java.io.InputStream body = response.body()) {
                assertThat(body.readAllBytes()).hasSize(5);
            }
            assertThat(aws.received()).hasSize(3);
        }
    }

    @Test
    void aStreamingRestCallRefusedIsAnErrorWithTheMediaApisErrorTypeAndMessage() {
        try (RecordingAwsServer aws = new RecordingAwsServer(new Answer(404,
                Map.of("x-amz-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/"),
                "{\"Message\":\"stream s not found\"}"))) {
            assertThatThrownBy(() -> kinesisVideoMedia(aws.endpoint())
                    .restStream("GetMedia", "POST", "/getMedia", Map.of(), "{}", null))
                    .isInstanceOfSatisfying(AwsApiException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.getMessage()).contains("stream s not found");
                    });
            assertThat(aws.received()).hasSize(1);
        }
    }

    @Test
    void aClientWithAnotherEndpointSharesRegionAndCredentials() {
        try (RecordingAwsServer control = new RecordingAwsServer(Answer.json(200, "{}"));
             RecordingAwsServer media = new RecordingAwsServer(Answer.json(200, "{}"))) {
            AwsApiClient controlPlane = client(AwsService.KINESIS_VIDEO, control.endpoint(),
                    StaticCredentialsProvider.create(KEYS), Clock.fixed(T0, ZoneOffset.UTC));

            AwsApiClient other = controlPlane.withEndpoint(AwsService.KINESIS_VIDEO_MEDIA, media.endpoint());
            other.rest("GetMedia", "POST", "/getMedia", Map.of(), "{}", null);

            assertThat(other.service()).isEqualTo(AwsService.KINESIS_VIDEO_MEDIA);
            assertThat(control.received()).isEmpty();
            Matcher signature = authorization(media.received().get(0));
            assertThat(signature.group("key")).isEqualTo("AKIDEXAMPLEKEY");
            assertThat(signature.group("region")).isEqualTo("us-west-2");
        }
    }
}
