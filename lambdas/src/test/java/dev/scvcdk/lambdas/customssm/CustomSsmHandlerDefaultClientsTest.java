package dev.scvcdk.lambdas.customssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.customresource.Events;
import dev.scvcdk.lambdas.customresource.LocalAwsServer;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.TestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constructor Lambda uses builds its clients from the default chains, so the standard endpoint
 * overrides reach them ({@code aws.endpointUrlSsm} / {@code aws.endpointUrlSecretsManager} here,
 * {@code AWS_ENDPOINT_URL_SSM} / {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} in a function).
 */
class CustomSsmHandlerDefaultClientsTest {

    private static final String SECRET_ARN =
            "arn:aws:secretsmanager:us-west-2:123456789012:secret:ACME-salesforce-credentials-AbCdEf";
    private static LocalAwsServer aws;
    private static AwsSystemProperties properties;

    @BeforeAll
    static void pointTheDefaultChainAtTheLocalServer() {
        aws = new LocalAwsServer();
        properties = AwsSystemProperties.with(Map.of(
                "aws.endpointUrlSsm", aws.endpoint().toString(),
                "aws.endpointUrlSecretsManager", aws.endpoint().toString()));
    }

    @AfterAll
    static void restore() {
        properties.close();
        aws.close();
    }

    @Test
    void theLambdaConstructorsClientsHonourTheEndpointOverrides() {
        aws.putSecret(SECRET_ARN, "{\"consumerKey\":\"3MVG9-consumer-key\"}");

        Events.invoke(new CustomSsmHandler(), "customssm/create-secret-json-key.json", aws, new TestContext());

        assertThat(aws.responses().get(0).json().path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(aws.parameter("ACME-salesforce-rest-api-auth-consumer-key").value())
                .isEqualTo("3MVG9-consumer-key");
    }
}
