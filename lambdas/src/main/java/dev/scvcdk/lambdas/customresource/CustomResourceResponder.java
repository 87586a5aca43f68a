package dev.scvcdk.lambdas.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one custom-resource lifecycle step and always answers CloudFormation: SUCCESS with the step's outcome,
 * or FAILED with a {@code Reason} for any request it cannot serve — a body that is not JSON, an unknown
 * {@code RequestType} (such as {@code Rollback}), missing envelope fields, invalid properties, or any error in the
 * step — so a stack never waits an hour for a response. The values of the secret properties this resource takes
 * (and any the step registers) are replaced by {@value #REDACTED} in every Reason and log line.
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

    /**
     * One lifecycle step: returns the outcome or throws (the message becomes the FAILED reason). A value the step
     * reads that must stay secret (e.g. from Secrets Manager) is passed to {@code secrets}, so no Reason or log line
     * can echo it, even when an AWS error message quotes it.
     */
    @FunctionalInterface
    public interface Lifecycle {
        Outcome handle(CfnRequest request, Consumer<String> secrets);
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

    static final String REDACTED = "[REDACTED]";

    private final CfnResponseSender sender;
    private final StructuredLogger log;
    private final Set<String> secretProperties;

    /**
     * @param secretProperties names of resource properties (at any depth of {@code ResourceProperties} and
     *                         {@code OldResourceProperties}) whose values must never appear in a Reason or a log
     */
    public CustomResourceResponder(CfnResponseSender sender, StructuredLogger log, Set<String> secretProperties) {
        this.sender = sender;
        this.log = log;
        this.secretProperties = Set.copyOf(secretProperties);
    }

    /**
     * Answers whatever CloudFormation sent: a valid request runs {@code lifecycle} ({@link #respond}); one that
     * cannot be served (unknown {@code RequestType}, missing fields) is answered FAILED naming the problem.
     *
     * @throws IllegalArgumentException when the event has no {@code ResponseURL}: there is nowhere to answer
     */
    public CfnResponse answer(JsonNode event, Context context, Lifecycle lifecycle) {
        CfnRequest request;
        try {
            request = CfnRequest.from(event);
        } catch (IllegalArgumentException e) {
            return refuse(CfnRequest.envelope(event), e.getMessage(), context);
        }
        return respond(request, context, lifecycle);
    }

    /** Answers FAILED a body that is not JSON, at the {@code ResponseURL} read before the body breaks. */
    public CfnResponse answerUnreadable(byte[] body, Context context) {
        return refuse(CfnRequest.envelope(CfnRequest.salvage(body)),
                "Invalid custom-resource request: the body is not valid JSON", context);
    }

    private CfnResponse refuse(CfnRequest envelope, String problem, Context context) {
        String reason = withLogStream(scrub(problem, envelope, Set.of()), context);
        if (envelope.responseUrl() == null) {
            log.error("custom-resource request cannot be answered", null, Map.of("problem", reason), null);
            throw new IllegalArgumentException(reason + "; the request carries no ResponseURL, so CloudFormation "
                    + "cannot be answered");
        }
        CfnResponse response = CfnResponse.failed(envelope, failedPhysicalResourceId(envelope), reason);
        log.error("custom-resource request refused", null, Map.of("problem", reason,
                "requestId", String.valueOf(envelope.requestId())), null);
        sender.send(envelope, response);
        log.info("custom-resource response sent", null, sentFields(envelope, response));
        return response;
    }

    /**
     * Runs {@code lifecycle} for {@code request} and sends the answer.
     *
     * @return the response that was delivered
     * @throws CfnResponseSender.CfnResponseException when the answer could not be delivered
     */
    public CfnResponse respond(CfnRequest request, Context context, Lifecycle lifecycle) {
        Set<String> learned = ConcurrentHashMap.newKeySet();
        CfnResponse response;
        try {
            Outcome outcome = runWithinDeadline(request, context, lifecycle, learned);
            response = CfnResponse.success(request, outcome.physicalResourceId(), outcome.data());
        } catch (RuntimeException | Error e) {
            String reason = scrub(reason(e), request, learned);
            Map<String, Object> failed = new LinkedHashMap<>(fields(request));
            failed.put("problem", reason);
            log.error("custom-resource step failed", null, failed, null);
            response = CfnResponse.failed(request, failedPhysicalResourceId(request), withLogStream(reason, context));
        }
        sender.send(request, response);
        log.info("custom-resource response sent", null, sentFields(request, response));
        return response;
    }

    /** Runs the step on its own thread so a hung AWS call cannot eat the time needed to answer. */
    private static Outcome runWithinDeadline(CfnRequest request, Context context, Lifecycle lifecycle,
                                             Set<String> secrets) {
        if (context == null) {
            return lifecycle.handle(request, secrets::add);
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
        Future<Outcome> step = executor.submit(() -> lifecycle.handle(request, secrets::add));
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
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestType", request.requestType() == null ? "unknown" : request.requestType().name());
        fields.put("logicalResourceId", String.valueOf(request.logicalResourceId()));
        fields.put("requestId", String.valueOf(request.requestId()));
        return fields;
    }

    private static Map<String, Object> sentFields(CfnRequest request, CfnResponse response) {
        Map<String, Object> sent = fields(request);
        sent.put("status", response.status().name());
        sent.put("physicalResourceId", response.physicalResourceId());
        return sent;
    }

    /** The id a FAILED answer carries: the existing resource's, or a marker that names no parameter. */
    static String failedPhysicalResourceId(CfnRequest request) {
        return request.physicalResourceId() != null
                ? request.physicalResourceId()
                : "create-failed:" + request.requestId();
    }

    private static String reason(Throwable e) {
        if (e.getMessage() == null) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof InvalidPropertiesException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String withLogStream(String reason, Context context) {
        String logStream = context == null ? null : context.getLogStreamName();
        return logStream == null ? reason : reason + " (details in CloudWatch log stream " + logStream + ")";
    }

    /** {@code text} with every secret value replaced: the secret properties' values and those the step learned. */
    private String scrub(String text, CfnRequest request, Set<String> learned) {
        Set<String> secrets = new HashSet<>(learned);
        collectSecrets(request.resourceProperties(), secrets);
        collectSecrets(request.oldResourceProperties(), secrets);
        return Redaction.scrub(text, secrets, REDACTED);
    }

    private void collectSecrets(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (secretProperties.contains(field.getKey()) && field.getValue().isValueNode()) {
                into.add(field.getValue().asText());
            } else if (field.getValue().isObject()) {
                collectSecrets(field.getValue(), into);
            }
        }
    }
}
