package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CommonGrants;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code SCVProvisioningRole}: what Salesforce's provisioning service does after setup, in the
 * sections of SCV's provisioning policy, narrowed to SCV-named resources. IAM changes are possible
 * only on SCV roles and only while they carry the SCV permission boundary.
 */
public final class ProvisioningRole {
    /** IAM actions that change a role's permissions; all carry the {@code iam:PermissionsBoundary} condition. */
    public static final List<String> IAM_PERMISSION_WRITES = List.of(
            "iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy",
            "iam:DetachRolePolicy");

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

    /**
     * @param boundaryArn         the boundary every SCV role carries
     * @param passableRoleNames   the Lambda execution roles Salesforce may pass to SCV functions
     * @param salesforceRoleNames the other account-level roles Salesforce may assume; provisioning may
     *                            not change them (nor itself), or it could widen its own reach
     */
    public ProvisioningRole(TenantResources res, String boundaryArn, List<String> passableRoleNames,
            List<String> salesforceRoleNames) {
        this.res = res;
        this.grants = new CommonGrants(res);
        this.boundaryArn = boundaryArn;
        this.passableRoleNames = List.copyOf(passableRoleNames);
        this.salesforceRoleNames = List.copyOf(salesforceRoleNames);
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
     * {@code role/SCV*} and each contact center's {@code role/<cc>-*}: the only roles whose permissions
     * provisioning may change, and only those that carry the SCV boundary.
     */
    public List<String> scvRoleArns() {
        List<String> arns = new ArrayList<>();
        arns.add(res.arns().role("SCV*"));
        res.contactCenters().forEach(cc -> arns.add(res.arns().role(cc.callCenterApiName() + "-*")));
        return arns;
    }

    public RoleSpec spec() {
        List<String> provisioningRegions = new ArrayList<>(new LinkedHashSet<>(
                Stream.concat(Stream.of(res.accountRegion()), res.regions().stream()).toList()));
        List<Statement> inline = new ArrayList<>();
        inline.add(grants.wildcardOnly("WildcardAccess", provisioningRegions,
                "connect:ListInstances", "ds:DescribeDirectories", "s3:ListAllMyBuckets", "lambda:ListFunctions",
                "kms:ListAliases", "cloudformation:ListStacks").build());
        inline.add(eventAccess());
        inline.addAll(lambdaEventSourceAccess());
        inline.add(lambdaAccess());
        inline.add(s3Write());
        inline.addAll(resourceBasedAccess());
        inline.addAll(iamAccess());
        inline.add(cloudformationAccess(provisioningRegions));
        inline.add(connectAccess());
        return role(RoleNames.PROVISIONING,
                "Salesforce: configure the Connect instances and SCV resources after setup (by SCV name only).",
                RoleSpecs.salesforce(res), inline, List.of());
    }

    private Statement eventAccess() {
        return Statements.allow("EventAccess")
                .actions("events:DescribeRule", "events:PutRule", "events:DeleteRule", "events:EnableRule",
                        "events:DisableRule", "events:PutTargets", "events:RemoveTargets", "events:ListTargetsByRule")
                .resources(res.contactCenters().stream()
                        .map(cc -> res.arns().regional("events", cc.region(), "rule/" + cc.callCenterApiName() + "-*"))
                        .toList())
                .build();
    }

    private List<Statement> lambdaEventSourceAccess() {
        List<String> mappings = res.regions().stream()
                .map(region -> res.arns().regional("lambda", region, "event-source-mapping:*"))
                .toList();
        return List.of(
                grants.wildcardOnly("LambdaEventSourceCreate", res.regions(), "lambda:CreateEventSourceMapping")
                        .condition("StringLike", "lambda:FunctionArn", res.allScvFunctions())
                        .build(),
                Statements.allow("LambdaEventSourceAccess")
                        .actions("lambda:GetEventSourceMapping", "lambda:UpdateEventSourceMapping",
                                "lambda:DeleteEventSourceMapping")
                        .resources(mappings)
                        .condition("StringLike", "lambda:FunctionArn", res.allScvFunctions())
                        .build());
    }

    private Statement lambdaAccess() {
        return Statements.allow("LambdaAccess")
                .actions("lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode",
                        "lambda:UpdateFunctionConfiguration", "lambda:PublishVersion", "lambda:ListVersionsByFunction",
                        "lambda:GetAlias", "lambda:ListAliases", "lambda:UpdateAlias", "lambda:AddPermission",
                        "lambda:RemovePermission", "lambda:GetPolicy", "lambda:InvokeFunction", "lambda:ListTags",
                        "lambda:TagResource")
                .resources(res.allScvFunctions())
                .condition("StringEquals", "aws:ResourceTag/" + ScvNames.FUNCTION_TAG, res.callCenterNames())
                .build();
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
        return List.of(
                Statements.allow("IAMAccess")
                        .actions(IAM_PERMISSION_WRITES)
                        .resources(scvRoles)
                        .condition("StringEquals", "iam:PermissionsBoundary", boundaryArn)
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
                Statements.allow("IAMPassScvRolesToLambda")
                        .actions("iam:PassRole")
                        .resources(res.roles(passableRoleNames))
                        .condition("StringEquals", "iam:PassedToService", "lambda.amazonaws.com")
                        .build(),
                Statements.allow("IAMSamlProviderAccess")
                        .actions("iam:GetSAMLProvider", "iam:UpdateSAMLProvider")
                        .resources(res.arns().samlProvider(ScvNames.samlProvider(res.config().salesforceOrgId())))
                        .build());
    }

    private Statement cloudformationAccess(List<String> regions) {
        return Statements.allow("CloudformationAccess")
                .actions("cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStackResource", "cloudformation:DescribeStackResources",
                        "cloudformation:ListStackResources", "cloudformation:GetTemplate",
                        "cloudformation:GetTemplateSummary")
                .resources(regions.stream()
                        .map(region -> res.arns().regional("cloudformation", region, "stack/Scv*/*"))
                        .toList())
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
