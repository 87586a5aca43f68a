package dev.scvcdk.lambdas.restapi;

/**
 * A Connect event that cannot be served as sent: a missing or malformed parameter, an unknown
 * operation, a name that is not a Salesforce identifier. The message names the parameter, the value
 * and the rule; it fails the invocation so the contact flow takes its error branch.
 */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
