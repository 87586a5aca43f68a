package dev.scvcdk.app.pipeline;

import java.util.List;

/** Every problem found in a pipeline config (its tenant configs' problems included), reported together. */
public final class InvalidPipelineConfigException extends RuntimeException {
    private final List<String> problems;

    public InvalidPipelineConfigException(String source, List<String> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        return "Invalid pipeline config " + source + " (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems);
    }
}
