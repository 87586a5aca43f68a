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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who may use each customer-managed key of a contact center, derived from the declared calls: every role whose
 * calls there carry a {@link dev.scvcdk.policies.declarations.KeyUse} of that key is named in its key policy, for
 * exactly those KMS actions and only through that service; every role that calls KMS on the key directly (its call
 * names the key by {@code kms:ResourceAliases}) is named for exactly those actions, under the call's other
 * conditions.
 */
public final class KeyPolicyGrants {
    private KeyPolicyGrants() {
    }

    /**
     * One key-policy statement.
     *
     * @param key        the key
     * @param service    the service the principals must call KMS through; {@code null} for a direct call
     * @param actions    the KMS actions
     * @param roleArns   the principals
     * @param conditions what a direct call is always made with (e.g. {@code kms:GrantIsForAWSResource}); empty for
     *                   a call through a service, whose condition is the service
     */
    public record KeyGrant(TenantKey key, String service, List<String> actions, List<String> roleArns,
            Map<String, Map<String, List<String>>> conditions) {
        public KeyGrant {
            actions = List.copyOf(actions);
            roleArns = List.copyOf(roleArns);
            // sorted: the key policy renders them in this order, the same in every JVM
            conditions = Collections.unmodifiableMap(new TreeMap<>(conditions));
        }

        /** A grant through {@code service}. */
        public KeyGrant(TenantKey key, String service, List<String> actions, List<String> roleArns) {
            this(key, service, actions, roleArns, Map.of());
        }

        /** Whether the principals call KMS on the key themselves, not through a service. */
        public boolean direct() {
            return service == null;
        }
    }

    /** The grants of contact center {@code cc}'s keys, grouped by (key, service, actions), in a stable order. */
    public static List<KeyGrant> of(TenantConfig config, ContactCenterConfig cc) {
        ScvArns arns = ScvArns.forTenant(config);
        Map<Use, LinkedHashSet<String>> grouped = new LinkedHashMap<>();
        for (FunctionContract contract : FunctionContracts.all()) {
            if (contract.feature().enabledIn(cc)) {
                contract.allCalls().forEach(call -> add(grouped, call, arns.role(contract.roleName()), arns, cc));
            }
        }
        for (PrincipalContract contract : PrincipalContracts.all(config)) {
            String role = arns.role(PrincipalContracts.roleNameIn(contract, cc.callCenterApiName()));
            contract.calls().forEach(call -> add(grouped, call, role, arns, cc));
        }
        List<KeyGrant> grants = new ArrayList<>();
        grouped.forEach((use, roles) -> grants.add(new KeyGrant(use.key(), use.service(), use.actions(),
                new ArrayList<>(roles), use.conditions())));
        return grants;
    }

    /** What one key-policy statement groups by. */
    private record Use(TenantKey key, String service, List<String> actions,
            Map<String, Map<String, List<String>>> conditions) {
    }

    private static void add(Map<Use, LinkedHashSet<String>> grouped, Call call, String roleArn, ScvArns arns,
            ContactCenterConfig cc) {
        call.keyUse().filter(use -> use.key().customerManaged()).ifPresent(use -> grouped
                .computeIfAbsent(new Use(use.key(), use.service(), use.actions(), Map.of()),
                        g -> new LinkedHashSet<>())
                .add(roleArn));
        directKey(call).ifPresent(key -> grouped
                .computeIfAbsent(new Use(key, null, call.actions(), otherConditions(call, arns, cc)),
                        g -> new LinkedHashSet<>())
                .add(roleArn));
    }

    /** The customer-managed key a direct KMS call names by {@code kms:ResourceAliases}, if it names one. */
    private static Optional<TenantKey> directKey(Call call) {
        if (call.keyUse().isPresent() || call.actions().stream().anyMatch(a -> !a.startsWith("kms:"))) {
            return Optional.empty();
        }
        return call.conditions().values().stream()
                .flatMap(byKey -> byKey.getOrDefault(RESOURCE_ALIASES, List.of()).stream())
                .flatMap(alias -> Arrays.stream(TenantKey.values())
                        .filter(key -> key.customerManaged() && alias.equals(Call.keyAlias(key))))
                .findFirst();
    }

    /** The call's conditions but the alias that names the key (the key policy is that key's), values concrete. */
    private static Map<String, Map<String, List<String>>> otherConditions(Call call, ScvArns arns,
            ContactCenterConfig cc) {
        Map<String, Map<String, List<String>>> conditions = new TreeMap<>();
        call.conditions().forEach((operator, byKey) -> byKey.forEach((key, values) -> {
            if (!key.equals(RESOURCE_ALIASES)) {
                conditions.computeIfAbsent(operator, o -> new TreeMap<>()).put(key, values.stream()
                        .map(value -> Call.conditionValueIn(value, arns, cc)).toList());
            }
        }));
        return conditions;
    }

    private static final String RESOURCE_ALIASES = "kms:ResourceAliases";
}
