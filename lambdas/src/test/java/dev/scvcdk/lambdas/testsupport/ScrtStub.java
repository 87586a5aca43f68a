package dev.scvcdk.lambdas.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local stand-in for the SCRT API on 127.0.0.1: verifies every request's bearer JWT (RS256 signature
 * against the public key, iss, sub, aud, exp, a unique UUID jti), the provider and content-type headers,
 * then answers with whatever the test's responder says. Verification failures are answered 401 and recorded
 * in {@link #problems()}, which every test asserts empty.
 */
public final class ScrtStub implements AutoCloseable {
    public static final String BASE_PATH = "/telephony/v1";

    /** What the stub received; {@code pathWithinBase} is the path after {@link #BASE_PATH}. */
    public record Received(String method, String pathWithinBase, String body, String contentType, JWTClaimsSet claims) {
    }

    /** The answer: a status and body, optionally after a delay, or a dropped connection. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay, boolean dropConnection) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO, false);
        }

        public static Reply dropped() {
            return new Reply(0, "", Map.of(), Duration.ZERO, true);
        }

        /** Answers after {@code delay}; never counted as accepted, as the client is meant to have given up. */
        public static Reply delayed(Duration delay, int status) {
            return new Reply(status, "{}", Map.of(), delay, false);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, Map.copyOf(all), delay, dropConnection);
        }
    }

    private final RSAPublicKey publicKey;
    private final String orgId;
    private final String callCenterApiName;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Received> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();
    private volatile Function<Received, Reply> responder = request -> Reply.json(200, "{}");

    public ScrtStub(RSAPublicKey publicKey, String orgId, String callCenterApiName) throws IOException {
        this.publicKey = publicKey;
        this.orgId = orgId;
        this.callCenterApiName = callCenterApiName;
        this.server = LoopbackHttp.start(this::handle, 64, executor);
    }

    public String baseUrl() {
        return LoopbackHttp.endpoint(server) + BASE_PATH;
    }

    public void respondWith(Function<Received, Reply> responder) {
        this.responder = responder;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Requests answered with a 2xx: what Salesforce would have accepted. */
    public List<Received> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            JWTClaimsSet claims = verify(exchange, path, contentType);
            if (claims == null) {
                send(exchange, 401, "[{\"errorCode\":\"INVALID_AUTH\"}]", Map.of());
                return;
            }
            Received request = new Received(exchange.getRequestMethod(), path.substring(BASE_PATH.length()), body,
                    contentType, claims);
            received.add(request);
            Reply reply = responder.apply(request);
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.dropConnection()) {
                // Closing without a response makes the client see the connection end mid-exchange.
                return;
            }
            if (reply.status() >= 200 && reply.status() <= 299 && reply.delay().isZero()) {
                accepted.add(request);
            }
            send(exchange, reply.status(), reply.body(), reply.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JWTClaimsSet verify(HttpExchange exchange, String path, String contentType) {
        List<String> found = new ArrayList<>();
        if (!path.startsWith(BASE_PATH + "/voiceCalls")) {
            found.add("unexpected path " + path);
        }
        if (!"amazon-connect".equals(exchange.getRequestHeaders().getFirst("Telephony-Provider-Name"))) {
            found.add("Telephony-Provider-Name header is " + exchange.getRequestHeaders().getFirst("Telephony-Provider-Name"));
        }
        if (contentType == null || !contentType.startsWith("application/json")) {
            found.add("Content-Type is " + contentType);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JWTClaimsSet claims = null;
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            found.add("no bearer token");
        } else {
            try {
                SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
                if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                    found.add("alg is " + jwt.getHeader().getAlgorithm());
                }
                if (!jwt.verify(new RSASSAVerifier(publicKey))) {
                    found.add("signature does not verify");
                }
                claims = jwt.getJWTClaimsSet();
                if (!orgId.equals(claims.getIssuer())) {
                    found.add("iss is " + claims.getIssuer());
                }
                if (!callCenterApiName.equals(claims.getSubject())) {
                    found.add("sub is " + claims.getSubject());
                }
                if (!List.of("https://scrt.salesforce.com").equals(claims.getAudience())) {
                    found.add("aud is " + claims.getAudience());
                }
                Instant expectedExpiry = Instant.now().plus(Duration.ofMinutes(5));
                if (claims.getExpirationTime() == null
                        || Duration.between(claims.getExpirationTime().toInstant(), expectedExpiry).abs().getSeconds() > 10) {
                    found.add("exp is " + claims.getExpirationTime() + ", not about now + 5 min");
                }
                String jti = claims.getJWTID();
                if (jti == null) {
                    found.add("no jti");
                } else {
                    UUID.fromString(jti);
                    if (!seenJtis.add(jti)) {
                        found.add("jti " + jti + " reused");
                    }
                }
            } catch (java.text.ParseException | com.nimbusds.jose.JOSEException | IllegalArgumentException e) {
                found.add("token unreadable: " + e.getMessage());
            }
        }
        problems.addAll(found);
        return found.isEmpty() ? claims : null;
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        LoopbackHttp.send(exchange, status, headers.getOrDefault("Content-Type", "application/json"), body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
