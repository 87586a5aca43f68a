package dev.scvcdk.lambdas.authkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.customresource.Events;
import dev.scvcdk.lambdas.customresource.LocalAwsServer;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.TestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constructor Lambda uses builds its SSM client from the default chains, so the standard endpoint
 * override reaches it ({@code aws.endpointUrlSsm} here; {@code AWS_ENDPOINT_URL_SSM} in a function).
 */
class AuthKeysSsmUtilHandlerDefaultClientsTest {

    private static LocalAwsServer aws;
    private static AwsSystemProperties properties;

    @BeforeAll
    static void pointTheDefaultChainAtTheLocalServer() {
        aws = new LocalAwsServer();
        properties = AwsSystemProperties.with(Map.of("aws.endpointUrlSsm", aws.endpoint().toString()));
    }

    @AfterAll
    static void restore() {
        properties.close();
        aws.close();
    }

    @Test
    void theLambdaConstructorReadsCallCenterApiNameFromTheEnvironmentAndRefusesWithoutIt() {
        // GIVEN this JVM has no CALL_CENTER_API_NAME, as a function the stack did not configure
        assertThat(System.getenv("CALL_CENTER_API_NAME")).isNull();

        JsonNode result = Events.invoke(new AuthKeysSsmUtilHandler(), "authkeys/create-ssm-parameter.json", aws,
                new TestContext());

        assertThat(result.path("Message").asText()).contains("CALL_CENTER_API_NAME is not set");
    }

    @Test
    void theLambdaConstructorsClientHonoursTheSsmEndpointOverride() {
        JsonNode result = Events.invoke(new AuthKeysSsmUtilHandler(Map.of("CALL_CENTER_API_NAME", "ACME")),
                "authkeys/create-ssm-parameter.json", aws, new TestContext());

        assertThat(result.path("Success").asBoolean()).isTrue();
        assertThat(aws.parameter("ACME-salesforce-rest-api-auth-consumer-key").value())
                .isEqualTo("3MVG9-consumer-key-value");
    }
}
