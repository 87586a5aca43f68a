package dev.scvcdk.lambdas.restapi;

import static dev.scvcdk.lambdas.restapi.RestApiRig.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.scvcdk.lambdas.restapi.salesforce.SalesforceApiException;
import org.junit.jupiter.api.Test;

/** Which Salesforce calls are repeated after a transient failure, and which are not. */
class SalesforceRetryTest extends RestApiRig.PerTest {

    private static final String UNAVAILABLE = "[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"try again\"}]";

    @Test
    void queryIsRepeatedAfterA503() {
        rig.salesforce.replyOnce("GET", "/query", 503, UNAVAILABLE)
                .reply("GET", "/query", 200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":\"5005e00000XYZ12AAC\"}]}");

        assertThat(invoke(handler, "scv-queryRecord")).containsExactly(entry("Id", "5005e00000XYZ12AAC"));
        assertThat(rig.salesforce.requests()).hasSize(2);
    }

    @Test
    void createIsNotRepeatedSoARecordIsNeverMadeTwice() {
        rig.salesforce.replyOnce("POST", "/sobjects/Case", 503, UNAVAILABLE)
                .reply("POST", "/sobjects/Case", 201, "{\"id\":\"5005e00000NEW01AAA\",\"success\":true}");

        assertThatThrownBy(() -> invoke(handler, "sf-create"))
                .isInstanceOf(SalesforceApiException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("SERVER_UNAVAILABLE");
        assertThat(rig.salesforce.requests()).hasSize(1);
    }
}
