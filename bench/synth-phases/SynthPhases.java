import dev.scvcdk.app.AppOptions;
import dev.scvcdk.app.ScvApp;
import dev.scvcdk.app.config.LoadedTenantConfig;
import dev.scvcdk.app.config.TenantConfigLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

/**
 * Where one synth's time goes, inside the JVM the CDK CLI would start: jsii's start (the first {@code new App()}),
 * loading the tenant config, building the constructs, and {@code app.synth()} (templates, assets, validation
 * plugins). Prints one line of milliseconds: jvm start app config constructs synth.
 *
 * <p>Modes: {@code empty} (one empty stack, the toolchain floor), {@code no-nag} (the example tenant without the
 * cdk-nag packs and their register), {@code nag} (the example tenant as {@code cdk synth} builds it); an optional third
 * argument names another tenant config (the generated ones of {@code bench/gen-config.mjs}).
 * Run by {@code bench/run.sh}; compiled there against {@code app/target/scv-app.jar}.
 */
public final class SynthPhases {
    public static void main(String[] args) {
        String mode = args[0];
        Path outdir = Path.of(args[1]);
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long start = System.nanoTime();
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        long appUp = System.nanoTime();
        long configLoaded = appUp;
        if (mode.equals("empty")) {
            new Stack(app, "Empty");
        } else {
            LoadedTenantConfig loaded = args.length > 2
                    ? TenantConfigLoader.load(Path.of(args[2])) : TenantConfigLoader.loadEmbedded();
            configLoaded = System.nanoTime();
            ScvApp.create(app, loaded, AppOptions.builder().nagEnabled(mode.equals("nag")).build());
        }
        long built = System.nanoTime();
        app.synth();
        long synthesized = System.nanoTime();
        System.out.printf("%d %d %d %d %d%n", jvm, ms(appUp - start), ms(configLoaded - appUp), ms(built - configLoaded),
                ms(synthesized - built));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
