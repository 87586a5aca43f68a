package dev.scvcdk.policies.roles;

import dev.scvcdk.policies.ManagedPolicies;
import dev.scvcdk.policies.ManagedPolicySpec;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.declarations.FunctionContract;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CallStatements;
import dev.scvcdk.policies.statements.CallStatements.Made;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution roles of SCV's functions, derived from {@link FunctionContracts}: a role allows exactly the calls
 * of the functions that run as it, in the contact centers where each is deployed. A shared {@code /scv/} managed
 * policy is attached where the role needs every statement of it, exactly; the rest is inline.
 */
public final class FunctionRoles {
    private final TenantResources res;
    private final CallStatements callStatements;

    public FunctionRoles(TenantResources res) {
        this.res = res;
        this.callStatements = new CallStatements(res);
    }

    public List<RoleSpec> all() {
        List<ManagedPolicySpec> shared = ManagedPolicies.all(res.config());
        return FunctionContracts.executionRoles().stream().map(role -> role(role, shared)).toList();
    }

    /** Every call the functions running as {@code roleName} make, where they make it. */
    public List<Made> callsOf(String roleName) {
        List<Made> made = new ArrayList<>();
        for (FunctionContract contract : FunctionContracts.runningAs(roleName)) {
            List<ContactCenterConfig> where = res.contactCenters().stream()
                    .filter(cc -> contract.feature().enabledIn(cc))
                    .toList();
            contract.allCalls().forEach(call -> made.add(new Made(call, where)));
        }
        return made;
    }

    private RoleSpec role(String roleName, List<ManagedPolicySpec> shared) {
        List<Statement> inline = new ArrayList<>(callStatements.statements(callsOf(roleName)));
        List<String> attached = new ArrayList<>();
        for (ManagedPolicySpec policy : shared) {
            if (inline.containsAll(policy.statements())) {
                inline.removeAll(policy.statements());
                attached.add(policy.name());
            }
        }
        List<String> functions = FunctionContracts.runningAs(roleName).stream()
                .map(c -> c.function().baseName())
                .toList();
        return RoleSpecs.role(roleName, "Execution role of SCV's " + String.join(" and ", functions)
                + ": exactly the calls its declared contract makes.", RoleSpecs.LAMBDA, inline, attached);
    }
}
