package dev.scvcdk.lambdas.common.scrt;

/** The SCRT API answered with a non-2xx status (after retries) or could not be reached. */
public final class ScrtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ScrtException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int status() {
        return status;
    }
}
