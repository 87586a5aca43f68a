package dev.scvcdk.lambdas.contactevents;

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

/** Handler {@code dev.scvcdk.lambdas.contactevents.HandleContactEventsHandler::handleRequest} (EventBridge target). */
public final class HandleContactEventsHandler implements RequestStreamHandler {
    public static final String TELEPHONY_FUNCTION_VARIABLE = EnvVar.INVOKE_TELEPHONY_INTEGRATION_API_ARN;

    private final ContactEventsService service;

    public HandleContactEventsHandler() {
        this(Container.SERVICE);
    }

    public HandleContactEventsHandler(ContactEventsService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** @throws dev.scvcdk.lambdas.common.env.ConfigurationException when the telephony alias ARN is not set */
    public static ContactEventsService fromEnvironment(Map<String, String> environment) {
        return prepare(environment).service();
    }

    /** The service, its restore hooks (the shared AWS client state) and its priming run, for init. */
    public static SnapStart.Prepared<ContactEventsService> prepare(Map<String, String> environment) {
        return prepare(environment, ContactEventsPriming.ROUNDS);
    }

    /** @param primingRounds how many times priming runs the call path */
    static SnapStart.Prepared<ContactEventsService> prepare(Map<String, String> environment, int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        String telephony = env.required(TELEPHONY_FUNCTION_VARIABLE);
        env.validate();
        ContactEventsService service = new ContactEventsService(AwsClients.lambda(), telephony,
                StructuredLogger.forClass(ContactEventsService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> ContactEventsPriming.prime(telephony, primingRounds));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input)));
    }

    private static final class Container {
        static final ContactEventsService SERVICE = SnapStart.prepare(System.getenv(), "HandleContactEvents",
                prepare(System.getenv()));
    }
}
