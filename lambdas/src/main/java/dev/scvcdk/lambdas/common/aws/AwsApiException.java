package dev.scvcdk.lambdas.common.aws;

/**
 * An AWS call that did not succeed: the service's error (its code, such as {@code ParameterNotFound}, and
 * message), or no answer at all ({@link #TRANSPORT_ERROR}, {@link #CREDENTIALS_UNAVAILABLE}). Callers branch on
 * {@link #errorCode()} the way they would on the SDK's modelled exceptions.
 */
public final class AwsApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** No HTTP answer after every attempt (timeouts, resets, refused connections). */
    public static final String TRANSPORT_ERROR = "TransportError";
    /** The default credential chain had nothing to sign with. */
    public static final String CREDENTIALS_UNAVAILABLE = "CredentialsUnavailable";

    private final AwsService service;
    private final String operation;
    private final int statusCode;
    private final String errorCode;

    public AwsApiException(AwsService service, String operation, int statusCode, String errorCode, String message,
                           Throwable cause) {
        super(service.signingName() + " " + operation + " failed: " + errorCode
                + (statusCode > 0 ? " (HTTP " + statusCode + ")" : "")
                + (message == null || message.isEmpty() ? "" : ": " + message), cause);
        this.service = service;
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    public AwsService service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int statusCode() {
        return statusCode;
    }

    /** The service's error code without namespace, e.g. {@code ParameterNotFound}. */
    public String errorCode() {
        return errorCode;
    }

    /** True when the error code is one of {@code codes}. */
    public boolean is(String... codes) {
        for (String code : codes) {
            if (code.equals(errorCode)) {
                return true;
            }
        }
        return false;
    }
}
