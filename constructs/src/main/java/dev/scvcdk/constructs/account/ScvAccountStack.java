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
import dev.scvcdk.policies.config.TenantConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicyProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The account-level SCV stack, one per AWS account, in the partition's IAM region ({@code us-east-1}).
 *
 * <p>Holds what is global to the account: the permission boundary, the seven {@code /scv/} managed
 * policies, every account-level SCV role with its SCV name, the org's SAML provider and the audit trail
 * (with the tenant's data events unless the config's {@code auditDataEvents} is false).
 * Every role in the stack, CDK-made ones included, carries the boundary.
 *
 * <p>Construct ids: {@code PermissionsBoundary} (when created here), each managed policy and role by
 * its SCV name (e.g. {@code SCVProvisioningRole}), {@code SamlProvider}, {@code AuditTrail}.
 */
public class ScvAccountStack extends Stack {
    private final TenantConfig tenantConfig;
    private final IManagedPolicy permissionsBoundary;
    private final Map<String, ManagedPolicy> managedPolicies;
    private final Map<String, Role> roles;
    private final SalesforceSamlProvider samlProvider;
    private final AuditTrail auditTrail;

    public ScvAccountStack(Construct scope, String id, ScvAccountStackProps props) {
        super(scope, id, props.toStackProps());
        this.tenantConfig = props.tenantConfig();

        this.permissionsBoundary = tenantConfig.permissionBoundaryArnValue()
                .map(arn -> ScvBoundary.imported(this, arn))
                .orElseGet(() -> new ManagedPolicy(this, "PermissionsBoundary", ManagedPolicyProps.builder()
                        .managedPolicyName(ScvNames.BOUNDARY_POLICY_NAME)
                        .path(ScvNames.POLICY_PATH)
                        .description("Permission boundary of every SCV role: the actions SCV roles are granted, "
                                + "on SCV resources; no boundary, audit or resource-policy change")
                        .document(IamRender.document(IamMatrix.permissionBoundary(tenantConfig)))
                        .build()));
        ScvBoundary.applyTo(this, permissionsBoundary);

        // fitted once, by the props builder for its size check: fitting is the slowest IAM work of a synth
        IamMatrix.AccountMatrix matrix = props.accountMatrix();
        this.managedPolicies = ScvManagedPolicies.create(this, matrix.managedPolicies());

        Map<String, Role> created = new LinkedHashMap<>();
        for (RoleSpec spec : matrix.accountRoles()) {
            created.put(spec.roleName(), ScvRoles.create(this, ScvRoles.constructId(spec.roleName()), spec,
                    permissionsBoundary, managedPolicies));
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

    public TenantConfig getTenantConfig() {
        return tenantConfig;
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
            throw new IllegalArgumentException("ScvAccountStack has no role named '" + roleName
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
