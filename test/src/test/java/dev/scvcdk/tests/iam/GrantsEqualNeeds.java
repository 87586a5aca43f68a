package dev.scvcdk.tests.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.declarations.Call;
import dev.scvcdk.policies.declarations.TenantKey;
import dev.scvcdk.tests.iam.SynthesizedIam.NamedPolicy;

/**
 * Compares what a role is granted — every Allow (action, resource) of its synthesized identity policies — with what
 * its declared calls need: each grant must be a declared call's action on one of its exact ARNs (or the KMS key use
 * that call's service makes), and each declared call must be granted. Written independently of the role model
 * ({@code CallStatements}), so a grant the model adds by mistake cannot justify itself.
 *
 * <p>The deliberate compactions are accepted only where they stand for exactly what is declared: the
 * {@code <cc>-salesforce-rest-api-*} pattern when the role needs the same action on all five REST parameters of
 * that contact center, and {@code *} for actions declared on no-resource-level-permission targets (a declared ARN).
 */
final class GrantsEqualNeeds {

    static final String VIA_SERVICE = "kms:ViaService";
    static final String RESOURCE_ALIASES = "kms:ResourceAliases";
    static final String ENCRYPTION_CONTEXT = "kms:EncryptionContext:";

    /** One allowed (action, resource) of a statement, with that statement's condition values by condition key. */
    record Grant(String action, String resource, Map<String, Set<String>> conditionValues) {
        String pair() {
            return action + " -> " + resource;
        }
    }

    /** A declared call's action on one exact ARN. */
    record Need(String sid, String action, String resource) {
    }

    /**
     * A KMS call the declared call's service makes for the caller: through {@code viaService}, on the key named by
     * {@code name} — its alias for a key of one kind of resource, the resource ARN (encryption context) for a shared key.
     */
    record KeyNeed(String sid, String action, String viaService, String name, TenantKey key) {
    }

    /** Everything one role's declared calls need, in the contact centers where they are made. */
    static final class Needs {
        private final ScvArns arns;
        private final String dnsSuffix;
        final Set<String> sids = new LinkedHashSet<>();
        final List<Need> calls = new ArrayList<>();
        final List<KeyNeed> keys = new ArrayList<>();

        Needs(ScvArns arns, String dnsSuffix) {
            this.arns = arns;
            this.dnsSuffix = dnsSuffix;
        }

        Needs add(Call call, ContactCenterConfig cc) {
            sids.add(call.sid());
            List<String> targetArns = call.target().arns(arns, cc);
            for (String action : call.actions()) {
                targetArns.forEach(arn -> calls.add(new Need(call.sid(), action, arn)));
            }
            call.keyUse().ifPresent(use -> {
                String via = use.service() + "." + cc.region() + "." + dnsSuffix;
                // The platform key and aws/ssm encrypt several kinds of resource: only the encryption context
                // (the resource's ARN) tells them apart. The other keys each encrypt one kind: the alias names them.
                boolean shared = use.key() == TenantKey.PLATFORM || use.key() == TenantKey.AWS_SSM;
                List<String> names = shared ? targetArns : List.of(use.key().alias(cc.callCenterApiName()));
                for (String action : use.actions()) {
                    names.forEach(name -> keys.add(new KeyNeed(call.sid(), action, via, name, use.key())));
                }
            });
            return this;
        }
    }

    /**
     * The outcome for one role. {@code justifiedBy}: pair → the sids that justify it; {@code compactions}: accepted
     * compaction → the actions granted with it.
     */
    record Verdict(String role, Needs needs, Map<String, Set<String>> justifiedBy, List<String> unjustified,
            List<String> missing, Map<String, Set<String>> compactions) {

        Set<String> grantedPairs() {
            Set<String> pairs = new TreeSet<>(justifiedBy.keySet());
            unjustified.forEach(u -> pairs.add(u.substring(0, u.indexOf(" [") < 0 ? u.length() : u.indexOf(" ["))));
            return pairs;
        }

        boolean compliant() {
            return unjustified.isEmpty() && missing.isEmpty();
        }
    }

    private GrantsEqualNeeds() {
    }

    /** Every Allow (action, resource) of {@code policies}; a NotAction or NotResource becomes an unjustifiable grant. */
    static List<Grant> grants(List<NamedPolicy> policies) {
        List<Grant> grants = new ArrayList<>();
        for (NamedPolicy policy : policies) {
            for (JsonNode statement : PolicyJson.statements(policy.document())) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    continue;
                }
                Map<String, Set<String>> conditions = PolicyJson.conditionValuesByKey(statement);
                List<String> actions = statement.has("NotAction")
                        ? List.of("NotAction " + statement.get("NotAction")) : PolicyJson.strings(statement.path("Action"));
                List<String> resources = statement.has("NotResource")
                        ? List.of("NotResource " + statement.get("NotResource")) : PolicyJson.strings(statement.path("Resource"));
                for (String action : actions) {
                    for (String resource : resources) {
                        grants.add(new Grant(action, resource, conditions));
                    }
                }
            }
        }
        return grants;
    }

    /**
     * Checks {@code granted} against {@code needs}. {@code keyResource} is the resource KMS statements name (key ids
     * are random, so the conditions pick the key).
     */
    static Verdict check(String role, List<Grant> granted, Needs needs, String keyResource) {
        Map<String, Set<String>> neededByAction = new LinkedHashMap<>();
        Map<String, Set<String>> sidsByPair = new LinkedHashMap<>();
        for (Need need : needs.calls) {
            neededByAction.computeIfAbsent(need.action(), a -> new LinkedHashSet<>()).add(need.resource());
            sidsByPair.computeIfAbsent(need.action() + " -> " + need.resource(), p -> new TreeSet<>()).add(need.sid());
        }
        Map<String, Map<String, Set<String>>> compactedByAction = new LinkedHashMap<>();
        neededByAction.forEach((action, resources) -> compactedByAction.put(action, restApiPatterns(resources)));

        Map<String, Set<String>> justifiedBy = new TreeMap<>();
        List<String> unjustified = new ArrayList<>();
        Map<String, Set<String>> compactions = new TreeMap<>();
        for (Grant grant : granted) {
            Set<String> exact = neededByAction.getOrDefault(grant.action(), Set.of());
            Map<String, Set<String>> compacted = compactedByAction.getOrDefault(grant.action(), Map.of());
            Set<String> sids = new TreeSet<>();
            if (exact.contains(grant.resource())) {
                sids.addAll(sidsByPair.get(grant.pair()));
                if (grant.resource().equals("*")) {
                    compactions.computeIfAbsent("* (no resource-level permissions)", k -> new TreeSet<>())
                            .add(grant.action());
                }
            } else if (compacted.containsKey(grant.resource())) {
                compacted.get(grant.resource()).forEach(r -> sids.addAll(sidsByPair.get(grant.action() + " -> " + r)));
                String name = grant.resource().substring(grant.resource().indexOf(":parameter/") + 1);
                compactions.computeIfAbsent(name + " (the five REST parameters)", k -> new TreeSet<>())
                        .add(grant.action());
            } else if (grant.action().startsWith("kms:") && grant.resource().equals(keyResource)) {
                sids.addAll(keySids(grant, needs));
            }
            if (sids.isEmpty()) {
                unjustified.add(grant.pair() + (grant.conditionValues().isEmpty() ? "" : " [" + grant.conditionValues() + "]"));
            } else {
                justifiedBy.computeIfAbsent(grant.pair(), p -> new TreeSet<>()).addAll(sids);
            }
        }
        // A pair justified in one statement but not in another is unjustified: the other statement grants more.
        unjustified.forEach(u -> justifiedBy.remove(u.contains(" [") ? u.substring(0, u.indexOf(" [")) : u));

        List<String> missing = new ArrayList<>();
        for (Need need : needs.calls) {
            boolean present = granted.stream().anyMatch(g -> g.action().equals(need.action())
                    && (g.resource().equals(need.resource()) || compactedByAction.get(need.action())
                            .getOrDefault(g.resource(), Set.of()).contains(need.resource())));
            if (!present) {
                missing.add(need.sid() + ": " + need.action() + " -> " + need.resource());
            }
        }
        for (KeyNeed need : needs.keys) {
            boolean present = granted.stream().anyMatch(g -> g.action().equals(need.action())
                    && g.resource().equals(keyResource)
                    && g.conditionValues().getOrDefault(VIA_SERVICE, Set.of()).contains(need.viaService())
                    && names(g).stream().anyMatch(n -> covers(n, need.name(), keyNamePatterns(need.action(), needs))));
            if (!present) {
                missing.add(need.sid() + ": " + need.action() + " -> " + keyResource + " via " + need.viaService()
                        + " naming " + need.name());
            }
        }
        return new Verdict(role, needs, justifiedBy, unjustified, missing, compactions);
    }

    /**
     * The sids whose key use justifies a KMS grant: each {@code kms:ViaService} value and each key name (alias or
     * encryption-context value) of the statement is one that a declared call of the role needs with this action.
     * Empty when any of them is not, or when the statement names no service or no key: then it reaches other keys.
     */
    private static Set<String> keySids(Grant grant, Needs needs) {
        Set<String> vias = grant.conditionValues().getOrDefault(VIA_SERVICE, Set.of());
        Set<String> names = names(grant);
        if (vias.isEmpty() || names.isEmpty()) {
            return Set.of();
        }
        Map<String, Set<String>> patterns = keyNamePatterns(grant.action(), needs);
        Set<String> sids = new TreeSet<>();
        for (String name : names) {
            List<KeyNeed> matching = needs.keys.stream()
                    .filter(k -> k.action().equals(grant.action()) && vias.contains(k.viaService())
                            && covers(name, k.name(), patterns))
                    .toList();
            if (matching.isEmpty()) {
                return Set.of();
            }
            matching.forEach(k -> sids.add(k.sid()));
        }
        for (String via : vias) {
            boolean needed = needs.keys.stream().anyMatch(k -> k.action().equals(grant.action())
                    && k.viaService().equals(via) && names.stream().anyMatch(n -> covers(n, k.name(), patterns)));
            if (!needed) {
                return Set.of();
            }
        }
        return sids;
    }

    private static Set<String> names(Grant grant) {
        Set<String> names = new TreeSet<>(grant.conditionValues().getOrDefault(RESOURCE_ALIASES, Set.of()));
        grant.conditionValues().forEach((key, values) -> {
            if (key.startsWith(ENCRYPTION_CONTEXT)) {
                names.addAll(values);
            }
        });
        return names;
    }

    /**
     * The REST-parameter patterns a KMS grant of {@code action} may name: the five parameters where the role needs
     * all five, and — in a platform-key grant — the four that key encrypts (the access token is under aws/ssm).
     */
    private static Map<String, Set<String>> keyNamePatterns(String action, Needs needs) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> platform = new LinkedHashSet<>();
        needs.keys.stream().filter(k -> k.action().equals(action)).forEach(k -> {
            names.add(k.name());
            if (k.key() == TenantKey.PLATFORM) {
                platform.add(k.name());
            }
        });
        Map<String, Set<String>> patterns = new LinkedHashMap<>(restApiPatterns(names));
        restApiPatterns(platform, PLATFORM_KEY_REST_PARAMETERS).forEach(patterns::putIfAbsent);
        return patterns;
    }

    /** The REST parameters the platform key encrypts. */
    static final List<Parameter> PLATFORM_KEY_REST_PARAMETERS = Parameter.restApi().stream()
            .filter(p -> dev.scvcdk.policies.declarations.FunctionContracts.keyOf(p) == TenantKey.PLATFORM)
            .toList();

    private static boolean covers(String granted, String needed, Map<String, Set<String>> patterns) {
        return granted.equals(needed) || patterns.getOrDefault(granted, Set.of()).contains(needed);
    }

    private static final Pattern REST_PARAMETER = Pattern.compile(
            "(arn:[^:]+:ssm:[^:]+:\\d{12}:parameter/)([a-z0-9_]+)-" + Pattern.quote(ScvNames.REST_API_PARAMETER_PREFIX)
                    + ".+");

    /**
     * {@code <cc>-salesforce-rest-api-*} → the five parameter ARNs it stands for, for each contact center whose five
     * REST parameters are all in {@code arns}; a pattern standing for fewer would grant an undeclared parameter.
     */
    static Map<String, Set<String>> restApiPatterns(Set<String> arns) {
        return restApiPatterns(arns, Parameter.restApi());
    }

    /** As {@link #restApiPatterns(Set)}, where the pattern stands for {@code family}, a set of REST parameters. */
    static Map<String, Set<String>> restApiPatterns(Set<String> arns, List<Parameter> family) {
        Map<String, Set<String>> patterns = new LinkedHashMap<>();
        for (String arn : arns) {
            Matcher m = REST_PARAMETER.matcher(arn);
            if (!m.matches()) {
                continue;
            }
            String callCenter = m.group(2);
            Set<String> five = new LinkedHashSet<>();
            family.forEach(p -> five.add(m.group(1) + p.nameFor(callCenter)));
            if (arns.containsAll(five)) {
                patterns.put(m.group(1) + callCenter + "-" + ScvNames.REST_API_PARAMETER_PREFIX + "*", five);
            }
        }
        return patterns;
    }
}
