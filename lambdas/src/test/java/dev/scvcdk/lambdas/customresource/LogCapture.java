package dev.scvcdk.lambdas.customresource;

import dev.scvcdk.contracts.LogLevel;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** A structured logger at DEBUG whose output tests can read, to check what was (and was not) logged. */
public final class LogCapture {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final StructuredLogger logger = new StructuredLogger("test", LogLevel.DEBUG,
            new PrintStream(buffer, true, StandardCharsets.UTF_8), Clock.systemUTC());

    public StructuredLogger logger() {
        return logger;
    }

    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
