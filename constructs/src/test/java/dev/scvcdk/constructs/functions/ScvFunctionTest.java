package dev.scvcdk.constructs.functions;

import dev.scvcdk.contracts.Handler;


import dev.scvcdk.constructs.testing.TestFixtures;
import dev.scvcdk.policies.ScvNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.FromRoleNameOptions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;

class ScvFunctionTest {
    @TempDir
    Path dir;

    private final Stack stack = TestFixtures.stack();

    private Template synth(Number reservedConcurrency) {
        new ScvFunction(stack, "Telephony", ScvFunctionProps.builder()
                .callCenterApiName("acmesupport")
                .function(ScvNames.Function.INVOKE_TELEPHONY_INTEGRATION_API)
                .handler("dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler::handleRequest")
                .code(LambdaCode.fromJars(TestFixtures.jar(dir)).code(Handler.Jar.SHARED))
                .role(Role.fromRoleName(stack, "Role", "SCVInvokeTelephonyIntegrationApiFunctionRole",
                        FromRoleNameOptions.builder().mutable(false).build()))
                .timeout(Duration.seconds(8))
                .logEncryptionKey(Key.Builder.create(stack, "LogKey").build())
                .environment(Map.of("LOG_LEVEL", "INFO"))
                .reservedConcurrentExecutions(reservedConcurrency)
                .build());
        return Template.fromStack(stack);
    }

    @Test
    void functionIsNamedForItsContactCenterAndRunsJava21OnArmWithItsRole() {
        Template template = synth(null);

        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "acmesupport-InvokeTelephonyIntegrationApiFunction",
                "Handler", "dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler::handleRequest",
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "MemorySize", 1024,
                "Timeout", 8,
                "Environment", Map.of("Variables", Map.of("LOG_LEVEL", "INFO")),
                "Role", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::111122223333:role/SCVInvokeTelephonyIntegrationApiFunctionRole")))));
    }

    @Test
    void functionCarriesItsCallCenterTagThatSalesforceProvisioningIsConditionedOn() {
        // GIVEN a function of contact center acmesupport WHEN synthesized
        Template template = synth(null);

        // THEN it is tagged scv:call-center=acmesupport (the provisioning role's aws:ResourceTag condition)
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Tags", Match.arrayWith(List.of(Map.of("Key", ScvNames.FUNCTION_TAG, "Value", "acmesupport")))));
    }

    @Test
    void snapStartAppliesToPublishedVersionsAndAliasActivePointsAtTheCurrentVersion() {
        Template template = synth(null);

        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        template.resourceCountIs("AWS::Lambda::Version", 1);
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "active",
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(
                        Match.stringLikeRegexp("^TelephonyCurrentVersion"), "Version"))));
    }

    @Test
    void logsGoToItsOwnEncryptedRetainedLogGroup() {
        Template template = synth(null);

        template.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of(
                        "LogGroupName", "/aws/lambda/acmesupport-InvokeTelephonyIntegrationApiFunction",
                        "RetentionInDays", 365,
                        "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^LogKey"), "Arn"))),
                "DeletionPolicy", "Retain"));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("^TelephonyLogGroup")))));
    }

    @Test
    void reservedConcurrencyIsSetWhenGiven() {
        Template template = synth(100);

        template.hasResourceProperties("AWS::Lambda::Function", Map.of("ReservedConcurrentExecutions", 100));
    }

    @Test
    void errorsAlarmFiresOnTheFirstFailedInvocation() {
        Template template = synth(null);

        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "acmesupport-InvokeTelephonyIntegrationApiFunction-Errors",
                "MetricName", "Errors",
                "Namespace", "AWS/Lambda",
                "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "TreatMissingData", "notBreaching"));
    }
}
