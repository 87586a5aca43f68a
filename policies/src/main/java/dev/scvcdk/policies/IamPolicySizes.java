package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.Partition;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/**
 * IAM's size quotas, checked on the matrix before anything is deployed: a tenant with too many
 * contact centers would otherwise synthesize and then fail half-way through a deployment.
 *
 * <p>Sizes are counted the way IAM counts them: the policy JSON as CloudFormation submits it,
 * without whitespace. An {@code AWS::AccountId} reference (environment-agnostic config) counts as
 * the 12 characters of an account id; any other unresolved value counts as its JSON, which is
 * longer than anything it can resolve to.
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
    /** Resolving needs a scope; one stack serves every measurement (resolving changes nothing in it). */
    private static final Stack RESOLVER = new Stack();
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
                    characters(IamMatrix.permissionBoundary(config)), MANAGED_POLICY_LIMIT, "a managed policy",
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
    public static int characters(List<PolicyStatement> statements) {
        if (statements.isEmpty()) {
            return 0;
        }
        return characters(PolicyDocument.Builder.create().statements(statements).build());
    }

    /** Size of a policy document as IAM counts it (rendered as CloudFormation would, without whitespace). */
    public static int characters(PolicyDocument document) {
        return rendered(RESOLVER.resolve(document));
    }

    /** Size of one statement within a document; a document is {@link #DOCUMENT_FRAME} + statements + commas. */
    static int statementCharacters(PolicyStatement statement) {
        return characters(List.of(statement)) - DOCUMENT_FRAME;
    }

    private static int rendered(Object rendered) {
        if (rendered == null) {
            return 0;
        }
        StringBuilder json = new StringBuilder();
        write(rendered, json);
        return (int) json.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** The trust policy the constructs render for {@code trust}, measured the same way. */
    static int trustCharacters(Trust trust) {
        PolicyStatement.Builder statement = PolicyStatement.Builder.create();
        IPrincipal principal;
        if (trust instanceof Trust.Service service) {
            principal = service.conditions().isEmpty() ? new ServicePrincipal(service.servicePrincipal())
                    : new ServicePrincipal(service.servicePrincipal()).withConditions(Map.copyOf(service.conditions()));
        } else if (trust instanceof Trust.SalesforceAccount salesforce) {
            // measured in the partition with the longest name, so either partition fits
            String root = new ScvArns(Partition.AWS_US_GOV.id(), salesforce.accountId())
                    .accountRoot(salesforce.accountId());
            principal = new ArnPrincipal(root)
                    .withConditions(Map.of("StringEquals", Map.of("sts:ExternalId", salesforce.externalId())));
        } else if (trust instanceof Trust.SamlFederation saml) {
            principal = new FederatedPrincipal(saml.samlProviderArn(),
                    Map.of("StringEquals", Map.of("SAML:aud", saml.audience())), "sts:AssumeRoleWithSAML");
        } else {
            throw new IllegalArgumentException("unknown trust " + trust);
        }
        statement.principals(List.of(principal)).actions(List.of(principal.getAssumeRoleAction()));
        if (principal.getPolicyFragment().getConditions() != null
                && !principal.getPolicyFragment().getConditions().isEmpty()) {
            statement.conditions(principal.getPolicyFragment().getConditions());
        }
        return characters(List.of(statement.build()));
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Map<?, ?> map) {
            String joined = joinedString(map);
            if (joined != null) {
                quote(joined, out);
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    /**
     * {@code {"Fn::Join": ["", [..., {"Ref": "AWS::AccountId"}, ...]]}} as the string CloudFormation
     * makes of it, with a 12-character account id; {@code null} for anything else.
     */
    private static String joinedString(Map<?, ?> map) {
        if (map.size() != 1 || !(map.get("Fn::Join") instanceof List<?> join) || join.size() != 2
                || !(join.get(0) instanceof String delimiter) || !(join.get(1) instanceof List<?> parts)) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof String s) {
                strings.add(s);
            } else if (part instanceof Map<?, ?> ref && ref.size() == 1 && "AWS::AccountId".equals(ref.get("Ref"))) {
                strings.add(MEASURED_ACCOUNT_ID);
            } else {
                return null;
            }
        }
        return String.join(delimiter, strings);
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
