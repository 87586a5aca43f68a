package dev.scvcdk.constructs.account;

import dev.scvcdk.constructs.audit.AuditTrail;
import dev.scvcdk.constructs.iam.ScvBoundary;
import dev.scvcdk.constructs.identity.SalesforceSamlProvider;
import dev.scvcdk.policies.StackNames;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The account-level SCV stack, one per AWS account, in the partition's IAM region ({@code us-east-1}): a stack
 * holding one {@link ScvAccount} (construct id {@value ScvAccount#WRAPPED_ID}, which CDK leaves out of logical
 * ids: the template is the one the stack had before the construct existed). Every role in the stack, CDK-made ones
 * included, carries the SCV boundary. The accessors are the construct's.
 */
public class ScvAccountStack extends Stack {
    private final ScvAccount account;

    public ScvAccountStack(Construct scope, String id, ScvAccountStackProps props) {
        super(scope, id, props.toStackProps());
        this.account = new ScvAccount(this, ScvAccount.WRAPPED_ID, props.accountProps());
        // the whole stack is SCV's: roles CDK adds at stack level later carry the boundary too
        ScvBoundary.applyTo(this, account.getPermissionsBoundary());
    }

    /** The account construct this stack holds ({@code getAccount()} is the stack's AWS account). */
    public ScvAccount getScvAccount() {
        return account;
    }

    public TenantConfig getTenantConfig() {
        return account.getTenantConfig();
    }

    /** @see ScvAccount#getStackNames() */
    public StackNames getStackNames() {
        return account.getStackNames();
    }

    /** @see ScvAccount#getPermissionsBoundary() */
    public IManagedPolicy getPermissionsBoundary() {
        return account.getPermissionsBoundary();
    }

    /** @see ScvAccount#getManagedPolicies() */
    public Map<String, ManagedPolicy> getManagedPolicies() {
        return account.getManagedPolicies();
    }

    /** @see ScvAccount#getRoles() */
    public Map<String, Role> getRoles() {
        return account.getRoles();
    }

    /** @see ScvAccount#getRole(String) */
    public Role getRole(String roleName) {
        return account.getRole(roleName);
    }

    public SalesforceSamlProvider getSamlProvider() {
        return account.getSamlProvider();
    }

    public AuditTrail getAuditTrail() {
        return account.getAuditTrail();
    }

    /** The bucket the audit trail writes its log files to. */
    public Bucket getTrailBucket() {
        return account.getTrailBucket();
    }
}
