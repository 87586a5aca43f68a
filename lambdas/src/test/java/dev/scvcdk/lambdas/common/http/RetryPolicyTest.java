package dev.scvcdk.lambdas.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(800),
            Duration.ofSeconds(2), Duration.ofSeconds(10));

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504, 599})
    void throttlingAndServerErrorsAreRetried(int status) {
        assertThat(policy.isRetryableStatus(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 301, 400, 401, 403, 404, 409, 422})
    void otherStatusesAreNotRetried(int status) {
        assertThat(policy.isRetryableStatus(status)).isFalse();
    }

    @Test
    void backoffCeilingDoublesPerRetryUpToTheMaximum() {
        // random = 0.999… approaches the ceiling: 100, 200, 400, 800, 800
        assertThat(policy.backoff(1, 0.9999).toMillis()).isEqualTo(99);
        assertThat(policy.backoff(2, 0.9999).toMillis()).isEqualTo(199);
        assertThat(policy.backoff(3, 0.9999).toMillis()).isEqualTo(399);
        assertThat(policy.backoff(4, 0.9999).toMillis()).isEqualTo(799);
        assertThat(policy.backoff(40, 0.9999).toMillis()).isEqualTo(799);
    }

    @Test
    void backoffIsJitteredBetweenZeroAndTheCeiling() {
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        assertThat(policy.retryAfter("1", NOW)).contains(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(1).atZone(ZoneOffset.UTC));
        assertThat(policy.retryAfter(inOneSecond, NOW)).contains(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsCapped() {
        assertThat(policy.retryAfter("3600", NOW)).contains(Duration.ofSeconds(2));
        String tomorrow = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(86_400).atZone(ZoneOffset.UTC));
        assertThat(policy.retryAfter(tomorrow, NOW)).contains(Duration.ofSeconds(2));
        assertThat(policy.retryAfter("99999999999999999999999", NOW)).contains(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterInThePastMeansNoWait() {
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(30).atZone(ZoneOffset.UTC));
        assertThat(policy.retryAfter(past, NOW)).contains(Duration.ZERO);
    }

    @Test
    void unreadableOrAbsentRetryAfterFallsBackToBackoff() {
        assertThat(policy.retryAfter("soon", NOW)).isEmpty();
        assertThat(policy.retryAfter(null, NOW)).isEmpty();
        assertThat(policy.delayBeforeRetry(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBeforeRetry(2, Optional.of(Duration.ofSeconds(1)), 0.5)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts is 0");
    }

    @Test
    void withMaxAttemptsChangesOnlyTheAttempts() {
        RetryPolicy once = policy.withMaxAttempts(1);

        assertThat(once.maxAttempts()).isEqualTo(1);
        assertThat(once).isEqualTo(new RetryPolicy(1, policy.baseDelay(), policy.maxDelay(), policy.maxRetryAfter(),
                policy.maxElapsed()));
    }
}
