package dev.scvcdk.lambdas.common.aws;

import dev.scvcdk.lambdas.common.env.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The endpoint of a service, chosen as the SDK chooses it when no code overrides it:
 * <ol>
 *   <li>the service's system property ({@code aws.endpointUrlSsm}, {@code aws.endpointUrlSecretsManager},
 *       {@code aws.endpointUrlLambda}), then its environment variable ({@code AWS_ENDPOINT_URL_SSM},
 *       {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, {@code AWS_ENDPOINT_URL_LAMBDA});</li>
 *   <li>the global {@code aws.endpointUrl}, then {@code AWS_ENDPOINT_URL};</li>
 *   <li>else {@code https://<service>.<region>.<partition DNS suffix>} ({@code amazonaws.com} in the commercial
 *       and GovCloud partitions, {@code amazonaws.com.cn} in China).</li>
 * </ol>
 * {@code aws.ignoreConfiguredEndpointUrls} / {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = true} skips the
 * overrides, as in the SDK. Endpoint settings in the shared config file ({@code ~/.aws/config}) are not read:
 * a Lambda function has none.
 *
 * <p>FIPS and dual-stack endpoints ({@code AWS_USE_FIPS_ENDPOINT}, {@code AWS_USE_DUALSTACK_ENDPOINT} and
 * their {@code aws.*} properties) have service- and partition-specific host names that only the SDK's endpoint
 * rule sets know. Rather than silently calling a non-FIPS endpoint, asking for either without an endpoint
 * override is a configuration error that names the override to set (e.g.
 * {@code AWS_ENDPOINT_URL_SSM=https://ssm-fips.us-east-1.amazonaws.com}). Lambda does not set them by default.
 */
public final class AwsEndpoints {
    private final Map<String, String> environment;
    private final Properties properties;

    public AwsEndpoints(Map<String, String> environment, Properties properties) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** From this process's environment and system properties. */
    public static AwsEndpoints fromSystem() {
        return new AwsEndpoints(System.getenv(), System.getProperties());
    }

    /**
     * @throws ConfigurationException when an override is not an absolute http(s) URL, or FIPS/dual-stack
     *                                endpoints are asked for without an override
     */
    public URI resolve(AwsService service, String region) {
        if (!isTrue("aws.ignoreConfiguredEndpointUrls", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) {
            for (List<String> setting : List.of(
                    List.of(service.endpointProperty(), service.endpointVariable()),
                    List.of("aws.endpointUrl", "AWS_ENDPOINT_URL"))) {
                Optional<URI> configured = configured(setting.get(0), setting.get(1));
                if (configured.isPresent()) {
                    return configured.get();
                }
            }
        }
        for (List<String> setting : List.of(List.of("aws.useFipsEndpoint", "AWS_USE_FIPS_ENDPOINT"),
                List.of("aws.useDualstackEndpoint", "AWS_USE_DUALSTACK_ENDPOINT"))) {
            if (isTrue(setting.get(0), setting.get(1))) {
                throw new ConfigurationException(List.of(setting.get(1) + " is true, but this function's AWS "
                        + "client derives only standard endpoints: set " + service.endpointVariable()
                        + " to the " + service.signingName() + " endpoint to use in " + region));
            }
        }
        String dnsSuffix = PartitionMetadata.of(Region.of(region)).dnsSuffix();
        return URI.create("https://" + service.signingName() + "." + region + "." + dnsSuffix);
    }

    /**
     * The service's own endpoint setting ({@code aws.endpointUrl<Id>}, then {@code AWS_ENDPOINT_URL_<ID>}) when
     * set and not ignored — for a service whose endpoint is otherwise discovered at run time (Kinesis Video media:
     * the global {@code AWS_ENDPOINT_URL} does not replace the data endpoint GetDataEndpoint answers).
     *
     * @throws ConfigurationException when the setting is not an absolute http(s) URL
     */
    public Optional<URI> serviceOverride(AwsService service) {
        if (isTrue("aws.ignoreConfiguredEndpointUrls", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) {
            return Optional.empty();
        }
        return configured(service.endpointProperty(), service.endpointVariable());
    }

    private Optional<URI> configured(String property, String variable) {
        String fromProperty = properties.getProperty(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(parse(property, fromProperty.trim()));
        }
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(parse(variable, fromEnvironment.trim()));
        }
        return Optional.empty();
    }

    private static URI parse(String setting, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the rule
        }
        throw new ConfigurationException(List.of(setting + " is '" + value
                + "': must be an absolute http:// or https:// URL"));
    }

    private boolean isTrue(String property, String variable) {
        String value = properties.getProperty(property);
        if (value == null) {
            value = environment.get(variable);
        }
        return value != null && value.trim().equalsIgnoreCase("true");
    }
}
