package dev.scvcdk.policies.statements;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.declarations.Call;
import dev.scvcdk.policies.declarations.KeyUse;
import dev.scvcdk.policies.declarations.Target;
import dev.scvcdk.policies.declarations.TenantKey;
import dev.scvcdk.policies.iam.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns declared {@link Call}s into the identity-policy statements that allow exactly them: one statement per
 * call sid with the exact ARNs of every contact center the call is made in, and one KMS statement per
 * (key, service, actions) naming the key by alias or the resource by encryption context, only through that
 * service's endpoints in those regions.
 */
public final class CallStatements {
    /** Condition key naming a key by any of its aliases. */
    public static final String RESOURCE_ALIASES = "kms:ResourceAliases";
    public static final String VIA_SERVICE = "kms:ViaService";
    public static final String REQUESTED_REGION = "aws:RequestedRegion";

    private final TenantResources res;

    public CallStatements(TenantResources res) {
        this.res = res;
    }

    /** A call as made in some contact centers (a function deployed under a feature makes it only where it is on). */
    public record Made(Call call, List<ContactCenterConfig> in) {
        public Made {
            in = List.copyOf(in);
        }
    }

    /** The statements allowing exactly {@code made}: the calls' statements in first-seen order, then KMS's. */
    public List<Statement> statements(List<Made> made) {
        Map<String, Grant> calls = new LinkedHashMap<>();
        Map<String, Grant> keys = new LinkedHashMap<>();
        for (Made m : made) {
            if (m.in().isEmpty()) {
                continue;
            }
            Call call = m.call();
            requireResourceLevelActionsNotOnEverything(call);
            for (ContactCenterConfig cc : m.in()) {
                String sid = call.statementPerContactCenter()
                        ? call.sid() + (res.contactCenters().indexOf(cc) + 1) : call.sid();
                Grant grant = calls.computeIfAbsent(sid, s -> new Grant(s, call.actions(), call.conditions()));
                grant.requireSameShape(call.actions(), call.conditions());
                List<String> arns = call.target().kind() == Target.Kind.STACKS ? res.stacksOf(cc)
                        : call.target().arns(res.arns(), cc);
                grant.resources.addAll(arns);
                call.conditions().forEach((operator, byKey) -> byKey.forEach((key, values) -> values.forEach(
                        value -> grant.condition(operator, key, Call.conditionValueIn(value, res.arns(), cc)))));
                if (call.target().kind() == Target.Kind.NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION) {
                    grant.condition("StringEquals", REQUESTED_REGION, res.accountRegion());
                }
                if (call.target().kind() == Target.Kind.NO_RESOURCE_LEVEL_PERMISSIONS
                        || call.target().kind() == Target.Kind.NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION) {
                    grant.condition("StringEquals", REQUESTED_REGION, cc.region());
                }
                call.keyUse().ifPresent(use -> keyGrant(keys, use, call.target(), cc, arns));
            }
        }
        List<Statement> statements = new ArrayList<>();
        calls.values().forEach(g -> statements.add(g.statement()));
        keys.values().forEach(g -> statements.add(g.statement()));
        return statements;
    }

    /** A call on {@code *} may only hold actions that have no resource-level permissions. */
    private static void requireResourceLevelActionsNotOnEverything(Call call) {
        Target.Kind kind = call.target().kind();
        if (kind != Target.Kind.NO_RESOURCE_LEVEL_PERMISSIONS
                && kind != Target.Kind.NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION) {
            return;
        }
        List<String> resourceLevel = call.actions().stream().filter(a -> !WildcardOnlyActions.contains(a)).toList();
        if (!resourceLevel.isEmpty()) {
            throw new IllegalArgumentException("call " + call.sid() + " declares " + resourceLevel + " on '*', but "
                    + "they support resource-level permissions: declare the resource they act on");
        }
    }

    private void keyGrant(Map<String, Grant> keys, KeyUse use, Target target, ContactCenterConfig cc,
            List<String> targetArns) {
        String sid = keySid(use);
        Grant grant = keys.computeIfAbsent(sid, s -> new Grant(s, use.actions(), Map.of()));
        grant.platformKey = use.key() == TenantKey.PLATFORM;
        grant.resources.add(res.keysViaService());
        grant.condition("StringEquals", VIA_SERVICE, viaService(use.service(), cc));
        if (use.key() == TenantKey.PLATFORM || use.key() == TenantKey.AWS_SSM) {
            // Parameters, secrets and queues share the platform key: the encryption context names the resource.
            ContextKey context = ContextKey.of(use.service(), target);
            grant.condition(context.operator, context.key, targetArns);
        } else {
            grant.condition("ForAnyValue:StringEquals", RESOURCE_ALIASES, use.key().alias(cc.callCenterApiName()));
        }
    }

    /** {@code <service>.<region>.<dns suffix>} of the contact center's region. */
    private String viaService(String service, ContactCenterConfig cc) {
        return service + "." + cc.region() + "." + res.config().partitionValue().dnsSuffix();
    }

    /** {@code DecryptWithStreamKeyViaKinesis}, {@code GenerateDataKeyDecryptWithPlatformKeyViaSqs}. */
    static String keySid(KeyUse use) {
        StringBuilder sid = new StringBuilder();
        use.actions().forEach(action -> sid.append(action.substring("kms:".length())));
        sid.append("With").append(pascal(use.key().name())).append("KeyVia").append(pascal(use.service()));
        return sid.toString();
    }

    private static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.toLowerCase(Locale.ROOT).split("[_-]")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** The encryption-context key a service puts the resource's ARN in. */
    private record ContextKey(String operator, String key) {
        static ContextKey of(String service, Target target) {
            return switch (service) {
                case "ssm" -> new ContextKey("StringEquals", "kms:EncryptionContext:PARAMETER_ARN");
                // a secret ARN ends in a random suffix: the target names it with ??????
                case "secretsmanager" -> new ContextKey("StringLike", "kms:EncryptionContext:SecretARN");
                case "sqs" -> new ContextKey("StringEquals", "kms:EncryptionContext:aws:sqs:arn");
                default -> throw new IllegalArgumentException("no encryption context known for " + service
                        + " (target " + target + "): name the key by alias instead");
            };
        }
    }

    /**
     * A contact center's five {@code <cc>-salesforce-rest-api-*} parameters, when all are named, become that one
     * pattern: the prefix is SCV's name space for exactly those five (scv-reference.md), and a role that manages
     * the parameters of 25 contact centers would otherwise outgrow IAM's quotas. In the encryption context of the
     * platform key's grants, the four it encrypts are all there is to name (the access token is under
     * {@code aws/ssm}), so those four become the pattern there.
     */
    static final class RestApiParameters {
        private static final java.util.regex.Pattern REST_PARAMETER = java.util.regex.Pattern.compile(
                "(arn:[^:]+:ssm:[^:]+:(?:\\$\\{AWS::AccountId\\}|\\d{12}):parameter/[a-z0-9_]+-" + dev.scvcdk.policies.ScvNames.REST_API_PARAMETER_PREFIX
                        + ")(.+)");

        static List<String> compact(java.util.Collection<String> arns) {
            return compact(arns, dev.scvcdk.policies.ScvNames.Parameter.restApi().size());
        }

        /** The REST parameters the platform key encrypts, per contact center. */
        static final int PLATFORM_KEY_REST_PARAMETERS = (int) dev.scvcdk.policies.ScvNames.Parameter.restApi().stream()
                .filter(p -> dev.scvcdk.policies.declarations.FunctionContracts.keyOf(p) == TenantKey.PLATFORM)
                .count();

        static List<String> compact(java.util.Collection<String> arns, int whole) {
            Map<String, LinkedHashSet<String>> suffixesByPrefix = new LinkedHashMap<>();
            for (String arn : arns) {
                java.util.regex.Matcher m = REST_PARAMETER.matcher(arn);
                if (m.matches()) {
                    suffixesByPrefix.computeIfAbsent(m.group(1), p -> new LinkedHashSet<>()).add(m.group(1) + m.group(2));
                }
            }
            List<String> out = new ArrayList<>();
            for (String arn : arns) {
                java.util.regex.Matcher m = REST_PARAMETER.matcher(arn);
                if (m.matches() && suffixesByPrefix.get(m.group(1)).size() >= whole) {
                    String pattern = m.group(1) + "*";
                    if (!out.contains(pattern)) {
                        out.add(pattern);
                    }
                } else {
                    out.add(arn);
                }
            }
            return out;
        }
    }

    /** One statement being collected. */
    private static final class Grant {
        private final String sid;
        private final List<String> actions;
        private final Map<String, Map<String, List<String>>> declaredConditions;
        private final LinkedHashSet<String> resources = new LinkedHashSet<>();
        private final Map<String, Map<String, LinkedHashSet<String>>> conditions = new LinkedHashMap<>();
        /** A grant of the platform key, whose encryption context names its four REST parameters as a pattern. */
        private boolean platformKey;

        Grant(String sid, List<String> actions, Map<String, Map<String, List<String>>> declared) {
            this.sid = sid;
            this.actions = actions;
            this.declaredConditions = declared;
        }

        /**
         * Calls that share a sid share one statement, so they must allow the same actions under the same condition
         * keys; their values add up, as a call's values in several contact centers do.
         */
        void requireSameShape(List<String> otherActions, Map<String, Map<String, List<String>>> otherConditions) {
            if (!new LinkedHashSet<>(actions).equals(new LinkedHashSet<>(otherActions))
                    || !Objects.equals(keysOf(declaredConditions), keysOf(otherConditions))) {
                throw new IllegalStateException("calls with sid " + sid + " differ: " + actions + " " + declaredConditions
                        + " vs " + otherActions + " " + otherConditions + "; give them different sids");
            }
        }

        private static Map<String, java.util.Set<String>> keysOf(Map<String, Map<String, List<String>>> conditions) {
            Map<String, java.util.Set<String>> keys = new LinkedHashMap<>();
            conditions.forEach((operator, byKey) -> keys.put(operator, byKey.keySet()));
            return keys;
        }

        void condition(String operator, String key, String value) {
            condition(operator, key, List.of(value));
        }

        void condition(String operator, String key, List<String> values) {
            conditions.computeIfAbsent(operator, o -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new LinkedHashSet<>())
                    .addAll(values);
        }

        Statement statement() {
            Statements.Builder builder = Statements.allow(sid).actions(actions)
                    .resources(RestApiParameters.compact(resources));
            conditions.forEach((operator, byKey) -> byKey.forEach((key, values) -> {
                List<String> compacted = platformKey && key.startsWith("kms:EncryptionContext:")
                        ? RestApiParameters.compact(values, RestApiParameters.PLATFORM_KEY_REST_PARAMETERS)
                        : RestApiParameters.compact(values);
                boolean patterned = !compacted.equals(new ArrayList<>(values));
                builder.condition(patterned && operator.equals("StringEquals") ? "StringLike" : operator, key,
                        compacted);
            }));
            return builder.build();
        }
    }
}
