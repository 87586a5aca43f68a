package dev.scvcdk.policies;

import dev.scvcdk.policies.iam.Statement;
import java.util.List;

/** One {@code /scv/} customer-managed policy as data. */
public record ManagedPolicySpec(String name, String description, List<Statement> statements) {

    public ManagedPolicySpec {
        statements = List.copyOf(statements);
    }
}
