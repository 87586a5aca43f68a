package dev.scvcdk.lambdas.common.scrt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScrtClientTest {
    private static final String ORG = "00D5e000000AbCdEAA";
    private static final String CALL_CENTER = "acmecc";

    private ScrtStub scrt;
    private ScrtClient client;

    @BeforeEach
    void start() throws Exception {
        scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
        RetryingHttpClient http = new RetryingHttpClient(HttpClient.newHttpClient(),
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(5)),
                Duration.ofSeconds(2), d -> { }, Clock.systemUTC(), () -> 0.5, new CapturingLog().logger());
        client = new ScrtClient(URI.create(scrt.baseUrl() + "/"),
                new ScrtTokenFactory(ORG, CALL_CENTER, TestKeys::privateKey, Clock.systemUTC()), http);
    }

    @AfterEach
    void stop() {
        assertThat(scrt.problems()).isEmpty();
        scrt.close();
    }

    private static Map<String, Object> body(String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, value);
        return body;
    }

    @Test
    void createVoiceCallPostsToVoiceCallsAndReturnsTheAnswer() throws Exception {
        scrt.respondWith(request -> ScrtStub.Reply.json(200, "{\"voiceCallId\":\"0LQ5e000000AbCd\"}"));
        JsonNode answer = client.createVoiceCall("c-1", body("vendorCallKey", "c-1"));
        assertThat(answer.path("voiceCallId").asText()).isEqualTo("0LQ5e000000AbCd");
        ScrtStub.Received request = scrt.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathWithinBase()).isEqualTo("/voiceCalls");
        assertThat(Json.read(request.body()).path("vendorCallKey").asText()).isEqualTo("c-1");
    }

    @Test
    void everyOperationUsesItsMethodAndPath() {
        client.updateVoiceCall("c-1", body("endTime", "t"));
        client.executeOmniFlow("c-1", body("flowDevName", "f"));
        client.cancelOmniFlowExecution("c-1");
        client.rerouteFlowExecution("c-1");
        client.sendMessage("c-1", body("content", "hi"));
        assertThat(scrt.received()).extracting(r -> r.method() + " " + r.pathWithinBase()).containsExactly(
                "PATCH /voiceCalls/c-1",
                "PATCH /voiceCalls/c-1/omniFlow",
                "PATCH /voiceCalls/c-1/clearRouting",
                "PATCH /voiceCalls/c-1/reroute",
                "POST /voiceCalls/c-1/messages");
        assertThat(scrt.received().get(2).body()).isEmpty();
        assertThat(scrt.received().get(3).body()).isEmpty();
    }

    @Test
    void everyTokenCarriesTheScvClaimsAndAFreshJti() {
        client.cancelOmniFlowExecution("c-1");
        client.cancelOmniFlowExecution("c-1");
        // The stub has verified signature, iss, sub, aud, exp and uniqueness; check the values here too.
        assertThat(scrt.received()).allSatisfy(request -> {
            assertThat(request.claims().getIssuer()).isEqualTo(ORG);
            assertThat(request.claims().getSubject()).isEqualTo(CALL_CENTER);
            assertThat(request.claims().getAudience()).containsExactly("https://scrt.salesforce.com");
            assertThat(UUID.fromString(request.claims().getJWTID())).isNotNull();
        });
        assertThat(scrt.received().get(0).claims().getJWTID()).isNotEqualTo(scrt.received().get(1).claims().getJWTID());
    }

    @Test
    void contactIdIsEncodedAsOnePathSegment() {
        client.updateVoiceCall("a/b c", body("x", 1));
        assertThat(scrt.received().get(0).pathWithinBase()).isEqualTo("/voiceCalls/a%2Fb%20c");
    }

    @Test
    void rejectionIsAnExceptionNamingOperationAndStatus() {
        scrt.respondWith(request -> ScrtStub.Reply.json(404, "[{\"errorCode\":\"NOT_FOUND\"}]"));
        assertThatThrownBy(() -> client.updateVoiceCall("c-404", body("x", 1)))
                .isInstanceOf(ScrtException.class)
                .hasMessageContaining("SCRT updateVoiceCall answered HTTP 404")
                .satisfies(e -> assertThat(((ScrtException) e).status()).isEqualTo(404));
        assertThat(scrt.received()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithANewToken() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        scrt.respondWith(request -> calls.incrementAndGet() < 3
                ? ScrtStub.Reply.json(503, "{}") : ScrtStub.Reply.json(200, "{}"));
        client.updateVoiceCall("c-1", body("x", 1));
        assertThat(scrt.received()).hasSize(3);
    }

    @Test
    void tokenWithTheWrongKeyIsRefusedByTheStandIn() {
        ScrtClient wrongKey = new ScrtClient(URI.create(scrt.baseUrl()), new ScrtTokenFactory(ORG, CALL_CENTER,
                () -> (java.security.interfaces.RSAPrivateKey) TestKeys.otherPair().getPrivate(), Clock.systemUTC()),
                RetryingHttpClient.create(Duration.ofSeconds(1), Duration.ofSeconds(2), RetryPolicy.defaults()));
        assertThatThrownBy(() -> wrongKey.cancelOmniFlowExecution("c-1")).hasMessageContaining("HTTP 401");
        // The stand-in recorded the bad signature; clear it so the shared check passes.
        assertThat(scrt.problems()).containsExactly("signature does not verify");
        scrt.close();
        try {
            scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
