package dev.scvcdk.lambdas.realtimealert;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import java.time.Clock;
import java.util.Map;

/**
 * Runs RealtimeAlert's call path during init: a CloudWatch alarm notification is mapped and sent as a signed
 * synchronous invocation through the function's own HTTP client, to an in-process loopback stand-in for the Lambda
 * API (InvokeSalesforceRestApi is not invoked, no alert is published).
 */
final class RealtimeAlertPriming {

    /** Alerts through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 100;

    private static final String ALARM = """
            {"AlarmName":"SCV Connect priming-ConcurrentCallsPercentage","AlarmDescription":"priming",
             "AWSAccountId":"111122223333","NewStateValue":"ALARM",
             "NewStateReason":"Threshold Crossed: 1 datapoint [0.85 (21/11/26 10:00:00)] was greater than or equal to the threshold (0.8).",
             "StateChangeTime":"2026-11-21T10:00:12.345+0000","Region":"US East (N. Virginia)",
             "OldStateValue":"OK","Trigger":{"MetricName":"ConcurrentCallsPercentage","Namespace":"AWS/Connect",
             "StatisticType":"Statistic","Statistic":"MAXIMUM","Unit":null,"Dimensions":[{"value":"priming",
             "name":"InstanceId"}],"Period":60,"EvaluationPeriods":10,"ComparisonOperator":
             "GreaterThanOrEqualToThreshold","Threshold":0.8,"TreatMissingData":"","EvaluateLowSampleCountPercentile":""}}""";

    private RealtimeAlertPriming() {
    }

    static void prime(String restApiFunction, int rounds) {
        String event = "{\"Records\":[{\"EventSource\":\"aws:sns\",\"EventVersion\":\"1.0\",\"EventSubscriptionArn\":"
                + Priming.jsonString(Priming.arn("sns", "priming-RealtimeAlertTopic:00000000-0000-4000-8000-000000000000"))
                + ",\"Sns\":{\"Type\":\"Notification\",\"MessageId\":\"00000000-0000-4000-8000-000000000001\","
                + "\"TopicArn\":" + Priming.jsonString(Priming.arn("sns", "priming-RealtimeAlertTopic"))
                + ",\"Subject\":\"ALARM\",\"Message\":" + Json.write(ALARM.replace("\n", ""))
                + ",\"Timestamp\":\"2026-11-21T10:00:12.400Z\"}}]}";
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(Map.of(),
                "{\"success\":true}", PrimingStandIns::notFound))) {
            RealtimeAlertHandler handler = new RealtimeAlertHandler(new RealtimeAlertService(
                    new LambdaFunctionInvoker(AwsApiClient.forPriming(AwsService.LAMBDA, loopback.uri())),
                    restApiFunction, Clock.systemUTC(), Priming.silentLogger("RealtimeAlertService")));
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, event, "null");
            }
        }
    }
}
