package dev.scvcdk.lambdas.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.contracts.LogLevel;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A logger whose JSON lines the test can read back. */
public final class CapturingLog {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final StructuredLogger logger =
            new StructuredLogger("test", LogLevel.DEBUG, new PrintStream(buffer, true, StandardCharsets.UTF_8), Clock.systemUTC());

    public StructuredLogger logger() {
        return logger;
    }

    public String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    public List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(Json.read(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }
}
