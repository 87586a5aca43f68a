package dev.scvcdk.app.compliance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.cdklabs.cdknag.NagPack;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.constructs.IConstruct;

/**
 * A cdk-nag pack that checks only the stacks of one nested stage (a pipeline's tenant stage). cdk-nag 3.0.2's
 * {@link NagPack#validate} walks {@code context.getAppConstruct()}, the whole app, whichever stage registered
 * the pack: registered on a tenant stage as is, it would check the pipeline stack and every other tenant's
 * stage too, once per stage and per environment. CDK calls a stage's plugins once per environment of its
 * stacks with those stacks' templates; this plugin checks the stage's stacks whose templates it is given.
 */
final class StageNagPack implements IPolicyValidationPlugin {
    private final NagPack pack;
    private final Stage stage;

    StageNagPack(NagPack pack, Stage stage) {
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
        Set<Path> templates = context.getTemplatePaths().stream().map(StageNagPack::normalized)
                .collect(Collectors.toSet());
        List<PolicyViolation> violations = new ArrayList<>();
        for (IConstruct construct : stage.getNode().findAll()) {
            if (Stack.isStack(construct) && Stage.of(construct) == stage
                    && templates.contains(normalized(Path.of(stage.getOutdir(), ((Stack) construct).getTemplateFile())
                    .toString()))) {
                violations.addAll(pack.validateScope(construct).getViolations());
            }
        }
        return PolicyValidationPluginReport.builder().success(violations.isEmpty()).violations(violations).build();
    }

    private static Path normalized(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
