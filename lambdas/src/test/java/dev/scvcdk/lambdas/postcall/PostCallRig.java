package dev.scvcdk.lambdas.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.connect.ConnectContacts;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.keys.CachedPrivateKey;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.media.S3Objects;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.ConnectStub;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import dev.scvcdk.lambdas.testsupport.TestContext;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * PostCallAnalysisTrigger wired as in production — the SDK's S3 client from {@link S3Clients}, DescribeContact,
 * SSM key read, SCRT client with its retry policy — against loopback stand-ins for S3, Connect, SSM and SCRT,
 * with a recording sleeper in place of real backoff.
 */
final class PostCallRig implements AutoCloseable {
    static final String ORG = "00D5e000000AbCdEAA";
    static final String CALL_CENTER = "acmecc";
    static final String KEY_PARAMETER = "acmecc-scrt-jwt-auth-private-key";
    static final String BUCKET = "acmecc-123456789012";
    static final String INSTANCE = "11111111-2222-4333-8444-555555555555";
    static final String CONTACT = "c5b1e3a4-7d2f-4e8a-9b6c-0123456789ab";
    static final String KEY = "Analysis/Voice/2026/11/21/" + CONTACT + "_analysis_2026-11-21T10:05:30Z.json";
    /** AgentInfo.ConnectedToAgentTimestamp and DisconnectTimestamp of describe-contact.json, in ms. */
    static final long T0 = 1_763_719_210_500L;
    static final long T1 = 1_763_719_530_250L;

    final ScrtStub scrt;
    final AwsJsonStub ssm;
    final S3Stub s3;
    final ConnectStub connect;
    final CapturingLog log = new CapturingLog();
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final AwsSystemProperties properties;
    private final S3Client s3Client;

    PostCallRig() throws IOException {
        scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
        ssm = new AwsJsonStub();
        ssm.putParameter(KEY_PARAMETER, TestKeys.pkcs8Pem());
        s3 = new S3Stub();
        s3.store(BUCKET, KEY, Fixtures.text("postcall/analysis.json"));
        connect = new ConnectStub();
        connect.put(INSTANCE, CONTACT, Fixtures.json("postcall/describe-contact.json"));
        properties = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", s3.endpoint()));
        s3Client = S3Clients.create();
    }

    PostCallAnalysisTriggerHandler handler() {
        return handler(KEY_PARAMETER);
    }

    PostCallAnalysisTriggerHandler handler(String keyParameter) {
        RetryingHttpClient http = new RetryingHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build(), PostCallWiring.SCRT_RETRIES, Duration.ofSeconds(2),
                sleeps::add, Clock.systemUTC(), () -> 0.5, log.logger());
        PrivateKeyProvider key = CachedPrivateKey.of(() -> TestAwsClients.ssm(URI.create(ssm.endpoint())), () -> {
            throw new AssertionError("the key is an SSM parameter");
        }, keyParameter, PostCallWiring.KEY_CACHE_TTL).key();
        return new PostCallAnalysisTriggerHandler(PostCallWiring.service(
                new ScrtConfig(ORG, CALL_CENTER, URI.create(scrt.baseUrl()), keyParameter),
                key, RandomIds.create(), http, new S3Objects(s3Client),
                new ConnectContacts(TestAwsClients.client(AwsService.CONNECT, URI.create(connect.endpoint()))),
                log.logger()));
    }

    /** Runs {@code event} through a freshly wired handler, as Lambda does; returns the answer. */
    String invoke(String event) throws IOException {
        return invoke(event, KEY_PARAMETER);
    }

    String invoke(String event, String keyParameter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler(keyParameter).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new TestContext(900_000));
        return out.toString(StandardCharsets.UTF_8);
    }

    String invoke() throws IOException {
        return invoke(Fixtures.text("postcall/object-created.json"));
    }

    /** The fixture event naming {@code key} (as S3 would encode it: given here already encoded). */
    static String eventFor(String encodedKey) {
        ObjectNode event = Fixtures.object("postcall/object-created.json");
        ((ObjectNode) event.path("detail").path("object")).put("key", encodedKey);
        return event.toString();
    }

    /** Every event SCRT accepted, in order, across calls. */
    List<JsonNode> acceptedEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (ScrtStub.Received received : scrt.accepted()) {
            try {
                Json.read(received.body()).path("events").forEach(events::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    @Override
    public void close() {
        s3Client.close();
        properties.close();
        connect.close();
        s3.close();
        ssm.close();
        scrt.close();
    }
}
