package dev.scvcdk.lambdas.restapi;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * InvokeSalesforceRestApi's configuration, read from the environment variables SCV's own function
 * uses. Every problem is collected and reported in one error naming the variable, its value and the
 * rule, so a misconfigured function fails at init rather than on a caller's first call.
 *
 * @param privateKeyParamName  {@code PRIVATE_KEY_PARAM_NAME}: SecureString holding the connected app's private key (PEM)
 * @param consumerKeyParamName {@code CONSUMER_KEY_PARAM_NAME}: SecureString holding the connected app's consumer key
 * @param accessTokenParamName {@code ACCESS_TOKEN_PARAM_NAME}: SecureString caching the access token between containers
 * @param audienceParamName    {@code AUDIENCE}: name of the parameter holding the JWT audience
 * @param subjectParamName     {@code SUBJECT}: name of the parameter holding the JWT subject (the integration user)
 * @param restApiEndpointBase  {@code SALESFORCE_REST_API_ENDPOINT_BASE}: {@code <org domain>/services/data/vNN.0}
 * @param authEndpoint         {@code SALESFORCE_AUTH_ENDPOINT}: {@code <org domain>/services/oauth2/token}
 * @param logLevel             {@code LOG_LEVEL}, default {@code INFO}
 * @param callCenterApiName    {@code CALL_CENTER_API_NAME} when set, else derived from the SCV access-token
 *                             parameter name {@code <cc>-salesforce-rest-api-access-token}; used only by
 *                             {@code fetchOutboundPhoneNumber}
 */
public record RestApiConfig(
        String privateKeyParamName,
        String consumerKeyParamName,
        String accessTokenParamName,
        String audienceParamName,
        String subjectParamName,
        URI restApiEndpointBase,
        URI authEndpoint,
        String logLevel,
        Optional<String> callCenterApiName) {

    static final String ACCESS_TOKEN_SUFFIX = "-salesforce-rest-api-access-token";
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR");

    /** Reads and validates the configuration; throws {@link IllegalStateException} listing every problem. */
    public static RestApiConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String privateKey = required(env, "PRIVATE_KEY_PARAM_NAME", problems);
        String consumerKey = required(env, "CONSUMER_KEY_PARAM_NAME", problems);
        String accessToken = required(env, "ACCESS_TOKEN_PARAM_NAME", problems);
        String audience = required(env, "AUDIENCE", problems);
        String subject = required(env, "SUBJECT", problems);
        URI restBase = url(env, "SALESFORCE_REST_API_ENDPOINT_BASE", "/services/data/v", problems);
        URI auth = url(env, "SALESFORCE_AUTH_ENDPOINT", "/services/oauth2/token", problems);
        String logLevel = Optional.ofNullable(env.get("LOG_LEVEL")).filter(s -> !s.isBlank()).orElse("INFO")
                .strip().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            problems.add("LOG_LEVEL='" + env.get("LOG_LEVEL") + "' must be one of " + LOG_LEVELS);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("InvokeSalesforceRestApi configuration is invalid: " + String.join("; ", problems));
        }
        Optional<String> cc = Optional.ofNullable(env.get("CALL_CENTER_API_NAME")).filter(s -> !s.isBlank());
        if (cc.isEmpty() && accessToken.endsWith(ACCESS_TOKEN_SUFFIX)) {
            cc = Optional.of(accessToken.substring(0, accessToken.length() - ACCESS_TOKEN_SUFFIX.length()));
        }
        return new RestApiConfig(privateKey, consumerKey, accessToken, audience, subject, restBase, auth, logLevel, cc);
    }

    private static String required(Map<String, String> env, String name, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + " is required (the name of an SSM parameter)");
            return null;
        }
        return value.strip();
    }

    /**
     * An absolute https URL whose path contains {@code pathMarker}; plain http is accepted only for a
     * loopback host (local stand-ins), never for a real org.
     */
    private static URI url(Map<String, String> env, String name, String pathMarker, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + " is required (a URL containing " + pathMarker + ")");
            return null;
        }
        String trimmed = value.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            problems.add(name + "='" + value + "' is not a URL: " + e.getReason());
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = "https".equals(scheme) || "http".equals(scheme) && isLoopback(uri.getHost());
        if (uri.getHost() == null || !secure) {
            problems.add(name + "='" + value + "' must be an absolute https URL");
            return null;
        }
        if (uri.getPath() == null || !uri.getPath().contains(pathMarker) || uri.getQuery() != null) {
            problems.add(name + "='" + value + "' must have a path containing " + pathMarker + " and no query");
            return null;
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // Literal addresses only: a name would need DNS, which config validation must not do.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
