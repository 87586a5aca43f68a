package dev.scvcdk.lambdas.contactdatasync;

import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.CONTACT;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.REST_ANSWER;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.analysis;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.key;
import static dev.scvcdk.lambdas.contactdatasync.ContactDataSyncRig.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.testsupport.LambdaApiStub.Outcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Salesforce or Lambda failing during a multi-batch upload: no batch is lost silently. A batch the REST function
 * failed is that batch's result with its FunctionError (and an error log naming its contacts); a batch that cannot
 * be invoked after bounded retries fails the invocation, naming what was uploaded and what was not.
 */
class ContactDataSyncFaultInjectionTest {
    private static final List<String> CONTACTS = List.of(CONTACT,
            "d5b1e3a4-7d2f-4e8a-9b6c-0123456789bc", "e5b1e3a4-7d2f-4e8a-9b6c-0123456789cd",
            "f5b1e3a4-7d2f-4e8a-9b6c-0123456789de");

    private ContactDataSyncRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new ContactDataSyncRig();
        // GIVEN four contacts with transcripts, uploaded two per batch
        rig.environment.put(EnvVar.BATCH_SIZE, "2");
        for (String contactId : CONTACTS.subList(1, CONTACTS.size())) {
            rig.addContact(contactId, 1763722800.0);
            rig.putAnalysis(key(contactId, "11:05:30"), analysis(contactId));
        }
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aSalesforceOutageInOneBatchIsThatBatchsFunctionErrorAndTheOtherBatchIsStillUploaded() throws Exception {
        // GIVEN the REST function fails (Salesforce down) for the first batch only
        AtomicInteger calls = new AtomicInteger();
        rig.lambda.onInvoke((name, payload) -> calls.incrementAndGet() == 1
                ? Outcome.unhandled("Salesforce answered HTTP 503 for connect/conversations/upload")
                : Outcome.ok(REST_ANSWER));

        // WHEN the four are uploaded
        JsonNode answer = rig.invoke(upload(CONTACTS.toArray(String[]::new)));

        // THEN the first result carries the FunctionError, the second succeeded
        assertThat(answer).hasSize(2);
        assertThat(answer.get(0).path("FunctionError").asText()).isEqualTo("Unhandled");
        assertThat(answer.get(0).path("Payload").asText()).contains("Salesforce answered HTTP 503");
        assertThat(answer.get(1).has("FunctionError")).isFalse();
        // AND the failed batch's contacts are named in an error log
        assertThat(rig.log.lines()).anySatisfy(line -> {
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("contactIds").toString()).contains(CONTACTS.get(0), CONTACTS.get(1));
        });
    }

    @Test
    void transientLambdaErrorsAreRetriedWithBackoffAndEveryBatchUploaded() throws Exception {
        // GIVEN Lambda throttles the first attempt of each invocation
        AtomicInteger calls = new AtomicInteger();
        rig.lambda.onInvoke((name, payload) -> calls.incrementAndGet() % 2 == 1
                ? Outcome.serviceError(429, "TooManyRequestsException")
                : Outcome.ok(REST_ANSWER));

        // WHEN the four are uploaded
        JsonNode answer = rig.invoke(upload(CONTACTS.toArray(String[]::new)));

        // THEN both batches went through on their retries
        assertThat(answer).hasSize(2);
        assertThat(answer).allSatisfy(result -> assertThat(result.has("FunctionError")).isFalse());
        assertThat(rig.sleeps).hasSize(2);
    }

    @Test
    void aLambdaOutageMidUploadFailsTheInvocationNamingWhatWasAndWasNotUploaded() {
        // GIVEN Lambda goes down after the first batch
        AtomicInteger calls = new AtomicInteger();
        rig.lambda.onInvoke((name, payload) -> calls.incrementAndGet() == 1
                ? Outcome.ok(REST_ANSWER)
                : Outcome.serviceError(503, "ServiceException"));

        // WHEN / THEN the invocation fails after the bounded attempts, naming the uploaded and the failed contacts
        assertThatThrownBy(() -> rig.invoke(upload(CONTACTS.toArray(String[]::new))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("for contactIds [" + CONTACTS.get(2) + ", " + CONTACTS.get(3) + "]")
                .hasMessageContaining("ServiceException")
                .hasMessageContaining("Uploaded before: [" + CONTACTS.get(0) + ", " + CONTACTS.get(1) + "]");
        assertThat(rig.lambda.invocations()).hasSize(1 + RetryPolicy.defaults().maxAttempts());
    }

    @Test
    void aLambdaOutageBeforeTheLastContactsNamesTheOnesNotAttempted() {
        // GIVEN BATCH_SIZE 1 and Lambda down from the start
        rig.environment.put(EnvVar.BATCH_SIZE, "1");
        rig.lambda.onInvoke((name, payload) -> Outcome.serviceError(503, "ServiceException"));

        // WHEN / THEN the failure names the three contacts never attempted
        assertThatThrownBy(() -> rig.invoke(upload(CONTACTS.toArray(String[]::new))))
                .hasMessageContaining("Uploaded before: []")
                .hasMessageContaining("not attempted: " + CONTACTS.subList(1, 4));
    }
}
