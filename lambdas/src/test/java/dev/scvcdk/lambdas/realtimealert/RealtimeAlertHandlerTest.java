package dev.scvcdk.lambdas.realtimealert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RealtimeAlert end to end: SNS event in, one InvokeSalesforceRestApi call to a local Lambda API out. */
class RealtimeAlertHandlerTest {
    static final String REST_API = "arn:aws:lambda:us-west-2:123456789012:function:acmecc-InvokeSalesforceRestApi:active";
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00.123456Z");

    private LambdaApiStub lambda;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private RealtimeAlertHandler handler;

    @BeforeEach
    void start() throws IOException {
        lambda = new LambdaApiStub();
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.ok("{\"success\":true}"));
        handler = new RealtimeAlertHandler(new RealtimeAlertService(
                TestAwsClients.lambda(URI.create(lambda.endpoint()), waits::add), REST_API,
                Clock.fixed(NOW, ZoneOffset.UTC), new CapturingLog().logger()));
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    /** The SNS fixture with its alarm document changed by {@code change}. */
    private static String snsAlarm(java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode event = Fixtures.object("realtimealert/sns-alarm.json");
        ObjectNode sns = (ObjectNode) event.path("Records").path(0).path("Sns");
        ObjectNode alarm = (ObjectNode) Json.read(sns.path("Message").asText());
        change.accept(alarm);
        sns.put("Message", Json.write(alarm));
        return Json.write(event);
    }

    private JsonNode onlyParameters() throws IOException {
        assertThat(lambda.invocations()).hasSize(1);
        return Json.read(lambda.invocations().get(0).payload()).path("Details").path("Parameters");
    }

    @Test
    void givenAnAlarmNotification_whenHandled_thenTheRestFunctionIsInvokedOnceSynchronouslyWithScvsParameters()
            throws IOException {
        // WHEN the SNS notification of a CloudWatch alarm arrives
        String answer = Priming.invoke(handler, Fixtures.text("realtimealert/sns-alarm.json"));

        // THEN one RequestResponse invocation of the REST function's alias carries SCV's realtimeAlertEvent
        assertThat(lambda.invocations()).singleElement().satisfies(invocation -> {
            assertThat(invocation.functionName()).isEqualTo(REST_API);
            assertThat(invocation.invocationType()).isEqualTo("RequestResponse");
            assertThat(invocation.signed()).isTrue();
        });
        assertThat(Json.read(lambda.invocations().get(0).payload())).isEqualTo(Json.read("""
                {"Details":{"Parameters":{
                 "methodName":"realtimeAlertEvent",
                 "Name":"SCV Connect acmecc-ConcurrentCallsPercentage",
                 "Description":"Concurrent calls above 80% of the instance quota",
                 "Source":"Cloudwatch Alarm from account 123456789012",
                 "Severity":"Critical",
                 "Payload":"Threshold Crossed: 10 out of the last 10 datapoints [0.85 (05/03/24 13:59:00)] were greater than or equal to the threshold (0.8) (minimum 10 datapoints for OK -> ALARM transition). Trigger condition: {\\"MetricName\\":\\"ConcurrentCallsPercentage\\",\\"Namespace\\":\\"AWS/Connect\\",\\"StatisticType\\":\\"Statistic\\",\\"Statistic\\":\\"MAXIMUM\\",\\"Unit\\":null,\\"Dimensions\\":[{\\"value\\":\\"9e4f1b0c-1234-4c5d-8e9f-0a1b2c3d4e5f\\",\\"name\\":\\"InstanceId\\"},{\\"value\\":\\"VoiceCalls\\",\\"name\\":\\"MetricGroup\\"}],\\"Period\\":60,\\"EvaluationPeriods\\":10,\\"DatapointsToAlarm\\":10,\\"ComparisonOperator\\":\\"GreaterThanOrEqualToThreshold\\",\\"Threshold\\":0.8,\\"TreatMissingData\\":\\"missing\\",\\"EvaluateLowSampleCountPercentile\\":\\"\\"}",
                 "EventDateTime":"2024-03-05T14:00:12.345Z"}}}"""));
        // AND the answer is null
        assertThat(answer).isEqualTo("null");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"ALARM,Critical", "OK,Informational", "INSUFFICIENT_DATA,Warning"})
    void givenAnAlarmState_whenHandled_thenTheSeverityIsScvs(String state, String severity) throws IOException {
        Priming.invoke(handler, snsAlarm(alarm -> alarm.put("NewStateValue", state)));

        assertThat(onlyParameters().path("Severity").asText()).isEqualTo(severity);
    }

    @Test
    void givenAStateChangeTimeInAnotherOffset_whenHandled_thenEventDateTimeIsUtcWithMilliseconds() throws IOException {
        Priming.invoke(handler, snsAlarm(alarm -> alarm.put("StateChangeTime", "2024-03-05T16:00:12.3+0200")));

        assertThat(onlyParameters().path("EventDateTime").asText()).isEqualTo("2024-03-05T14:00:12.300Z");
    }

    @Test
    void givenNoStateChangeTime_whenHandled_thenEventDateTimeIsNow() throws IOException {
        Priming.invoke(handler, snsAlarm(alarm -> alarm.remove("StateChangeTime")));

        assertThat(onlyParameters().path("EventDateTime").asText()).isEqualTo("2026-11-21T12:00:00.123Z");
    }

    @Test
    void givenAnUnreadableStateChangeTime_whenHandled_thenItFailsNamingFieldValueAndRuleAndInvokesNothing() {
        assertThatThrownBy(() -> Priming.invoke(handler, snsAlarm(alarm -> alarm.put("StateChangeTime", "yesterday"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StateChangeTime is 'yesterday'")
                .hasMessageContaining("ISO-8601");
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void givenAWholeNumberThresholdWrittenAsDecimal_whenHandled_thenThePayloadPrintsItAsJavaScriptDoes()
            throws IOException {
        // CloudWatch writes 3.0; SCV's JSON.stringify prints 3.
        Priming.invoke(handler, snsAlarm(alarm -> ((ObjectNode) alarm.path("Trigger")).put("Threshold", 3.0)));

        assertThat(onlyParameters().path("Payload").asText()).contains("\"Threshold\":3,");
    }

    @Test
    void givenAnAlarmWithoutTrigger_whenHandled_thenThePayloadIsTheReasonAlone() throws IOException {
        Priming.invoke(handler, snsAlarm(alarm -> alarm.remove("Trigger")));

        assertThat(onlyParameters().path("Payload").asText()).startsWith("Threshold Crossed:")
                .doesNotContain("Trigger condition");
    }

    @Test
    void givenANullDescription_whenHandled_thenDescriptionIsNullAndAnAbsentOneIsLeftOut() throws IOException {
        Priming.invoke(handler, snsAlarm(alarm -> alarm.putNull("AlarmDescription")));
        Priming.invoke(handler, snsAlarm(alarm -> alarm.remove("AlarmDescription")));

        List<LambdaApiStub.Invocation> invocations = lambda.invocations();
        JsonNode withNull = Json.read(invocations.get(0).payload()).path("Details").path("Parameters");
        JsonNode without = Json.read(invocations.get(1).payload()).path("Details").path("Parameters");
        assertThat(withNull.has("Description")).isTrue();
        assertThat(withNull.path("Description").isNull()).isTrue();
        assertThat(without.has("Description")).isFalse();
    }

    @Test
    void givenAnAwsEventsEvent_whenHandled_thenScvsPlaceholderAlertIsSent() throws IOException {
        String answer = Priming.invoke(handler, Fixtures.text("realtimealert/aws-events-scheduled.json"));

        assertThat(onlyParameters()).isEqualTo(Json.read("""
                {"methodName":"realtimeAlertEvent","Name":"alert name goes here","Description":"alert description here",
                 "Source":"alert source goes here","Severity":"Warning","Payload":"some info",
                 "EventDateTime":"2026-11-21T12:00:00.123Z"}"""));
        assertThat(answer).isEqualTo("null");
    }

    @Test
    void givenAnyOtherEvent_whenHandled_thenNothingIsInvokedAndTheAnswerIsNull() {
        // SCV invoked the REST function with an empty alert here.
        String answer = Priming.invoke(handler, Fixtures.text("realtimealert/sqs-message.json"));
        String empty = Priming.invoke(handler, "{}");

        assertThat(lambda.invocations()).isEmpty();
        assertThat(answer).isEqualTo("null");
        assertThat(empty).isEqualTo("null");
    }

    @Test
    void givenTheRestFunctionFails_whenHandled_thenTheInvocationFailsSoSnsRetriesTheAlert() {
        // SCV only logged the FunctionError: the alert was lost.
        lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.unhandled("INVALID_SESSION_ID"));

        assertThatThrownBy(() -> Priming.invoke(handler, Fixtures.text("realtimealert/sns-alarm.json")))
                .isInstanceOf(RealtimeAlertService.RestApiFunctionFailedException.class)
                .hasMessageContaining("SCV Connect acmecc-ConcurrentCallsPercentage")
                .hasMessageContaining("Unhandled")
                .hasMessageContaining("INVALID_SESSION_ID");
        assertThat(lambda.invocations()).hasSize(1);
    }

    @Test
    void givenLambdaKeepsFailingTheInvoke_whenHandled_thenTheErrorPropagatesAfterBoundedRetries() {
        lambda.failWith(invocation -> LambdaApiStub.ServiceError.unavailable());

        assertThatThrownBy(() -> Priming.invoke(handler, Fixtures.text("realtimealert/sns-alarm.json")))
                .isInstanceOf(AwsApiException.class)
                .hasMessageContaining("ServiceException");
        assertThat(lambda.invocations()).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void givenAMessageThatIsNotJson_whenHandled_thenItFailsNamingTheField() {
        ObjectNode event = Fixtures.object("realtimealert/sns-alarm.json");
        ((ObjectNode) event.path("Records").path(0).path("Sns")).put("Message", "Alarm went off");

        assertThatThrownBy(() -> Priming.invoke(handler, Json.write(event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Records[0].Sns.Message is 'Alarm went off': not JSON");
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void givenAMessageWithoutAlarmName_whenHandled_thenItFailsNamingTheField() {
        assertThatThrownBy(() -> Priming.invoke(handler, snsAlarm(alarm -> alarm.remove("AlarmName"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no AlarmName");
    }

    @Test
    void givenNoRestFunctionArn_whenInitialised_thenItFailsNamingTheVariable() {
        assertThatThrownBy(() -> RealtimeAlertHandler.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("INVOKE_SALESFORCE_REST_API_ARN is required");
    }
}
