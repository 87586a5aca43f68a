package dev.scvcdk.lambdas.voicemail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.http.Sleeper;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * VoiceMailPackaging: a transcript {@code voicemail_transcripts/<ContactId>.json} was written, so deliver the
 * voicemail to Salesforce through the telephony function, in SCV's order:
 * <ol>
 *   <li>read the recording's tags and the transcript ({@code results.transcripts[0].transcript});</li>
 *   <li>{@code updateVoiceCall} with the recording's location, duration and times;</li>
 *   <li>{@code sendMessage} with the transcript, its times in epoch milliseconds;</li>
 *   <li>{@code executeOmniFlow} for the dialled number: up to {@value #ROUTING_ATTEMPTS} attempts, each after
 *       the routing delay (the first too), until one answers without a function error;</li>
 *   <li>{@code updateVoiceCall} with no field values, which closes the voicemail;</li>
 *   <li>DeleteTranscriptionJob (a missing job was deleted by an earlier delivery).</li>
 * </ol>
 * Unlike SCV, a telephony answer with a function error, sendMessage's {@code {"result":"Error"}} (how telephony
 * reports an SCRT failure) and {@value #ROUTING_ATTEMPTS} failed routing attempts fail the invocation, so
 * Lambda retries the event and then keeps it: a voicemail is never closed unrouted. An empty transcript is still
 * a voicemail. A key that is not a transcript (Transcribe's {@code .write_access_check_file.temp}) is answered
 * {@code {"success": true}} without any call. Nothing is kept between invocations.
 */
public final class VoiceMailPackagingService {
    public static final int ROUTING_ATTEMPTS = 4;
    static final String END_USER = "END_USER";

    private final VoicemailBucket bucket;
    private final VoicemailTranscriptionJobs jobs;
    private final FunctionInvoker invoker;
    private final String telephonyFunction;
    private final Duration routingDelay;
    private final Sleeper sleeper;
    private final StructuredLogger log;

    /**
     * @param telephonyFunction the telephony function's {@code active} alias ARN
     * @param routingDelay      the wait before each executeOmniFlow attempt
     */
    public VoiceMailPackagingService(VoicemailBucket bucket, VoicemailTranscriptionJobs jobs, FunctionInvoker invoker,
                                     String telephonyFunction, Duration routingDelay, Sleeper sleeper,
                                     StructuredLogger log) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.telephonyFunction = Objects.requireNonNull(telephonyFunction, "telephonyFunction");
        this.routingDelay = Objects.requireNonNull(routingDelay, "routingDelay");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = Objects.requireNonNull(log, "log");
    }

    public Map<String, Object> handle(JsonNode event) {
        VoicemailObjectEvent object = VoicemailObjectEvent.from(event);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        if (!object.key().endsWith(VoicemailObjectEvent.TRANSCRIPT_SUFFIX)) {
            log.debug("not a transcript; nothing to deliver", null, Map.of("key", object.key()));
            return answer;
        }
        Optional<String> transcriptOf = object.transcriptContactId();
        if (transcriptOf.isEmpty()) {
            log.warn("not a voicemail transcript (voicemail_transcripts/<ContactId>.json); nothing to deliver", null,
                    Map.of("bucket", object.bucket(), "key", object.key()));
            return answer;
        }
        String contactId = transcriptOf.get();
        VoicemailTags tags = bucket.tags(object.bucket(), VoicemailObjectEvent.recordingKey(contactId));
        String transcript = transcript(object, bucket.text(object.bucket(), object.key()));

        // Every value is read before the first call, so a bad tag fails the invocation before anything changes.
        Map<String, Object> recording = new LinkedHashMap<>();
        recording.put("recordingLocation", tags.recordingUrl());
        recording.put("totalRecordingDuration", tags.durationSeconds());
        recording.put("startTime", tags.initTimestamp());
        recording.put("endTime", tags.endTimestamp());
        recording.put("callOrigin", "Voicemail");
        recording.put("isActiveCall", true);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageId", contactId);
        message.put("startTime", tags.epochMillis(VoicemailTags.INIT_TIMESTAMP));
        message.put("endTime", tags.epochMillis(VoicemailTags.END_TIMESTAMP));
        message.put("content", transcript);
        message.put("participantId", END_USER);
        message.put("senderType", END_USER);
        Map<String, Object> routing = Map.of("dialedNumber", tags.dialedNumber());

        require(call("updateVoiceCall", contactId, recording), "updateVoiceCall", contactId);
        FunctionInvoker.Invocation sent = require(call("sendMessage", contactId, message), "sendMessage", contactId);
        if ("Error".equals(Json.text(parse(sent.payload()), "result"))) {
            throw new IllegalStateException("telephony sendMessage answered {\"result\":\"Error\"} for contact "
                    + contactId + ": SCRT did not take the transcript");
        }
        int attempts = route(contactId, routing);
        require(call("updateVoiceCall", contactId, Map.of()), "updateVoiceCall (close)", contactId);
        boolean deleted = jobs.delete(contactId);
        log.info("voicemail delivered", contactId, Map.of("routingAttempts", attempts,
                "transcriptChars", transcript.length(), "transcriptionJobDeleted", deleted));
        answer.put("contactId", contactId);
        answer.put("routingAttempts", attempts);
        return answer;
    }

    /** executeOmniFlow until an attempt answers without a function error; returns the attempts it took. */
    private int route(String contactId, Map<String, Object> routing) {
        String lastFailure = "";
        for (int attempt = 1; attempt <= ROUTING_ATTEMPTS; attempt++) {
            pause(contactId);
            try {
                FunctionInvoker.Invocation routed = call("executeOmniFlow", contactId, routing);
                if (routed.succeeded()) {
                    return attempt;
                }
                lastFailure = describe(routed);
            } catch (AwsApiException e) {
                // Only a transient Invoke failure is another attempt; a refused one (access, missing alias) is final.
                if (e.statusCode() != 0 && e.statusCode() != 429 && e.statusCode() < 500) {
                    throw e;
                }
                lastFailure = e.getMessage();
            }
            log.warn("executeOmniFlow attempt failed", contactId, Map.of("attempt", attempt,
                    "attempts", ROUTING_ATTEMPTS, "problem", lastFailure));
        }
        throw new IllegalStateException("telephony executeOmniFlow failed " + ROUTING_ATTEMPTS
                + " times for contact " + contactId + ": the voicemail is not routed (last: " + lastFailure + ")");
    }

    private void pause(String contactId) {
        try {
            sleeper.sleep(routingDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before routing the voicemail of contact " + contactId, e);
        }
    }

    private FunctionInvoker.Invocation call(String methodName, String contactId, Map<String, Object> fieldValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("methodName", methodName);
        parameters.put("contactId", contactId);
        parameters.put("fieldValues", fieldValues);
        log.debug("invoking telephony function", contactId, Map.of("methodName", methodName));
        return invoker.invoke(telephonyFunction, Json.write(Map.of("Details", Map.of("Parameters", parameters))));
    }

    private static FunctionInvoker.Invocation require(FunctionInvoker.Invocation invocation, String step,
                                                      String contactId) {
        if (!invocation.succeeded()) {
            throw new IllegalStateException("telephony " + step + " failed for contact " + contactId + ": "
                    + describe(invocation));
        }
        return invocation;
    }

    private static String describe(FunctionInvoker.Invocation invocation) {
        return "status " + invocation.statusCode() + ", " + invocation.functionError() + ": " + invocation.payload();
    }

    /** {@code results.transcripts[0].transcript}: the whole voicemail as Transcribe heard it (may be empty). */
    private static String transcript(VoicemailObjectEvent object, String json) {
        JsonNode transcript = Json.at(parse(json), "results", "transcripts").path(0).path("transcript");
        if (!transcript.isTextual()) {
            throw new IllegalStateException("transcript " + object.bucket() + "/" + object.key()
                    + " has no text at results.transcripts[0].transcript: not an Amazon Transcribe output");
        }
        return transcript.asText();
    }

    private static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? Json.object() : Json.read(json);
        } catch (JsonProcessingException e) {
            return Json.object();
        }
    }
}
