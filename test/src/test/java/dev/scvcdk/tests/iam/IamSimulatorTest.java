package dev.scvcdk.tests.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.tests.iam.IamSimulator.Request;
import dev.scvcdk.tests.iam.IamSimulator.Result;
import dev.scvcdk.tests.iam.SynthesizedIam.NamedPolicy;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;

/** The evaluator bridge on small hand-made policies: decisions, the boundary, KMS encryption context, errors. */
class IamSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";
    private static final String KEY = "arn:aws:kms:us-west-2:" + ACCOUNT + ":key/0f0e0d0c-0b0a-4090-8070-605040302010";
    private static final String QUEUE = "arn:aws:sqs:us-west-2:" + ACCOUNT + ":q";

    @Test
    void anIdentityGrantWithinTheBoundaryIsAllowedAndOutsideItIsNot() {
        // GIVEN a role allowed sqs:SendMessage, bounded once by sqs:* and once by ssm:* only
        JsonNode send = policy(Map.of("Effect", "Allow", "Action", "sqs:SendMessage", "Resource", QUEUE));
        RolePolicies inBoundary = role(send, policy(Map.of("Effect", "Allow", "Action", "sqs:*", "Resource", "*")));
        RolePolicies outOfBoundary = role(send, policy(Map.of("Effect", "Allow", "Action", "ssm:*", "Resource", "*")));

        // WHEN both send to the queue
        Map<String, Result> results = IamSimulator.evaluate(List.of(
                request("in", inBoundary, "sqs:SendMessage", QUEUE, null, Map.of()),
                request("out", outOfBoundary, "sqs:SendMessage", QUEUE, null, Map.of())));

        // THEN only the bounded grant is allowed
        assertThat(results.get("in").decision()).isEqualTo("Allowed");
        assertThat(results.get("out").decision()).isEqualTo("ImplicitlyDenied");
    }

    @Test
    void aKmsEncryptionContextConditionIsEvaluatedWithItsValue() {
        // GIVEN a key whose policy delegates to the account's IAM and an identity grant for one queue's context
        JsonNode keyPolicy = policy(Map.of("Effect", "Allow", "Principal", Map.of("AWS",
                "arn:aws:iam::" + ACCOUNT + ":root"), "Action", "kms:*", "Resource", "*"));
        RolePolicies role = role(policy(Map.of("Effect", "Allow", "Action", "kms:GenerateDataKey", "Resource", KEY,
                "Condition", Map.of("StringEquals", Map.of("kms:EncryptionContext:aws:sqs:arn", QUEUE)))),
                policy(Map.of("Effect", "Allow", "Action", "kms:*", "Resource", "*")));

        // WHEN it asks for a data key for that queue and for another one
        Map<String, Result> results = IamSimulator.evaluate(List.of(
                request("same", role, "kms:GenerateDataKey", KEY, keyPolicy,
                        Map.of("kms:EncryptionContext:aws:sqs:arn", QUEUE)),
                request("other", role, "kms:GenerateDataKey", KEY, keyPolicy,
                        Map.of("kms:EncryptionContext:aws:sqs:arn", QUEUE + "-other"))));

        // THEN the condition decides
        assertThat(results.get("same").decision()).isEqualTo("Allowed");
        assertThat(results.get("other").decision()).isEqualTo("ImplicitlyDenied");
    }

    @Test
    void aRequestTheEvaluatorCannotReadIsAnErrorNotADenial() {
        // GIVEN a misspelt action
        RolePolicies role = role(policy(Map.of("Effect", "Allow", "Action", "sqs:*", "Resource", "*")),
                policy(Map.of("Effect", "Allow", "Action", "sqs:*", "Resource", "*")));

        // WHEN it is evaluated
        Result result = IamSimulator.evaluate(List.of(request("bad", role, "sqs:SendMesage", QUEUE, null, Map.of())))
                .get("bad");

        // THEN the answer is an error with the evaluator's reason
        assertThat(result.decision()).isEqualTo("Error");
        assertThat(result.explanation().toString()).contains("action");
    }

    private static RolePolicies role(JsonNode identity, JsonNode boundary) {
        return new RolePolicies("R", "arn:aws:iam::" + ACCOUNT + ":role/R", "stack", "R", false,
                List.of(new NamedPolicy("identity", identity)), List.of(new NamedPolicy("boundary", boundary)));
    }

    private static Request request(String id, RolePolicies role, String action, String resource, JsonNode policy,
            Map<String, Object> context) {
        return new Request(id, role, action, resource, ACCOUNT, policy, context);
    }

    private static JsonNode policy(Map<String, Object> statement) {
        return JSON.valueToTree(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
    }
}
