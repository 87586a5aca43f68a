package dev.scvcdk.lambdas.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.common.env.ConfigurationException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Endpoint choice: the SDK's override settings in the SDK's order, else the regional default. */
class AwsEndpointsTest {

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    private static URI resolve(Map<String, String> env, Map<String, String> props, AwsService service) {
        return new AwsEndpoints(env, properties(props)).resolve(service, "us-west-2");
    }

    @Test
    void withoutOverridesTheRegionalEndpointOfTheServiceIsUsed() {
        assertThat(resolve(Map.of(), Map.of(), AwsService.SSM)).hasToString("https://ssm.us-west-2.amazonaws.com");
        assertThat(resolve(Map.of(), Map.of(), AwsService.SECRETS_MANAGER))
                .hasToString("https://secretsmanager.us-west-2.amazonaws.com");
        assertThat(resolve(Map.of(), Map.of(), AwsService.LAMBDA)).hasToString("https://lambda.us-west-2.amazonaws.com");
    }

    @Test
    void govCloudUsesTheSameSuffixAndChinaItsOwn() {
        AwsEndpoints none = new AwsEndpoints(Map.of(), new Properties());
        assertThat(none.resolve(AwsService.SSM, "us-gov-west-1")).hasToString("https://ssm.us-gov-west-1.amazonaws.com");
        assertThat(none.resolve(AwsService.LAMBDA, "cn-north-1")).hasToString("https://lambda.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void theServiceSpecificPropertyBeatsEveryOtherSetting() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_SSM", "http://env-ssm", "AWS_ENDPOINT_URL", "http://env-all");
        Map<String, String> props = Map.of("aws.endpointUrlSsm", "http://prop-ssm", "aws.endpointUrl", "http://prop-all");

        assertThat(resolve(env, props, AwsService.SSM)).hasToString("http://prop-ssm");
    }

    @Test
    void theServiceSpecificVariableBeatsTheGlobalSettings() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://env-sm",
                "AWS_ENDPOINT_URL", "http://env-all");
        Map<String, String> props = Map.of("aws.endpointUrl", "http://prop-all");

        assertThat(resolve(env, props, AwsService.SECRETS_MANAGER)).hasToString("http://env-sm");
    }

    @Test
    void theGlobalPropertyBeatsTheGlobalVariable() {
        assertThat(resolve(Map.of("AWS_ENDPOINT_URL", "http://env-all"), Map.of("aws.endpointUrl", "http://prop-all"),
                AwsService.LAMBDA)).hasToString("http://prop-all");
        assertThat(resolve(Map.of("AWS_ENDPOINT_URL", "http://env-all"), Map.of(), AwsService.LAMBDA))
                .hasToString("http://env-all");
    }

    @Test
    void anotherServicesOverrideDoesNotApply() {
        assertThat(resolve(Map.of("AWS_ENDPOINT_URL_LAMBDA", "http://env-lambda"),
                Map.of("aws.endpointUrlSecretsManager", "http://prop-sm"), AwsService.SSM))
                .hasToString("https://ssm.us-west-2.amazonaws.com");
    }

    @Test
    void overridesCanBeIgnoredAsInTheSdk() {
        assertThat(resolve(Map.of("AWS_ENDPOINT_URL_SSM", "http://env-ssm", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
                Map.of(), AwsService.SSM)).hasToString("https://ssm.us-west-2.amazonaws.com");
    }

    @Test
    void aMalformedOverrideNamesTheSettingAndValue() {
        assertThatThrownBy(() -> resolve(Map.of("AWS_ENDPOINT_URL_LAMBDA", "localhost:4566"), Map.of(), AwsService.LAMBDA))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_LAMBDA is 'localhost:4566'")
                .hasMessageContaining("absolute http:// or https:// URL");
    }

    @Test
    void fipsWithoutAnOverrideFailsInsteadOfCallingAStandardEndpoint() {
        assertThatThrownBy(() -> resolve(Map.of("AWS_USE_FIPS_ENDPOINT", "true"), Map.of(), AwsService.SSM))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_USE_FIPS_ENDPOINT is true")
                .hasMessageContaining("set AWS_ENDPOINT_URL_SSM");
    }

    @Test
    void fipsWithAnOverrideUsesTheOverride() {
        assertThat(resolve(Map.of("AWS_USE_FIPS_ENDPOINT", "true",
                        "AWS_ENDPOINT_URL_SSM", "https://ssm-fips.us-west-2.amazonaws.com"), Map.of(), AwsService.SSM))
                .hasToString("https://ssm-fips.us-west-2.amazonaws.com");
    }

    @Test
    void theKinesisVideoMediaOverrideIsOnlyItsOwnSetting() {
        AwsEndpoints global = new AwsEndpoints(Map.of("AWS_ENDPOINT_URL", "http://env-all"), new Properties());
        AwsEndpoints own = new AwsEndpoints(Map.of("AWS_ENDPOINT_URL_KINESIS_VIDEO_MEDIA", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL", "http://env-all"), new Properties());
        AwsEndpoints ignored = new AwsEndpoints(Map.of("AWS_ENDPOINT_URL_KINESIS_VIDEO_MEDIA", "http://127.0.0.1:4566",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), new Properties());

        assertThat(global.serviceOverride(AwsService.KINESIS_VIDEO_MEDIA)).isEmpty();
        assertThat(own.serviceOverride(AwsService.KINESIS_VIDEO_MEDIA)).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(ignored.serviceOverride(AwsService.KINESIS_VIDEO_MEDIA)).isEmpty();
    }
}
