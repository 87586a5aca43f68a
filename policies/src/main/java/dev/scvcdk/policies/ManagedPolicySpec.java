package dev.scvcdk.policies;

import java.util.List;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** One {@code /scv/} customer-managed policy as data. */
public record ManagedPolicySpec(String name, String description, List<PolicyStatement> statements) {

    public ManagedPolicySpec {
        statements = List.copyOf(statements);
    }
}
