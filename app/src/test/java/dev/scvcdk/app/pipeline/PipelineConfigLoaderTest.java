package dev.scvcdk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scvcdk.app.config.TenantConfigLoader;

class PipelineConfigLoaderTest {

    private static final String CONNECTION =
            "arn:aws:codeconnections:us-east-1:999988887777:connection/3f2a1b0c-4d5e-4f60-9a7b-8c9d0e1f2a3b";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private InvalidPipelineConfigException loadFails(Path file) {
        return catchThrowableOfType(InvalidPipelineConfigException.class, () -> PipelineConfigLoader.load(file));
    }

    /** A tenant config with one contact center; {@code accountId} left out when null. */
    private static String tenant(String accountId, String orgId) {
        return """
                {%s"salesforceOrgId": "%s", "samlMetadataFile": "saml.xml", "contactCenters": [
                  {"callCenterApiName": "acme", "region": "us-west-2",
                   "connectInstanceId": "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70", "connectInstanceAlias": "acme",
                   "orgDomainUrl": "https://acme.my.salesforce.com", "scrtUrl": "https://acme.my.salesforce-scrt.com"}]}
                """.formatted(accountId == null ? "" : "\"accountId\": \"" + accountId + "\", ", orgId);
    }

    private static String pipeline(String tenants) {
        return """
                {"account": "999988887777", "region": "us-east-1",
                 "source": {"connectionArn": "%s", "repository": "example-org/scv-cdk", "branch": "main"},
                 "tenants": [%s]}
                """.formatted(CONNECTION, tenants);
    }

    @BeforeEach
    void tenantConfigsBesideThePipelineConfig() throws IOException {
        try (var in = TenantConfigLoader.class.getResourceAsStream("/config/saml-metadata.example.xml")) {
            write("tenants/saml.xml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        write("tenants/a.json", tenant("111122223333", "00D5g000004ExAm"));
        write("tenants/b.json", tenant(null, "00D5g000007GlBx"));
    }

    @Test
    void theExamplePipelineLoadsTwoTenantsInTwoAccountsInTwoWaves() {
        // GIVEN config/pipeline.example.json WHEN loaded
        LoadedPipelineConfig loaded = PipelineConfigLoader.load(Path.of("..", "config", "pipeline.example.json"));
        // THEN two tenants in two accounts, each in its own wave, in config order
        assertThat(loaded.waves()).extracting(LoadedPipelineConfig.Wave::name).containsExactly("pilot", "production");
        assertThat(loaded.tenants()).extracting(t -> t.tenant().name(), t -> t.tenantConfig().config().accountId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("globex", "444455556666"),
                        org.assertj.core.groups.Tuple.tuple("acme", "111122223333"));
    }

    @Test
    void tenantConfigPathsAreRelativeToThePipelineConfigAndWavesKeepTheirFirstAppearanceOrder() throws IOException {
        // GIVEN tenants/ beside the pipeline config, and two tenants in wave "one", one in wave "two"
        write("tenants/c.json", tenant("333344445555", "00D5g000009CcCc"));
        Path file = write("pipeline.json", pipeline("""
                {"name": "a", "config": "tenants/a.json", "account": "111122223333", "wave": "one"},
                {"name": "c", "config": "tenants/c.json", "account": "333344445555", "wave": "one"},
                {"name": "b", "config": "tenants/b.json", "account": "222233334444", "wave": "two"}"""));
        // WHEN loaded
        LoadedPipelineConfig loaded = PipelineConfigLoader.load(file);
        // THEN the waves hold their tenants in config order
        assertThat(loaded.waves()).extracting(LoadedPipelineConfig.Wave::name).containsExactly("one", "two");
        assertThat(loaded.waves().get(0).tenants()).extracting(t -> t.tenant().name()).containsExactly("a", "c");
        assertThat(loaded.source()).isEqualTo(file.toAbsolutePath().toString());
    }

    @Test
    void aTenantConfigWithoutAccountIdIsDeployedAsTheConfigForItsTargetAccount() throws IOException {
        // GIVEN tenants/b.json without accountId, delivered to 222233334444
        Path file = write("pipeline.json", pipeline("""
                {"name": "b", "config": "tenants/b.json", "account": "222233334444", "wave": "one"}"""));
        // WHEN loaded THEN its stage's config has that accountId and every other field as written
        var loaded = PipelineConfigLoader.load(file).tenants().get(0).tenantConfig();
        var asWritten = TenantConfigLoader.load(dir.resolve("tenants/b.json")).config();
        assertThat(asWritten.accountId()).isNull();
        assertThat(loaded.config().accountId()).isEqualTo("222233334444");
        assertThat(loaded.config()).usingRecursiveComparison().ignoringFields("accountId").isEqualTo(asWritten);
    }

    @Test
    void everyProblemIsReportedTogetherWithItsPathValueAndRule() throws IOException {
        // GIVEN a pipeline config breaking many rules at once
        Path file = write("pipeline.json", """
                {"account": "9999", "region": "us-east-1", "colour": "blue",
                 "source": {"connectionArn": "%s", "repository": "scv-cdk", "branch": 7},
                 "tenants": [
                   {"name": "acme", "config": "tenants/a.json", "account": "444455556666", "wave": "one"},
                   {"name": "ACME", "config": "tenants/missing.json", "account": "444455556666", "wave": "Assets"},
                   {"name": "x y", "config": "tenants/b.json", "wave": "one"}]}
                """.formatted(CONNECTION.replace("999988887777", "123456789012")));
        // WHEN loaded
        InvalidPipelineConfigException e = loadFails(file);
        // THEN one exception lists every problem, each with its JSON path, its value and the rule
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "colour = \"blue\": unknown field; the fields of a pipeline config are account, region, source, "
                        + "tenants",
                "source.branch = 7: must be a JSON string (in quotes), found a number",
                "account = \"9999\": must be the pipeline's AWS account, 12 digits",
                "source.repository = \"scv-cdk\": must be the repository as owner/repo, as in its URL",
                "tenants[0].account = \"444455556666\": must equal the accountId \"111122223333\" of its tenant "
                        + "config tenants/a.json",
                "tenants[1].name = \"ACME\": must be unique (ignoring case): tenants[0] has it too",
                "tenants[1].account = \"444455556666\": must be unique: tenants[0] deploys to it too, and one "
                        + "account holds one tenant (its ScvAccountStack and IAM role names are account-wide; put "
                        + "every contact center of the account in one tenant config)",
                "tenants[1].wave = \"Assets\": is a stage CDK Pipelines adds itself (Source, Build, UpdatePipeline, "
                        + "Assets); choose another name",
                "tenants[1].config = \"tenants/missing.json\": " + dir.resolve("tenants/missing.json")
                        + " does not exist",
                "tenants[2].name = \"x y\": must be the tenant's stage id: a letter, then letters, digits or '-', "
                        + "at most 40 characters",
                "tenants[2].account is missing: required, the AWS account the tenant's stacks deploy to, 12 digits",
                "tenants[2].wave = \"one\": must follow the other tenants of its wave (first at tenants[0]): list "
                        + "each wave's tenants together, waves in deployment order");
        assertThat(e.getMessage()).startsWith("Invalid pipeline config " + file.toAbsolutePath() + " (12 problems):");
    }

    @Test
    void theConnectionMustBeOfThePipelinesAccountAndPartition() throws IOException {
        Path file = write("pipeline.json", """
                {"account": "999988887777", "region": "us-gov-west-1",
                 "source": {"connectionArn": "%s", "repository": "o/r", "branch": "release/1..2"},
                 "tenants": [{"name": "a", "config": "tenants/a.json", "account": "111122223333", "wave": "one"}]}
                """.formatted(CONNECTION.replace("999988887777", "123456789012")));
        assertThat(loadFails(file).problems()).containsExactlyInAnyOrder(
                "source.connectionArn = \"" + CONNECTION.replace("999988887777", "123456789012") + "\": must be in "
                        + "the pipeline's partition 'aws-us-gov' (region us-gov-west-1)",
                "source.connectionArn = \"" + CONNECTION.replace("999988887777", "123456789012") + "\": must be a "
                        + "connection of the pipeline's account 999988887777: a pipeline uses connections of its "
                        + "own account",
                "source.branch = \"release/1..2\": must not contain '..' or end with '.lock' (git)",
                "tenants[0].config = \"tenants/a.json\": the tenant's partition 'aws' differs from the pipeline's "
                        + "'aws-us-gov': a pipeline deploys within its own partition");
    }

    @Test
    void aTenantConfigsOwnProblemsAreListedUnderTheTenantThatNamesIt() throws IOException {
        // GIVEN a tenant config with a bad org id
        write("tenants/bad.json", tenant("111122223333", "00Dbad"));
        Path file = write("pipeline.json", pipeline("""
                {"name": "a", "config": "tenants/bad.json", "account": "111122223333", "wave": "one"}"""));
        // WHEN loaded THEN its problem is reported with the tenant's path and the file it is in
        assertThat(loadFails(file).problems()).singleElement().asString()
                .startsWith("tenants[0].config = \"tenants/bad.json\": " + dir.resolve("tenants/bad.json") + ": ")
                .contains("salesforceOrgId = \"00Dbad\"");
    }

    @Test
    void aPipelineWithoutTenantsOrSourceIsRefused() throws IOException {
        Path file = write("pipeline.json", """
                {"account": "999988887777", "region": "us-east-1", "tenants": []}""");
        assertThat(loadFails(file).problems()).containsExactly(
                "source is missing: required, the repository the pipeline builds: connectionArn, repository, branch",
                "tenants is empty: at least one tenant (name, config, account, wave) is required");
    }

    @Test
    void notOneJsonObjectIsRefusedWithWhereTheSyntaxBreaks() throws IOException {
        assertThat(loadFails(write("pipeline.json", "{\"account\": ")).problems()).singleElement().asString()
                .startsWith("not valid JSON at line 1");
        assertThat(loadFails(write("list.json", "[]")).problems()).containsExactly(
                "the file must hold one JSON object with the pipeline's fields, found a list");
    }
}
