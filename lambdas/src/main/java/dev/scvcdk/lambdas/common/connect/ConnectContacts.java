package dev.scvcdk.lambdas.common.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Amazon Connect's DescribeContact over its REST API ({@code GET /contacts/{InstanceId}/{ContactId}}), through
 * the project's signed {@link AwsApiClient} (the SDK's Connect module is not available at the pinned version).
 */
public final class ConnectContacts {
    private final AwsApiClient client;

    public ConnectContacts(AwsApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
        if (client.service() != AwsService.CONNECT) {
            throw new IllegalArgumentException("ConnectContacts needs a Connect client, not " + client.service());
        }
    }

    /** From the default chains ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_CONNECT}, the role's credentials). */
    public static ConnectContacts create() {
        return new ConnectContacts(AwsApiClient.create(AwsService.CONNECT));
    }

    /**
     * The {@code Contact} document of DescribeContact.
     *
     * @throws AwsApiException when Connect answers an error (after the client's retries) or cannot be reached
     */
    public JsonNode describeContact(String instanceId, String contactId) {
        HttpResponse<String> response = client.rest("DescribeContact", "GET",
                "/contacts/" + SdkHttpUtils.urlEncode(instanceId) + "/" + SdkHttpUtils.urlEncode(contactId),
                Map.of("Accept", "application/json"), "", null);
        try {
            JsonNode contact = Json.read(response.body()).path("Contact");
            if (!contact.isObject()) {
                throw new AwsApiException(AwsService.CONNECT, "DescribeContact", response.statusCode(),
                        "MalformedResponse", "the answer has no Contact object", null);
            }
            return contact;
        } catch (JsonProcessingException e) {
            throw new AwsApiException(AwsService.CONNECT, "DescribeContact", response.statusCode(),
                    "MalformedResponse", "the answer is not JSON", e);
        }
    }

    /**
     * A DescribeContact timestamp in epoch milliseconds: the REST protocol sends epoch seconds with a fraction
     * ({@code 1763719200.123}); an ISO-8601 string is accepted too. Empty when absent or unreadable.
     */
    public static OptionalLong epochMillis(JsonNode timestamp) {
        if (timestamp == null || timestamp.isMissingNode() || timestamp.isNull()) {
            return OptionalLong.empty();
        }
        if (timestamp.isNumber()) {
            // Decimal, not double arithmetic: 1763719200.123 s must be ...200123 ms, not ...200122.
            return OptionalLong.of(timestamp.decimalValue().movePointRight(3).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact());
        }
        if (timestamp.isTextual()) {
            String text = timestamp.asText().trim();
            try {
                return OptionalLong.of(new BigDecimal(text).movePointRight(3).setScale(0, RoundingMode.HALF_UP)
                        .longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                try {
                    return OptionalLong.of(Instant.parse(text).toEpochMilli());
                } catch (DateTimeParseException notIso) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
