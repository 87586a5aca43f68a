package dev.scvcdk.lambdas.contactdatasync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.connect.ConnectContacts;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.media.S3Objects;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.ConnectStub;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import dev.scvcdk.lambdas.testsupport.TestContext;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ContactDataSync with its production clients — the SDK's S3 client from {@link S3Clients}, DescribeContact and
 * Lambda Invoke over the signed client — against loopback stand-ins for S3, Connect and Lambda; the Lambda client
 * backs off through a recording sleeper.
 */
final class ContactDataSyncRig implements AutoCloseable {
    static final String INSTANCE = "11111111-2222-4333-8444-555555555555";
    static final String REST_FUNCTION =
            "arn:aws:lambda:us-west-2:123456789012:function:acmecc-InvokeSalesforceRestApiFunction:active";
    static final String BUCKET = "acmecc-tenant-123456789012";
    static final String CONTACT = "c5b1e3a4-7d2f-4e8a-9b6c-0123456789ab";
    /** InitiationTimestamp of describe-contact.json (1763719200.123 s) in ms; its UTC day is 2025/11/21. */
    static final long INITIATION = 1_763_719_200_123L;
    static final String DAY = "Analysis/Voice/2025/11/21/";
    static final String REST_ANSWER = "{\"conversationBulkUploadsResults\":[{\"uploadId\":\"0Xy5e000000AbCd1AA\"}]}";

    final S3Stub s3;
    final ConnectStub connect;
    final LambdaApiStub lambda;
    final CapturingLog log = new CapturingLog();
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> environment = new HashMap<>(Map.of(
            EnvVar.CONNECT_INSTANCE_ID, INSTANCE, EnvVar.INVOKE_SALESFORCE_REST_API_ARN, REST_FUNCTION,
            EnvVar.CALL_CENTER_API_NAME, "AcmeCC", EnvVar.TENANT_BUCKET_NAME, BUCKET));
    private final AwsSystemProperties properties;
    private final S3Client s3Client;

    ContactDataSyncRig() throws IOException {
        s3 = new S3Stub();
        connect = new ConnectStub();
        lambda = new LambdaApiStub();
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.ok(REST_ANSWER));
        properties = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", s3.endpoint()));
        s3Client = S3Clients.create();
        addContact(CONTACT, 1763719200.123);
        s3.store(BUCKET, key(CONTACT, "10:05:30"), Fixtures.text("contactdatasync/analysis.json"));
    }

    /** The Contact Lens key of {@code contactId}'s analysis written at {@code time} on {@link #DAY}. */
    static String key(String contactId, String time) {
        return DAY + contactId + "_analysis_2025-11-21T" + time + "Z.json";
    }

    /** A described contact like the fixture's, with its own id and InitiationTimestamp (epoch seconds). */
    ObjectNode addContact(String contactId, double initiationSeconds) {
        ObjectNode contact = Fixtures.object("contactdatasync/describe-contact.json");
        contact.put("Id", contactId).put("InitiationTimestamp", initiationSeconds);
        connect.put(INSTANCE, contactId, contact);
        return contact;
    }

    /** The fixture analysis, as {@code contactId}'s. */
    static ObjectNode analysis(String contactId) {
        ObjectNode analysis = Fixtures.object("contactdatasync/analysis.json");
        ((ObjectNode) analysis.path("CustomerMetadata")).put("ContactId", contactId);
        return analysis;
    }

    void putAnalysis(String key, JsonNode analysis) {
        s3.store(BUCKET, key, Json.write(analysis));
    }

    ContactDataSyncHandler handler() {
        RetryingHttpClient http = new RetryingHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build(), RetryPolicy.defaults(), Duration.ofSeconds(5),
                sleeps::add, Clock.systemUTC(), () -> 0.5, log.logger());
        AwsApiClient lambdaClient = new AwsApiClient(AwsService.LAMBDA, "us-west-2", URI.create(lambda.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret")),
                http, Clock.systemUTC());
        return new ContactDataSyncHandler(new ContactDataSyncService(
                ContactDataSyncConfig.read(EnvReader.of(environment)),
                new ConnectContacts(TestAwsClients.client(AwsService.CONNECT, URI.create(connect.endpoint()))),
                new S3Objects(s3Client), new LambdaFunctionInvoker(lambdaClient), log.logger()));
    }

    /** Runs {@code event} as Lambda does, with a context whose ARN is in account 123456789012. */
    JsonNode invoke(String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new TestContext(900_000));
        return Json.read(out.toString(StandardCharsets.UTF_8));
    }

    /** An uploadTranscript request for {@code contactIds}, each related to one VoiceCall. */
    static String upload(String... contactIds) {
        ObjectNode event = Json.object().put("operation", "uploadTranscript");
        for (String contactId : contactIds) {
            event.withArray("payload").addObject().put("contactId", contactId).putArray("relatedRecords")
                    .add("0LQ-" + contactId.substring(0, 8));
        }
        return event.toString();
    }

    /** The [[contactId, text], …] pairs of every upload invocation, in order. */
    List<JsonNode> uploadedBatches() {
        List<JsonNode> batches = new ArrayList<>();
        for (LambdaApiStub.Invocation invocation : lambda.invocations()) {
            try {
                JsonNode parameters = Json.read(invocation.payload()).path("Details").path("Parameters");
                if ("uploadTranscript".equals(parameters.path("methodName").asText())) {
                    batches.add(Json.read(parameters.path("contactIdsPayloadMap").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return batches;
    }

    @Override
    public void close() {
        s3Client.close();
        properties.close();
        lambda.close();
        connect.close();
        s3.close();
    }
}
