package dev.scvcdk.lambdas.restapi.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Salesforce access tokens through the OAuth 2.0 JWT bearer flow.
 *
 * <p>The assertion is signed RS256 with the connected app's private key: {@code iss} = consumer key,
 * {@code sub} = the integration user, {@code aud} = the login host, a short {@code exp}. The token is
 * kept in memory for the container's life and in the access-token SecureString, so a cold container
 * starts with the token the last one obtained instead of asking Salesforce again.
 */
public final class SalesforceAuthClient {

    /** Salesforce accepts assertions that expire within three minutes. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** Names of the parameters the flow reads. */
    public record ParameterNames(String consumerKey, String audience, String subject, String accessToken) {
    }

    private final URI authEndpoint;
    private final ParameterNames names;
    private final SsmClient ssm;
    private final Function<SsmClient, RSAPrivateKey> privateKey;
    private final HttpSender http;
    private final ObjectMapper json;
    private final Clock clock;
    private final TokenEvents events;

    private Claims claims;
    private RSAPrivateKey key;
    private String accessToken;
    private boolean storedTokenRead;

    /** What the client reports about its work, for logs; never a token or a key. */
    public interface TokenEvents {
        void tokenRenewed();

        void tokenNotStored(String reason);

        void storedTokenUnreadable(String reason);
    }

    private record Claims(String consumerKey, String audience, String subject) {
    }

    /**
     * @param privateKey reads the connected app's private key (once per container)
     */
    public SalesforceAuthClient(URI authEndpoint, ParameterNames names, SsmClient ssm,
            Function<SsmClient, RSAPrivateKey> privateKey, HttpSender http, ObjectMapper json, Clock clock,
            TokenEvents events) {
        this.authEndpoint = authEndpoint;
        this.names = names;
        this.ssm = ssm;
        this.privateKey = privateKey;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** The token to use: from memory, else (cold start) from the access-token parameter, else a new one. */
    public synchronized String accessToken() {
        if (accessToken != null) {
            return accessToken;
        }
        if (!storedTokenRead) {
            storedTokenRead = true;
            Optional<String> stored = readStoredToken();
            if (stored.isPresent()) {
                accessToken = stored.get();
                return accessToken;
            }
        }
        return renew();
    }

    /**
     * A new token after Salesforce rejected {@code rejected}. If the token in memory has already moved
     * on, that one is returned rather than asking again.
     */
    public synchronized String renewAfterRejection(String rejected) {
        if (accessToken != null && !accessToken.equals(rejected)) {
            return accessToken;
        }
        return renew();
    }

    private String renew() {
        String assertion = assertion();
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(authEndpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            throw new SalesforceApiException(503, StatusTexts.of(503), "AUTH_CONNECTION_ERROR",
                    "token endpoint unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceApiException(503, StatusTexts.of(503), "INTERRUPTED", "interrupted while renewing the token");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new SalesforceApiException(response.statusCode(), StatusTexts.of(response.statusCode()),
                    body.path("error").asText("TOKEN_REQUEST_FAILED"),
                    "token request refused: " + body.path("error_description").asText(""));
        }
        accessToken = body.get("access_token").asText();
        storeToken(accessToken);
        events.tokenRenewed();
        return accessToken;
    }

    private String assertion() {
        Claims c = claims();
        Instant now = clock.instant();
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .issuer(c.consumerKey())
                .subject(c.subject())
                .audience(c.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set);
        try {
            jwt.sign(new RSASSASigner(key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the Salesforce JWT assertion with the key from "
                    + "PRIVATE_KEY_PARAM_NAME: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private Claims claims() {
        if (claims == null) {
            List<String> wanted = List.of(names.consumerKey(), names.audience(), names.subject());
            GetParametersResponse response = ssm.getParameters(b -> b.names(wanted).withDecryption(true));
            if (!response.invalidParameters().isEmpty()) {
                throw new IllegalStateException("SSM parameters not found: " + response.invalidParameters()
                        + " (named by CONSUMER_KEY_PARAM_NAME, AUDIENCE, SUBJECT)");
            }
            Map<String, String> values = response.parameters().stream()
                    .collect(Collectors.toMap(Parameter::name, Parameter::value));
            claims = new Claims(values.get(names.consumerKey()).strip(), values.get(names.audience()).strip(),
                    values.get(names.subject()).strip());
        }
        return claims;
    }

    private RSAPrivateKey key() {
        if (key == null) {
            key = privateKey.apply(ssm);
        }
        return key;
    }

    private Optional<String> readStoredToken() {
        try {
            String value = ssm.getParameter(b -> b.name(names.accessToken()).withDecryption(true)).parameter().value();
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            // The stored token is only a cache: a new one can always be obtained.
            events.storedTokenUnreadable(e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void storeToken(String token) {
        try {
            ssm.putParameter(b -> b.name(names.accessToken()).value(token).type(ParameterType.SECURE_STRING).overwrite(true));
        } catch (SdkException e) {
            // The caller still gets its answer; the next cold start just asks Salesforce again.
            events.tokenNotStored(e.getClass().getSimpleName());
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
