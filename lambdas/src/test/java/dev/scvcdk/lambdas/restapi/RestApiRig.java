package dev.scvcdk.lambdas.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * One contact center's worth of stand-ins: SSM holding the SCV parameters, a Salesforce org that
 * trusts the connected app's key, and the function's environment pointing at both. Each
 * {@link #newHandler()} is a fresh container (new clients, empty token cache) over the same stand-ins.
 */
final class RestApiRig implements AutoCloseable {

    static final String PRIVATE_KEY = "acme-salesforce-rest-api-auth-private-key";
    static final String CONSUMER_KEY = "acme-salesforce-rest-api-auth-consumer-key";
    static final String ACCESS_TOKEN = "acme-salesforce-rest-api-access-token";
    static final String AUDIENCE = "acme-salesforce-rest-api-audience";
    static final String SUBJECT = "acme-salesforce-rest-api-subject";
    static final String CONSUMER_KEY_VALUE = "3MVG9consumer.key";
    static final String SUBJECT_VALUE = "scv-integration@acme.example";
    static final String AUDIENCE_VALUE = "https://login.salesforce.com/";
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), Duration.ofSeconds(2));

    private static final KeyPair KEYS = generate();

    final FakeSsm ssm;
    final FakeSalesforce salesforce;
    private final SsmApi ssmClient;

    RestApiRig() throws IOException {
        ssm = new FakeSsm()
                .put(PRIVATE_KEY, pem(KEYS))
                .put(CONSUMER_KEY, CONSUMER_KEY_VALUE)
                .put(AUDIENCE, AUDIENCE_VALUE)
                .put(SUBJECT, SUBJECT_VALUE);
        salesforce = new FakeSalesforce((RSAPublicKey) KEYS.getPublic(), CONSUMER_KEY_VALUE, SUBJECT_VALUE, AUDIENCE_VALUE);
        ssmClient = ssm.client();
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PRIVATE_KEY_PARAM_NAME", PRIVATE_KEY);
        env.put("CONSUMER_KEY_PARAM_NAME", CONSUMER_KEY);
        env.put("ACCESS_TOKEN_PARAM_NAME", ACCESS_TOKEN);
        env.put("AUDIENCE", AUDIENCE);
        env.put("SUBJECT", SUBJECT);
        env.put("SALESFORCE_REST_API_ENDPOINT_BASE", salesforce.origin() + FakeSalesforce.API);
        env.put("SALESFORCE_AUTH_ENDPOINT", salesforce.origin() + FakeSalesforce.TOKEN_PATH);
        env.put("LOG_LEVEL", "WARN");
        return env;
    }

    /** A fresh container: configuration read from {@link #env()}, clients through the production AWS and HTTP stacks. */
    InvokeSalesforceRestApiHandler newHandler() {
        InvokeSalesforceRestApiService service = InvokeSalesforceRestApiService.create(
                RestApiConfig.fromEnvironment(env()), ssmClient,
                () -> {
                    throw new AssertionError("Secrets Manager is not used when the key is an SSM parameter");
                },
                FAST_RETRIES);
        return new InvokeSalesforceRestApiHandler(service);
    }

    /** Invokes {@code handler} with the fixture {@code events/restapi/<name>.json}; the answer as the caller reads it. */
    static Map<String, Object> invoke(InvokeSalesforceRestApiHandler handler, String fixture) {
        return invoke(handler, Json.toMap(fixture(fixture)));
    }

    /** Invokes {@code handler} as Lambda does (JSON bytes in and out) and parses the answer as the caller does. */
    static Map<String, Object> invoke(InvokeSalesforceRestApiHandler handler, Map<String, Object> event) {
        return Json.toMap(invokeForJson(handler, event));
    }

    /** The answer's JSON document, exactly as the caller receives it. */
    static JsonNode invokeForJson(InvokeSalesforceRestApiHandler handler, Map<String, Object> event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
            return Json.read(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fixture(String name) {
        String path = "/events/restapi/" + name + ".json";
        try (InputStream in = RestApiRig.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return Json.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair keys) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    @Override
    public void close() {
        ssm.close();
        salesforce.close();
    }

    /** Base for tests that each get their own rig and one handler (container) over it, closed after the test. */
    abstract static class PerTest {

        RestApiRig rig;
        InvokeSalesforceRestApiHandler handler;

        @BeforeEach
        void startRig() throws IOException {
            rig = new RestApiRig();
            handler = rig.newHandler();
        }

        @AfterEach
        void closeRig() {
            rig.close();
        }
    }
}
