package dev.scvcdk.lambdas.kvstranscriber;

import java.util.Objects;

/**
 * One final result of a transcription session.
 *
 * @param resultId   Transcribe's ResultId: the SCRT messageId, so a re-post is recognisable
 * @param startTime  seconds from the session's first audio
 * @param endTime    seconds from the session's first audio
 * @param transcript the first alternative's text (never empty)
 */
public record TranscriptSegment(String resultId, double startTime, double endTime, String transcript) {
    public TranscriptSegment {
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(transcript, "transcript");
    }
}
