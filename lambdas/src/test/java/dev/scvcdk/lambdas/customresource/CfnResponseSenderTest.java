package dev.scvcdk.lambdas.customresource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scvcdk.lambdas.customresource.LocalAwsServer.ResponsePut;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CfnResponseSenderTest {

    private final LocalAwsServer server = new LocalAwsServer();
    private final LogCapture logs = new LogCapture();
    private final CfnResponseSender sender = TestSenders.withAttempts(3, logs);

    @AfterEach
    void stop() {
        server.close();
    }

    private CfnRequest request() {
        return CfnRequest.from(Events.json("customssm/create-literal.json", server));
    }

    @Test
    void putsTheExactResponseJsonToThePresignedUrlWithAnEmptyContentType() throws Exception {
        // GIVEN a Create request and a successful outcome with one attribute
        CfnRequest request = request();
        CfnResponse response = CfnResponse.success(request, "ACME-salesforce-rest-api-audience",
                Map.of("Certificate", "PEM"));

        // WHEN it is sent
        sender.send(request, response);

        // THEN one PUT reaches the signed path and query unchanged, with CloudFormation's body and an empty type
        List<ResponsePut> puts = server.responses();
        assertThat(puts).hasSize(1);
        ResponsePut put = puts.get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(server.endpoint() + put.path() + "?" + put.query()).isEqualTo(server.responseUrl());
        assertThat(put.headers().get("Content-type")).containsExactly("");
        assertThat(put.headers().get("Content-length")).containsExactly(String.valueOf(put.body().length()));
        assertThat(put.body()).isEqualTo("{\"Status\":\"SUCCESS\","
                + "\"PhysicalResourceId\":\"ACME-salesforce-rest-api-audience\","
                + "\"StackId\":\"" + request.stackId() + "\","
                + "\"RequestId\":\"req-create-1\","
                + "\"LogicalResourceId\":\"RestApiAudience\","
                + "\"NoEcho\":false,"
                + "\"Data\":{\"Certificate\":\"PEM\"}}");
    }

    @Test
    void aFailedResponseCarriesItsReasonAndNoData() throws Exception {
        CfnRequest request = request();

        sender.send(request, CfnResponse.failed(request, "create-failed:req-create-1", "ParameterName is required"));

        assertThat(new ObjectMapper().readTree(server.responses().get(0).body()).toString())
                .isEqualTo("{\"Status\":\"FAILED\",\"Reason\":\"ParameterName is required\","
                        + "\"PhysicalResourceId\":\"create-failed:req-create-1\",\"StackId\":\"" + request.stackId()
                        + "\",\"RequestId\":\"req-create-1\",\"LogicalResourceId\":\"RestApiAudience\","
                        + "\"NoEcho\":false}");
    }

    @Test
    void retriesServerErrorsUntilTheResponseIsDelivered() {
        // GIVEN S3 answers 503 twice
        server.failResponses(2, 503);

        // WHEN a response is sent
        sender.send(request(), CfnResponse.success(request(), "p", null));

        // THEN the third attempt delivers it
        assertThat(server.responses()).hasSize(3);
    }

    @Test
    void givesUpAfterTheBoundedNumberOfAttempts() {
        server.failResponses(10, 500);

        assertThatThrownBy(() -> sender.send(request(), CfnResponse.success(request(), "p", null)))
                .isInstanceOf(CfnResponseSender.CfnResponseException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("RestApiAudience");
        assertThat(server.responses()).hasSize(3);
    }

    @Test
    void doesNotRetryAClientErrorSuchAsAnExpiredUrl() {
        server.failResponses(1, 403);

        assertThatThrownBy(() -> sender.send(request(), CfnResponse.success(request(), "p", null)))
                .hasMessageContaining("HTTP 403");
        assertThat(server.responses()).hasSize(1);
    }

    @Test
    void retriesConnectionFailuresAndThenReportsThem() {
        // GIVEN a response URL on a port where nothing listens any more
        CfnRequest request = request();
        server.close();

        assertThatThrownBy(() -> sender.send(request, CfnResponse.success(request, "p", null)))
                .isInstanceOf(CfnResponseSender.CfnResponseException.class)
                .hasMessageContaining("ConnectException");
    }

    @Test
    void cutsAnOverlongReasonSoTheBodyStaysUnderCloudFormationsLimit() {
        CfnRequest request = request();

        CfnResponse response = CfnResponse.failed(request, "p", "x".repeat(10_000));

        assertThat(response.reason()).hasSize(CfnResponse.MAX_REASON_LENGTH + 1).endsWith("…");
    }
}
