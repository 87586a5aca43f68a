package dev.scvcdk.lambdas.postcall;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Handler {@code dev.scvcdk.lambdas.postcall.PostCallAnalysisTriggerHandler::handleRequest} (media jar): an
 * EventBridge S3 {@code Object Created} event of Contact Lens output in; {@code {"result":"Success"}} or
 * {@code null} out (discarded: the invocation is asynchronous). Any failure fails the invocation.
 */
public final class PostCallAnalysisTriggerHandler implements RequestStreamHandler {
    private final PostCallService service;

    /** Used by the Lambda runtime: wiring is built once per container, from the environment. */
    public PostCallAnalysisTriggerHandler() {
        this(Container.SERVICE);
    }

    public PostCallAnalysisTriggerHandler(PostCallService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input)));
    }

    private static final class Container {
        static final PostCallService SERVICE = SnapStart.prepare(System.getenv(), "PostCallAnalysisTrigger",
                PostCallWiring.prepare(System.getenv()));
    }
}
