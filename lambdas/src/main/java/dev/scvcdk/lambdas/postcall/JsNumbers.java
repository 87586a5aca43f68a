package dev.scvcdk.lambdas.postcall;

import java.math.BigDecimal;

/** Numbers spelled as JavaScript's {@code String(number)} spells them: SCV sends scores as such strings. */
final class JsNumbers {
    private JsNumbers() {
    }

    /**
     * {@code 0} → "0" (also -0), {@code 0.8} → "0.8", {@code 2.0} → "2", {@code 1.5e-7} → "1.5e-7",
     * {@code 1e21} → "1e+21".
     *
     * @throws IllegalArgumentException for NaN and infinities (JavaScript would print "NaN", never sent)
     */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value is " + value + ": must be a finite number");
        }
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (value == Math.rint(value) && abs < 1e21) {
            return new BigDecimal(value).toBigInteger().toString();
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }
}
