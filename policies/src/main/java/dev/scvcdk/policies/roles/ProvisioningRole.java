package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.statements.CommonGrants;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import dev.scvcdk.policies.iam.Statement;

/**
 * {@code SCVProvisioningRole}: what Salesforce's provisioning service does after setup, in the
 * sections of SCV's provisioning policy, narrowed to SCV-named resources. It creates no role (the
 * stacks create every SCV role); it changes the permissions of SCV roles only while they carry the
 * SCV permission boundary, attaching only {@code /scv/} policies. Only when the tenant lets
 * Salesforce manage the functions may it replace their code or configuration and pass their roles.
 */
public final class ProvisioningRole {
    /** IAM actions that change a role's permissions; all carry the {@code iam:PermissionsBoundary} condition. */
    public static final List<String> IAM_PERMISSION_WRITES = List.of(
            "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy");

    /** The IAM writes that attach or detach a managed policy: only {@code /scv/} ones ({@code iam:PolicyARN}). */
    public static final List<String> IAM_POLICY_ATTACHMENTS = List.of("iam:AttachRolePolicy", "iam:DetachRolePolicy");

    /** What replaces a function's code or settings: Salesforce's only while it manages the functions. */
    public static final List<String> FUNCTION_REPLACEMENT_ACTIONS = List.of(
            "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration");

    /** The functions whose event-source mappings (the CTR stream's) provisioning manages. */
    public static final List<Function> STREAM_CONSUMERS = List.of(Function.CTR_DATA_SYNC);

    /** The functions SCV's EventBridge rules target (the contact-events rule). */
    public static final List<Function> RULE_TARGETS = List.of(Function.HANDLE_CONTACT_EVENTS);

    /** The only principals provisioning may give a Lambda permission to: Connect and EventBridge. */
    public static final List<String> LAMBDA_PERMISSION_PRINCIPALS = List.of(
            "connect.amazonaws.com", "events.amazonaws.com");

    /**
     * IAM role writes that change no permission. IAM offers no {@code iam:PermissionsBoundary} key
     * for them, so they are limited to {@code role/SCV*}. Tagging is left out: tags can grant
     * access where policies match on them.
     */
    public static final List<String> IAM_METADATA_WRITES = List.of("iam:UpdateRole", "iam:UpdateRoleDescription");

    private final TenantResources res;
    private final CommonGrants grants;
    private final String boundaryArn;
    private final List<String> passableRoleNames;
    private final List<String> salesforceRoleNames;
    private final boolean salesforceManagesFunctions;

    /**
     * @param boundaryArn         the boundary every SCV role carries
     * @param passableRoleNames   the Lambda execution roles Salesforce may pass to SCV functions
     * @param salesforceRoleNames the other account-level roles Salesforce may assume; provisioning may
     *                            not change them (nor itself), or it could widen its own reach
     * @param salesforceManagesFunctions whether Salesforce may replace the functions' code and
     *                            configuration and pass their roles (SCV's behaviour); otherwise it can
     *                            run no code of its own as a function role
     */
    public ProvisioningRole(TenantResources res, String boundaryArn, List<String> passableRoleNames,
            List<String> salesforceRoleNames, boolean salesforceManagesFunctions) {
        this.res = res;
        this.grants = new CommonGrants(res);
        this.boundaryArn = boundaryArn;
        this.passableRoleNames = List.copyOf(passableRoleNames);
        this.salesforceRoleNames = List.copyOf(salesforceRoleNames);
        this.salesforceManagesFunctions = salesforceManagesFunctions;
    }

    /**
     * Roles Salesforce can assume (this one included), directly or, for the SAML roles, through the
     * identity provider it runs: never changed through this role.
     */
    public List<String> salesforceAssumableRoleArns() {
        List<String> arns = new ArrayList<>();
        arns.add(res.arns().role(RoleNames.PROVISIONING));
        salesforceRoleNames.stream().map(res.arns()::role).forEach(arns::add);
        for (ContactCenterConfig cc : res.contactCenters()) {
            arns.add(res.arns().role(ScvNames.samlRole(cc.callCenterApiName())));
            arns.add(res.arns().role(ScvNames.connectCallRole(cc.callCenterApiName())));
            arns.add(res.arns().role(ScvNames.s3Role(cc.callCenterApiName())));
        }
        return arns;
    }

    /**
     * {@code role/SCV*}: the only roles whose permissions provisioning may change, and only those that carry
     * the SCV boundary. (A contact center's {@code <cc>-} roles are all assumed by Salesforce or its users.)
     */
    public List<String> scvRoleArns() {
        return List.of(res.arns().role("SCV*"));
    }

    public RoleSpec spec() {
        List<String> provisioningRegions = new ArrayList<>(new LinkedHashSet<>(
                Stream.concat(Stream.of(res.accountRegion()), res.regions().stream()).toList()));
        List<Statement> inline = new ArrayList<>();
        inline.add(grants.wildcardOnly("WildcardAccess", provisioningRegions,
                "connect:ListInstances", "ds:DescribeDirectories", "s3:ListAllMyBuckets", "lambda:ListFunctions",
                "kms:ListAliases", "cloudformation:ListStacks").build());
        inline.addAll(eventAccess());
        inline.addAll(lambdaEventSourceAccess());
        inline.addAll(lambdaAccess());
        inline.add(s3Write());
        inline.addAll(resourceBasedAccess());
        inline.addAll(iamAccess());
        inline.add(cloudformationAccess());
        inline.add(connectAccess());
        return role(RoleNames.PROVISIONING,
                "Salesforce: configure the Connect instances and SCV resources after setup (by SCV name only).",
                RoleSpecs.salesforce(res), inline, List.of());
    }

    /**
     * The rules of each contact center; a contact center's rules target only the active alias of its own
     * functions that rules invoke (one statement per contact center: the pairing is the grant).
     */
    private List<Statement> eventAccess() {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statements.allow("EventAccess")
                .actions("events:DescribeRule", "events:PutRule", "events:DeleteRule", "events:EnableRule",
                        "events:DisableRule", "events:RemoveTargets", "events:ListTargetsByRule")
                .resources(res.contactCenters().stream().map(this::rulesOf).toList())
                .build());
        List<ContactCenterConfig> ccs = res.contactCenters();
        for (int i = 0; i < ccs.size(); i++) {
            ContactCenterConfig cc = ccs.get(i);
            statements.add(Statements.allow("EventTargetsScvFunctions" + (i + 1))
                    .actions("events:PutTargets")
                    .resources(rulesOf(cc))
                    .condition("ForAllValues:StringEquals", "events:TargetArn", RULE_TARGETS.stream()
                            .map(f -> res.arns().functionAlias(cc.region(), cc.callCenterApiName(), f))
                            .toList())
                    .build());
        }
        return statements;
    }

    private String rulesOf(ContactCenterConfig cc) {
        return res.arns().regional("events", cc.region(), "rule/" + cc.callCenterApiName() + "-*");
    }

    /** Mappings of the stream consumers only, named by their exact function ARNs. */
    private List<Statement> lambdaEventSourceAccess() {
        List<String> mappings = res.regions().stream()
                .map(region -> res.arns().regional("lambda", region, "event-source-mapping:*"))
                .toList();
        List<String> consumers = functionsAndAliases(STREAM_CONSUMERS);
        return List.of(
                grants.wildcardOnly("LambdaEventSourceCreate", res.regions(), "lambda:CreateEventSourceMapping")
                        .condition("StringEquals", "lambda:FunctionArn", consumers)
                        .build(),
                Statements.allow("LambdaEventSourceAccess")
                        .actions("lambda:GetEventSourceMapping", "lambda:UpdateEventSourceMapping",
                                "lambda:DeleteEventSourceMapping")
                        .resources(mappings)
                        .condition("StringEquals", "lambda:FunctionArn", consumers)
                        .build());
    }

    /** The exact {@code active} alias ARNs of {@code functions} in every contact center: SCV maps and targets those. */
    private List<String> functionsAndAliases(List<Function> functions) {
        return functions.stream().flatMap(function -> res.functionAliases(function).stream()).toList();
    }

    private List<Statement> lambdaAccess() {
        List<String> actions = new ArrayList<>(List.of("lambda:GetFunction", "lambda:GetFunctionConfiguration",
                "lambda:PublishVersion", "lambda:ListVersionsByFunction", "lambda:GetAlias", "lambda:ListAliases",
                "lambda:UpdateAlias", "lambda:RemovePermission", "lambda:GetPolicy", "lambda:InvokeFunction",
                "lambda:ListTags", "lambda:TagResource"));
        if (salesforceManagesFunctions) {
            actions.addAll(FUNCTION_REPLACEMENT_ACTIONS);
        }
        return List.of(
                Statements.allow("LambdaAccess")
                        .actions(actions)
                        .resources(res.allScvFunctions())
                        .condition("StringEquals", "aws:ResourceTag/" + ScvNames.FUNCTION_TAG, res.callCenterNames())
                        .build(),
                // Connect invokes the call-path functions and EventBridge the event handlers; nobody else.
                Statements.allow("LambdaPermissionsForConnectAndEvents")
                        .actions("lambda:AddPermission")
                        .resources(res.allScvFunctions())
                        .condition("StringEquals", "aws:ResourceTag/" + ScvNames.FUNCTION_TAG, res.callCenterNames())
                        .condition("StringEquals", "lambda:Principal", LAMBDA_PERMISSION_PRINCIPALS)
                        .build());
    }

    private Statement s3Write() {
        return Statements.allow("S3Write")
                .actions("s3:GetBucketLocation", "s3:GetBucketNotification", "s3:GetBucketCORS", "s3:PutBucketCORS")
                .resources(res.tenantBuckets())
                .build();
    }

    private List<Statement> resourceBasedAccess() {
        // Salesforce supplies the connected-app settings; it may write them but never read a key back.
        List<String> connectedApp = res.parameters(Parameter.REST_API_CONSUMER_KEY, Parameter.REST_API_SUBJECT,
                Parameter.REST_API_AUDIENCE, Parameter.REST_API_PRIVATE_KEY);
        List<String> streams = new ArrayList<>(res.ctrStreams());
        streams.addAll(res.contactLensStreams());
        List<String> keys = new ArrayList<>(res.streamKeyAliases());
        keys.addAll(res.liveMediaKeyAliases());
        keys.addAll(res.tenantBucketKeyAliases());
        return List.of(
                Statements.allow("ResourceBasedAccess")
                        .actions("ssm:PutParameter")
                        .resources(connectedApp)
                        .build(),
                // SSM asks KMS for these only in a PutParameter this role may make, which the statement
                // above limits to the four exact parameters; one pattern per contact center is as exact.
                grants.parameterKey("ResourceBasedParameterEncryption",
                        res.parameterPatterns(Parameter.restApi().toArray(Parameter[]::new)),
                        "kms:Encrypt", "kms:GenerateDataKey"),
                Statements.allow("ResourceBasedStreamAccess")
                        .actions("kinesis:DescribeStreamSummary")
                        .resources(streams)
                        .build(),
                Statements.allow("ResourceBasedQueueAccess")
                        .actions("sqs:GetQueueAttributes")
                        .resources(res.failureQueues())
                        .build(),
                Statements.allow("ResourceBasedKeyAccess")
                        .actions("kms:DescribeKey")
                        .resources(res.keysInRegions())
                        .condition("ForAnyValue:StringEquals", CommonGrants.RESOURCE_ALIASES, keys)
                        .build(),
                Statements.allow("ResourceBasedTrailAccess")
                        .actions("cloudtrail:GetTrailStatus")
                        .resources(res.arns().regional("cloudtrail", res.accountRegion(),
                                "trail/" + ScvNames.CLOUDTRAIL_NAME))
                        .build());
    }

    private List<Statement> iamAccess() {
        List<String> scvRoles = scvRoleArns();
        List<String> inlineWrites = IAM_PERMISSION_WRITES.stream()
                .filter(a -> !IAM_POLICY_ATTACHMENTS.contains(a))
                .toList();
        List<Statement> statements = new ArrayList<>(List.of(
                Statements.allow("IAMAccess")
                        .actions(inlineWrites)
                        .resources(scvRoles)
                        .condition("StringEquals", "iam:PermissionsBoundary", boundaryArn)
                        .build(),
                Statements.allow("IAMAttachScvPolicies")
                        .actions(IAM_POLICY_ATTACHMENTS)
                        .resources(scvRoles)
                        .condition("StringEquals", "iam:PermissionsBoundary", boundaryArn)
                        .condition("ArnLike", "iam:PolicyARN", res.arns().policy(ScvNames.POLICY_PATH + "*"))
                        .build(),
                Statements.deny("IAMDenyChangesToSalesforceAssumableRoles")
                        .actions(IAM_PERMISSION_WRITES)
                        .actions(IAM_METADATA_WRITES)
                        .resources(salesforceAssumableRoleArns())
                        .build(),
                Statements.allow("IAMRoleMetadataAccess")
                        .actions("iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies",
                                "iam:ListAttachedRolePolicies", "iam:ListRoleTags")
                        .actions(IAM_METADATA_WRITES)
                        .resources(res.arns().role("SCV*"))
                        .build(),
                // Reading the IdP only: its metadata is the stack's, or provisioning could choose who signs in.
                Statements.allow("IAMSamlProviderAccess")
                        .actions("iam:GetSAMLProvider")
                        .resources(res.arns().samlProvider(ScvNames.samlProvider(res.config().salesforceOrgId())))
                        .build()));
        if (salesforceManagesFunctions) {
            statements.add(Statements.allow("IAMPassScvRolesToLambda")
                    .actions("iam:PassRole")
                    .resources(res.roles(passableRoleNames))
                    .condition("StringEquals", "iam:PassedToService", "lambda.amazonaws.com")
                    .build());
        }
        return statements;
    }

    /** The tenant's own stacks by name ({@link TenantResources#stacks}), whatever the consumer named them. */
    private Statement cloudformationAccess() {
        return Statements.allow("CloudformationAccess")
                .actions("cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStackResource", "cloudformation:DescribeStackResources",
                        "cloudformation:ListStackResources", "cloudformation:GetTemplate",
                        "cloudformation:GetTemplateSummary")
                .resources(res.stacks())
                .build();
    }

    /**
     * Instance configuration only: users, queues, routing and flows are managed through
     * SCVAmazonConnectManagementRole, so this role does not duplicate that reach.
     */
    private Statement connectAccess() {
        return Statements.allow("ConnectAccess")
                .actions(ConnectManagementRoles.INSTANCE_CONFIGURATION_ACTIONS)
                .resources(res.instances())
                .build();
    }
}
