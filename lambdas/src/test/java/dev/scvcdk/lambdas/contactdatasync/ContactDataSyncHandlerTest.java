package dev.scvcdk.lambdas.contactdatasync;

import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.BUCKET;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.CONTACT;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.DAY;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.INITIATION;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.INSTANCE;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.REST_ANSWER;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.REST_FUNCTION;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.analysis;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.key;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.ConnectStub;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.S3Stub.Operation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ContactDataSync from its caller's side: S3, Connect and the REST function are loopback stand-ins. */
class ContactDataSyncHandlerTest {
    private static final String CONTACT_B = "d5b1e3a4-7d2f-4e8a-9b6c-0123456789bc";
    private static final String CONTACT_C = "e5b1e3a4-7d2f-4e8a-9b6c-0123456789cd";

    private ContactDataSyncRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new ContactDataSyncRig();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.read(text);
    }

    @Test
    void uploadTranscriptSendsTheConversationFileInScvsFormatAndAnswersTheInvokeResults() throws Exception {
        // GIVEN the fixture contact, its analysis of three items, and the request naming it with one VoiceCall
        // WHEN the transcript is uploaded
        JsonNode answer = rig.invoke(Fixtures.text("contactdatasync/upload-transcript.json"));

        // THEN the REST function was invoked once, synchronously, with SCV's parameters
        assertThat(rig.lambda.invocations()).singleElement().satisfies(invocation -> {
            assertThat(invocation.functionName()).isEqualTo(REST_FUNCTION);
            assertThat(invocation.invocationType()).isEqualTo("RequestResponse");
            assertThat(invocation.signed()).isTrue();
        });
        JsonNode parameters = json(rig.lambda.invocations().get(0).payload()).path("Details").path("Parameters");
        assertThat(parameters.path("methodName").asText()).isEqualTo("uploadTranscript");
        assertThat(parameters.path("contactIdsPayloadMap").isTextual()).isTrue();
        // AND the map is the JSON text of [[contactId, file text]], the file exactly as SCV writes it
        String c = CONTACT;
        String related = "\"relatedRecords\":[\"0LQ5e000000AbCdGAA\"]";
        String expected = "{\"type\":\"conversation\",\"payload\":{\"conversationId\":\"" + c + "\"}}\n"
                + "{\"type\":\"conversationEntry\",\"payload\":{\"conversationId\":\"" + c + "\","
                + "\"id\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"clientSentTimestamp\":1763719201123,"
                + "\"clientDuration\":1,\"messageText\":\"Bonjour, ici Émilie.\",\"sender\":{\"appType\":"
                + "\"TELEPHONY_INTEGRATION\",\"subject\":\"" + c + "VIRTUAL_AGENT\",\"role\":\"AGENT\"}," + related + "}}\n"
                + "{\"type\":\"conversationEntry\",\"payload\":{\"conversationId\":\"" + c + "\","
                + "\"id\":\"0a1b2c3d-0000-4000-8000-000000000002\",\"clientSentTimestamp\":1763719202123,"
                + "\"clientDuration\":1,\"messageText\":\"Ça ne marche plus — depuis hier.\",\"sender\":{\"appType\":"
                + "\"TELEPHONY_INTEGRATION\",\"subject\":\"" + c + "END_USER\",\"role\":\"END_USER\"}," + related + "}}\n"
                + "{\"type\":\"conversationEntry\",\"payload\":{\"conversationId\":\"" + c + "\","
                + "\"id\":\"0a1b2c3d-0000-4000-8000-000000000003\",\"clientSentTimestamp\":1763719205123,"
                + "\"clientDuration\":1,\"messageText\":\"Je regarde ça.\",\"sender\":{\"appType\":"
                + "\"TELEPHONY_INTEGRATION\",\"subject\":\"" + c + "VIRTUAL_AGENT\",\"role\":\"AGENT\"}," + related + "}}";
        assertThat(json(parameters.path("contactIdsPayloadMap").asText()))
                .isEqualTo(Json.MAPPER.createArrayNode().add(Json.MAPPER.createArrayNode().add(c).add(expected)));
        // AND the answer is the list of Invoke results in the JS SDK's shape
        assertThat(answer).isEqualTo(json("[{\"StatusCode\":200,\"ExecutedVersion\":\"1\",\"Payload\":"
                + Json.write(REST_ANSWER) + "}]"));
        // AND the contact was described in CONNECT_INSTANCE_ID, the day listed in the configured bucket
        assertThat(rig.connect.calls()).containsExactly(new ConnectStub.Call(INSTANCE, CONTACT, true));
        assertThat(rig.s3.requests(Operation.LIST_OBJECTS_V2)).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/" + BUCKET);
            assertThat(r.query()).containsEntry("prefix", DAY);
        });
    }

    @Test
    void eachEntryIsStampedWithTheInitiationTimestampPlusItsOwnOffsetWithoutDrift() throws Exception {
        // GIVEN items at offsets 1000, 2000 and 5000 ms (SCV's entries drift to +1000, +3000, +8000)
        // WHEN uploaded
        rig.invoke(upload(CONTACT));

        // THEN each entry is InitiationTimestamp + its own offset
        String text = rig.uploadedBatches().get(0).get(0).get(1).asText();
        List<Long> stamps = text.lines().skip(1).map(line -> {
            try {
                return json(line).path("payload").path("clientSentTimestamp").asLong();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(stamps).containsExactly(INITIATION + 1000, INITIATION + 2000, INITIATION + 5000);
    }

    @Test
    void theListingFollowsEveryContinuationPageSoLaterContactsAreFound() throws Exception {
        // GIVEN a day with seven earlier files and listing pages of two keys: the contact's file is on page 4
        rig.s3.pageSize(2);
        for (int i = 0; i < 7; i++) {
            rig.s3.store(BUCKET, DAY + "0000000" + i + "-0000-4000-8000-000000000000_analysis.json", "{}");
        }

        // WHEN its transcript is uploaded
        JsonNode answer = rig.invoke(upload(CONTACT));

        // THEN every page was read and the contact uploaded (SCV reads one page and skips it silently)
        assertThat(rig.s3.requests(Operation.LIST_OBJECTS_V2)).hasSize(4);
        assertThat(rig.s3.requests(Operation.LIST_OBJECTS_V2).get(3).query()).containsKey("continuation-token");
        assertThat(answer).hasSize(1);
        assertThat(rig.uploadedBatches().get(0).get(0).get(0).asText()).isEqualTo(CONTACT);
    }

    @Test
    void contactsOfOneDayShareOneListing() throws Exception {
        // GIVEN two contacts initiated on the same UTC day
        rig.addContact(CONTACT_B, 1763722800.0);
        rig.putAnalysis(key(CONTACT_B, "11:05:30"), analysis(CONTACT_B));

        // WHEN both are uploaded
        rig.invoke(upload(CONTACT, CONTACT_B));

        // THEN the day was listed once
        assertThat(rig.s3.requests(Operation.LIST_OBJECTS_V2)).hasSize(1);
        assertThat(rig.uploadedBatches()).singleElement().satisfies(batch -> assertThat(batch).hasSize(2));
    }

    @Test
    void theListingPrefixIsTheUtcDayOfTheInitiationTimestamp() throws Exception {
        // GIVEN a contact initiated at 2025-11-21T23:30:00-05:00, i.e. 2025-11-22 04:30 UTC
        rig.addContact(CONTACT_B, 1763785800.0);
        rig.putAnalysis("Analysis/Voice/2025/11/22/" + CONTACT_B + "_analysis.json", analysis(CONTACT_B));

        // WHEN it is uploaded
        rig.invoke(upload(CONTACT_B));

        // THEN the UTC day was listed
        assertThat(rig.s3.requests(Operation.LIST_OBJECTS_V2)).singleElement()
                .satisfies(r -> assertThat(r.query()).containsEntry("prefix", "Analysis/Voice/2025/11/22/"));
        assertThat(rig.uploadedBatches()).hasSize(1);
    }

    @Test
    void objectsAreReadAsUtf8AndTheTextUploadedIntact() throws Exception {
        // GIVEN an utterance in several scripts (SCV's ASCII decoding mangles it)
        ObjectNode analysis = analysis(CONTACT);
        ((ObjectNode) analysis.path("Transcript").get(0)).put("Content", "Ça va ? — 日本語 ✓ Ωmega");
        rig.putAnalysis(key(CONTACT, "10:05:30"), analysis);

        // WHEN uploaded
        rig.invoke(upload(CONTACT));

        // THEN the REST function received it unchanged
        String firstEntry = rig.uploadedBatches().get(0).get(0).get(1).asText().lines().skip(1).findFirst().orElseThrow();
        assertThat(json(firstEntry).path("payload").path("messageText").asText()).isEqualTo("Ça va ? — 日本語 ✓ Ωmega");
    }

    @Test
    void twoFilesOfOneContactAreBothUploadedInItsConversation() throws Exception {
        // GIVEN a second analysis file of the same contact (SCV's map keeps only the later one)
        ObjectNode second = analysis(CONTACT);
        ArrayNode transcript = second.putArray("Transcript");
        transcript.addObject().put("BeginOffsetMillis", 60_000).put("EndOffsetMillis", 61_000)
                .put("Content", "Second file.").put("Id", "0a1b2c3d-0000-4000-8000-000000000099")
                .put("ParticipantId", "CUSTOMER").put("Sentiment", "NEUTRAL");
        rig.putAnalysis(key(CONTACT, "10:35:30"), second);

        // WHEN uploaded
        rig.invoke(upload(CONTACT));

        // THEN one conversation holds the entries of both files
        JsonNode batch = rig.uploadedBatches().get(0);
        assertThat(batch).hasSize(1);
        List<String> lines = batch.get(0).get(1).asText().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).contains("Second file.");
    }

    @Test
    void conversationsAreUploadedInBatchesOfBatchSize() throws Exception {
        // GIVEN three contacts and BATCH_SIZE 2
        rig.environment.put(EnvVar.BATCH_SIZE, "2");
        for (String contactId : List.of(CONTACT_B, CONTACT_C)) {
            rig.addContact(contactId, 1763722800.0);
            rig.putAnalysis(key(contactId, "11:05:30"), analysis(contactId));
        }

        // WHEN all three are uploaded
        JsonNode answer = rig.invoke(upload(CONTACT, CONTACT_B, CONTACT_C));

        // THEN two invocations carry 2 and 1 conversations in request order, and two results are answered
        assertThat(rig.uploadedBatches()).extracting(batch -> batch.size()).containsExactly(2, 1);
        assertThat(rig.uploadedBatches().get(0).get(1).get(0).asText()).isEqualTo(CONTACT_B);
        assertThat(rig.uploadedBatches().get(1).get(0).get(0).asText()).isEqualTo(CONTACT_C);
        assertThat(answer).hasSize(2);
    }

    @Test
    void aContactWithoutAgentInfoIsSkippedAndNothingFoundAnswersAnEmptyList() throws Exception {
        // GIVEN a contact no agent took
        rig.addContact(CONTACT, 1763719200.123).remove("AgentInfo");

        // WHEN its transcript is asked for
        JsonNode answer = rig.invoke(upload(CONTACT));

        // THEN nothing is listed or uploaded
        assertThat(answer).isEqualTo(json("[]"));
        assertThat(rig.s3.requests()).isEmpty();
        assertThat(rig.lambda.invocations()).isEmpty();
        assertThat(rig.log.text()).contains("contact skipped: it has no AgentInfo");
    }

    @Test
    void aContactWithoutAnalysisFilesIsSkippedWithScvsWarningAndTheOthersUploaded() throws Exception {
        // GIVEN a second contact with no file that day
        rig.addContact(CONTACT_B, 1763722800.0);

        // WHEN both are asked for
        rig.invoke(upload(CONTACT_B, CONTACT));

        // THEN the first is reported in the log, the second uploaded
        assertThat(rig.log.text()).contains("Did not find contact lens json file in the S3 bucket:" + BUCKET
                + " with prefix " + DAY + " for contactId:" + CONTACT_B + ".");
        assertThat(rig.uploadedBatches()).singleElement()
                .satisfies(batch -> assertThat(batch.get(0).get(0).asText()).isEqualTo(CONTACT));
    }

    @Test
    void aContactNamedTwiceIsUploadedOnceWithTheRelatedRecordsOfBoth() throws Exception {
        // GIVEN a request naming the contact twice with different VoiceCalls
        String event = "{\"operation\":\"uploadTranscript\",\"payload\":[{\"contactId\":\"" + CONTACT
                + "\",\"relatedRecords\":[\"0LQ1\"]},{\"contactId\":\"" + CONTACT + "\",\"relatedRecords\":[\"0LQ2\",\"0LQ1\"]}]}";

        // WHEN uploaded
        rig.invoke(event);

        // THEN one conversation, linked to both
        JsonNode batch = rig.uploadedBatches().get(0);
        assertThat(batch).hasSize(1);
        String entry = batch.get(0).get(1).asText().lines().skip(1).findFirst().orElseThrow();
        assertThat(json(entry).path("payload").path("relatedRecords")).isEqualTo(json("[\"0LQ1\",\"0LQ2\"]"));
    }

    @Test
    void anAnalysisFileThatIsNotJsonIsSkippedAndTheContactsOtherFileUploaded() throws Exception {
        // GIVEN a corrupt second file
        rig.s3.store(BUCKET, key(CONTACT, "10:35:30"), "{\"Transcript\":[");

        // WHEN uploaded
        rig.invoke(upload(CONTACT));

        // THEN the good file is uploaded, the bad one logged with its key
        assertThat(rig.uploadedBatches().get(0).get(0).get(1).asText().lines()).hasSize(4);
        assertThat(rig.log.lines()).anySatisfy(line -> {
            assertThat(line.path("message").asText()).isEqualTo("analysis file skipped: not JSON");
            assertThat(line.path("s3Object").asText()).isEqualTo(key(CONTACT, "10:35:30"));
        });
    }

    @Test
    void anUnusableTranscriptItemIsSkippedAndTheOthersUploaded() throws Exception {
        // GIVEN the second item lacks its offset
        ObjectNode analysis = analysis(CONTACT);
        ((ObjectNode) analysis.path("Transcript").get(1)).remove("BeginOffsetMillis");
        rig.putAnalysis(key(CONTACT, "10:05:30"), analysis);

        // WHEN uploaded
        rig.invoke(upload(CONTACT));

        // THEN two entries remain
        assertThat(rig.uploadedBatches().get(0).get(0).get(1).asText().lines()).hasSize(3);
        assertThat(rig.log.text()).contains("transcript item skipped: BeginOffsetMillis");
    }

    @Test
    void anUnreadableAnalysisFileFailsTheInvocationNamingItAndUploadsNothing() {
        // GIVEN S3 refuses the read (a bucket-key permission missing, say)
        rig.s3.refuse(Operation.GET_OBJECT, "AccessDenied");

        // WHEN / THEN
        assertThatThrownBy(() -> rig.invoke(upload(CONTACT))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read s3://" + BUCKET + "/" + key(CONTACT, "10:05:30"))
                .hasMessageContaining("ContactId:" + CONTACT);
        assertThat(rig.lambda.invocations()).isEmpty();
    }

    @Test
    void aDescribeContactFailureFailsTheInvocationWithScvsText() {
        // GIVEN a contact id Connect does not know
        String unknown = "f0000000-0000-4000-8000-000000000000";

        // WHEN / THEN
        assertThatThrownBy(() -> rig.invoke(upload(unknown))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Error fetching information for ContactId:" + unknown + " and InstanceId:" + INSTANCE
                        + ". Check if ContactId is valid or retry request by removing it.");
        assertThat(rig.lambda.invocations()).isEmpty();
    }

    @Test
    void withoutTenantBucketNameTheBucketIsScvsDerivationFromTheCallCenterAndTheInvokedAccount() throws Exception {
        // GIVEN no TENANT_BUCKET_NAME; CALL_CENTER_API_NAME "AcmeCC"; the context ARN in 123456789012
        rig.environment.remove(EnvVar.TENANT_BUCKET_NAME);
        rig.s3.store("acmecc-123456789012", key(CONTACT, "10:05:30"), Fixtures.text("contactdatasync/analysis.json"));

        // WHEN uploaded
        rig.invoke(upload(CONTACT));

        // THEN the derived bucket was read
        assertThat(rig.s3.requests()).extracting(S3Stub.Request::path)
                .allSatisfy(path -> assertThat(path).startsWith("/acmecc-123456789012"));
        assertThat(rig.uploadedBatches()).hasSize(1);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("missing-payload.json", "Malformed request missing payload or empty payload in the request."),
                Arguments.of("empty-payload.json", "Malformed request missing payload or empty payload in the request."),
                Arguments.of("missing-upload-ids.json",
                        "Malformed request missing uploadIds or empty uploadIds in the request."),
                Arguments.of("empty-upload-ids.json",
                        "Malformed request missing uploadIds or empty uploadIds in the request."),
                Arguments.of("unsupported-operation.json",
                        "Unsupported operation:deleteTranscript.Supported operations:uploadTranscript,fetchUploadIdsStatus"),
                Arguments.of("missing-operation.json",
                        "Unsupported operation:undefined.Supported operations:uploadTranscript,fetchUploadIdsStatus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsAnswered400WithScvsText(String fixture, String error) throws Exception {
        // GIVEN / WHEN
        JsonNode answer = rig.invoke(Fixtures.text("contactdatasync/" + fixture));

        // THEN a 400 answer (not an error) with SCV's text, and no call
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(json(answer.path("body").asText())).isEqualTo(Json.object().put("error", error));
        assertThat(rig.connect.calls()).isEmpty();
        assertThat(rig.lambda.invocations()).isEmpty();
    }

    @Test
    void moreContactsThanMaxContactIdsAreAnswered400() throws Exception {
        // GIVEN MAX_CONTACT_IDS 2
        rig.environment.put(EnvVar.MAX_CONTACT_IDS, "2");

        // WHEN three are asked for
        JsonNode answer = rig.invoke(upload(CONTACT, CONTACT_B, CONTACT_C));

        // THEN
        assertThat(answer).isEqualTo(json("{\"statusCode\":400,\"body\":\"{\\\"error\\\":\\\"Max supported contactIds"
                + " in a request is 2\\\"}\"}"));
        assertThat(rig.connect.calls()).isEmpty();
    }

    @Test
    void aBatchSizeAboveTenIsAnswered400WithScvsText() throws Exception {
        // GIVEN BATCH_SIZE 11
        rig.environment.put(EnvVar.BATCH_SIZE, "11");

        // WHEN / THEN SCV's text, typo and trailing space included
        JsonNode answer = rig.invoke(upload(CONTACT));
        assertThat(json(answer.path("body").asText()).path("error").asText())
                .isEqualTo("Configure batch size 11 cannot be more that 10 ");
        assertThat(rig.connect.calls()).isEmpty();
    }

    @Test
    void anEntryWithoutAContactIdIsAnswered400NamingIt() throws Exception {
        // GIVEN / WHEN
        JsonNode answer = rig.invoke("{\"operation\":\"uploadTranscript\",\"payload\":[{\"contactId\":\"" + CONTACT
                + "\"},{\"relatedRecords\":[\"0LQ1\"]}]}");

        // THEN
        assertThat(json(answer.path("body").asText()).path("error").asText())
                .isEqualTo("payload[1].contactId is missing: must be a Connect contact id");
        assertThat(rig.connect.calls()).isEmpty();
    }

    @Test
    void fetchUploadIdsStatusAsksTheRestFunctionWithTheIdsJoinedAndAnswersItsInvokeResult() throws Exception {
        // GIVEN the REST function's status answer
        rig.lambda.onInvoke((name, payload) -> LambdaApiStub.Outcome.ok("{\"conversationUploadsStatus\":[]}"));

        // WHEN
        JsonNode answer = rig.invoke(Fixtures.text("contactdatasync/fetch-upload-ids-status.json"));

        // THEN
        assertThat(json(rig.lambda.invocations().get(0).payload())).isEqualTo(json("{\"Details\":{\"Parameters\":"
                + "{\"methodName\":\"fetchUploadIdsStatus\",\"uploadIds\":\"0Xy5e000000AbCd1AA,0Xy5e000000AbCd2AA\"}}}"));
        assertThat(answer).isEqualTo(json("{\"StatusCode\":200,\"ExecutedVersion\":\"1\","
                + "\"Payload\":\"{\\\"conversationUploadsStatus\\\":[]}\"}"));
    }
}
