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
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.jsii.JsiiException;

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
     * @param app                 the CDK app
     * @param accountStack        the account-level stack
     * @param contactCenterStacks one stack per contact center, in config order
     * @param acknowledgements    where each acknowledgement of the register was applied
     */
    public record Composition(App app, ScvAccountStack accountStack, List<Stack> contactCenterStacks,
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

    /** {@link #run(App, PrintStream)} with given options. */
    static int run(App app, PrintStream err, AppOptions options) {
        try {
            Object configPath = app.getNode().tryGetContext(CONFIG_CONTEXT_KEY);
            LoadedTenantConfig loaded = configPath == null || configPath.toString().isBlank()
                    ? TenantConfigLoader.loadEmbedded()
                    : TenantConfigLoader.load(Path.of(configPath.toString()));
            create(app, loaded, options);
            CloudAssembly assembly = app.synth();
            // Written before the nag verdict: a reviewer reads the report of a failing synth too.
            ReviewReport.write(Path.of(assembly.getDirectory()));
            if (options.nagEnabled()) {
                ValidationReport report = ValidationReport.read(Path.of(assembly.getDirectory()));
                if (!report.findingsOf(NagPacks.NAMES).isEmpty() || !report.pluginFailures().isEmpty()) {
                    err.println(report.summary(NagPacks.NAMES));
                    return 1;
                }
            }
            return 0;
        } catch (InvalidTenantConfigException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException | JsiiException e) {
            // Construct validation errors: the message names the problem; the trace is noise for a user.
            err.println("SCV app failed: " + firstParagraph(e.getMessage()));
            return 1;
        }
    }

    /** Builds the whole app for an already loaded tenant config in a new {@link App}. */
    public static Composition create(LoadedTenantConfig loaded, AppOptions options) {
        AppProps.Builder props = AppProps.builder();
        if (options.outdir() != null) {
            props.outdir(options.outdir().toString());
        }
        return create(new App(props.build()), loaded, options);
    }

    /** Adds the SCV stacks to {@code app}, registers the nag packs and applies the acknowledgement register. */
    public static Composition create(App app, LoadedTenantConfig loaded, AppOptions options) {
        app.getNode().setContext(FAIL_SYNTH_ON_VALIDATION_ERRORS, false);
        TenantConfig config = loaded.config();
        // The account stack picks its own environment: the config's account, the partition's IAM region.
        ScvAccountStack account = new ScvAccountStack(app, ACCOUNT_STACK_ID, ScvAccountStackProps.builder()
                .tenantConfig(config)
                .samlMetadataXml(loaded.samlMetadataXml())
                .build());
        List<Stack> contactCenters = new ArrayList<>();
        for (ContactCenterConfig contactCenter : config.contactCenters()) {
            String id = contactCenterStackId(contactCenter);
            ScvContactCenterStack stack = new ScvContactCenterStack(app, id, ScvContactCenterStackProps.builder()
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
            NagPacks.register(app);
            applied = NagAcknowledgements.apply(app, options.acknowledgements(), config);
        }
        return new Composition(app, account, List.copyOf(contactCenters), applied);
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
