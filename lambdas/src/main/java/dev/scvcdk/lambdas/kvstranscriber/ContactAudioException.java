package dev.scvcdk.lambdas.kvstranscriber;

/** The contact's Kinesis Video stream could not be read (see {@link ContactAudio#stream}). */
public final class ContactAudioException extends Exception {
    private static final long serialVersionUID = 1L;

    public ContactAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
