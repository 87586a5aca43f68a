package dev.scvcdk.lambdas.restapi.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful Salesforce REST answer.
 *
 * @param status the HTTP status (2xx)
 * @param body   the parsed JSON body; a {@code NullNode} when there is none (e.g. 204)
 */
public record SalesforceResponse(int status, JsonNode body) {
}
