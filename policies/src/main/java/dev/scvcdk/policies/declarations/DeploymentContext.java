package dev.scvcdk.policies.declarations;

import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;

/**
 * What an environment value is computed from: the tenant, the contact center the function runs in, and the
 * deployment's log level.
 */
public record DeploymentContext(TenantConfig config, ContactCenterConfig cc, String logLevel) {

    public ScvArns arns() {
        return ScvArns.forTenant(config);
    }

    public String callCenter() {
        return cc.callCenterApiName();
    }
}
