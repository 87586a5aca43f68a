package dev.scvcdk.lambdas.restapi.connectpkg;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package's relative date values for {@code create} and {@code update}: {@code "2d|date"} is the
 * date two days from now, {@code "|datetime"} now, {@code "30m|time"} the time in half an hour (UTC).
 * Units: {@code w} weeks, {@code d} days, {@code h} hours, {@code m} minutes.
 *
 * <p>Only a value that is entirely such an expression is converted; any other value containing a
 * {@code |} is sent as written (the package rejected it, failing the call).
 */
final class RelativeDates {

    private static final Pattern EXPRESSION = Pattern.compile("^\\s*(?:(\\d{1,6})([wdhmWDHM]))?\\s*\\|\\s*(date|time|datetime)\\s*$");
    private static final Map<String, DateTimeFormatter> FORMATS = Map.of(
            "datetime", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC),
            "date", DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC),
            "time", DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC));

    private RelativeDates() {
    }

    /** {@code value} with a relative date expression resolved against {@code now}; other values unchanged. */
    static String resolve(String value, Instant now) {
        Matcher m = EXPRESSION.matcher(value);
        if (!m.matches()) {
            return value;
        }
        Duration delta = Duration.ZERO;
        if (m.group(1) != null) {
            long amount = Long.parseLong(m.group(1));
            delta = switch (Character.toLowerCase(m.group(2).charAt(0))) {
                case 'w' -> Duration.ofDays(7 * amount);
                case 'd' -> Duration.ofDays(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        return FORMATS.get(m.group(3)).format(now.plus(delta));
    }
}
