package dev.scvcdk.lambdas.contactlens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.keys.CachedPrivateKey;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ContactLensProcessor wired as in production — SCRT client with the production retry policy, JWTs, the key read
 * from SSM — against a local SCRT stand-in that verifies every token and a local SSM; retries wait on a recording
 * sleeper, not the clock.
 */
final class ProcessorRig implements AutoCloseable {
    static final String ORG = "00D5e000000AbCdEAA";
    static final String CALL_CENTER = "acmecc";
    static final String KEY = "acmecc-scrt-jwt-auth-private-key";
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00.123456Z");
    static final String CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";

    final ScrtStub scrt;
    final AwsJsonStub ssm;
    final CapturingLog log = new CapturingLog();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final ContactLensProcessorHandler handler;

    ProcessorRig() throws IOException {
        this(Duration.ofSeconds(5));
    }

    /** @param requestTimeout the SCRT client's per-attempt timeout */
    ProcessorRig(Duration requestTimeout) throws IOException {
        scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
        scrt.respondWith(request -> ScrtStub.Reply.json(201, "{\"result\":\"Success\"}"));
        ssm = new AwsJsonStub();
        ssm.putParameter(KEY, TestKeys.pkcs1Pem("\n"));
        RetryingHttpClient http = new RetryingHttpClient(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build(),
                ContactLensProcessorWiring.RETRY_POLICY, requestTimeout, waits::add, Clock.systemUTC(), () -> 0.5,
                new CapturingLog().logger());
        ScrtConfig config = new ScrtConfig(ORG, CALL_CENTER, URI.create(scrt.baseUrl()), KEY);
        PrivateKeyProvider key = CachedPrivateKey.of(() -> TestAwsClients.ssm(URI.create(ssm.endpoint())), () -> {
            throw new AssertionError("the key lives in SSM");
        }, KEY, Duration.ofSeconds(60)).key();
        handler = new ContactLensProcessorHandler(ContactLensProcessorWiring.service(config, key, RandomIds.create(),
                http, Clock.fixed(NOW, ZoneOffset.UTC), log.logger()));
    }

    /** Runs the event through the handler as Lambda would, with {@code context} (null: no deadline). */
    JsonNode invoke(JsonNode event, TestContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, context);
        return Json.read(out.toString(StandardCharsets.UTF_8));
    }

    JsonNode invoke(JsonNode event) throws IOException {
        return invoke(event, null);
    }

    /** Requests the stand-in received, as "METHOD path". */
    List<String> calls() {
        List<String> calls = new ArrayList<>();
        scrt.received().forEach(r -> calls.add(r.method() + " " + r.pathWithinBase()));
        return calls;
    }

    static JsonNode body(ScrtStub.Received request) {
        try {
            return Json.read(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A forwarded Kinesis event; each record is (decoded Contact Lens record, arrival seconds as JSON text). */
    static ObjectNode event(List<JsonNode> records, List<String> arrivals) {
        List<String> data = new ArrayList<>();
        records.forEach(record -> data.add(Fixtures.base64(record)));
        return eventOfData(data, arrivals);
    }

    /** A forwarded Kinesis event of raw data strings. */
    static ObjectNode eventOfData(List<String> data, List<String> arrivals) {
        ObjectNode event = Json.object();
        ArrayNode array = event.putArray("Records");
        for (int i = 0; i < data.size(); i++) {
            ObjectNode kinesis = array.addObject().put("eventSource", "aws:kinesis").putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0").put("partitionKey", "p")
                    .put("sequenceNumber", ContactLensConsumerHandlerTest.sequenceNumber(i)).put("data", data.get(i));
            try {
                kinesis.set("approximateArrivalTimestamp", Json.read(arrivals.get(i)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return event;
    }

    /** A SEGMENTS record of {@code contactId} with one utterance per (id, role, content). */
    static ObjectNode utterances(String contactId, String... idRoleContent) {
        ObjectNode record = Json.object().put("Version", "1.0.0").put("Channel", "VOICE")
                .put("AccountId", "123456789012").put("InstanceId", "9e4f1b0c-1234-4c5d-8e9f-0a1b2c3d4e5f")
                .put("ContactId", contactId).put("LanguageCode", "en-US").put("EventType", "SEGMENTS");
        ArrayNode segments = record.putArray("Segments");
        for (int i = 0; i + 2 < idRoleContent.length; i += 3) {
            segments.addObject().putObject("Utterance").put("ParticipantId", idRoleContent[i + 1])
                    .put("ParticipantRole", idRoleContent[i + 1]).put("PartialContent", idRoleContent[i + 2])
                    .put("BeginOffsetMillis", 1000 * i).put("EndOffsetMillis", 1000 * i + 700)
                    .put("Id", idRoleContent[i]);
        }
        return record;
    }

    @Override
    public void close() {
        scrt.close();
        ssm.close();
    }
}
