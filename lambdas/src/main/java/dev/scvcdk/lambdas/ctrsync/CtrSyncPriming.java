package dev.scvcdk.lambdas.ctrsync;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Runs CTRDataSync's call path during init: a Kinesis batch of representative contact records is decoded,
 * filtered, mapped and sent as signed Lambda invocations on the function's own pool and HTTP client — to an
 * in-process loopback stand-in for the Lambda API, so no telephony call is made.
 */
final class CtrSyncPriming {

    /** Batches through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 12;
    static final int RECORDS_PER_BATCH = CtrSyncWiring.CONCURRENCY;

    private static final String CONTACT_RECORD = """
            {"AWSContactTraceRecordFormatVersion":"2017-03-10","Agent":{"AgentInteractionDuration":245,
             "ConnectedToAgentTimestamp":"2026-11-21T10:01:10Z","CustomerHoldDuration":30,"LongestHoldDuration":20,
             "NumberOfHolds":2},"Attributes":{"sfdc-Case_Reason__c":"Billing"},"Channel":"VOICE",
             "ContactId":"c0000000-0000-4000-8000-%012d","CustomerEndpoint":{"Address":"+14155550100",
             "Type":"TELEPHONE_NUMBER"},"DisconnectReason":"CUSTOMER_DISCONNECT",
             "DisconnectTimestamp":"2026-11-21T10:05:30Z","InitiationMethod":"INBOUND",
             "InitiationTimestamp":"2026-11-21T10:00:00Z","LastUpdateTimestamp":"2026-11-21T10:06:00Z",
             "PreviousContactId":null,"Queue":{"EnqueueTimestamp":"2026-11-21T10:00:10Z","Name":"BasicQueue"},
             "Recording":{"Location":"bucket/connect/CallRecordings/c.wav"},"Recordings":null,
             "SystemEndpoint":{"Address":"+18005550199","Type":"TELEPHONE_NUMBER"}}""";

    private CtrSyncPriming() {
    }

    /**
     * @param telephonyFunction the alias ARN from the environment (only named in the priming requests)
     * @param pool              the function's pool, whose threads start here rather than in the first batch
     */
    static void prime(String telephonyFunction, ExecutorService pool, int rounds) {
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(Map.of(),
                "{\"voiceCallId\":\"0LQ000000000001AAA\"}", PrimingStandIns::notFound))) {
            CtrSyncService service = new CtrSyncService(
                    new LambdaFunctionInvoker(AwsApiClient.forPriming(AwsService.LAMBDA, loopback.uri())),
                    telephonyFunction, pool, Clock.systemUTC(), Priming.silentLogger("CtrSyncService"));
            CtrDataSyncHandler handler = new CtrDataSyncHandler(service);
            String batch = batch();
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, batch, "{\"batchItemFailures\":[]}");
            }
        }
    }

    private static String batch() {
        StringBuilder event = new StringBuilder("{\"Records\":[");
        for (int i = 1; i <= RECORDS_PER_BATCH; i++) {
            String data = Base64.getEncoder().encodeToString(
                    String.format(CONTACT_RECORD, i).getBytes(StandardCharsets.UTF_8));
            event.append(i > 1 ? "," : "").append("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"p\",")
                    .append("\"sequenceNumber\":\"4959033827149025660855969253836157109592157598913658").append(i)
                    .append("\",\"data\":\"").append(data).append("\"},\"eventSource\":\"aws:kinesis\"}");
        }
        return event.append("]}").toString();
    }
}
