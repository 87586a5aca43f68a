package dev.scvcdk.lambdas.common.keys;

/** A secret could not be read or used; the message names the parameter or secret, never its value. */
public final class SecureValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecureValueException(String message) {
        super(message);
    }

    public SecureValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
