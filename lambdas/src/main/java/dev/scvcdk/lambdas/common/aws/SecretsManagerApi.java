package dev.scvcdk.lambdas.common.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.Objects;

/**
 * Secrets Manager's GetSecretValue over {@link AwsApiClient} (AWS JSON 1.1,
 * {@code X-Amz-Target: secretsmanager.GetSecretValue}); a missing secret is an {@link AwsApiException} with
 * {@link #RESOURCE_NOT_FOUND}.
 */
public final class SecretsManagerApi {
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";

    /** The current version of a secret; {@code secretString} is null for a binary secret. */
    public record SecretValue(String arn, String name, String versionId, String secretString) {
    }

    private final AwsApiClient client;

    public SecretsManagerApi(AwsApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
        if (client.service() != AwsService.SECRETS_MANAGER) {
            throw new IllegalArgumentException("SecretsManagerApi needs a Secrets Manager client, not "
                    + client.service());
        }
    }

    public SecretValue getSecretValue(String secretId) {
        JsonNode response = client.json("GetSecretValue", Json.object().put("SecretId", secretId));
        return new SecretValue(response.path("ARN").asText(null), response.path("Name").asText(null),
                response.path("VersionId").asText(null), response.path("SecretString").asText(null));
    }
}
