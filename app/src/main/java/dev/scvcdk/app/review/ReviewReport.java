package dev.scvcdk.app.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The review report {@code cdk synth} writes next to the templates, into {@code <outdir>/scv-review/}: the IAM
 * matrix (Markdown and JSON), the cdk-nag acknowledgements, the resource policies and a Mermaid architecture
 * diagram per contact center. Everything is read back from the synthesized cloud assembly, never from the Java
 * model, so the report shows exactly what deploys.
 */
public final class ReviewReport {

    /** The report's directory inside the cloud assembly directory. */
    public static final String DIRECTORY = "scv-review";
    public static final String IAM_MATRIX_MD = "iam-matrix.md";
    public static final String IAM_MATRIX_JSON = "iam-matrix.json";
    public static final String NAG_ACKNOWLEDGEMENTS_MD = "nag-acknowledgements.md";
    public static final String RESOURCE_POLICIES_MD = "resource-policies.md";
    public static final String ARCHITECTURE_MD = "architecture.md";

    private final IamMatrix iamMatrix;
    private final AcknowledgedFindings acknowledgements;
    private final ResourcePolicies resourcePolicies;
    private final Architecture architecture;

    private ReviewReport(IamMatrix iamMatrix, AcknowledgedFindings acknowledgements,
                         ResourcePolicies resourcePolicies, Architecture architecture) {
        this.iamMatrix = iamMatrix;
        this.acknowledgements = acknowledgements;
        this.resourcePolicies = resourcePolicies;
        this.architecture = architecture;
    }

    /** Builds the report of the assembly in {@code assemblyDirectory}. */
    public static ReviewReport of(Path assemblyDirectory) {
        SynthesizedAssembly assembly = SynthesizedAssembly.read(assemblyDirectory);
        IamMatrix matrix = IamMatrix.of(assembly, AccessLevels.load());
        return new ReviewReport(matrix, AcknowledgedFindings.of(assembly), ResourcePolicies.of(assembly),
                Architecture.of(assembly, matrix));
    }

    /** Builds the report of the assembly in {@code assemblyDirectory} and writes it there; returns its directory. */
    public static Path write(Path assemblyDirectory) {
        ReviewReport report = of(assemblyDirectory);
        Path directory = assemblyDirectory.resolve(DIRECTORY);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(IAM_MATRIX_MD), report.iamMatrixMarkdown());
            Files.writeString(directory.resolve(IAM_MATRIX_JSON), new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.iamMatrix) + "\n");
            Files.writeString(directory.resolve(NAG_ACKNOWLEDGEMENTS_MD), report.acknowledgementsMarkdown());
            Files.writeString(directory.resolve(RESOURCE_POLICIES_MD), report.resourcePoliciesMarkdown());
            Files.writeString(directory.resolve(ARCHITECTURE_MD), report.architectureMarkdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the review report to " + directory, e);
        }
        return directory;
    }

    public IamMatrix iamMatrix() {
        return iamMatrix;
    }

    public AcknowledgedFindings acknowledgements() {
        return acknowledgements;
    }

    public ResourcePolicies resourcePolicies() {
        return resourcePolicies;
    }

    public Architecture architecture() {
        return architecture;
    }

    String iamMatrixMarkdown() {
        StringBuilder md = new StringBuilder("# IAM matrix\n\n");
        md.append("Every IAM role of the synthesized templates (").append(iamMatrix.roles().size())
                .append(" roles), read from `*.template.json`. Access levels are those of the AWS Service ")
                .append("Authorization Reference for the actions the example tenant grants; `")
                .append(IamMatrix.UNKNOWN_ACCESS_LEVEL).append("` marks an action outside that table.\n");
        String stack = null;
        for (IamMatrix.Role role : iamMatrix.roles()) {
            if (!role.stack().equals(stack)) {
                stack = role.stack();
                md.append("\n## Stack ").append(stack).append("\n");
            }
            md.append("\n### ").append(role.name()).append("\n\n");
            md.append("- Logical id: `").append(role.logicalId()).append("`\n");
            md.append("- Permissions boundary: ").append(role.boundary().isEmpty() ? "**none**" : code(role.boundary()))
                    .append('\n');
            for (IamMatrix.Trust trust : role.trust()) {
                md.append("- Trust: ").append(trust.effect()).append(' ').append(String.join(", ", trust.actions()))
                        .append(" by ").append(principalsText(trust.principals()));
                if (!trust.conditions().isEmpty()) {
                    md.append(" when ").append(code(CfnValues.conditionsText(trust.conditions())));
                }
                md.append('\n');
            }
            md.append("\n| Policy | Effect | Action | Access level | Resources | Conditions |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (IamMatrix.Permission p : role.permissions()) {
                md.append("| ").append(cell(p.policy() + (p.sid().isEmpty() ? "" : " / " + p.sid()))).append(" | ")
                        .append(p.effect()).append(" | ").append(cell(p.action())).append(" | ")
                        .append(p.accessLevel()).append(" | ").append(cells(p.resources())).append(" | ")
                        .append(cell(CfnValues.conditionsText(p.conditions()))).append(" |\n");
            }
        }
        return md.toString();
    }

    String acknowledgementsMarkdown() {
        Map<String, List<AcknowledgedFindings.Acknowledgement>> byPack = new LinkedHashMap<>();
        acknowledgements.acknowledgements().forEach(a -> byPack.computeIfAbsent(a.pack(), k -> new ArrayList<>()).add(a));
        StringBuilder md = new StringBuilder("# cdk-nag acknowledgements\n\n");
        md.append("Every acknowledged cdk-nag finding of the synthesized app (")
                .append(acknowledgements.acknowledgements().size())
                .append("), from the acknowledgement metadata of the cloud assembly: the register ")
                .append("`NagAcknowledgements` as applied. The finding is on the construct or below it.\n\n");
        byPack.forEach((pack, list) -> md.append("- ").append(pack).append(": ").append(list.size()).append('\n'));
        byPack.forEach((pack, list) -> {
            // One row per finding id and reason: the same acceptance on many constructs reads once.
            Map<String, List<String>> pathsByFinding = new LinkedHashMap<>();
            for (AcknowledgedFindings.Acknowledgement a : list) {
                pathsByFinding.computeIfAbsent(a.findingId() + "\n" + a.reason(), k -> new ArrayList<>())
                        .add(a.constructPath());
            }
            md.append("\n## ").append(pack).append("\n\n| Rule | Construct paths | Reason |\n|---|---|---|\n");
            pathsByFinding.forEach((key, paths) -> {
                String[] findingAndReason = key.split("\n", 2);
                md.append("| ").append(cell(findingAndReason[0])).append(" | ").append(cells(paths)).append(" | ")
                        .append(cell(findingAndReason[1])).append(" |\n");
            });
        });
        return md.toString();
    }

    String resourcePoliciesMarkdown() {
        StringBuilder md = new StringBuilder("# Resource policies\n\n");
        md.append("The resource-based policies of the synthesized templates: ")
                .append(String.join(", ", ResourcePolicies.KINDS)).append(".\n");
        String kind = null;
        for (ResourcePolicies.ResourcePolicy policy : resourcePolicies.policies()) {
            if (!policy.kind().equals(kind)) {
                kind = policy.kind();
                md.append("\n## ").append(kind.endsWith("policy") ? kind.replaceAll("policy$", "policies") : kind + "s")
                        .append('\n');
            }
            md.append("\n### ").append(cell(policy.subject())).append("\n\n- Stack ").append(policy.stack())
                    .append(", logical id `").append(policy.logicalId()).append("`\n\n");
            md.append("| Sid | Effect | Principals | Actions | Resources | Conditions |\n|---|---|---|---|---|---|\n");
            for (ResourcePolicies.Statement s : policy.statements()) {
                md.append("| ").append(cell(s.sid())).append(" | ").append(s.effect()).append(" | ")
                        .append(cell(principalsText(s.principals()))).append(" | ").append(cells(s.actions()))
                        .append(" | ").append(cells(s.resources())).append(" | ")
                        .append(cell(CfnValues.conditionsText(s.conditions()))).append(" |\n");
            }
        }
        return md.toString();
    }

    String architectureMarkdown() {
        StringBuilder md = new StringBuilder("# Architecture\n\n");
        md.append("Per contact center, from its synthesized template: triggers → functions → roles → the streams, ")
                .append("keys, buckets and parameters of this contact center the roles' statements grant, and the ")
                .append("Salesforce endpoints in the functions' environment. Dotted arrows: a function invoking another.\n");
        for (Architecture.ContactCenter cc : architecture.contactCenters()) {
            Mermaid graph = new Mermaid();
            for (Architecture.Trigger trigger : cc.triggers()) {
                graph.edge(graph.node("trigger", trigger.kind() + ": " + trigger.source(), "([", "])"),
                        graph.node("function", trigger.function(), "[", "]"), "-->", "");
            }
            for (Architecture.Function function : cc.functions()) {
                graph.edge(graph.node("function", function.name(), "[", "]"),
                        graph.node("role", function.role(), "{{", "}}"), "-->", "runs as");
            }
            for (Architecture.Invocation invocation : cc.invocations()) {
                graph.edge(graph.node("function", invocation.function(), "[", "]"),
                        graph.node("function", invocation.target(), "[", "]"), "-.->", invocation.variable());
            }
            for (Architecture.Reach reach : cc.reach()) {
                graph.edge(graph.node("role", reach.role(), "{{", "}}"),
                        graph.node(reach.kind(), reach.kind() + ": " + reach.resource(), "[(", ")]"), "-->",
                        String.join(", ", reach.accessLevels()));
            }
            for (Architecture.Endpoint endpoint : cc.endpoints()) {
                graph.edge(graph.node("function", endpoint.function(), "[", "]"),
                        graph.node("endpoint", endpoint.url(), ">", "]"), "-->", endpoint.variable());
            }
            md.append("\n## ").append(cc.callCenter()).append(" (stack ").append(cc.stack()).append(")\n\n")
                    .append(cc.functions().size()).append(" functions, ").append(cc.triggers().size())
                    .append(" triggers.\n\n```mermaid\n").append(graph).append("```\n");
        }
        return md.toString();
    }

    private static String principalsText(Map<String, List<String>> principals) {
        List<String> parts = new ArrayList<>();
        principals.forEach((type, values) -> parts.add(type + " " + String.join(", ", values)));
        return String.join("; ", parts);
    }

    private static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }

    /** A Markdown table cell: pipes escaped, line breaks as {@code <br>}. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", "<br>");
    }

    private static String cells(List<String> items) {
        return cell(String.join("<br>", items));
    }

    /** A Mermaid flowchart: nodes get stable generated ids, labels are quoted. */
    private static final class Mermaid {
        private final Map<String, String> ids = new LinkedHashMap<>();
        private final List<String> nodes = new ArrayList<>();
        private final List<String> edges = new ArrayList<>();

        String node(String kind, String label, String open, String close) {
            return ids.computeIfAbsent(kind + "\n" + label, key -> {
                String id = "n" + ids.size();
                nodes.add("  " + id + open + "\"" + label.replace("\"", "#quot;") + "\"" + close);
                return id;
            });
        }

        void edge(String from, String to, String arrow, String label) {
            String edge = "  " + from + " " + arrow + (label.isEmpty() ? "" : "|\"" + label.replace("\"", "#quot;")
                    + "\"|") + " " + to;
            if (!edges.contains(edge)) {
                edges.add(edge);
            }
        }

        @Override
        public String toString() {
            return "flowchart LR\n" + String.join("\n", nodes) + "\n" + String.join("\n", edges) + "\n";
        }
    }
}
