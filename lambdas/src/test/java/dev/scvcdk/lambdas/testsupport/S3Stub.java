package dev.scvcdk.lambdas.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.lambdas.common.media.S3Clients;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A loopback stand-in for the S3 REST-XML calls the media functions make, addressed path-style (as the SDK
 * addresses an IP endpoint):
 * <ul>
 *   <li>GetObject ({@code GET /bucket/key}) and GetObjectTagging ({@code GET /bucket/key?tagging});</li>
 *   <li>ListObjectsV2 ({@code GET /bucket?list-type=2&prefix=…&continuation-token=…}), paging at
 *       {@link #pageSize(int)} keys with opaque continuation tokens, URL-encoding keys for {@code encoding-type=url};</li>
 *   <li>PutObject ({@code PUT /bucket/key}), decoding {@code aws-chunked} bodies (signed chunks, or unsigned with
 *       trailing checksums) and keeping the content type and {@code x-amz-tagging}; a put object reads back.</li>
 * </ul>
 * A bucket exists once the test {@linkplain #createBucket(String) creates it} or {@linkplain #store stores} into
 * it; otherwise S3's NoSuchBucket, and NoSuchKey for an absent object. Faults are injected per operation or for
 * any: the next N requests ({@link #failNext}), every request ({@link #refuse}), or at a seeded rate
 * ({@link #randomFaults}). Every request is recorded, failed ones included, with its SigV4 credential scope.
 */
public final class S3Stub implements AutoCloseable {
    /** The S3 operations this stand-in serves. */
    public enum Operation { GET_OBJECT, GET_OBJECT_TAGGING, LIST_OBJECTS_V2, PUT_OBJECT }

    /**
     * One request: method, the operation (null for one the stand-in does not serve), bucket, decoded key (empty
     * for a bucket-level call), decoded query parameters, and the signature's region and service (null if unsigned).
     */
    public record Request(String method, Operation operation, String bucket, String key, Map<String, String> query,
                          String signingRegion, String signingService) {
        /** The decoded path-style path, {@code /bucket} or {@code /bucket/key}. */
        public String path() {
            return "/" + bucket + (key.isEmpty() ? "" : "/" + key);
        }

        public boolean signed() {
            return signingService != null;
        }

        public boolean isTagging() {
            return operation == Operation.GET_OBJECT_TAGGING;
        }
    }

    /** One object PutObject stored, in the order received. */
    public record PutObject(String bucket, String key, String contentType, String tagging, byte[] body,
                            boolean signed) {
        /** The tags as name → value, URL-decoded, in order. */
        public Map<String, String> tags() {
            return parseTagging(tagging);
        }
    }

    private record StoredObject(byte[] body, String contentType, Map<String, String> tags) {
    }

    /** An injected error; a null operation matches any. */
    private record Fault(Operation operation, int status, String code) {
        boolean matches(Operation actual) {
            return operation == null || operation == actual;
        }
    }

    private final HttpServer server;
    private final Map<String, NavigableMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<PutObject> puts = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> nextFaults = new ArrayList<>();
    private final Map<Operation, String> refusals = new ConcurrentHashMap<>();
    private volatile int pageSize = 1000;
    private volatile Random randomFaults;
    private volatile double randomFaultRate;
    private AwsSystemProperties defaultEndpoint;

    public S3Stub() throws IOException {
        server = LoopbackHttp.start(this::handle, 16, null);
    }

    /**
     * A stub the default chains point at ({@code aws.endpointUrlS3}, region and credentials as in
     * {@link AwsSystemProperties}), so {@link S3Clients#create()} reaches it; restored on {@link #close()}.
     */
    public static S3Stub asDefaultEndpoint() throws IOException {
        S3Stub stub = new S3Stub();
        stub.defaultEndpoint = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", stub.endpoint()));
        return stub;
    }

    public String endpoint() {
        return LoopbackHttp.endpoint(server);
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

    /** An empty bucket. */
    public S3Stub createBucket(String bucket) {
        objects(bucket);
        return this;
    }

    /** An untagged object (its bucket created if need be). */
    public S3Stub store(String bucket, String key, String text) {
        return store(bucket, key, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public S3Stub store(String bucket, String key, byte[] body) {
        return store(bucket, key, body, Map.of());
    }

    public S3Stub store(String bucket, String key, String text, Map<String, String> tags) {
        return store(bucket, key, text.getBytes(StandardCharsets.UTF_8), tags);
    }

    public S3Stub store(String bucket, String key, byte[] body, Map<String, String> tags) {
        objects(bucket).put(key, new StoredObject(body, null, new LinkedHashMap<>(tags)));
        return this;
    }

    /** Keys per ListObjectsV2 page (S3's is 1,000). */
    public S3Stub pageSize(int keys) {
        this.pageSize = keys;
        return this;
    }

    /** The next {@code times} requests, of any operation, answer {@code status} with S3 error {@code code}. */
    public S3Stub failNext(int times, int status, String code) {
        return addFaults(null, times, status, code);
    }

    /**
     * The next {@code times} requests of {@code operation} answer {@code status} with S3 error {@code code}
     * (a put stores nothing); other operations are served.
     */
    public S3Stub failNext(Operation operation, int times, int status, String code) {
        return addFaults(operation, times, status, code);
    }

    /** From now on every request of {@code operation} is answered 403 with {@code code} (e.g. AccessDenied, KMS.AccessDenied). */
    public S3Stub refuse(Operation operation, String code) {
        refusals.put(operation, code);
        return this;
    }

    /** From now on each request fails with a 500 InternalError with probability {@code rate}, drawn from {@code random}. */
    public S3Stub randomFaults(Random random, double rate) {
        this.randomFaultRate = rate;
        this.randomFaults = random;
        return this;
    }

    /** Every request, failed ones included, in order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests of one operation, failed ones included, in order. */
    public List<Request> requests(Operation operation) {
        return requests().stream().filter(r -> r.operation() == operation).toList();
    }

    /** Objects PutObject stored, in order (failed puts store nothing). */
    public List<PutObject> puts() {
        synchronized (puts) {
            return List.copyOf(puts);
        }
    }

    private NavigableMap<String, StoredObject> objects(String bucket) {
        return buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>());
    }

    private S3Stub addFaults(Operation operation, int times, int status, String code) {
        synchronized (nextFaults) {
            for (int i = 0; i < times; i++) {
                nextFaults.add(new Fault(operation, status, code));
            }
        }
        return this;
    }

    private Fault fault(Operation operation) {
        synchronized (nextFaults) {
            for (Iterator<Fault> it = nextFaults.iterator(); it.hasNext(); ) {
                Fault fault = it.next();
                if (fault.matches(operation)) {
                    it.remove();
                    return fault;
                }
            }
        }
        String refusal = refusals.get(operation);
        if (refusal != null) {
            return new Fault(operation, 403, refusal);
        }
        Random random = randomFaults;
        if (random != null) {
            synchronized (random) {
                return random.nextDouble() < randomFaultRate ? new Fault(operation, 500, "InternalError") : null;
            }
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            int slash = path.indexOf('/', 1);
            String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
            // The SDK sends '+' in a key as itself or %2B; neither is a space in a path.
            String key = slash < 0 ? "" : URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            Operation operation = operation(method, key, query);
            String[] scope = SigV4.scope(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(new Request(method, operation, bucket, key, query, scope == null ? null : scope[0],
                    scope == null ? null : scope[1]));
            if (operation == null) {
                error(exchange, 405, "MethodNotAllowed", path);
                return;
            }
            Fault fault = fault(operation);
            if (fault != null) {
                error(exchange, fault.status(), fault.code(), path);
                return;
            }
            NavigableMap<String, StoredObject> objects = buckets.get(bucket);
            if (objects == null) {
                error(exchange, 404, "NoSuchBucket", bucket);
                return;
            }
            switch (operation) {
                case LIST_OBJECTS_V2 -> send(exchange, 200, "application/xml", list(bucket, objects, query));
                case PUT_OBJECT -> {
                    put(exchange, bucket, key, raw, scope != null);
                    exchange.getResponseHeaders().set("ETag", "\"stand-in\"");
                    send(exchange, 200, "application/xml", new byte[0]);
                }
                default -> {
                    StoredObject object = objects.get(key);
                    if (object == null) {
                        error(exchange, 404, "NoSuchKey", path);
                    } else if (operation == Operation.GET_OBJECT_TAGGING) {
                        send(exchange, 200, "application/xml", tagging(object.tags()));
                    } else {
                        send(exchange, 200, object.contentType() == null ? "application/octet-stream"
                                : object.contentType(), object.body());
                    }
                }
            }
        }
    }

    private static Operation operation(String method, String key, Map<String, String> query) {
        if ("PUT".equals(method) && !key.isEmpty()) {
            return Operation.PUT_OBJECT;
        }
        if (!"GET".equals(method)) {
            return null;
        }
        if (key.isEmpty()) {
            return query.containsKey("list-type") ? Operation.LIST_OBJECTS_V2 : null;
        }
        return query.containsKey("tagging") ? Operation.GET_OBJECT_TAGGING : Operation.GET_OBJECT;
    }

    private void put(HttpExchange exchange, String bucket, String key, byte[] raw, boolean signed)
            throws IOException {
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        boolean chunked = sha != null && sha.startsWith("STREAMING-")
                || encoding != null && encoding.contains("aws-chunked");
        PutObject put = new PutObject(bucket, key, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("x-amz-tagging"), chunked ? decodeChunked(raw) : raw, signed);
        objects(bucket).put(key, new StoredObject(put.body(), put.contentType(), put.tags()));
        puts.add(put);
    }

    private byte[] list(String bucket, NavigableMap<String, StoredObject> objects, Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        boolean urlEncoded = "url".equals(query.get("encoding-type"));
        // The continuation token is the last key of the previous page, made opaque.
        String token = query.get("continuation-token");
        String after = token == null ? null : new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int keys = pageSize;
        List<String> page = new ArrayList<>();
        boolean truncated = false;
        for (String key : after == null ? objects.keySet() : objects.tailMap(after, false).keySet()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            if (page.size() == keys) {
                truncated = true;
                break;
            }
            page.add(key);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.append("<Name>").append(bucket).append("</Name><Prefix>").append(escape(encode(prefix, urlEncoded)))
                .append("</Prefix><KeyCount>").append(page.size()).append("</KeyCount><MaxKeys>").append(keys)
                .append("</MaxKeys>");
        if (urlEncoded) {
            xml.append("<EncodingType>url</EncodingType>");
        }
        xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        if (token != null) {
            xml.append("<ContinuationToken>").append(token).append("</ContinuationToken>");
        }
        for (String key : page) {
            xml.append("<Contents><Key>").append(escape(encode(key, urlEncoded))).append("</Key>")
                    .append("<LastModified>2026-11-21T10:06:00.000Z</LastModified><ETag>&quot;0123&quot;</ETag>")
                    .append("<Size>").append(objects.get(key).body().length).append("</Size>")
                    .append("<StorageClass>STANDARD</StorageClass></Contents>");
        }
        if (truncated) {
            xml.append("<NextContinuationToken>").append(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.get(page.size() - 1).getBytes(StandardCharsets.UTF_8)))
                    .append("</NextContinuationToken>");
        }
        return xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tagging(Map<String, String> tags) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>");
        tags.forEach((name, value) -> xml.append("<Tag><Key>").append(escape(name))
                .append("</Key><Value>").append(escape(value)).append("</Value></Tag>"));
        return xml.append("</TagSet></Tagging>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The payload of an {@code aws-chunked} body: {@code <hex size>[;ext]\r\n<data>\r\n}… up to the 0 chunk. */
    private static byte[] decodeChunked(byte[] raw) throws IOException {
        InputStream in = new ByteArrayInputStream(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
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

    private static Map<String, String> parseTagging(String tagging) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (tagging == null || tagging.isEmpty()) {
            return tags;
        }
        for (String pair : tagging.split("&")) {
            int equals = pair.indexOf('=');
            tags.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return tags;
    }

    private static Map<String, String> query(String raw) {
        // Same grammar as x-amz-tagging: name=value pairs, form-encoded; "?tagging" is a name with no value.
        return parseTagging(raw);
    }

    private static String encode(String text, boolean urlEncoded) {
        return urlEncoded ? URLEncoder.encode(text, StandardCharsets.UTF_8) : text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void error(HttpExchange exchange, int status, String code, String resource) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + code
                + " from the local S3 stand-in</Message><Resource>" + escape(resource)
                + "</Resource><RequestId>LOCAL</RequestId></Error>";
        send(exchange, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("x-amz-request-id", "LOCAL");
        LoopbackHttp.send(exchange, status, contentType, body);
    }

    @Override
    public void close() {
        if (defaultEndpoint != null) {
            defaultEndpoint.close();
        }
        server.stop(0);
    }
}
