package dev.scvcdk.lambdas.restapi;

import dev.scvcdk.contracts.EnvVar;

import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.env.EnvReader;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * InvokeSalesforceRestApi's configuration, read from the environment variables SCV's own function
 * uses. Every problem is collected and reported in one {@link ConfigurationException} naming the
 * variable, its value and the rule, so a misconfigured function fails at init rather than on a
 * caller's first call.
 *
 * @param privateKeyParamName  {@code PRIVATE_KEY_PARAM_NAME}: SecureString (or Secrets Manager secret ARN) holding
 *                             the connected app's private key (PEM)
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

    /** Reads and validates the configuration; throws {@link ConfigurationException} listing every problem. */
    public static RestApiConfig fromEnvironment(Map<String, String> variables) {
        EnvReader env = EnvReader.of(variables);
        String privateKey = env.required(EnvVar.PRIVATE_KEY_PARAM_NAME);
        String consumerKey = env.required(EnvVar.CONSUMER_KEY_PARAM_NAME);
        String accessToken = env.required(EnvVar.ACCESS_TOKEN_PARAM_NAME);
        String audience = env.required(EnvVar.AUDIENCE);
        String subject = env.required(EnvVar.SUBJECT);
        URI restBase = path(env, EnvVar.SALESFORCE_REST_API_ENDPOINT_BASE, "^.*/services/data/v\\d+\\.\\d+/?$",
                "<org domain>/services/data/vNN.0");
        URI auth = path(env, EnvVar.SALESFORCE_AUTH_ENDPOINT, "^.*/services/oauth2/token/?$", "<org domain>/services/oauth2/token");
        String logLevel = env.logLevel();
        String callCenter = env.optional(EnvVar.CALL_CENTER_API_NAME, null);
        env.validate();
        Optional<String> cc = Optional.ofNullable(callCenter);
        if (cc.isEmpty() && accessToken.endsWith(ACCESS_TOKEN_SUFFIX)) {
            cc = Optional.of(accessToken.substring(0, accessToken.length() - ACCESS_TOKEN_SUFFIX.length()));
        }
        return new RestApiConfig(privateKey, consumerKey, accessToken, audience, subject, restBase, auth, logLevel, cc);
    }

    private static URI path(EnvReader env, String name, String pathRule, String shape) {
        URI uri = env.requiredUrl(name);
        if (uri != null && (uri.getRawPath() == null || !uri.getRawPath().matches(pathRule))) {
            env.problem("environment variable " + name + " is '" + uri + "': must look like " + shape);
            return null;
        }
        return uri;
    }
}
