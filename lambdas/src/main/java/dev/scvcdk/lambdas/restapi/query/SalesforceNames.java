package dev.scvcdk.lambdas.restapi.query;

import dev.scvcdk.lambdas.restapi.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of the names callers hand us: object and field API names, relationship paths, record
 * ids. Names are never escaped and spliced: they either are plain identifiers or the request fails.
 */
public final class SalesforceNames {

    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*(__[a-z]+)?$");
    private static final Pattern RECORD_ID = Pattern.compile("^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$");
    private static final int MAX_NAME_LENGTH = 255;

    /** SOQL/SOSL keywords that would change a query's shape if accepted as a name. */
    private static final Set<String> KEYWORDS = Set.of(
            "ABOVE", "ABOVE_OR_BELOW", "ALL", "AND", "AS", "ASC", "AT", "BELOW", "BY", "DESC", "ELSE", "END",
            "EXCLUDES", "FALSE", "FIND", "FIRST", "FOR", "FROM", "GROUP", "HAVING", "IN", "INCLUDES", "LAST",
            "LIKE", "LIMIT", "NOT", "NULL", "NULLS", "OFFSET", "OR", "ORDER", "RETURNING", "ROWS", "SCOPE",
            "SELECT", "THEN", "TRUE", "TYPEOF", "UPDATE", "USING", "WHEN", "WHERE", "WITH");

    private SalesforceNames() {
    }

    /** True when {@code name} is one API name, e.g. {@code Phone}, {@code Score__c}. */
    public static boolean isIdentifier(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && IDENTIFIER.matcher(name).matches()
                && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT));
    }

    /** True when {@code path} is an API name or a dotted relationship path, e.g. {@code Account.Owner.Name}. */
    public static boolean isFieldPath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (String segment : path.split("\\.", -1)) {
            if (!isIdentifier(segment)) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code name} when it is an object or field API name; otherwise fails naming the parameter. */
    public static String requireIdentifier(String parameter, String name) {
        if (!isIdentifier(name)) {
            throw new InvalidRequestException("parameter '" + parameter + "' value '" + name
                    + "' is not a Salesforce API name (letters, digits and underscores, starting with a letter)");
        }
        return name;
    }

    /** Returns {@code name} when a parameter's name is a field API name, so it can be sent as a record field. */
    public static String requireFieldName(String name) {
        if (!isIdentifier(name)) {
            throw new InvalidRequestException("parameter name '" + name
                    + "' is not a Salesforce field API name (letters, digits and underscores, starting with a letter)");
        }
        return name;
    }

    /** Returns {@code path} when it is a field name or relationship path; otherwise fails naming the parameter. */
    public static String requireFieldPath(String parameter, String path) {
        if (!isFieldPath(path)) {
            throw new InvalidRequestException("parameter '" + parameter + "' value '" + path
                    + "' is not a Salesforce field name or relationship path (e.g. Name, Account.Name)");
        }
        return path;
    }

    /**
     * Splits a comma-separated field list ({@code "Id, Name, Account.Name"}) and validates each entry.
     *
     * @return the field paths, in order
     */
    public static List<String> requireFieldList(String parameter, String fields) {
        if (fields == null || fields.isBlank()) {
            throw new InvalidRequestException("parameter '" + parameter + "' is required: a comma-separated list of field names");
        }
        List<String> result = new ArrayList<>();
        for (String field : fields.split(",", -1)) {
            result.add(requireFieldPath(parameter, field.strip()));
        }
        return result;
    }

    /** Returns {@code id} when it is a 15 or 18 character Salesforce record id; otherwise fails naming the parameter. */
    public static String requireRecordId(String parameter, String id) {
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw new InvalidRequestException("parameter '" + parameter + "' value '" + id
                    + "' is not a Salesforce record id (15 or 18 letters and digits)");
        }
        return id;
    }

    /**
     * Normalises an object API name as SCV does for names typed in one case ({@code CASE} and
     * {@code case} become {@code Case}); mixed-case names ({@code VoiceCall}) and custom or namespaced
     * names ({@code Call_Note__c}, {@code ns__Thing__c}) are kept as written.
     */
    public static String normaliseObjectName(String parameter, String name) {
        requireIdentifier(parameter, name);
        boolean oneCase = name.equals(name.toUpperCase(Locale.ROOT)) || name.equals(name.toLowerCase(Locale.ROOT));
        if (name.contains("__") || !oneCase) {
            return name;
        }
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
