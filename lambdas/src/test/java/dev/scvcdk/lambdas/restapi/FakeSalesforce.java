package dev.scvcdk.lambdas.restapi;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for a Salesforce org. The token endpoint checks the JWT bearer grant the way
 * Salesforce does (grant type, RS256 signature against the connected app's certificate key, issuer,
 * subject, audience, a short expiry); the REST endpoints check the bearer token and record every
 * request so tests can assert paths, methods, headers and the exact SOQL/SOSL received.
 */
final class FakeSalesforce implements AutoCloseable {

    static final String API = "/services/data/v60.0";
    static final String TOKEN_PATH = "/services/oauth2/token";

    /** One REST request as received, query parameters URL-decoded. */
    record Request(String method, String path, Map<String, String> query, String body, String authorization,
            String contentType, String accept) {
    }

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final RSAPublicKey publicKey;
    private final String consumerKey;
    private final String subject;
    private final String audience;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, Queue<Reply>> onceReplies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> grantProblems = new CopyOnWriteArrayList<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private volatile boolean rejectEveryToken;

    FakeSalesforce(RSAPublicKey publicKey, String consumerKey, String subject, String audience) throws IOException {
        this.publicKey = publicKey;
        this.consumerKey = consumerKey;
        this.subject = subject;
        this.audience = audience;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(TOKEN_PATH, this::token);
        server.createContext(API, this::rest);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path below {@code /services/data/v60.0}) with {@code status} and {@code body}. */
    FakeSalesforce reply(String method, String path, int status, String body) {
        replies.put(method + " " + API + path, new Reply(status, body));
        return this;
    }

    /** Answers the next {@code method path} once with {@code status} and {@code body}, before any standing reply. */
    FakeSalesforce replyOnce(String method, String path, int status, String body) {
        onceReplies.computeIfAbsent(method + " " + API + path, k -> new ConcurrentLinkedQueue<>()).add(new Reply(status, body));
        return this;
    }

    /** Accepts {@code token} as if Salesforce had issued it earlier. */
    FakeSalesforce acceptToken(String token) {
        validTokens.add(token);
        return this;
    }

    /** Every token issued so far stops working, as when a session times out. */
    void expireIssuedTokens() {
        validTokens.clear();
    }

    /** No token works, not even new ones (a revoked integration user). */
    void rejectEveryToken() {
        rejectEveryToken = true;
    }

    List<Request> requests() {
        return requests;
    }

    Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one REST request, got " + requests);
        }
        return requests.get(0);
    }

    int tokenCalls() {
        return tokenCalls.get();
    }

    /** What was wrong with any token request; empty when every grant was valid. */
    List<String> grantProblems() {
        return grantProblems;
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenCalls.incrementAndGet();
        Map<String, String> form = decodeForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String problem = checkGrant(exchange, form);
        if (problem != null) {
            grantProblems.add(problem);
            send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + problem.replace('"', '\'') + "\"}");
            return;
        }
        String token = "00Dtoken!" + tokenCalls.get();
        validTokens.add(token);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"scope\":\"api\",\"instance_url\":\"" + origin()
                + "\",\"id\":\"x\",\"token_type\":\"Bearer\"}");
    }

    private String checkGrant(HttpExchange exchange, Map<String, String> form) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return "method " + exchange.getRequestMethod();
        }
        if (!"application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            return "content type " + exchange.getRequestHeaders().getFirst("Content-Type");
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return "grant_type " + form.get("grant_type");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(form.get("assertion"));
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return "alg " + jwt.getHeader().getAlgorithm();
            }
            if (!jwt.verify(new RSASSAVerifier(publicKey))) {
                return "signature does not verify";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            Instant exp = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
            if (!consumerKey.equals(claims.getIssuer())) {
                return "iss " + claims.getIssuer();
            }
            if (!subject.equals(claims.getSubject())) {
                return "sub " + claims.getSubject();
            }
            if (!List.of(audience).equals(claims.getAudience())) {
                return "aud " + claims.getAudience();
            }
            if (exp == null || !exp.isAfter(now) || exp.isAfter(now.plus(Duration.ofMinutes(3)).plusSeconds(5))) {
                return "exp " + exp;
            }
            return null;
        } catch (Exception e) {
            return "assertion unreadable: " + e.getMessage();
        }
    }

    private void rest(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestMethod(), path, decodeForm(exchange.getRequestURI().getRawQuery()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), authorization,
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Accept")));
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (rejectEveryToken || !validTokens.contains(token)) {
            send(exchange, 401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
            return;
        }
        String key = exchange.getRequestMethod() + " " + path;
        Queue<Reply> once = onceReplies.get(key);
        Reply reply = once == null || once.isEmpty() ? replies.get(key) : once.poll();
        if (reply == null) {
            send(exchange, 404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"no reply set for "
                    + exchange.getRequestMethod() + " " + path + "\"}]");
            return;
        }
        send(exchange, reply.status(), reply.body());
    }

    private static Map<String, String> decodeForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
