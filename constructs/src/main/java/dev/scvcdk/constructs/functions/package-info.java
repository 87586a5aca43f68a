/**
 * {@link dev.scvcdk.constructs.functions.ScvFunction}: an SCV Lambda function — {@code <cc>-<Name>},
 * java21, SnapStart, alias {@code active}, its own encrypted log group and an errors alarm; and
 * {@link dev.scvcdk.constructs.functions.LambdaCode}, where the two Lambda jars come from (the artifact
 * {@code dev.scvcdk:scv-lambda-code} on the classpath, or jar files).
 *
 * <pre>{@code
 * ScvFunction fn = new ScvFunction(this, "Telephony", ScvFunctionProps.builder()
 *         .callCenterApiName("acmesupport")
 *         .function(ScvNames.Function.INVOKE_TELEPHONY_INTEGRATION_API)
 *         .handler("dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler::handleRequest")
 *         .code(LambdaCode.fromClasspath().code(Handler.Jar.SHARED))
 *         .role(ScvRoles.importByName(this, "Role", "SCVInvokeTelephonyIntegrationApiFunctionRole"))
 *         .timeout(Duration.seconds(8))
 *         .logEncryptionKey(key)
 *         .build());
 * fn.getAlias();          // what callers invoke
 * }</pre>
 */
package dev.scvcdk.constructs.functions;
