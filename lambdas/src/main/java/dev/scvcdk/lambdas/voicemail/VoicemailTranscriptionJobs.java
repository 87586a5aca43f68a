package dev.scvcdk.lambdas.voicemail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Amazon Transcribe batch jobs, over {@link AwsApiClient} (AWS JSON 1.1, {@code X-Amz-Target:
 * Transcribe.<Operation>}), in the region of that client: the function's own, because a batch job's media must
 * be in the job's region. Throttling and 5xx are retried by the client; other errors are thrown as
 * {@link AwsApiException}s, except the two that mean the work is already done.
 */
public final class VoicemailTranscriptionJobs {
    public static final String CONFLICT = "ConflictException";
    public static final String NOT_FOUND = "NotFoundException";
    public static final String BAD_REQUEST = "BadRequestException";

    /** Transcribe answers a delete of a missing job with BadRequestException "The requested job couldn't be found." */
    private static final Pattern JOB_NOT_FOUND = Pattern.compile("(?i)(couldn't|could not|cannot|can't) be found");

    /** A job of one recording; the job writes its transcript to {@code outputBucket}/{@code outputKey}. */
    public record Job(String name, String languageCode, String mediaFileUri, String outputBucket, String outputKey) {
    }

    private final AwsApiClient client;

    public VoicemailTranscriptionJobs(AwsApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
        if (client.service() != AwsService.TRANSCRIBE) {
            throw new IllegalArgumentException("VoicemailTranscriptionJobs needs a Transcribe client, not "
                    + client.service());
        }
    }

    /**
     * StartTranscriptionJob of a WAV recording.
     *
     * @return true when the job was started, false when a job of that name exists ({@value #CONFLICT}): the
     *         event was delivered again and its job is already running or done
     */
    public boolean start(Job job) {
        ObjectNode request = Json.object()
                .put("TranscriptionJobName", job.name())
                .put("LanguageCode", job.languageCode())
                .put("MediaFormat", "wav");
        request.putObject("Media").put("MediaFileUri", job.mediaFileUri());
        request.put("OutputBucketName", job.outputBucket()).put("OutputKey", job.outputKey());
        try {
            client.json("StartTranscriptionJob", request);
            return true;
        } catch (AwsApiException e) {
            if (e.is(CONFLICT)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * DeleteTranscriptionJob.
     *
     * @return true when it was deleted, false when there was no such job (an earlier delivery deleted it)
     */
    public boolean delete(String name) {
        try {
            client.json("DeleteTranscriptionJob", Json.object().put("TranscriptionJobName", name));
            return true;
        } catch (AwsApiException e) {
            if (e.is(NOT_FOUND) || e.is(BAD_REQUEST) && JOB_NOT_FOUND.matcher(e.getMessage()).find()) {
                return false;
            }
            throw e;
        }
    }
}
