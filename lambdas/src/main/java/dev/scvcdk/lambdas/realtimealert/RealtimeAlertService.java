package dev.scvcdk.lambdas.realtimealert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * RealtimeAlert: turns a CloudWatch alarm notification (SNS) into one {@code realtimeAlertEvent} call of
 * InvokeSalesforceRestApi, which publishes it in Salesforce as a {@code RealtimeAlertEvent}.
 *
 * <p>An EventBridge event ({@code source: aws.events}) sends SCV's fixed sample alert (its texts are a contract); any other event sends
 * nothing (SCV invoked the REST function with an empty alert). A {@code FunctionError} from the REST function
 * fails the invocation (SCV only logged it, losing the alert), so SNS's retries and the destination keep it.
 */
public final class RealtimeAlertService {
    static final String METHOD_NAME = "realtimeAlertEvent";
    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** CloudWatch writes {@code 2024-03-05T14:00:12.345+0000}; ISO offsets ({@code Z}, {@code +00:00}) also read. */
    private static final DateTimeFormatter STATE_CHANGE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private final FunctionInvoker invoker;
    private final String restApiFunction;
    private final Clock clock;
    private final StructuredLogger log;

    public RealtimeAlertService(FunctionInvoker invoker, String restApiFunction, Clock clock, StructuredLogger log) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.restApiFunction = Objects.requireNonNull(restApiFunction, "restApiFunction");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @throws IllegalArgumentException      when an SNS alarm notification is not a readable alarm
     * @throws RestApiFunctionFailedException when InvokeSalesforceRestApi answered with a FunctionError
     * @throws dev.scvcdk.lambdas.common.aws.AwsApiException when it could not be invoked
     */
    public void handle(JsonNode event) {
        Map<String, Object> parameters;
        if ("aws.events".equals(Json.text(event, "source"))) {
            parameters = scvsFixedSampleAlert();
        } else if ("aws:sns".equals(Json.text(event.path("Records").path(0), "EventSource"))) {
            parameters = fromAlarm(alarm(event.path("Records").path(0)));
        } else {
            log.warn("neither an SNS alarm notification nor an aws.events event: nothing sent", null,
                    Map.of("source", String.valueOf(Json.text(event, "source"))));
            return;
        }
        String payload = Json.write(Map.of("Details", Map.of("Parameters", parameters)));
        FunctionInvoker.Invocation result = invoker.invoke(restApiFunction, payload);
        if (!result.succeeded()) {
            throw new RestApiFunctionFailedException("InvokeSalesforceRestApi failed the realtimeAlertEvent for '"
                    + parameters.get("Name") + "': status " + result.statusCode() + ", " + result.functionError()
                    + ": " + abbreviate(result.payload()));
        }
        log.info("realtime alert sent", null, Map.of("name", String.valueOf(parameters.get("Name")),
                "severity", parameters.get("Severity")));
    }

    /** The alarm document in {@code Sns.Message} (JSON text). */
    private static JsonNode alarm(JsonNode record) {
        String message = Json.text(record, "Sns", "Message");
        if (message == null) {
            throw new IllegalArgumentException("Records[0].Sns.Message is missing: expected a CloudWatch alarm (JSON)");
        }
        JsonNode alarm;
        try {
            alarm = Json.read(message);
        } catch (IOException e) {
            throw new IllegalArgumentException("Records[0].Sns.Message is '" + abbreviate(message)
                    + "': not JSON, expected a CloudWatch alarm");
        }
        if (!alarm.isObject() || Json.nonEmptyText(alarm, "AlarmName") == null) {
            throw new IllegalArgumentException("Records[0].Sns.Message has no AlarmName: not a CloudWatch alarm");
        }
        return alarm;
    }

    /** SCV's parameters, key for key; a field the alarm lacks is left out, a JSON null stays null. */
    Map<String, Object> fromAlarm(JsonNode alarm) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("methodName", METHOD_NAME);
        parameters.put("Name", Json.text(alarm, "AlarmName"));
        if (alarm.has("AlarmDescription")) {
            parameters.put("Description", Json.text(alarm, "AlarmDescription"));
        }
        parameters.put("Source", "Cloudwatch Alarm from account " + Json.text(alarm, "AWSAccountId"));
        parameters.put("Severity", severity(Json.text(alarm, "NewStateValue")));
        String reason = Json.text(alarm, "NewStateReason");
        JsonNode trigger = alarm.path("Trigger");
        parameters.put("Payload", (reason == null ? "" : reason)
                + (trigger.isMissingNode() ? "" : " Trigger condition: " + JavaScriptJson.stringify(trigger)));
        parameters.put("EventDateTime", eventDateTime(Json.text(alarm, "StateChangeTime")));
        return parameters;
    }

    /** SCV's fixed alert for an EventBridge (aws.events) event. */
    private Map<String, Object> scvsFixedSampleAlert() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("methodName", METHOD_NAME);
        parameters.put("Name", "alert name goes here");
        parameters.put("Description", "alert description here");
        parameters.put("Source", "alert source goes here");
        parameters.put("Severity", "Warning");
        parameters.put("Payload", "some info");
        parameters.put("EventDateTime", now());
        return parameters;
    }

    static String severity(String newStateValue) {
        if ("ALARM".equals(newStateValue)) {
            return "Critical";
        }
        return "OK".equals(newStateValue) ? "Informational" : "Warning";
    }

    /** ISO-8601 UTC with milliseconds; now when the alarm has no StateChangeTime. */
    String eventDateTime(String stateChangeTime) {
        if (stateChangeTime == null || stateChangeTime.isBlank()) {
            return now();
        }
        try {
            Instant instant = OffsetDateTime.parse(stateChangeTime.trim(), STATE_CHANGE_TIME).toInstant();
            return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Sns.Message.StateChangeTime is '" + stateChangeTime
                    + "': must be an ISO-8601 date-time with an offset, e.g. 2024-03-05T14:00:12.345+0000");
        }
    }

    private String now() {
        return ISO_MILLIS.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** InvokeSalesforceRestApi ran and failed: the alert was not published. */
    public static final class RestApiFunctionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RestApiFunctionFailedException(String message) {
            super(message);
        }
    }
}
