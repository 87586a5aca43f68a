package dev.scvcdk.constructs.iam;

import dev.scvcdk.policies.ManagedPolicySpec;
import dev.scvcdk.policies.ScvNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicyProps;
import software.constructs.Construct;

/** Creates the {@code /scv/} customer-managed policies of the IAM matrix. */
public final class ScvManagedPolicies {
    private ScvManagedPolicies() {
    }

    /**
     * One {@link ManagedPolicy} per spec, named as the spec says, under path {@code /scv/}, with
     * construct id = the policy name.
     *
     * @throws IllegalArgumentException when two specs share a name
     *
     * @return the policies by name, in the order of {@code specs}
     */
    public static Map<String, ManagedPolicy> create(Construct scope, List<ManagedPolicySpec> specs) {
        Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
        for (ManagedPolicySpec spec : specs) {
            if (policies.containsKey(spec.name())) {
                throw new IllegalArgumentException("Managed policy name '" + spec.name()
                        + "' appears twice in the IAM matrix; policy names must be unique");
            }
            policies.put(spec.name(), new ManagedPolicy(scope, ScvRoles.constructId(spec.name()),
                    ManagedPolicyProps.builder()
                            .managedPolicyName(spec.name())
                            .path(ScvNames.POLICY_PATH)
                            .description(spec.description())
                            .document(IamRender.document(spec.statements()))
                            .build()));
        }
        return Collections.unmodifiableMap(policies);
    }
}
