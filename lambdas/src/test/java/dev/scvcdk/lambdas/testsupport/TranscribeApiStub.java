package dev.scvcdk.lambdas.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for Amazon Transcribe's batch API (AWS JSON 1.1): StartTranscriptionJob (ConflictException
 * when the name exists) and DeleteTranscriptionJob (BadRequestException "couldn't be found" when it does not, as
 * Transcribe answers), with injected faults. Records every call with its SigV4 credential scope.
 */
public final class TranscribeApiStub implements AutoCloseable {
    /** One call: its X-Amz-Target, request document, and the signature's region and service (null if unsigned). */
    public record Call(String target, JsonNode request, String signingRegion, String signingService,
                       String contentType) {
    }

    private record Fault(int status, String code, String message) {
    }

    private final HttpServer server;
    private final Set<String> jobs = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> faults = new ArrayDeque<>();
    private volatile Random randomFaults;
    private volatile double randomFaultRate;
    private AwsSystemProperties defaultEndpoint;

    public TranscribeApiStub() throws IOException {
        server = LoopbackHttp.start(this::handle, 16, null);
    }

    /** A stub the default chains point at ({@code aws.endpointUrlTranscribe}); restored on {@link #close()}. */
    public static TranscribeApiStub asDefaultEndpoint() throws IOException {
        TranscribeApiStub stub = new TranscribeApiStub();
        stub.defaultEndpoint = AwsSystemProperties.with(Map.of("aws.endpointUrlTranscribe", stub.endpoint()));
        return stub;
    }

    public String endpoint() {
        return LoopbackHttp.endpoint(server);
    }

    /** A job of that name exists (started earlier). */
    public void putJob(String name) {
        jobs.add(name);
    }

    /** The job is gone (deleted, or expired after Transcribe's 90 days). */
    public void removeJob(String name) {
        jobs.remove(name);
    }

    public Set<String> jobs() {
        return Set.copyOf(jobs);
    }

    /** The next {@code times} calls are answered {@code status} with error {@code code}. */
    public void failNext(int times, int status, String code, String message) {
        synchronized (faults) {
            for (int i = 0; i < times; i++) {
                faults.add(new Fault(status, code, message));
            }
        }
    }

    /**
     * From now on, each call fails with a 500 InternalFailureException with probability {@code rate}, drawn from
     * {@code random}; half of those failures happen after the call took effect (the answer is lost), as a
     * timeout after the service acted does.
     */
    public void randomFaults(Random random, double rate) {
        this.randomFaultRate = rate;
        this.randomFaults = random;
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String operation) {
        return calls().stream().filter(call -> call.target().equals("Transcribe." + operation)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode request = Json.read(exchange.getRequestBody());
            String[] scope = SigV4.scope(exchange.getRequestHeaders().getFirst("Authorization"));
            calls.add(new Call(target, request, scope == null ? null : scope[0], scope == null ? null : scope[1],
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            Fault fault;
            synchronized (faults) {
                fault = faults.poll();
            }
            if (fault != null) {
                error(exchange, fault.status(), fault.code(), fault.message());
                return;
            }
            String name = request.path("TranscriptionJobName").asText();
            Random random = randomFaults;
            if (random != null) {
                double roll;
                synchronized (random) {
                    roll = random.nextDouble();
                }
                if (roll < randomFaultRate) {
                    if (roll < randomFaultRate / 2) {
                        apply(target, name);
                    }
                    error(exchange, 500, "InternalFailureException", "injected fault");
                    return;
                }
            }
            switch (target) {
                case "Transcribe.StartTranscriptionJob" -> {
                    if (!jobs.add(name)) {
                        error(exchange, 400, "ConflictException",
                                "The requested job name already exists. Use a different job name.");
                        return;
                    }
                    ObjectNode job = ((ObjectNode) request.deepCopy()).put("TranscriptionJobStatus", "IN_PROGRESS");
                    ObjectNode answer = Json.object();
                    answer.set("TranscriptionJob", job);
                    send(exchange, 200, Json.write(answer));
                }
                case "Transcribe.DeleteTranscriptionJob" -> {
                    if (!jobs.remove(name)) {
                        error(exchange, 400, "BadRequestException",
                                "The requested job couldn't be found. Check the job name and try your request again.");
                        return;
                    }
                    send(exchange, 200, "");
                }
                default -> error(exchange, 400, "UnknownOperationException", target);
            }
        }
    }

    /** What a call does to the jobs, without an answer. */
    private void apply(String target, String name) {
        if (target.equals("Transcribe.StartTranscriptionJob")) {
            jobs.add(name);
        } else if (target.equals("Transcribe.DeleteTranscriptionJob")) {
            jobs.remove(name);
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, Json.write(Json.object().put("__type", code).put("Message", message)));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackHttp.send(exchange, status, "application/x-amz-json-1.1", body);
    }

    @Override
    public void close() {
        if (defaultEndpoint != null) {
            defaultEndpoint.close();
        }
        server.stop(0);
    }
}
