package dev.scvcdk.lambdas.common.media.kvs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A media body that fails instead of waiting forever: when one read has waited {@code idle} without a byte, the
 * body is closed and the read throws {@link IdleTimeoutException}. Kinesis Video ends a GetMedia that has had no
 * new fragment for a few seconds, so a connection silent for longer is half-open; without this, the function would
 * wait for its own timeout. Closing the JDK HTTP client's body from another thread makes a blocked read return the
 * end of the stream, which would read as a normal end: the read therefore reports the timeout whatever it returned.
 *
 * <p>One reader thread; a shared daemon thread checks every stream a quarter of {@code idle} apart.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
    private static final long NOT_READING = Long.MIN_VALUE;

    /** Created on first use, so a function that never reads media starts no thread. */
    private static final class Watchdog {
        static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kvs-media-idle-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    private final Duration idle;
    private final ScheduledFuture<?> check;
    /** {@link System#nanoTime()} when the read in progress began, or {@link #NOT_READING}. */
    private volatile long readingSince = NOT_READING;
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream in, Duration idle) {
        super(Objects.requireNonNull(in, "in"));
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle is " + idle + ": must be positive");
        }
        this.idle = idle;
        long period = Math.max(1, idle.toMillis() / 4);
        this.check = Watchdog.EXECUTOR.scheduleWithFixedDelay(this::closeIfIdle, period, period,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        return (int) watched(super::read);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return (int) watched(() -> super.read(buffer, offset, length));
    }

    @Override
    public long skip(long n) throws IOException {
        return watched(() -> super.skip(n));
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }

    /** One blocking read of the body, timed by the watchdog while it waits. */
    private long watched(Read read) throws IOException {
        failIfTimedOut(null);
        readingSince = System.nanoTime();
        try {
            long result = read.run();
            failIfTimedOut(null);
            return result;
        } catch (IOException e) {
            failIfTimedOut(e);
            throw e;
        } finally {
            readingSince = NOT_READING;
        }
    }

    @FunctionalInterface
    private interface Read {
        long run() throws IOException;
    }

    /** Whatever the read returned or threw, once the body was closed for silence the read fails with that. */
    private void failIfTimedOut(IOException cause) throws IdleTimeoutException {
        if (timedOut && !(cause instanceof IdleTimeoutException)) {
            throw new IdleTimeoutException(idle, cause);
        }
    }

    private void closeIfIdle() {
        long since = readingSince;
        if (since != NOT_READING && System.nanoTime() - since >= idle.toNanos()) {
            timedOut = true;
            // check is set: a read began only after the constructor returned, and readingSince (volatile) says so
            check.cancel(false);
            try {
                in.close();
            } catch (IOException e) {
                // the read fails with the timeout either way
            }
        }
    }

    /**
     * No byte of media arrived for the idle time: the connection is taken as lost. What closing the body made the
     * read throw is kept as suppressed, not as the cause, so that messages naming the root cause name this.
     */
    static final class IdleTimeoutException extends IOException {
        IdleTimeoutException(Duration idle, IOException fromClosing) {
            super("no media bytes for " + idle.toMillis() + " ms: the connection is taken as lost");
            if (fromClosing != null) {
                addSuppressed(fromClosing);
            }
        }
    }
}
