package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.PolicyDocument;
import dev.scvcdk.policies.roles.AuditRoles;
import dev.scvcdk.policies.roles.ConnectManagementRoles;
import dev.scvcdk.policies.roles.ContactCenterRoles;
import dev.scvcdk.policies.roles.CredentialRoles;
import dev.scvcdk.policies.roles.FunctionRoles;
import dev.scvcdk.policies.roles.ProvisioningRole;
import dev.scvcdk.policies.roles.StreamRoles;
import dev.scvcdk.policies.roles.VoicemailRoles;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SCV IAM matrix as pure functions of a validated tenant config. Every resource is an exact ARN
 * computed for every contact center of the account.
 */
public final class IamMatrix {
    private IamMatrix() {
    }

    /**
     * Every account-level role of scv-reference.md (lives in ScvAccountStack, us-east-1). A role whose
     * inline statements outgrow IAM's inline quota (many contact centers) lists, among its managed
     * policies, the role's own {@code <Role>Policy-<Sid>} policies that {@link #managedPolicies} returns.
     */
    public static List<RoleSpec> accountRoles(TenantConfig config) {
        return account(config).accountRoles();
    }

    /**
     * The account roles ({@link #accountRoles}) and every managed policy ({@link #managedPolicies}) of
     * one tenant, computed together.
     */
    public record AccountMatrix(List<RoleSpec> accountRoles, List<ManagedPolicySpec> managedPolicies) {
        public AccountMatrix {
            accountRoles = List.copyOf(accountRoles);
            managedPolicies = List.copyOf(managedPolicies);
        }
    }

    /**
     * Account roles and managed policies in one computation. Fitting them to IAM's quotas renders
     * every policy, which is slow for many contact centers: compute this once per synth and pass it to
     * {@link #sizeProblems(TenantConfig, AccountMatrix)} and to what creates the roles.
     */
    public static AccountMatrix account(TenantConfig config) {
        return account(config, StackNames.defaults(config));
    }

    /**
     * The last few tenants' matrices: the stacks and the app's acknowledgement register ask for the same tenant's
     * in one synth. Bounded, since tests build many tenants in one JVM.
     */
    private static final Map<List<Object>, AccountMatrix> RECENT = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, AccountMatrix> eldest) {
                    return size() > 4;
                }
            });

    /** As {@link #account(TenantConfig)}, for a tenant whose stacks are named {@code stackNames}. */
    public static AccountMatrix account(TenantConfig config, StackNames stackNames) {
        List<Object> key = List.of(config, stackNames);
        AccountMatrix recent = RECENT.get(key);
        if (recent == null) {
            recent = computeAccount(config, stackNames);
            RECENT.put(key, recent);
        }
        return recent;
    }

    private static AccountMatrix computeAccount(TenantConfig config, StackNames stackNames) {
        Map<String, List<ManagedPolicySpec>> shared = new LinkedHashMap<>();
        ManagedPolicies.all(config).forEach(policy -> shared.put(policy.name(), RolePolicyFit.fitShared(policy)));
        List<RolePolicyFit.Fitted> roles = designedAccountRoles(config, stackNames).stream()
                .map(role -> RolePolicyFit.fit(withSharedParts(role, shared)))
                .toList();
        List<ManagedPolicySpec> policies = new ArrayList<>();
        shared.values().forEach(policies::addAll);
        roles.forEach(role -> policies.addAll(role.ownPolicies()));
        return new AccountMatrix(roles.stream().map(RolePolicyFit.Fitted::role).toList(), policies);
    }

    private static RoleSpec withSharedParts(RoleSpec role, Map<String, List<ManagedPolicySpec>> shared) {
        List<String> names = role.managedPolicyNames().stream()
                .flatMap(name -> shared.containsKey(name)
                        ? shared.get(name).stream().map(ManagedPolicySpec::name)
                        : Stream.of(name))
                .toList();
        return role.withManagedPolicyNames(names);
    }

    /**
     * The name every managed policy split off {@code roleName} starts with, when the role's statements outgrow IAM's
     * inline quota ({@code SCVProvisioningRole} → {@code SCVProvisioningPolicy-}).
     */
    public static String splitPolicyNamePrefix(String roleName) {
        return RolePolicyFit.policyName(roleName, "");
    }

    /** The account roles as designed, before any statement moves to a managed policy to fit IAM's quota. */
    static List<RoleSpec> designedAccountRoles(TenantConfig config) {
        return designedAccountRoles(config, StackNames.defaults(config));
    }

    static List<RoleSpec> designedAccountRoles(TenantConfig config, StackNames stackNames) {
        TenantResources res = new TenantResources(config, stackNames);
        List<RoleSpec> roles = new ArrayList<>();
        roles.addAll(new FunctionRoles(res).all());
        roles.addAll(new CredentialRoles(res).all());
        roles.addAll(new StreamRoles(res).all());
        roles.addAll(new ConnectManagementRoles(res).all());
        roles.addAll(new AuditRoles(res).all());
        roles.addAll(new VoicemailRoles(res).all());
        List<String> salesforceRoles = roles.stream()
                .filter(role -> role.trust() instanceof Trust.SalesforceAccount)
                .map(RoleSpec::roleName)
                .toList();
        roles.add(new ProvisioningRole(res, salesforceRoles).spec());
        return List.copyOf(roles);
    }

    /** One account-level role by its SCV name. */
    public static RoleSpec accountRole(TenantConfig config, String roleName) {
        return accountRoles(config).stream()
                .filter(role -> role.roleName().equals(roleName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account-level SCV role named '" + roleName + "'"));
    }

    /**
     * The seven shared {@code /scv/} managed policies (a shared policy too large for IAM continues in
     * {@code <name>-Part2} …, attached wherever it is), then the policies of single roles that hold
     * statements moved out of an inline policy too large for IAM (none of either for a small tenant).
     */
    public static List<ManagedPolicySpec> managedPolicies(TenantConfig config) {
        return account(config).managedPolicies();
    }

    /**
     * Every IAM size quota problem of this tenant's matrix (empty when all fits), to report before
     * any role is created. See {@link IamPolicySizes#check}.
     */
    public static List<String> sizeProblems(TenantConfig config) {
        return IamPolicySizes.check(config);
    }

    /** As {@link #sizeProblems(TenantConfig)}, on the account matrix already computed for {@code config}. */
    public static List<String> sizeProblems(TenantConfig config, AccountMatrix account) {
        return IamPolicySizes.check(config, account);
    }

    /** As {@link #sizeProblems(TenantConfig, AccountMatrix)}, for a tenant whose stacks are named {@code stackNames}. */
    public static List<String> sizeProblems(TenantConfig config, AccountMatrix account, StackNames stackNames) {
        return IamPolicySizes.check(config, account, stackNames);
    }

    /** {@code <cc>-SAMLRole}, {@code <cc>-ConnectCallRole}, {@code <cc>-SCVS3Role} of one contact center. */
    public static List<RoleSpec> contactCenterRoles(TenantConfig config, ContactCenterConfig contactCenter) {
        return new ContactCenterRoles(new TenantResources(config), contactCenter).all();
    }

    /** The permission boundary document (used when the config names no existing boundary). */
    public static PolicyDocument permissionBoundary(TenantConfig config) {
        return PermissionBoundaryDocument.document(config);
    }

    /** The permission boundary document of a tenant whose stacks are named {@code stackNames}. */
    public static PolicyDocument permissionBoundary(TenantConfig config, StackNames stackNames) {
        return PermissionBoundaryDocument.document(config, stackNames);
    }

    /**
     * Whether {@code roleName} carries a boundary of its own instead of the SCV boundary (unless the config names an
     * existing boundary for every role): CloudTrail's delivery role, the only role that may write the audit trail's
     * log group. The SCV boundary is derived without its grants.
     */
    public static boolean hasOwnBoundary(String roleName) {
        return RoleNames.TRAIL_LOG_GROUP.equals(roleName);
    }

    /** The boundary of CloudTrail's delivery role: exactly what the role is granted, nothing more. */
    public static PolicyDocument trailDeliveryBoundary(TenantConfig config) {
        return new PolicyDocument(accountRole(config, RoleNames.TRAIL_LOG_GROUP).inlineStatements());
    }

    /** ARN of the boundary every role carries: the configured one, or {@code /scv/SCVPermissionsBoundary}. */
    public static String permissionBoundaryArn(TenantConfig config) {
        return config.permissionBoundaryArnValue()
                .orElseGet(() -> ScvArns.forTenant(config).policy(ScvNames.POLICY_PATH + ScvNames.BOUNDARY_POLICY_NAME));
    }
}
