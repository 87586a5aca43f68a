package dev.scvcdk.lambdas.kvstranscriber;

/**
 * The call was not fully transcribed and delivered: the audio could not be read, a session failed, or segments
 * stayed undelivered. Thrown after the stream finished, so the invocation fails (and the async on-failure
 * destination keeps the payload) only once everything that could be delivered was.
 */
public final class TranscriptionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TranscriptionFailedException(String message) {
        super(message);
    }
}
