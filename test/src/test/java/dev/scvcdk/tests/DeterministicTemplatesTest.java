package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.app.AppOptions;
import dev.scvcdk.app.ScvApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code cdk synth} writes is a function of the tenant config and the code alone. Java's {@code Map.of},
 * {@code Set.of} and their copies iterate in an order that changes from one JVM to the next; a template that followed
 * it would change at every synth, and reviewers, {@code cdk diff} and the pipeline's permission-broadening check
 * would see changes nobody made. In one JVM that order is fixed, so the check takes two.
 */
class DeterministicTemplatesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void twoJvmsSynthesizeTheTenantIntoByteIdenticalFiles(Tenant tenant, @TempDir Path dir)
            throws IOException, InterruptedException {
        // GIVEN two fresh JVMs, WHEN each synthesizes the tenant (side by side: the machine has two cores)
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Process one = synthesize(tenant, first);
        Process other = synthesize(tenant, second);
        awaitSuccess(one, first);
        awaitSuccess(other, second);

        // THEN every JSON file of the two assemblies (templates, asset manifests, metadata) is byte for byte the same
        List<Path> written;
        try (Stream<Path> files = Files.list(first)) {
            // templates first: the clearest difference to read
            written = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path f) -> !f.getFileName().toString().endsWith(".template.json"))
                            .thenComparing(Path::toString))
                    .toList();
        }
        assertThat(written).anyMatch(f -> f.getFileName().toString().endsWith(".template.json"));
        for (Path file : written) {
            assertThat(Files.readString(second.resolve(file.getFileName())))
                    .as("%s of the second JVM", file.getFileName())
                    .isEqualTo(Files.readString(file));
        }
    }

    /** Entry point of the forked JVMs: the tenant's app, synthesized without the nag packs into a directory. */
    public static void main(String[] args) {
        Tenant tenant = Tenant.valueOf(args[0]);
        ScvApp.create(tenant.load(), AppOptions.builder().nagEnabled(false).outdir(Path.of(args[1])).build())
                .stage().synth();
    }

    private static Process synthesize(Tenant tenant, Path outdir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DeterministicTemplatesTest.class.getName(), tenant.name(), outdir.toString())
                .redirectErrorStream(true)
                .redirectOutput(outdir.resolveSibling(outdir.getFileName() + ".log").toFile());
        // CDK's own CloudFormation validation reads the templates, it does not change them (NagComplianceTest runs it)
        builder.environment().put("CDK_VALIDATION", "false");
        return builder.start();
    }

    private static void awaitSuccess(Process process, Path outdir) throws InterruptedException, IOException {
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        Path log = outdir.resolveSibling(outdir.getFileName() + ".log");
        assertThat(ended && process.exitValue() == 0)
                .as("synth into %s ended with success; its output:%n%s", outdir, Files.readString(log))
                .isTrue();
    }
}
