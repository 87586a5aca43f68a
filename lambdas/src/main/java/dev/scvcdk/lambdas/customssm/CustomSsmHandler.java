package dev.scvcdk.lambdas.customssm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.customresource.CfnResponse;
import dev.scvcdk.lambdas.customresource.CfnResponseSender;
import dev.scvcdk.lambdas.customresource.CustomResourceResponder;
import dev.scvcdk.lambdas.customresource.OwnedParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

/**
 * CustomSSMFunction: a CloudFormation custom resource that seeds one SSM SecureString parameter.
 *
 * <p>It is a direct custom resource: the function's ARN is the {@code ServiceToken} and it answers by PUT to
 * the pre-signed {@code ResponseURL} (no CDK Provider framework, so no extra Node.js function and role).
 *
 * <h2>Resource properties (all strings)</h2>
 * <ul>
 *   <li>{@code ParameterName} (required) — the parameter to create; SSM naming rules apply.</li>
 *   <li>{@code ValueFrom} (required) — {@code Literal} or {@code SecretsManager}.</li>
 *   <li>{@code Value} — required with {@code Literal}, not allowed otherwise. Only NON-secret values (the
 *       audience URL, the subject user name): the template is readable by anyone who can read the stack.</li>
 *   <li>{@code SecretId} — required with {@code SecretsManager}, not allowed otherwise: the secret's ARN. The
 *       function reads its {@code SecretString}.</li>
 *   <li>{@code SecretJsonKey} — optional, {@code SecretsManager} only: take this key of the secret's JSON object
 *       instead of the whole string.</li>
 *   <li>{@code KeyId} — optional: the KMS key (id, alias or ARN) that encrypts the SecureString.
 *       Default {@code alias/aws/ssm}.</li>
 *   <li>{@code Description} — optional, at most 1024 characters.</li>
 * </ul>
 * Any other property (CloudFormation's {@code ServiceToken} aside) is an error, so a misspelt property fails
 * the deployment instead of being ignored.
 *
 * <h2>Lifecycle</h2>
 * <ul>
 *   <li>Create — creates the parameter, tagged {@code scv:created-by = <StackId>/<LogicalResourceId>}; an
 *       existing parameter is kept unchanged (never overwritten) and the step succeeds.</li>
 *   <li>Update — keeps an existing value; creates the parameter only when missing. A changed
 *       {@code ParameterName} creates the new parameter and returns the new PhysicalResourceId; CloudFormation
 *       then sends Delete for the old one.</li>
 *   <li>Delete — removes the parameter only if its {@code scv:created-by} tag names this resource; succeeds
 *       when it is already gone.</li>
 *   <li>PhysicalResourceId — the parameter name; it never changes while the name stays the same.</li>
 *   <li>Missing or invalid properties — a FAILED response whose Reason names each property, its value (never
 *       {@code Value}'s) and the rule.</li>
 *   <li>Anything it cannot serve — a body that is not JSON, a {@code RequestType} other than the three
 *       (e.g. {@code Rollback}), missing envelope fields, any error — a FAILED response with a Reason, never
 *       silence (CloudFormation would wait an hour). No Reason carries {@code Value} or a value read from Secrets
 *       Manager.</li>
 * </ul>
 * No value is ever logged or put in a response.
 */
public final class CustomSsmHandler implements RequestStreamHandler {

    /**
     * Built on first use of the no-argument constructor: once per container, from the default region, credential
     * and endpoint chains ({@code AWS_ENDPOINT_URL_SSM} …). Nothing unique per invocation is held.
     */
    private static final class DefaultClients {
        static final SsmApi SSM = AwsClients.ssm();
        static final SecretsManagerApi SECRETS = AwsClients.secretsManager();
        static final CfnResponseSender SENDER = CfnResponseSender.create();
    }

    private final CustomSsmService service;
    private final CustomResourceResponder responder;

    /** The handler Lambda's runtime gets, wired once per container (and primed for SnapStart). */
    private static final class Container {
        static final CustomSsmHandler WIRED = SnapStart.prepare(System.getenv(), "CustomSSM",
                prepare(CustomSsmPriming.ROUNDS));
    }

    /** Used by Lambda. */
    public CustomSsmHandler() {
        this(Container.WIRED);
    }

    private CustomSsmHandler(CustomSsmHandler wired) {
        this.service = wired.service;
        this.responder = wired.responder;
    }

    /**
     * The Lambda wiring, its restore hooks and its priming run.
     *
     * @param primingRounds how many times priming runs the call path
     */
    static SnapStart.Prepared<CustomSsmHandler> prepare(int primingRounds) {
        CustomSsmHandler handler = new CustomSsmHandler(DefaultClients.SSM, DefaultClients.SECRETS,
                DefaultClients.SENDER, StructuredLogger.forClass(CustomSsmHandler.class));
        RestoreHooks hooks = new RestoreHooks().registerAll(AwsApiClient.sharedRestorables())
                .register(DefaultClients.SENDER.restorable());
        return new SnapStart.Prepared<>(handler, hooks,
                () -> CustomSsmPriming.prime(DefaultClients.SENDER, primingRounds));
    }

    public CustomSsmHandler(SsmApi ssm, SecretsManagerApi secrets, CfnResponseSender sender,
                            StructuredLogger log) {
        this.service = new CustomSsmService(new OwnedParameters(ssm), secrets, log);
        this.responder = new CustomResourceResponder(sender, log, Set.of(SecureParameterProperties.VALUE));
    }

    /**
     * Answers every request at its ResponseURL: one that cannot be served — a body that is not JSON, an unknown
     * {@code RequestType} such as {@code Rollback}, missing fields — is answered FAILED with the reason.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] body = input.readAllBytes();
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            Json.write(output, responder.answerUnreadable(body, context));
            return;
        }
        CfnResponse response = responder.answer(event, context, service::handle);
        Json.write(output, response);
    }
}
