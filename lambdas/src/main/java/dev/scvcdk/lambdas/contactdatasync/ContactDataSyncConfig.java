package dev.scvcdk.lambdas.contactdatasync;

import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.env.EnvReader;
import java.util.Locale;
import java.util.Objects;

/**
 * ContactDataSync's settings.
 *
 * @param instanceId      {@code CONNECT_INSTANCE_ID}: the instance contacts are described in
 * @param restApiFunction {@code INVOKE_SALESFORCE_REST_API_ARN}: the REST function's alias ARN
 * @param maxContactIds   {@code MAX_CONTACT_IDS} (default 100): most contacts one request may name
 * @param batchSize       {@code BATCH_SIZE} (default 10): conversations per upload; above 10 every upload request
 *                        is answered 400, as SCV does
 * @param tenantBucket    {@code TENANT_BUCKET_NAME}, or null: then SCV's derivation from the call center name
 * @param callCenterApiName {@code CALL_CENTER_API_NAME}, or null when the bucket is named
 */
record ContactDataSyncConfig(String instanceId, String restApiFunction, int maxContactIds, int batchSize,
                             String tenantBucket, String callCenterApiName) {
    static final int DEFAULT_MAX_CONTACT_IDS = 100;
    static final int DEFAULT_BATCH_SIZE = 10;

    ContactDataSyncConfig {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(restApiFunction, "restApiFunction");
        if (tenantBucket == null && callCenterApiName == null) {
            throw new IllegalArgumentException("either tenantBucket or callCenterApiName is required");
        }
    }

    /** @throws dev.scvcdk.lambdas.common.env.ConfigurationException naming every missing or bad variable */
    static ContactDataSyncConfig read(EnvReader env) {
        String instance = env.required(EnvVar.CONNECT_INSTANCE_ID);
        String function = env.required(EnvVar.INVOKE_SALESFORCE_REST_API_ARN);
        int max = positive(env, EnvVar.MAX_CONTACT_IDS, DEFAULT_MAX_CONTACT_IDS);
        int batch = positive(env, EnvVar.BATCH_SIZE, DEFAULT_BATCH_SIZE);
        String bucket = env.optional(EnvVar.TENANT_BUCKET_NAME, null);
        String callCenter = env.optional(EnvVar.CALL_CENTER_API_NAME, null);
        if (bucket == null && callCenter == null) {
            env.problem("environment variable " + EnvVar.TENANT_BUCKET_NAME + " is not set, nor "
                    + EnvVar.CALL_CENTER_API_NAME + " to derive the tenant bucket from: set one");
        }
        env.logLevel();
        env.validate();
        return new ContactDataSyncConfig(instance, function, max, batch, bucket, callCenter);
    }

    private static int positive(EnvReader env, String name, int defaultValue) {
        String text = env.optional(name, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        env.problem("environment variable " + name + " is '" + text + "': must be a whole number above 0");
        return defaultValue;
    }

    /**
     * The tenant bucket: {@code TENANT_BUCKET_NAME}, else SCV's {@code lower(CALL_CENTER_API_NAME)-<account>} with
     * the account of the invoked function's ARN.
     *
     * @throws IllegalStateException when the bucket must be derived and the ARN names no account
     */
    String bucket(String invokedFunctionArn) {
        if (tenantBucket != null) {
            return tenantBucket;
        }
        String[] parts = invokedFunctionArn == null ? new String[0] : invokedFunctionArn.split(":");
        if (parts.length < 5 || !parts[4].matches("\\d{12}")) {
            throw new IllegalStateException("cannot derive the tenant bucket: " + EnvVar.TENANT_BUCKET_NAME
                    + " is unset and the invoked function ARN '" + invokedFunctionArn + "' names no account");
        }
        return callCenterApiName.toLowerCase(Locale.ROOT) + "-" + parts[4];
    }
}
