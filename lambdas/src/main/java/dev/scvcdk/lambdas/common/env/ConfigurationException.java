package dev.scvcdk.lambdas.common.env;

import java.util.List;

/** A function's environment is unusable; thrown at init so the function never serves a request half-configured. */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("Invalid Lambda configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one per variable. */
    public List<String> problems() {
        return problems;
    }
}
