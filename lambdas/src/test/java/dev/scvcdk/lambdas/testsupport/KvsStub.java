package dev.scvcdk.lambdas.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback stand-in for Kinesis Video: the control plane's {@code POST /getDataEndpoint} (answering its own
 * address as the data endpoint) and the media plane's {@code POST /getMedia} (streaming, chunked, the MKV set
 * for the stream — see {@link KvsMkvWriter}). Faults: scripted error statuses before the media, a body cut off
 * after some bytes, and a live stream that goes on sending fragments until the client hangs up.
 */
public final class KvsStub implements AutoCloseable {
    /** One request: the path, its JSON body, and the SigV4 credential scope's service (null when unsigned). */
    public record Call(String path, JsonNode request, String signingService) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kvs-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private final Map<String, byte[]> liveTail = new ConcurrentHashMap<>();
    private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    private final Set<String> silentAfter = ConcurrentHashMap.newKeySet();
    private final Deque<Integer> mediaStatuses = new ArrayDeque<>();
    private final Deque<Integer> endpointStatuses = new ArrayDeque<>();
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private volatile String dataEndpoint;
    private AwsSystemProperties defaultEndpoint;

    public KvsStub() throws IOException {
        server = LoopbackHttp.start(this::handle, 16, executor);
        dataEndpoint = endpoint();
    }

    /**
     * A stub the default chains point at: region, credentials and {@code aws.endpointUrlKinesisVideo} (the data
     * endpoint it answers is itself), restored on {@link #close()}.
     */
    public static KvsStub asDefaultEndpoint() throws IOException {
        KvsStub stub = new KvsStub();
        stub.defaultEndpoint = AwsSystemProperties.with(Map.of("aws.endpointUrlKinesisVideo", stub.endpoint()));
        return stub;
    }

    public String endpoint() {
        return LoopbackHttp.endpoint(server);
    }

    /** GetMedia on {@code streamName} answers {@code mkv}, then ends the response. */
    public KvsStub media(String streamName, byte[] mkv) {
        media.put(streamName, mkv);
        return this;
    }

    /**
     * GetMedia on {@code streamName} answers {@code mkv}, then repeats {@code tail} (later fragments of a live
     * stream) until the client closes the connection.
     */
    public KvsStub liveMedia(String streamName, byte[] mkv, byte[] tail) {
        media.put(streamName, mkv);
        liveTail.put(streamName, tail);
        return this;
    }

    /** GetMedia on {@code streamName} sends only the first {@code bytes} bytes, then drops the connection. */
    public KvsStub cutAfter(String streamName, int bytes) {
        cutAfter.put(streamName, bytes);
        return this;
    }

    /**
     * GetMedia on {@code streamName} answers its media, then keeps the connection open and sends nothing more: a
     * half-open connection, as the client sees it.
     */
    public KvsStub silentAfterMedia(String streamName) {
        silentAfter.add(streamName);
        return this;
    }

    /** The next GetMedia calls answer these statuses (with a Kinesis Video error) before media is served. */
    public synchronized KvsStub failGetMedia(Integer... statuses) {
        mediaStatuses.addAll(List.of(statuses));
        return this;
    }

    /** The next GetDataEndpoint calls answer these statuses. */
    public synchronized KvsStub failGetDataEndpoint(Integer... statuses) {
        endpointStatuses.addAll(List.of(statuses));
        return this;
    }

    /** The data endpoint GetDataEndpoint answers (default: this stub). */
    public KvsStub answerDataEndpoint(String endpoint) {
        dataEndpoint = endpoint;
        return this;
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String path) {
        return calls().stream().filter(call -> call.path().equals(path)).toList();
    }

    /** Waits (at most 10 s, a guard against a hung test) for a live stream's client to hang up. */
    public boolean clientHungUp() throws InterruptedException {
        return hungUp.await(10, TimeUnit.SECONDS);
    }

    private synchronized Integer nextStatus(Deque<Integer> statuses) {
        return statuses.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            JsonNode request = Json.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] scope = SigV4.scope(exchange.getRequestHeaders().getFirst("Authorization"));
            calls.add(new Call(path, request, scope == null ? null : scope[1]));
            String stream = Json.text(request, "StreamName");
            switch (path) {
                case "/getDataEndpoint" -> {
                    Integer status = nextStatus(endpointStatuses);
                    if (status != null) {
                        error(exchange, status);
                    } else if (!"GET_MEDIA".equals(Json.text(request, "APIName")) || !media.containsKey(stream)) {
                        notFound(exchange, stream);
                    } else {
                        json(exchange, 200, Json.write(Map.of("DataEndpoint", dataEndpoint)));
                    }
                }
                case "/getMedia" -> {
                    Integer status = nextStatus(mediaStatuses);
                    if (status != null) {
                        error(exchange, status);
                    } else if (!media.containsKey(stream)) {
                        notFound(exchange, stream);
                    } else {
                        stream(exchange, stream);
                    }
                }
                default -> json(exchange, 404, "{\"Message\":\"unexpected " + path + "\"}");
            }
        }
    }

    private void stream(HttpExchange exchange, String stream) throws IOException {
        byte[] mkv = media.get(stream);
        Integer cut = cutAfter.get(stream);
        exchange.getResponseHeaders().set("Content-Type", "video/webm");
        if (cut != null) {
            // Promise the whole body, send part of it and hang up: the client's read fails mid-way.
            exchange.sendResponseHeaders(200, mkv.length);
            OutputStream out = exchange.getResponseBody();
            out.write(mkv, 0, Math.min(cut, mkv.length));
            out.flush();
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(mkv);
        out.flush();
        if (silentAfter.contains(stream)) {
            try {
                Thread.sleep(Long.MAX_VALUE);   // until the stub closes (its executor interrupts)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        byte[] tail = liveTail.get(stream);
        if (tail != null) {
            try {
                while (true) {
                    out.write(tail);
                    out.flush();
                }
            } catch (IOException e) {
                hungUp.countDown();
                return;
            }
        }
        out.close();
    }

    private static void error(HttpExchange exchange, int status) throws IOException {
        String type = status == 400 ? "ClientLimitExceededException" : "InternalFailure";
        exchange.getResponseHeaders().set("x-amz-ErrorType", type + ":");
        json(exchange, status, "{\"Message\":\"stand-in " + type + "\"}");
    }

    private static void notFound(HttpExchange exchange, String stream) throws IOException {
        exchange.getResponseHeaders().set("x-amz-ErrorType", "ResourceNotFoundException:");
        json(exchange, 404, "{\"Message\":\"The requested stream " + stream + " was not found\"}");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackHttp.send(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        if (defaultEndpoint != null) {
            defaultEndpoint.close();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
