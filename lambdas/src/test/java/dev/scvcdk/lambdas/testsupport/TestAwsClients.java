package dev.scvcdk.lambdas.testsupport;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.FunctionInvoker;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.http.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The production AWS clients, pointed at a loopback stand-in with fixed test credentials in us-west-2. */
public final class TestAwsClients {
    private TestAwsClients() {
    }

    public static AwsApiClient client(AwsService service, URI endpoint) {
        return new AwsApiClient(service, "us-west-2", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret")),
                RetryingHttpClient.create(Duration.ofSeconds(2), Duration.ofSeconds(5), RetryPolicy.defaults()),
                Clock.systemUTC());
    }

    /** As {@link #client}, with the production retry policy but no wait between attempts: for fault tests. */
    public static AwsApiClient noWait(AwsService service, URI endpoint) {
        return new AwsApiClient(service, "us-west-2", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret")),
                new RetryingHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                        RetryPolicy.defaults(), Duration.ofSeconds(5), duration -> { }, Clock.systemUTC(),
                        () -> 0.5, new CapturingLog().logger()),
                Clock.systemUTC());
    }

    public static SsmApi ssm(URI endpoint) {
        return new SsmApi(client(AwsService.SSM, endpoint));
    }

    public static SecretsManagerApi secretsManager(URI endpoint) {
        return new SecretsManagerApi(client(AwsService.SECRETS_MANAGER, endpoint));
    }

    /**
     * A client whose retries (the production policy) wait on {@code sleeper} instead of the clock, with jitter
     * fixed at half the backoff ceiling.
     */
    public static AwsApiClient client(AwsService service, URI endpoint, Sleeper sleeper) {
        RetryingHttpClient http = new RetryingHttpClient(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build(),
                RetryPolicy.defaults(), Duration.ofSeconds(5), sleeper, Clock.systemUTC(), () -> 0.5,
                new CapturingLog().logger());
        return new AwsApiClient(service, "us-west-2", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret")),
                http, Clock.systemUTC());
    }

    /** The production Lambda invoker against {@code endpoint}, its retries waiting on {@code sleeper}. */
    public static FunctionInvoker lambda(URI endpoint, Sleeper sleeper) {
        return new LambdaFunctionInvoker(client(AwsService.LAMBDA, endpoint, sleeper));
    }
}
