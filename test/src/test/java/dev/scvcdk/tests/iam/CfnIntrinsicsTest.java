package dev.scvcdk.tests.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Intrinsics are resolved to what the deployed stack holds, or the evaluation stops with the place that is not. */
class CfnIntrinsicsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CfnIntrinsics cfn = new CfnIntrinsics("Stack", "aws-us-gov", "111122223333", "us-gov-west-1",
            json("""
                    {"Resources": {
                      "Named": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "SCVNamed"}},
                      "Unnamed": {"Type": "AWS::IAM::Role", "Properties": {}},
                      "Boundary": {"Type": "AWS::IAM::ManagedPolicy",
                                   "Properties": {"ManagedPolicyName": "B", "Path": "/scv/"}},
                      "Key": {"Type": "AWS::KMS::Key", "Properties": {}}
                    }}"""));

    @Test
    void pseudoParametersJoinsAndNamedResourcesResolve() {
        // GIVEN a statement written with intrinsics
        JsonNode statement = json("""
                {"Resource": [{"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":logs:",
                                                 {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":*"]]},
                              {"Fn::GetAtt": ["Named", "Arn"]}, {"Ref": "Boundary"}, {"Fn::GetAtt": ["Key", "Arn"]}]}""");

        // WHEN it is resolved
        JsonNode resolved = cfn.resolve(statement, "Stack/Policy");

        // THEN every value is the literal the stack would hold
        assertThat(resolved.path("Resource").get(0).asText()).isEqualTo("arn:aws-us-gov:logs:us-gov-west-1:111122223333:*");
        assertThat(resolved.path("Resource").get(1).asText()).isEqualTo("arn:aws-us-gov:iam::111122223333:role/SCVNamed");
        assertThat(resolved.path("Resource").get(2).asText())
                .isEqualTo("arn:aws-us-gov:iam::111122223333:policy/scv/B");
        assertThat(resolved.path("Resource").get(3).asText()).isEqualTo(cfn.keyArn("Key"))
                .startsWith("arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/");
    }

    @Test
    void anIntrinsicTheTestCannotResolveStopsTheEvaluationNamingWhere() {
        assertThatThrownBy(() -> cfn.resolve(json("{\"A\": [{\"Fn::ImportValue\": \"Export\"}]}"), "Stack/Policy"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stack/Policy/A/0")
                .hasMessageContaining("Fn::ImportValue");
    }

    @Test
    void aNameGeneratedAtDeployTimeStopsTheEvaluation() {
        assertThatThrownBy(() -> cfn.resolve(json("{\"Fn::GetAtt\": [\"Unnamed\", \"Arn\"]}"), "Stack/Policy"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RoleName is not a literal");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
