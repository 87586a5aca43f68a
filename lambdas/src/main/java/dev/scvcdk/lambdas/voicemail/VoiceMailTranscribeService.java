package dev.scvcdk.lambdas.voicemail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * VoiceMailTranscribe: a recording {@code voicemail_recordings/<ContactId>.wav} was written, so start the
 * Transcribe job that writes {@code voicemail_transcripts/<ContactId>.json} next to it, in the language the
 * recording is tagged with. Exactly SCV's job parameters; unlike SCV, a failed tag read or job start fails the
 * invocation (after the clients' bounded retries), so the event is retried and then kept, never dropped. A job
 * that already exists is a redelivery and succeeds; a key that is not a recording starts nothing.
 */
public final class VoiceMailTranscribeService {
    /** What happened to the event, as the function answers it. */
    public enum Outcome { STARTED, ALREADY_STARTED, NOT_A_RECORDING }

    private final VoicemailBucket bucket;
    private final VoicemailTranscriptionJobs jobs;
    private final StructuredLogger log;

    public VoiceMailTranscribeService(VoicemailBucket bucket, VoicemailTranscriptionJobs jobs, StructuredLogger log) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.log = Objects.requireNonNull(log, "log");
    }

    public Map<String, Object> handle(JsonNode event) {
        VoicemailObjectEvent object = VoicemailObjectEvent.from(event);
        Optional<String> recording = object.recordingContactId();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (recording.isEmpty()) {
            log.warn("not a voicemail recording; no transcription job started", null,
                    Map.of("bucket", object.bucket(), "key", object.key()));
            answer.put("outcome", Outcome.NOT_A_RECORDING.name());
            return answer;
        }
        String contactId = recording.get();
        VoicemailTags tags = bucket.tags(object.bucket(), object.key());
        VoicemailTranscriptionJobs.Job job = new VoicemailTranscriptionJobs.Job(contactId, tags.language(),
                "s3://" + object.bucket() + "/" + object.key(), object.bucket(),
                VoicemailObjectEvent.transcriptKey(contactId));
        boolean started = jobs.start(job);
        Outcome outcome = started ? Outcome.STARTED : Outcome.ALREADY_STARTED;
        log.info(started ? "transcription job started" : "transcription job already exists (event delivered again)",
                contactId, Map.of("languageCode", job.languageCode(), "outputKey", job.outputKey()));
        answer.put("outcome", outcome.name());
        answer.put("transcriptionJobName", contactId);
        return answer;
    }
}
