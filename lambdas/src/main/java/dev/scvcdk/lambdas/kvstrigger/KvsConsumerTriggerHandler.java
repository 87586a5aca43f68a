package dev.scvcdk.lambdas.kvstrigger;

import dev.scvcdk.contracts.EnvVar;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/** Handler {@code dev.scvcdk.lambdas.kvstrigger.KvsConsumerTriggerHandler::handleRequest} (contact flow). */
public final class KvsConsumerTriggerHandler implements RequestStreamHandler {
    public static final String TRANSCRIBER_FUNCTION_VARIABLE = EnvVar.INVOKE_KVS_TRANSCRIBER_ARN;

    private final KvsTriggerService service;

    public KvsConsumerTriggerHandler() {
        this(Container.SERVICE);
    }

    public KvsConsumerTriggerHandler(KvsTriggerService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** @throws dev.scvcdk.lambdas.common.env.ConfigurationException when the transcriber ARN is not set */
    public static KvsTriggerService fromEnvironment(Map<String, String> environment) {
        return prepare(environment).service();
    }

    /** The service, its restore hooks (the shared AWS client state) and its priming run, for init. */
    public static SnapStart.Prepared<KvsTriggerService> prepare(Map<String, String> environment) {
        return prepare(environment, KvsTriggerPriming.ROUNDS);
    }

    /** @param primingRounds how many times priming runs the call path */
    static SnapStart.Prepared<KvsTriggerService> prepare(Map<String, String> environment, int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        String transcriber = env.required(TRANSCRIBER_FUNCTION_VARIABLE);
        env.validate();
        KvsTriggerService service = new KvsTriggerService(AwsClients.lambda(), transcriber,
                StructuredLogger.forClass(KvsTriggerService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> KvsTriggerPriming.prime(transcriber, primingRounds));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input)));
    }

    private static final class Container {
        static final KvsTriggerService SERVICE = SnapStart.prepare(System.getenv(), "kvsConsumerTrigger",
                prepare(System.getenv()));
    }
}
