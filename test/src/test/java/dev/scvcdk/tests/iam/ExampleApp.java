package dev.scvcdk.tests.iam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.scvcdk.app.ScvApp;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.tests.SynthesizedApp;
import dev.scvcdk.tests.Tenant;
import software.amazon.awscdk.Stack;

/**
 * An example tenant ({@link Tenant}) synthesized by {@link ScvApp} into its account stack and one contact-center stack
 * per contact center. It is the suite's synthesized app of that tenant ({@link SynthesizedApp#acknowledged(Tenant)}),
 * seen per stack with its environment; the policy tests read IAM from these templates only.
 */
public final class ExampleApp {

    private static final Map<Tenant, ExampleApp> INSTANCES = new EnumMap<>(Tenant.class);

    final Tenant tenant;
    final TenantConfig config;
    /** Stack name → synthesized stack (template, account, region). */
    final Map<String, SynthesizedStack> stacks;

    record SynthesizedStack(String name, String account, String region, JsonNode template) {
    }

    private ExampleApp(SynthesizedApp app) {
        this.tenant = app.tenant;
        this.config = app.config.config();
        Map<String, SynthesizedStack> byName = new LinkedHashMap<>();
        for (Stack stack : app.composition.allStacks()) {
            byName.put(stack.getStackName(), new SynthesizedStack(stack.getStackName(), stack.getAccount(),
                    stack.getRegion(), app.templates.get(stack.getNode().getId())));
        }
        this.stacks = Map.copyOf(byName);
    }

    static synchronized ExampleApp get(Tenant tenant) {
        return INSTANCES.computeIfAbsent(tenant, t -> new ExampleApp(SynthesizedApp.acknowledged(t)));
    }

    /** Surefire runs in the module directory; the config lives at the repository root. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("config"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no config/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
