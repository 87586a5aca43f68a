package dev.scvcdk.lambdas.contactevents;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import java.util.List;
import java.util.Map;

/**
 * Runs HandleContactEvents' call path during init: a DISCONNECTED and an expired-routing event are read and
 * turned into signed Lambda invocations through the function's own HTTP client, to an in-process loopback
 * stand-in for the Lambda API.
 */
final class ContactEventsPriming {

    /** Rounds through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 60;

    private static final List<String> EVENTS = List.of("""
            {"version":"0","detail-type":"Amazon Connect Contact Event","source":"aws.connect",
             "detail":{"eventType":"DISCONNECTED","contactId":"c0000000-0000-4000-8000-00000000beef",
             "channel":"VOICE","initiationMethod":"INBOUND"}}""", """
            {"version":"0","detail-type":"Amazon Connect Contact Event","source":"aws.connect",
             "detail":{"eventType":"CONTACT_DATA_UPDATED","contactId":"c0000000-0000-4000-8000-00000000beef",
             "channel":"VOICE","initiationMethod":"TRANSFER","routingCriteria":{"steps":[{"status":"EXPIRED",
             "expression":{"attributeCondition":{"matchCriteria":{"agentsCriteria":{"agentIds":["a1"]}}}}}]}}}""");

    private ContactEventsPriming() {
    }

    static void prime(String telephonyFunction, int rounds) {
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(Map.of(),
                "{\"result\":\"Success\"}", PrimingStandIns::notFound))) {
            HandleContactEventsHandler handler = new HandleContactEventsHandler(new ContactEventsService(
                    new LambdaFunctionInvoker(AwsApiClient.forPriming(AwsService.LAMBDA, loopback.uri())),
                    telephonyFunction, Priming.silentLogger("ContactEventsService")));
            for (int round = 0; round < rounds; round++) {
                for (String event : EVENTS) {
                    Priming.invoke(handler, event, "\"Success\"");
                }
            }
        }
    }
}
