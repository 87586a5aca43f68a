package dev.scvcdk.policies.roles;

import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.TenantResources;
import java.time.Duration;
import java.util.List;

/** Builds {@link RoleSpec}s with SCV's inline-policy naming ({@code SCVXRole} → {@code XRolePolicy}). */
final class RoleSpecs {
    static final Trust LAMBDA = new Trust.Service("lambda.amazonaws.com");

    private RoleSpecs() {
    }

    static Trust salesforce(TenantResources res) {
        return new Trust.SalesforceAccount(res.config().effectiveSalesforceAccountId(),
                res.config().effectiveExternalId());
    }

    static RoleSpec role(String name, String description, Trust trust, List<Statement> inline,
            List<String> managedPolicies) {
        return new RoleSpec(name, description, trust, inlinePolicyName(name), inline, managedPolicies, null);
    }

    static RoleSpec role(String name, String description, Trust trust, List<Statement> inline,
            List<String> managedPolicies, Duration maxSession) {
        return new RoleSpec(name, description, trust, inlinePolicyName(name), inline, managedPolicies, maxSession);
    }

    static String inlinePolicyName(String roleName) {
        return (roleName.startsWith("SCV") ? roleName.substring(3) : roleName) + "Policy";
    }
}
