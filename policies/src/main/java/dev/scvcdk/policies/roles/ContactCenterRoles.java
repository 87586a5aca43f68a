package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.statements.PrincipalStatements;
import dev.scvcdk.policies.statements.TenantResources;
import java.time.Duration;
import java.util.List;

/**
 * The roles of one contact center, named {@code <cc>-…}: agent console federation, recording control and recording
 * playback; their calls are declared in {@link PrincipalContracts#SAML}, {@link PrincipalContracts#CONNECT_CALL} and
 * {@link PrincipalContracts#S3}.
 */
public final class ContactCenterRoles {
    /** Salesforce plays long recordings; SCV allows 4 h sessions for playback. */
    public static final Duration S3_ROLE_MAX_SESSION = Duration.ofHours(4);

    private final TenantResources res;
    private final ContactCenterConfig cc;
    private final PrincipalStatements statements;

    public ContactCenterRoles(TenantResources res, ContactCenterConfig cc) {
        this.res = res;
        this.cc = cc;
        this.statements = new PrincipalStatements(res);
    }

    public List<RoleSpec> all() {
        return List.of(samlRole(), connectCallRole(), s3Role());
    }

    RoleSpec samlRole() {
        String provider = res.arns().samlProvider(ScvNames.samlProvider(res.config().salesforceOrgId()));
        return role(ScvNames.samlRole(cc.callCenterApiName()),
                "Agents and supervisors signed in through Salesforce: a Connect federation token for themselves only.",
                new Trust.SamlFederation(provider, res.config().partitionValue().samlAudience()),
                statements.of(PrincipalContracts.SAML, cc), List.of());
    }

    RoleSpec connectCallRole() {
        return role(ScvNames.connectCallRole(cc.callCenterApiName()),
                "Salesforce: suspend and resume call recording of this instance's contacts.",
                RoleSpecs.salesforce(res), statements.of(PrincipalContracts.CONNECT_CALL, cc), List.of());
    }

    RoleSpec s3Role() {
        return role(ScvNames.s3Role(cc.callCenterApiName()),
                "Salesforce: play this contact center's call recordings from the tenant bucket.",
                RoleSpecs.salesforce(res), statements.of(PrincipalContracts.S3, cc), List.of(), S3_ROLE_MAX_SESSION);
    }
}
