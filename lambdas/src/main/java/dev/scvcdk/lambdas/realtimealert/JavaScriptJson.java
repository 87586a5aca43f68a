package dev.scvcdk.lambdas.realtimealert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Compact JSON text as JavaScript's {@code JSON.stringify} writes it, which SCV's alert payload text uses: keys in
 * document order, no spaces, and numbers as JavaScript prints them ({@code 3}, not {@code 3.0}; {@code 1e-7}).
 */
final class JavaScriptJson {
    private JavaScriptJson() {
    }

    static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(first ? "" : ",").append(Json.write(field.getKey())).append(':');
                write(field.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i > 0 ? "," : "");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node));
        } else {
            out.append(Json.write(node));
        }
    }

    /** JavaScript's Number#toString: shortest digits, plain from 1e-6 up to 1e21 (exclusive), else exponent form. */
    static String number(JsonNode node) {
        double value = node.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0";
        }
        // A JavaScript number is a double: a longer integer prints rounded, as it does there.
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -6 && exponent < 21) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (decimal.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent > 0 ? "+" : "") + exponent;
    }
}
