package dev.scvcdk.lambdas.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A local stand-in for the two S3 REST-XML calls the media functions make, addressed path-style (as the SDK
 * addresses an IP endpoint): GetObject ({@code GET /bucket/key}) and ListObjectsV2
 * ({@code GET /bucket?list-type=2&prefix=…&continuation-token=…}), paging at {@link #pageSize(int)} keys with
 * continuation tokens, and URL-encoding keys when the client asks for {@code encoding-type=url}. Unknown keys and
 * buckets get S3's NoSuchKey / NoSuchBucket errors.
 */
public final class S3Stub implements AutoCloseable {
    /** One request: method, decoded path, and query parameters. */
    public record Request(String method, String path, Map<String, String> query, boolean signed) {
        public boolean isList() {
            return query.containsKey("list-type");
        }
    }

    private final HttpServer server;
    private final Map<String, NavigableMap<String, byte[]>> buckets = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int pageSize = 1000;
    private volatile String refusedGetCode;

    public S3Stub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void put(String bucket, String key, String text) {
        put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    public void put(String bucket, String key, byte[] bytes) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>()).put(key, bytes);
    }

    /** Keys per ListObjectsV2 page (S3's is 1,000). */
    public void pageSize(int keys) {
        this.pageSize = keys;
    }

    /** From now on every GetObject is answered 403 with {@code code} (e.g. AccessDenied, KMS.AccessDenied). */
    public void refuseGets(String code) {
        this.refusedGetCode = code;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> listRequests() {
        return requests().stream().filter(Request::isList).toList();
    }

    public List<Request> getRequests() {
        return requests().stream().filter(r -> !r.isList()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean signed = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
                    .startsWith("AWS4-HMAC-SHA256");
            Request request = new Request(exchange.getRequestMethod(), path, query, signed);
            requests.add(request);
            String rest = path.startsWith("/") ? path.substring(1) : path;
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            NavigableMap<String, byte[]> objects = buckets.get(bucket);
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("MethodNotAllowed", path));
            } else if (objects == null) {
                send(exchange, 404, error("NoSuchBucket", bucket));
            } else if (request.isList() && slash < 0) {
                send(exchange, 200, list(bucket, objects, query).getBytes(StandardCharsets.UTF_8));
            } else {
                byte[] object = slash < 0 ? null : objects.get(rest.substring(slash + 1));
                if (refusedGetCode != null) {
                    send(exchange, 403, error(refusedGetCode, path));
                } else if (object == null) {
                    send(exchange, 404, error("NoSuchKey", path));
                } else {
                    send(exchange, 200, object);
                }
            }
        }
    }

    private String list(String bucket, NavigableMap<String, byte[]> objects, Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        boolean urlEncoded = "url".equals(query.get("encoding-type"));
        // The continuation token is the last key of the previous page, made opaque.
        String token = query.get("continuation-token");
        String after = token == null ? null
                : new String(java.util.Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        List<String> page = new ArrayList<>();
        boolean truncated = false;
        for (String key : after == null ? objects.keySet() : objects.tailMap(after, false).keySet()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            if (page.size() == pageSize) {
                truncated = true;
                break;
            }
            page.add(key);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.append("<Name>").append(bucket).append("</Name><Prefix>").append(escape(encode(prefix, urlEncoded)))
                .append("</Prefix><KeyCount>").append(page.size()).append("</KeyCount><MaxKeys>").append(pageSize)
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
                    .append("<Size>").append(objects.get(key).length).append("</Size>")
                    .append("<StorageClass>STANDARD</StorageClass></Contents>");
        }
        if (truncated) {
            xml.append("<NextContinuationToken>").append(java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.get(page.size() - 1).getBytes(StandardCharsets.UTF_8)))
                    .append("</NextContinuationToken>");
        }
        return xml.append("</ListBucketResult>").toString();
    }

    private static String encode(String text, boolean urlEncoded) {
        return urlEncoded ? URLEncoder.encode(text, StandardCharsets.UTF_8) : text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] error(String code, String resource) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + code
                + " from the stub</Message><Resource>" + escape(resource) + "</Resource><RequestId>stub</RequestId>"
                + "</Error>").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", status == 200 && body.length > 0 && body[0] != '<'
                ? "application/octet-stream" : "application/xml");
        exchange.getResponseHeaders().set("x-amz-request-id", "stub");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
