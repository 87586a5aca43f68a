package dev.scvcdk.app.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A synthesized cloud assembly as the review report reads it: the stacks of {@code manifest.json}, each with its
 * {@code *.template.json} and its construct metadata. Read from disk only, so the report shows what will deploy.
 */
public final class SynthesizedAssembly {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One CloudFormation stack of the assembly.
     *
     * @param id       the artifact id (the stack's construct id)
     * @param name     the stack name (the artifact's display name, else its id)
     * @param template the CloudFormation template
     * @param metadata construct path ({@code /Stack/Construct}) → metadata entries, from the manifest or the
     *                 stack's additional metadata file
     */
    public record StackArtifact(String id, String name, JsonNode template, JsonNode metadata) {
        /** The template's resources, logical id → resource, in template order. */
        public Iterable<Map.Entry<String, JsonNode>> resources() {
            return template.path("Resources").properties();
        }

        /** The resource with this logical id, or a missing node. */
        public JsonNode resource(String logicalId) {
            return template.path("Resources").path(logicalId);
        }

        /** The logical ids of the resources of one CloudFormation type, in template order. */
        public List<String> logicalIdsOf(String type) {
            List<String> ids = new ArrayList<>();
            for (Map.Entry<String, JsonNode> resource : resources()) {
                if (type.equals(resource.getValue().path("Type").asText())) {
                    ids.add(resource.getKey());
                }
            }
            return ids;
        }
    }

    private final Path directory;
    private final List<StackArtifact> stacks;

    private SynthesizedAssembly(Path directory, List<StackArtifact> stacks) {
        this.directory = directory;
        this.stacks = List.copyOf(stacks);
    }

    /** Reads the assembly in {@code directory} (the app's outdir, e.g. {@code cdk.out}). */
    public static SynthesizedAssembly read(Path directory) {
        JsonNode manifest = readJson(directory.resolve("manifest.json"));
        List<StackArtifact> stacks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> artifact : manifest.path("artifacts").properties()) {
            JsonNode value = artifact.getValue();
            if (!"aws:cloudformation:stack".equals(value.path("type").asText())) {
                continue;
            }
            String templateFile = value.path("properties").path("templateFile").asText();
            JsonNode metadata = value.has("additionalMetadataFile")
                    ? readJson(directory.resolve(value.path("additionalMetadataFile").asText()))
                    : value.path("metadata");
            stacks.add(new StackArtifact(artifact.getKey(), value.path("displayName").asText(artifact.getKey()),
                    readJson(directory.resolve(templateFile)), metadata.isMissingNode()
                            ? MissingNode.getInstance() : metadata));
        }
        return new SynthesizedAssembly(directory, stacks);
    }

    public Path directory() {
        return directory;
    }

    /** The stacks in manifest order. */
    public List<StackArtifact> stacks() {
        return stacks;
    }

    static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the cloud assembly has no " + file.getFileName() + " at " + file);
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
