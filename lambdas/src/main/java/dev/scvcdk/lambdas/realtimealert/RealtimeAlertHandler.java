package dev.scvcdk.lambdas.realtimealert;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Handler {@code dev.scvcdk.lambdas.realtimealert.RealtimeAlertHandler::handleRequest}: subscribed to the
 * {@code <cc>-RealtimeAlertTopic} SNS topic; answers {@code null}, or fails when the alert was not published.
 */
public final class RealtimeAlertHandler implements RequestStreamHandler {
    public static final String REST_API_FUNCTION_VARIABLE = EnvVar.INVOKE_SALESFORCE_REST_API_ARN;

    private final RealtimeAlertService service;

    public RealtimeAlertHandler() {
        this(Container.SERVICE);
    }

    public RealtimeAlertHandler(RealtimeAlertService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** @throws dev.scvcdk.lambdas.common.env.ConfigurationException when the REST function ARN is not set */
    public static RealtimeAlertService fromEnvironment(Map<String, String> environment) {
        return prepare(environment).service();
    }

    /** The service, its restore hooks (the shared AWS client state) and its priming run, for init. */
    public static SnapStart.Prepared<RealtimeAlertService> prepare(Map<String, String> environment) {
        return prepare(environment, RealtimeAlertPriming.ROUNDS);
    }

    /** @param primingRounds how many alerts priming sends through the call path */
    static SnapStart.Prepared<RealtimeAlertService> prepare(Map<String, String> environment, int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        String restApi = env.required(REST_API_FUNCTION_VARIABLE);
        env.validate();
        RealtimeAlertService service = new RealtimeAlertService(AwsClients.lambda(), restApi, Clock.systemUTC(),
                StructuredLogger.forClass(RealtimeAlertService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> RealtimeAlertPriming.prime(restApi, primingRounds));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        service.handle(Json.read(input));
        output.write("null".getBytes(StandardCharsets.UTF_8));
    }

    private static final class Container {
        static final RealtimeAlertService SERVICE = SnapStart.prepare(System.getenv(), "RealtimeAlert",
                prepare(System.getenv()));
    }
}
