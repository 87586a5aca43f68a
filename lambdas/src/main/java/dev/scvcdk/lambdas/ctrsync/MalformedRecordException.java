package dev.scvcdk.lambdas.ctrsync;

/** A Kinesis record that can never be processed (not base64, not UTF-8 JSON, not an object). */
public final class MalformedRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
        super(message);
    }
}
