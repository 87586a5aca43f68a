package dev.scvcdk.lambdas.contactlens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ContactLensConsumer end to end: a Kinesis event in, Event invocations of a local Lambda API out. */
class ContactLensConsumerHandlerTest {
    static final String PROCESSOR =
            "arn:aws:lambda:us-west-2:123456789012:function:acmecc-ContactLensProcessorFunction:active";

    private LambdaApiStub lambda;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final CapturingLog log = new CapturingLog();
    private ContactLensConsumerHandler handler;

    @BeforeEach
    void start() throws IOException {
        lambda = new LambdaApiStub();
        handler = new ContactLensConsumerHandler(new ContactLensConsumerService(
                TestAwsClients.lambda(URI.create(lambda.endpoint()), waits::add), PROCESSOR, log.logger()));
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    /** The fixture batch's records repeated with fresh sequence numbers, {@code count} in all. */
    static ObjectNode batchOf(int count) {
        JsonNode template = Fixtures.json("contactlens/kinesis-batch.json").path("Records");
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < count; i++) {
            ObjectNode record = template.get(i % template.size()).deepCopy();
            ((ObjectNode) record.path("kinesis")).put("sequenceNumber", sequenceNumber(i));
            records.add(record);
        }
        return event;
    }

    static String sequenceNumber(int index) {
        return String.format("49590338271490256608559692538361571095921575989136%06d", index);
    }

    private JsonNode invoke(JsonNode event) throws IOException {
        return Json.read(Priming.invoke(handler, Json.write(event)));
    }

    private static List<String> sequenceNumbers(JsonNode event) {
        List<String> numbers = new ArrayList<>();
        event.path("Records").forEach(record -> numbers.add(record.path("kinesis").path("sequenceNumber").asText()));
        return numbers;
    }

    /** The sequence numbers of every queued invocation's records, in the order they were queued. */
    private List<String> queuedSequenceNumbers() throws IOException {
        List<String> numbers = new ArrayList<>();
        for (LambdaApiStub.Invocation invocation : lambda.queued()) {
            numbers.addAll(sequenceNumbers(Json.read(invocation.payload())));
        }
        return numbers;
    }

    private static List<String> reported(JsonNode answer) {
        List<String> numbers = new ArrayList<>();
        answer.path("batchItemFailures").forEach(failure -> numbers.add(failure.path("itemIdentifier").asText()));
        return numbers;
    }

    @Test
    void givenABatchOfFiveRecords_whenHandled_thenTheProcessorIsInvokedOnceAsynchronouslyWithTheEventUnchanged()
            throws IOException {
        JsonNode event = Fixtures.json("contactlens/kinesis-batch.json");

        JsonNode answer = invoke(event);

        assertThat(lambda.invocations()).singleElement().satisfies(invocation -> {
            assertThat(invocation.functionName()).isEqualTo(PROCESSOR);
            assertThat(invocation.invocationType()).isEqualTo("Event");
            assertThat(invocation.signed()).isTrue();
            assertThat(Json.read(invocation.payload())).isEqualTo(event);
        });
        assertThat(answer).isEqualTo(Json.read("{\"batchItemFailures\":[]}"));
    }

    @Test
    void givenMoreThanFiveRecords_whenHandled_thenEveryRecordIsForwardedExactlyOnceInChunksOfFiveInOrder()
            throws IOException {
        // SCV logged an error and forwarded nothing: the transcripts were lost.
        ObjectNode event = batchOf(12);

        JsonNode answer = invoke(event);

        assertThat(lambda.queued()).extracting(invocation -> Json.read(invocation.payload()).path("Records").size())
                .containsExactly(5, 5, 2);
        assertThat(queuedSequenceNumbers()).isEqualTo(sequenceNumbers(event));
        assertThat(reported(answer)).isEmpty();
    }

    @Test
    void givenRecordsTooBigForFiveToAnInvocation_whenHandled_thenChunksStayUnderTheAsyncPayloadLimit()
            throws IOException {
        ObjectNode event = batchOf(3);
        String big = "A".repeat(100 * 1024);
        event.path("Records").forEach(record -> ((ObjectNode) record.path("kinesis")).put("data", big));

        invoke(event);

        assertThat(lambda.queued()).extracting(invocation -> Json.read(invocation.payload()).path("Records").size())
                .containsExactly(2, 1);
        assertThat(lambda.queued()).allSatisfy(invocation -> assertThat(invocation.payload().length())
                .isLessThanOrEqualTo(ContactLensConsumerService.MAX_PAYLOAD_BYTES));
        assertThat(queuedSequenceNumbers()).isEqualTo(sequenceNumbers(event));
    }

    @Test
    void givenNoRecords_whenHandled_thenNothingIsInvoked() throws IOException {
        assertThat(invoke(Json.read("{}"))).isEqualTo(Json.read("{\"batchItemFailures\":[]}"));
        assertThat(invoke(Json.read("{\"Records\":[]}"))).isEqualTo(Json.read("{\"batchItemFailures\":[]}"));

        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void givenLambdaThrottlesTwice_whenHandled_thenTheInvokeIsRetriedWithBackoffAndNothingIsReported()
            throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        lambda.failWith(invocation -> attempts.incrementAndGet() <= 2 ? LambdaApiStub.ServiceError.throttled() : null);

        JsonNode answer = invoke(Fixtures.json("contactlens/kinesis-batch.json"));

        assertThat(lambda.invocations()).hasSize(3);
        assertThat(lambda.queued()).hasSize(1);
        assertThat(waits).hasSize(2).allSatisfy(wait -> assertThat(wait).isPositive());
        assertThat(reported(answer)).isEmpty();
    }

    @Test
    void givenAChunkWhoseInvokeKeepsFailing_whenHandled_thenItAndEveryLaterRecordAreReportedAndNotForwarded()
            throws IOException {
        // GIVEN 12 records, and a Lambda API that refuses the second chunk (records 6-10) on every attempt
        ObjectNode event = batchOf(12);
        lambda.failWith(invocation -> invocation.payload().contains(sequenceNumber(5))
                ? LambdaApiStub.ServiceError.unavailable() : null);

        // WHEN the batch is handled
        JsonNode answer = invoke(event);

        // THEN the first chunk was queued, the second tried three times (the SDK's bound), the third never
        assertThat(queuedSequenceNumbers()).isEqualTo(sequenceNumbers(event).subList(0, 5));
        assertThat(lambda.invocations()).hasSize(1 + 3);
        // AND the failed chunk and everything after it is reported, from its first record: the stream retries
        // from there, so the third chunk is forwarded by that retry, once
        assertThat(reported(answer)).isEqualTo(sequenceNumbers(event).subList(5, 12));
        assertThat(log.text()).contains("Contact Lens records not forwarded").contains(sequenceNumber(5));
    }

    @Test
    void givenAnInvokeRefusedAsTooLarge_whenHandled_thenItIsReportedWithoutRetrying() throws IOException {
        lambda.failWith(invocation -> LambdaApiStub.ServiceError.tooLarge());
        JsonNode event = Fixtures.json("contactlens/kinesis-batch.json");

        JsonNode answer = invoke(event);

        assertThat(lambda.invocations()).hasSize(1);
        assertThat(reported(answer)).isEqualTo(sequenceNumbers(event));
    }

    @Test
    void givenAFailedRecordWithoutSequenceNumber_whenHandled_thenTheWholeBatchFailsNamingTheField() {
        lambda.failWith(invocation -> LambdaApiStub.ServiceError.tooLarge());
        ObjectNode event = batchOf(2);
        ((ObjectNode) event.path("Records").path(1).path("kinesis")).remove("sequenceNumber");

        assertThatThrownBy(() -> invoke(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Records[].kinesis.sequenceNumber is missing");
    }

    @Test
    void givenRandomLambdaFaults_whenTheStreamRetriesWhatIsReported_thenEveryRecordIsQueuedExactlyOnceInOrder()
            throws IOException {
        // GIVEN a Lambda API refusing ~60% of attempts (so ~22% of invokes fail all three) (throttling or 5xx), from a fixed seed
        Random faults = new Random(20261121L);
        lambda.failWith(invocation -> {
            double roll;
            synchronized (faults) {
                roll = faults.nextDouble();
            }
            return roll < 0.3 ? LambdaApiStub.ServiceError.throttled()
                    : roll < 0.6 ? LambdaApiStub.ServiceError.unavailable() : null;
        });
        ObjectNode all = batchOf(200);
        List<String> expected = sequenceNumbers(all);

        // WHEN the shard is read in batches of 25 and, as Kinesis does with ReportBatchItemFailures, a batch that
        // reports failures is re-read from its lowest reported sequence number
        int position = 0;
        int deliveries = 0;
        while (position < expected.size()) {
            ObjectNode batch = Json.object();
            ArrayNode records = batch.putArray("Records");
            for (int i = position; i < Math.min(expected.size(), position + 25); i++) {
                records.add(all.path("Records").get(i));
            }
            List<String> failures = reported(invoke(batch));
            deliveries++;
            position = failures.isEmpty() ? position + records.size() : expected.indexOf(failures.get(0));
        }

        // THEN the faults really bit, and yet every record was queued once, in shard order
        assertThat(deliveries).isGreaterThan(expected.size() / 25 + 3);
        assertThat(queuedSequenceNumbers()).isEqualTo(expected);
    }

    @Test
    void givenNoProcessorArn_whenInitialised_thenItFailsNamingTheVariable() {
        assertThatThrownBy(() -> ContactLensConsumerHandler.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CONTACT_LENS_PROCESSOR_FUNCTION_ARN is required");
    }
}
