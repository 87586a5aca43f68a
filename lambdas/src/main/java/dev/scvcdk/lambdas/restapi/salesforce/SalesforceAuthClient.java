package dev.scvcdk.lambdas.restapi.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.common.snapstart.Restorable;
import dev.scvcdk.lambdas.common.json.Json;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Salesforce access tokens through the OAuth 2.0 JWT bearer flow.
 *
 * <p>The assertion is signed RS256 with the connected app's private key: {@code iss} = consumer key,
 * {@code sub} = the integration user, {@code aud} = the login host, {@code exp} three minutes out and
 * a fresh {@code jti}. The token is kept in memory for the container's life and in the access-token
 * SecureString, so a cold container starts with the token the last one obtained instead of asking
 * Salesforce again. Neither the token nor the assertion is ever logged.
 */
public final class SalesforceAuthClient implements Restorable {

    /** Salesforce accepts assertions that expire within three minutes. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);
    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /**
     * Names of the SSM parameters the flow reads and writes.
     *
     * @param consumerKey the connected app's consumer key ({@code CONSUMER_KEY_PARAM_NAME})
     * @param audience    the JWT audience, the login host ({@code AUDIENCE})
     * @param subject     the integration user's username ({@code SUBJECT})
     * @param accessToken where the current access token is kept ({@code ACCESS_TOKEN_PARAM_NAME})
     */
    public record ParameterNames(String consumerKey, String audience, String subject, String accessToken) {
    }

    private record Claims(String consumerKey, String audience, String subject) {
    }

    private final URI authEndpoint;
    private final ParameterNames names;
    private final SsmApi ssm;
    private final Supplier<RSAPrivateKey> privateKey;
    private final RetryingHttpClient http;
    private final Clock clock;
    private final StructuredLogger log;
    private final RandomIds ids;

    private Claims claims;
    private String accessToken;
    private boolean storedTokenRead;

    /**
     * @param privateKey the connected app's private key, read (and cached) by the caller's provider
     */
    public SalesforceAuthClient(URI authEndpoint, ParameterNames names, SsmApi ssm, Supplier<RSAPrivateKey> privateKey,
            RetryingHttpClient http, Clock clock, StructuredLogger log, RandomIds ids) {
        this.authEndpoint = authEndpoint;
        this.names = names;
        this.ssm = ssm;
        this.privateKey = privateKey;
        this.http = http;
        this.clock = clock;
        this.log = log;
        this.ids = ids;
    }

    /**
     * Before a SnapStart snapshot: the access token and the claims read from SSM are forgotten, so every restored
     * environment reads the stored token (or obtains one) itself.
     */
    @Override
    public synchronized void beforeCheckpoint() {
        accessToken = null;
        claims = null;
        storedTokenRead = false;
    }

    /** The token to use: from memory, else (cold start) from the access-token parameter, else a new one. */
    public synchronized String accessToken(String contactId) {
        if (accessToken != null) {
            return accessToken;
        }
        if (!storedTokenRead) {
            storedTokenRead = true;
            Optional<String> stored = readStoredToken(contactId);
            if (stored.isPresent()) {
                accessToken = stored.get();
                return accessToken;
            }
        }
        return renew(contactId);
    }

    /**
     * A new token after Salesforce rejected {@code rejected}. If the token in memory has already moved
     * on, that one is returned rather than asking again.
     */
    public synchronized String renewAfterRejection(String rejected, String contactId) {
        if (accessToken != null && !accessToken.equals(rejected)) {
            return accessToken;
        }
        accessToken = null;
        return renew(contactId);
    }

    private String renew(String contactId) {
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(authEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, contactId);
        } catch (IOException e) {
            throw new SalesforceApiException(503, StatusTexts.of(503), "AUTH_CONNECTION_ERROR",
                    "token endpoint unreachable: " + e.getClass().getSimpleName());
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            // The connected app or user may have changed: read the claims again next time.
            claims = null;
            throw new SalesforceApiException(response.statusCode(), StatusTexts.of(response.statusCode()),
                    body.path("error").asText("TOKEN_REQUEST_FAILED"),
                    "token request refused: " + body.path("error_description").asText(""));
        }
        accessToken = body.get("access_token").asText();
        log.info("obtained a Salesforce access token", contactId, Map.of("endpoint", authEndpoint.getPath()));
        storeToken(accessToken, contactId);
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
                .jwtID(ids.next().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set);
        try {
            jwt.sign(new RSASSASigner(privateKey.get()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the Salesforce JWT assertion with the key named by "
                    + "PRIVATE_KEY_PARAM_NAME: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private Claims claims() {
        if (claims == null) {
            List<String> wanted = List.of(names.consumerKey(), names.audience(), names.subject());
            SsmApi.Parameters response = ssm.getParameters(wanted, true);
            if (!response.invalidParameters().isEmpty()) {
                throw new IllegalStateException("SSM parameters not found: " + response.invalidParameters()
                        + " (named by CONSUMER_KEY_PARAM_NAME, AUDIENCE and SUBJECT)");
            }
            Map<String, String> values = response.parameters().stream()
                    .collect(Collectors.toMap(SsmApi.Parameter::name, SsmApi.Parameter::value));
            claims = new Claims(values.get(names.consumerKey()).strip(), values.get(names.audience()).strip(),
                    values.get(names.subject()).strip());
        }
        return claims;
    }

    private Optional<String> readStoredToken(String contactId) {
        try {
            String value = ssm.getParameter(names.accessToken(), true).value();
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        } catch (AwsApiException e) {
            if (e.is(SsmApi.PARAMETER_NOT_FOUND)) {
                return Optional.empty();
            }
            // The stored token is only a cache: a new one can always be obtained.
            log.warn("cannot read the stored access token; obtaining a new one", contactId,
                    Map.of("parameter", names.accessToken(), "reason", e.errorCode()));
            return Optional.empty();
        }
    }

    private void storeToken(String token, String contactId) {
        try {
            ssm.putSecureString(names.accessToken(), token, true, null, null, Map.of());
        } catch (AwsApiException e) {
            // The caller still gets its answer; the next cold start just asks Salesforce again.
            log.warn("cannot store the access token", contactId,
                    Map.of("parameter", names.accessToken(), "reason", e.errorCode()));
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.object();
        }
    }
}
