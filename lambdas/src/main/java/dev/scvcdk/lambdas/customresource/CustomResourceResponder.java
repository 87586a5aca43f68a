package dev.scvcdk.lambdas.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one custom-resource lifecycle step and always answers CloudFormation: SUCCESS with the step's outcome,
 * or FAILED with the error's message when the step throws, so a stack never waits an hour for a response.
 *
 * <p>A failed Create has no resource yet; its PhysicalResourceId is {@code create-failed:<RequestId>}, which
 * no SSM parameter can be named (':' is not allowed), so the Delete CloudFormation sends while rolling back
 * finds nothing to remove.
 */
public final class CustomResourceResponder {

    /** One lifecycle step: returns the outcome or throws (the message becomes the FAILED reason). */
    @FunctionalInterface
    public interface Lifecycle {
        Outcome handle(CfnRequest request);
    }

    /**
     * A successful step.
     *
     * @param physicalResourceId the id CloudFormation keeps for the resource
     * @param data               the attributes {@code Fn::GetAtt} can read; public values only
     */
    public record Outcome(String physicalResourceId, Map<String, String> data) {
        public Outcome {
            data = data == null ? Map.of() : Map.copyOf(data);
        }

        public static Outcome of(String physicalResourceId) {
            return new Outcome(physicalResourceId, Map.of());
        }
    }

    private final CfnResponseSender sender;
    private final StructuredLogger log;

    public CustomResourceResponder(CfnResponseSender sender, StructuredLogger log) {
        this.sender = sender;
        this.log = log;
    }

    /**
     * Runs {@code lifecycle} for {@code request} and sends the answer.
     *
     * @return the response that was delivered
     * @throws CfnResponseSender.CfnResponseException when the answer could not be delivered
     */
    public CfnResponse respond(CfnRequest request, Context context, Lifecycle lifecycle) {
        CfnResponse response;
        try {
            Outcome outcome = lifecycle.handle(request);
            response = CfnResponse.success(request, outcome.physicalResourceId(), outcome.data());
        } catch (RuntimeException e) {
            log.error("custom-resource step failed", null, fields(request), e);
            response = CfnResponse.failed(request, failedPhysicalResourceId(request), reason(e, context));
        }
        sender.send(request, response);
        Map<String, Object> sent = new LinkedHashMap<>(fields(request));
        sent.put("status", response.status().name());
        sent.put("physicalResourceId", response.physicalResourceId());
        log.info("custom-resource response sent", null, sent);
        return response;
    }

    private static Map<String, Object> fields(CfnRequest request) {
        return Map.of("requestType", request.requestType().name(), "logicalResourceId", request.logicalResourceId(),
                "requestId", request.requestId());
    }

    /** The id a FAILED answer carries: the existing resource's, or a marker that names no parameter. */
    static String failedPhysicalResourceId(CfnRequest request) {
        return request.physicalResourceId() != null
                ? request.physicalResourceId()
                : "create-failed:" + request.requestId();
    }

    private static String reason(RuntimeException e, Context context) {
        String message;
        if (e.getMessage() == null) {
            message = e.getClass().getSimpleName();
        } else if (e instanceof InvalidPropertiesException) {
            message = e.getMessage();
        } else {
            message = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String logStream = context == null ? null : context.getLogStreamName();
        return logStream == null ? message : message + " (details in CloudWatch log stream " + logStream + ")";
    }
}
