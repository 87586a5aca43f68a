package dev.scvcdk.lambdas.common.aws;

/** Invokes another Lambda function (by name, ARN or alias ARN) with a JSON payload. */
public interface FunctionInvoker {
    /** Synchronous ({@code RequestResponse}) invocation; transport and service errors are thrown as {@link AwsApiException}. */
    Invocation invoke(String function, String jsonPayload);

    /** Asynchronous ({@code Event}) invocation: returns once Lambda has queued the event. */
    void invokeAsync(String function, String jsonPayload);

    /**
     * The outcome of a synchronous invocation.
     *
     * @param statusCode    Lambda's status code (200 when the function ran)
     * @param functionError {@code Unhandled}/{@code Handled} when the function failed, else null
     * @param payload         the function's response or error document
     * @param executedVersion the version that ran ({@code X-Amz-Executed-Version}), or null when not reported
     */
    record Invocation(int statusCode, String functionError, String payload, String executedVersion) {
        public Invocation(int statusCode, String functionError, String payload) {
            this(statusCode, functionError, payload, null);
        }

        /** True only when the function ran and returned without an error. */
        public boolean succeeded() {
            return statusCode == 200 && (functionError == null || functionError.isEmpty());
        }
    }
}
