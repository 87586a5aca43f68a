package dev.scvcdk.lambdas.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one custom-resource lifecycle step and always answers CloudFormation: SUCCESS with the step's outcome,
 * or FAILED with the error's message when the step throws, so a stack never waits an hour for a response.
 * The step gets the function's remaining time minus {@link #RESPONSE_RESERVE}; a step still running then is
 * answered FAILED, leaving time to deliver the answer before Lambda stops the function.
 *
 * <p>A failed Create has no resource yet; its PhysicalResourceId is {@code create-failed:<RequestId>}, which
 * no SSM parameter can be named (':' is not allowed), so the Delete CloudFormation sends while rolling back
 * finds nothing to remove.
 */
public final class CustomResourceResponder {

    /** Kept back from the function's remaining time to deliver the answer (the sender's retry budget and more). */
    static final Duration RESPONSE_RESERVE = Duration.ofSeconds(30);
    private static final Duration MIN_STEP_TIME = Duration.ofSeconds(1);

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
            Outcome outcome = runWithinDeadline(request, context, lifecycle);
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

    /** Runs the step on its own thread so a hung AWS call cannot eat the time needed to answer. */
    private static Outcome runWithinDeadline(CfnRequest request, Context context, Lifecycle lifecycle) {
        if (context == null) {
            return lifecycle.handle(request);
        }
        Duration budget = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(RESPONSE_RESERVE);
        if (budget.compareTo(MIN_STEP_TIME) < 0) {
            budget = MIN_STEP_TIME;
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "custom-resource-step");
            thread.setDaemon(true);
            return thread;
        });
        Future<Outcome> step = executor.submit(() -> lifecycle.handle(request));
        try {
            return step.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            step.cancel(true);
            throw new StepTimeoutException("the " + request.requestType() + " step did not finish within "
                    + budget.toSeconds() + " s, the function's remaining time less "
                    + RESPONSE_RESERVE.toSeconds() + " s kept to answer; raise the function timeout or retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.cancel(true);
            throw new StepTimeoutException("interrupted while waiting for the " + request.requestType() + " step");
        } finally {
            executor.shutdownNow();
        }
    }

    /** The step ran out of time. */
    static final class StepTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepTimeoutException(String message) {
            super(message);
        }
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
