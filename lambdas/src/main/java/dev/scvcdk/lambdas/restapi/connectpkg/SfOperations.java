package dev.scvcdk.lambdas.restapi.connectpkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.restapi.ConnectResults;
import dev.scvcdk.lambdas.restapi.InvalidRequestException;
import dev.scvcdk.lambdas.restapi.Parameters;
import dev.scvcdk.lambdas.restapi.query.QueryTemplate;
import dev.scvcdk.lambdas.restapi.query.SalesforceNames;
import dev.scvcdk.lambdas.restapi.query.Soql;
import dev.scvcdk.lambdas.restapi.query.Sosl;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceResponse;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceRestClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Amazon Connect Salesforce Lambda package's {@code sf_operation} contract ({@code sfInvokeAPI}).
 *
 * <p>Differences from the package, each to keep caller data from shaping a query: {@code lookup}
 * conditions always compare for equality (a {@code %} in a value is a character, not a wildcard —
 * wildcard searches belong in a {@code query} template, whose author owns them); {@code phoneLookup}
 * searches the digits of {@code sf_phone} and, for numbers longer than ten digits, also its last ten
 * (the national number in the plans the package's phone parsing covered). {@code delete} reports its status like
 * {@code update} ({@code Status: 204}).
 *
 * <p>Result shapes, as the package documents them: {@code query} answers
 * {@code {"sf_records": [{record, flattened, no attributes}, …], "sf_count": "N"}} ({@code "sf_records": []} when
 * nothing matched); {@code lookup}, {@code queryOne} and {@code phoneLookup} answer the one record's flattened
 * fields at the top level with {@code sf_count}; {@code lookup_all} numbers its records
 * ({@code sf_records.0.Id}).
 */
public final class SfOperations {

    private static final Set<String> PHONE_CONDITIONS = Set.of("mobilephone", "homephone");
    private static final int NATIONAL_DIGITS = 10;

    private final SalesforceRestClient salesforce;
    private final Clock clock;

    public SfOperations(SalesforceRestClient salesforce, Clock clock) {
        this.salesforce = salesforce;
        this.clock = clock;
    }

    /** Runs {@code sf_operation} with the remaining parameters. */
    public Map<String, Object> invoke(String operation, Parameters params) {
        return switch (operation) {
            case "lookup" -> lookup(params);
            case "lookup_all" -> lookupAll(params);
            case "phoneLookup" -> phoneLookup(params);
            case "create" -> create(params);
            case "update" -> update(params);
            case "delete" -> delete(params);
            case "query" -> query(params);
            case "queryOne" -> queryOne(params);
            case "createChatterPost" -> createChatterPost(params);
            case "createChatterComment" -> createChatterComment(params);
            default -> throw new InvalidRequestException("sf_operation '" + operation + "' is not supported; expected one of "
                    + "lookup, lookup_all, phoneLookup, create, update, delete, query, queryOne, createChatterPost, "
                    + "createChatterComment");
        };
    }

    private Map<String, Object> lookup(Parameters params) {
        String object = SalesforceNames.requireIdentifier("sf_object", params.required("sf_object", "lookup"));
        List<String> fields = SalesforceNames.requireFieldList("sf_fields", params.required("sf_fields", "lookup"));
        Map<String, String> conditions = params.without(Set.of("sf_object", "sf_fields"));
        if (conditions.isEmpty()) {
            throw new InvalidRequestException("lookup requires at least one condition parameter (a field name and its value)");
        }
        return firstRecord(query(select(fields, object, conditions)));
    }

    private Map<String, Object> lookupAll(Parameters params) {
        String object = SalesforceNames.requireIdentifier("sf_object", params.required("sf_object", "lookup_all"));
        List<String> fields = SalesforceNames.requireFieldList("sf_fields", params.required("sf_fields", "lookup_all"));
        Map<String, String> conditions = params.without(Set.of("sf_object", "sf_fields"));
        return records(query(select(fields, object, conditions)));
    }

    private Map<String, Object> phoneLookup(Parameters params) {
        String phone = params.required("sf_phone", "phoneLookup");
        List<String> fields = SalesforceNames.requireFieldList("sf_fields", params.required("sf_fields", "phoneLookup"));
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new InvalidRequestException("parameter 'sf_phone' value '" + phone + "' holds no digits");
        }
        String term = Sosl.escapeTerm(digits);
        if (digits.length() > NATIONAL_DIGITS) {
            term += " OR " + Sosl.escapeTerm(digits.substring(digits.length() - NATIONAL_DIGITS));
        }
        String sosl = "FIND {" + term + "} IN PHONE FIELDS RETURNING Contact(" + String.join(", ", fields) + ")";
        return firstRecord(salesforce.get("/search", Map.of("q", sosl)).body().path("searchRecords"));
    }

    private Map<String, Object> create(Parameters params) {
        String object = SalesforceNames.requireIdentifier("sf_object", params.required("sf_object", "create"));
        SalesforceResponse response = salesforce.post("/sobjects/" + object, fields(params.without(Set.of("sf_object"))));
        return Map.of("Id", response.body().path("id").asText(""));
    }

    private Map<String, Object> update(Parameters params) {
        String object = SalesforceNames.requireIdentifier("sf_object", params.required("sf_object", "update"));
        String id = SalesforceNames.requireRecordId("sf_id", params.required("sf_id", "update"));
        SalesforceResponse response = salesforce.patch("/sobjects/" + object + "/" + id,
                fields(params.without(Set.of("sf_object", "sf_id"))));
        return Map.of("Status", Integer.toString(response.status()));
    }

    private Map<String, Object> delete(Parameters params) {
        String object = SalesforceNames.requireIdentifier("sf_object", params.required("sf_object", "delete"));
        String id = SalesforceNames.requireRecordId("sf_id", params.required("sf_id", "delete"));
        SalesforceResponse response = salesforce.delete("/sobjects/" + object + "/" + id);
        return Map.of("Status", Integer.toString(response.status()));
    }

    private Map<String, Object> query(Parameters params) {
        String soql = QueryTemplate.fillSoql("query", params.required("query", "query"),
                params.without(Set.of("query")), QueryTemplate.Syntax.DOUBLE_BRACE);
        JsonNode records = query(soql);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sf_records", ConnectResults.flattenEach(records));
        result.put("sf_count", Integer.toString(records.size()));
        return result;
    }

    private Map<String, Object> queryOne(Parameters params) {
        String soql = QueryTemplate.fillSoql("query", params.required("query", "queryOne"),
                params.without(Set.of("query")), QueryTemplate.Syntax.DOUBLE_BRACE);
        JsonNode records = query(soql);
        Map<String, Object> result = new LinkedHashMap<>();
        if (records.size() == 1) {
            result.putAll(ConnectResults.flatten(records.get(0)));
        }
        result.put("sf_count", Integer.toString(records.size()));
        return result;
    }

    private Map<String, Object> createChatterPost(Parameters params) {
        String op = "createChatterPost";
        Map<String, String> rest = params.without(Set.of("sf_feedElementType", "sf_subjectId", "sf_messageType", "sf_message", "sf_mention"));
        ObjectNode body = Json.object();
        ArrayNode segments = body.putObject("body").putArray("messageSegments");
        segments.addObject().put("type", params.required("sf_messageType", op))
                .put("text", QueryTemplate.fillText(params.required("sf_message", op), rest));
        params.get("sf_mention").filter(s -> !s.isBlank())
                .ifPresent(mention -> segments.addObject().put("type", "Mention").put("id", mention));
        body.put("feedElementType", params.required("sf_feedElementType", op));
        body.put("subjectId", params.required("sf_subjectId", op));
        return Map.of("Id", salesforce.post("/chatter/feed-elements", body).body().path("id").asText(""));
    }

    private Map<String, Object> createChatterComment(Parameters params) {
        String op = "createChatterComment";
        String feedElementId = SalesforceNames.requireRecordId("sf_feedElementId", params.required("sf_feedElementId", op));
        Map<String, String> rest = params.without(Set.of("sf_feedElementId", "sf_commentType", "sf_commentMessage"));
        ObjectNode body = Json.object();
        body.putObject("body").putArray("messageSegments").addObject()
                .put("type", params.required("sf_commentType", op))
                .put("text", QueryTemplate.fillText(params.required("sf_commentMessage", op), rest));
        String path = "/chatter/feed-elements/" + feedElementId + "/capabilities/comments/items";
        return Map.of("Id", salesforce.post(path, body).body().path("id").asText(""));
    }

    /** {@code SELECT fields FROM object [WHERE a = 'x' AND ...]}, every value escaped, every name validated. */
    private static String select(List<String> fields, String object, Map<String, String> conditions) {
        StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", fields)).append(" FROM ").append(object);
        List<String> where = new ArrayList<>();
        conditions.forEach((field, value) -> where.add(condition(field, value)));
        if (!where.isEmpty()) {
            soql.append(" WHERE ").append(String.join(" AND ", where));
        }
        return soql.toString();
    }

    private static String condition(String field, String value) {
        SalesforceNames.requireFieldPath(field, field);
        if (PHONE_CONDITIONS.contains(field.toLowerCase(Locale.ROOT))) {
            // As the package does: match the last ten digits in groups, whatever the stored formatting.
            String digits = value.replaceAll("[^0-9]", "");
            if (digits.isEmpty()) {
                throw new InvalidRequestException("parameter '" + field + "' value '" + value + "' holds no digits");
            }
            if (digits.length() >= NATIONAL_DIGITS) {
                String national = digits.substring(digits.length() - NATIONAL_DIGITS);
                return field + " LIKE '%" + national.substring(0, 3) + "%" + national.substring(3, 6) + "%"
                        + national.substring(6) + "%'";
            }
            return field + " LIKE '%" + Soql.escapeLike(digits) + "%'";
        }
        return field + " = '" + Soql.escapeLiteral(value) + "'";
    }

    private JsonNode query(String soql) {
        return salesforce.get("/query", Map.of("q", soql)).body().path("records");
    }

    /** lookup_all's numbered shape: {@code sf_records.0.Id}, …, {@code sf_count}. */
    private static Map<String, Object> records(JsonNode records) {
        Map<String, String> flat = new LinkedHashMap<>();
        ConnectResults.flattenInto(flat, "sf_records", records);
        Map<String, Object> result = new LinkedHashMap<>(flat);
        result.put("sf_count", Integer.toString(records.size()));
        return result;
    }

    /** The first record's fields, flattened, and how many records matched. */
    private static Map<String, Object> firstRecord(JsonNode records) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!records.isEmpty()) {
            result.putAll(ConnectResults.flatten(records.get(0)));
        }
        result.put("sf_count", Integer.toString(records.size()));
        return result;
    }

    /** Record fields for create and update, with the package's relative dates ({@code 2d|date}) resolved. */
    private ObjectNode fields(Map<String, String> values) {
        Instant now = clock.instant();
        ObjectNode body = Json.object();
        values.forEach((name, value) -> body.put(SalesforceNames.requireFieldName(name), RelativeDates.resolve(value, now)));
        return body;
    }
}
