package dev.scvcdk.lambdas.authkeys;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import dev.scvcdk.lambdas.customresource.CfnResponseSender;
import java.time.Clock;
import java.util.Map;

/**
 * Runs AuthKeysSSMUtil's call paths during init against an in-process loopback stand-in for SSM and the
 * CloudFormation response URL: Salesforce's direct CreateSSMParameter and GeneratePrivatePublicKeyPair (key pair,
 * certificate, PEM), and the custom resource's Create and Delete — nothing is written to a real parameter.
 */
final class AuthKeysPriming {

    /** Rounds through the cheap paths; key generation runs twice (it dominates its own call). */
    static final int ROUNDS = 60;
    private static final int KEY_PAIRS = 2;

    private AuthKeysPriming() {
    }

    /** @param callCenterApiName the function's contact center ({@code null}: a stand-in name, priming only) */
    static void prime(String callCenterApiName, CfnResponseSender sender, int rounds) {
        String cc = callCenterApiName == null || callCenterApiName.isBlank() ? "priming" : callCenterApiName;
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(Map.of(), "{}",
                request -> "PUT".equals(request.method()) ? Response.json(200, "")
                        : PrimingStandIns.notFound(request)))) {
            AuthKeysSsmUtilHandler handler = new AuthKeysSsmUtilHandler(
                    new SsmApi(AwsApiClient.forPriming(AwsService.SSM, loopback.uri())), sender, Clock.systemUTC(),
                    Priming.silentLogger("AuthKeysSsmUtilHandler"), cc);
            String responseUrl = loopback.uri() + "/cfn-response?X-Amz-Signature=priming";
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, direct("CreateSSMParameter", "\"SSMParamName\":\"" + cc
                        + "-salesforce-rest-api-audience\",\"SSMParamValue\":\"https://login.salesforce.com/\""),
                        "\"Success\":true");
                Priming.invoke(handler, customResource("Delete", responseUrl, cc), "\"SUCCESS\"");
            }
            for (int pair = 0; pair < KEY_PAIRS; pair++) {
                Priming.invoke(handler, direct("GeneratePrivatePublicKeyPair", "\"SSMParamName\":\"" + cc
                        + "-scrt-jwt-auth-private-key\",\"OrganizationalUnitName\":\"priming\",\"ExpiresIn\":\"730\""),
                        "\"Certificate\"");
            }
            Priming.invoke(handler, customResource("Create", responseUrl, cc), "\"SUCCESS\"");
        }
    }

    private static String direct(String requestType, String details) {
        return "{\"ResourceProperties\":{\"Parameters\":{\"RequestType\":\"" + requestType + "\",\"Details\":{"
                + details + "}}}}";
    }

    private static String customResource(String requestType, String responseUrl, String cc) {
        return "{\"RequestType\":\"" + requestType + "\",\"ResponseURL\":" + Priming.jsonString(responseUrl)
                + ",\"StackId\":\""
                + Priming.arn("cloudformation", "stack/priming/0") + "\","
                + "\"RequestId\":\"priming\",\"LogicalResourceId\":\"ScrtKeyPair\","
                + "\"PhysicalResourceId\":\"" + cc + "-scrt-jwt-auth-private-key\","
                + "\"ResourceType\":\"Custom::ScvScrtKeyPair\",\"ResourceProperties\":{\"Parameters\":{"
                + "\"RequestType\":\"GeneratePrivatePublicKeyPair\",\"Details\":{\"SSMParamName\":\"" + cc
                + "-scrt-jwt-auth-private-key\",\"OrganizationalUnitName\":\"priming\",\"ExpiresIn\":\"730\"}}}}";
    }
}
