package dev.scvcdk.policies;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each SCV function's execution role fits what the function is and how it is invoked. */
class FunctionRolesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    private static List<Map<String, Object>> inlineOf(Function function) {
        return PolicyJson.render(IamMatrix.accountRole(EXAMPLE, RoleNames.executionRoleOf(function)).inlineStatements());
    }

    @Test
    void everyFunctionRunsAsALambdaTrustedAccountRole() {
        for (Function function : Function.values()) {
            RoleSpec role = IamMatrix.accountRole(EXAMPLE, RoleNames.executionRoleOf(function));
            assertThat(role.trust()).as(function.name()).isEqualTo(new Trust.Service("lambda.amazonaws.com"));
        }
    }

    @Test
    void everyFunctionsRoleWritesThatFunctionsLogGroupInEachContactCenter() {
        for (Function function : Function.values()) {
            List<Object> logStreams = inlineOf(function).stream()
                    .filter(s -> actions(s).contains("logs:PutLogEvents"))
                    .flatMap(s -> resources(s).stream())
                    .toList();
            assertThat(logStreams).as(function.name()).contains(
                    "arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/acmesupport-" + function.baseName() + ":*",
                    "arn:aws:logs:eu-west-2:111122223333:log-group:/aws/lambda/acmesales-" + function.baseName() + ":*");
        }
    }

    @Test
    void functionsWithAFailureDestinationMaySendToTheFailureQueue() {
        for (Function function : Function.values()) {
            boolean sends = inlineOf(function).stream().anyMatch(s -> actions(s).contains("sqs:SendMessage"));
            if (function.hasFailureDestination()) {
                assertThat(sends).as(function.name()).isTrue();
            }
        }
    }

    @Test
    void functionsWithoutAFailureDestinationMayNotSendToTheQueue() {
        assertThat(inlineOf(Function.INVOKE_TELEPHONY_INTEGRATION_API))
                .noneMatch(s -> actions(s).contains("sqs:SendMessage"));
        assertThat(inlineOf(Function.KVS_CONSUMER_TRIGGER)).noneMatch(s -> actions(s).contains("sqs:SendMessage"));
    }
}
