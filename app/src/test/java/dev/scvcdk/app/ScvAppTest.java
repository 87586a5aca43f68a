package dev.scvcdk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scvcdk.app.config.TenantConfigLoader;
import dev.scvcdk.policies.config.ContactCenterConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

class ScvAppTest {

    /** The module's tests run in app/: the jar the lambdas module packages. */
    private static final Path LAMBDA_JAR = Path.of("..").resolve(AppOptions.DEFAULT_LAMBDA_JAR);

    @TempDir
    Path dir;

    /** Composed once for the class (seconds of jsii calls); the tests only read it. */
    private static ScvApp.Composition exampleWithoutNag;

    private static synchronized ScvApp.Composition exampleWithoutNag() {
        if (exampleWithoutNag == null) {
            exampleWithoutNag = ScvApp.create(TenantConfigLoader.loadEmbedded(),
                    AppOptions.builder().nagEnabled(false).lambdaJar(LAMBDA_JAR).build());
        }
        return exampleWithoutNag;
    }

    @Test
    void theAccountStackIsInUsEast1ForTheConfiguredAccount() {
        Stack account = exampleWithoutNag().accountStack();
        assertThat(account.getNode().getId()).isEqualTo("ScvAccountStack");
        assertThat(account.getRegion()).isEqualTo("us-east-1");
        assertThat(account.getAccount()).isEqualTo("111122223333");
    }

    @Test
    void eachContactCenterGetsAStackInItsRegionThatDeploysAfterTheAccountStack() {
        ScvApp.Composition composition = exampleWithoutNag();
        assertThat(composition.contactCenterStacks()).extracting(s -> s.getNode().getId(), Stack::getRegion,
                Stack::getStackName).containsExactly(
                        tuple("ScvContactCenter-acmesupport", "us-west-2",
                                "ScvContactCenter-acmesupport"),
                        tuple("ScvContactCenter-acmesales", "eu-west-2",
                                "ScvContactCenter-acmesales"));
        assertThat(composition.contactCenterStacks())
                .allSatisfy(s -> assertThat(s.getDependencies()).containsExactly(composition.accountStack()));
        assertThat(composition.allStacks()).hasSize(3).first().isSameAs(composition.accountStack());
    }

    @Test
    void aContactCenterStackNameHasNoUnderscore() {
        // CloudFormation stack names allow letters, digits and hyphens only.
        assertThat(ScvApp.contactCenterStackId(new ContactCenterConfig(
                "acme_emea", "eu-west-2", null, null, null, null, null, null, null)))
                .isEqualTo("ScvContactCenter-acme-emea");
    }

    @Test
    void withoutNagNoAcknowledgementIsApplied() {
        assertThat(exampleWithoutNag().acknowledgements()).isEmpty();
    }

    private int runWithConfig(String configPath, ByteArrayOutputStream err) {
        App app = new App(AppProps.builder().outdir(dir.resolve("out").toString())
                .context(Map.of(ScvApp.CONFIG_CONTEXT_KEY, configPath)).build());
        return ScvApp.run(app, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBadConfigEndsTheRunWithItsMessageAndExitCode1() throws IOException {
        // GIVEN a config file with two problems
        Path file = dir.resolve("tenant.json");
        Files.writeString(file, "{\"salesforceOrgId\": \"00Dbad\", \"samlMetadataFile\": \"x.xml\", \"contactCenters\": []}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // WHEN the app runs on it
        int exitCode = runWithConfig(file.toString(), err);
        // THEN it exits 1 with the loader's one message and no stack trace
        String output = err.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).isEqualTo(1);
        assertThat(output).startsWith("Invalid tenant config " + file.toAbsolutePath() + " (3 problems):")
                .contains("salesforceOrgId = \"00Dbad\"", "contactCenters is empty", "x.xml")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void aMissingConfigFileEndsTheRunWithExitCode1() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(runWithConfig(dir.resolve("absent.json").toString(), err)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("absent.json does not exist");
    }
}
