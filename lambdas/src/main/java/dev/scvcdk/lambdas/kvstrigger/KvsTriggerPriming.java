package dev.scvcdk.lambdas.kvstrigger;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import java.util.Map;

/**
 * Runs kvsConsumerTrigger's call path during init: a contact-flow event with a customer audio stream becomes a
 * signed asynchronous invocation through the function's own HTTP client, to an in-process loopback stand-in for
 * the Lambda API (no transcriber is started).
 */
final class KvsTriggerPriming {

    /** Rounds through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 100;

    private static final String EVENT = """
            {"Details":{"ContactData":{"Attributes":{"languageCode":"en-US"},"Channel":"VOICE",
             "ContactId":"c0000000-0000-4000-8000-00000000beef","CustomerEndpoint":{"Address":"+14155550100",
             "Type":"TELEPHONE_NUMBER"},"InitiationMethod":"INBOUND","InstanceARN":
             "%s",
             "MediaStreams":{"Customer":{"Audio":{"StartFragmentNumber":"91343852333181432392682062607743920146264440123",
             "StartTimestamp":"1763719200000","StreamARN":
             "%s"}}},
             "SystemEndpoint":{"Address":"+18005550199","Type":"TELEPHONE_NUMBER"}},
             "Parameters":{"engine":"standard","vocabularyName":"priming"}},"Name":"ContactFlowEvent"}""".formatted(
            Priming.arn("connect", "instance/00000000-0000-4000-8000-000000000000"),
            Priming.arn("kinesisvideo", "stream/priming/1763719200000"));

    private KvsTriggerPriming() {
    }

    static void prime(String transcriberFunction, int rounds) {
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(Map.of(), "{}",
                PrimingStandIns::notFound))) {
            KvsConsumerTriggerHandler handler = new KvsConsumerTriggerHandler(new KvsTriggerService(
                    new LambdaFunctionInvoker(AwsApiClient.forPriming(AwsService.LAMBDA, loopback.uri())),
                    transcriberFunction, Priming.silentLogger("KvsTriggerService")));
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, EVENT, "\"Success\"");
            }
        }
    }
}
