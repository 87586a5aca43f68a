package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub.Outcome;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import dev.scvcdk.lambdas.testsupport.TranscribeApiStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Many voicemails through both jobs while S3, Transcribe and the telephony function fail at seeded random rates
 * (Transcribe sometimes after acting, its answer lost). Each event is delivered again until its invocation
 * succeeds, as Lambda's retries and a DLQ redrive would: an invocation that succeeds has done all of its work,
 * one that fails has done nothing that loses the voicemail, and in the end every voicemail is transcribed once
 * and routed before it is closed.
 */
class VoicemailFaultInjectionTest {
    private static final String BUCKET = "acmecc-123456789012-tenant";
    private static final int VOICEMAILS = 20;
    private static final int MAX_DELIVERIES = 40;

    private static List<String> contacts(long seed) {
        Random random = new Random(seed);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < VOICEMAILS; i++) {
            contacts.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return contacts;
    }

    private static JsonNode event(String fixture, String key) {
        ObjectNode event = Fixtures.object(fixture);
        ((ObjectNode) event.path("detail").path("object")).put("key", key);
        return event;
    }

    @Test
    @Timeout(120)
    void everyRecordingEndsWithItsOneJobWhateverFailsOnTheWay() throws Exception {
        try (S3Stub s3 = new S3Stub(); TranscribeApiStub transcribe = new TranscribeApiStub();
             S3Client s3Client = s3.client()) {
            // GIVEN tagged recordings, and S3 and Transcribe failing a quarter of their calls
            List<String> contacts = contacts(20261202L);
            for (String contact : contacts) {
                s3.store(BUCKET, VoicemailObjectEvent.recordingKey(contact), "RIFF", Map.of("vm_lang", "en-AU"));
            }
            s3.randomFaults(new Random(11L), 0.25);
            transcribe.randomFaults(new Random(12L), 0.25);
            VoiceMailTranscribeService service = new VoiceMailTranscribeService(new VoicemailBucket(s3Client),
                    new VoicemailTranscriptionJobs(TestAwsClients.noWait(AwsService.TRANSCRIBE,
                            URI.create(transcribe.endpoint()))), new CapturingLog().logger());

            // WHEN each recording's event is delivered until its invocation succeeds
            int failures = 0;
            Set<String> outcomes = new LinkedHashSet<>();
            for (String contact : contacts) {
                JsonNode event = event("voicemail/recording-created.json", VoicemailObjectEvent.recordingKey(contact));
                for (int delivery = 1; ; delivery++) {
                    assertThat(delivery).as("deliveries of " + contact).isLessThanOrEqualTo(MAX_DELIVERIES);
                    try {
                        Map<String, Object> answer = service.handle(event);
                        // THEN a successful invocation leaves the job in place
                        assertThat(transcribe.jobs()).contains(contact);
                        outcomes.add(String.valueOf(answer.get("outcome")));
                        break;
                    } catch (RuntimeException e) {
                        failures++;
                    }
                }
            }

            // AND in the end each recording has its job, and the faults were felt both ways
            assertThat(transcribe.jobs()).containsExactlyInAnyOrderElementsOf(contacts);
            assertThat(transcribe.calls("StartTranscriptionJob"))
                    .allSatisfy(call -> assertThat(call.request().path("LanguageCode").asText()).isEqualTo("en-AU"));
            assertThat(failures).isPositive();
            assertThat(outcomes).contains("STARTED", "ALREADY_STARTED");
        }
    }

    /** One telephony call as the function saw it. */
    private record TelephonyCall(String method, boolean closing, boolean ok) {
    }

    @Test
    @Timeout(120)
    void everyTranscriptEndsRoutedThenClosedOrItsInvocationFails() throws Exception {
        try (S3Stub s3 = new S3Stub(); TranscribeApiStub transcribe = new TranscribeApiStub();
             LambdaApiStub lambda = new LambdaApiStub(); S3Client s3Client = s3.client()) {
            // GIVEN transcribed voicemails
            List<String> contacts = contacts(7L);
            for (String contact : contacts) {
                Map<String, String> tags = new HashMap<>(VoiceMailPackagingHandlerTest.recordingTags());
                tags.put("vm_recordingUrl", BUCKET + "/" + VoicemailObjectEvent.recordingKey(contact));
                s3.store(BUCKET, VoicemailObjectEvent.recordingKey(contact), "RIFF", tags);
                s3.store(BUCKET, VoicemailObjectEvent.transcriptKey(contact),
                        "{\"results\":{\"transcripts\":[{\"transcript\":\"call me " + contact + "\"}]}}", Map.of());
                transcribe.putJob(contact);
            }
            // AND S3 and Transcribe failing a fifth of their calls, the telephony function failing a tenth of its
            // calls, a tenth of its messages ({"result":"Error"}) and a third of its routing attempts
            s3.randomFaults(new Random(21L), 0.2);
            transcribe.randomFaults(new Random(22L), 0.2);
            Random telephonyFaults = new Random(23L);
            Map<String, List<TelephonyCall>> calls = new HashMap<>();
            lambda.onInvoke((function, payload) -> {
                JsonNode parameters = read(payload).path("Details").path("Parameters");
                String method = parameters.path("methodName").asText();
                boolean closing = method.equals("updateVoiceCall") && parameters.path("fieldValues").isEmpty();
                double roll;
                synchronized (telephonyFaults) {
                    roll = telephonyFaults.nextDouble();
                }
                Outcome outcome = roll < 0.1 ? Outcome.unhandled("injected")
                        : method.equals("sendMessage") && roll < 0.2 ? Outcome.ok("{\"result\":\"Error\"}")
                        : method.equals("executeOmniFlow") && roll < 0.43 ? Outcome.unhandled("no agent flow")
                        : Outcome.ok("{}");
                boolean ok = outcome.functionError() == null && !outcome.payload().contains("Error");
                synchronized (calls) {
                    calls.computeIfAbsent(parameters.path("contactId").asText(), c -> new ArrayList<>())
                            .add(new TelephonyCall(method, closing, ok));
                }
                return outcome;
            });
            VoiceMailPackagingService service = new VoiceMailPackagingService(new VoicemailBucket(s3Client),
                    new VoicemailTranscriptionJobs(TestAwsClients.noWait(AwsService.TRANSCRIBE,
                            URI.create(transcribe.endpoint()))),
                    new LambdaFunctionInvoker(TestAwsClients.noWait(AwsService.LAMBDA, URI.create(lambda.endpoint()))),
                    VoiceMailPackagingHandlerTest.TELEPHONY, VoiceMailPackagingHandlerTest.DELAY, delay -> { },
                    new CapturingLog().logger());

            // WHEN each transcript's event is delivered until its invocation succeeds
            int failures = 0;
            for (String contact : contacts) {
                JsonNode event = event("voicemail/transcript-created.json", VoicemailObjectEvent.transcriptKey(contact));
                for (int delivery = 1; ; delivery++) {
                    assertThat(delivery).as("deliveries of " + contact).isLessThanOrEqualTo(MAX_DELIVERIES);
                    try {
                        service.handle(event);
                        // THEN a successful invocation has closed the voicemail and removed its job
                        List<TelephonyCall> mine = calls.get(contact);
                        assertThat(mine.get(mine.size() - 1)).isEqualTo(new TelephonyCall("updateVoiceCall", true, true));
                        assertThat(transcribe.jobs()).doesNotContain(contact);
                        break;
                    } catch (RuntimeException e) {
                        failures++;
                    }
                }
            }

            // AND no voicemail was ever closed but right after a routing attempt that succeeded
            for (String contact : contacts) {
                List<TelephonyCall> mine = calls.get(contact);
                for (int i = 0; i < mine.size(); i++) {
                    if (mine.get(i).closing() && mine.get(i).ok()) {
                        assertThat(mine.get(i - 1)).as(contact + " call " + i)
                                .isEqualTo(new TelephonyCall("executeOmniFlow", false, true));
                    }
                }
            }
            assertThat(transcribe.jobs()).isEmpty();
            assertThat(failures).isPositive();
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
