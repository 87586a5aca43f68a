package dev.scvcdk.lambdas.contactdatasync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Handler {@code dev.scvcdk.lambdas.contactdatasync.ContactDataSyncHandler::handleRequest} (media jar), invoked
 * directly: {@code {operation: "uploadTranscript", payload: [{contactId, relatedRecords}]}} or
 * {@code {operation: "fetchUploadIdsStatus", uploadIds: [...]}}; see {@link ContactDataSyncService}.
 */
public final class ContactDataSyncHandler implements RequestStreamHandler {
    private final ContactDataSyncService service;

    /** Used by the Lambda runtime: wiring is built once per container, from the environment. */
    public ContactDataSyncHandler() {
        this(Container.SERVICE);
    }

    public ContactDataSyncHandler(ContactDataSyncService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input), context == null ? null : context.getInvokedFunctionArn()));
    }

    private static final class Container {
        static final ContactDataSyncService SERVICE = SnapStart.prepare(System.getenv(), "ContactDataSync",
                ContactDataSyncWiring.prepare(System.getenv()));
    }
}
