package dev.scvcdk.lambdas.common.media;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client of the media functions: the SDK's (addressing, checksums and XML are S3's own), over the small
 * URLConnection HTTP client, signing with the container's shared renewable credentials. Region and endpoint come
 * from the SDK's default chains, so {@code AWS_REGION} and {@code AWS_ENDPOINT_URL_S3} apply (an IP endpoint is
 * addressed path-style by the SDK itself). The SDK's standard retry strategy retries throttling, 5xx and I/O
 * errors a bounded number of times with backoff; each attempt is capped well under the functions' timeouts.
 */
public final class S3Clients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    private S3Clients() {
    }

    /** Built once per container. */
    public static S3Client create() {
        return builder().build();
    }

    /**
     * The production settings, for callers that must change one thing: priming points it at a loopback
     * stand-in, tests also replace the retry backoff so they never wait.
     */
    public static S3ClientBuilder builder() {
        return S3Client.builder()
                .credentialsProvider(AwsApiClient.sharedCredentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .overrideConfiguration(config -> config.apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
    }

    /**
     * A client for priming: the same HTTP client settings, signer and XML unmarshalling, with throwaway session
     * credentials, calling {@code endpoint} (an in-process {@link dev.scvcdk.lambdas.common.snapstart.LoopbackResponder})
     * path-style, as an IP endpoint is addressed.
     */
    public static S3Client forPriming(URI endpoint) {
        return builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAPRIMING",
                        "priming-only", "priming-session-token")))
                .build();
    }
}
