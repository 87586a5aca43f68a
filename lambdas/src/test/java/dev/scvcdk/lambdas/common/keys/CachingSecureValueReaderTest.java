package dev.scvcdk.lambdas.common.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingSecureValueReaderTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void valueIsReadOnceWithinItsTimeToLive() {
        CachingSecureValueReader reader = new CachingSecureValueReader(
                name -> name + "-v" + reads.incrementAndGet(), Duration.ofMinutes(10), clock);
        assertThat(reader.read("key")).isEqualTo("key-v1");
        clock.advance(Duration.ofMinutes(9));
        assertThat(reader.read("key")).isEqualTo("key-v1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void valueIsReadAgainAfterItsTimeToLive() {
        CachingSecureValueReader reader = new CachingSecureValueReader(
                name -> name + "-v" + reads.incrementAndGet(), Duration.ofMinutes(10), clock);
        reader.read("key");
        clock.advance(Duration.ofMinutes(10));
        assertThat(reader.read("key")).isEqualTo("key-v2");
    }

    @Test
    void failuresAreNotCached() {
        CachingSecureValueReader reader = new CachingSecureValueReader(name -> {
            if (reads.incrementAndGet() == 1) {
                throw new SecureValueException("throttled");
            }
            return "value";
        }, Duration.ofMinutes(10), clock);
        assertThatThrownBy(() -> reader.read("key")).hasMessage("throttled");
        assertThat(reader.read("key")).isEqualTo("value");
    }

    @Test
    void invalidateForcesARead() {
        CachingSecureValueReader reader = new CachingSecureValueReader(
                name -> "v" + reads.incrementAndGet(), Duration.ofMinutes(10), clock);
        reader.read("key");
        reader.invalidate("key");
        assertThat(reader.read("key")).isEqualTo("v2");
    }
}
