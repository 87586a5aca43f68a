package dev.scvcdk.constructs.contactcenter;

import dev.scvcdk.contracts.ContactEvents;
import dev.scvcdk.contracts.Handler;
import dev.scvcdk.constructs.alerts.AlarmTopic;
import dev.scvcdk.constructs.alerts.RealtimeAlerts;
import dev.scvcdk.constructs.alerts.RealtimeAlertsProps;
import dev.scvcdk.constructs.functions.LambdaCode;
import dev.scvcdk.constructs.functions.ScvFunction;
import dev.scvcdk.constructs.functions.ScvFunctionProps;
import dev.scvcdk.constructs.iam.IamRender;
import dev.scvcdk.constructs.iam.ScvBoundary;
import dev.scvcdk.constructs.iam.ScvRoles;
import dev.scvcdk.constructs.keys.TenantKeys;
import dev.scvcdk.constructs.keys.TenantKeysProps;
import dev.scvcdk.constructs.parameters.ParameterValue;
import dev.scvcdk.constructs.parameters.ScrtKeyPair;
import dev.scvcdk.constructs.parameters.ScrtKeyPairProps;
import dev.scvcdk.constructs.parameters.SecureParameter;
import dev.scvcdk.constructs.parameters.SecureParameterProps;
import dev.scvcdk.constructs.storage.SecureBucket;
import dev.scvcdk.constructs.storage.SecureBucketProps;
import dev.scvcdk.constructs.streams.ContactStreams;
import dev.scvcdk.constructs.streams.ContactStreamsProps;
import dev.scvcdk.constructs.sync.FailureQueue;
import dev.scvcdk.constructs.sync.FailureQueueProps;
import dev.scvcdk.constructs.sync.FunctionRuleTarget;
import dev.scvcdk.constructs.sync.FunctionRuleTargetProps;
import dev.scvcdk.constructs.sync.StreamSync;
import dev.scvcdk.constructs.sync.StreamSyncProps;
import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.KeyPolicyGrants;
import dev.scvcdk.policies.declarations.DeploymentContext;
import dev.scvcdk.policies.declarations.FunctionContract;
import dev.scvcdk.policies.declarations.FunctionContract.Deployment;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.policies.declarations.Target;
import dev.scvcdk.policies.declarations.Trigger;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.CfnSecret;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One SCV contact center, in any stack of the contact center's region: tenant bucket, keys, Kinesis streams,
 * SecureString parameters, Salesforce credentials secret, the Lambda functions with their triggers and failure
 * capture, the contact-events rule and the contact center's three roles. Function roles are the account's
 * ({@link dev.scvcdk.constructs.account.ScvAccount}), imported by name; this construct adds no permissions to them.
 *
 * <p>The stack it is in decides the account (the config's, or the stack's when the config names none); its region
 * must be the contact center's. Every role under this construct carries the SCV permission boundary. Logical ids
 * are those of {@link ScvContactCenterStack}, which holds one of these with id {@value #WRAPPED_ID}.
 */
public final class ScvContactCenter extends Construct {
    // Durations made once for every function and contact center: each is an object in the jsii runtime.
    private static final Duration ASYNC_MAX_EVENT_AGE = Duration.hours(1);
    private static final Duration RULE_MAX_EVENT_AGE = Duration.hours(2);
    private static final Map<Long, Duration> TIMEOUTS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Value the access-token parameter starts with, until the REST function stores a real token. */
    public static final String ACCESS_TOKEN_MARKER = "not-yet-issued";

    /** JSON keys of the Salesforce credentials secret. */
    public static final List<String> CREDENTIAL_KEYS = List.of("consumerKey", "privateKey", "subject");

    /** Construct id of the contact center in {@link ScvContactCenterStack}: CDK leaves it out of logical ids. */
    public static final String WRAPPED_ID = "Default";

    private final TenantConfig config;
    private final ContactCenterConfig cc;
    private final String callCenter;
    private final Stack stack;
    private final ScvArns arns;
    private final LambdaCode lambdaCode;
    private final Map<Handler.Jar, Code> codes = new EnumMap<>(Handler.Jar.class);
    private final IAlarmAction alarmAction;
    private final ITopic alarmTopic;
    private final Map<String, IRole> importedRoles = new LinkedHashMap<>();
    private final Map<Function, ScvFunction> functions = new EnumMap<>(Function.class);
    private final TenantKeys keys;
    private final SecureBucket tenantBucket;
    private final ContactStreams streams;
    private final FailureQueue failureQueue;
    private final ISecret credentialsSecret;
    private final Map<String, Role> contactCenterRoles = new LinkedHashMap<>();
    private final ScrtKeyPair scrtKeyPair;
    private final IManagedPolicy boundary;
    private boolean alarmNotificationsAllowed;
    private RealtimeAlerts realtimeAlerts;

    /**
     * @throws IllegalArgumentException when the enclosing stack's region or account contradicts the config
     */
    public ScvContactCenter(Construct scope, String id, ScvContactCenterProps props) {
        super(scope, id);
        this.config = props.getTenantConfig();
        this.cc = props.getContactCenter();
        this.callCenter = cc.callCenterApiName();
        this.stack = Stack.of(this);
        checkEnvironment(stack, config, cc);
        // the stack's account: the configured one, or the AWS::AccountId token of an env-agnostic app
        this.arns = new ScvArns(config.partitionValue().id(), stack.getAccount());
        this.lambdaCode = props.getLambdaCode();
        // Imported once per stack; applied to this construct only, not to the consumer's other roles.
        this.boundary = ScvBoundary.imported(stack, IamMatrix.permissionBoundaryArn(config));
        ScvBoundary.applyTo(this, boundary);

        for (RoleSpec spec : IamMatrix.contactCenterRoles(config, cc)) {
            contactCenterRoles.put(spec.roleName(),
                    ScvRoles.create(this, ScvRoles.constructId(spec.roleName()), spec, boundary, Map.of()));
        }

        keys = new TenantKeys(this, "Keys", TenantKeysProps.builder()
                .callCenterApiName(callCenter)
                .keyGrants(KeyPolicyGrants.of(config, cc))
                .serviceLogGroupPrefixes(List.of(ScvFunction.logGroupName(callCenter + "-")))
                .build());
        // The key policies name the contact-center roles by ARN: KMS refuses a policy naming a role not yet created.
        contactCenterRoles.values().forEach(role -> keys.getNode().addDependency(role));
        alarmTopic = props.getAlarmTopic().orElseGet(() -> alarmTopic(keys.getPlatformKey()));
        alarmAction = new SnsAction(alarmTopic);

        tenantBucket = new SecureBucket(this, "TenantBucket", SecureBucketProps.builder()
                .bucketName(ScvNames.tenantBucket(callCenter, arns.account(), cc.region()))
                .encryptionKey(keys.getBucketKey())
                .eventBridgeEnabled(true)
                .build());

        streams = new ContactStreams(this, "Streams", ContactStreamsProps.builder()
                .callCenterApiName(callCenter)
                .accountId(arns.account())
                .encryptionKey(keys.getStreamKey())
                .build());

        failureQueue = new FailureQueue(this, "FailureQueue", FailureQueueProps.builder()
                .queueName(ScvNames.failureQueue(callCenter))
                .encryptionKey(keys.getPlatformKey())
                .alarmAction(alarmAction)
                .build());

        credentialsSecret = credentialsSecret(keys.getPlatformKey());

        addFunctions(props);
        addParameters(props);
        scrtKeyPair = new ScrtKeyPair(this, "ScrtKeyPair", ScrtKeyPairProps.builder()
                .serviceToken(functions.get(Function.AUTH_KEYS_SSM_UTIL).getAlias().getFunctionArn())
                .parameterName(Parameter.SCRT_PRIVATE_KEY.nameFor(callCenter))
                .organizationalUnitName(callCenter)
                .expiresInDays(props.getScrtCertificateValidityDays())
                .build());
        scrtKeyPair.getResource().applyRemovalPolicy(RemovalPolicy.RETAIN);
        CfnOutput.Builder.create(this, "ScrtCertificate")
                .description("Public certificate of the SCRT JWT key: upload it to the call center in Salesforce")
                .value(scrtKeyPair.getCertificate())
                .build();
        CfnOutput.Builder.create(this, "SalesforceCredentialsSecretArn")
                .description("Secrets Manager secret holding " + CREDENTIAL_KEYS + " of the Salesforce connected app")
                .value(credentialsSecret.getSecretArn())
                .build();
    }

    /**
     * The stack decides what the config leaves open; where both say something they must agree: every name and ARN
     * is computed for the configured region and account.
     */
    private static void checkEnvironment(Stack stack, TenantConfig config, ContactCenterConfig cc) {
        List<String> problems = new ArrayList<>();
        String region = stack.getRegion();
        if (Token.isUnresolved(region)) {
            problems.add("stack '" + stack.getStackName() + "' has no region (environment-agnostic), but contact "
                    + "center '" + cc.callCenterApiName() + "' is configured for region '" + cc.region()
                    + "': set the stack's env.region to " + cc.region());
        } else if (!region.equals(cc.region())) {
            problems.add("stack '" + stack.getStackName() + "' is in region '" + region + "', but contact center '"
                    + cc.callCenterApiName() + "' is configured for region '" + cc.region()
                    + "': put the ScvContactCenter in a stack whose env.region is " + cc.region());
        }
        String account = stack.getAccount();
        if (!Token.isUnresolved(account) && config.accountId() != null && !account.equals(config.accountId())) {
            problems.add("stack '" + stack.getStackName() + "' is in account '" + account
                    + "', but the tenant config's accountId is '" + config.accountId() + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("ScvContactCenter " + cc.callCenterApiName() + " cannot be placed here: "
                    + String.join("; ", problems));
        }
    }

    /**
     * Every function the contracts deploy in this contact center, then its wiring: what each trigger needs, and
     * a dependency on every function whose alias it calls.
     */
    private void addFunctions(ScvContactCenterProps props) {
        DeploymentContext context = new DeploymentContext(config, cc, props.getLogLevel());
        List<FunctionContract> deployed = FunctionContracts.deployedIn(cc);
        deployed.forEach(contract -> function(contract, context, props));
        List<String> ruleArns = new ArrayList<>();
        for (FunctionContract contract : deployed) {
            ScvFunction function = functions.get(contract.function());
            Deployment deployment = contract.deployment().orElseThrow();
            contract.calls().stream()
                    .filter(call -> call.target().kind() == Target.Kind.FUNCTION_ALIAS)
                    .map(call -> functions.get(Function.valueOf(call.target().detail())))
                    .filter(java.util.Objects::nonNull)
                    .forEach(callee -> function.getNode().addDependency(callee.getAlias()));
            for (Trigger trigger : contract.triggers()) {
                switch (trigger) {
                    case CONTACT_FLOW -> allowConnect(function);
                    // CTRDataSync's mapping keeps its construct id "CtrSync"; others are named after the function
                    case CTR_STREAM -> streamSync(contract.function() == Function.CTR_DATA_SYNC ? "CtrSync"
                            : pascal(contract.function()) + "CtrSync", streams.getCtrStream(), function);
                    case CONTACT_LENS_STREAM -> streamSync("ContactLensSync", streams.getContactLensStream(),
                            function);
                    case CONTACT_EVENTS_RULE -> ruleArns.add(addContactEventsRule(function));
                    case TENANT_BUCKET_RULE -> ruleArns.add(addObjectCreatedRule(contract, function));
                    case ALARM_TOPIC -> addRealtimeAlerts(function);
                    case CUSTOM_RESOURCE, FUNCTION_ASYNC, FUNCTION_SYNC, SALESFORCE, DIRECT -> {
                        // invoked with the caller's own permission: nothing to wire here
                    }
                }
            }
            if (contract.triggers().stream().anyMatch(Trigger::isAsynchronousInvocation)) {
                captureAsyncFailures(function, deployment.asyncRetryAttempts());
            }
        }
        if (!ruleArns.isEmpty()) {
            // The key policy cannot reference the rules (a rule depends on the queue, the queue on the key).
            failureQueue.allowEventBridgeRules(ruleArns);
        }
    }

    private void streamSync(String id, IStream stream, ScvFunction function) {
        new StreamSync(this, id, StreamSyncProps.builder()
                .stream(stream)
                .target(function.getAlias())
                .failureQueue(failureQueue)
                .alarmAction(alarmAction)
                .build());
    }

    /**
     * Failed asynchronous invocations (after {@code retryAttempts} retries, or older than an hour) land in the
     * failure queue. CloudFormation invokes custom-resource functions asynchronously, so theirs are captured too.
     */
    private void captureAsyncFailures(ScvFunction function, int retryAttempts) {
        function.getAlias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .onFailure(failureQueue.asInvocationDestination())
                .retryAttempts(retryAttempts)
                .maxEventAge(ASYNC_MAX_EVENT_AGE)
                .build());
    }

    private void function(FunctionContract contract, DeploymentContext context, ScvContactCenterProps props) {
        Deployment deployment = contract.deployment().orElseThrow();
        Map<String, String> environment = new LinkedHashMap<>();
        deployment.environment().forEach((name, value) ->
                environment.put(name, IamRender.string(value.valueIn(context))));
        ScvFunction created = new ScvFunction(this, pascal(contract.function()), ScvFunctionProps.builder()
                .callCenterApiName(callCenter)
                .function(contract.function())
                .handler(deployment.handler().handlerString())
                .code(code(deployment.handler().jar()))
                .role(importedRole(contract.roleName()))
                .timeout(TIMEOUTS.computeIfAbsent(deployment.timeout().toSeconds(), Duration::seconds))
                .memorySize(deployment.memoryMb())
                .environment(environment)
                .reservedConcurrentExecutions(props.reservedConcurrencyOf(contract.function())
                        .orElse(deployment.reservedConcurrency()))
                .logEncryptionKey(keys.getPlatformKey())
                .alarmAction(alarmAction)
                .build());
        functions.put(contract.function(), created);
    }

    /** One asset per jar, from where the props say the jars are. */
    private Code code(Handler.Jar jar) {
        return codes.computeIfAbsent(jar, lambdaCode::code);
    }

    /** Connect may invoke the alias only for this instance, in this account (no confused deputy). */
    private void allowConnect(ScvFunction function) {
        function.getAlias().addPermission("ConnectInvoke", Permission.builder()
                .principal(new ServicePrincipal("connect.amazonaws.com"))
                .action("lambda:InvokeFunction")
                .sourceArn(arns.connectInstance(cc.region(), cc.connectInstanceId()))
                .sourceAccount(arns.account())
                .build());
    }

    private void addParameters(ScvContactCenterProps props) {
        String serviceToken = functions.get(Function.CUSTOM_SSM).getAlias().getFunctionArn();
        parameter("AccessTokenParameter", serviceToken, Parameter.REST_API_ACCESS_TOKEN,
                ParameterValue.literal(ACCESS_TOKEN_MARKER), "OAuth access token cache of InvokeSalesforceRestApi");
        parameter("AudienceParameter", serviceToken, Parameter.REST_API_AUDIENCE,
                ParameterValue.literal(cc.environmentValue().oauthAudience()), "OAuth JWT audience");
        if (props.isSeedSalesforceCredentials()) {
            parameter("ConsumerKeyParameter", serviceToken, Parameter.REST_API_CONSUMER_KEY,
                    ParameterValue.fromSecret(credentialsSecret, "consumerKey"), "Connected app consumer key");
            parameter("PrivateKeyParameter", serviceToken, Parameter.REST_API_PRIVATE_KEY,
                    ParameterValue.fromSecret(credentialsSecret, "privateKey"), "Connected app JWT signing key");
            parameter("SubjectParameter", serviceToken, Parameter.REST_API_SUBJECT,
                    ParameterValue.fromSecret(credentialsSecret, "subject"), "Salesforce username of the JWT flow");
        }
    }

    /** A SecureString under the key its contract names ({@link FunctionContracts#keyOf}). */
    private void parameter(String id, String serviceToken, Parameter which, ParameterValue value,
            String description) {
        SecureParameter parameter = new SecureParameter(this, id, SecureParameterProps.builder()
                .serviceToken(serviceToken)
                .parameterName(which.nameFor(callCenter))
                .value(value)
                .encryptionKey(FunctionContracts.keyOf(which).customerManaged() ? keys.getPlatformKey() : null)
                .description(description)
                .build());
        // The function keeps a parameter's value on update and the value may be a credential: never
        // let a stack deletion or replacement throw it away.
        parameter.getResource().applyRemovalPolicy(RemovalPolicy.RETAIN);
    }

    /**
     * The configured secret, or an empty one (no value, no generated string) encrypted with the
     * platform key and retained, for the operator to fill with {@link #CREDENTIAL_KEYS}.
     */
    private ISecret credentialsSecret(IKey key) {
        if (cc.salesforceCredentialsSecretArn() != null) {
            return Secret.fromSecretCompleteArn(this, "SalesforceCredentials", cc.salesforceCredentialsSecretArn());
        }
        CfnSecret secret = CfnSecret.Builder.create(this, "SalesforceCredentials")
                .name(ScvNames.salesforceCredentialsSecret(callCenter))
                .description("Salesforce connected-app credentials of SCV contact center " + callCenter
                        + ": a JSON object with the keys " + String.join(", ", CREDENTIAL_KEYS))
                .kmsKeyId(key.getKeyArn())
                .build();
        secret.applyRemovalPolicy(RemovalPolicy.RETAIN);
        return Secret.fromSecretCompleteArn(this, "SalesforceCredentialsRef", secret.getRef());
    }

    /**
     * {@code <cc>-ScvAlarms}: encrypted with the platform key, TLS only; CloudWatch alarms of this
     * account may publish to it and use the key for that alone. Operators subscribe to it.
     */
    private ITopic alarmTopic(IKey key) {
        allowAlarmNotifications(key);
        return new AlarmTopic(this, "AlarmTopic", callCenter + "-ScvAlarms", "SCV " + callCenter + " alarms", key)
                .getTopic();
    }

    /** Once per key: both alarm topics share the platform key. */
    private void allowAlarmNotifications(IKey key) {
        if (!alarmNotificationsAllowed) {
            AlarmTopic.allowAlarmNotifications(key);
            alarmNotificationsAllowed = true;
        }
    }

    /** The contact-events rule; returns its ARN. */
    private String addContactEventsRule(ScvFunction function) {
        String ruleName = ScvNames.contactEventsRule(callCenter);
        new Rule(this, "ContactEventsRule", software.amazon.awscdk.services.events.RuleProps.builder()
                .ruleName(ruleName)
                .description("Amazon Connect contact events of " + callCenter + " to HandleContactEvents")
                .eventPattern(EventPattern.builder()
                        .source(List.of(ContactEvents.SOURCE))
                        .detailType(List.of(ContactEvents.DETAIL_TYPE))
                        .detail(new TreeMap<>(Map.of(
                                "eventType", ContactEvents.HANDLED_EVENT_TYPES,
                                "instanceArn", List.of(arns.connectInstance(cc.region(), cc.connectInstanceId())))))
                        .build())
                .targets(List.of(ruleTarget(function)))
                .build());
        return ruleArn(ruleName);
    }

    /**
     * {@code Object Created} events of the tenant bucket under the function's declared key prefix only; returns
     * the rule's ARN.
     */
    private String addObjectCreatedRule(FunctionContract contract, ScvFunction function) {
        String prefix = contract.deployment().orElseThrow().objectKeyPrefix().orElseThrow();
        String ruleName = ScvNames.objectCreatedRule(callCenter, contract.function());
        new Rule(this, pascal(contract.function()) + "Rule", software.amazon.awscdk.services.events.RuleProps.builder()
                .ruleName(ruleName)
                .description("Objects created under " + prefix + " in the tenant bucket of " + callCenter + " to "
                        + contract.function().baseName())
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.s3"))
                        .detailType(List.of("Object Created"))
                        .detail(new TreeMap<>(Map.of(
                                "bucket", Map.of("name", List.of(tenantBucket.getBucket().getBucketName())),
                                "object", Map.of("key", List.of(Map.of("prefix", prefix))))))
                        .build())
                .targets(List.of(ruleTarget(function)))
                .build());
        return ruleArn(ruleName);
    }

    /**
     * The alias, with EventBridge's retries for two hours, then the failure queue; ids from the rule's id, so a
     * pipeline stage synthesizes the same template as the app.
     */
    private FunctionRuleTarget ruleTarget(ScvFunction function) {
        return new FunctionRuleTarget(FunctionRuleTargetProps.builder()
                .function(function.getAlias())
                .failureQueue(failureQueue)
                .retryAttempts(4)
                .maxEventAge(RULE_MAX_EVENT_AGE)
                .build());
    }

    private String ruleArn(String ruleName) {
        return stack.formatArn(ArnComponents.builder().service("events").resource("rule").resourceName(ruleName).build());
    }

    /**
     * The {@code <cc>-RealtimeAlertTopic} and SCV's alarms on it, delivering to RealtimeAlert: the concurrent
     * calls of the instance, and errors and throttles of every other function of the contact center.
     */
    private void addRealtimeAlerts(ScvFunction handler) {
        allowAlarmNotifications(keys.getPlatformKey());
        Map<String, software.amazon.awscdk.services.lambda.IFunction> watched = new LinkedHashMap<>();
        functions.forEach((which, function) -> {
            if (function != handler) {
                watched.put(pascal(which), function.getFunction());
            }
        });
        realtimeAlerts = new RealtimeAlerts(this, "RealtimeAlerts", RealtimeAlertsProps.builder()
                .callCenterApiName(callCenter)
                .connectInstanceId(cc.connectInstanceId())
                .encryptionKey(keys.getPlatformKey())
                .handler(handler.getAlias())
                .watchedFunctions(watched)
                .deadLetterQueue(failureQueue.getQueue())
                .build());
        // The key policy names the topic by ARN, not by reference: the topic depends on the key.
        failureQueue.allowSnsTopics(List.of(stack.formatArn(ArnComponents.builder().service("sns").resource(
                RealtimeAlerts.topicName(callCenter)).arnFormat(ArnFormat.NO_RESOURCE_NAME).build())));
    }

    private IRole importedRole(String roleName) {
        return importedRoles.computeIfAbsent(roleName,
                name -> ScvRoles.importByName(this, ScvRoles.constructId(name) + "Import", name));
    }

    /**
     * The construct id of a function in this stack (a public contract: logical ids and acknowledgements follow
     * it): {@code INVOKE_TELEPHONY_INTEGRATION_API} → {@code InvokeTelephonyIntegrationApi}.
     */
    public static String constructIdOf(Function which) {
        return pascal(which);
    }

    private static String pascal(Function which) {
        StringBuilder id = new StringBuilder();
        for (String part : which.name().split("_")) {
            id.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return id.toString();
    }

    /** SCV's real-time alerts (topic, alarms, subscription), where the {@code realtimeAlerts} feature is on. */
    public Optional<RealtimeAlerts> getRealtimeAlerts() {
        return Optional.ofNullable(realtimeAlerts);
    }

    /** The SCV permission boundary every role of this construct carries (imported by ARN). */
    public IManagedPolicy getPermissionsBoundary() {
        return boundary;
    }

    /** The contact center this construct is for. */
    public ContactCenterConfig getContactCenter() {
        return cc;
    }

    public String getCallCenterApiName() {
        return callCenter;
    }

    /** A deployed function, or empty when its feature is off. */
    public Optional<ScvFunction> getFunction(Function which) {
        return Optional.ofNullable(functions.get(which));
    }

    public Map<Function, ScvFunction> getFunctions() {
        return Map.copyOf(functions);
    }

    public TenantKeys getKeys() {
        return keys;
    }

    public IBucket getTenantBucket() {
        return tenantBucket.getBucket();
    }

    public IStream getCtrStream() {
        return streams.getCtrStream();
    }

    public IStream getContactLensStream() {
        return streams.getContactLensStream();
    }

    public IQueue getFailureQueue() {
        return failureQueue.getQueue();
    }

    /** The topic every alarm of the stack notifies (the configured one or {@code <cc>-ScvAlarms}). */
    public ITopic getAlarmTopic() {
        return alarmTopic;
    }

    public ISecret getCredentialsSecret() {
        return credentialsSecret;
    }

    /** {@code <cc>-SAMLRole}, {@code <cc>-ConnectCallRole}, {@code <cc>-SCVS3Role} by name. */
    public Map<String, Role> getContactCenterRoles() {
        return Map.copyOf(contactCenterRoles);
    }

    /** The SCRT certificate (public PEM) generated in AWS. */
    public String getScrtCertificate() {
        return scrtKeyPair.getCertificate();
    }
}
