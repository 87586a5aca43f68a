package dev.scvcdk.lambdas.customresource;

import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** Response senders for tests: the production retry code with millisecond waits. */
public final class TestSenders {

    private TestSenders() {
    }

    public static CfnResponseSender withAttempts(int attempts, LogCapture logs) {
        return new CfnResponseSender(new RetryingHttpClient(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(5),
                        Duration.ofSeconds(10)),
                Duration.ofSeconds(5), duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC(), () -> 0.5,
                logs.logger()));
    }
}
