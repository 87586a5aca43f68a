package dev.scvcdk.lambdas.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.restapi.connectpkg.SfOperations;
import dev.scvcdk.lambdas.restapi.scv.ScvRestMethods;
import java.util.Map;
import java.util.Set;

/**
 * Serves a Connect event for InvokeSalesforceRestApi: an event carrying {@code sf_operation} follows
 * the Amazon Connect Salesforce Lambda package's contract, one carrying {@code methodName} SCV's.
 */
public final class InvokeSalesforceRestApiService {

    private final ScvRestMethods scv;
    private final SfOperations connectPackage;

    public InvokeSalesforceRestApiService(ScvRestMethods scv, SfOperations connectPackage) {
        this.scv = scv;
        this.connectPackage = connectPackage;
    }

    /** Answers the event with the flat string map Connect accepts. */
    public Map<String, String> handle(JsonNode event) {
        Parameters params = Parameters.fromEvent(event);
        if (params.has("sf_operation")) {
            String operation = params.required("sf_operation", "InvokeSalesforceRestApi");
            return connectPackage.invoke(operation, Parameters.of(params.without(Set.of("sf_operation"))));
        }
        if (params.has("methodName")) {
            return scv.invoke(params.required("methodName", "InvokeSalesforceRestApi"), params);
        }
        throw new InvalidRequestException("Details.Parameters must carry 'methodName' (SCV) or 'sf_operation' "
                + "(Amazon Connect Salesforce Lambda package); parameters sent: " + params.asMap().keySet());
    }
}
