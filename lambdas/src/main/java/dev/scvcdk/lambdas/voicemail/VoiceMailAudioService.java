package dev.scvcdk.lambdas.voicemail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.kinesis.KinesisRecord;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.media.kvs.AudioTrack;
import dev.scvcdk.lambdas.common.media.kvs.KvsFragment;
import dev.scvcdk.lambdas.common.media.kvs.KvsFrame;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaClient;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaEvent;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaReader;
import dev.scvcdk.lambdas.common.media.kvs.StartSelector;
import dev.scvcdk.lambdas.ctrsync.ContactRecordDecoder;
import dev.scvcdk.lambdas.ctrsync.MalformedRecordException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * VoiceMailAudioProcessing: for each contact record of a Kinesis batch that left a voicemail, reads the caller's
 * audio from Kinesis Video (fragments {@code FragmentStartNumber}..{@code FragmentStopNumber}, track
 * {@code AUDIO_FROM_CUSTOMER} only), and writes it as {@code voicemail_recordings/<ContactId>.wav} to the
 * recordings bucket, tagged for VoiceMailTranscribe and VoiceMailPackaging.
 *
 * <p>Records are independent and nothing is kept between them or between invocations. Returns the sequence
 * numbers to report in {@code batchItemFailures}: a record that is not base64 JSON, a voicemail that cannot be
 * read (no Kinesis Video recording, bad fragment numbers), a failed Kinesis Video read, no caller audio, and a
 * failed S3 write — each writes nothing (never an empty WAV). Records that are not voicemails are successes.
 */
public final class VoiceMailAudioService {
    public static final String KEY_PREFIX = "voicemail_recordings/";
    static final String CONTENT_TYPE = "audio/x-wav";

    private final KvsMediaClient kvs;
    private final S3Client s3;
    private final String bucket;
    private final Clock clock;
    private final StructuredLogger log;

    public VoiceMailAudioService(KvsMediaClient kvs, S3Client s3, String bucket, Clock clock, StructuredLogger log) {
        this.kvs = Objects.requireNonNull(kvs, "kvs");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param deadline records not started by then are reported failed (retried) rather than cut off by the
     *                 Lambda timeout; empty = no limit
     * @return the sequence numbers to report in {@code batchItemFailures}, in batch order
     */
    public List<String> process(List<KinesisRecord> records, Optional<Instant> deadline) {
        List<String> failures = new ArrayList<>();
        int written = 0;
        for (KinesisRecord record : records) {
            if (deadline.isPresent() && !clock.instant().isBefore(deadline.get())) {
                log.warn("voicemail record not processed: out of time", null,
                        Map.of("sequenceNumber", String.valueOf(record.sequenceNumber())));
                failures.add(record.sequenceNumber());
                continue;
            }
            Outcome outcome = process(record);
            if (outcome == Outcome.FAILED) {
                failures.add(record.sequenceNumber());
            } else if (outcome == Outcome.WRITTEN) {
                written++;
            }
        }
        log.info("voicemail batch processed", null,
                Map.of("records", records.size(), "written", written, "failed", failures.size()));
        return failures;
    }

    private enum Outcome { SKIPPED, WRITTEN, FAILED }

    private Outcome process(KinesisRecord record) {
        String sequenceNumber = String.valueOf(record.sequenceNumber());
        JsonNode ctr;
        try {
            ctr = ContactRecordDecoder.decode(record.data());
        } catch (MalformedRecordException e) {
            log.error("malformed contact record", null,
                    Map.of("sequenceNumber", sequenceNumber, "reason", e.getMessage()), null);
            return Outcome.FAILED;
        }
        String contactId = ctr.path("ContactId").isTextual() ? ctr.path("ContactId").asText() : null;
        Optional<String> skip = VoicemailRecord.skipReason(ctr);
        if (skip.isPresent()) {
            log.debug("not a voicemail to process", contactId,
                    Map.of("sequenceNumber", sequenceNumber, "reason", skip.get()));
            return Outcome.SKIPPED;
        }
        VoicemailRecord voicemail;
        try {
            voicemail = VoicemailRecord.from(ctr);
        } catch (VoicemailRecord.InvalidVoicemailException e) {
            log.error("voicemail record cannot be processed", contactId,
                    Map.of("sequenceNumber", sequenceNumber, "reason", e.getMessage()), null);
            return Outcome.FAILED;
        }
        byte[] pcm;
        try {
            pcm = callerAudio(voicemail);
        } catch (RuntimeException e) {
            log.error("voicemail audio could not be read from Kinesis Video", contactId, Map.of(
                    "sequenceNumber", sequenceNumber, "stream", voicemail.streamName(),
                    "reason", e.getClass().getSimpleName() + ": " + e.getMessage()), null);
            return Outcome.FAILED;
        }
        if (pcm.length == 0) {
            log.error("voicemail has no caller audio in its fragments", contactId, Map.of(
                    "sequenceNumber", sequenceNumber, "stream", voicemail.streamName(),
                    "firstFragment", voicemail.firstFragment().toString(),
                    "lastFragment", voicemail.lastFragment().toString()), null);
            return Outcome.FAILED;
        }
        String key = KEY_PREFIX + voicemail.contactId() + ".wav";
        try {
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(CONTENT_TYPE)
                            .tagging(tagging(voicemail, bucket + "/" + key, pcm.length)),
                    RequestBody.fromBytes(WavFile.of(pcm)));
        } catch (RuntimeException e) {
            log.error("voicemail recording could not be written to S3", contactId, Map.of(
                    "sequenceNumber", sequenceNumber, "bucket", bucket, "object", key,
                    "reason", e.getClass().getSimpleName() + ": " + e.getMessage()), null);
            return Outcome.FAILED;
        }
        log.info("voicemail recording written", contactId, Map.of("object", key, "pcmBytes", pcm.length,
                "durationSeconds", WavFile.durationSeconds(pcm.length)));
        return Outcome.WRITTEN;
    }

    /**
     * The caller's PCM of fragments first..last: reading stops (and the connection closes) at the first fragment
     * after the last one, without waiting for a live stream to end.
     *
     * @throws IllegalStateException when the stream ends before the last fragment
     */
    private byte[] callerAudio(VoicemailRecord voicemail) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        BigInteger reached = null;
        try (KvsMediaReader reader = kvs.getMedia(voicemail.streamName(),
                StartSelector.fragmentNumber(voicemail.firstFragment()))) {
            boolean keep = false;
            for (Optional<KvsMediaEvent> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (next.get() instanceof KvsFragment fragment) {
                    if (fragment.fragmentNumber().compareTo(voicemail.lastFragment()) > 0) {
                        return pcm.toByteArray();
                    }
                    keep = fragment.fragmentNumber().compareTo(voicemail.firstFragment()) >= 0;
                    reached = fragment.fragmentNumber();
                } else if (next.get() instanceof KvsFrame frame && keep && frame.isFrom(AudioTrack.FROM_CUSTOMER)) {
                    pcm.writeBytes(frame.data());
                }
            }
        }
        if (reached == null || reached.compareTo(voicemail.lastFragment()) < 0) {
            throw new IllegalStateException("the stream ended at fragment " + reached + ", before FragmentStopNumber "
                    + voicemail.lastFragment());
        }
        return pcm.toByteArray();
    }

    /** The object's tags, URL-encoded as {@code x-amz-tagging}: exactly SCV's six. */
    static String tagging(VoicemailRecord voicemail, String recordingUrl, long pcmBytes) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("vm_lang", voicemail.language());
        tags.put("vm_dialedNumber", voicemail.dialedNumber());
        tags.put("vm_initTimestamp", voicemail.initiated());
        tags.put("vm_endTimestamp", voicemail.disconnected());
        tags.put("vm_duration", Long.toString(WavFile.durationSeconds(pcmBytes)));
        tags.put("vm_recordingUrl", recordingUrl);
        StringBuilder tagging = new StringBuilder();
        tags.forEach((name, value) -> tagging.append(tagging.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return tagging.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
