package dev.scvcdk.app.compliance;

import java.util.List;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Validations;

/** The five cdk-nag packs every SCV app is checked against. */
public final class NagPacks {

    /** The plugin names the packs report under in {@code validation-report.json}. */
    public static final List<String> NAMES =
            List.of("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5", "PCI.DSS.321", "Serverless");

    private NagPacks() {
    }

    /** Fresh instances of the five packs, bound to the stage (an app, or a pipeline's tenant stage). */
    public static List<NagPack> create(Stage stage) {
        return List.of(new AwsSolutionsChecks(stage), new HIPAASecurityChecks(stage), new NIST80053R5Checks(stage),
                new PCIDSS321Checks(stage), new ServerlessChecks(stage));
    }

    /**
     * Registers the packs as validation plugins: they run when the app is synthesized, each over every stack of
     * the stage once ({@link PerStackNagPack}: cdk-nag itself walks the whole app once per environment, from any
     * stage).
     */
    public static List<NagPack> register(Stage stage) {
        List<NagPack> packs = create(stage);
        Validations.of(stage).addPlugins(packs.stream().map(pack -> new PerStackNagPack(pack, stage))
                .toArray(IPolicyValidationPlugin[]::new));
        return packs;
    }
}
