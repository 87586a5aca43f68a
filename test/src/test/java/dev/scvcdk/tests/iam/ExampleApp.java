package dev.scvcdk.tests.iam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.app.AppOptions;
import dev.scvcdk.app.ScvApp;
import dev.scvcdk.app.config.LoadedTenantConfig;
import dev.scvcdk.app.config.TenantConfigLoader;
import dev.scvcdk.policies.config.TenantConfig;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The example tenant (the app's embedded {@code config/tenant.example.json}) synthesized by {@link ScvApp} into its
 * account stack and one contact-center stack per contact center, once per test JVM. The policy tests read IAM from
 * these templates only.
 */
final class ExampleApp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExampleApp instance;

    final TenantConfig config;
    /** Stack name → synthesized stack (template, account, region). */
    final Map<String, SynthesizedStack> stacks;

    record SynthesizedStack(String name, String account, String region, JsonNode template) {
    }

    private ExampleApp() {
        Path outdir = Path.of("target", "iam-synth").toAbsolutePath();
        try {
            Files.createDirectories(outdir);
            LoadedTenantConfig loaded = TenantConfigLoader.loadEmbedded();
            this.config = loaded.config();
            // The app as `cdk synth` composes it. The policies do not depend on the code, so a small stand-in jar
            // keeps these tests independent of the lambdas build; cdk-nag adds no IAM and is left to its own suite.
            ScvApp.Composition composition = ScvApp.create(loaded, AppOptions.builder()
                    .outdir(outdir)
                    .nagEnabled(false)
                    .lambdaJar(standInJar(outdir))
                    .build());
            Map<String, SynthesizedStack> byName = new LinkedHashMap<>();
            for (CloudFormationStackArtifact artifact : composition.app().synth().getStacks()) {
                byName.put(artifact.getStackName(), new SynthesizedStack(artifact.getStackName(),
                        artifact.getEnvironment().getAccount(), artifact.getEnvironment().getRegion(),
                        JSON.valueToTree(artifact.getTemplate())));
            }
            this.stacks = Map.copyOf(byName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized ExampleApp get() {
        if (instance == null) {
            instance = new ExampleApp();
        }
        return instance;
    }

    /** Surefire runs in the module directory; the config lives at the repository root. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("config"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no config/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static Path standInJar(Path dir) throws IOException {
        Path jar = dir.resolve("stand-in-lambdas.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("policy simulation stand-in".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
