package dev.scvcdk.lambdas.restapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.scvcdk.lambdas.common.Lazy;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.json.Json;
import java.util.Map;

/**
 * InvokeSalesforceRestApiFunction: {@code dev.scvcdk.lambdas.restapi.InvokeSalesforceRestApiHandler::handleRequest}.
 *
 * <p>Takes the Amazon Connect event, lets {@link InvokeSalesforceRestApiService} serve it and returns
 * the flat string map Connect accepts. Configuration and clients are built once per container, when
 * Lambda creates the handler; a missing or bad environment variable fails the init naming it.
 */
public final class InvokeSalesforceRestApiHandler implements RequestHandler<Map<String, Object>, Map<String, String>> {

    /** Built on the first handler instance only, so tests can create handlers over their own service. */
    private static final class Container {
        static final InvokeSalesforceRestApiService SERVICE = InvokeSalesforceRestApiService.create(
                RestApiConfig.fromEnvironment(System.getenv()), AwsClients.ssm(), Lazy.of(AwsClients::secretsManager),
                RetryPolicy.defaults());
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
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        return service.handle(Json.MAPPER.valueToTree(event));
    }
}
