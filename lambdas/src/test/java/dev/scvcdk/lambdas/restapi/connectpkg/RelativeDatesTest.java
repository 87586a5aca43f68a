package dev.scvcdk.lambdas.restapi.connectpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeDatesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T22:45:10Z");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "|date;2026-11-21",
        "2d|date;2026-11-23",
        "1w | datetime;2026-11-28T22:45:10Z",
        "2h|date;2026-11-22",
        "30m|time;23:15:10",
        "|datetime;2026-11-21T22:45:10Z"})
    void relativeExpressionsResolveAgainstNowInUtc(String value, String expected) {
        assertThat(RelativeDates.resolve(value, NOW)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Billing|Refund", "2x|date", "2d|fortnight", "New", "'|'"})
    void otherValuesAreSentAsWritten(String value) {
        assertThat(RelativeDates.resolve(value, NOW)).isEqualTo(value);
    }
}
