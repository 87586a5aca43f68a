package dev.scvcdk.policies.config;

import java.util.List;

/** Every problem found in a tenant config, reported together. */
public final class InvalidTenantConfigException extends RuntimeException {
    private final List<String> problems;

    public InvalidTenantConfigException(String source, List<String> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        StringBuilder text = new StringBuilder("Invalid tenant config");
        if (source != null) {
            text.append(" ").append(source);
        }
        text.append(" (").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        problems.forEach(p -> text.append("\n  - ").append(p));
        return text.toString();
    }
}
