package dev.scvcdk.lambdas.authkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.scvcdk.lambdas.customresource.LocalAwsServer;
import dev.scvcdk.lambdas.customresource.LogCapture;
import dev.scvcdk.lambdas.customresource.TestSenders;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SnapStart init of AuthKeysSSMUtil: priming runs Salesforce's direct calls and the custom resource's Create and
 * Delete to successful answers (priming checks each answer) against its in-process stand-in, writing no parameter.
 */
class AuthKeysPrimingTest {

    @Test
    void primingAnswersEveryPathSuccessfullyWithoutWritingAParameter() {
        try (LocalAwsServer aws = new LocalAwsServer();
             AwsSystemProperties properties = AwsSystemProperties.with(
                     Map.of("aws.endpointUrlSsm", aws.endpoint().toString()))) {
            assertThatCode(() -> AuthKeysPriming.prime("acme", TestSenders.withAttempts(1, new LogCapture()), 1))
                    .doesNotThrowAnyException();

            assertThat(aws.calls()).isEmpty();
            assertThat(aws.responses()).isEmpty();
        }
    }

    @Test
    void primingWorksBeforeCallCenterApiNameIsSet() {
        assertThatCode(() -> AuthKeysPriming.prime(null, TestSenders.withAttempts(1, new LogCapture()), 1))
                .doesNotThrowAnyException();
    }
}
