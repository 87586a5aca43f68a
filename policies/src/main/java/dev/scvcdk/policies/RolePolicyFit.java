package dev.scvcdk.policies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Keeps a role within IAM's inline-policy quota as contact centers are added: when a role's inline
 * statements outgrow {@link IamPolicySizes#ROLE_INLINE_LIMIT}, its largest statements move whole
 * into customer-managed policies of that role only ({@code /scv/<Role>Policy-<Sid>}, each within
 * {@link IamPolicySizes#MANAGED_POLICY_LIMIT}). A statement too large for one managed policy is cut
 * into parts by its resources (or by its longest condition value list): each part grants a subset,
 * and together they grant exactly what the statement did. Nothing is widened or dropped. A shared
 * {@code /scv/} policy that outgrows its quota continues the same way in {@code <name>-Part2} ….
 */
final class RolePolicyFit {
    /** Condition operators whose value list is an OR, so splitting the list splits the grant exactly. */
    private static final Set<String> SPLITTABLE_OPERATORS = Set.of(
            "StringEquals", "StringLike", "ArnEquals", "ArnLike", "ForAnyValue:StringEquals", "ForAnyValue:StringLike");

    /** A role as deployed: fitted inline statements plus the managed policies created for it alone. */
    record Fitted(RoleSpec role, List<ManagedPolicySpec> ownPolicies) {
    }

    private RolePolicyFit() {
    }

    /** Document sizes from statement sizes, each statement rendered once. */
    private static final class Sizer {
        private final Map<PolicyStatement, Integer> sizes = new IdentityHashMap<>();

        int of(PolicyStatement statement) {
            return sizes.computeIfAbsent(statement, IamPolicySizes::statementCharacters);
        }

        int of(List<PolicyStatement> statements) {
            if (statements.isEmpty()) {
                return 0;
            }
            return IamPolicySizes.DOCUMENT_FRAME + statements.stream().mapToInt(this::of).sum() + statements.size() - 1;
        }
    }

    static Fitted fit(RoleSpec role) {
        // one rendering when the role fits (almost always); statement by statement only when it does not
        if (IamPolicySizes.characters(role.inlineStatements()) <= IamPolicySizes.ROLE_INLINE_LIMIT) {
            return new Fitted(role, List.of());
        }
        Sizer size = new Sizer();
        List<PolicyStatement> inline = new ArrayList<>(role.inlineStatements());
        List<PolicyStatement> largestFirst = new ArrayList<>(inline);
        largestFirst.sort(Comparator.comparingInt((PolicyStatement s) -> size.of(s)).reversed());
        List<PolicyStatement> moved = new ArrayList<>();
        for (PolicyStatement statement : largestFirst) {
            if (size.of(inline) <= IamPolicySizes.ROLE_INLINE_LIMIT) {
                break;
            }
            inline.remove(statement);
            moved.add(statement);
        }
        List<PolicyStatement> parts = new ArrayList<>();
        moved.forEach(statement -> parts.addAll(splitToFit(statement, size)));
        List<ManagedPolicySpec> policies = pack(role.roleName(), parts, size);
        List<String> attached = new ArrayList<>(role.managedPolicyNames());
        policies.forEach(p -> attached.add(p.name()));
        return new Fitted(role.withInlineStatements(inline).withManagedPolicyNames(attached), policies);
    }

    /** {@code SCVProvisioningRole} → {@code SCVProvisioningPolicy-<sid>}. */
    static String policyName(String roleName, String sid) {
        String base = roleName.endsWith("Role") ? roleName.substring(0, roleName.length() - 4) : roleName;
        return base + "Policy-" + sid;
    }

    /** First-fit: each policy is named after the first (largest) statement it holds. */
    private static List<ManagedPolicySpec> pack(String roleName, List<PolicyStatement> parts, Sizer size) {
        return bins(parts, size).stream()
                .map(bin -> new ManagedPolicySpec(policyName(roleName, bin.get(0).getSid()),
                        "Part of " + roleName + "'s own permissions, moved out of its inline policy to fit IAM's quota.",
                        bin))
                .toList();
    }

    private static List<List<PolicyStatement>> bins(List<PolicyStatement> parts, Sizer size) {
        List<List<PolicyStatement>> bins = new ArrayList<>();
        for (PolicyStatement part : parts) {
            List<PolicyStatement> target = null;
            for (List<PolicyStatement> bin : bins) {
                List<PolicyStatement> candidate = new ArrayList<>(bin);
                candidate.add(part);
                if (size.of(candidate) <= IamPolicySizes.MANAGED_POLICY_LIMIT) {
                    target = bin;
                    break;
                }
            }
            if (target == null) {
                target = new ArrayList<>();
                bins.add(target);
            }
            target.add(part);
        }
        return bins;
    }

    /**
     * A shared policy as it is created: itself when it fits IAM's quota, else itself holding what
     * fits and {@code <name>-Part2}, {@code -Part3} … with the rest; every role it is attached to
     * gets all of them.
     */
    static List<ManagedPolicySpec> fitShared(ManagedPolicySpec policy) {
        if (IamPolicySizes.characters(policy.statements()) <= IamPolicySizes.MANAGED_POLICY_LIMIT) {
            return List.of(policy);
        }
        Sizer size = new Sizer();
        List<PolicyStatement> parts = new ArrayList<>();
        policy.statements().forEach(statement -> parts.addAll(splitToFit(statement, size)));
        List<List<PolicyStatement>> bins = bins(parts, size);
        List<ManagedPolicySpec> policies = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            policies.add(new ManagedPolicySpec(i == 0 ? policy.name() : policy.name() + "-Part" + (i + 1),
                    policy.description(), bins.get(i)));
        }
        return policies;
    }

    /** The statement itself when it fits a managed policy, else parts that each fit and together equal it. */
    static List<PolicyStatement> splitToFit(PolicyStatement statement) {
        return splitToFit(statement, new Sizer());
    }

    private static List<PolicyStatement> splitToFit(PolicyStatement statement, Sizer size) {
        if (fits(statement, size)) {
            return List.of(statement);
        }
        List<PolicyStatement> fitting = new ArrayList<>();
        for (PolicyStatement byResources : byResources(statement, size)) {
            fitting.addAll(fits(byResources, size) ? List.of(byResources) : byCondition(byResources, size));
        }
        if (fitting.size() > 99) {
            throw new IllegalStateException("statement " + statement.getSid() + " would need " + fitting.size()
                    + " managed policies");
        }
        List<PolicyStatement> named = new ArrayList<>();
        for (int i = 0; i < fitting.size(); i++) {
            named.add(copy(fitting.get(i), statement.getSid() + "Part" + (i + 1), fitting.get(i).getResources(),
                    conditions(fitting.get(i))));
        }
        return named;
    }

    /** Parts are measured under the longest Sid they can get ({@code <sid>Part99}). */
    private static String partSid(PolicyStatement statement) {
        String sid = statement.getSid();
        return sid.matches(".*Part99") ? sid : sid + "Part99";
    }

    private static boolean fits(PolicyStatement statement, Sizer size) {
        return size.of(List.of(statement)) <= IamPolicySizes.MANAGED_POLICY_LIMIT;
    }

    private static List<PolicyStatement> byResources(PolicyStatement statement, Sizer size) {
        List<String> resources = statement.getResources();
        if (resources.size() < 2) {
            return List.of(statement);
        }
        Map<String, Map<String, Object>> conditions = conditions(statement);
        return chunks(resources, sub -> copy(statement, partSid(statement), sub, conditions), size);
    }

    /** Splits the longest value list of an OR-condition (the resources being a single ARN). */
    private static List<PolicyStatement> byCondition(PolicyStatement statement, Sizer size) {
        Map<String, Map<String, Object>> conditions = conditions(statement);
        String operator = null;
        String key = null;
        int longest = 1;
        for (Map.Entry<String, Map<String, Object>> byOperator : conditions.entrySet()) {
            if (!SPLITTABLE_OPERATORS.contains(byOperator.getKey())) {
                continue;
            }
            for (Map.Entry<String, Object> byKey : byOperator.getValue().entrySet()) {
                if (byKey.getValue() instanceof List<?> values && values.size() > longest) {
                    operator = byOperator.getKey();
                    key = byKey.getKey();
                    longest = values.size();
                }
            }
        }
        if (operator == null) {
            throw tooLarge(statement);
        }
        String op = operator;
        String k = key;
        List<?> values = (List<?>) conditions.get(operator).get(key);
        return chunks(values, sub -> copy(statement, partSid(statement), statement.getResources(),
                withValues(conditions, op, k, sub)), size);
    }

    /** Consecutive runs of {@code items}, each the longest whose statement still fits a managed policy. */
    private static <T> List<PolicyStatement> chunks(List<T> items,
            java.util.function.Function<List<T>, PolicyStatement> statementOf, Sizer size) {
        List<PolicyStatement> chunks = new ArrayList<>();
        int start = 0;
        while (start < items.size()) {
            int low = 1;
            int high = items.size() - start;
            PolicyStatement best = null;
            int bestCount = 0;
            while (low <= high) {
                int count = (low + high) / 2;
                PolicyStatement candidate = statementOf.apply(items.subList(start, start + count));
                if (fits(candidate, size)) {
                    best = candidate;
                    bestCount = count;
                    low = count + 1;
                } else {
                    high = count - 1;
                }
            }
            if (best == null) {
                // one item alone is too large: the condition split (or the size guard) deals with it
                best = statementOf.apply(items.subList(start, start + 1));
                bestCount = 1;
            }
            chunks.add(best);
            start += bestCount;
        }
        return chunks;
    }

    private static IllegalStateException tooLarge(PolicyStatement statement) {
        return new IllegalStateException("statement " + statement.getSid() + " is larger than an IAM managed policy ("
                + IamPolicySizes.MANAGED_POLICY_LIMIT + " characters) and has no resource or condition list to split");
    }

    private static Map<String, Map<String, Object>> withValues(Map<String, Map<String, Object>> conditions,
            String operator, String key, List<?> values) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        conditions.forEach((op, byKey) -> copy.put(op, new LinkedHashMap<>(byKey)));
        copy.get(operator).put(key, new ArrayList<>(values));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> conditions(PolicyStatement statement) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        Object raw = statement.getConditions();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((op, byKey) -> {
                Map<String, Object> keys = new LinkedHashMap<>();
                ((Map<String, Object>) byKey).forEach((k, v) ->
                        keys.put(k, v instanceof Collection<?> c ? new ArrayList<>(c) : v));
                copy.put((String) op, keys);
            });
        }
        return copy;
    }

    private static PolicyStatement copy(PolicyStatement statement, String sid, List<String> resources,
            Map<String, Map<String, Object>> conditions) {
        PolicyStatement.Builder builder = PolicyStatement.Builder.create()
                .sid(sid)
                .effect(statement.getEffect())
                .actions(statement.getActions())
                .resources(List.copyOf(resources));
        if (!conditions.isEmpty()) {
            builder.conditions(new LinkedHashMap<>(conditions));
        }
        return builder.build();
    }
}
