package dev.scvcdk.lambdas.contactlens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SnapStart init of ContactLensProcessor, and its configuration. */
class ContactLensProcessorPrimingTest {
    private ScrtStub scrt;
    private AwsJsonStub aws;
    private AwsSystemProperties properties;

    @BeforeEach
    void start() throws Exception {
        scrt = new ScrtStub(TestKeys.publicKey(), ProcessorRig.ORG, ProcessorRig.CALL_CENTER);
        aws = new AwsJsonStub();
        aws.putParameter(ProcessorRig.KEY, TestKeys.pkcs8Pem());
        properties = AwsSystemProperties.with(Map.of(
                "aws.endpointUrlSsm", aws.endpoint(), "aws.endpointUrlSecretsManager", aws.endpoint()));
    }

    @AfterEach
    void stop() {
        assertThat(scrt.problems()).isEmpty();
        properties.close();
        aws.close();
        scrt.close();
    }

    private Map<String, String> environment() {
        return Map.of("PRIVATE_KEY_PARAM_NAME", ProcessorRig.KEY, "SALESFORCE_ORG_ID", ProcessorRig.ORG,
                "SCRT_ENDPOINT_BASE", scrt.baseUrl(), "CALL_CENTER_API_NAME", ProcessorRig.CALL_CENTER,
                "LOG_LEVEL", "ERROR", "SSM_PARAMETER_STORE_TTL", "60");
    }

    @Test
    void primingRunsTheCallPathWithoutARequestToSsmOrScrtAndTheRestoredContainerPosts() throws Exception {
        // GIVEN the function's configuration, pointing at SSM and SCRT
        SnapStart.Prepared<ContactLensProcessorService> container =
                ContactLensProcessorWiring.prepare(environment(), SecureRandom::new, 2);

        // WHEN init primes the call path
        container.priming().run();

        // THEN neither SSM nor SCRT heard from it
        assertThat(aws.calls()).isEmpty();
        assertThat(scrt.received()).isEmpty();
        // AND after the restore the function posts a real batch, reading the real key
        container.hooks().beforeCheckpoint(null);
        container.hooks().afterRestore(null);
        JsonNode answer = Json.read(Priming.invoke(new ContactLensProcessorHandler(container.service()),
                Fixtures.text("contactlens/kinesis-batch.json")));
        assertThat(answer.path("rejectedCalls").asInt()).isZero();
        assertThat(scrt.accepted()).hasSize(answer.path("categoryCalls").asInt() + answer.path("transcriptRequests").asInt())
                .isNotEmpty();
        assertThat(aws.calls()).extracting(AwsJsonStub.Call::target).containsExactly("AmazonSSM.GetParameter");
    }

    @Test
    void givenMissingAndBadVariables_whenInitialised_thenOneErrorNamesEveryOne() {
        Map<String, String> environment = new HashMap<>(environment());
        environment.remove("SALESFORCE_ORG_ID");
        environment.remove("PRIVATE_KEY_PARAM_NAME");
        environment.put("SSM_PARAMETER_STORE_TTL", "soon");

        Assertions.assertThatThrownBy(() -> ContactLensProcessorWiring.fromEnvironment(environment))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SALESFORCE_ORG_ID is required")
                .hasMessageContaining("PRIVATE_KEY_PARAM_NAME is required")
                .hasMessageContaining("SSM_PARAMETER_STORE_TTL is 'soon': must be a whole number of seconds");
    }
}
