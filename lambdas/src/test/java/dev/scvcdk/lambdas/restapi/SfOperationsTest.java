package dev.scvcdk.lambdas.restapi;

import static dev.scvcdk.lambdas.restapi.RestApiRig.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.restapi.FakeSalesforce.Request;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Amazon Connect Salesforce Lambda package's {@code sf_operation} contract, one fixture per operation. */
class SfOperationsTest extends RestApiRig.PerTest {

    private static final String TWO_CONTACTS = "{\"totalSize\":2,\"done\":true,\"records\":["
            + "{\"attributes\":{\"type\":\"Contact\",\"url\":\"/a\"},\"Id\":\"0035e00000ABCDeAAF\",\"Name\":\"Ada Lovelace\"},"
            + "{\"attributes\":{\"type\":\"Contact\",\"url\":\"/b\"},\"Id\":\"0035e00000ZZZZZAAF\",\"Name\":\"Alan Turing\"}]}";
    private static final String NO_RECORDS = "{\"totalSize\":0,\"done\":true,\"records\":[]}";

    @Test
    void lookupOnAHomePhoneMatchesItsLastTenDigitsInGroups() {
        // GIVEN two contacts match
        rig.salesforce.reply("GET", "/query", 200, TWO_CONTACTS);

        // WHEN the package's sample lookup event runs
        Map<String, Object> result = invoke(handler, "sf-lookup");

        // THEN the phone condition is the package's digit-group LIKE, and the first record comes back with the count
        assertThat(rig.salesforce.onlyRequest().query())
                .containsExactly(entry("q", "SELECT Id, Name FROM Contact WHERE homephone LIKE '%112%233%4455%'"));
        assertThat(result).containsExactly(entry("Id", "0035e00000ABCDeAAF"), entry("Name", "Ada Lovelace"),
                entry("sf_count", "2"));
    }

    @Test
    void lookupComparesOtherConditionsForEquality() {
        rig.salesforce.reply("GET", "/query", 200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{},"
                + "\"Id\":\"5005e00000XYZ12AAC\",\"IsClosed\":false,\"Subject\":\"Invoice\"}]}");

        Map<String, Object> result = invoke(handler, "sf-lookup-case");

        assertThat(rig.salesforce.onlyRequest().query())
                .containsExactly(entry("q", "SELECT Id, IsClosed, Subject FROM Case WHERE CaseNumber = '00001026'"));
        assertThat(result).containsExactly(entry("Id", "5005e00000XYZ12AAC"), entry("IsClosed", "false"),
                entry("Subject", "Invoice"), entry("sf_count", "1"));
    }

    @Test
    void lookupWithNoMatchAnswersOnlyTheCount() {
        rig.salesforce.reply("GET", "/query", 200, NO_RECORDS);

        assertThat(invoke(handler, "sf-lookup")).containsExactly(entry("sf_count", "0"));
    }

    @Test
    void lookupAllAnswersEveryRecordNumbered() {
        rig.salesforce.reply("GET", "/query", 200, "{\"totalSize\":2,\"done\":true,\"records\":["
                + "{\"attributes\":{\"type\":\"Case\"},\"Id\":\"5005e00000AAAAAAAA\",\"Subject\":\"One\","
                + "\"Account\":{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\"}},"
                + "{\"attributes\":{\"type\":\"Case\"},\"Id\":\"5005e00000BBBBBAAA\",\"Subject\":\"Two\",\"Account\":null}]}");

        Map<String, Object> result = invoke(handler, "sf-lookup_all");

        assertThat(rig.salesforce.onlyRequest().query())
                .containsExactly(entry("q", "SELECT Id, Subject, Account.Name FROM Case WHERE Status = 'New'"));
        assertThat(result).containsExactly(entry("sf_records.0.Id", "5005e00000AAAAAAAA"),
                entry("sf_records.0.Subject", "One"), entry("sf_records.0.Account.Name", "Acme"),
                entry("sf_records.1.Id", "5005e00000BBBBBAAA"), entry("sf_records.1.Subject", "Two"),
                entry("sf_records.1.Account", ""), entry("sf_count", "2"));
    }

    @Test
    void phoneLookupSearchesPhoneFieldsForTheNumberAndItsNationalPart() {
        rig.salesforce.reply("GET", "/search", 200, "{\"searchRecords\":[{\"attributes\":{\"type\":\"Contact\"},"
                + "\"Id\":\"0035e00000ABCDeAAF\",\"Name\":\"Ada Lovelace\",\"Email\":\"ada@example.com\"}]}");

        Map<String, Object> result = invoke(handler, "sf-phoneLookup");

        Request request = rig.salesforce.onlyRequest();
        assertThat(request.path()).isEqualTo(FakeSalesforce.API + "/search");
        assertThat(request.query()).containsExactly(entry("q",
                "FIND {441122334455 OR 1122334455} IN PHONE FIELDS RETURNING Contact(Id, Name, Email)"));
        assertThat(result).containsExactly(entry("Id", "0035e00000ABCDeAAF"), entry("Name", "Ada Lovelace"),
                entry("Email", "ada@example.com"), entry("sf_count", "1"));
    }

    @Test
    void createPostsTheRemainingParametersAndAnswersTheId() throws Exception {
        rig.salesforce.reply("POST", "/sobjects/Case", 201, "{\"id\":\"5005e00000NEW01AAA\",\"success\":true,\"errors\":[]}");

        Map<String, Object> result = invoke(handler, "sf-create");

        Request request = rig.salesforce.onlyRequest();
        assertThat(request.path()).isEqualTo(FakeSalesforce.API + "/sobjects/Case");
        assertThat(Json.read(request.body())).isEqualTo(Json.read("{\"ContactId\":\"0035e00000ABCDeAAF\","
                + "\"Subject\":\"Amazon Connect Case\",\"Status\":\"New\",\"Origin\":\"Phone\",\"Priority\":\"Low\"}"));
        assertThat(result).containsExactly(entry("Id", "5005e00000NEW01AAA"));
    }

    @Test
    void updatePatchesTheRecordWithRelativeDatesResolvedAndReports204() throws Exception {
        rig.salesforce.reply("PATCH", "/sobjects/Case/5005e00000XYZ12AAC", 204, "");

        Map<String, Object> result = invoke(handler, "sf-update");

        Request request = rig.salesforce.onlyRequest();
        assertThat(request.method()).isEqualTo("PATCH");
        var body = Json.read(request.body());
        assertThat(body.get("Status").asText()).isEqualTo("Closed");
        assertThat(body.get("Follow_Up_Date__c").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(body.size()).isEqualTo(2);
        assertThat(result).containsExactly(entry("Status", "204"));
    }

    @Test
    void updateOfAMissingRecordFailsTheInvocation() {
        rig.salesforce.reply("PATCH", "/sobjects/Case/5005e00000XYZ12AAC", 404,
                "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");

        assertThatThrownBy(() -> invoke(handler, "sf-update"))
                .isInstanceOf(SalesforceApiException.class)
                .hasMessageContaining("NOT_FOUND");
    }

    @Test
    void deleteRemovesTheRecordAndReports204() {
        rig.salesforce.reply("DELETE", "/sobjects/Task/00T5e00000QRSTuAAB", 204, "");

        Map<String, Object> result = invoke(handler, "sf-delete");

        Request request = rig.salesforce.onlyRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo(FakeSalesforce.API + "/sobjects/Task/00T5e00000QRSTuAAB");
        assertThat(result).containsExactly(entry("Status", "204"));
    }

    @Test
    void queryFillsDoubleBracePlaceholdersAndAnswersRecordsAndCount() {
        rig.salesforce.reply("GET", "/query", 200, TWO_CONTACTS);

        Map<String, Object> result = invoke(handler, "sf-query");

        assertThat(rig.salesforce.onlyRequest().query())
                .containsExactly(entry("q", "select Id from Contact where Phone LIKE '%4155550100%'"));
        assertThat(result).isEqualTo(Map.of("sf_records", List.of(
                        Map.of("Id", "0035e00000ABCDeAAF", "Name", "Ada Lovelace"),
                        Map.of("Id", "0035e00000ZZZZZAAF", "Name", "Alan Turing")),
                "sf_count", "2"));
    }

    @Test
    void queryAnswersSeed004sShapeWithRecordsAsAnArrayOfFlattenedRecords() throws Exception {
        // GIVEN a contact whose account is a nested object, with Salesforce's attributes blocks
        rig.salesforce.reply("GET", "/query", 200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":"
                + "{\"type\":\"Contact\",\"url\":\"/c\"},\"Id\":\"00303000001RZfIAAW\",\"Account\":{\"attributes\":"
                + "{\"type\":\"Account\"},\"Name\":\"Acme\"}}]}");

        // WHEN a contact flow runs the package's query
        JsonNode answer = RestApiRig.invokeForJson(handler, Json.toMap(RestApiRig.fixture("sf-query")));

        // THEN it reads the documented document: sf_records an array of flat records, sf_count a string
        assertThat(answer).isEqualTo(Json.read("{\"sf_records\":[{\"Id\":\"00303000001RZfIAAW\","
                + "\"Account.Name\":\"Acme\"}],\"sf_count\":\"1\"}"));
    }

    @Test
    void queryWithNoMatchAnswersAnEmptyRecordsArrayAndCountZero() throws Exception {
        rig.salesforce.reply("GET", "/query", 200, NO_RECORDS);

        JsonNode answer = RestApiRig.invokeForJson(handler, Json.toMap(RestApiRig.fixture("sf-query")));

        assertThat(answer).isEqualTo(Json.read("{\"sf_records\":[],\"sf_count\":\"0\"}"));
    }

    @Test
    void queryOneAnswersTheRecordWhenExactlyOneMatches() {
        rig.salesforce.reply("GET", "/query", 200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{},"
                + "\"Id\":\"00T5e00000QRSTuAAB\",\"Subject\":\"Call\"}]}");

        Map<String, Object> result = invoke(handler, "sf-queryOne");

        assertThat(rig.salesforce.onlyRequest().query())
                .containsExactly(entry("q", "select Id, Subject from Task where Id = '00T5e00000QRSTuAAB'"));
        assertThat(result).containsExactly(entry("Id", "00T5e00000QRSTuAAB"), entry("Subject", "Call"),
                entry("sf_count", "1"));
    }

    @Test
    void queryOneAnswersOnlyTheCountWhenSeveralMatch() {
        rig.salesforce.reply("GET", "/query", 200, TWO_CONTACTS);

        assertThat(invoke(handler, "sf-queryOne")).containsExactly(entry("sf_count", "2"));
    }

    @Test
    void createChatterPostSendsTheFilledMessageWithTheMention() throws Exception {
        rig.salesforce.reply("POST", "/chatter/feed-elements", 201, "{\"id\":\"0D503000000ILY5CAO\"}");

        Map<String, Object> result = invoke(handler, "sf-createChatterPost");

        Request request = rig.salesforce.onlyRequest();
        assertThat(request.path()).isEqualTo(FakeSalesforce.API + "/chatter/feed-elements");
        assertThat(Json.read(request.body())).isEqualTo(Json.read("{\"body\":{\"messageSegments\":["
                + "{\"type\":\"Text\",\"text\":\"I had a problem during the call. My contact id is "
                + "4a573372-1f28-4e26-b97b-7c1d8a2ab9b1.\"},{\"type\":\"Mention\",\"id\":\"0055e000001AbCdAAK\"}]},"
                + "\"feedElementType\":\"FeedItem\",\"subjectId\":\"0035e00000ABCDeAAF\"}"));
        assertThat(result).containsExactly(entry("Id", "0D503000000ILY5CAO"));
    }

    @Test
    void createChatterCommentCommentsOnTheFeedElement() throws Exception {
        rig.salesforce.reply("POST", "/chatter/feed-elements/0D55e00000ILY5CCAX/capabilities/comments/items", 201,
                "{\"id\":\"0D703000000ChhNCAS\"}");

        Map<String, Object> result = invoke(handler, "sf-createChatterComment");

        Request request = rig.salesforce.onlyRequest();
        assertThat(Json.read(request.body())).isEqualTo(Json.read(
                "{\"body\":{\"messageSegments\":[{\"type\":\"Text\",\"text\":\"Please help me with case 1234\"}]}}"));
        assertThat(result).containsExactly(entry("Id", "0D703000000ChhNCAS"));
    }

    @Test
    void unknownOperationFailsNamingIt() {
        assertThatThrownBy(() -> invoke(handler, "sf-unknownOperation"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("sf_operation 'truncate' is not supported");
        assertThat(rig.salesforce.requests()).isEmpty();
    }
}
