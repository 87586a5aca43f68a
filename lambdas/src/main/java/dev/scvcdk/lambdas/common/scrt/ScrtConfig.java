package dev.scvcdk.lambdas.common.scrt;

import dev.scvcdk.contracts.EnvVar;

import dev.scvcdk.lambdas.common.env.EnvReader;
import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to call the Telephony Integration (SCRT) API.
 *
 * @param orgId             Salesforce org id: the JWT issuer
 * @param callCenterApiName the call center API name: the JWT subject, and {@code callCenterApiName} in bodies
 * @param endpointBase      the SCRT base URL, e.g. {@code https://<my-domain>.my.salesforce-scrt.com/telephony/v1}
 * @param privateKeyName    SSM parameter name or Secrets Manager secret ARN of the signing key
 */
public record ScrtConfig(String orgId, String callCenterApiName, URI endpointBase, String privateKeyName) {
    public static final String PRIVATE_KEY_PARAM_NAME = EnvVar.PRIVATE_KEY_PARAM_NAME;
    public static final String SALESFORCE_ORG_ID = EnvVar.SALESFORCE_ORG_ID;
    public static final String SCRT_ENDPOINT_BASE = EnvVar.SCRT_ENDPOINT_BASE;
    public static final String CALL_CENTER_API_NAME = EnvVar.CALL_CENTER_API_NAME;

    public ScrtConfig {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(callCenterApiName, "callCenterApiName");
        Objects.requireNonNull(endpointBase, "endpointBase");
        Objects.requireNonNull(privateKeyName, "privateKeyName");
    }

    /**
     * Reads the four SCV variables; problems are recorded in {@code env} (call {@link EnvReader#validate()}),
     * and null is returned when any is missing.
     */
    public static ScrtConfig read(EnvReader env) {
        String key = env.required(PRIVATE_KEY_PARAM_NAME);
        String org = env.required(SALESFORCE_ORG_ID);
        URI base = env.requiredUrl(SCRT_ENDPOINT_BASE);
        String callCenter = env.required(CALL_CENTER_API_NAME);
        if (key == null || org == null || base == null || callCenter == null) {
            return null;
        }
        return new ScrtConfig(org, callCenter, base, key);
    }
}
