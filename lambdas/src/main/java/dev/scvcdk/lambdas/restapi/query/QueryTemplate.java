package dev.scvcdk.lambdas.restapi.query;

import dev.scvcdk.lambdas.restapi.InvalidRequestException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the named slots ({@code {name}}, {@code {{name}}}) of caller-written SOQL and SOSL templates,
 * escaping each value for the place it lands in. The template belongs to whoever built the contact
 * flow; the values come from callers and are data:
 *
 * <ul>
 *   <li>inside a single-quoted literal: SOQL literal escaping, plus {@code %}/{@code _} escaping when
 *       the literal is a {@code LIKE} pattern (the template's own wildcards stay wildcards);</li>
 *   <li>inside a SOSL search term ({@code FIND {...}}): SOSL escaping; a slot that directly
 *       follows {@code FIND} becomes a whole, braced search term;</li>
 *   <li>anywhere else: the value must be a field or object name (or a comma-separated list of them),
 *       a number or a date literal — never free text.</li>
 * </ul>
 *
 * Every occurrence of every slot is filled.
 */
public final class QueryTemplate {

    /** How slots are written. */
    public enum Syntax {
        /** SCV's {@code {name}}. */
        SINGLE_BRACE(Pattern.compile("\\{([A-Za-z0-9_.\\-]+)\\}")),
        /** The Amazon Connect Salesforce Lambda package's {@code {{name}}} (spaces inside allowed). */
        DOUBLE_BRACE(Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*\\}\\}"));

        private final Pattern pattern;

        Syntax(Pattern pattern) {
            this.pattern = pattern;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("^-?\\d{1,18}(\\.\\d{1,18})?$");
    private static final Pattern DATE_OR_DATETIME = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2}))?$");
    private static final Pattern DATE_LITERAL_WITH_N = Pattern.compile("^[A-Z][A-Z_]*:\\d{1,4}$");

    private QueryTemplate() {
    }

    /**
     * Fills a SOQL template. A slot with no parameter of that name is an error: braces are never
     * valid SOQL, so sending it would only fail later and less clearly.
     *
     * @param parameter the name of the parameter holding the template, for error messages
     */
    public static String fillSoql(String parameter, String template, Map<String, String> values, Syntax syntax) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        boolean inQuote = false;
        boolean likePattern = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            Matcher m = syntax.pattern.matcher(template).region(i, template.length());
            if (m.lookingAt()) {
                String name = m.group(1);
                String value = values.get(name);
                if (value == null) {
                    throw new InvalidRequestException("parameter '" + parameter + "' uses slot '" + m.group()
                            + "' but no parameter named '" + name + "' was sent");
                }
                out.append(inQuote ? literal(value, likePattern) : bare(name, value));
                i = m.end();
                continue;
            }
            if (inQuote && c == '\\' && i + 1 < template.length()) {
                out.append(c).append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (!inQuote) {
                    likePattern = endsWithKeyword(out, "LIKE");
                }
                inQuote = !inQuote;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * Fills a SOSL template written with {@code {name}} slots. Braces that do not name a sent
     * parameter are SOSL's own search-term braces and are kept.
     */
    public static String fillSosl(String template, Map<String, String> values) {
        Pattern slot = Syntax.SINGLE_BRACE.pattern;
        StringBuilder out = new StringBuilder(template.length() + 32);
        boolean inQuote = false;
        boolean inTerm = false;
        boolean likePattern = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            Matcher m = slot.matcher(template).region(i, template.length());
            if (m.lookingAt() && values.containsKey(m.group(1))) {
                String name = m.group(1);
                String value = values.get(name);
                if (inQuote) {
                    out.append(literal(value, likePattern));
                } else if (inTerm) {
                    out.append(Sosl.escapeTerm(value));
                } else if (endsWithKeyword(out, "FIND")) {
                    out.append('{').append(Sosl.escapeTerm(value)).append('}');
                } else {
                    out.append(bare(name, value));
                }
                i = m.end();
                continue;
            }
            if ((inQuote || inTerm) && c == '\\' && i + 1 < template.length()) {
                out.append(c).append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            if (!inTerm && c == '\'') {
                if (!inQuote) {
                    likePattern = endsWithKeyword(out, "LIKE");
                }
                inQuote = !inQuote;
            } else if (!inQuote && c == '{') {
                inTerm = true;
            } else if (!inQuote && c == '}') {
                inTerm = false;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * Fills {@code {{name}}} slots in plain text (a Chatter message): values go in as written,
     * and slots that name no parameter stay as they are.
     */
    public static String fillText(String template, Map<String, String> values) {
        Matcher m = Syntax.DOUBLE_BRACE.pattern.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String literal(String value, boolean likePattern) {
        return likePattern ? Soql.escapeLike(value) : Soql.escapeLiteral(value);
    }

    /** A value placed outside quotes: only names, numbers and date literals pass. */
    private static String bare(String name, String value) {
        String v = value.strip();
        if (NUMBER.matcher(v).matches() || DATE_OR_DATETIME.matcher(v).matches()
                || DATE_LITERAL_WITH_N.matcher(v).matches()) {
            return v;
        }
        String[] parts = v.split(",", -1);
        StringBuilder names = new StringBuilder();
        for (String part : parts) {
            String p = part.strip();
            if (!SalesforceNames.isFieldPath(p)) {
                throw new InvalidRequestException("parameter '" + name + "' value '" + value
                        + "' is placed outside quotes in the query, so it must be a field or object name"
                        + " (or a comma-separated list of them), a number or a date literal");
            }
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(p);
        }
        return names.toString();
    }

    /** True when the text so far ends with {@code keyword} as a whole word, ignoring trailing spaces. */
    private static boolean endsWithKeyword(CharSequence text, String keyword) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end - keyword.length();
        if (start < 0) {
            return false;
        }
        String word = text.subSequence(start, end).toString().toUpperCase(Locale.ROOT);
        boolean wordStart = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)) && text.charAt(start - 1) != '_';
        return wordStart && word.equals(keyword);
    }
}
