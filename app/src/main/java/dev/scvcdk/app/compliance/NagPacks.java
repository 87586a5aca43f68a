package dev.scvcdk.app.compliance;

import java.util.List;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Validations;

/** The five cdk-nag packs every SCV app is checked against. */
public final class NagPacks {

    /** The packs' names; each of a pack's rule ids starts with its name ({@link #packOf}). */
    public static final List<String> NAMES =
            List.of("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5", "PCI.DSS.321", "Serverless");

    /** The name the five packs report under in {@code validation-report.json}, as one plugin. */
    public static final String PLUGIN_NAME = "cdk-nag";

    private NagPacks() {
    }

    /** Fresh instances of the five packs, bound to the stage (an app, or a pipeline's tenant stage). */
    public static List<NagPack> create(Stage stage) {
        return List.of(new AwsSolutionsChecks(stage), new HIPAASecurityChecks(stage), new NIST80053R5Checks(stage),
                new PCIDSS321Checks(stage), new ServerlessChecks(stage));
    }

    /**
     * Registers the packs as one validation plugin: it runs when the app is synthesized and checks every stack of
     * the stage once with each pack ({@link NagPacksPlugin}).
     */
    public static List<NagPack> register(Stage stage) {
        List<NagPack> packs = create(stage);
        Validations.of(stage).addPlugins(new NagPacksPlugin(packs, stage));
        return packs;
    }

    /**
     * The pack of a cdk-nag rule id ({@code AwsSolutions-IAM5[...]} is AwsSolutions'), or {@code null} when no pack
     * names it.
     */
    public static String packOf(String ruleId) {
        return NAMES.stream().filter(pack -> ruleId.startsWith(pack + "-")).findFirst().orElse(null);
    }
}
