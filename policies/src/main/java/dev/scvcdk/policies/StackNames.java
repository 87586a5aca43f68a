package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CloudFormation stack names a tenant's SCV resources are deployed in: what the provisioning role may read
 * and the boundary allows on CloudFormation, by exact name (a consumer may name its stacks anything).
 *
 * @param accountStack        the stack holding the account-level resources (the SCV roles)
 * @param contactCenterStacks the stack of each contact center, by call center API name, in config order
 */
public record StackNames(String accountStack, Map<String, String> contactCenterStacks) {
    /** CloudFormation's rule for stack names. */
    public static final Pattern STACK_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,127}$");

    public StackNames {
        Objects.requireNonNull(accountStack, "accountStack");
        contactCenterStacks = Collections.unmodifiableMap(new LinkedHashMap<>(contactCenterStacks));
        List<String> problems = new ArrayList<>();
        problemOf("accountStack", accountStack).ifPresent(problems::add);
        contactCenterStacks.forEach((cc, name) -> problemOf("contactCenterStacks[" + cc + "]", name)
                .ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The names the library and the app use: {@link ScvNames#ACCOUNT_STACK} and {@link ScvNames#contactCenterStack}. */
    public static StackNames defaults(TenantConfig config) {
        return of(ScvNames.ACCOUNT_STACK, config, Map.of());
    }

    /**
     * {@code accountStack} and, per contact center of {@code config}, the name in {@code contactCenterStacks} or the
     * default {@link ScvNames#contactCenterStack}.
     */
    public static StackNames of(String accountStack, TenantConfig config, Map<String, String> contactCenterStacks) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ContactCenterConfig cc : config.contactCenters()) {
            String name = contactCenterStacks.get(cc.callCenterApiName());
            names.put(cc.callCenterApiName(), name != null ? name : ScvNames.contactCenterStack(cc.callCenterApiName()));
        }
        return new StackNames(accountStack, names);
    }

    /** The stack of contact center {@code callCenterApiName}. */
    public String contactCenterStack(String callCenterApiName) {
        String name = contactCenterStacks.get(callCenterApiName);
        if (name == null) {
            throw new IllegalArgumentException("no stack name for contact center '" + callCenterApiName
                    + "'; the stack names are for " + contactCenterStacks.keySet());
        }
        return name;
    }

    /**
     * Why {@code name} is not a CloudFormation stack name, naming {@code field}, the value and the rule; empty when
     * it is one.
     */
    public static Optional<String> problemOf(String field, String name) {
        if (name == null) {
            return Optional.of(field + " is null: a stack name is required");
        }
        if (STACK_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(field + " '" + name + "' is not a CloudFormation stack name: it must match "
                + STACK_NAME.pattern() + " (a letter, then up to 127 letters, digits and hyphens)");
    }
}
