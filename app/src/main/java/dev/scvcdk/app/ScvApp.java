package dev.scvcdk.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.scvcdk.app.compliance.NagAcknowledgements;
import dev.scvcdk.app.compliance.NagPacks;
import dev.scvcdk.app.compliance.ValidationReport;
import dev.scvcdk.app.config.LoadedTenantConfig;
import dev.scvcdk.app.config.TenantConfigLoader;
import dev.scvcdk.app.pipeline.InvalidPipelineConfigException;
import dev.scvcdk.app.pipeline.PipelineConfigLoader;
import dev.scvcdk.app.pipeline.ScvPipeline;
import dev.scvcdk.app.review.ReviewReport;
import dev.scvcdk.constructs.account.ScvAccountStack;
import dev.scvcdk.constructs.account.ScvAccountStackProps;
import dev.scvcdk.constructs.contactcenter.ScvContactCenterStack;
import dev.scvcdk.constructs.contactcenter.ScvContactCenterStackProps;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.InvalidTenantConfigException;
import dev.scvcdk.policies.config.TenantConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.jsii.JsiiException;
import software.constructs.Node;

/**
 * The SCV CDK app: one {@code ScvAccountStack} in the partition's IAM region (us-east-1, or us-gov-west-1 in
 * GovCloud) and one {@code ScvContactCenter-<cc>} stack per contact center of the tenant config in the contact
 * center's region, checked by the five cdk-nag packs; {@code cdk synth} also writes the review report
 * ({@link ReviewReport}) into {@code cdk.out/scv-review/}.
 *
 * <p>{@code cdk synth} runs {@link #main}; tests build the same app with {@link #create}.
 */
public final class ScvApp {

    /** Context key naming the tenant config file; unset means the embedded example tenant. */
    public static final String CONFIG_CONTEXT_KEY = "scv:config";
    public static final String ACCOUNT_STACK_ID = ScvNames.ACCOUNT_STACK;

    /** CDK context: the app reads the validation report itself instead of CDK throwing from synth. */
    private static final String FAIL_SYNTH_ON_VALIDATION_ERRORS = "@aws-cdk/core:failSynthOnValidationErrors";

    /**
     * The composed app.
     *
     * @param stage               the CDK app, or the pipeline stage holding one tenant
     * @param accountStack        the account-level stack
     * @param contactCenterStacks one stack per contact center, in config order
     * @param acknowledgements    where each acknowledgement of the register was applied
     */
    public record Composition(Stage stage, ScvAccountStack accountStack, List<Stack> contactCenterStacks,
                              List<NagAcknowledgements.Applied> acknowledgements) {
        /** Every stack of the app, the account stack first. */
        public List<Stack> allStacks() {
            List<Stack> all = new ArrayList<>();
            all.add(accountStack);
            all.addAll(contactCenterStacks);
            return all;
        }
    }

    private ScvApp() {
    }

    public static void main(String[] args) {
        int exitCode = run(System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Synthesizes the app as the CDK CLI asks; returns the process exit code, reporting problems on {@code err}. */
    static int run(PrintStream err) {
        return run(new App(), err);
    }

    /** {@link #run(PrintStream)} on a given, still empty app (its context carries {@value #CONFIG_CONTEXT_KEY}). */
    static int run(App app, PrintStream err) {
        return run(app, err, AppOptions.defaults());
    }

    /**
     * {@link #run(App, PrintStream)} with given options. Context
     * {@value ScvPipeline#CONTEXT_KEY} makes the app the delivery pipeline ({@link ScvPipeline}); otherwise it
     * is the single tenant of {@value #CONFIG_CONTEXT_KEY}.
     */
    static int run(App app, PrintStream err, AppOptions options) {
        try {
            String pipelinePath = context(app, ScvPipeline.CONTEXT_KEY);
            String configPath = context(app, CONFIG_CONTEXT_KEY);
            List<Stage> tenants;
            if (pipelinePath != null) {
                if (configPath != null) {
                    err.println("Set either " + CONFIG_CONTEXT_KEY + " (one tenant) or " + ScvPipeline.CONTEXT_KEY
                            + " (the pipeline, whose config names the tenant configs), not both.");
                    return 1;
                }
                ScvPipeline.Composition pipeline = ScvPipeline.create(app,
                        PipelineConfigLoader.load(Path.of(pipelinePath)), pipelinePath, options);
                tenants = pipeline.stages().stream().map(ScvPipeline.TenantStage::stage).toList();
            } else {
                LoadedTenantConfig loaded = configPath == null
                        ? TenantConfigLoader.loadEmbedded()
                        : TenantConfigLoader.load(Path.of(configPath));
                tenants = List.of(create(app, loaded, options).stage());
            }
            CloudAssembly assembly = app.synth();
            // Written before the nag verdict: a reviewer reads the report of a failing synth too. A pipeline
            // writes one per tenant, into the tenant stage's own assembly directory.
            for (Stage tenant : tenants) {
                ReviewReport.write(tenant == app ? Path.of(assembly.getDirectory()) : Path.of(tenant.getOutdir()));
            }
            if (options.nagEnabled()) {
                ValidationReport report = ValidationReport.read(Path.of(assembly.getDirectory()));
                if (!report.findingsOf(NagPacks.NAMES).isEmpty() || !report.pluginFailures().isEmpty()) {
                    err.println(report.summary(NagPacks.NAMES));
                    return 1;
                }
            }
            return 0;
        } catch (InvalidTenantConfigException | InvalidPipelineConfigException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException | JsiiException e) {
            // Construct validation errors: the message names the problem; the trace is noise for a user.
            err.println("SCV app failed: " + firstParagraph(e.getMessage()));
            return 1;
        }
    }

    private static String context(App app, String key) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** Builds the whole app for an already loaded tenant config in a new {@link App}. */
    public static Composition create(LoadedTenantConfig loaded, AppOptions options) {
        AppProps.Builder props = AppProps.builder();
        if (options.outdir() != null) {
            props.outdir(options.outdir().toString());
        }
        return create(new App(props.build()), loaded, options);
    }

    /**
     * Adds the SCV stacks to {@code stage} (the app itself, or one tenant's stage of the delivery pipeline),
     * registers the nag packs on it and applies the acknowledgement register to its stacks. The stacks keep
     * their ids and names in either scope, so a stage holds exactly what the app holds for the same config.
     */
    public static Composition create(Stage stage, LoadedTenantConfig loaded, AppOptions options) {
        reportValidationInTheApp(stage);
        TenantConfig config = loaded.config();
        // The account stack picks its own environment: the config's account, the partition's IAM region.
        ScvAccountStack account = new ScvAccountStack(stage, ACCOUNT_STACK_ID, ScvAccountStackProps.builder()
                .tenantConfig(config)
                .samlMetadataXml(loaded.samlMetadataXml())
                .build());
        List<Stack> contactCenters = new ArrayList<>();
        for (ContactCenterConfig contactCenter : config.contactCenters()) {
            String id = contactCenterStackId(contactCenter);
            ScvContactCenterStack stack = new ScvContactCenterStack(stage, id, ScvContactCenterStackProps.builder()
                    .tenantConfig(config)
                    .contactCenter(contactCenter)
                    .stackName(id)
                    .lambdaCode(options.lambdaCode())
                    .build());
            // Its functions assume the account stack's roles by name: deploy the account stack first.
            stack.addStackDependency(account, "functions assume the account stack's roles by name");
            contactCenters.add(stack);
        }
        List<NagAcknowledgements.Applied> applied = List.of();
        if (options.nagEnabled()) {
            NagPacks.register(stage);
            applied = NagAcknowledgements.apply(stage, options.acknowledgements(), config);
        }
        return new Composition(stage, account, List.copyOf(contactCenters), applied);
    }

    /**
     * Tells CDK to leave the validation verdict to the run (which reads {@code validation-report.json}). The
     * setting is read from the root app and context can only be set before a node has children, so a pipeline
     * sets it on its app before adding anything ({@link #reportValidationInTheApp} on the app).
     */
    public static void reportValidationInTheApp(Stage stage) {
        Node root = stage.getNode().getRoot().getNode();
        if (!Boolean.FALSE.equals(root.tryGetContext(FAIL_SYNTH_ON_VALIDATION_ERRORS))) {
            root.setContext(FAIL_SYNTH_ON_VALIDATION_ERRORS, false);
        }
    }

    /** The stack id (and CloudFormation stack name) of a contact center's stack: stack names allow no '_'. */
    public static String contactCenterStackId(ContactCenterConfig contactCenter) {
        return ScvNames.contactCenterStack(contactCenter.callCenterApiName());
    }

    private static String firstParagraph(String message) {
        if (message == null) {
            return "(no message)";
        }
        int stackTrace = message.indexOf("\n    at ");
        return (stackTrace < 0 ? message : message.substring(0, stackTrace)).strip();
    }
}
