package dev.scvcdk.lambdas.contactdatasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SnapStart init of ContactDataSync: priming reaches no S3, Connect or Lambda; the restored copy works. */
class ContactDataSyncPrimingTest {
    private ContactDataSyncRig rig;
    private AwsSystemProperties endpoints;

    @BeforeEach
    void start() throws Exception {
        rig = new ContactDataSyncRig();
        endpoints = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", rig.s3.endpoint(),
                "aws.endpointUrlConnect", rig.connect.endpoint(), "aws.endpointUrlLambda", rig.lambda.endpoint()));
    }

    @AfterEach
    void stop() {
        endpoints.close();
        rig.close();
    }

    @Test
    void primingRunsTheCallPathWithoutARequestToAnyServiceAndTheRestoredContainerServesARequest() throws Exception {
        // GIVEN the production wiring, pointed at the stand-ins
        SnapStart.Prepared<ContactDataSyncService> container = ContactDataSyncWiring.prepare(rig.environment, 2);

        // WHEN init primes the call path
        container.priming().run();

        // THEN no stand-in heard from it
        assertThat(rig.s3.requests()).isEmpty();
        assertThat(rig.connect.calls()).isEmpty();
        assertThat(rig.lambda.invocations()).isEmpty();
        // AND after the snapshot and restore hooks, the same service uploads a transcript end to end
        container.hooks().beforeCheckpoint(null);
        container.hooks().afterRestore(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ContactDataSyncHandler(container.service()).handleRequest(new ByteArrayInputStream(
                Fixtures.text("contactdatasync/upload-transcript.json").getBytes(StandardCharsets.UTF_8)), out,
                new TestContext(900_000));
        JsonNode answer = Json.read(out.toString(StandardCharsets.UTF_8));
        assertThat(answer).hasSize(1);
        assertThat(answer.get(0).path("StatusCode").asInt()).isEqualTo(200);
        assertThat(rig.uploadedBatches()).hasSize(1);
    }

    @Test
    void everyBadVariableIsNamedInOneConfigurationError() {
        // GIVEN no instance, no function, no bucket nor call center, and unusable numbers
        Map<String, String> environment = Map.of(EnvVar.MAX_CONTACT_IDS, "lots", EnvVar.BATCH_SIZE, "0");

        // WHEN / THEN
        assertThatThrownBy(() -> ContactDataSyncWiring.prepare(environment))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(5))
                .hasMessageContaining(EnvVar.CONNECT_INSTANCE_ID)
                .hasMessageContaining(EnvVar.INVOKE_SALESFORCE_REST_API_ARN)
                .hasMessageContaining("MAX_CONTACT_IDS is 'lots': must be a whole number above 0")
                .hasMessageContaining("BATCH_SIZE is '0': must be a whole number above 0")
                .hasMessageContaining("TENANT_BUCKET_NAME is not set, nor CALL_CENTER_API_NAME");
    }
}
