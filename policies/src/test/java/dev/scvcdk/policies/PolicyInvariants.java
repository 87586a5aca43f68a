package dev.scvcdk.policies;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.resources;

import dev.scvcdk.policies.statements.WildcardOnlyActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The matrix-wide rules, checked over rendered statements; returns every violation found. */
final class PolicyInvariants {
    static final Set<String> FORBIDDEN_ACTIONS = Set.of("*", "iam:*", "sts:*", "kms:*", "s3:*", "ssm:*");

    private PolicyInvariants() {
    }

    /** Allow statements granting a forbidden action wildcard. */
    static List<String> forbiddenActions(String owner, List<Map<String, Object>> statements) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> statement : allows(statements)) {
            for (Object action : actions(statement)) {
                if (FORBIDDEN_ACTIONS.contains(action.toString())) {
                    violations.add(owner + "/" + statement.get("Sid") + " grants " + action);
                }
            }
        }
        return violations;
    }

    /**
     * Allow statements on {@code *} with an action that has resource-level permissions. Event-source-mapping writes
     * are the exception where {@code lambda:FunctionArn} names the function: that key is their fence (Create has no
     * resource), so one statement holds all three.
     */
    static List<String> wildcardResources(String owner, List<Map<String, Object>> statements) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> statement : allows(statements)) {
            if (resources(statement).contains("*")) {
                boolean functionPinned = !PolicyJson.condition(statement, "StringEquals", "lambda:FunctionArn").isEmpty()
                        || !PolicyJson.condition(statement, "StringLike", "lambda:FunctionArn").isEmpty();
                for (Object action : actions(statement)) {
                    boolean pinnedMapping = functionPinned
                            && PermissionBoundaryDocument.EVENT_SOURCE_MAPPING_WRITES.contains(action.toString());
                    if (!WildcardOnlyActions.contains(action.toString()) && !pinnedMapping) {
                        violations.add(owner + "/" + statement.get("Sid") + " grants " + action + " on *");
                    }
                }
            }
        }
        return violations;
    }

    private static List<Map<String, Object>> allows(List<Map<String, Object>> statements) {
        return statements.stream().filter(s -> "Allow".equals(s.get("Effect"))).toList();
    }
}
