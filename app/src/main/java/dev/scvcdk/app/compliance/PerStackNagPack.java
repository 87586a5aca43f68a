package dev.scvcdk.app.compliance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cdklabs.cdknag.NagPack;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;

/**
 * A cdk-nag pack that checks each stack of its stage once. CDK calls a stage's validation plugins once per
 * environment of its stacks, with those stacks' templates; cdk-nag 3.0.2's {@link NagPack#validate} walks
 * {@code context.getAppConstruct()}, the whole app, on every call. Registered as is, each pack checked the example
 * tenant's three stacks three times (one per region), and on a pipeline's tenant stage it checked the pipeline
 * stack and every other tenant too. This plugin checks exactly the stage's stacks whose templates it is given.
 */
final class PerStackNagPack implements IPolicyValidationPlugin {
    private final NagPack pack;
    private final Stage stage;
    /** The stage's stacks by template file, read once: each read of the construct tree is a jsii call. */
    private Map<Path, Stack> stacksByTemplate;

    PerStackNagPack(NagPack pack, Stage stage) {
        this.pack = pack;
        this.stage = stage;
    }

    @Override
    public String getName() {
        // The report, the acknowledgements and NagPacks.NAMES all go by the pack's own name.
        return pack.getName();
    }

    @Override
    public String getVersion() {
        return pack.getVersion();
    }

    @Override
    public List<String> getRuleIds() {
        return pack.getRuleIds();
    }

    @Override
    public PolicyValidationPluginReport validate(IPolicyValidationContext context) {
        List<PolicyViolation> violations = new ArrayList<>();
        for (String template : context.getTemplatePaths()) {
            Stack stack = stacksByTemplate().get(normalized(template));
            if (stack != null) {
                violations.addAll(pack.validateScope(stack).getViolations());
            }
        }
        return PolicyValidationPluginReport.builder().success(violations.isEmpty()).violations(violations).build();
    }

    private Map<Path, Stack> stacksByTemplate() {
        if (stacksByTemplate == null) {
            stacksByTemplate = new HashMap<>();
            String outdir = stage.getOutdir();
            stage.getNode().getChildren().stream()
                    .filter(Stack.class::isInstance)
                    .map(Stack.class::cast)
                    .forEach(stack -> stacksByTemplate.put(normalized(Path.of(outdir, stack.getTemplateFile())
                            .toString()), stack));
        }
        return stacksByTemplate;
    }

    private static Path normalized(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
