package dev.scvcdk.lambdas.restapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** SnapStart init of InvokeSalesforceRestApi: priming calls neither SSM nor Salesforce; no token survives a restore. */
class RestApiPrimingTest extends RestApiRig.PerTest {

    private static final String QUERY = "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{},"
            + "\"Id\":\"0035e00000ABCDeAAF\"}]}";

    private SnapStart.Prepared<InvokeSalesforceRestApiService> container() {
        return InvokeSalesforceRestApiService.prepare(RestApiConfig.fromEnvironment(rig.env()), rig.ssm.client(),
                () -> {
                    throw new AssertionError("Secrets Manager is not used when the key is an SSM parameter");
                }, RestApiRig.FAST_RETRIES, SecureRandom::new, 1);
    }

    private static void restore(SnapStart.Prepared<InvokeSalesforceRestApiService> container) {
        container.hooks().beforeCheckpoint(null);
        container.hooks().afterRestore(null);
    }

    @Test
    void primingRunsTheCallPathWithoutARequestToSsmOrSalesforce() {
        // GIVEN the function's configuration, pointing at SSM and the org
        SnapStart.Prepared<InvokeSalesforceRestApiService> container = container();

        // WHEN init primes the call path
        container.priming().run();

        // THEN neither heard from it
        assertThat(rig.ssm.targets()).isEmpty();
        assertThat(rig.salesforce.tokenCalls()).isZero();
        assertThat(rig.salesforce.requests()).isEmpty();
        // AND after the restore a flow's query is served by the org
        restore(container);
        rig.salesforce.reply("GET", "/query", 200, QUERY);
        assertThat(RestApiRig.invoke(new InvokeSalesforceRestApiHandler(container.service()), "scv-queryRecord"))
                .containsEntry("Id", "0035e00000ABCDeAAF");
        assertThat(rig.salesforce.tokenCalls()).isEqualTo(1);
        assertThat(rig.salesforce.grantProblems()).isEmpty();
    }

    @Test
    void aRestoredEnvironmentDoesNotReuseTheAccessTokenHeldBeforeTheSnapshot() {
        // GIVEN a container that obtained a token before the snapshot
        rig.salesforce.reply("GET", "/query", 200, QUERY);
        SnapStart.Prepared<InvokeSalesforceRestApiService> container = container();
        InvokeSalesforceRestApiHandler handler = new InvokeSalesforceRestApiHandler(container.service());
        RestApiRig.invoke(handler, "scv-queryRecord");
        int ssmCallsBefore = rig.ssm.targets().size();

        // WHEN it is snapshotted and restored
        restore(container);
        RestApiRig.invoke(handler, "scv-queryRecord");

        // THEN the restored copy read the credentials itself: the stored token and the key from SSM
        assertThat(rig.ssm.targets().subList(ssmCallsBefore, rig.ssm.targets().size()))
                .contains("AmazonSSM.GetParameter");
        assertThat(rig.salesforce.requests()).hasSize(2);
    }
}
