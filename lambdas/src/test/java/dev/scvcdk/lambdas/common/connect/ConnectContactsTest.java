package dev.scvcdk.lambdas.common.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.ConnectStub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.net.URI;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DescribeContact over Connect's REST API, and its timestamps as epoch milliseconds. */
class ConnectContactsTest {

    @Test
    void describeContactAnswersTheContactDocumentOfASignedGet() throws Exception {
        try (ConnectStub connect = new ConnectStub()) {
            // GIVEN Connect knows the contact
            connect.put("instance-1", "contact-1", Json.read("{\"Id\":\"contact-1\",\"InitiationTimestamp\":1.5}"));
            ConnectContacts contacts = new ConnectContacts(
                    TestAwsClients.client(AwsService.CONNECT, URI.create(connect.endpoint())));

            // WHEN it is described
            JsonNode contact = contacts.describeContact("instance-1", "contact-1");

            // THEN the Contact object is answered, from a signed request for that instance and contact
            assertThat(contact.path("Id").asText()).isEqualTo("contact-1");
            assertThat(connect.calls()).containsExactly(new ConnectStub.Call("instance-1", "contact-1", true));
        }
    }

    @Test
    void anUnknownContactIsConnectsResourceNotFoundError() throws Exception {
        try (ConnectStub connect = new ConnectStub()) {
            // GIVEN / WHEN / THEN
            ConnectContacts contacts = new ConnectContacts(
                    TestAwsClients.client(AwsService.CONNECT, URI.create(connect.endpoint())));
            assertThatThrownBy(() -> contacts.describeContact("instance-1", "nobody"))
                    .isInstanceOfSatisfying(AwsApiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
        }
    }

    @Test
    void aClientForAnotherServiceIsRefused() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> new ConnectContacts(
                TestAwsClients.client(AwsService.SSM, URI.create("http://127.0.0.1:1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not SSM");
    }

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"1763719200.123, 1763719200123", "1763719200, 1763719200000", "1763719210.5, 1763719210500",
            "'\"2025-11-21T10:00:00.123Z\"', 1763719200123", "'\"1763719200.123\"', 1763719200123"})
    void aTimestampIsReadAsEpochMillisecondsWithoutFloatingPointError(String json, long millis) throws Exception {
        // GIVEN / WHEN / THEN
        assertThat(ConnectContacts.epochMillis(Json.read(json))).hasValue(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"yesterday\"", "{}", "true"})
    void anAbsentOrUnreadableTimestampIsEmpty(String json) throws Exception {
        // GIVEN / WHEN / THEN
        assertThat(ConnectContacts.epochMillis(Json.read(json))).isEqualTo(OptionalLong.empty());
        assertThat(ConnectContacts.epochMillis(Json.object().path("missing"))).isEmpty();
    }
}
