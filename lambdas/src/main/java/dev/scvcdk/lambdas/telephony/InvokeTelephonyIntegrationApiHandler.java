package dev.scvcdk.lambdas.telephony;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Handler {@code dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler::handleRequest}: called by
 * SCV contact flows, CTR sync and contact events with a Connect event; answers with the SCRT response.
 */
public final class InvokeTelephonyIntegrationApiHandler implements RequestStreamHandler {
    private final TelephonyService service;

    /** Used by the Lambda runtime: wiring is built once per container, from the environment. */
    public InvokeTelephonyIntegrationApiHandler() {
        this(Container.SERVICE);
    }

    public InvokeTelephonyIntegrationApiHandler(TelephonyService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input)));
    }

    /**
     * Holder: initialised on first construction by the runtime, i.e. during the init phase, where SnapStart and
     * provisioned concurrency also prime the call path.
     */
    private static final class Container {
        static final TelephonyService SERVICE = SnapStart.prepare(System.getenv(), "InvokeTelephonyIntegrationApi",
                TelephonyWiring.prepare(System.getenv()));
    }
}
