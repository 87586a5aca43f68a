package dev.scvcdk.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.app.AppOptions;
import dev.scvcdk.app.ScvApp;
import dev.scvcdk.app.compliance.ValidationReport;
import dev.scvcdk.app.config.LoadedTenantConfig;
import dev.scvcdk.app.config.TenantConfigLoader;
import software.amazon.awscdk.Stack;

/**
 * The whole SCV app built from the embedded example tenant and synthesized once per test JVM, as {@code cdk synth}
 * builds it: all stacks, the five cdk-nag packs, the acknowledgement register. Every test class of this module reads
 * these instances (public for {@code dev.scvcdk.tests.iam}); each synth costs seconds.
 */
public final class SynthesizedApp {

    private static SynthesizedApp acknowledged;
    private static SynthesizedApp raw;

    /** The tenant config the app was built from (the embedded example). */
    public final LoadedTenantConfig config;
    public final ScvApp.Composition composition;
    /** Stack id (equal to its stack name) → its synthesized CloudFormation template, for every stack of the app. */
    public final Map<String, JsonNode> templates;
    final ValidationReport report;
    /** The cloud assembly directory the app was synthesized into. */
    public final Path outdir;

    private SynthesizedApp(String name, AppOptions.Builder options) {
        this.outdir = Path.of("target", "synth", name).toAbsolutePath();
        deleteRecursively(outdir);
        // The Lambda jars are the app's default: the resources of dev.scvcdk:scv-lambda-code on the classpath.
        this.config = TenantConfigLoader.loadEmbedded();
        this.composition = ScvApp.create(config, options.outdir(outdir).build());
        composition.app().synth();
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> byStack = new LinkedHashMap<>();
        for (Stack stack : composition.allStacks()) {
            try {
                byStack.put(stack.getNode().getId(), mapper.readTree(outdir.resolve(stack.getTemplateFile()).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.templates = Map.copyOf(byStack);
        this.report = ValidationReport.read(outdir);
    }

    /** The app exactly as {@code cdk synth} makes it. */
    public static synchronized SynthesizedApp acknowledged() {
        if (acknowledged == null) {
            acknowledged = new SynthesizedApp("acknowledged", AppOptions.builder());
        }
        return acknowledged;
    }

    /** The same app with no acknowledgement applied: every raw cdk-nag finding is in its report. */
    static synchronized SynthesizedApp raw() {
        if (raw == null) {
            raw = new SynthesizedApp("raw", AppOptions.builder().acknowledgements(List.of()));
        }
        return raw;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
