package dev.scvcdk.lambdas.postcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.S3Stub.Operation;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SnapStart init of PostCallAnalysisTrigger: priming reaches no S3, Connect, SSM or SCRT; the restored copy works. */
class PostCallPrimingTest {
    private PostCallRig rig;
    private AwsSystemProperties endpoints;

    @BeforeEach
    void start() throws Exception {
        rig = new PostCallRig();
        endpoints = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", rig.s3.endpoint(),
                "aws.endpointUrlConnect", rig.connect.endpoint(), "aws.endpointUrlSsm", rig.ssm.endpoint()));
    }

    @AfterEach
    void stop() {
        assertThat(rig.scrt.problems()).isEmpty();
        endpoints.close();
        rig.close();
    }

    private Map<String, String> environment() {
        return Map.of(EnvVar.PRIVATE_KEY_PARAM_NAME, PostCallRig.KEY_PARAMETER,
                EnvVar.SALESFORCE_ORG_ID, PostCallRig.ORG, EnvVar.SCRT_ENDPOINT_BASE, rig.scrt.baseUrl(),
                EnvVar.CALL_CENTER_API_NAME, PostCallRig.CALL_CENTER, EnvVar.LOG_LEVEL, "ERROR");
    }

    @Test
    void primingRunsTheCallPathWithoutARequestToAnyServiceAndTheRestoredContainerServesAnEvent() throws Exception {
        // GIVEN the production wiring, pointed at the stand-ins
        SnapStart.Prepared<PostCallService> container = PostCallWiring.prepare(environment(), SecureRandom::new, 2,
                RetryingHttpClient.create(PostCallWiring.CONNECT_TIMEOUT, PostCallWiring.REQUEST_TIMEOUT,
                        PostCallWiring.SCRT_RETRIES));

        // WHEN init primes the call path
        container.priming().run();

        // THEN no stand-in heard from it
        assertThat(rig.s3.requests()).isEmpty();
        assertThat(rig.connect.calls()).isEmpty();
        assertThat(rig.ssm.calls()).isEmpty();
        assertThat(rig.scrt.received()).isEmpty();
        // AND after the snapshot and restore hooks, the same service serves a real event end to end
        container.hooks().beforeCheckpoint(null);
        container.hooks().afterRestore(null);
        String answer = Priming.invoke(new PostCallAnalysisTriggerHandler(container.service()),
                Fixtures.text("postcall/object-created.json"));
        assertThat(answer).isEqualTo("{\"result\":\"Success\"}");
        assertThat(rig.scrt.accepted()).hasSize(1);
        assertThat(rig.s3.requests(Operation.GET_OBJECT)).singleElement().satisfies(r -> assertThat(r.signed()).isTrue());
    }

    @Test
    void everyMissingVariableIsNamedInOneConfigurationError() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> PostCallWiring.prepare(Map.of(EnvVar.LOG_LEVEL, "LOUD")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(5))
                .hasMessageContaining(EnvVar.PRIVATE_KEY_PARAM_NAME).hasMessageContaining(EnvVar.SALESFORCE_ORG_ID)
                .hasMessageContaining(EnvVar.SCRT_ENDPOINT_BASE).hasMessageContaining(EnvVar.CALL_CENTER_API_NAME)
                .hasMessageContaining("LOG_LEVEL is 'LOUD'");
    }
}
