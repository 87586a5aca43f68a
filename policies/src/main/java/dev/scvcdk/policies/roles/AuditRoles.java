package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.statements.PrincipalStatements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.List;

/** The audit trail's delivery role; its calls are declared in {@link PrincipalContracts#TRAIL_LOG_GROUP}. */
public final class AuditRoles {
    private final TenantResources res;

    public AuditRoles(TenantResources res) {
        this.res = res;
    }

    public List<RoleSpec> all() {
        return List.of(trailLogGroup());
    }

    /** ARN (with {@code :*}) of the trail's log streams in the account-stack region. */
    public String trailLogStreams() {
        return res.arns().logGroup(res.accountRegion(), ScvNames.TRAIL_LOG_GROUP) + ":*";
    }

    RoleSpec trailLogGroup() {
        return role(RoleNames.TRAIL_LOG_GROUP,
                "CloudTrail: deliver " + ScvNames.CLOUDTRAIL_NAME + " events to " + ScvNames.TRAIL_LOG_GROUP + ".",
                new Trust.Service("cloudtrail.amazonaws.com", res.arns().account(),
                        List.of(res.arns().regional("cloudtrail", res.accountRegion(), "trail/" + ScvNames.CLOUDTRAIL_NAME))),
                new PrincipalStatements(res).of(PrincipalContracts.TRAIL_LOG_GROUP),
                List.of());
    }
}
