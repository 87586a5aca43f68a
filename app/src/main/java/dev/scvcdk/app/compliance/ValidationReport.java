package dev.scvcdk.app.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The findings in a cloud assembly's {@code validation-report.json}, the file CDK writes when validation plugins
 * (the cdk-nag packs) run during synthesis.
 */
public final class ValidationReport {

    /** The report's file name inside the cloud assembly directory. */
    public static final String FILE_NAME = "validation-report.json";

    /**
     * One unacknowledged finding on one construct.
     *
     * @param plugin        the cdk-nag pack that reported it, e.g. {@code AwsSolutions} (the five report as one
     *                      plugin, {@link NagPacks#PLUGIN_NAME}; the rule id names the pack), or another plugin
     * @param findingId     the finding id, e.g. {@code AwsSolutions-IAM5[Resource::*]}
     * @param severity      {@code error}, {@code warning}, …
     * @param constructPath the construct path, e.g. {@code ScvAccountStack/AuditTrail/Resource}
     * @param description   the rule's description
     */
    public record Finding(String plugin, String findingId, String severity, String constructPath,
                          String description) {
        @Override
        public String toString() {
            return "[" + severity + "] " + findingId + " at " + constructPath;
        }
    }

    private final Path file;
    private final List<Finding> findings;
    private final List<String> pluginFailures;
    private final List<String> pluginNames;

    private ValidationReport(Path file, List<Finding> findings, List<String> pluginFailures,
            List<String> pluginNames) {
        this.file = file;
        this.pluginNames = List.copyOf(pluginNames);
        this.findings = List.copyOf(findings);
        this.pluginFailures = List.copyOf(pluginFailures);
    }

    /** Reads the report of the cloud assembly in {@code assemblyDirectory}. */
    public static ValidationReport read(Path assemblyDirectory) {
        Path file = assemblyDirectory.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the validation report " + file, e);
        }
        List<Finding> findings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode plugin : root.path("pluginReports")) {
            String name = plugin.path("pluginName").asText();
            names.add(name);
            JsonNode violations = plugin.path("violations");
            String error = plugin.path("metadata").path("error").asText("");
            if (!error.isEmpty() || ("failure".equals(plugin.path("conclusion").asText()) && violations.isEmpty())) {
                failures.add(name + ": " + (error.isEmpty() ? "failed without findings" : error));
            }
            for (JsonNode violation : violations) {
                for (JsonNode construct : violation.path("violatingConstructs")) {
                    String ruleName = violation.path("ruleName").asText();
                    String pack = name.equals(NagPacks.PLUGIN_NAME) ? NagPacks.packOf(ruleName) : null;
                    findings.add(new Finding(pack != null ? pack : name, ruleName,
                            violation.path("severity").asText(), construct.path("constructPath").asText(),
                            violation.path("description").asText()));
                }
            }
        }
        // CDK runs each plugin once per stack environment over the whole tree, so findings repeat.
        return new ValidationReport(file, findings.stream().distinct().toList(),
                failures.stream().distinct().toList(), names.stream().distinct().toList());
    }

    /** The plugins that reported, findings or not (one entry each). */
    public List<String> pluginNames() {
        return pluginNames;
    }

    public Path file() {
        return file;
    }

    /** Every unacknowledged finding, one per construct. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings reported by the given plugins only. */
    public List<Finding> findingsOf(List<String> plugins) {
        return findings.stream().filter(f -> plugins.contains(f.plugin())).toList();
    }

    /** Plugins that could not run (a plugin error is a failed check, not a pass). */
    public List<String> pluginFailures() {
        return pluginFailures;
    }

    /** A short summary for a terminal: each finding id with its constructs, then where the full report is. */
    public String summary(List<String> plugins) {
        List<Finding> relevant = findingsOf(plugins);
        Map<String, List<String>> byId = new TreeMap<>();
        relevant.forEach(f -> byId.computeIfAbsent("[" + f.severity() + "] " + f.findingId(), k -> new ArrayList<>())
                .add(f.constructPath()));
        StringBuilder text = new StringBuilder();
        text.append(relevant.size()).append(" unacknowledged cdk-nag finding").append(relevant.size() == 1 ? "" : "s");
        if (!pluginFailures.isEmpty()) {
            text.append(" and ").append(pluginFailures.size()).append(" failed validation plugin")
                    .append(pluginFailures.size() == 1 ? "" : "s");
        }
        text.append(":\n");
        pluginFailures.forEach(f -> text.append("  plugin failed: ").append(f).append('\n'));
        byId.forEach((id, paths) -> text.append("  ").append(id).append(" at ").append(String.join(", ", paths))
                .append('\n'));
        text.append("Fix them, or acknowledge each exact finding with a reason in the register ")
                .append("dev.scvcdk.app.compliance.NagAcknowledgements.\nFull report: ").append(file);
        return text.toString();
    }
}
