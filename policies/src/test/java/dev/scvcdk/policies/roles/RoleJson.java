package dev.scvcdk.policies.roles;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.PolicyJson;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;

/** Rendered inline statements of one account-level role. */
final class RoleJson {
    private RoleJson() {
    }

    static List<Map<String, Object>> inline(TenantConfig config, String roleName) {
        RoleSpec role = IamMatrix.accountRole(config, roleName);
        return PolicyJson.render(role.inlineStatements());
    }
}
