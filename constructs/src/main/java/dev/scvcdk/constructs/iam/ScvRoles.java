package dev.scvcdk.constructs.iam;

import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.Trust;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.FromRoleNameOptions;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.RoleProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * Turns the IAM matrix's {@link RoleSpec}s into roles, and imports SCV roles by name.
 *
 * <p>The statements, names and trust come from the matrix; this class only decides how they are
 * expressed in CloudFormation: inline statements as one inline policy on the role itself (so anything
 * depending on the role also waits for its permissions), managed policies by reference, and the
 * permission boundary on the role.
 */
public final class ScvRoles {
    private ScvRoles() {
    }

    /** Condition key Salesforce's account must satisfy to assume a role. */
    public static final String EXTERNAL_ID_KEY = "sts:ExternalId";

    /** Condition key restricting SAML federation to the console sign-in endpoint. */
    public static final String SAML_AUDIENCE_KEY = "saml:aud";

    /**
     * Creates the role {@code spec} describes.
     *
     * @param managedPolicies the {@code /scv/} managed policies by name; must hold every name the spec attaches
     * @param boundary        the permission boundary the role carries
     * @throws IllegalArgumentException naming the role and the managed policies that are not in {@code managedPolicies}
     */
    public static Role create(Construct scope, String id, RoleSpec spec, IManagedPolicy boundary,
            Map<String, ? extends IManagedPolicy> managedPolicies) {
        List<String> missing = spec.managedPolicyNames().stream()
                .filter(name -> !managedPolicies.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Role '" + spec.roleName() + "' attaches managed policies " + missing
                    + " that are not among the policies created: " + managedPolicies.keySet()
                    + " (every attached policy must be created first)");
        }
        List<IManagedPolicy> attached = new ArrayList<>();
        spec.managedPolicyNames().forEach(name -> attached.add(managedPolicies.get(name)));

        RoleProps.Builder props = RoleProps.builder()
                .roleName(spec.roleName())
                .description(spec.description())
                .assumedBy(principal(spec.trust()))
                .permissionsBoundary(boundary)
                .managedPolicies(attached);
        if (!spec.inlineStatements().isEmpty()) {
            props.inlinePolicies(Map.of(spec.inlinePolicyName(), IamRender.document(spec.inlineStatements())));
        }
        if (spec.maxSession() != null) {
            props.maxSessionDuration(Duration.seconds(spec.maxSession().toSeconds()));
        }
        return new Role(scope, id, props.build());
    }

    /**
     * The principal a {@link Trust} stands for, with its conditions: a service; Salesforce's account
     * only with its external id; SAML federation only through the console audience.
     */
    public static IPrincipal principal(Trust trust) {
        if (trust instanceof Trust.Service service) {
            ServicePrincipal principal = new ServicePrincipal(service.servicePrincipal());
            return service.conditions().isEmpty() ? principal
                    : principal.withConditions(IamRender.conditions(service.conditions()));
        }
        if (trust instanceof Trust.SalesforceAccount account) {
            return new AccountPrincipal(account.accountId())
                    .withConditions(Map.of("StringEquals", Map.of(EXTERNAL_ID_KEY, account.externalId())));
        }
        if (trust instanceof Trust.SamlFederation saml) {
            return new FederatedPrincipal(IamRender.string(saml.samlProviderArn()),
                    Map.of("StringEquals", Map.of(SAML_AUDIENCE_KEY, saml.audience())),
                    "sts:AssumeRoleWithSAML");
        }
        throw new IllegalArgumentException("Unsupported trust " + trust);
    }

    /**
     * An existing SCV role by its name (e.g. one the account stack created), read-only: CDK must not
     * add statements to a role it does not own, so grants on it are dropped instead of silently
     * widening a role shared by every contact center.
     */
    public static IRole importByName(Construct scope, String id, String roleName) {
        return Role.fromRoleName(scope, id, roleName, FromRoleNameOptions.builder().mutable(false).build());
    }

    /**
     * A stable PascalCase construct id for an SCV role name: {@code acmesupport-SAMLRole} becomes
     * {@code AcmesupportSAMLRole}; {@code SCVProvisioningRole} stays as it is.
     */
    public static String constructId(String roleName) {
        StringBuilder id = new StringBuilder();
        boolean upperNext = true;
        for (char c : roleName.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upperNext = true;
                continue;
            }
            id.append(upperNext ? Character.toUpperCase(c) : c);
            upperNext = false;
        }
        return id.toString();
    }
}
