package dev.scvcdk.policies.declarations;

import java.util.List;

/**
 * The calls a role that Salesforce or an AWS service assumes makes (not an SCV function's role).
 *
 * @param roleName the SCV role name; {@code <cc>-…} roles are named per contact center by {@link #perContactCenter}
 * @param perContactCenter whether the role exists once per contact center ({@code <cc>-SCVS3Role}) rather than once
 *                         per account
 * @param calls    the calls it makes
 */
public record PrincipalContract(String roleName, boolean perContactCenter, List<Call> calls) {
    public PrincipalContract {
        calls = List.copyOf(calls);
    }
}
