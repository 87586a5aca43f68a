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
 * Roles that configure the Amazon Connect instances SCV is bound to; their calls are declared in
 * {@link PrincipalContracts#AMAZON_CONNECT_MANAGEMENT} and {@link PrincipalContracts#CONNECT_CONFIGURATOR}.
 */
public final class ConnectManagementRoles {
    private final TenantResources res;
    private final PrincipalStatements statements;

    public ConnectManagementRoles(TenantResources res) {
        this.res = res;
        this.statements = new PrincipalStatements(res);
    }

    public List<RoleSpec> all() {
        return List.of(amazonConnectManagement(), connectConfiguratorLambda());
    }

    RoleSpec amazonConnectManagement() {
        return role(RoleNames.AMAZON_CONNECT_MANAGEMENT,
                "Salesforce: manage users, routing profiles, queues, quick connects, hours, numbers and flows.",
                RoleSpecs.salesforce(res), statements.of(PrincipalContracts.AMAZON_CONNECT_MANAGEMENT), List.of());
    }

    RoleSpec connectConfiguratorLambda() {
        return role(RoleNames.CONNECT_CONFIGURATOR_LAMBDA,
                "ConnectConfigurationFunction: associate storage, functions and approved origins with the instance.",
                LAMBDA, statements.of(PrincipalContracts.CONNECT_CONFIGURATOR), List.of());
    }
}
