package dev.scvcdk.app;

import dev.scvcdk.app.compliance.NagAcknowledgements;
import java.util.List;
import java.util.ArrayList;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.PermissionBoundaryDocument;
import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.RoleNames;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.app.config.LoadedTenantConfig;
import dev.scvcdk.app.compliance.ValidationReport;
import dev.scvcdk.app.review.ReviewReport;
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
import dev.scvcdk.app.compliance.NagPacks;
import dev.scvcdk.app.pipeline.ScvPipeline;
import dev.scvcdk.policies.config.ContactCenterConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

class ScvAppTest {

    /** The module's tests run in app/: the jar the lambdas module packages. */

    @TempDir
    Path dir;

    /** Composed once for the class (seconds of jsii calls); the tests only read it. */
    private static ScvApp.Composition exampleWithoutNag;

    private static synchronized ScvApp.Composition exampleWithoutNag() {
        if (exampleWithoutNag == null) {
            exampleWithoutNag = ScvApp.create(TenantConfigLoader.loadEmbedded(),
                    AppOptions.builder().nagEnabled(false).build());
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
    void theRunWritesTheReviewReportIntoTheAssemblyDirectory() throws IOException {
        // GIVEN the example tenant's config file
        Path config = Path.of("..", "config", "tenant.example.json").toAbsolutePath();
        App app = new App(AppProps.builder().outdir(dir.resolve("out").toString())
                .context(Map.of(ScvApp.CONFIG_CONTEXT_KEY, config.toString())).build());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // WHEN the app runs as `cdk synth` runs it
        int exitCode = ScvApp.run(app, new PrintStream(err, true, StandardCharsets.UTF_8),
                AppOptions.builder().build());
        // THEN it succeeds and cdk.out/scv-review/ holds the five report files, read from the templates
        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path report = dir.resolve("out").resolve(ReviewReport.DIRECTORY);
        assertThat(Files.list(report).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                ReviewReport.IAM_MATRIX_MD, ReviewReport.IAM_MATRIX_JSON, ReviewReport.NAG_ACKNOWLEDGEMENTS_MD,
                ReviewReport.RESOURCE_POLICIES_MD, ReviewReport.ARCHITECTURE_MD);
        assertThat(Files.readString(report.resolve(ReviewReport.IAM_MATRIX_MD))).contains("### SCVProvisioningRole");
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

    @Test
    void aTenantTooLargeForThePerContactCenterFenceSynthesizesWithNoUnacknowledgedFinding() {
        // GIVEN the example tenant grown to six contact centers: its boundary fences by region, not by name
        LoadedTenantConfig example = TenantConfigLoader.loadEmbedded();
        List<ContactCenterConfig> contactCenters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ContactCenterConfig cc = example.config().contactCenters().get(i % 2);
            contactCenters.add(new ContactCenterConfig(cc.callCenterApiName() + i, cc.region(),
                    cc.connectInstanceId().substring(0, 35) + i, cc.connectInstanceAlias() + i, cc.orgDomainUrl(),
                    cc.scrtUrl(), cc.environment(), null, null));
        }
        TenantConfig grown = new TenantConfig(example.config().accountId(), example.config().partition(),
                example.config().salesforceOrgId(), null, null, null, example.config().samlMetadataFile(),
                contactCenters);
        assertThat(PermissionBoundaryDocument.fence(grown)).isEqualTo(PermissionBoundaryDocument.Fence.PER_REGION);

        // WHEN it is composed with every cdk-nag pack and the register, and synthesized
        ScvApp.Composition composition = ScvApp.create(new LoadedTenantConfig(grown, example.samlMetadataXml(),
                "six contact centers"), AppOptions.builder().outdir(dir).build());
        composition.stage().synth();

        // THEN every finding is acknowledged: the register knows the region fence too
        assertThat(ValidationReport.read(dir).findings()).isEmpty();

        // AND the roles too large for one inline policy have policies split off them, whose findings the role's own
        // acknowledgements answer on those policies: no finding is left to an acknowledgement of another construct
        assertThat(readJson(dir.resolve("ScvAccountStack.template.json")).path("Resources").toString())
                .contains("\"ManagedPolicyName\":\"" + IamMatrix.splitPolicyNamePrefix(RoleNames.PROVISIONING));
        assertThat(ValidationReport.read(dir).acknowledgedElsewhere()).isEmpty();

        // AND without the register's region-fence entry that very finding would fail the synth
        Path without = dir.resolve("without-region-fence");
        ScvApp.create(new LoadedTenantConfig(grown, example.samlMetadataXml(), "six contact centers"),
                AppOptions.builder().outdir(without)
                        .acknowledgements(NagAcknowledgements.REGISTER.stream()
                                .filter(entry -> !entry.findingId().contains("*:*:{account}:*"))
                                .toList())
                        .build()).stage().synth();
        assertThat(ValidationReport.read(without).findings()).extracting(ValidationReport.Finding::findingId)
                .containsExactly("AwsSolutions-IAM5[Resource::arn:aws:*:*:111122223333:*]");
    }

    private int runPipeline(String pipelinePath, ByteArrayOutputStream err, AppOptions options) {
        App app = new App(AppProps.builder().outdir(dir.resolve("out").toString())
                .context(Map.of(ScvPipeline.CONTEXT_KEY, pipelinePath)).build());
        return ScvApp.run(app, new PrintStream(err, true, StandardCharsets.UTF_8), options);
    }

    @Test
    void thePipelineContextSynthesizesThePipelineAndEveryTenantStagePassesTheNagPacksWithTheRegister()
            throws IOException {
        // GIVEN the example pipeline (tenants globex and acme)
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // WHEN the app runs as `cdk synth -c scv:pipeline=...` runs it, with the five packs and the register
        int exitCode = runPipeline("../config/pipeline.example.json", err,
                AppOptions.defaults());
        // THEN it succeeds: no unacknowledged finding in any tenant stage
        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path out = dir.resolve("out");
        assertThat(out.resolve("ScvPipeline.template.json")).isRegularFile();
        // AND each tenant stage's assembly holds its own review report
        for (String tenant : List.of("globex", "acme")) {
            assertThat(out.resolve("assembly-" + tenant).resolve(ReviewReport.DIRECTORY)
                    .resolve(ReviewReport.IAM_MATRIX_MD)).content().contains("### SCVProvisioningRole");
        }
    }

    @Test
    void inThePipelineTheFivePacksCheckEachTenantStageAndNothingElse() {
        // GIVEN the example pipeline, composed without acknowledgements to see every raw finding
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // WHEN synthesized
        int exitCode = runPipeline("../config/pipeline.example.json", err,
                AppOptions.builder().acknowledgements(List.of()).build());
        // THEN the raw findings fail the run
        assertThat(exitCode).isEqualTo(1);
        List<ValidationReport.Finding> findings = ValidationReport.read(dir.resolve("out")).findingsOf(NagPacks.NAMES);
        // AND every pack reports on each tenant stage (cdk-nag alone would walk the whole app from any stage)
        for (String pack : NagPacks.NAMES) {
            for (String tenant : List.of("globex/", "acme/")) {
                assertThat(findings).as(pack + " on " + tenant)
                        .anyMatch(f -> f.plugin().equals(pack) && f.constructPath().startsWith(tenant));
            }
        }
        // AND on nothing else: not the pipeline stack, not its cross-region support stacks
        assertThat(findings).allMatch(f -> f.constructPath().startsWith("globex/") || f.constructPath()
                .startsWith("acme/"));
        // AND once: CDK asks each stage's packs once per environment, each about that environment's stacks
        assertThat(findings).doesNotHaveDuplicates();
    }

    @Test
    void aBadPipelineConfigEndsTheRunWithItsMessageAndExitCode1() throws IOException {
        // GIVEN a pipeline config with no tenants and no source
        Path file = dir.resolve("pipeline.json");
        Files.writeString(file, "{\"account\": \"999988887777\", \"region\": \"us-east-1\", \"tenants\": []}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // WHEN the app runs on it
        int exitCode = runPipeline(file.toString(), err, AppOptions.defaults());
        // THEN it exits 1 with the loader's one message listing both problems, and no stack trace
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("Invalid pipeline config " + file.toAbsolutePath() + " (2 problems):")
                .contains("source is missing", "tenants is empty").doesNotContain("\tat ", "Exception");
    }

    @Test
    void aTenantConfigAndAPipelineConfigTogetherAreRefused() {
        App app = new App(AppProps.builder().outdir(dir.resolve("out").toString())
                .context(Map.of(ScvPipeline.CONTEXT_KEY, "../config/pipeline.example.json",
                        ScvApp.CONFIG_CONTEXT_KEY, "../config/tenant.example.json")).build());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(ScvApp.run(app, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Set either scv:config (one tenant) or "
                + "scv:pipeline");
    }

    private static JsonNode readJson(Path file) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
