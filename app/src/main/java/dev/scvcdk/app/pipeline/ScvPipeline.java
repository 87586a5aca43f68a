package dev.scvcdk.app.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scvcdk.app.AppOptions;
import dev.scvcdk.app.ScvApp;
import dev.scvcdk.app.pipeline.LoadedPipelineConfig.LoadedTenant;
import dev.scvcdk.app.pipeline.LoadedPipelineConfig.Wave;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.pipelines.AddStageOpts;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ConfirmPermissionsBroadening;
import software.amazon.awscdk.pipelines.ConnectionSourceOptions;
import software.amazon.awscdk.pipelines.ManualApprovalStep;
import software.amazon.awscdk.pipelines.ManualApprovalStepProps;
import software.amazon.awscdk.pipelines.PermissionsBroadeningCheckProps;
import software.amazon.awscdk.pipelines.ShellStep;
import software.constructs.IConstruct;

/**
 * Delivery to many accounts: a CDK Pipelines stack {@value #STACK_ID} in the pipeline's own account whose
 * synth step rebuilds this repository and re-runs this app, then deploys one {@link Stage} per tenant (the
 * account stack and contact-center stacks {@link ScvApp#create} makes for that tenant config) into the tenant's
 * account, wave by wave in config order: a permissions-broadening check before each tenant's stage, a manual
 * approval before every wave after the first.
 */
public final class ScvPipeline {

    /** Context key naming the pipeline config file (relative to the repository root); set, the app is the pipeline. */
    public static final String CONTEXT_KEY = "scv:pipeline";
    public static final String STACK_ID = "ScvPipeline";
    /**
     * The CDK CLI the self-mutation step installs: the one {@code package.json} pins (kept equal by
     * {@code ScvPipelineTest}), not whatever is latest when the pipeline runs.
     */
    public static final String CDK_CLI_VERSION = "2.1148.1";
    /** The cdk-assets CLI the asset-publishing step installs, pinned for the same reason. */
    public static final String CDK_ASSETS_CLI_VERSION = "4.7.3";
    /** The repository's build, as the README's synth command runs it. */
    public static final String BUILD_COMMAND = "npm ci && mvn -B -q package -DskipTests";

    /**
     * One tenant's stage.
     *
     * @param tenant      the tenant and its config
     * @param composition the SCV stacks in the stage, as {@link ScvApp#create} made them
     */
    public record TenantStage(LoadedTenant tenant, ScvApp.Composition composition) {
        public Stage stage() {
            return composition.stage();
        }
    }

    /**
     * The composed pipeline app.
     *
     * @param app      the CDK app
     * @param stack    the pipeline stack
     * @param pipeline the CDK pipeline (built: its CodePipeline exists)
     * @param stages   the tenants' stages in config order
     */
    public record Composition(App app, Stack stack, CodePipeline pipeline, List<TenantStage> stages) {
    }

    private ScvPipeline() {
    }

    /**
     * Adds the pipeline stack and the tenants' stages to the still empty {@code app}.
     *
     * @param configPath the pipeline config's path as given in context {@value #CONTEXT_KEY}: the synth step
     *                   passes it to the same command in the pipeline's checkout
     */
    public static Composition create(App app, LoadedPipelineConfig loaded, String configPath, AppOptions options) {
        // Before any child: the context of a node with children can no longer be set.
        ScvApp.reportValidationInTheApp(app);
        PipelineConfig config = loaded.config();
        Stack stack = new Stack(app, STACK_ID, StackProps.builder()
                .stackName(STACK_ID)
                .description("Service Cloud Voice delivery pipeline: deploys " + loaded.tenants().size()
                        + " tenant(s) from " + config.source().repository() + "@" + config.source().branch())
                .env(Environment.builder().account(config.account()).region(config.region()).build())
                .build());
        CodePipeline pipeline = CodePipeline.Builder.create(stack, "Pipeline")
                .pipelineName(STACK_ID)
                // V2, CodePipeline's current type: cdk.json keeps the default-to-V2 feature flag at its old default.
                .pipelineType(PipelineType.V2)
                .cliVersion(CDK_CLI_VERSION)
                .cdkAssetsCliVersion(CDK_ASSETS_CLI_VERSION)
                // Target accounts read the pipeline's artifacts: the bucket needs a KMS key they are granted.
                .crossAccountKeys(true)
                .enableKeyRotation(true)
                // One publishing job for every file asset: each asset goes once to each (account, region) it is
                // used in, whichever stacks and stages share it.
                .publishAssetsInParallel(false)
                .synth(ShellStep.Builder.create("Synth")
                        .input(CodePipelineSource.connection(config.source().repository(), config.source().branch(),
                                ConnectionSourceOptions.builder().connectionArn(config.source().connectionArn())
                                        .build()))
                        .env(Map.of("CDK_DISABLE_VERSION_CHECK", "1"))
                        .commands(List.of(BUILD_COMMAND, synthCommand(configPath)))
                        .build())
                .build();

        List<TenantStage> stages = new ArrayList<>();
        String previousWave = null;
        for (Wave wave : loaded.waves()) {
            software.amazon.awscdk.pipelines.Wave pipelineWave = pipeline.addWave(wave.name());
            if (previousWave != null) {
                pipelineWave.addPre(new ManualApprovalStep("Approve-" + wave.name(),
                        ManualApprovalStepProps.builder()
                                .comment("Wave " + previousWave + " is deployed. Deploy wave " + wave.name() + "?")
                                .build()));
            }
            for (LoadedTenant tenant : wave.tenants()) {
                Stage stage = new Stage(app, tenant.tenant().name());
                ScvApp.Composition composition = ScvApp.create(stage, tenant.tenantConfig(), options);
                pipelineWave.addStage(stage, AddStageOpts.builder()
                        .pre(List.of(new ConfirmPermissionsBroadening("ConfirmPermissions",
                                PermissionsBroadeningCheckProps.builder().stage(stage).build())))
                        .build());
                stages.add(new TenantStage(tenant, composition));
            }
            previousWave = wave.name();
        }
        // Built now rather than at synth, so callers and tests see the CodePipeline it makes.
        pipeline.buildPipeline();
        pinCdkCliInstalls(stack);
        // A wave's tenants are listed together (PipelineConfigLoader), so wave order is config order.
        return new Composition(app, stack, pipeline, List.copyOf(stages));
    }

    /** The command CDK Pipelines' permissions-broadening check runs to get the CDK CLI, as a buildspec holds it. */
    private static final String UNPINNED_CLI_INSTALL = "\"npm install -g aws-cdk\"";

    /**
     * Pins the CLI that CDK Pipelines' permissions-broadening check installs: its CodeBuild project runs
     * {@code npm install -g aws-cdk}, whatever is latest when the pipeline runs, and no option of CDK Pipelines sets
     * its version. That one command of each project's buildspec becomes {@value #CDK_CLI_VERSION}'s install; the
     * rest of the buildspec is left as CDK Pipelines renders it.
     */
    private static void pinCdkCliInstalls(Stack stack) {
        for (IConstruct construct : stack.getNode().findAll()) {
            if (construct instanceof CfnProject project
                    && stack.resolve(project.getSource()) instanceof Map<?, ?> source
                    && source.get("buildSpec") != null) {
                Object buildSpec = source.get("buildSpec");
                Object pinned = withPinnedCli(buildSpec);
                if (!pinned.equals(buildSpec)) {
                    project.addPropertyOverride("Source.BuildSpec", pinned);
                }
            }
        }
    }

    /** {@code value}, a resolved buildspec (text, or an {@code Fn::Join} of text and references), the CLI pinned. */
    private static Object withPinnedCli(Object value) {
        if (value instanceof String text) {
            return text.replace(UNPINNED_CLI_INSTALL, "\"npm install -g aws-cdk@" + CDK_CLI_VERSION + "\"");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ScvPipeline::withPinnedCli).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, withPinnedCli(item)));
            return copy;
        }
        return value;
    }

    /** The synth step's command: this app, for the same pipeline config. */
    public static String synthCommand(String configPath) {
        return "npx cdk synth -c " + CONTEXT_KEY + "=" + configPath;
    }
}
