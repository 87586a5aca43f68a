package dev.scvcdk.lambdas.restapi.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Salesforce answered a REST call with an error, or could not be reached. Carries what SCV reports
 * to contact flows: the HTTP status and its reason, and Salesforce's error code and message.
 */
public final class SalesforceApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String statusText;
    private final String errorCode;
    private final String errorMessage;

    public SalesforceApiException(int status, String statusText, String errorCode, String errorMessage) {
        super("Salesforce answered " + status + " " + statusText + ": " + errorCode + ": " + errorMessage);
        this.status = status;
        this.statusText = statusText;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** SCV's failure answer: {@code {success: false, status, statusText, errorCode, errorMessage}}. */
    public Map<String, String> toConnectResult() {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("success", "false");
        result.put("status", Integer.toString(status));
        result.put("statusText", statusText);
        result.put("errorCode", errorCode);
        result.put("errorMessage", errorMessage);
        return result;
    }
}
