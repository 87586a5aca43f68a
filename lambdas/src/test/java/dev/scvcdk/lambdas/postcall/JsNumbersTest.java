package dev.scvcdk.lambdas.postcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Scores are sent as JavaScript's String(number) spells them, as SCV sends them. */
class JsNumbersTest {

    @ParameterizedTest(name = "{0} is spelled {1}")
    @CsvSource({
            "0, 0", "-0.0, 0", "0.0, 0", "0.8, 0.8", "-0.8, -0.8", "2.0, 2", "-5, -5", "1.25, 1.25",
            "0.1, 0.1", "123456789012, 123456789012", "0.000001, 0.000001", "1.5e-7, 1.5e-7", "1e-7, 1e-7",
            "1e21, 1e+21", "1.5e21, 1.5e+21", "1e20, 100000000000000000000"})
    void aNumberIsSpelledAsJavaScriptSpellsIt(double value, String expected) {
        // GIVEN / WHEN / THEN
        assertThat(JsNumbers.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aNonFiniteValueIsRefused(double value) {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> JsNumbers.format(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a finite number");
    }
}
