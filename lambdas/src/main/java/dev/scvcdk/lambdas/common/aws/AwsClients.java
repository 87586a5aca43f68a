package dev.scvcdk.lambdas.common.aws;

/**
 * Factories for the AWS clients a handler keeps for its container's life (in a static holder): each call builds
 * a new, cheap client object; the credentials provider and the HTTP connection pool underneath are shared (see
 * {@link AwsApiClient#create}). Region, credentials and endpoint come from the SDK's
 * default chains, so {@code AWS_REGION}, the Lambda role's credentials and the endpoint overrides
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL_LAMBDA},
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or the matching {@code aws.*} system properties) all apply.
 * Each is a thin {@link AwsApiClient} rather than an SDK service client: see there for why.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static SsmApi ssm() {
        return new SsmApi(AwsApiClient.create(AwsService.SSM));
    }

    public static SecretsManagerApi secretsManager() {
        return new SecretsManagerApi(AwsApiClient.create(AwsService.SECRETS_MANAGER));
    }

    public static FunctionInvoker lambda() {
        return new LambdaFunctionInvoker(AwsApiClient.create(AwsService.LAMBDA));
    }
}
