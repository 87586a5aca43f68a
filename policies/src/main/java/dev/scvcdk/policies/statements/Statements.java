package dev.scvcdk.policies.statements;

import dev.scvcdk.policies.iam.Effect;
import dev.scvcdk.policies.iam.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A small fluent builder for policy statements that always carry a Sid, so a reviewer reads
 * intent ("ReadCtrStreams") next to each grant.
 */
public final class Statements {
    private Statements() {
    }

    public static Builder allow(String sid) {
        return new Builder(sid, Effect.ALLOW);
    }

    public static Builder deny(String sid) {
        return new Builder(sid, Effect.DENY);
    }

    /** Collects one statement; duplicate actions, resources and condition values are dropped. */
    public static final class Builder {
        private final String sid;
        private final Effect effect;
        private final LinkedHashSet<String> actions = new LinkedHashSet<>();
        private final LinkedHashSet<String> resources = new LinkedHashSet<>();
        private final Map<String, Map<String, LinkedHashSet<String>>> conditions = new LinkedHashMap<>();

        private Builder(String sid, Effect effect) {
            if (sid == null || !sid.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("statement sid '" + sid + "' must be alphanumeric");
            }
            this.sid = sid;
            this.effect = effect;
        }

        public Builder actions(String... values) {
            return actions(Arrays.asList(values));
        }

        public Builder actions(Collection<String> values) {
            actions.addAll(values);
            return this;
        }

        public Builder resources(String... values) {
            return resources(Arrays.asList(values));
        }

        public Builder resources(Collection<String> values) {
            resources.addAll(values);
            return this;
        }

        /** Adds {@code operator: {key: values}}; values of the same operator and key accumulate. */
        public Builder condition(String operator, String key, Collection<String> values) {
            conditions.computeIfAbsent(operator, o -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new LinkedHashSet<>())
                    .addAll(values);
            return this;
        }

        public Builder condition(String operator, String key, String... values) {
            return condition(operator, key, Arrays.asList(values));
        }

        public Statement build() {
            if (actions.isEmpty() || resources.isEmpty()) {
                throw new IllegalStateException("statement " + sid + " needs actions and resources");
            }
            Map<String, Map<String, List<String>>> rendered = new LinkedHashMap<>();
            conditions.forEach((operator, keys) -> {
                Map<String, List<String>> byKey = new LinkedHashMap<>();
                keys.forEach((key, values) -> byKey.put(key, List.copyOf(values)));
                rendered.put(operator, byKey);
            });
            return new Statement(sid, effect, List.copyOf(actions), List.copyOf(resources), rendered);
        }
    }
}
