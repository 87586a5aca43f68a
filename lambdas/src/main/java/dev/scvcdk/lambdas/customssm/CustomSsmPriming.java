package dev.scvcdk.lambdas.customssm;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import dev.scvcdk.lambdas.customresource.CfnResponseSender;
import java.util.Map;

/**
 * Runs CustomSSM's call path during init against an in-process loopback stand-in for SSM, Secrets Manager and the
 * CloudFormation response URL: a Create from a literal and from a secret's JSON key, and a Delete, each answered
 * with the function's own response sender.
 */
final class CustomSsmPriming {

    /** Rounds through the call path: enough for the JIT to compile its hot methods. */
    static final int ROUNDS = 40;
    private static final String SECRET =
            Priming.arn("secretsmanager", "secret:priming-credentials-AbCdEf");

    private CustomSsmPriming() {
    }

    static void prime(CfnResponseSender sender, int rounds) {
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(
                Map.of(SECRET, "{\"consumerKey\":\"3MVG9priming\"}"), "{}",
                request -> "PUT".equals(request.method()) ? Response.json(200, "")
                        : PrimingStandIns.notFound(request)))) {
            CustomSsmHandler handler = new CustomSsmHandler(
                    new SsmApi(AwsApiClient.forPriming(AwsService.SSM, loopback.uri())),
                    new SecretsManagerApi(AwsApiClient.forPriming(AwsService.SECRETS_MANAGER, loopback.uri())),
                    sender, Priming.silentLogger("CustomSsmHandler"));
            String responseUrl = loopback.uri() + "/cfn-response?X-Amz-Signature=priming";
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, event("Create", responseUrl,
                        "\"ValueFrom\":\"Literal\",\"Value\":\"https://login.salesforce.com/\""), "\"SUCCESS\"");
                Priming.invoke(handler, event("Create", responseUrl, "\"ValueFrom\":\"SecretsManager\",\"SecretId\":\""
                        + SECRET + "\",\"SecretJsonKey\":\"consumerKey\""), "\"SUCCESS\"");
                Priming.invoke(handler, event("Delete", responseUrl,
                        "\"ValueFrom\":\"Literal\",\"Value\":\"https://login.salesforce.com/\""), "\"SUCCESS\"");
            }
        }
    }

    private static String event(String requestType, String responseUrl, String properties) {
        return "{\"RequestType\":\"" + requestType + "\",\"ResponseURL\":" + Priming.jsonString(responseUrl)
                + ",\"StackId\":\""
                + Priming.arn("cloudformation", "stack/priming/0") + "\","
                + "\"RequestId\":\"priming\",\"LogicalResourceId\":\"Priming\","
                + "\"PhysicalResourceId\":\"priming-salesforce-rest-api-audience\","
                + "\"ResourceType\":\"Custom::ScvSecureParameter\",\"ResourceProperties\":{"
                + "\"ParameterName\":\"priming-salesforce-rest-api-audience\"," + properties + "}}";
    }
}
