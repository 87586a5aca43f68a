package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.statements.CallStatements;
import dev.scvcdk.policies.statements.CallStatements.Made;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.time.Duration;
import java.util.List;

/**
 * The roles of one contact center, named {@code <cc>-…}: agent console federation, recording
 * control and recording playback.
 */
public final class ContactCenterRoles {
    /** Salesforce plays long recordings; SCV allows 4 h sessions for playback. */
    public static final Duration S3_ROLE_MAX_SESSION = Duration.ofHours(4);

    private final TenantResources res;
    private final ContactCenterConfig cc;
    private final String instanceArn;

    public ContactCenterRoles(TenantResources res, ContactCenterConfig cc) {
        this.res = res;
        this.cc = cc;
        this.instanceArn = res.arns().connectInstance(cc.region(), cc.connectInstanceId());
    }

    public List<RoleSpec> all() {
        return List.of(samlRole(), connectCallRole(), s3Role());
    }

    RoleSpec samlRole() {
        String provider = res.arns().samlProvider(ScvNames.samlProvider(res.config().salesforceOrgId()));
        return role(ScvNames.samlRole(cc.callCenterApiName()),
                "Agents and supervisors signed in through Salesforce: a Connect federation token for themselves only.",
                new Trust.SamlFederation(provider, res.config().partitionValue().samlAudience()),
                List.of(Statements.allow("GetOwnFederationToken")
                        .actions("connect:GetFederationToken")
                        .resources(instanceArn + "/user/${aws:userid}")
                        .build()),
                List.of());
    }

    RoleSpec connectCallRole() {
        return role(ScvNames.connectCallRole(cc.callCenterApiName()),
                "Salesforce: suspend and resume call recording of this instance's contacts.",
                RoleSpecs.salesforce(res),
                List.of(Statements.allow("PauseAndResumeRecording")
                        .actions("connect:SuspendContactRecording", "connect:ResumeContactRecording")
                        .resources(instanceArn + "/contact/*")
                        .build()),
                List.of());
    }

    RoleSpec s3Role() {
        String bucket = res.tenantBucketName(cc);
        return role(ScvNames.s3Role(cc.callCenterApiName()),
                "Salesforce: play this contact center's call recordings from the tenant bucket.",
                RoleSpecs.salesforce(res),
                new CallStatements(res).statements(PrincipalContracts.S3.calls().stream()
                        .map(call -> new Made(call, List.of(cc)))
                        .toList()),
                List.of(), S3_ROLE_MAX_SESSION);
    }
}
