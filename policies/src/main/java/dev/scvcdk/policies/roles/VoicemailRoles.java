package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.LAMBDA;
import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.ManagedPolicies;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CommonGrants;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;

/** Roles of voicemail: capture from live media, transcription, packaging, and Salesforce's access. */
public final class VoicemailRoles {
    private final TenantResources res;
    private final CommonGrants grants;

    public VoicemailRoles(TenantResources res) {
        this.res = res;
        this.grants = new CommonGrants(res);
    }

    public List<RoleSpec> all() {
        return RoleSpecs.withTraces(grants,
                List.of(tenantBucketWriteAccess()));
    }

    RoleSpec tenantBucketWriteAccess() {
        return role(RoleNames.TENANT_BUCKET_WRITE_ACCESS,
                "Salesforce: store and read objects under voicemailmessages/ of the tenant buckets.",
                RoleSpecs.salesforce(res), List.of(), List.of(ManagedPolicies.S3_ACCESS));
    }

}
