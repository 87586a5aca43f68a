package dev.scvcdk.app.compliance;

import java.util.List;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Validations;

/** The five cdk-nag packs every SCV app is checked against. */
public final class NagPacks {

    /** The plugin names the packs report under in {@code validation-report.json}. */
    public static final List<String> NAMES =
            List.of("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5", "PCI.DSS.321", "Serverless");

    private NagPacks() {
    }

    /** Fresh instances of the five packs, bound to the app. */
    public static List<NagPack> create(App app) {
        return List.of(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R5Checks(app),
                new PCIDSS321Checks(app), new ServerlessChecks(app));
    }

    /** Registers the packs as validation plugins: they run when the app is synthesized. */
    public static List<NagPack> register(App app) {
        List<NagPack> packs = create(app);
        Validations.of(app).addPlugins(packs.toArray(NagPack[]::new));
        return packs;
    }
}
