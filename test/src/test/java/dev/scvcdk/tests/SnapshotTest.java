package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One JSON snapshot per stack of each tenant (the example's in {@code snapshots/}, GovCloud's in
 * {@code snapshots/govcloud/}): any change to a synthesized template shows up in review. Asset hashes are normalised
 * so a rebuilt jar does not count as a change. Regenerate with {@code -Dsnapshots.update=true}.
 */
public class SnapshotTest {

    static final Path SNAPSHOTS = Path.of("src", "test", "resources", "snapshots");
    private static final boolean UPDATE = Boolean.getBoolean("snapshots.update");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void everyStackMatchesItsSnapshot(Tenant tenant) throws IOException {
        Map<String, JsonNode> templates = SynthesizedApp.acknowledged(tenant).templates;
        assertThat(templates).isNotEmpty();
        StringBuilder mismatches = new StringBuilder();
        for (Map.Entry<String, JsonNode> stack : templates.entrySet()) {
            Path file = SNAPSHOTS.resolve(tenant.snapshotFolder() + stack.getKey() + ".json");
            String actual = render(stack.getValue());
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } else if (!Files.exists(file)) {
                mismatches.append(file).append(" does not exist\n");
            } else {
                String expected = Files.readString(file, StandardCharsets.UTF_8);
                if (!expected.equals(actual)) {
                    mismatches.append(file).append(" differs: ").append(firstDifference(expected, actual)).append('\n');
                }
            }
        }
        if (mismatches.length() > 0) {
            fail(mismatches + "Review the change; if intended, run the tests with -Dsnapshots.update=true");
        }
    }

    @Test
    void normalisingReplacesAssetHashesAndVersionHashesOnly() {
        // GIVEN a template fragment with an asset key, a Lambda version logical id, and ordinary values
        ObjectNode template = MAPPER.createObjectNode();
        ObjectNode resources = template.putObject("Resources");
        resources.putObject("FnCurrentVersion4E2B22611f2bf5d4c3a0e7f1b9d8c6a5e4f3b2a1").put("Type",
                "AWS::Lambda::Version");
        resources.putObject("Fn").putObject("Properties").putObject("Code").put("S3Key",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.jar");
        resources.putObject("CDKMetadata").put("Type", "AWS::CDK::Metadata");
        // WHEN rendered for a snapshot
        String rendered = render(template);
        // THEN hashes are replaced by markers, CDK's version metadata is gone, the rest is kept
        assertThat(rendered).contains("\"FnCurrentVersion4E2B2261<hash>\"", "\"<asset-hash>.jar\"",
                "\"AWS::Lambda::Version\"").doesNotContain("CDKMetadata");
    }

    /**
     * Compares {@code actual} with the snapshot file {@code fileName}, or writes it under {@code -Dsnapshots.update=true}.
     * Returns what differs, empty when it matches (or was written). For snapshots that are not stack templates.
     */
    public static java.util.Optional<String> compareOrUpdate(String fileName, String actual) throws IOException {
        Path file = SNAPSHOTS.resolve(fileName);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return java.util.Optional.empty();
        }
        if (!Files.exists(file)) {
            return java.util.Optional.of(file + " does not exist. Generate it with -Dsnapshots.update=true");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        return expected.equals(actual) ? java.util.Optional.empty()
                : java.util.Optional.of(file + " differs: " + firstDifference(expected, actual)
                        + ". Review the change; if intended, run the tests with -Dsnapshots.update=true");
    }

    /** Asset and version hashes replaced by markers, as in the JSON snapshots. */
    public static String normaliseHashes(String text) {
        return normalise(text);
    }

    static String render(JsonNode template) {
        JsonNode copy = normalise(template.deepCopy());
        if (copy instanceof ObjectNode object) {
            JsonNode resources = object.path("Resources");
            if (resources instanceof ObjectNode r) {
                // CDK's analytics blob changes with library versions, not with this app.
                r.remove("CDKMetadata");
            }
            if (object.path("Conditions") instanceof ObjectNode conditions) {
                conditions.remove("CDKMetadataAvailable");
                if (conditions.isEmpty()) {
                    object.remove("Conditions");
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(MAPPER.treeToValue(copy, Object.class)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode normalise(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(normalise(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode result = MAPPER.createObjectNode();
            object.properties().forEach(e -> result.set(normalise(e.getKey()), normalise(e.getValue())));
            return result;
        }
        if (node.isArray()) {
            var array = MAPPER.createArrayNode();
            node.forEach(n -> array.add(normalise(n)));
            return array;
        }
        return node;
    }

    private static String normalise(String text) {
        return text.replaceAll("[0-9a-f]{64}", "<asset-hash>")
                // Lambda version logical ids end in a hash of the function's code and configuration.
                .replaceAll("(CurrentVersion[0-9A-F]{8})[0-9a-f]{32}", "$1<hash>");
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                return "line " + (i + 1) + ": expected " + e[i].strip() + " but was " + a[i].strip();
            }
        }
        return "expected " + e.length + " lines but was " + a.length;
    }
}
