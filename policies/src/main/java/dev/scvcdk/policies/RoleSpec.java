package dev.scvcdk.policies;

import dev.scvcdk.policies.iam.Statement;
import java.time.Duration;
import java.util.List;

/**
 * One SCV role as data: its fixed name, who may assume it and exactly what it may do.
 *
 * @param roleName           the SCV role name (a contract: SCV and Salesforce refer to it)
 * @param description        what the role is for, shown in the console
 * @param trust              who may assume it
 * @param inlinePolicyName   name of the inline policy holding {@code inlineStatements}
 * @param inlineStatements   statements only this role needs (may be empty)
 * @param managedPolicyNames names of {@code /scv/} managed policies attached (each needed whole)
 * @param maxSession         maximum session duration; {@code null} means IAM's default (1 h)
 */
public record RoleSpec(
        String roleName,
        String description,
        Trust trust,
        String inlinePolicyName,
        List<Statement> inlineStatements,
        List<String> managedPolicyNames,
        Duration maxSession) {

    public RoleSpec {
        inlineStatements = List.copyOf(inlineStatements);
        managedPolicyNames = List.copyOf(managedPolicyNames);
    }

    /** This role with {@code statements} as its inline statements. */
    public RoleSpec withInlineStatements(List<Statement> statements) {
        return new RoleSpec(roleName, description, trust, inlinePolicyName, statements, managedPolicyNames, maxSession);
    }

    /** This role with {@code names} as its attached managed policies. */
    public RoleSpec withManagedPolicyNames(List<String> names) {
        return new RoleSpec(roleName, description, trust, inlinePolicyName, inlineStatements, names, maxSession);
    }
}
