package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.declarations.Call;
import dev.scvcdk.policies.declarations.FunctionContract;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.policies.declarations.PrincipalContract;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.declarations.TenantKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Who may use each customer-managed key of a contact center, derived from the declared calls: every role whose
 * calls there carry a {@link dev.scvcdk.policies.declarations.KeyUse} of that key is named in its key policy, for
 * exactly those KMS actions and only through that service.
 */
public final class KeyPolicyGrants {
    private KeyPolicyGrants() {
    }

    /**
     * One key-policy statement.
     *
     * @param key       the key
     * @param service   the service the principals must call KMS through
     * @param actions   the KMS actions
     * @param roleArns  the principals
     */
    public record KeyGrant(TenantKey key, String service, List<String> actions, List<String> roleArns) {
        public KeyGrant {
            actions = List.copyOf(actions);
            roleArns = List.copyOf(roleArns);
        }
    }

    /** The grants of contact center {@code cc}'s keys, grouped by (key, service, actions), in a stable order. */
    public static List<KeyGrant> of(TenantConfig config, ContactCenterConfig cc) {
        ScvArns arns = ScvArns.forTenant(config);
        Map<Use, LinkedHashSet<String>> grouped = new LinkedHashMap<>();
        for (FunctionContract contract : FunctionContracts.all()) {
            if (contract.feature().enabledIn(cc)) {
                contract.allCalls().forEach(call -> add(grouped, call, arns.role(contract.roleName())));
            }
        }
        for (PrincipalContract contract : PrincipalContracts.all(config)) {
            String role = arns.role(PrincipalContracts.roleNameIn(contract, cc.callCenterApiName()));
            contract.calls().forEach(call -> add(grouped, call, role));
        }
        List<KeyGrant> grants = new ArrayList<>();
        grouped.forEach((use, roles) -> grants.add(new KeyGrant(use.key(), use.service(), use.actions(),
                new ArrayList<>(roles))));
        return grants;
    }

    /** What one key-policy statement groups by. */
    private record Use(TenantKey key, String service, List<String> actions) {
    }

    private static void add(Map<Use, LinkedHashSet<String>> grouped, Call call, String roleArn) {
        call.keyUse().filter(use -> use.key().customerManaged()).ifPresent(use -> grouped
                .computeIfAbsent(new Use(use.key(), use.service(), use.actions()), g -> new LinkedHashSet<>())
                .add(roleArn));
    }
}
