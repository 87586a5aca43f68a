package dev.scvcdk.lambdas.kvstranscriber;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaClient;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

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

    private static final class Container {
        static final KvsTranscriberService SERVICE = SnapStart.prepare(System.getenv(), "kvsTranscriber",
                KvsTranscriberWiring.prepare(System.getenv(), new KvsContactAudio(KvsMediaClient.create())));
    }
}
