package dev.scvcdk.lambdas.customresource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.testsupport.TestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomResourceResponderTest {

    private final LocalAwsServer server = new LocalAwsServer();
    private final TestContext context = new TestContext();
    private final LogCapture logs = new LogCapture();
    private final CustomResourceResponder responder =
            new CustomResourceResponder(TestSenders.withAttempts(2, logs), logs.logger(), Set.of("Value"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSuccessfulStepIsAnsweredWithItsIdAndData() {
        CfnRequest request = CfnRequest.from(Events.json("customssm/create-literal.json", server));

        responder.respond(request, context, (r, secrets) -> new CustomResourceResponder.Outcome("the-id", Map.of("A", "b")));

        JsonNode body = server.responses().get(0).json();
        assertThat(body.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(body.path("PhysicalResourceId").asText()).isEqualTo("the-id");
        assertThat(body.path("Data").path("A").asText()).isEqualTo("b");
    }

    @Test
    void aThrowingStepIsStillAnsweredFailedWithItsMessageAndTheLogStream() {
        // GIVEN a Create step that throws
        CfnRequest request = CfnRequest.from(Events.json("customssm/create-literal.json", server));

        // WHEN it runs
        CfnResponse response = responder.respond(request, context, (r, secrets) -> {
            throw new IllegalStateException("SSM is down");
        });

        // THEN CloudFormation hears FAILED at once, with the message and where to read more
        JsonNode body = server.responses().get(0).json();
        assertThat(body.path("Status").asText()).isEqualTo("FAILED");
        assertThat(body.path("Reason").asText()).isEqualTo("IllegalStateException: SSM is down"
                + " (details in CloudWatch log stream " + TestContext.LOG_STREAM + ")");
        // a failed Create has no resource: its id names no parameter, so the rollback Delete removes nothing
        assertThat(body.path("PhysicalResourceId").asText()).isEqualTo("create-failed:req-create-1");
        assertThat(response.status()).isEqualTo(CfnResponse.Status.FAILED);
        assertThat(logs.text()).contains("\"level\":\"ERROR\"").contains("SSM is down");
    }

    @Test
    void aFailedUpdateKeepsTheExistingPhysicalResourceId() {
        CfnRequest request = CfnRequest.from(Events.json("customssm/update-same-name.json", server));

        responder.respond(request, context, (r, secrets) -> {
            throw new InvalidPropertiesException(List.of("ValueFrom 'x' is invalid"));
        });

        JsonNode body = server.responses().get(0).json();
        assertThat(body.path("PhysicalResourceId").asText()).isEqualTo("ACME-salesforce-rest-api-audience");
        assertThat(body.path("Reason").asText()).startsWith("Invalid resource properties: ValueFrom 'x' is invalid");
    }

    @Test
    void anUndeliverableResponseFailsTheInvocationSoLambdaRetriesIt() {
        CfnRequest request = CfnRequest.from(Events.json("customssm/create-literal.json", server));
        server.failResponses(5, 500);

        assertThatThrownBy(() -> responder.respond(request, context, (r, secrets) -> CustomResourceResponder.Outcome.of("x")))
                .isInstanceOf(CfnResponseSender.CfnResponseException.class);
    }

    @Test
    void aStepStillRunningNearTheFunctionTimeoutIsAnsweredFailedInTime() {
        // GIVEN a step that hangs, and a function with 31 s left (1 s for the step after the answer's reserve)
        CfnRequest request = CfnRequest.from(Events.json("customssm/create-literal.json", server));
        long start = System.nanoTime();

        // WHEN it runs
        responder.respond(request, new TestContext(31_000), (r, secrets) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CustomResourceResponder.Outcome.of("too-late");
        });

        // THEN CloudFormation hears FAILED after about a second, saying why
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        JsonNode body = server.responses().get(0).json();
        assertThat(body.path("Status").asText()).isEqualTo("FAILED");
        assertThat(body.path("Reason").asText()).startsWith("StepTimeoutException: the Create step did not finish "
                + "within 1 s, the function's remaining time less 30 s kept to answer");
    }

    @Test
    void aRequestTypeOtherThanTheThreeIsAnsweredFailedNamingIt() {
        // GIVEN CloudFormation sends a type this resource does not serve
        JsonNode event = ((ObjectNode) Events.json("customssm/update-same-name.json",
                server)).put("RequestType", "Rollback");

        // WHEN it is answered
        CfnResponse response = responder.answer(event, context, (r, secrets) -> {
            throw new AssertionError("no step runs for an unknown request type");
        });

        // THEN the ResponseURL hears FAILED with the reason, keeping the resource's id
        JsonNode body = server.responses().get(0).json();
        assertThat(body.path("Status").asText()).isEqualTo("FAILED");
        assertThat(body.path("Reason").asText()).startsWith("Invalid custom-resource request: RequestType 'Rollback' "
                + "is invalid; it must be Create, Update or Delete");
        assertThat(body.path("PhysicalResourceId").asText()).isEqualTo("ACME-salesforce-rest-api-audience");
        assertThat(body.path("RequestId").asText()).isEqualTo(event.path("RequestId").asText());
        assertThat(response.status()).isEqualTo(CfnResponse.Status.FAILED);
    }

    @Test
    void aSecretTheStepReadIsScrubbedFromTheReasonAndTheLog() {
        CfnRequest request = CfnRequest.from(Events.json("customssm/create-literal.json", server));

        responder.respond(request, context, (r, secrets) -> {
            secrets.accept("pa55-from-secrets-manager");
            throw new IllegalStateException("ssm PutParameter failed: Value 'pa55-from-secrets-manager' is too long");
        });

        JsonNode body = server.responses().get(0).json();
        assertThat(body.path("Reason").asText()).contains("Value '[REDACTED]' is too long")
                .doesNotContain("pa55-from-secrets-manager");
        assertThat(logs.text()).doesNotContain("pa55-from-secrets-manager");
    }

    @Test
    void aRequestWithoutAResponseUrlFailsTheInvocationForItCannotBeAnswered() {
        JsonNode event = ((ObjectNode) Events.json("customssm/create-literal.json",
                server)).without("ResponseURL");

        assertThatThrownBy(() -> responder.answer(event, context, (r, secrets) -> CustomResourceResponder.Outcome.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ResponseURL is missing")
                .hasMessageContaining("cannot be answered");
        assertThat(server.responses()).isEmpty();
    }
}
