package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.Partition;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.IamJson;
import dev.scvcdk.policies.iam.PolicyDocument;
import dev.scvcdk.policies.iam.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IAM's size quotas, checked on the matrix before anything is deployed: a tenant with too many
 * contact centers would otherwise synthesize and then fail half-way through a deployment.
 *
 * <p>Sizes are counted the way IAM counts them: the policy JSON as CloudFormation submits it
 * ({@link PolicyDocument#toJson()}), without whitespace. The {@code ${AWS::AccountId}}
 * pseudo-parameter of an environment-agnostic config counts as the 12 characters of an account id.
 */
public final class IamPolicySizes {
    /** All inline policies of one role together. */
    public static final int ROLE_INLINE_LIMIT = 10_240;
    /** One customer-managed policy (also the permission boundary). */
    public static final int MANAGED_POLICY_LIMIT = 6_144;
    /** A role's trust policy (IAM's default quota). */
    public static final int TRUST_POLICY_LIMIT = 2_048;
    /** Managed policies attached to one role (IAM's default quota). */
    public static final int MANAGED_POLICIES_PER_ROLE_LIMIT = 10;

    static final int ACCOUNT_ID_LENGTH = 12;
    /** {@code {"Statement":[} and {@code ],"Version":"2012-10-17"}} around the statements. */
    static final int DOCUMENT_FRAME = 39;
    private static final String MEASURED_ACCOUNT_ID = "0".repeat(ACCOUNT_ID_LENGTH);

    private IamPolicySizes() {
    }

    /**
     * Every size problem of the tenant's matrix (account roles, contact-center roles, {@code /scv/}
     * managed policies, the boundary when this project creates it), each naming the role or policy,
     * the measured size, the limit and the contact-center count. Empty when everything fits.
     */
    public static List<String> check(TenantConfig config) {
        return check(config, IamMatrix.account(config));
    }

    /** As {@link #check(TenantConfig)}, on the account matrix already computed for {@code config}. */
    public static List<String> check(TenantConfig config, IamMatrix.AccountMatrix account) {
        return check(config, account, StackNames.defaults(config));
    }

    /** As {@link #check(TenantConfig, IamMatrix.AccountMatrix)}, the tenant's stacks named {@code stackNames}. */
    public static List<String> check(TenantConfig config, IamMatrix.AccountMatrix account, StackNames stackNames) {
        int contactCenters = config.contactCenters().size();
        List<String> problems = new ArrayList<>();
        List<RoleSpec> roles = new ArrayList<>(account.accountRoles());
        for (ContactCenterConfig cc : config.contactCenters()) {
            roles.addAll(IamMatrix.contactCenterRoles(config, cc));
        }
        roles.forEach(role -> problems.addAll(checkRole(role, contactCenters)));
        account.managedPolicies().forEach(policy -> problems.addAll(checkManagedPolicy(policy, contactCenters)));
        if (config.permissionBoundaryArnValue().isEmpty()) {
            problems.addAll(checkSize("permission boundary " + ScvNames.BOUNDARY_POLICY_NAME,
                    characters(IamMatrix.permissionBoundary(config, stackNames)), MANAGED_POLICY_LIMIT, "a managed policy",
                    contactCenters));
        }
        return List.copyOf(problems);
    }

    /** Throws {@link IllegalStateException} listing every problem {@link #check} finds. */
    public static void validate(TenantConfig config) {
        List<String> problems = check(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the SCV IAM matrix exceeds IAM's limits:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** A role's inline policy, trust policy and number of managed policies against IAM's quotas. */
    public static List<String> checkRole(RoleSpec role, int contactCenters) {
        List<String> problems = new ArrayList<>();
        problems.addAll(checkSize("role " + role.roleName() + " inline policies", characters(role.inlineStatements()),
                ROLE_INLINE_LIMIT, "a role's inline policies", contactCenters));
        problems.addAll(checkSize("role " + role.roleName() + " trust policy", trustCharacters(role.trust()),
                TRUST_POLICY_LIMIT, "a trust policy", contactCenters));
        int attached = role.managedPolicyNames().size();
        if (attached > MANAGED_POLICIES_PER_ROLE_LIMIT) {
            problems.add(String.format(Locale.ROOT,
                    "role %s has %d managed policies attached, over IAM's limit of %d per role, with %d contact centers",
                    role.roleName(), attached, MANAGED_POLICIES_PER_ROLE_LIMIT, contactCenters));
        }
        return problems;
    }

    public static List<String> checkManagedPolicy(ManagedPolicySpec policy, int contactCenters) {
        return checkSize("managed policy " + policy.name(), characters(policy.statements()), MANAGED_POLICY_LIMIT,
                "a managed policy", contactCenters);
    }

    private static List<String> checkSize(String what, int size, int limit, String limitOf, int contactCenters) {
        if (size <= limit) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT,
                "%s: %,d characters (without whitespace), over IAM's limit of %,d for %s, with %d contact centers",
                what, size, limit, limitOf, contactCenters));
    }

    /** Size of the policy document holding {@code statements}, as IAM counts it; 0 when there are none. */
    public static int characters(List<Statement> statements) {
        if (statements.isEmpty()) {
            return 0;
        }
        return characters(new PolicyDocument(statements));
    }

    /** Size of a policy document as IAM counts it (its compact JSON, without whitespace). */
    public static int characters(PolicyDocument document) {
        return measured(document.toJson());
    }

    /** Size of one statement within a document; a document is {@link #DOCUMENT_FRAME} + statements + commas. */
    static int statementCharacters(Statement statement) {
        return characters(List.of(statement)) - DOCUMENT_FRAME;
    }

    private static int measured(String json) {
        String deployed = json.replace(ScvArns.ACCOUNT_PSEUDO_PARAMETER, MEASURED_ACCOUNT_ID);
        return (int) deployed.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** The trust policy the constructs render for {@code trust} (as CDK renders its principal), measured the same way. */
    static int trustCharacters(Trust trust) {
        Map<String, Object> statement = new LinkedHashMap<>();
        String action = "sts:AssumeRole";
        Map<String, Object> principal;
        Map<String, Object> condition = null;
        if (trust instanceof Trust.Service service) {
            principal = Map.of("Service", service.servicePrincipal());
            if (!service.conditions().isEmpty()) {
                condition = Map.copyOf(service.conditions());
            }
        } else if (trust instanceof Trust.SalesforceAccount salesforce) {
            // measured in the partition with the longest name, so either partition fits
            principal = Map.of("AWS", new ScvArns(Partition.AWS_US_GOV.id(), salesforce.accountId())
                    .accountRoot(salesforce.accountId()));
            condition = Map.of("StringEquals", Map.of("sts:ExternalId", salesforce.externalId()));
        } else if (trust instanceof Trust.SamlFederation saml) {
            action = "sts:AssumeRoleWithSAML";
            principal = Map.of("Federated", saml.samlProviderArn());
            condition = Map.of("StringEquals", Map.of("SAML:aud", saml.audience()));
        } else {
            throw new IllegalArgumentException("unknown trust " + trust);
        }
        statement.put("Action", action);
        if (condition != null) {
            statement.put("Condition", condition);
        }
        statement.put("Effect", "Allow");
        statement.put("Principal", principal);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Statement", List.of(statement));
        document.put("Version", PolicyDocument.VERSION);
        return measured(IamJson.compact(document));
    }
}
