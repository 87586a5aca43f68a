package dev.scvcdk.lambdas.common.media.kvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IdleTimeoutInputStreamTest {

    /**
     * A body that sends {@code bytes}, one per {@code gapMillis}, then goes silent until closed, and then reads as
     * ended: what the JDK HTTP client's body does when another thread closes it.
     */
    private static final class SilentBody extends InputStream {
        private final byte[] bytes;
        private final long gapMillis;
        private final CountDownLatch closed = new CountDownLatch(1);
        private int next;

        SilentBody(byte[] bytes, long gapMillis) {
            this.bytes = bytes;
            this.gapMillis = gapMillis;
        }

        @Override
        public int read() throws IOException {
            try {
                if (next < bytes.length) {
                    Thread.sleep(gapMillis);
                    return bytes[next++];
                }
                closed.await();
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        /** One byte at a time, as a network body returns what has arrived. */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int b = read();
            if (b < 0) {
                return -1;
            }
            buffer[offset] = (byte) b;
            return 1;
        }

        @Override
        public void close() {
            closed.countDown();
        }

        boolean isClosed() throws InterruptedException {
            return closed.await(0, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    @Timeout(30)
    void aReadThatWaitsLongerThanTheIdleTimeFailsInsteadOfReadingAsTheEnd() throws Exception {
        // GIVEN a body that sends three bytes and then nothing, read with a short idle time
        SilentBody body = new SilentBody(new byte[] {1, 2, 3}, 0);
        try (IdleTimeoutInputStream in = new IdleTimeoutInputStream(body, Duration.ofMillis(200))) {
            // WHEN it is read past what arrived
            assertThat(in.readNBytes(3)).containsExactly(1, 2, 3);
            // THEN the read fails with the timeout (the closed body's end of stream is not taken as the end), the
            // body is closed, and every later read fails the same way
            assertThatThrownBy(in::read).isInstanceOf(IdleTimeoutInputStream.IdleTimeoutException.class)
                    .hasMessage("no media bytes for 200 ms: the connection is taken as lost");
            assertThat(body.isClosed()).isTrue();
            assertThatThrownBy(() -> in.read(new byte[8], 0, 8))
                    .isInstanceOf(IdleTimeoutInputStream.IdleTimeoutException.class);
        }
    }

    @Test
    @Timeout(30)
    void aBodyWhoseBytesKeepComingIsReadWhollyThoughItTakesLongerThanTheIdleTimeInAll() throws Exception {
        // GIVEN 40 bytes 10 ms apart (400 ms in all), read with an idle time of 300 ms
        SilentBody trickle = new SilentBody(new byte[40], 10);
        try (IdleTimeoutInputStream in = new IdleTimeoutInputStream(trickle, Duration.ofMillis(300))) {
            // WHEN read THEN every byte arrives: no single read waited the idle time
            assertThat(in.readNBytes(40)).hasSize(40);
            assertThat(trickle.isClosed()).isFalse();
        }
    }

    @Test
    void theIdleTimeMustBePositive() {
        assertThatThrownBy(() -> new IdleTimeoutInputStream(InputStream.nullInputStream(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
