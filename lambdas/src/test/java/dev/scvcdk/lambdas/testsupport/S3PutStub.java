package dev.scvcdk.lambdas.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback stand-in for S3 PutObject, path-style ({@code PUT /<bucket>/<key>}), as the SDK's S3 client sends it
 * to an IP endpoint: it records each object with its content type and {@code x-amz-tagging}, decoding
 * {@code aws-chunked} bodies (signed chunks or unsigned with trailing checksums). Scripted error statuses fail the
 * next puts.
 */
public final class S3PutStub implements AutoCloseable {
    /** One stored object. */
    public record PutObject(String bucket, String key, String contentType, String tagging, byte[] body,
                            boolean signed) {
        /** The tags as name → value, URL-decoded, in order. */
        public Map<String, String> tags() {
            Map<String, String> tags = new LinkedHashMap<>();
            if (tagging == null || tagging.isEmpty()) {
                return tags;
            }
            for (String pair : tagging.split("&")) {
                int equals = pair.indexOf('=');
                tags.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return tags;
        }
    }

    private final HttpServer server;
    private final List<PutObject> puts = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Integer> failures = new ArrayDeque<>();
    private int attempts;
    private AwsSystemProperties defaultEndpoint;

    public S3PutStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A stub the default chains point at ({@code aws.endpointUrlS3}, region, credentials); restored on close. */
    public static S3PutStub asDefaultEndpoint() throws IOException {
        S3PutStub stub = new S3PutStub();
        stub.defaultEndpoint = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", stub.endpoint()));
        return stub;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next put attempts answer these statuses (an S3 error document) and store nothing. */
    public synchronized S3PutStub failPuts(Integer... statuses) {
        failures.addAll(List.of(statuses));
        return this;
    }

    /** Objects stored, in order. */
    public List<PutObject> puts() {
        synchronized (puts) {
            return List.copyOf(puts);
        }
    }

    /** Put attempts, failed ones included. */
    public synchronized int attempts() {
        return attempts;
    }

    private synchronized Integer nextFailure() {
        attempts++;
        return failures.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (!"PUT".equals(exchange.getRequestMethod()) || path.indexOf('/', 1) < 0) {
                send(exchange, 405, error("MethodNotAllowed"));
                return;
            }
            Integer failure = nextFailure();
            if (failure != null) {
                send(exchange, failure, error(failure == 403 ? "AccessDenied" : "InternalError"));
                return;
            }
            String bucket = path.substring(1, path.indexOf('/', 1));
            String key = URLDecoder.decode(path.substring(path.indexOf('/', 1) + 1), StandardCharsets.UTF_8);
            String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            boolean chunked = sha != null && sha.startsWith("STREAMING-")
                    || encoding != null && encoding.contains("aws-chunked");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            puts.add(new PutObject(bucket, key, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("x-amz-tagging"), chunked ? decodeChunked(raw) : raw,
                    authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")));
            exchange.getResponseHeaders().set("ETag", "\"stand-in\"");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** The payload of an {@code aws-chunked} body: {@code <hex size>[;ext]\r\n<data>\r\n}… up to the 0 chunk. */
    static byte[] decodeChunked(byte[] raw) throws IOException {
        InputStream in = new ByteArrayInputStream(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String line = line(in);
            int size = Integer.parseInt(line.split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("aws-chunked body ends early");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static String error(String code) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>stand-in</Message>"
                + "<RequestId>stand-in</RequestId></Error>";
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (defaultEndpoint != null) {
            defaultEndpoint.close();
        }
        server.stop(0);
    }
}
