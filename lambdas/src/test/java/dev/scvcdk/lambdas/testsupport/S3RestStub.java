package dev.scvcdk.lambdas.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.media.S3Clients;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A local stand-in for the S3 REST-XML API, path-style ({@code /<bucket>/<key>}): GetObject and GetObjectTagging
 * ({@code ?tagging}) of the objects the test puts, S3's {@code NoSuchKey} error for others, and injected
 * faults. Records every request with its SigV4 credential scope.
 */
public final class S3RestStub implements AutoCloseable {
    /** One request: method, bucket, decoded key, raw query, and the signature's region and service (null if unsigned). */
    public record Request(String method, String bucket, String key, String query, String signingRegion,
                          String signingService) {
        public boolean isTagging() {
            return query != null && query.startsWith("tagging");
        }
    }

    private record StoredObject(byte[] body, Map<String, String> tags) {
    }

    private record Fault(int status, String code) {
    }

    private final HttpServer server;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> faults = new ArrayDeque<>();
    private volatile Random randomFaults;
    private volatile double randomFaultRate;
    private AwsSystemProperties defaultEndpoint;

    public S3RestStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A stub the default chains point at ({@code aws.endpointUrlS3}, region and credentials as in
     * {@link AwsSystemProperties}), so {@link S3Clients#create()} reaches it; restored on {@link #close()}.
     */
    public static S3RestStub asDefaultEndpoint() throws IOException {
        S3RestStub stub = new S3RestStub();
        stub.defaultEndpoint = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", stub.endpoint()));
        return stub;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The production S3 client ({@link S3Clients#builder()}) pointed at this stub in us-west-2 with test
     * credentials, its retries unchanged in number but immediate, so fault tests never wait.
     */
    public S3Client client() {
        S3ClientBuilder builder = S3Clients.builder();
        ClientOverrideConfiguration production = builder.overrideConfiguration();
        return builder.region(Region.US_WEST_2)
                .endpointOverride(URI.create(endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret")))
                .overrideConfiguration(production.toBuilder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                                .build())
                        .build())
                .build();
    }

    public void putObject(String bucket, String key, String body, Map<String, String> tags) {
        objects.put(bucket + "/" + key, new StoredObject(body.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>(tags)));
    }

    /** The next {@code times} requests, of any kind, are answered {@code status} with S3 error {@code code}. */
    public void failNext(int times, int status, String code) {
        synchronized (faults) {
            for (int i = 0; i < times; i++) {
                faults.add(new Fault(status, code));
            }
        }
    }

    /** From now on, each request fails with a 500 InternalError with probability {@code rate}, drawn from {@code random}. */
    public void randomFaults(Random random, double rate) {
        this.randomFaultRate = rate;
        this.randomFaults = random;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            int slash = path.indexOf('/', 1);
            String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
            String key = slash < 0 ? "" : URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            String[] scope = SigV4.scope(exchange.getRequestHeaders().getFirst("Authorization"));
            Request request = new Request(exchange.getRequestMethod(), bucket, key, uri.getRawQuery(),
                    scope == null ? null : scope[0], scope == null ? null : scope[1]);
            requests.add(request);
            Fault fault;
            synchronized (faults) {
                fault = faults.poll();
            }
            Random random = randomFaults;
            if (fault == null && random != null) {
                synchronized (random) {
                    fault = random.nextDouble() < randomFaultRate ? new Fault(500, "InternalError") : null;
                }
            }
            if (fault != null) {
                error(exchange, fault.status(), fault.code(), key);
                return;
            }
            StoredObject object = objects.get(bucket + "/" + key);
            if (!"GET".equals(request.method())) {
                error(exchange, 405, "MethodNotAllowed", key);
            } else if (object == null) {
                error(exchange, 404, "NoSuchKey", key);
            } else if (request.isTagging()) {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>");
                object.tags().forEach((name, value) -> xml.append("<Tag><Key>").append(escape(name))
                        .append("</Key><Value>").append(escape(value)).append("</Value></Tag>"));
                xml.append("</TagSet></Tagging>");
                send(exchange, 200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, "application/octet-stream", object.body());
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String key) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + code + " from the local S3 stand-in</Message><Key>" + escape(key)
                + "</Key><RequestId>LOCAL</RequestId></Error>";
        send(exchange, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amz-request-id", "LOCAL");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        if (defaultEndpoint != null) {
            defaultEndpoint.close();
        }
        server.stop(0);
    }
}
