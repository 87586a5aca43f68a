package dev.scvcdk.constructs.account;

import dev.scvcdk.constructs.audit.AuditTrail;
import dev.scvcdk.constructs.audit.AuditTrailProps;
import dev.scvcdk.constructs.iam.IamRender;
import dev.scvcdk.constructs.iam.ScvBoundary;
import dev.scvcdk.constructs.iam.ScvManagedPolicies;
import dev.scvcdk.constructs.iam.ScvRoles;
import dev.scvcdk.constructs.identity.SalesforceSamlProvider;
import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.PermissionBoundaryDocument;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.StackNames;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicyProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * What is global to an AWS account in SCV, in any stack of the partition's IAM region ({@code us-east-1};
 * {@code us-gov-west-1} in GovCloud): the permission boundary, the {@code /scv/} managed policies, every
 * account-level SCV role with its SCV name, the org's SAML provider and the audit trail (with the tenant's data
 * events unless the config's {@code auditDataEvents} is false). Every role under this construct carries the boundary,
 * except CloudTrail's delivery role: it carries {@code /scv/SCVTrailDeliveryBoundary}, exactly its grants (construct id
 * {@code TrailDeliveryBoundary}), so that no other role may write the trail's log group.
 *
 * <p>The provisioning role may read the CloudFormation stacks of the tenant only, by name: this construct's own stack
 * and each contact center's ({@link ScvAccountProps.Builder#contactCenterStackNames}).
 *
 * <p>Construct ids: {@code PermissionsBoundary} and {@code TrailDeliveryBoundary} (when created here), each managed
 * policy and role by its SCV name (e.g. {@code SCVProvisioningRole}), {@code SamlProvider}, {@code AuditTrail}. {@link ScvAccountStack} holds one
 * with id {@value #WRAPPED_ID}, which CDK leaves out of logical ids.
 */
public final class ScvAccount extends Construct {
    /** Construct id of the account in {@link ScvAccountStack}: CDK leaves it out of logical ids. */
    public static final String WRAPPED_ID = "Default";

    private final TenantConfig tenantConfig;
    private final StackNames stackNames;
    private final IManagedPolicy permissionsBoundary;
    private final Map<String, ManagedPolicy> managedPolicies;
    private final Map<String, Role> roles;
    private final SalesforceSamlProvider samlProvider;
    private final AuditTrail auditTrail;

    /**
     * @throws IllegalArgumentException when the enclosing stack's region or account contradicts the config, or a
     *                                  policy outgrows IAM's quotas
     */
    public ScvAccount(Construct scope, String id, ScvAccountProps props) {
        super(scope, id);
        this.tenantConfig = props.tenantConfig();
        Stack stack = Stack.of(this);
        checkEnvironment(stack, tenantConfig);
        this.stackNames = props.stackNames(stack.getStackName());

        this.permissionsBoundary = tenantConfig.permissionBoundaryArnValue()
                .map(arn -> ScvBoundary.imported(stack, arn))
                .orElseGet(() -> new ManagedPolicy(this, "PermissionsBoundary", ManagedPolicyProps.builder()
                        .managedPolicyName(ScvNames.BOUNDARY_POLICY_NAME)
                        .path(ScvNames.POLICY_PATH)
                        .description("Permission boundary of every SCV role: the actions SCV roles are granted, "
                                + "on SCV resources; no boundary, audit or resource-policy change")
                        .document(IamRender.document(IamMatrix.permissionBoundary(tenantConfig, stackNames)))
                        .build()));
        // this construct's roles only: the consumer's other roles in the stack keep theirs
        ScvBoundary.applyTo(this, permissionsBoundary);

        IamMatrix.AccountMatrix matrix = props.accountMatrix(stackNames);
        this.managedPolicies = ScvManagedPolicies.create(this, matrix.managedPolicies());

        // CloudTrail's delivery role alone writes the trail's log group: it carries a boundary of exactly its grants,
        // and the SCV boundary keeps every other role out of that log group (a configured boundary bounds it too)
        ManagedPolicy trailDeliveryBoundary = permissionsBoundary instanceof ManagedPolicy
                ? new ManagedPolicy(this, "TrailDeliveryBoundary", ManagedPolicyProps.builder()
                        .managedPolicyName(ScvNames.TRAIL_DELIVERY_BOUNDARY_POLICY_NAME)
                        .path(ScvNames.POLICY_PATH)
                        .description("Permission boundary of " + RoleNames.TRAIL_LOG_GROUP + ": delivering "
                                + ScvNames.CLOUDTRAIL_NAME + " events to " + ScvNames.TRAIL_LOG_GROUP + ", nothing else")
                        .document(IamRender.document(IamMatrix.trailDeliveryBoundary(tenantConfig)))
                        .build())
                : null;
        Map<String, Role> created = new LinkedHashMap<>();
        for (RoleSpec spec : matrix.accountRoles()) {
            boolean ownBoundary = trailDeliveryBoundary != null && IamMatrix.hasOwnBoundary(spec.roleName());
            Role role = ScvRoles.create(this, ScvRoles.constructId(spec.roleName()), spec,
                    ownBoundary ? trailDeliveryBoundary : permissionsBoundary, managedPolicies);
            if (ownBoundary) {
                // the construct-wide boundary overrides the role's prop; applied on the role itself, this one stays
                ScvBoundary.applyTo(role, trailDeliveryBoundary);
            }
            created.put(spec.roleName(), role);
        }
        this.roles = Collections.unmodifiableMap(created);

        this.samlProvider = new SalesforceSamlProvider(this, "SamlProvider", tenantConfig.salesforceOrgId(),
                props.samlMetadata());
        this.auditTrail = new AuditTrail(this, "AuditTrail", AuditTrailProps.builder()
                .logDeliveryRole(getRole(RoleNames.TRAIL_LOG_GROUP))
                .tenantConfig(tenantConfig)
                .dataEvents(tenantConfig.auditDataEventsValue())
                .build());
        if (permissionsBoundary instanceof ManagedPolicy boundaryHere) {
            // the bucket's name is CloudFormation's, known only here (the boundary keeps room for this statement)
            boundaryHere.addStatements(IamRender.statement(PermissionBoundaryDocument.auditTrailBucketDenial(
                    tenantConfig.partitionValue().id(), auditTrail.getBucket().getBucket().getBucketName())));
        }

        new CfnOutput(this, "SamlProviderArn", CfnOutputProps.builder()
                .description("Identity provider ARN to enter in Salesforce's Service Cloud Voice setup")
                .value(samlProvider.getProviderArn())
                .build());
        new CfnOutput(this, "AuditTrailBucketName", CfnOutputProps.builder()
                .description("Bucket holding the " + ScvNames.CLOUDTRAIL_NAME + " log files")
                .value(auditTrail.getBucket().getBucket().getBucketName())
                .build());
    }

    /**
     * IAM, the SAML provider and the multi-region trail are account-wide and live in the partition's IAM region;
     * every ARN is computed for the configured account.
     */
    private static void checkEnvironment(Stack stack, TenantConfig config) {
        List<String> problems = new ArrayList<>();
        String required = ScvNames.accountStackRegion(config.partitionValue());
        String region = stack.getRegion();
        if (!Token.isUnresolved(region) && !region.equals(required)) {
            problems.add("stack '" + stack.getStackName() + "' is in region '" + region + "', but ScvAccount must be "
                    + "deployed in " + required + ", the IAM region of partition '" + config.partitionValue().id()
                    + "'");
        }
        String account = stack.getAccount();
        if (!Token.isUnresolved(account) && config.accountId() != null && !account.equals(config.accountId())) {
            problems.add("stack '" + stack.getStackName() + "' is in account '" + account
                    + "', but the tenant config's accountId is '" + config.accountId() + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("ScvAccount cannot be placed here: " + String.join("; ", problems));
        }
    }

    public TenantConfig getTenantConfig() {
        return tenantConfig;
    }

    /** The stack names the provisioning role and the boundary allow CloudFormation reads on. */
    public StackNames getStackNames() {
        return stackNames;
    }

    /** The boundary every role carries: created here, or the configured existing policy. */
    public IManagedPolicy getPermissionsBoundary() {
        return permissionsBoundary;
    }

    /** The {@code /scv/} managed policies by name. */
    public Map<String, ManagedPolicy> getManagedPolicies() {
        return managedPolicies;
    }

    /** Every account-level SCV role by its SCV name. */
    public Map<String, Role> getRoles() {
        return roles;
    }

    /**
     * One SCV role by name.
     *
     * @throws IllegalArgumentException naming the role and the roles that exist
     */
    public Role getRole(String roleName) {
        Role role = roles.get(roleName);
        if (role == null) {
            throw new IllegalArgumentException("ScvAccount has no role named '" + roleName
                    + "'; its roles are " + roles.keySet());
        }
        return role;
    }

    public SalesforceSamlProvider getSamlProvider() {
        return samlProvider;
    }

    public AuditTrail getAuditTrail() {
        return auditTrail;
    }

    /** The bucket the audit trail writes its log files to. */
    public Bucket getTrailBucket() {
        return auditTrail.getBucket().getBucket();
    }
}
