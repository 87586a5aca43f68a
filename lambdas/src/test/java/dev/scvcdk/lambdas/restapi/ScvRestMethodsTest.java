package dev.scvcdk.lambdas.restapi;

import static dev.scvcdk.lambdas.restapi.RestApiRig.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.restapi.FakeSalesforce.Request;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SCV's {@code methodName} contract, one fixture per method, against the loopback org. */
class ScvRestMethodsTest extends RestApiRig.PerTest {

    /** What the Connect conversation upload API answers, as SCV's contact data sync reads it. */
    private static final String UPLOAD_RESULTS = "{\"conversationBulkUploadsResults\":["
            + "{\"contactId\":\"4a573372-1f28-4e26-b97b-7c1d8a2ab9b1\",\"uploadId\":\"0Xx5e000000AAAA\",\"status\":\"Success\"},"
            + "{\"contactId\":\"c0ffee00-1f28-4e26-b97b-7c1d8a2ab9b2\",\"uploadId\":\"0Xx5e000000BBBB\",\"status\":\"Success\"}]}";
    private static final String UPLOAD_STATUS = "{\"conversationUploadsStatus\":["
            + "{\"uploadId\":\"0Xx5e000000AAAA\",\"status\":\"Completed\"},"
            + "{\"uploadId\":\"0Xx5e000000BBBB\",\"status\":\"InProgress\"}]}";
    private static final String PUBLISHED = "{\"id\":\"e00xx0000000001AAA\",\"success\":true,"
            + "\"errors\":[{\"statusCode\":\"OPERATION_ENQUEUED\",\"message\":\"08b7c5c6\",\"fields\":[]}]}";

    @Test
    void createRecordPostsTheOtherParametersAsFieldsOfTheNormalisedObject() throws Exception {
        // GIVEN Salesforce creates the record
        rig.salesforce.reply("POST", "/sobjects/Case", 201, "{\"id\":\"5005e00000NEW01AAA\",\"success\":true,\"errors\":[]}");

        // WHEN a flow creates a CASE
        Map<String, Object> result = invoke(handler, "scv-createRecord");

        // THEN the object name is normalised, the fields are the remaining parameters, and the id comes back
        Request request = rig.salesforce.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(FakeSalesforce.API + "/sobjects/Case");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).startsWith("Bearer 00Dtoken!");
        assertThat(Json.read(request.body())).isEqualTo(Json.read(
                "{\"Subject\":\"Caller asked about an invoice\",\"Origin\":\"Phone\",\"ContactId\":\"0035e00000ABCDeAAF\"}"));
        assertThat(result).containsExactly(entry("success", "true"), entry("recordId", "5005e00000NEW01AAA"));
    }

    @Test
    void createRecordFailureFailsTheInvocation() {
        rig.salesforce.reply("POST", "/sobjects/Case", 400,
                "[{\"message\":\"Subject: bad value\",\"errorCode\":\"FIELD_CUSTOM_VALIDATION_EXCEPTION\",\"fields\":[]}]");

        assertThatThrownBy(() -> invoke(handler, "scv-createRecord"))
                .isInstanceOf(SalesforceApiException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("FIELD_CUSTOM_VALIDATION_EXCEPTION")
                .hasMessageContaining("Subject: bad value");
    }

    @Test
    void updateRecordPatchesTheRecordAndReportsSuccess() throws Exception {
        rig.salesforce.reply("PATCH", "/sobjects/Case/5005e00000XYZ12AAC", 204, "");

        Map<String, Object> result = invoke(handler, "scv-updateRecord");

        Request request = rig.salesforce.onlyRequest();
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.path()).isEqualTo(FakeSalesforce.API + "/sobjects/Case/5005e00000XYZ12AAC");
        assertThat(Json.read(request.body())).isEqualTo(Json.read("{\"Status\":\"Closed\",\"Priority\":\"Low\"}"));
        assertThat(result).containsExactly(entry("success", "true"));
    }

    @Test
    void queryRecordFillsEveryPlaceholderAndAnswersTheFirstRecordFlattened() {
        // GIVEN a query that uses {phone} twice and {origin} once
        rig.salesforce.reply("GET", "/query", 200, "{\"totalSize\":1,\"done\":true,\"records\":[{"
                + "\"attributes\":{\"type\":\"Case\",\"url\":\"/services/data/v60.0/sobjects/Case/5005e00000XYZ12AAC\"},"
                + "\"Id\":\"5005e00000XYZ12AAC\",\"CaseNumber\":\"00001026\",\"IsEscalated\":false,\"ClosedDate\":null,"
                + "\"Account\":{\"attributes\":{\"type\":\"Account\",\"url\":\"/x\"},\"Name\":\"Acme\"}}]}");

        // WHEN the flow queries
        Map<String, Object> result = invoke(handler, "scv-queryRecord");

        // THEN Salesforce receives the query with all three placeholders filled
        Request request = rig.salesforce.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.query()).containsExactly(entry("q",
                "SELECT Id, CaseNumber, Account.Name FROM Case WHERE SuppliedPhone = '+14155550100' AND Origin = 'Phone'"
                        + " AND Status != 'Closed' AND (ContactMobile = '+14155550100') LIMIT 1"));
        // AND the record comes back flat, without attributes blocks
        assertThat(result).containsExactly(entry("Id", "5005e00000XYZ12AAC"), entry("CaseNumber", "00001026"),
                entry("IsEscalated", "false"), entry("ClosedDate", ""), entry("Account.Name", "Acme"));
    }

    @Test
    void queryRecordWithNoMatchAnswersAnEmptyMap() {
        rig.salesforce.reply("GET", "/query", 200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");

        assertThat(invoke(handler, "scv-queryRecord")).isEmpty();
    }

    @Test
    void queryRecordAnswersASalesforceFailureInsteadOfFailing() {
        // GIVEN Salesforce rejects the query
        rig.salesforce.reply("GET", "/query", 400,
                "[{\"message\":\"unexpected token: OR\",\"errorCode\":\"MALFORMED_QUERY\"}]");

        // WHEN the flow queries
        Map<String, Object> result = invoke(handler, "scv-queryRecord");

        // THEN the flow gets SCV's failure shape to branch on
        assertThat(result).containsExactly(entry("success", "false"), entry("status", "400"),
                entry("statusText", "Bad Request"), entry("errorCode", "MALFORMED_QUERY"),
                entry("errorMessage", "unexpected token: OR"));
    }

    @Test
    void searchRecordSendsTheSoslAndAnswersTheFirstHitFlattened() {
        rig.salesforce.reply("GET", "/search", 200, "{\"searchRecords\":[{\"attributes\":{\"type\":\"Contact\",\"url\":\"/x\"},"
                + "\"Id\":\"0035e00000ABCDeAAF\",\"Name\":\"Ada Lovelace\",\"Account\":{\"attributes\":{\"type\":\"Account\"},"
                + "\"Name\":\"Acme\"}},{\"attributes\":{\"type\":\"Contact\"},\"Id\":\"0035e00000ZZZZZAAF\",\"Name\":\"B\"}]}");

        Map<String, Object> result = invoke(handler, "scv-searchRecord");

        assertThat(rig.salesforce.onlyRequest().query())
                .containsExactly(entry("q", "FIND {4155550100} IN PHONE FIELDS RETURNING Contact(Id, Name, Account.Name)"));
        assertThat(result).containsExactly(entry("Id", "0035e00000ABCDeAAF"), entry("Name", "Ada Lovelace"),
                entry("Account.Name", "Acme"));
    }

    @Test
    void searchRecordAnswersASalesforceFailureInsteadOfFailing() {
        rig.salesforce.reply("GET", "/search", 400, "[{\"message\":\"search term too short\",\"errorCode\":\"INVALID_SEARCH\"}]");

        assertThat(invoke(handler, "scv-searchRecord"))
                .containsEntry("success", "false")
                .containsEntry("status", "400")
                .containsEntry("errorCode", "INVALID_SEARCH")
                .containsEntry("errorMessage", "search term too short");
    }

    @Test
    void uploadTranscriptPostsOneTranscriptsTxtPartPerContact() throws Exception {
        // GIVEN Salesforce accepts the upload
        rig.salesforce.reply("POST", "/connect/conversations/upload", 201, UPLOAD_RESULTS);

        // WHEN ContactDataSync uploads two contacts' transcripts
        Map<String, Object> result = invoke(handler, "scv-uploadTranscript");

        // THEN one multipart request carries a part per contact, named by contact id, file transcripts.txt
        Request request = rig.salesforce.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(FakeSalesforce.API + "/connect/conversations/upload");
        assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = request.contentType().substring("multipart/form-data; boundary=".length());
        JsonNode pairs = Json.read(RestApiRig.fixture("scv-uploadTranscript").path("Details").path("Parameters")
                .path("contactIdsPayloadMap").asText());
        String expected = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"4a573372-1f28-4e26-b97b-7c1d8a2ab9b1\"; filename=\"transcripts.txt\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + pairs.get(0).get(1).asText() + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"c0ffee00-1f28-4e26-b97b-7c1d8a2ab9b2\"; filename=\"transcripts.txt\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + pairs.get(1).get(1).asText() + "\r\n"
                + "--" + boundary + "--\r\n";
        assertThat(request.body()).isEqualTo(expected);
        assertThat(result).isEqualTo(Json.toMap(Json.read(UPLOAD_RESULTS)));
    }

    @Test
    void uploadTranscriptAnswersTheBulkUploadResultsAsAnArrayForContactDataSync() {
        // GIVEN Salesforce accepts both transcripts
        rig.salesforce.reply("POST", "/connect/conversations/upload", 201, UPLOAD_RESULTS);

        // WHEN SCV's contact data sync uploads them and reads the answer
        JsonNode answer = RestApiRig.invokeForJson(handler, Json.toMap(RestApiRig.fixture("scv-uploadTranscript")));

        // THEN it finds conversationBulkUploadsResults as an array it can walk, not dotted keys
        assertThat(answer.path("conversationBulkUploadsResults").isArray()).isTrue();
        assertThat(answer.path("conversationBulkUploadsResults").get(1).path("status").asText()).isEqualTo("Success");
        assertThat(answer.has("conversationBulkUploadsResults.0.status")).isFalse();
    }

    @Test
    void uploadTranscriptRejectsAContactIdThatWouldBreakThePartHeader() {
        Map<String, Object> event = Json.toMap(RestApiRig.fixture("scv-uploadTranscript"));
        Map<String, Object> details = castMap(event.get("Details"));
        castMap(details.get("Parameters")).put("contactIdsPayloadMap", "[[\"x\\\"; filename=\\\"evil.sh\",\"t\"]]");

        assertThatThrownBy(() -> RestApiRig.invoke(handler, event))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("contactIdsPayloadMap")
                .hasMessageContaining("x\"; filename=\"evil.sh");
        assertThat(rig.salesforce.requests()).isEmpty();
    }

    @Test
    void fetchUploadIdsStatusAsksForTheIdsAndAnswersTheStatusArrayAsItIs() throws Exception {
        // GIVEN Salesforce reports one upload done and one still running
        rig.salesforce.reply("GET", "/connect/conversations/upload", 200, UPLOAD_STATUS);

        // WHEN SCV's contact data sync polls
        JsonNode answer = RestApiRig.invokeForJson(handler, Json.toMap(RestApiRig.fixture("scv-fetchUploadIdsStatus")));

        // THEN the ids go as SCV's comma-separated list, and conversationUploadsStatus comes back as the array it reads
        Request request = rig.salesforce.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.query()).containsExactly(entry("uploadIds", "0Xx5e000000AAAA,0Xx5e000000BBBB"));
        assertThat(answer).isEqualTo(Json.read(UPLOAD_STATUS));
        assertThat(answer.path("conversationUploadsStatus").get(1).path("status").asText()).isEqualTo("InProgress");
    }

    @Test
    void realtimeAlertEventPublishesThePlatformEventAndAnswersSalesforcesResultAsItIs() throws Exception {
        rig.salesforce.reply("POST", "/sobjects/RealtimeAlertEvent", 201, PUBLISHED);

        Map<String, Object> result = invoke(handler, "scv-realtimeAlertEvent");

        Request request = rig.salesforce.onlyRequest();
        assertThat(request.path()).isEqualTo(FakeSalesforce.API + "/sobjects/RealtimeAlertEvent");
        assertThat(Json.read(request.body())).isEqualTo(Json.read("{\"AlertType__c\":\"LongHold\","
                + "\"ContactId__c\":\"4a573372-1f28-4e26-b97b-7c1d8a2ab9b1\",\"Threshold__c\":\"300\"}"));
        assertThat(result).isEqualTo(Json.toMap(Json.read(PUBLISHED)));
    }

    @Test
    void fetchOutboundPhoneNumberLooksUpTheAgentsVoiceChannel() {
        // GIVEN the agent's routing map points at an active voice channel of this call center
        rig.salesforce.reply("GET", "/query", 200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{"
                + "\"type\":\"MessagingChannel\"},\"MessagingPlatformKey\":\"+18005550199\"}]}");

        // WHEN the flow asks for the outbound number
        Map<String, Object> result = invoke(handler, "scv-fetchOutboundPhoneNumber");

        // THEN the query names the call center (from the access-token parameter name) and the agent ARN
        assertThat(rig.salesforce.onlyRequest().query()).containsExactly(entry("q",
                "SELECT MessagingPlatformKey FROM MessagingChannel WHERE MessageType = 'Voice' AND IsActive = true"
                        + " AND Id IN (SELECT ChannelId FROM ContactCenterChannel WHERE ContactCenter.InternalName = 'acme')"
                        + " AND SessionHandlerId IN (SELECT ReferenceRecordId FROM CallCenterRoutingMap WHERE ExternalId ="
                        + " 'arn:aws:connect:us-west-2:123456789012:instance/9d6a1f2e-8c7b-4c3d-a2e1-0f9e8d7c6b5a/agent/"
                        + "1b2c3d4e-0000-4000-8000-000000000001') LIMIT 1"));
        assertThat(result).containsExactly(entry("success", "true"), entry("outboundPhoneNumber", "+18005550199"));
    }

    @Test
    void fetchOutboundPhoneNumberAnswersSuccessWithoutANumberWhenTheQueryFails() {
        rig.salesforce.reply("GET", "/query", 400, "[{\"errorCode\":\"INVALID_TYPE\",\"message\":\"sObject type 'MessagingChannel' is not supported\"}]");

        assertThat(invoke(handler, "scv-fetchOutboundPhoneNumber"))
                .containsExactly(entry("success", "true"), entry("errorCode", "INVALID_TYPE"));
    }

    @Test
    void fetchOutboundPhoneNumberWithoutAnAgentAnswersSuccessWithoutANumber() {
        Map<String, Object> event = Json.toMap(RestApiRig.fixture("scv-fetchOutboundPhoneNumber"));
        castMap(castMap(event.get("Details")).get("Parameters")).remove("agentARN");

        assertThat(RestApiRig.invoke(handler, event)).containsExactly(entry("success", "true"));
        assertThat(rig.salesforce.requests()).isEmpty();
    }

    @Test
    void unknownMethodNameFailsNamingIt() {
        assertThatThrownBy(() -> invoke(handler, "scv-unknownMethod"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("methodName 'deleteEverything' is not supported");
    }

    @Test
    void eventWithNeitherContractFailsNamingBoth() {
        assertThatThrownBy(() -> invoke(handler, "no-operation"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("methodName")
                .hasMessageContaining("sf_operation");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
