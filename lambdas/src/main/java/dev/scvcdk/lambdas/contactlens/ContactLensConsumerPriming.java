package dev.scvcdk.lambdas.contactlens;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import java.util.Map;

/**
 * Runs ContactLensConsumer's call path during init: a Kinesis batch of Contact Lens records is chunked and sent as
 * signed asynchronous invocations through the function's own HTTP client, to an in-process loopback stand-in for
 * the Lambda API (the processor is not invoked).
 */
final class ContactLensConsumerPriming {

    /** Batches through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 100;

    private ContactLensConsumerPriming() {
    }

    static void prime(String processorFunction, int rounds) {
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(Map.of(), "{}",
                PrimingStandIns::notFound))) {
            ContactLensConsumerHandler handler = new ContactLensConsumerHandler(new ContactLensConsumerService(
                    new LambdaFunctionInvoker(AwsApiClient.forPriming(AwsService.LAMBDA, loopback.uri())),
                    processorFunction, Priming.silentLogger("ContactLensConsumerService")));
            String batch = ContactLensPrimingEvents.kinesisBatch();
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, batch, "{\"batchItemFailures\":[]}");
            }
        }
    }
}
