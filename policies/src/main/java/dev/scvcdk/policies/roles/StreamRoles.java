package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.statements.PrincipalStatements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.List;

/** The role Amazon Connect assumes to stream Contact Lens segments; its calls are declared in {@link PrincipalContracts}. */
public final class StreamRoles {
    private final TenantResources res;

    public StreamRoles(TenantResources res) {
        this.res = res;
    }

    public List<RoleSpec> all() {
        return List.of(contactLensStreaming());
    }

    RoleSpec contactLensStreaming() {
        return role(RoleNames.CONTACT_LENS_STREAMING,
                "Amazon Connect: put Contact Lens real-time segments on the Contact Lens streams.",
                // Instance ids are UUIDs: each names one instance; the account is pinned by aws:SourceAccount.
                new Trust.Service("connect.amazonaws.com", res.arns().account(), res.contactCenters().stream()
                        .map(cc -> "arn:" + res.arns().partition() + ":connect:*:*:instance/" + cc.connectInstanceId())
                        .toList()),
                new PrincipalStatements(res).of(PrincipalContracts.CONTACT_LENS_STREAMING),
                List.of());
    }
}
