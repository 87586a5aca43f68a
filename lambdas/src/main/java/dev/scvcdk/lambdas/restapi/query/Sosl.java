package dev.scvcdk.lambdas.restapi.query;

/**
 * Escaping for values placed inside a SOSL search term ({@code FIND {...}}).
 *
 * <p>Every SOSL reserved character is escaped with a backslash, so a value can neither close the
 * braces nor act as an operator or wildcard. Control characters become spaces: they carry no meaning
 * in a search term and would otherwise end up raw in the query string.
 */
public final class Sosl {

    private static final String RESERVED = "?&|!{}[]()^~*:\\\"'+-";

    private Sosl() {
    }

    /** Escapes a value for use inside the braces of a SOSL {@code FIND} clause. */
    public static String escapeTerm(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
