package dev.scvcdk.lambdas.restapi;

import static dev.scvcdk.lambdas.restapi.RestApiRig.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.scvcdk.lambdas.restapi.FakeSalesforce.Request;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceApiException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWT bearer flow, the token cache in memory and in SSM, and renewal after a 401. */
class SalesforceAuthTest {

    private static final String ONE_CASE = "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{},\"Id\":\"5005e00000XYZ12AAC\"}]}";
    private static final String CREATED = "{\"id\":\"5005e00000NEW01AAA\",\"success\":true,\"errors\":[]}";

    private RestApiRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new RestApiRig();
        rig.salesforce.reply("GET", "/query", 200, ONE_CASE).reply("POST", "/sobjects/Case", 201, CREATED);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void firstCallObtainsATokenWithAValidlySignedAssertionAndStoresIt() {
        // GIVEN a cold container and no stored token
        InvokeSalesforceRestApiHandler handler = rig.newHandler();

        // WHEN a flow queries
        invoke(handler, "scv-queryRecord");

        // THEN the org received one JWT bearer grant whose signature and claims all check out
        assertThat(rig.salesforce.tokenCalls()).isEqualTo(1);
        assertThat(rig.salesforce.grantProblems()).isEmpty();
        // AND the query used the new token, which is now in the access-token SecureString
        assertThat(rig.salesforce.onlyRequest().authorization()).isEqualTo("Bearer 00Dtoken!1");
        assertThat(rig.ssm.puts()).containsExactly(
                new FakeSsm.Put(RestApiRig.ACCESS_TOKEN, "00Dtoken!1", "SecureString", true));
    }

    @Test
    void oneTokenServesManyInvocationsOfAContainer() {
        InvokeSalesforceRestApiHandler handler = rig.newHandler();

        for (int i = 0; i < 5; i++) {
            invoke(handler, i % 2 == 0 ? "scv-queryRecord" : "sf-create");
        }

        assertThat(rig.salesforce.tokenCalls()).isEqualTo(1);
        assertThat(rig.salesforce.requests()).hasSize(5)
                .extracting(Request::authorization).containsOnly("Bearer 00Dtoken!1");
    }

    @Test
    void coldContainerStartsWithTheStoredToken() {
        // GIVEN an earlier container stored a token Salesforce still accepts
        rig.ssm.put(RestApiRig.ACCESS_TOKEN, "00Dstored!token");
        rig.salesforce.acceptToken("00Dstored!token");

        // WHEN a new container serves a call
        invoke(rig.newHandler(), "scv-queryRecord");

        // THEN it used the stored token and never asked for a new one
        assertThat(rig.salesforce.tokenCalls()).isZero();
        assertThat(rig.salesforce.onlyRequest().authorization()).isEqualTo("Bearer 00Dstored!token");
        assertThat(rig.ssm.puts()).isEmpty();
    }

    @Test
    void expiredTokenIsRenewedOnceAndTheCallRepeated() {
        // GIVEN a warm container whose token has since expired
        InvokeSalesforceRestApiHandler handler = rig.newHandler();
        invoke(handler, "scv-queryRecord");
        rig.salesforce.expireIssuedTokens();

        // WHEN the next call comes
        var result = invoke(handler, "scv-queryRecord");

        // THEN the 401 led to one new token and one repeat, which succeeded
        assertThat(rig.salesforce.tokenCalls()).isEqualTo(2);
        assertThat(rig.salesforce.requests()).extracting(Request::authorization)
                .containsExactly("Bearer 00Dtoken!1", "Bearer 00Dtoken!1", "Bearer 00Dtoken!2");
        assertThat(result).containsExactly(entry("Id", "5005e00000XYZ12AAC"));
        // AND the renewed token replaced the stored one
        assertThat(rig.ssm.value(RestApiRig.ACCESS_TOKEN)).isEqualTo("00Dtoken!2");
    }

    @Test
    void staleStoredTokenIsRenewedOnAColdStart() {
        rig.ssm.put(RestApiRig.ACCESS_TOKEN, "00Dstale!token");

        var result = invoke(rig.newHandler(), "sf-create");

        assertThat(rig.salesforce.tokenCalls()).isEqualTo(1);
        assertThat(rig.salesforce.requests()).extracting(Request::authorization)
                .containsExactly("Bearer 00Dstale!token", "Bearer 00Dtoken!1");
        assertThat(result).containsExactly(entry("Id", "5005e00000NEW01AAA"));
    }

    @Test
    void secondRejectionFailsTheInvocationWithoutAThirdAttempt() {
        // GIVEN an org that rejects every token (a deactivated integration user)
        rig.salesforce.rejectEveryToken();

        // WHEN a flow creates a record
        assertThatThrownBy(() -> invoke(rig.newHandler(), "sf-create"))
                .isInstanceOf(SalesforceApiException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("INVALID_SESSION_ID");

        // THEN there was one renewal and one repeat, no more
        assertThat(rig.salesforce.requests()).hasSize(2);
        assertThat(rig.salesforce.tokenCalls()).isEqualTo(2);
    }

    @Test
    void secondRejectionOfAQueryIsAnsweredAsAFailure() {
        rig.salesforce.rejectEveryToken();

        assertThat(invoke(rig.newHandler(), "scv-queryRecord"))
                .containsEntry("success", "false")
                .containsEntry("status", "401")
                .containsEntry("errorCode", "INVALID_SESSION_ID");
        assertThat(rig.salesforce.requests()).hasSize(2);
    }

    @Test
    void assertionSignedWithTheWrongKeyIsRefusedAndFailsTheCall() throws Exception {
        // GIVEN the private key parameter holds a key the connected app does not know
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        rig.ssm.put(RestApiRig.PRIVATE_KEY, otherKey);

        // WHEN a call needs a token
        assertThatThrownBy(() -> invoke(rig.newHandler(), "sf-create"))
                .isInstanceOf(SalesforceApiException.class)
                .hasMessageContaining("invalid_grant");

        // THEN the org saw a badly signed assertion, and no REST call was made
        assertThat(rig.salesforce.grantProblems()).containsExactly("signature does not verify");
        assertThat(rig.salesforce.requests()).isEmpty();
    }
}
