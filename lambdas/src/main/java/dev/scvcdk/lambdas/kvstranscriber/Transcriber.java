package dev.scvcdk.lambdas.kvstranscriber;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Opens one streaming transcription session per direction. */
public interface Transcriber {

    /**
     * @param finals receives every final result with a non-empty transcript, in the order the session produced
     *               them, on the session's own thread (it must not block)
     */
    Session start(TranscriptionRequest request, Direction direction, Consumer<TranscriptSegment> finals);

    /** A running session. */
    interface Session {
        /** Sends one audio frame; blocks while the session cannot take more, and drops it once the session is over. */
        void send(byte[] pcm);

        /** No more audio: the session ends after its last results. Idempotent. */
        void finish();

        /** Completes when the session has delivered its last result; exceptionally when it failed. */
        CompletableFuture<Void> done();
    }
}
