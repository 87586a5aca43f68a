package dev.scvcdk.lambdas.authkeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.customresource.CfnRequest;
import dev.scvcdk.lambdas.customresource.CfnResponseSender;
import dev.scvcdk.lambdas.customresource.CustomResourceResponder;
import dev.scvcdk.lambdas.customresource.OwnedParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * AuthKeysSSMUtilFunction: generates the SCRT JWT key pair and stores SSM parameters.
 *
 * <p>Direct invocation (SCV's contract; Salesforce rotates the key this way through SCVUpdateCredentialRole):
 * {@code {"ResourceProperties": {"Parameters": {"RequestType": …, "Details": {"SSMParamName",
 * "OrganizationalUnitName", "ExpiresIn", "SSMParamValue"}}}}}.
 * <ul>
 *   <li>{@code GeneratePrivatePublicKeyPair} — a new RSA 2048 key pair; the private key (PKCS#8 PEM) overwrites
 *       the SecureString {@code SSMParamName}; answers {@code {"Success": true, "Certificate": "<PEM>"}}, a
 *       self-signed CA certificate valid {@code ExpiresIn} days for {@code OU=OrganizationalUnitName}.</li>
 *   <li>{@code CreateSSMParameter} — stores {@code SSMParamValue} (overwriting); answers
 *       {@code {"Success": true, "Message": "The SSM parameter <name> is put successfully."}}.</li>
 *   <li>any other request type — {@code {"Success": false, "Message": "Unsupported requestType along with
 *       parameter <name>"}} (SCV's texts: Salesforce reads them).</li>
 *   <li>a name that is not this contact center's ({@code CALL_CENTER_API_NAME}: {@code <cc>-scrt-jwt-auth-private-key}
 *       or {@code <cc>-salesforce-rest-api-{auth-private-key,auth-consumer-key,access-token,audience,subject}}),
 *       or bad details — {@code {"Success": false, "Message": …}} naming the field, the value and the rule, before
 *       any SSM call.</li>
 * </ul>
 *
 * <p>As a CloudFormation custom resource (the event has {@code RequestType} Create/Update/Delete and a
 * {@code ResponseURL}; {@code ResourceProperties.Parameters} as above, RequestType
 * {@code GeneratePrivatePublicKeyPair} only): Create and Update generate the key pair only when the parameter does
 * not exist and tag it {@code scv:created-by = <StackId>/<LogicalResourceId>}; an existing key is kept and
 * gets a fresh certificate. The response's Data is {@code {"Certificate": "<PEM>"}} (public); the private key never
 * appears in a response or a log. PhysicalResourceId is the parameter name. Delete removes the parameter only
 * if this resource created it, and succeeds when it is already gone. Every custom-resource request is answered at
 * its ResponseURL — FAILED with a Reason for a body that is not JSON, an unknown RequestType, a foreign parameter
 * name, invalid properties or any error.
 */
public final class AuthKeysSsmUtilHandler implements RequestStreamHandler {

    /**
     * Built on first use of the no-argument constructor: once per container, from the default region, credential
     * and endpoint chains ({@code AWS_ENDPOINT_URL_SSM} …). No random source is held: each key pair and serial
     * number gets a fresh {@link java.security.SecureRandom}, so SnapStart restores never share one.
     */
    private static final class DefaultClients {
        static final SsmApi SSM = AwsClients.ssm();
        static final CfnResponseSender SENDER = CfnResponseSender.create();
    }

    private final AuthKeysService service;
    private final CustomResourceResponder responder;

    /** The handler Lambda's runtime gets, wired once per container (and primed for SnapStart). */
    private static final class Container {
        static final AuthKeysSsmUtilHandler WIRED = SnapStart.prepare(System.getenv(), "AuthKeysSSMUtil",
                prepare(System.getenv()));
    }

    /** Used by Lambda. */
    public AuthKeysSsmUtilHandler() {
        this(Container.WIRED);
    }

    private AuthKeysSsmUtilHandler(AuthKeysSsmUtilHandler wired) {
        this.service = wired.service;
        this.responder = wired.responder;
    }

    /** The Lambda wiring over {@code environment}, its restore hooks and its priming run. */
    static SnapStart.Prepared<AuthKeysSsmUtilHandler> prepare(Map<String, String> environment) {
        return prepare(environment, AuthKeysPriming.ROUNDS);
    }

    /** @param primingRounds how many times priming runs the cheap call paths */
    static SnapStart.Prepared<AuthKeysSsmUtilHandler> prepare(Map<String, String> environment, int primingRounds) {
        AuthKeysSsmUtilHandler handler = new AuthKeysSsmUtilHandler(environment);
        RestoreHooks hooks = new RestoreHooks().registerAll(AwsApiClient.sharedRestorables())
                .register(DefaultClients.SENDER.restorable());
        return new SnapStart.Prepared<>(handler, hooks, () -> AuthKeysPriming.prime(
                environment.get(ParameterNameRule.VARIABLE), DefaultClients.SENDER, primingRounds));
    }

    /** The Lambda wiring over {@code environment}: default clients, the system clock, {@code LOG_LEVEL}. */
    AuthKeysSsmUtilHandler(Map<String, String> environment) {
        this(DefaultClients.SSM, DefaultClients.SENDER, Clock.systemUTC(),
                StructuredLogger.forClass(AuthKeysSsmUtilHandler.class),
                environment.get(ParameterNameRule.VARIABLE));
    }

    /**
     * @param callCenterApiName the contact center whose parameters this function may write ({@code
     *                          CALL_CENTER_API_NAME}); when {@code null} every request is refused, naming the variable
     */
    public AuthKeysSsmUtilHandler(SsmApi ssm, CfnResponseSender sender, Clock clock, StructuredLogger log,
                                  String callCenterApiName) {
        this.service = new AuthKeysService(new OwnedParameters(ssm), new ParameterNameRule(callCenterApiName), clock,
                log);
        this.responder = new CustomResourceResponder(sender, log, Set.of("SSMParamValue"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] body = input.readAllBytes();
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            if (CfnRequest.isCustomResourceEvent(CfnRequest.salvage(body))) {
                Json.write(output, responder.answerUnreadable(body, context));
            } else {
                // Jackson's message would quote the body, which may hold SSMParamValue.
                Json.write(output, JsonNodeFactory.instance.objectNode().put("Success", false)
                        .put("Message", "The request is not valid JSON"));
            }
            return;
        }
        if (CfnRequest.isCustomResourceEvent(event)) {
            Json.write(output, responder.answer(event, context, service::lifecycle));
        } else {
            Json.write(output, service.invoke(event));
        }
    }
}
