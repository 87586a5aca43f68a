package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.LAMBDA;
import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.statements.PrincipalStatements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.List;

/**
 * Roles that create and rotate credentials: the SCRT key pair (through AuthKeysSSMUtil) and the Salesforce secret.
 * Their calls are declared in {@link PrincipalContracts#UPDATE_CREDENTIAL} and
 * {@link PrincipalContracts#SECRET_CONFIGURATOR}.
 */
public final class CredentialRoles {
    private final TenantResources res;
    private final PrincipalStatements statements;

    public CredentialRoles(TenantResources res) {
        this.res = res;
        this.statements = new PrincipalStatements(res);
    }

    public List<RoleSpec> all() {
        return List.of(updateCredential(), secretConfigurator());
    }

    RoleSpec updateCredential() {
        // Only the published code behind `active` runs for Salesforce: never $LATEST or the unqualified function.
        return role(RoleNames.UPDATE_CREDENTIAL,
                "Salesforce: rotate the SCRT key pair through AuthKeysSSMUtilFunction's active alias.",
                RoleSpecs.salesforce(res), statements.of(PrincipalContracts.UPDATE_CREDENTIAL), List.of());
    }

    RoleSpec secretConfigurator() {
        return role(RoleNames.SECRET_CONFIGURATOR_LAMBDA,
                "SecretConfiguratorFunction: create and update the Salesforce org and certificate secret.",
                LAMBDA, statements.of(PrincipalContracts.SECRET_CONFIGURATOR), List.of());
    }
}
