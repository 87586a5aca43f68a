package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.media.kvs.StartSelector;

/**
 * The port through which kvsTranscriber reads a contact's audio: an adapter over the Kinesis Video reader
 * ({@code common/media/kvs}) implements it in production, an in-memory fake in tests.
 *
 * <p>Contract, per direction in {@link AudioRequest#directions()}:
 * <ul>
 *   <li>frames are the SimpleBlock payloads of that direction's track ({@link Direction#trackName()}; a lone
 *       {@code Track_audio/L16} track counts as {@link Direction#FROM_CUSTOMER}), s16le PCM at 8000 Hz, mono,
 *       delivered in stream order through {@link FrameSink#frame}, from the fragment the request's
 *       {@link StartSelector} names on;</li>
 *   <li>the direction ends, with exactly one {@link FrameSink#end} call, at the end of the stream, at a fragment
 *       tagged {@code STOP_STREAMING} = {@code "true"}, or at the first fragment whose {@code ContactId} tag names
 *       another contact than {@link AudioRequest#contactId()} — none of that fragment's frames are delivered;</li>
 *   <li>{@link #stream} returns once every requested direction has ended, and throws
 *       {@link ContactAudioException} when the stream cannot be read (no data endpoint, GetMedia refused, a
 *       broken MKV): directions not yet ended get no {@link FrameSink#end} call then.</li>
 * </ul>
 * Calls to the sink come from one thread at a time; the sink may block to slow the reader down.
 */
public interface ContactAudio {

    void stream(AudioRequest request, FrameSink sink) throws ContactAudioException;

    /** Receives a contact's audio, frame by frame, per direction. */
    interface FrameSink {
        /** @param pcm one frame of s16le PCM, 8000 Hz, mono (the sink takes ownership of the array) */
        void frame(Direction direction, byte[] pcm);

        /** The direction has ended; no frame of it follows. */
        void end(Direction direction, AudioEnd reason);
    }

    /** Why a direction ended. */
    enum AudioEnd {
        /** GetMedia's stream ended (the contact's media streaming stopped). */
        END_OF_STREAM,
        /** A fragment tagged {@code STOP_STREAMING} = {@code "true"}. */
        STOP_STREAMING,
        /** A fragment of another contact: Connect reuses streams across contacts. */
        OTHER_CONTACT
    }
}
