package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import software.amazon.awscdk.services.iam.PolicyDocument;

/**
 * The SCV IAM matrix as pure functions of a validated tenant config. Every resource is an exact ARN
 * computed for every contact center of the account.
 */
public final class IamMatrix {
    private IamMatrix() {
    }

    /** Every account-level role of scv-reference.md (lives in ScvAccountStack, us-east-1). */
    public static List<RoleSpec> accountRoles(TenantConfig config) {
        throw new UnsupportedOperationException("owned by the policies work");
    }

    /** The seven {@code /scv/} managed policies. */
    public static List<ManagedPolicySpec> managedPolicies(TenantConfig config) {
        throw new UnsupportedOperationException("owned by the policies work");
    }

    /** {@code <cc>-SAMLRole}, {@code <cc>-ConnectCallRole}, {@code <cc>-SCVS3Role} of one contact center. */
    public static List<RoleSpec> contactCenterRoles(TenantConfig config, ContactCenterConfig contactCenter) {
        throw new UnsupportedOperationException("owned by the policies work");
    }

    /** The permission boundary document (used when the config names no existing boundary). */
    public static PolicyDocument permissionBoundary(TenantConfig config) {
        throw new UnsupportedOperationException("owned by the policies work");
    }

    /** ARN of the boundary every role carries: the configured one, or {@code /scv/SCVPermissionsBoundary}. */
    public static String permissionBoundaryArn(TenantConfig config) {
        return config.permissionBoundaryArnValue()
                .orElseGet(() -> ScvArns.forTenant(config).policy(ScvNames.POLICY_PATH + ScvNames.BOUNDARY_POLICY_NAME));
    }
}
