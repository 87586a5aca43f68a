package dev.scvcdk.policies.statements;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.declarations.PrincipalContract;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CallStatements.Made;
import java.util.List;

/**
 * The statements of a role Salesforce or an AWS service assumes, derived from its {@link PrincipalContract} the way
 * function roles are derived from theirs: an account-level role makes its calls in every contact center, a
 * {@code <cc>-} role only in its own.
 */
public final class PrincipalStatements {
    private final TenantResources res;

    public PrincipalStatements(TenantResources res) {
        this.res = res;
    }

    /** The calls of {@code contract}, each where the role makes it. */
    public List<Made> callsOf(PrincipalContract contract, List<ContactCenterConfig> where) {
        return contract.calls().stream().map(call -> new Made(call, where)).toList();
    }

    /** The statements of an account-level role: its calls in every contact center. */
    public List<Statement> of(PrincipalContract contract) {
        if (contract.perContactCenter()) {
            throw new IllegalArgumentException(contract.roleName() + " is a role per contact center: name the contact"
                    + " center");
        }
        return new CallStatements(res).statements(callsOf(contract, res.contactCenters()));
    }

    /** The statements of {@code <cc>-<role>}: its calls in contact center {@code cc} only. */
    public List<Statement> of(PrincipalContract contract, ContactCenterConfig cc) {
        if (!contract.perContactCenter()) {
            throw new IllegalArgumentException(contract.roleName() + " is an account-level role: it serves every"
                    + " contact center");
        }
        return new CallStatements(res).statements(callsOf(contract, List.of(cc)));
    }
}
