package dev.scvcdk.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.app.AppOptions;
import dev.scvcdk.app.ScvApp;
import dev.scvcdk.app.compliance.ValidationReport;
import dev.scvcdk.app.config.LoadedTenantConfig;
import software.amazon.awscdk.Stack;

/**
 * The whole SCV app of one {@link Tenant}, synthesized once per test JVM as {@code cdk synth} builds it: all stacks,
 * the five cdk-nag packs, the acknowledgement register. Every test class of this module reads these instances (public
 * for {@code dev.scvcdk.tests.iam}); each synth costs seconds.
 */
public final class SynthesizedApp {

    private static final Map<Tenant, SynthesizedApp> ACKNOWLEDGED = new EnumMap<>(Tenant.class);
    private static final Map<Tenant, SynthesizedApp> RAW = new EnumMap<>(Tenant.class);

    public final Tenant tenant;
    /** The tenant config the app was built from, loaded as {@code cdk synth} loads it. */
    public final LoadedTenantConfig config;
    public final ScvApp.Composition composition;
    /** Stack id (equal to its stack name) → its synthesized CloudFormation template, for every stack of the app. */
    public final Map<String, JsonNode> templates;
    final ValidationReport report;
    /** The cloud assembly directory the app was synthesized into. */
    public final Path outdir;

    private SynthesizedApp(Tenant tenant, String name, AppOptions.Builder options) {
        this.tenant = tenant;
        this.outdir = Path.of("target", "synth", tenant.name().toLowerCase(Locale.ROOT), name)
                .toAbsolutePath();
        deleteRecursively(outdir);
        // The Lambda jars are the app's default: the resources of dev.scvcdk:scv-lambda-code on the classpath.
        this.config = tenant.load();
        this.composition = ScvApp.create(config, options.outdir(outdir).build());
        composition.stage().synth();
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

    /** The tenant's app exactly as {@code cdk synth} makes it. */
    public static synchronized SynthesizedApp acknowledged(Tenant tenant) {
        return ACKNOWLEDGED.computeIfAbsent(tenant, t -> new SynthesizedApp(t, "acknowledged", AppOptions.builder()));
    }

    /** The same app with no acknowledgement applied: every raw cdk-nag finding is in its report. */
    static synchronized SynthesizedApp raw(Tenant tenant) {
        return RAW.computeIfAbsent(tenant, t -> new SynthesizedApp(t, "raw",
                AppOptions.builder().acknowledgements(List.of())));
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
