package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.PrincipalStatements;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SCVProvisioningRole}: its grants are derived from {@link PrincipalContracts#provisioning}, plus one guard
 * that is no grant: it may never change the roles Salesforce assumes, itself included.
 */
public final class ProvisioningRole {
    /** IAM actions that change a role's permissions; all carry the {@code iam:PermissionsBoundary} condition. */
    public static final List<String> IAM_PERMISSION_WRITES = List.of(
            "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy");

    /** IAM role writes that change no permission; see {@link PrincipalContracts#IAM_METADATA_WRITES}. */
    public static final List<String> IAM_METADATA_WRITES = PrincipalContracts.IAM_METADATA_WRITES;

    /** The deny guarding the roles Salesforce assumes; it follows the grants it guards. */
    static final String GUARD_AFTER_SID = "IAMAttachScvPolicies";

    private final TenantResources res;
    private final List<String> salesforceRoleNames;

    /**
     * @param salesforceRoleNames the other account-level roles Salesforce may assume; provisioning may not change
     *                            them (nor itself), or it could widen its own reach
     */
    public ProvisioningRole(TenantResources res, List<String> salesforceRoleNames) {
        this.res = res;
        this.salesforceRoleNames = List.copyOf(salesforceRoleNames);
    }

    /**
     * Roles Salesforce can assume (this one included), directly or, for the SAML roles, through the
     * identity provider it runs: never changed through this role.
     */
    public List<String> salesforceAssumableRoleArns() {
        List<String> arns = new ArrayList<>();
        arns.add(res.arns().role(RoleNames.PROVISIONING));
        salesforceRoleNames.stream().map(res.arns()::role).forEach(arns::add);
        for (ContactCenterConfig cc : res.contactCenters()) {
            arns.add(res.arns().role(ScvNames.samlRole(cc.callCenterApiName())));
            arns.add(res.arns().role(ScvNames.connectCallRole(cc.callCenterApiName())));
            arns.add(res.arns().role(ScvNames.s3Role(cc.callCenterApiName())));
        }
        return arns;
    }

    public RoleSpec spec() {
        List<Statement> inline = new ArrayList<>(
                new PrincipalStatements(res).of(PrincipalContracts.provisioning(res.config())));
        Statement guard = Statements.deny("IAMDenyChangesToSalesforceAssumableRoles")
                .actions(IAM_PERMISSION_WRITES)
                .actions(IAM_METADATA_WRITES)
                .resources(salesforceAssumableRoleArns())
                .build();
        int after = inline.stream().map(Statement::sid).toList().indexOf(GUARD_AFTER_SID);
        inline.add(after + 1, guard);
        return role(RoleNames.PROVISIONING,
                "Salesforce: configure the Connect instances and SCV resources after setup (by SCV name only).",
                RoleSpecs.salesforce(res), inline, List.of());
    }
}
