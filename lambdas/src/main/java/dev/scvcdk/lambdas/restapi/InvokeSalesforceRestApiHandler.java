package dev.scvcdk.lambdas.restapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.lambdas.common.Lazy;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;

/**
 * InvokeSalesforceRestApiFunction: {@code dev.scvcdk.lambdas.restapi.InvokeSalesforceRestApiHandler::handleRequest}.
 *
 * <p>Takes the Amazon Connect event (or a direct invocation from SCV's functions), lets
 * {@link InvokeSalesforceRestApiService} serve it and writes the answer as JSON. A stream handler, so reading and
 * writing JSON is this jar's code (and primed with it), not the runtime's serializer. Configuration and clients
 * are built once per container, when Lambda creates the handler; a missing or bad environment variable fails the
 * init naming it.
 */
public final class InvokeSalesforceRestApiHandler implements RequestStreamHandler {

    /**
     * Built on the first handler instance only, so tests can create handlers over their own service; SnapStart and
     * provisioned concurrency also prime the call path here.
     */
    private static final class Container {
        static final InvokeSalesforceRestApiService SERVICE = SnapStart.prepare(System.getenv(),
                "InvokeSalesforceRestApi", InvokeSalesforceRestApiService.prepare(
                        RestApiConfig.fromEnvironment(System.getenv()), AwsClients.ssm(),
                        Lazy.of(AwsClients::secretsManager), RetryPolicy.defaults(), SecureRandom::new));
    }

    private final InvokeSalesforceRestApiService service;

    /** Used by the Lambda runtime. */
    public InvokeSalesforceRestApiHandler() {
        this(Container.SERVICE);
    }

    InvokeSalesforceRestApiHandler(InvokeSalesforceRestApiService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, service.handle(Json.read(input)));
    }
}
