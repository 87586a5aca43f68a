package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.ManagedPolicies;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.List;

/**
 * Salesforce's access to voicemail objects. Its one declared call ({@code PrincipalContracts.TENANT_BUCKET_WRITE_ACCESS})
 * is exactly the {@code SCVS3AccessPolicy} bundle, so the role attaches that policy and holds nothing inline. The
 * voicemail functions' roles are derived from their contracts ({@link FunctionRoles}).
 */
public final class VoicemailRoles {
    private final TenantResources res;

    public VoicemailRoles(TenantResources res) {
        this.res = res;
    }

    public List<RoleSpec> all() {
        return List.of(tenantBucketWriteAccess());
    }

    RoleSpec tenantBucketWriteAccess() {
        return role(RoleNames.TENANT_BUCKET_WRITE_ACCESS,
                "Salesforce: store and read objects under voicemailmessages/ of the tenant buckets.",
                RoleSpecs.salesforce(res), List.of(), List.of(ManagedPolicies.S3_ACCESS));
    }
}
