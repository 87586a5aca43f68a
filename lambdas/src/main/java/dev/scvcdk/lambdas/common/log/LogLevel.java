package dev.scvcdk.lambdas.common.log;

import java.util.Locale;
import java.util.Set;

/** Severity of a log line; lines below the function's {@code LOG_LEVEL} are not written. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    /** The values a {@code LOG_LEVEL} variable may take (upper case): the levels and {@code WARNING} for WARN. */
    public static final Set<String> NAMES = Set.of("DEBUG", "INFO", "WARN", "WARNING", "ERROR");

    /** The level named by {@code value} (case-insensitive); {@code fallback} when it is null or unknown. */
    public static LogLevel parse(String value, LogLevel fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("WARNING")) {
            return WARN;
        }
        for (LogLevel level : values()) {
            if (level.name().equals(upper)) {
                return level;
            }
        }
        return fallback;
    }
}
