package dev.scvcdk.lambdas.customresource;

import java.util.List;

/** Resource properties that break the contract; the message names every property, its value and the rule. */
public final class InvalidPropertiesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidPropertiesException(List<String> problems) {
        super("Invalid resource properties: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
