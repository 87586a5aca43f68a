package dev.scvcdk.contracts;

import java.util.Locale;
import java.util.List;

/**
 * Severity of a log line; lines below the function's {@code LOG_LEVEL} are not written. Shared by the functions,
 * which parse the variable, and the stacks, which refuse a value the functions would not understand.
 */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    /** The values a {@code LOG_LEVEL} variable may take (upper case): the levels and {@code WARNING} for WARN. */
    public static final List<String> NAMES = List.of("DEBUG", "INFO", "WARN", "WARNING", "ERROR");

    /** The level named by {@code value} (case-insensitive); {@code fallback} when it is null or unknown. */
    public static LogLevel parse(String value, LogLevel fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!NAMES.contains(upper)) {
            return fallback;
        }
        return upper.equals("WARNING") ? WARN : valueOf(upper);
    }
}
