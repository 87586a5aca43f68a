package dev.scvcdk.lambdas.common.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SDK clients for handlers, built once per container. Region, credentials and endpoint come from the SDK's
 * default chains, so {@code AWS_REGION}, the Lambda role's credentials and the endpoint overrides
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL_LAMBDA},
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or the matching {@code aws.*} system properties) all apply.
 * The URLConnection HTTP client is named explicitly: it is the only one on the class path, and naming it
 * skips the service-loader scan at cold start.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static SsmClient ssm() {
        return SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static LambdaClient lambda() {
        return LambdaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
