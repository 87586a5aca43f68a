package dev.scvcdk.lambdas.contactlens;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.Objects;

/**
 * Handler {@code dev.scvcdk.lambdas.contactlens.ContactLensConsumerHandler::handleRequest}: a Kinesis event from
 * the Contact Lens stream in, a partial batch response ({@code {"batchItemFailures":[{"itemIdentifier":"<seq>"}]}})
 * out. The event-source mapping must enable {@code ReportBatchItemFailures}, and should retry and keep what it
 * gives up on in an on-failure destination.
 */
public final class ContactLensConsumerHandler implements RequestStreamHandler {
    public static final String PROCESSOR_FUNCTION_VARIABLE = EnvVar.CONTACT_LENS_PROCESSOR_FUNCTION_ARN;

    private final ContactLensConsumerService service;

    public ContactLensConsumerHandler() {
        this(Container.SERVICE);
    }

    public ContactLensConsumerHandler(ContactLensConsumerService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** @throws dev.scvcdk.lambdas.common.env.ConfigurationException when the processor ARN is not set */
    public static ContactLensConsumerService fromEnvironment(Map<String, String> environment) {
        return prepare(environment).service();
    }

    /** The service, its restore hooks (the shared AWS client state) and its priming run, for init. */
    public static SnapStart.Prepared<ContactLensConsumerService> prepare(Map<String, String> environment) {
        return prepare(environment, ContactLensConsumerPriming.ROUNDS);
    }

    /** @param primingRounds how many batches priming forwards through the call path */
    static SnapStart.Prepared<ContactLensConsumerService> prepare(Map<String, String> environment, int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        String processor = env.required(PROCESSOR_FUNCTION_VARIABLE);
        env.validate();
        ContactLensConsumerService service = new ContactLensConsumerService(AwsClients.lambda(), processor,
                StructuredLogger.forClass(ContactLensConsumerService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> ContactLensConsumerPriming.prime(processor, primingRounds));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode response = Json.object();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (String sequenceNumber : service.forward(Json.read(input))) {
            failures.addObject().put("itemIdentifier", sequenceNumber);
        }
        Json.write(output, response);
    }

    private static final class Container {
        static final ContactLensConsumerService SERVICE = SnapStart.prepare(System.getenv(), "ContactLensConsumer",
                prepare(System.getenv()));
    }
}
