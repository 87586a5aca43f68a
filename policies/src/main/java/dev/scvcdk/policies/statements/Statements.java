package dev.scvcdk.policies.statements;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

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
        private final Map<String, Map<String, Object>> conditions = new LinkedHashMap<>();

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
            @SuppressWarnings("unchecked")
            Collection<String> existing = (Collection<String>) conditions
                    .computeIfAbsent(operator, o -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new LinkedHashSet<String>());
            existing.addAll(values);
            return this;
        }

        public Builder condition(String operator, String key, String... values) {
            return condition(operator, key, Arrays.asList(values));
        }

        public PolicyStatement build() {
            if (actions.isEmpty() || resources.isEmpty()) {
                throw new IllegalStateException("statement " + sid + " needs actions and resources");
            }
            PolicyStatement.Builder builder = PolicyStatement.Builder.create()
                    .sid(sid)
                    .effect(effect)
                    .actions(List.copyOf(actions))
                    .resources(List.copyOf(resources));
            if (!conditions.isEmpty()) {
                Map<String, Object> rendered = new LinkedHashMap<>();
                conditions.forEach((operator, keys) -> {
                    Map<String, Object> byKey = new LinkedHashMap<>();
                    keys.forEach((key, values) -> byKey.put(key, new ArrayList<>((Collection<?>) values)));
                    rendered.put(operator, byKey);
                });
                builder.conditions(rendered);
            }
            return builder.build();
        }
    }
}
