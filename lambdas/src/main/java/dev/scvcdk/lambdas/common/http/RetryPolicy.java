package dev.scvcdk.lambdas.common.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When and how long to wait before another attempt: bounded attempts, exponential backoff with full jitter,
 * {@code Retry-After} honoured up to a cap, and an overall budget so retries end before the Lambda does.
 *
 * <p>Retried: 429 and every 5xx, and transport failures (timeouts, resets, refused connections). Never
 * retried: any other status, because a 400/401/403/404 will fail the same way again.
 *
 * @param maxAttempts   attempts in total, including the first (at least 1)
 * @param baseDelay     backoff ceiling before the first retry; doubles per retry
 * @param maxDelay      largest backoff ceiling
 * @param maxRetryAfter largest wait accepted from a {@code Retry-After} header
 * @param maxElapsed    no retry is started when its wait would end later than this after the first attempt
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
                          Duration maxElapsed) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is " + maxAttempts + ": must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(maxElapsed, "maxElapsed");
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative() || maxElapsed.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
    }

    /** Defaults for calls made inside a short-lived Lambda: 3 attempts, 100 ms doubling to 1 s, Retry-After ≤ 2 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(6));
    }

    /** This policy with another number of attempts; 1 means no retry. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter, maxElapsed);
    }

    public boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500 && status <= 599;
    }

    /**
     * The backoff before retry number {@code retry} (1 = the first retry): uniformly random between zero and
     * {@code min(maxDelay, baseDelay * 2^(retry-1))}, so concurrent callers spread out.
     *
     * @param random a value in [0, 1)
     */
    public Duration backoff(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is " + retry + ": must be at least 1");
        }
        long base = baseDelay.toMillis();
        long ceiling = maxDelay.toMillis();
        int shift = Math.min(retry - 1, 30);
        long exponential = base > (ceiling >> shift) ? ceiling : Math.min(ceiling, base << shift);
        return Duration.ofMillis((long) (exponential * Math.max(0.0, Math.min(random, 1.0))));
    }

    /**
     * The wait a {@code Retry-After} value asks for — delta-seconds or an HTTP date — capped at
     * {@code maxRetryAfter}; empty when the header is absent or unreadable. A date in the past means no wait.
     */
    public Optional<Duration> retryAfter(String headerValue, Instant now) {
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        String value = headerValue.trim();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException | ArithmeticException e) {
                wait = maxRetryAfter;
            }
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(now, at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait);
    }

    /** The wait before retry number {@code retry}: the server's Retry-After when it sent one, else backoff. */
    public Duration delayBeforeRetry(int retry, Optional<Duration> retryAfter, double random) {
        return retryAfter.orElseGet(() -> backoff(retry, random));
    }
}
