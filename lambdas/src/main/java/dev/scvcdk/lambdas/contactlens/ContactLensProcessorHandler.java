package dev.scvcdk.lambdas.contactlens;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Handler {@code dev.scvcdk.lambdas.contactlens.ContactLensProcessorHandler::handleRequest}: invoked
 * asynchronously by ContactLensConsumer with a Kinesis event of at most five Contact Lens records; answers a
 * summary (discarded, as for any asynchronous invocation) or fails, so Lambda retries the event and then hands it
 * to the function's on-failure destination.
 */
public final class ContactLensProcessorHandler implements RequestStreamHandler {
    /** Time kept back from the Lambda timeout, so the function fails itself rather than being timed out. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(1);

    private final ContactLensProcessorService service;

    public ContactLensProcessorHandler() {
        this(Container.SERVICE);
    }

    public ContactLensProcessorHandler(ContactLensProcessorService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Optional<Duration> timeLeft = context == null
                ? Optional.empty()
                : Optional.of(Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY_MARGIN));
        Json.write(output, service.process(Json.read(input), timeLeft));
    }

    private static final class Container {
        static final ContactLensProcessorService SERVICE = SnapStart.prepare(System.getenv(), "ContactLensProcessor",
                ContactLensProcessorWiring.prepare(System.getenv()));
    }
}
