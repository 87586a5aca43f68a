package dev.scvcdk.constructs.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.ManagedPolicySpec;
import dev.scvcdk.policies.iam.Effect;
import dev.scvcdk.policies.iam.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.ManagedPolicy;

class ScvManagedPoliciesTest {
    private final Stack stack = new Stack(new App(), "Test");

    private static ManagedPolicySpec spec(String name) {
        return new ManagedPolicySpec(name, name + " description", List.of(new Statement("PutCtrRecords",
                Effect.ALLOW, List.of("kinesis:PutRecord"),
                List.of("arn:aws:kinesis:us-west-2:111122223333:stream/acmesupport-111122223333-CTRStream"))));
    }

    @Test
    void eachSpecBecomesANamedPolicyUnderTheScvPath() {
        Map<String, ManagedPolicy> policies = ScvManagedPolicies.create(stack,
                List.of(spec("SCVKinesisDataStreamAccessPolicy"), spec("SCVSSMAccessPolicy")));

        assertThat(policies).containsOnlyKeys("SCVKinesisDataStreamAccessPolicy", "SCVSSMAccessPolicy");
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "ManagedPolicyName", "SCVKinesisDataStreamAccessPolicy",
                "Path", "/scv/",
                "Description", "SCVKinesisDataStreamAccessPolicy description",
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Action", "kinesis:PutRecord", "Effect", "Allow",
                        "Resource", "arn:aws:kinesis:us-west-2:111122223333:stream/"
                                + "acmesupport-111122223333-CTRStream",
                        "Sid", "PutCtrRecords")))));
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> ScvManagedPolicies.create(stack, List.of(spec("SCVSSMAccessPolicy"),
                spec("SCVSSMAccessPolicy"))))
                .hasMessageContaining("'SCVSSMAccessPolicy' appears twice");
    }
}
