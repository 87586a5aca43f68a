package dev.scvcdk.lambdas.customssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.scvcdk.lambdas.customresource.LocalAwsServer;
import dev.scvcdk.lambdas.customresource.LogCapture;
import dev.scvcdk.lambdas.customresource.TestSenders;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SnapStart init of CustomSSM: priming runs Create (literal and secret) and Delete to SUCCESS answers (priming
 * checks each answer) against its in-process stand-in, touching no parameter, secret or response URL.
 */
class CustomSsmPrimingTest {

    @Test
    void primingAnswersEveryPathSuccessfullyWithoutTouchingAws() {
        try (LocalAwsServer aws = new LocalAwsServer();
             AwsSystemProperties properties = AwsSystemProperties.with(Map.of(
                     "aws.endpointUrlSsm", aws.endpoint().toString(),
                     "aws.endpointUrlSecretsManager", aws.endpoint().toString()))) {
            assertThatCode(() -> CustomSsmPriming.prime(TestSenders.withAttempts(1, new LogCapture()), 1))
                    .doesNotThrowAnyException();

            assertThat(aws.calls()).isEmpty();
            assertThat(aws.responses()).isEmpty();
        }
    }
}
