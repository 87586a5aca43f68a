package dev.scvcdk.app.compliance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import io.github.cdklabs.cdknag.NagPack;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;

/**
 * One validation plugin that checks each stack of its stage once with every cdk-nag pack. Two costs of
 * registering the packs as they come are avoided:
 * <ul>
 *   <li>CDK calls a stage's validation plugins once per environment of its stacks, and cdk-nag 3.0.2's
 *       {@link NagPack#validate} walks {@code context.getAppConstruct()}, the whole app, on every call: the example
 *       tenant's three stacks were checked three times, and a pipeline's tenant stage checked the pipeline stack and
 *       every other tenant too. This plugin checks exactly the stage's stacks whose templates it is given.</li>
 *   <li>After every call of every plugin CDK hashes every file of the output directory, the two Lambda jars
 *       included, to see that the plugin changed nothing: five plugins meant five times the hashing.</li>
 * </ul>
 * Its violations keep cdk-nag's rule ids, which start with the pack's name ({@link NagPacks#packOf}).
 */
final class NagPacksPlugin implements IPolicyValidationPlugin {
    private final List<NagPack> packs;
    private final Stage stage;
    /** The stage's stacks by template file, read once: each read of the construct tree is a jsii call. */
    private Map<Path, Stack> stacksByTemplate;

    NagPacksPlugin(List<NagPack> packs, Stage stage) {
        this.packs = List.copyOf(packs);
        this.stage = stage;
    }

    @Override
    public String getName() {
        return NagPacks.PLUGIN_NAME;
    }

    @Override
    public String getVersion() {
        return packs.get(0).getVersion();
    }

    /** The packs' rule ids (optional in CDK's plugin interface, and cdk-nag leaves them out: then none). */
    @Override
    public List<String> getRuleIds() {
        Set<String> ids = new LinkedHashSet<>();
        packs.stream().map(NagPack::getRuleIds).filter(Objects::nonNull).forEach(ids::addAll);
        return ids.isEmpty() ? null : List.copyOf(ids);
    }

    @Override
    public PolicyValidationPluginReport validate(IPolicyValidationContext context) {
        List<PolicyViolation> violations = new ArrayList<>();
        for (String template : context.getTemplatePaths()) {
            Stack stack = stacksByTemplate().get(normalized(template));
            if (stack != null) {
                packs.forEach(pack -> violations.addAll(pack.validateScope(stack).getViolations()));
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
