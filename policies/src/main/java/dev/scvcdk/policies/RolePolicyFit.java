package dev.scvcdk.policies;

import dev.scvcdk.policies.iam.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        private final Map<Statement, Integer> sizes = new IdentityHashMap<>();

        int of(Statement statement) {
            return sizes.computeIfAbsent(statement, IamPolicySizes::statementCharacters);
        }

        int of(List<Statement> statements) {
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
        List<Statement> inline = new ArrayList<>(role.inlineStatements());
        List<Statement> largestFirst = new ArrayList<>(inline);
        largestFirst.sort(Comparator.comparingInt((Statement s) -> size.of(s)).reversed());
        List<Statement> moved = new ArrayList<>();
        for (Statement statement : largestFirst) {
            if (size.of(inline) <= IamPolicySizes.ROLE_INLINE_LIMIT) {
                break;
            }
            inline.remove(statement);
            moved.add(statement);
        }
        List<Statement> parts = new ArrayList<>();
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
    private static List<ManagedPolicySpec> pack(String roleName, List<Statement> parts, Sizer size) {
        return bins(parts, size).stream()
                .map(bin -> new ManagedPolicySpec(policyName(roleName, bin.get(0).sid()),
                        "Part of " + roleName + "'s own permissions, moved out of its inline policy to fit IAM's quota.",
                        bin))
                .toList();
    }

    private static List<List<Statement>> bins(List<Statement> parts, Sizer size) {
        List<List<Statement>> bins = new ArrayList<>();
        for (Statement part : parts) {
            List<Statement> target = null;
            for (List<Statement> bin : bins) {
                List<Statement> candidate = new ArrayList<>(bin);
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
        List<Statement> parts = new ArrayList<>();
        policy.statements().forEach(statement -> parts.addAll(splitToFit(statement, size)));
        List<List<Statement>> bins = bins(parts, size);
        List<ManagedPolicySpec> policies = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            policies.add(new ManagedPolicySpec(i == 0 ? policy.name() : policy.name() + "-Part" + (i + 1),
                    policy.description(), bins.get(i)));
        }
        return policies;
    }

    /** The statement itself when it fits a managed policy, else parts that each fit and together equal it. */
    static List<Statement> splitToFit(Statement statement) {
        return splitToFit(statement, new Sizer());
    }

    private static List<Statement> splitToFit(Statement statement, Sizer size) {
        if (fits(statement, size)) {
            return List.of(statement);
        }
        List<Statement> fitting = new ArrayList<>();
        for (Statement byResources : byResources(statement, size)) {
            fitting.addAll(fits(byResources, size) ? List.of(byResources) : byCondition(byResources, size));
        }
        if (fitting.size() > 99) {
            throw new IllegalStateException("statement " + statement.sid() + " would need " + fitting.size()
                    + " managed policies");
        }
        List<Statement> named = new ArrayList<>();
        for (int i = 0; i < fitting.size(); i++) {
            named.add(copy(fitting.get(i), statement.sid() + "Part" + (i + 1), fitting.get(i).resources(),
                    fitting.get(i).conditions()));
        }
        return named;
    }

    /** Parts are measured under the longest Sid they can get ({@code <sid>Part99}). */
    private static String partSid(Statement statement) {
        String sid = statement.sid();
        return sid.matches(".*Part99") ? sid : sid + "Part99";
    }

    private static boolean fits(Statement statement, Sizer size) {
        return size.of(List.of(statement)) <= IamPolicySizes.MANAGED_POLICY_LIMIT;
    }

    private static List<Statement> byResources(Statement statement, Sizer size) {
        List<String> resources = statement.resources();
        if (resources.size() < 2) {
            return List.of(statement);
        }
        Map<String, Map<String, List<String>>> conditions = statement.conditions();
        return chunks(resources, sub -> copy(statement, partSid(statement), sub, conditions), size);
    }

    /** Splits the longest value list of an OR-condition (the resources being a single ARN). */
    private static List<Statement> byCondition(Statement statement, Sizer size) {
        Map<String, Map<String, List<String>>> conditions = statement.conditions();
        String operator = null;
        String key = null;
        int longest = 1;
        for (Map.Entry<String, Map<String, List<String>>> byOperator : conditions.entrySet()) {
            if (!SPLITTABLE_OPERATORS.contains(byOperator.getKey())) {
                continue;
            }
            for (Map.Entry<String, List<String>> byKey : byOperator.getValue().entrySet()) {
                if (byKey.getValue().size() > longest) {
                    operator = byOperator.getKey();
                    key = byKey.getKey();
                    longest = byKey.getValue().size();
                }
            }
        }
        if (operator == null) {
            throw tooLarge(statement);
        }
        String op = operator;
        String k = key;
        List<String> values = conditions.get(operator).get(key);
        return chunks(values, sub -> copy(statement, partSid(statement), statement.resources(),
                withValues(conditions, op, k, sub)), size);
    }

    /** Consecutive runs of {@code items}, each the longest whose statement still fits a managed policy. */
    private static <T> List<Statement> chunks(List<T> items,
            java.util.function.Function<List<T>, Statement> statementOf, Sizer size) {
        List<Statement> chunks = new ArrayList<>();
        int start = 0;
        while (start < items.size()) {
            int low = 1;
            int high = items.size() - start;
            Statement best = null;
            int bestCount = 0;
            while (low <= high) {
                int count = (low + high) / 2;
                Statement candidate = statementOf.apply(items.subList(start, start + count));
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

    private static IllegalStateException tooLarge(Statement statement) {
        return new IllegalStateException("statement " + statement.sid() + " is larger than an IAM managed policy ("
                + IamPolicySizes.MANAGED_POLICY_LIMIT + " characters) and has no resource or condition list to split");
    }

    private static Map<String, Map<String, List<String>>> withValues(Map<String, Map<String, List<String>>> conditions,
            String operator, String key, List<String> values) {
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        conditions.forEach((op, byKey) -> copy.put(op, new LinkedHashMap<>(byKey)));
        copy.get(operator).put(key, values);
        return copy;
    }

    private static Statement copy(Statement statement, String sid, List<String> resources,
            Map<String, Map<String, List<String>>> conditions) {
        return new Statement(sid, statement.effect(), statement.actions(), resources, conditions);
    }
}
