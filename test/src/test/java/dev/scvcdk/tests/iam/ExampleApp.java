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

import dev.scvcdk.constructs.account.ScvAccountStack;
import dev.scvcdk.constructs.account.ScvAccountStackProps;
import dev.scvcdk.constructs.contactcenter.ScvContactCenterStack;
import dev.scvcdk.constructs.contactcenter.ScvContactCenterStackProps;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The example tenant of {@code config/} synthesized into its account stack and one contact-center stack per
 * contact center, once per test JVM. The policy tests read IAM from these templates only.
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
        Path configDir = repositoryRoot().resolve("config");
        Path outdir = Path.of("target", "iam-synth").toAbsolutePath();
        try {
            this.config = JSON.readValue(configDir.resolve("tenant.example.json").toFile(), TenantConfig.class)
                    .validated();
            String samlXml = Files.readString(configDir.resolve(config.samlMetadataFile()));
            Files.createDirectories(outdir);
            App app = new App(AppProps.builder().outdir(outdir.toString()).build());
            ScvAccountStack account = new ScvAccountStack(app, "ScvAccount", ScvAccountStackProps.builder()
                    .tenantConfig(config).samlMetadataXml(samlXml).build());
            // The policies do not depend on the code; a small stand-in keeps this test independent of the
            // lambdas build.
            Path jar = standInJar(outdir);
            for (ContactCenterConfig cc : config.contactCenters()) {
                ScvContactCenterStack stack = new ScvContactCenterStack(app, "ScvContactCenter-" + cc.callCenterApiName(),
                        ScvContactCenterStackProps.builder().tenantConfig(config).contactCenter(cc).lambdaJar(jar)
                                .build());
                stack.addStackDependency(account);
            }
            Map<String, SynthesizedStack> byName = new LinkedHashMap<>();
            for (CloudFormationStackArtifact artifact : app.synth().getStacks()) {
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
