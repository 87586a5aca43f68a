package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.LAMBDA;
import static dev.scvcdk.policies.roles.RoleSpecs.role;

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

/** Roles that create and rotate credentials: the SecureStrings, the SCRT key pair, the Salesforce secret. */
public final class CredentialRoles {
    private final TenantResources res;
    private final CommonGrants grants;

    public CredentialRoles(TenantResources res) {
        this.res = res;
        this.grants = new CommonGrants(res);
    }

    public List<RoleSpec> all() {
        return RoleSpecs.withTraces(grants,
                List.of(updateCredential(), secretConfigurator()));
    }

    RoleSpec updateCredential() {
        // Only the published code behind `active` runs for Salesforce: never $LATEST or the unqualified function.
        return role(RoleNames.UPDATE_CREDENTIAL,
                "Salesforce: rotate the SCRT key pair through AuthKeysSSMUtilFunction's active alias.",
                RoleSpecs.salesforce(res),
                List.of(grants.invokeAlias("InvokeAuthKeysSsmUtil", Function.AUTH_KEYS_SSM_UTIL)),
                List.of());
    }

    RoleSpec secretConfigurator() {
        List<Statement> inline = new ArrayList<>();
        inline.add(Statements.allow("ManageSalesforceCredentials")
                .actions("secretsmanager:CreateSecret", "secretsmanager:PutSecretValue",
                        "secretsmanager:UpdateSecret", "secretsmanager:DescribeSecret", "secretsmanager:TagResource")
                .resources(res.salesforceSecrets())
                .build());
        inline.add(grants.secretKey("EncryptSalesforceCredentials", "kms:GenerateDataKey", "kms:Decrypt"));
        inline.add(grants.logs(res.logStreamsOfNamed(ScvNames::secretConfiguratorFunction)));
        return role(RoleNames.SECRET_CONFIGURATOR_LAMBDA,
                "SecretConfiguratorFunction: create and update the Salesforce org and certificate secret.",
                LAMBDA, inline, List.of());
    }
}
