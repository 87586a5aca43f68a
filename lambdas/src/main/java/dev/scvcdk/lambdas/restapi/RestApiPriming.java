package dev.scvcdk.lambdas.restapi;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Request;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import java.net.URI;
import java.util.Map;

/**
 * Runs InvokeSalesforceRestApi's call path during init, against an in-process loopback stand-in for SSM and a
 * Salesforce org: the connected app's (throwaway) key is read and parsed, a JWT bearer assertion signed and
 * exchanged for a token, and the queries and record calls contact flows make are sent and their answers
 * flattened — with the function's own HTTP client, and no request leaving the process.
 */
final class RestApiPriming {

    /** Rounds through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 40;

    private static final String API = "/services/data/v60.0";
    private static final String TOKEN = "/services/oauth2/token";
    private static final String RECORDS = "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":"
            + "\"Contact\",\"url\":\"/x\"},\"Id\":\"0035e00000ABCDeAAF\",\"Name\":\"Ada Lovelace\",\"Account\":"
            + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\"}}]}";

    /** Each event and what its answer holds when the call path ran as in production. */
    private static final Map<String, String> EVENTS = Map.of(
            event("\"methodName\":\"queryRecord\",\"soql\":\"SELECT Id, Name, Account.Name FROM Contact WHERE Phone"
                    + " = '{phone}' LIMIT 1\",\"phone\":\"+14155550100\""), "\"Account.Name\"",
            event("\"sf_operation\":\"lookup\",\"sf_object\":\"Contact\",\"sf_fields\":\"Id, Name\","
                    + "\"homephone\":\"+14155550100\""), "\"sf_count\":\"1\"",
            event("\"sf_operation\":\"query\",\"query\":\"select Id from Contact where Phone LIKE '%{{number}}%'\","
                    + "\"number\":\"4155550100\""), "\"sf_records\":[{",
            event("\"methodName\":\"createRecord\",\"objectApiName\":\"CASE\",\"Subject\":\"Caller asked about an "
                    + "invoice\",\"Origin\":\"Phone\""), "\"recordId\"",
            event("\"methodName\":\"fetchUploadIdsStatus\",\"uploadIds\":\"0Xx5e000000AAAA,0Xx5e000000BBBB\""),
            "\"conversationUploadsStatus\":[");

    private RestApiPriming() {
    }

    private static String event(String parameters) {
        return "{\"Details\":{\"ContactData\":{\"ContactId\":\"c0000000-0000-4000-8000-00000000beef\","
                + "\"Channel\":\"VOICE\"},\"Parameters\":{" + parameters + "}},\"Name\":\"ContactFlowEvent\"}";
    }

    /**
     * @param config   the function's configuration (its parameter names), with Salesforce replaced by the stand-in
     * @param retrying the function's HTTP client (its pool is dropped before the snapshot)
     * @param ids      the function's JWT id source (re-seeded after every restore)
     */
    static void prime(RestApiConfig config, RetryingHttpClient retrying, RetryPolicy policy, RandomIds ids,
                      int rounds) {
        Map<String, String> parameters = Map.of(
                config.privateKeyParamName(), Priming.throwawayRsaKeyPem(),
                config.consumerKeyParamName(), "3MVG9priming",
                config.audienceParamName(), "https://login.salesforce.com/",
                config.subjectParamName(), "priming@example.invalid");
        try (LoopbackResponder loopback = LoopbackResponder.start(
                PrimingStandIns.aws(parameters, "{}", RestApiPriming::salesforce))) {
            SsmApi ssm = new SsmApi(AwsApiClient.forPriming(AwsService.SSM, loopback.uri()));
            SecretsManagerApi secrets = new SecretsManagerApi(
                    AwsApiClient.forPriming(AwsService.SECRETS_MANAGER, loopback.uri()));
            RestApiConfig primingConfig = new RestApiConfig(config.privateKeyParamName(),
                    config.consumerKeyParamName(), config.accessTokenParamName(), config.audienceParamName(),
                    config.subjectParamName(), URI.create(loopback.uri() + API), URI.create(loopback.uri() + TOKEN),
                    config.logLevel(), config.callCenterApiName());
            for (int round = 0; round < rounds; round++) {
                // A new service each round: the key read, the assertion and the token exchange run every time.
                InvokeSalesforceRestApiHandler handler = new InvokeSalesforceRestApiHandler(
                        InvokeSalesforceRestApiService.build(primingConfig, ssm, () -> secrets, retrying, policy, ids,
                                Priming.silentLogger("InvokeSalesforceRestApi")).service());
                EVENTS.forEach((event, expected) -> Priming.invoke(handler, event, expected));
            }
        }
    }

    private static Response salesforce(Request request) {
        String path = request.path();
        if (path.startsWith(TOKEN)) {
            return Response.json(200, "{\"access_token\":\"00Dpriming!token\",\"token_type\":\"Bearer\"}");
        }
        if (path.startsWith(API + "/query")) {
            return Response.json(200, RECORDS);
        }
        if (path.startsWith(API + "/search")) {
            return Response.json(200, "{\"searchRecords\":[{\"attributes\":{\"type\":\"Contact\"},"
                    + "\"Id\":\"0035e00000ABCDeAAF\"}]}");
        }
        if (path.startsWith(API + "/connect/conversations/upload")) {
            return Response.json(200, "{\"conversationUploadsStatus\":[{\"uploadId\":\"0Xx5e000000AAAA\","
                    + "\"status\":\"Completed\"}]}");
        }
        if (path.startsWith(API + "/sobjects/")) {
            return "PATCH".equals(request.method())
                    ? Response.json(204, "")
                    : Response.json(201, "{\"id\":\"5005e00000NEW01AAA\",\"success\":true,\"errors\":[]}");
        }
        return PrimingStandIns.notFound(request);
    }
}
