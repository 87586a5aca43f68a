package dev.scvcdk.policies.declarations;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls of the roles Salesforce and AWS services assume, and of the two configurator functions that are not
 * SCV's declared functions, declared once: their statements, the key policies naming them, the boundary and the
 * compliance suite's expectations derive from here.
 */
public final class PrincipalContracts {
    /** Suffix of {@code <cc>-SCVS3Role}: per contact center. */
    public static final String S3_ROLE = "SCVS3Role";
    /** Suffix of {@code <cc>-SAMLRole}. */
    public static final String SAML_ROLE = "SAMLRole";
    /** Suffix of {@code <cc>-ConnectCallRole}. */
    public static final String CONNECT_CALL_ROLE = "ConnectCallRole";

    /** What Salesforce's Connect management does on an instance: users, routing, queues, flows, numbers. */
    public static final List<String> INSTANCE_MANAGEMENT_ACTIONS = List.of(
            "connect:DescribeInstance",
            "connect:CreateUser", "connect:DeleteUser", "connect:DescribeUser", "connect:ListUsers",
            "connect:UpdateUserIdentityInfo", "connect:UpdateUserPhoneConfig", "connect:UpdateUserRoutingProfile",
            "connect:UpdateUserSecurityProfiles", "connect:UpdateUserHierarchy",
            "connect:DescribeSecurityProfile", "connect:ListSecurityProfiles",
            "connect:CreateRoutingProfile", "connect:DescribeRoutingProfile", "connect:ListRoutingProfiles",
            "connect:ListRoutingProfileQueues", "connect:UpdateRoutingProfileName",
            "connect:UpdateRoutingProfileConcurrency", "connect:UpdateRoutingProfileDefaultOutboundQueue",
            "connect:UpdateRoutingProfileQueues", "connect:AssociateRoutingProfileQueues",
            "connect:DisassociateRoutingProfileQueues",
            "connect:CreateQueue", "connect:DescribeQueue", "connect:ListQueues", "connect:UpdateQueueName",
            "connect:UpdateQueueStatus", "connect:UpdateQueueHoursOfOperation", "connect:UpdateQueueMaxContacts",
            "connect:UpdateQueueOutboundCallerConfig", "connect:AssociateQueueQuickConnects",
            "connect:DisassociateQueueQuickConnects", "connect:ListQueueQuickConnects",
            "connect:CreateQuickConnect", "connect:DeleteQuickConnect", "connect:DescribeQuickConnect",
            "connect:ListQuickConnects", "connect:UpdateQuickConnectName", "connect:UpdateQuickConnectConfig",
            "connect:CreateHoursOfOperation", "connect:DeleteHoursOfOperation", "connect:DescribeHoursOfOperation",
            "connect:ListHoursOfOperations", "connect:UpdateHoursOfOperation",
            "connect:ListPhoneNumbers", "connect:DescribePhoneNumber", "connect:AssociatePhoneNumberContactFlow",
            "connect:DisassociatePhoneNumberContactFlow",
            "connect:CreateContactFlow", "connect:DescribeContactFlow", "connect:ListContactFlows",
            "connect:UpdateContactFlowContent", "connect:UpdateContactFlowName");

    /** Instance-level configuration: storage, function and origin associations, attributes. */
    public static final List<String> INSTANCE_CONFIGURATION_ACTIONS = List.of(
            "connect:DescribeInstance", "connect:DescribeInstanceAttribute", "connect:UpdateInstanceAttribute",
            "connect:ListInstanceStorageConfigs", "connect:DescribeInstanceStorageConfig",
            "connect:AssociateInstanceStorageConfig", "connect:UpdateInstanceStorageConfig",
            "connect:AssociateLambdaFunction", "connect:ListLambdaFunctions",
            "connect:AssociateApprovedOrigin", "connect:ListApprovedOrigins");

    /** The functions whose event-source mappings (the CTR stream's) provisioning manages. */
    public static final List<Function> STREAM_CONSUMERS = List.of(Function.CTR_DATA_SYNC);

    /** The functions SCV's EventBridge rules target (the contact-events rule). */
    public static final List<Function> RULE_TARGETS = List.of(Function.HANDLE_CONTACT_EVENTS);

    /** The only principals provisioning may give a Lambda permission to: Connect and EventBridge. */
    public static final List<String> LAMBDA_PERMISSION_PRINCIPALS = List.of(
            "connect.amazonaws.com", "events.amazonaws.com");

    /** What replaces a function's code or settings: Salesforce's only while it manages the functions. */
    public static final List<String> FUNCTION_REPLACEMENT_ACTIONS = List.of(
            "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration");

    /** IAM role writes that change no permission (IAM has no {@code iam:PermissionsBoundary} key for them). */
    public static final List<String> IAM_METADATA_WRITES = List.of("iam:UpdateRole", "iam:UpdateRoleDescription");

    /** The keys Connect encrypts the storage it is associated with under: streams, live media, recordings. */
    private static final List<TenantKey> STORAGE_KEYS = List.of(TenantKey.STREAM, TenantKey.LIVE_MEDIA,
            TenantKey.BUCKET);

    private static final String FUNCTION_TAG_VALUE_KEY = "aws:ResourceTag/" + ScvNames.FUNCTION_TAG;

    /** Amazon Connect puts Contact Lens segments on the Contact Lens streams, encrypting with the stream key. */
    public static final PrincipalContract CONTACT_LENS_STREAMING = new PrincipalContract(
            RoleNames.CONTACT_LENS_STREAMING, false,
            List.of(new Call("PutContactLensRecords", List.of("kinesis:DescribeStream", "kinesis:PutRecord",
                    "kinesis:PutRecords"), Target.contactLensStream(), Map.of(),
                    Optional.of(new KeyUse(TenantKey.STREAM, "kinesis", List.of("kms:GenerateDataKey"))),
                    "Connect streams Contact Lens segments")));

    /** Salesforce stores and reads voicemail objects. */
    public static final PrincipalContract TENANT_BUCKET_WRITE_ACCESS = new PrincipalContract(
            RoleNames.TENANT_BUCKET_WRITE_ACCESS, false, List.of(FunctionContracts.READ_WRITE_VOICEMAIL));

    /** Salesforce reads call recordings of its contact center (per contact center). */
    public static final PrincipalContract S3 = new PrincipalContract(S3_ROLE, true,
            List.of(Call.of("ReadRecordings", Target.tenantObjects(ScvNames.RECORDINGS_PREFIX),
                    "Salesforce plays call recordings", "s3:GetObject")
                    .withKey(KeyUse.decrypt(TenantKey.BUCKET, "s3"))));

    /** Agents and supervisors signed in through Salesforce get a Connect federation token for themselves only. */
    public static final PrincipalContract SAML = new PrincipalContract(SAML_ROLE, true,
            List.of(Call.of("GetOwnFederationToken", Target.ownConnectUser(),
                    "the agent console signs the agent in to Connect", "connect:GetFederationToken")));

    /** Salesforce pauses and resumes the recording of a call (per contact center). */
    public static final PrincipalContract CONNECT_CALL = new PrincipalContract(CONNECT_CALL_ROLE, true,
            List.of(Call.of("PauseAndResumeRecording", Target.contacts(),
                    "an agent pauses and resumes the call recording", "connect:SuspendContactRecording",
                    "connect:ResumeContactRecording")));

    /** Salesforce rotates the SCRT key pair through AuthKeysSSMUtil's published code only (never $LATEST). */
    public static final PrincipalContract UPDATE_CREDENTIAL = new PrincipalContract(RoleNames.UPDATE_CREDENTIAL,
            false, List.of(Call.of("InvokeAuthKeysSsmUtil", Target.alias(Function.AUTH_KEYS_SSM_UTIL),
                    "Salesforce rotates the SCRT key pair", "lambda:InvokeFunction")));

    /** CloudTrail delivers the audit trail's events to its log group. */
    public static final PrincipalContract TRAIL_LOG_GROUP = new PrincipalContract(RoleNames.TRAIL_LOG_GROUP, false,
            List.of(Call.of("DeliverTrailEvents", Target.trailLogStreams(),
                    "CloudTrail delivers " + ScvNames.CLOUDTRAIL_NAME + " events", "logs:CreateLogStream",
                    "logs:PutLogEvents")));

    /** Salesforce manages the instances: users, routing profiles, queues, quick connects, hours, numbers, flows. */
    public static final PrincipalContract AMAZON_CONNECT_MANAGEMENT = new PrincipalContract(
            RoleNames.AMAZON_CONNECT_MANAGEMENT, false, List.of(
                    manageInstances(Target.instance()), manageInstances(Target.instanceSubResources()),
                    manageInstances(Target.phoneNumbers())));

    /** ConnectConfigurationFunction associates storage, SCV's functions and approved origins with the instance. */
    public static final PrincipalContract CONNECT_CONFIGURATOR = new PrincipalContract(
            RoleNames.CONNECT_CONFIGURATOR_LAMBDA, false, connectConfiguratorCalls());

    /** SecretConfiguratorFunction creates and updates the Salesforce org and certificate secret. */
    public static final PrincipalContract SECRET_CONFIGURATOR = new PrincipalContract(
            RoleNames.SECRET_CONFIGURATOR_LAMBDA, false, List.of(
                    Call.of("ManageSalesforceCredentials", Target.salesforceSecret(),
                            "writes the connected-app credentials", "secretsmanager:CreateSecret",
                            "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret",
                            "secretsmanager:DescribeSecret", "secretsmanager:TagResource")
                            .withKey(KeyUse.encrypt(TenantKey.PLATFORM, "secretsmanager")),
                    Call.writeOwnLogs("SecretConfiguratorFunction"), Call.writeTraces()));

    private static final List<PrincipalContract> CONFIG_INDEPENDENT = List.of(CONTACT_LENS_STREAMING,
            TENANT_BUCKET_WRITE_ACCESS, S3, SAML, CONNECT_CALL, UPDATE_CREDENTIAL, TRAIL_LOG_GROUP,
            AMAZON_CONNECT_MANAGEMENT, CONNECT_CONFIGURATOR, SECRET_CONFIGURATOR);

    private PrincipalContracts() {
    }

    /** The declared principals whose calls do not depend on the tenant config: all but provisioning. */
    public static List<PrincipalContract> configIndependent() {
        return CONFIG_INDEPENDENT;
    }

    /** Every declared principal of {@code config}'s tenant: the fixed ones and provisioning. */
    public static List<PrincipalContract> all(TenantConfig config) {
        List<PrincipalContract> all = new ArrayList<>(CONFIG_INDEPENDENT);
        all.add(provisioning(config));
        return List.copyOf(all);
    }

    /** The role name in contact center {@code callCenter}. */
    public static String roleNameIn(PrincipalContract contract, String callCenter) {
        return contract.perContactCenter() ? callCenter + "-" + contract.roleName() : contract.roleName();
    }

    /** The roles SCV's code runs as: the functions' execution roles and the two configurators'. */
    public static List<String> lambdaRoleNames() {
        List<String> names = new ArrayList<>(FunctionContracts.executionRoles());
        names.add(RoleNames.SECRET_CONFIGURATOR_LAMBDA);
        names.add(RoleNames.CONNECT_CONFIGURATOR_LAMBDA);
        return List.copyOf(names);
    }

    /**
     * {@code SCVProvisioningRole}: what Salesforce's provisioning service does after setup, in the sections of SCV's
     * provisioning policy, narrowed to SCV-named resources. It creates no role; it changes the permissions of SCV
     * roles only while they keep the SCV boundary, attaching only {@code /scv/} policies. Only when the tenant lets
     * Salesforce manage the functions may it replace their code or configuration and pass their roles.
     */
    public static PrincipalContract provisioning(TenantConfig config) {
        ScvArns arns = ScvArns.forTenant(config);
        String boundary = IamMatrix.permissionBoundaryArn(config);
        boolean managesFunctions = config.salesforceManagesFunctionsValue();
        String scvRoles = "SCV*";
        List<Call> calls = new ArrayList<>();
        calls.add(Call.of("WildcardAccess", Target.noResourceLevelPermissionsAlsoInAccountRegion(),
                "finds the instance, directory, buckets, functions, key aliases and stacks",
                "connect:ListInstances", "ds:DescribeDirectories", "s3:ListAllMyBuckets", "lambda:ListFunctions",
                "kms:ListAliases", "cloudformation:ListStacks"));
        calls.add(Call.of("EventAccess", Target.rules(), "manages the contact center's rules",
                "events:DescribeRule", "events:PutRule", "events:DeleteRule", "events:EnableRule",
                "events:DisableRule", "events:RemoveTargets", "events:ListTargetsByRule"));
        // a contact center's rules target only the active alias of its own rule targets: the pairing is the grant
        calls.add(Call.of("EventTargetsScvFunctions", Target.rules(), "points the rules at SCV's handlers",
                "events:PutTargets")
                .when("ForAllValues:StringEquals", "events:TargetArn", aliasesOf(RULE_TARGETS))
                .inAStatementPerContactCenter());
        calls.add(Call.of("LambdaEventSourceCreate", Target.noResourceLevelPermissions(),
                "maps the CTR stream to its consumer", "lambda:CreateEventSourceMapping")
                .when("StringEquals", "lambda:FunctionArn", aliasesOf(STREAM_CONSUMERS)));
        calls.add(Call.of("LambdaEventSourceAccess", Target.eventSourceMappings(),
                "reads, tunes and removes that mapping", "lambda:GetEventSourceMapping",
                "lambda:UpdateEventSourceMapping", "lambda:DeleteEventSourceMapping")
                .when("StringEquals", "lambda:FunctionArn", aliasesOf(STREAM_CONSUMERS)));
        List<String> lambdaActions = new ArrayList<>(List.of("lambda:GetFunction", "lambda:GetFunctionConfiguration",
                "lambda:PublishVersion", "lambda:ListVersionsByFunction", "lambda:GetAlias", "lambda:ListAliases",
                "lambda:UpdateAlias", "lambda:RemovePermission", "lambda:GetPolicy", "lambda:InvokeFunction",
                "lambda:ListTags", "lambda:TagResource"));
        if (managesFunctions) {
            lambdaActions.addAll(FUNCTION_REPLACEMENT_ACTIONS);
        }
        calls.add(new Call("LambdaAccess", lambdaActions, Target.scvFunctions(), Map.of(), Optional.empty(),
                "publishes versions and moves the active alias of SCV's functions")
                .when("StringEquals", FUNCTION_TAG_VALUE_KEY, Call.CALL_CENTER));
        // Connect invokes the call-path functions and EventBridge the event handlers; nobody else.
        calls.add(Call.of("LambdaPermissionsForConnectAndEvents", Target.scvFunctions(),
                "lets Connect and EventBridge invoke SCV's functions", "lambda:AddPermission")
                .when("StringEquals", FUNCTION_TAG_VALUE_KEY, Call.CALL_CENTER)
                .when("StringEquals", "lambda:Principal", LAMBDA_PERMISSION_PRINCIPALS.toArray(String[]::new)));
        calls.add(Call.of("S3Write", Target.tenantBucket(), "sets the tenant bucket's CORS for the agent console",
                "s3:GetBucketLocation", "s3:GetBucketNotification", "s3:GetBucketCORS", "s3:PutBucketCORS"));
        // Salesforce supplies the connected-app settings; it may write them but never read a key back.
        for (Parameter parameter : List.of(Parameter.REST_API_CONSUMER_KEY, Parameter.REST_API_SUBJECT,
                Parameter.REST_API_AUDIENCE, Parameter.REST_API_PRIVATE_KEY)) {
            calls.add(Call.of("ResourceBasedAccess", Target.parameter(parameter),
                    "writes the connected-app settings", "ssm:PutParameter")
                    .withKey(new KeyUse(FunctionContracts.keyOf(parameter), "ssm",
                            List.of("kms:Encrypt", "kms:GenerateDataKey"))));
        }
        calls.add(Call.of("ResourceBasedStreamAccess", Target.ctrStream(), "checks the CTR stream",
                "kinesis:DescribeStreamSummary"));
        calls.add(Call.of("ResourceBasedStreamAccess", Target.contactLensStream(), "checks the Contact Lens stream",
                "kinesis:DescribeStreamSummary"));
        calls.add(Call.of("ResourceBasedQueueAccess", Target.failureQueue(), "checks the failure queue",
                "sqs:GetQueueAttributes"));
        for (TenantKey key : STORAGE_KEYS) {
            calls.add(Call.of("ResourceBasedKeyAccess", Target.keys(), "checks the storage keys", "kms:DescribeKey")
                    .when("ForAnyValue:StringEquals", "kms:ResourceAliases", Call.keyAlias(key)));
        }
        calls.add(Call.of("ResourceBasedTrailAccess", Target.trail(), "checks the audit trail",
                "cloudtrail:GetTrailStatus"));
        calls.add(Call.of("IAMAccess", Target.role(scvRoles), "changes SCV roles' inline policies",
                "iam:PutRolePolicy", "iam:DeleteRolePolicy")
                .when("StringEquals", "iam:PermissionsBoundary", boundary));
        calls.add(Call.of("IAMAttachScvPolicies", Target.role(scvRoles), "attaches SCV's managed policies",
                "iam:AttachRolePolicy", "iam:DetachRolePolicy")
                .when("StringEquals", "iam:PermissionsBoundary", boundary)
                .when("ArnLike", "iam:PolicyARN", arns.policy(ScvNames.POLICY_PATH + "*")));
        List<String> roleMetadata = new ArrayList<>(List.of("iam:GetRole", "iam:GetRolePolicy",
                "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListRoleTags"));
        roleMetadata.addAll(IAM_METADATA_WRITES);
        calls.add(new Call("IAMRoleMetadataAccess", roleMetadata, Target.role(scvRoles), Map.of(), Optional.empty(),
                "reads SCV roles and updates their description and session length"));
        // Reading the IdP only: its metadata is the stack's, or provisioning could choose who signs in.
        calls.add(Call.of("IAMSamlProviderAccess", Target.samlProvider(ScvNames.samlProvider(config.salesforceOrgId())),
                "reads the Salesforce identity provider", "iam:GetSAMLProvider"));
        if (managesFunctions) {
            for (String role : lambdaRoleNames()) {
                calls.add(Call.of("IAMPassScvRolesToLambda", Target.role(role),
                        "gives the functions it replaces their roles", "iam:PassRole")
                        .when("StringEquals", "iam:PassedToService", "lambda.amazonaws.com"));
            }
        }
        calls.add(Call.of("CloudformationAccess", Target.stacks(), "reads SCV's stacks",
                "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
                "cloudformation:DescribeStackResource", "cloudformation:DescribeStackResources",
                "cloudformation:ListStackResources", "cloudformation:GetTemplate",
                "cloudformation:GetTemplateSummary"));
        // Instance configuration only: users, queues, routing and flows are SCVAmazonConnectManagementRole's.
        calls.add(new Call("ConnectAccess", INSTANCE_CONFIGURATION_ACTIONS, Target.instance(), Map.of(),
                Optional.empty(), "configures the instance"));
        return new PrincipalContract(RoleNames.PROVISIONING, false, calls);
    }

    private static Call manageInstances(Target target) {
        return new Call("ManageConnectInstances", INSTANCE_MANAGEMENT_ACTIONS, target, Map.of(), Optional.empty(),
                "Salesforce's Connect management");
    }

    private static List<Call> connectConfiguratorCalls() {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("ConfigureConnectInstances", INSTANCE_CONFIGURATION_ACTIONS, Target.instance(), Map.of(),
                Optional.empty(), "associates storage, SCV's functions and approved origins"));
        // AssociateLambdaFunction adds the function's permission for Connect with the caller's rights.
        calls.add(Call.of("LetConnectInvokeScvFunctions", Target.scvFunctions(),
                "AssociateLambdaFunction lets Connect invoke the function", "lambda:AddPermission",
                "lambda:GetPolicy")
                .when("StringEquals", FUNCTION_TAG_VALUE_KEY, Call.CALL_CENTER)
                .when("StringEqualsIfExists", "lambda:Principal", "connect.amazonaws.com"));
        // AssociateInstanceStorageConfig extends the instance's service-linked role policy with the caller's rights
        // (the dependent actions Connect documents for it, as are the bucket, stream and key checks below).
        calls.add(Call.of("PutConnectServiceLinkedRolePolicy", Target.connectServiceLinkedRoles(),
                "AssociateInstanceStorageConfig adds the storage to Connect's service-linked role",
                "iam:PutRolePolicy"));
        calls.add(Call.of("ListDirectoriesAndBuckets", Target.noResourceLevelPermissions(),
                "AssociateInstanceStorageConfig's dependent checks", "ds:DescribeDirectories", "s3:ListAllMyBuckets"));
        calls.add(Call.of("CheckTenantBuckets", Target.tenantBucket(), "checks the recordings bucket",
                "s3:GetBucketLocation", "s3:GetBucketAcl"));
        calls.add(Call.of("CheckStorageStreams", Target.ctrStream(), "checks the CTR stream", "kinesis:DescribeStream"));
        calls.add(Call.of("CheckStorageStreams", Target.contactLensStream(), "checks the Contact Lens stream",
                "kinesis:DescribeStream"));
        for (TenantKey key : STORAGE_KEYS) {
            calls.add(Call.of("DescribeStorageKeys", Target.keys(), "checks the storage keys", "kms:DescribeKey")
                    .when("ForAnyValue:StringEquals", "kms:ResourceAliases", Call.keyAlias(key)));
        }
        for (TenantKey key : STORAGE_KEYS) {
            calls.add(Call.of("GrantConnectUseOfStorageKeys", Target.keys(),
                    "lets Connect encrypt the storage with the key", "kms:CreateGrant")
                    .when("ForAnyValue:StringEquals", "kms:ResourceAliases", Call.keyAlias(key))
                    .when("Bool", "kms:GrantIsForAWSResource", "true"));
        }
        calls.add(Call.writeOwnLogs("ConnectConfiguratorFunction"));
        calls.add(Call.writeTraces());
        return List.copyOf(calls);
    }

    /** The {@code active} alias ARN of each of {@code functions}, in the contact center the call is made in. */
    private static String[] aliasesOf(List<Function> functions) {
        return functions.stream().map(Call::functionAlias).toArray(String[]::new);
    }
}
