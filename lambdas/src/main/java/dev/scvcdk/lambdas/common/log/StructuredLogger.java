package dev.scvcdk.lambdas.common.log;

import dev.scvcdk.contracts.LogLevel;

import dev.scvcdk.contracts.EnvVar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes one JSON object per line (CloudWatch Logs Insights parses them): timestamp, level, logger, message,
 * contactId and caller fields.
 *
 * <p>Fields whose name suggests a credential (token, key, secret, password, authorization, assertion, jwt)
 * are written as {@code [REDACTED]}, so a careless call cannot leak one. Exceptions are logged by class and
 * message only.
 */
public final class StructuredLogger {
    private static final Pattern SENSITIVE = Pattern.compile(
            "(?i).*(token|key|secret|password|authorization|assertion|jwt|credential).*");
    private static final String REDACTED = "[REDACTED]";
    private static final LogLevel ENVIRONMENT_LEVEL = LogLevel.parse(System.getenv(EnvVar.LOG_LEVEL), LogLevel.INFO);

    private final String name;
    private final LogLevel threshold;
    private final PrintStream out;
    private final Clock clock;

    public StructuredLogger(String name, LogLevel threshold, PrintStream out, Clock clock) {
        this.name = name;
        this.threshold = threshold;
        this.out = out;
        this.clock = clock;
    }

    /** A logger writing to stdout at the level named by the {@code LOG_LEVEL} variable (default INFO). */
    public static StructuredLogger forClass(Class<?> type) {
        return new StructuredLogger(type.getSimpleName(), ENVIRONMENT_LEVEL, System.out, Clock.systemUTC());
    }

    private boolean isEnabled(LogLevel level) {
        return level.compareTo(threshold) >= 0;
    }

    public void debug(String message, String contactId, Map<String, ?> fields) {
        log(LogLevel.DEBUG, message, contactId, fields, null);
    }

    public void info(String message, String contactId, Map<String, ?> fields) {
        log(LogLevel.INFO, message, contactId, fields, null);
    }

    public void warn(String message, String contactId, Map<String, ?> fields) {
        log(LogLevel.WARN, message, contactId, fields, null);
    }

    public void error(String message, String contactId, Map<String, ?> fields, Throwable error) {
        log(LogLevel.ERROR, message, contactId, fields, error);
    }

    public void log(LogLevel level, String message, String contactId, Map<String, ?> fields, Throwable error) {
        if (!isEnabled(level)) {
            return;
        }
        ObjectNode line = Json.object();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level.name());
        line.put("logger", name);
        line.put("message", message);
        if (contactId != null) {
            line.put("contactId", contactId);
        }
        if (fields != null) {
            fields.forEach((key, value) -> {
                if (!line.has(key)) {
                    line.set(key, SENSITIVE.matcher(key).matches()
                            ? line.textNode(REDACTED)
                            : Json.MAPPER.valueToTree(value));
                }
            });
        }
        if (error != null) {
            line.put("error", error.getClass().getSimpleName());
            line.put("errorMessage", String.valueOf(error.getMessage()));
        }
        String text = Json.write(line);
        synchronized (out) {
            out.println(text);
        }
    }

    @Override
    public String toString() {
        return "StructuredLogger[" + name + ", " + threshold.name().toLowerCase(Locale.ROOT) + "]";
    }
}
