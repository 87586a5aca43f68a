package dev.scvcdk.lambdas.kvstranscriber;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.env.ConfigurationException;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Handler {@code dev.scvcdk.lambdas.kvstranscriber.KvsTranscriberHandler::handleRequest}: invoked asynchronously by
 * kvsConsumerTrigger with a contact's stream position; answers {@code {"result":"Success"}} once the call's transcript
 * is in SCRT, and fails the invocation otherwise (see {@link KvsTranscriberService}).
 */
public final class KvsTranscriberHandler implements RequestStreamHandler {
    private final KvsTranscriberService service;

    /** Used by the Lambda runtime: wiring is built once per container, from the environment. */
    public KvsTranscriberHandler() {
        this(Container.SERVICE);
    }

    public KvsTranscriberHandler(KvsTranscriberService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input)));
    }

    /**
     * The Kinesis Video reader, found as a {@link ContactAudio} service provider
     * ({@code META-INF/services/dev.scvcdk.lambdas.kvstranscriber.ContactAudio}) so this package does not depend on it.
     *
     * @throws ConfigurationException when there is not exactly one
     */
    static ContactAudio contactAudio() {
        List<ContactAudio> found = ServiceLoader.load(ContactAudio.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        if (found.size() != 1) {
            throw new ConfigurationException(List.of("expected one " + ContactAudio.class.getName()
                    + " provider on the class path (the Kinesis Video reader), found " + found.size()));
        }
        return found.get(0);
    }

    private static final class Container {
        static final KvsTranscriberService SERVICE = SnapStart.prepare(System.getenv(), "kvsTranscriber",
                KvsTranscriberWiring.prepare(System.getenv(), contactAudio()));
    }
}
