package dev.scvcdk.lambdas.restapi.query;

/**
 * Escaping for values placed inside SOQL single-quoted string literals.
 *
 * <p>Values come from callers' keypads and contact attributes: they are data. After escaping, a value
 * can neither close the literal it sits in nor, inside a {@code LIKE} pattern, widen the match.
 */
public final class Soql {

    private Soql() {
    }

    /** Escapes a value for a SOQL string literal: {@code \ ' " \n \r \t \b \f}. */
    public static String escapeLiteral(String value) {
        return escape(value, false);
    }

    /** Escapes a value for a SOQL {@code LIKE} pattern: the literal escapes plus {@code %} and {@code _}. */
    public static String escapeLike(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean like) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '%' -> out.append(like ? "\\%" : "%");
                case '_' -> out.append(like ? "\\_" : "_");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
