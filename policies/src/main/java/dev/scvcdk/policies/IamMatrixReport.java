package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.Effect;
import dev.scvcdk.policies.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The IAM matrix as a Markdown table for release notes: who may assume each role and how much it may do. */
public final class IamMatrixReport {
    /** SCV roles deliberately not created, with the reason. */
    public static final Map<String, String> ROLES_NOT_CREATED = Map.of(
            RoleNames.IDP_LAMBDA,
            "backs SCV's ProviderCreator function; here the SAML provider is a native `AWS::IAM::SAMLProvider`",
            RoleNames.RETENTION_PERIOD_FUNCTION,
            "backs SCV's log-cleanup function; here every log group carries its retention, so nothing deletes logs");

    private IamMatrixReport() {
    }

    /** Every role (account level, then each contact center's) with trust, managed policies and action count. */
    public static String markdown(TenantConfig config) {
        IamMatrix.AccountMatrix account = IamMatrix.account(config);
        Map<String, ManagedPolicySpec> policies = account.managedPolicies().stream()
                .collect(Collectors.toMap(ManagedPolicySpec::name, Function.identity()));
        List<RoleSpec> roles = new ArrayList<>(account.accountRoles());
        for (ContactCenterConfig cc : config.contactCenters()) {
            roles.addAll(IamMatrix.contactCenterRoles(config, cc));
        }
        StringBuilder md = new StringBuilder();
        md.append("| Role | Trust | Managed policies | Distinct actions |\n");
        md.append("|---|---|---|---|\n");
        for (RoleSpec role : roles) {
            md.append("| ").append(role.roleName())
                    .append(" | ").append(describe(role.trust()))
                    .append(" | ").append(role.managedPolicyNames().isEmpty() ? "—"
                            : String.join(", ", role.managedPolicyNames()))
                    .append(" | ").append(allowedActions(role, policies).size())
                    .append(" |\n");
        }
        md.append("\nRoles of SCV not created:\n\n");
        ROLES_NOT_CREATED.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append(".\n"));
        return md.toString();
    }

    /** The distinct actions a role is allowed by its inline statements and attached managed policies. */
    public static Set<String> allowedActions(RoleSpec role, Map<String, ManagedPolicySpec> policiesByName) {
        Set<String> actions = new TreeSet<>();
        collect(role.inlineStatements(), actions);
        for (String name : role.managedPolicyNames()) {
            ManagedPolicySpec policy = policiesByName.get(name);
            if (policy == null) {
                throw new IllegalArgumentException("role " + role.roleName() + " names unknown managed policy " + name);
            }
            collect(policy.statements(), actions);
        }
        return actions;
    }

    private static void collect(List<Statement> statements, Set<String> into) {
        statements.stream()
                .filter(s -> s.effect() == Effect.ALLOW)
                .forEach(s -> into.addAll(s.actions()));
    }

    static String describe(Trust trust) {
        if (trust instanceof Trust.Service service) {
            return "service `" + service.servicePrincipal() + "`"
                    + (service.sourceAccount() == null ? "" : " for account `" + service.sourceAccount() + "`")
                    + (service.sourceArns().isEmpty() ? "" : " and `" + String.join("`, `", service.sourceArns()) + "`");
        }
        if (trust instanceof Trust.SalesforceAccount sf) {
            return "Salesforce account " + sf.accountId() + " with sts:ExternalId";
        }
        Trust.SamlFederation saml = (Trust.SamlFederation) trust;
        return "SAML federation, saml:aud " + saml.audience();
    }
}
