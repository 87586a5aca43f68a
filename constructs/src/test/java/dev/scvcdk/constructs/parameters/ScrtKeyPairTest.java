package dev.scvcdk.constructs.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.constructs.testing.TestFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class ScrtKeyPairTest {
    private static final String TOKEN =
            "arn:aws:lambda:us-west-2:111122223333:function:acmesupport-AuthKeysSSMUtilFunction:active";

    private final Stack stack = TestFixtures.stack();

    private ScrtKeyPair keyPair() {
        return new ScrtKeyPair(stack, "ScrtKeyPair", ScrtKeyPairProps.builder()
                .serviceToken(TOKEN)
                .parameterName("acmesupport-scrt-jwt-auth-private-key")
                .organizationalUnitName("acmesupport")
                .build());
    }

    @Test
    void asksAuthKeysToGenerateTheKeyPairIntoTheScrtParameter() {
        keyPair();

        Template.fromStack(stack).hasResourceProperties("Custom::ScvScrtKeyPair", Map.of(
                "ServiceToken", TOKEN,
                "Parameters", Map.of(
                        "RequestType", "GeneratePrivatePublicKeyPair",
                        "Details", Map.of(
                                "SSMParamName", "acmesupport-scrt-jwt-auth-private-key",
                                "OrganizationalUnitName", "acmesupport",
                                "ExpiresIn", 365))));
    }

    @Test
    void certificateIsTheCustomResourcesCertificateAttribute() {
        ScrtKeyPair keyPair = keyPair();

        assertThat(stack.resolve(keyPair.getCertificate()))
                .isEqualTo(Map.of("Fn::GetAtt", java.util.List.of(
                        stack.getLogicalId((software.amazon.awscdk.CfnElement) keyPair.getResource().getNode()
                                .getDefaultChild()), "Certificate")));
    }
}
