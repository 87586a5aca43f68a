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

    /**
     * A finding cdk-nag reported although the register acknowledges it, because the acknowledgement is on another
     * construct: cdk-nag honours an acknowledgement on the construct or its parents only, and CDK then suppresses
     * what is left by finding id anywhere in the app.
     *
     * @param acknowledgedAt the construct whose acknowledgement CDK used
     */
    public record AcknowledgedElsewhere(Finding finding, String acknowledgedAt) {
        @Override
        public String toString() {
            return finding + " acknowledged only at " + acknowledgedAt;
        }
    }

    private final Path file;
    private final List<Finding> findings;
    private final List<AcknowledgedElsewhere> acknowledgedElsewhere;
    private final List<String> pluginFailures;
    private final List<String> pluginNames;

    private ValidationReport(Path file, List<Finding> findings, List<AcknowledgedElsewhere> acknowledgedElsewhere,
            List<String> pluginFailures, List<String> pluginNames) {
        this.file = file;
        this.acknowledgedElsewhere = List.copyOf(acknowledgedElsewhere);
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
        List<AcknowledgedElsewhere> acknowledgedElsewhere = new ArrayList<>();
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
                findings.addAll(findingsOf(name, violation));
            }
            // CDK also suppresses by id for plugins that do not read acknowledgements themselves: those on the
            // construct or a parent of it are its own
            for (JsonNode violation : plugin.path("suppressedViolations")) {
                String acknowledgedAt = violation.path("acknowledgedAt").asText();
                findingsOf(name, violation).stream()
                        .filter(f -> !NagAcknowledgements.covers(acknowledgedAt, f.constructPath()))
                        .forEach(f -> acknowledgedElsewhere.add(new AcknowledgedElsewhere(f, acknowledgedAt)));
            }
        }
        // CDK runs each plugin once per stack environment over the whole tree, so findings repeat.
        return new ValidationReport(file, findings.stream().distinct().toList(),
                acknowledgedElsewhere.stream().distinct().toList(), failures.stream().distinct().toList(),
                names.stream().distinct().toList());
    }

    /** One finding per construct of a reported violation. */
    private static List<Finding> findingsOf(String plugin, JsonNode violation) {
        String ruleName = violation.path("ruleName").asText();
        String pack = plugin.equals(NagPacks.PLUGIN_NAME) ? NagPacks.packOf(ruleName) : null;
        List<Finding> findings = new ArrayList<>();
        for (JsonNode construct : violation.path("violatingConstructs")) {
            findings.add(new Finding(pack != null ? pack : plugin, ruleName, violation.path("severity").asText(),
                    construct.path("constructPath").asText(), violation.path("description").asText()));
        }
        return findings;
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

    /**
     * Findings suppressed only by an acknowledgement of the same id on another construct: the register names the
     * wrong constructs for them, and a new finding with that id anywhere would be suppressed unreviewed.
     */
    public List<AcknowledgedElsewhere> acknowledgedElsewhere() {
        return acknowledgedElsewhere;
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
