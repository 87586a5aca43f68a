package dev.scvcdk.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.app.AppOptions;
import dev.scvcdk.app.ScvApp;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The example pipeline ({@code config/pipeline.example.json}: tenant globex in account 444455556666, wave pilot;
 * tenant acme in account 111122223333, wave production), synthesized offline: its pipeline template, and each
 * tenant stage's assembly against the single-tenant app for the same tenant config.
 */
class ScvPipelineTest {

    /** The module's tests run in app/. */
    static final String EXAMPLE_PATH = "../config/pipeline.example.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ScvPipeline.Composition example;
    private static JsonNode template;
    private static Path outdir;

    /** Composed and synthesized once (without cdk-nag: ScvPipelineNagTest runs the packs); tests only read it. */
    private static synchronized ScvPipeline.Composition example() {
        if (example == null) {
            try {
                outdir = Files.createTempDirectory("scv-pipeline");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            App app = new App(AppProps.builder().outdir(outdir.toString()).build());
            example = ScvPipeline.create(app, PipelineConfigLoader.load(Path.of(EXAMPLE_PATH)), EXAMPLE_PATH,
                    AppOptions.builder().nagEnabled(false).build());
            CloudAssembly assembly = app.synth();
            template = MAPPER.valueToTree(assembly.getStackByName(ScvPipeline.STACK_ID).getTemplate());
        }
        return example;
    }

    private static JsonNode template() {
        example();
        return template;
    }

    private static List<JsonNode> resources(String type) {
        List<JsonNode> found = new ArrayList<>();
        template().path("Resources").forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                found.add(r);
            }
        });
        return found;
    }

    private static JsonNode pipelineStages() {
        List<JsonNode> pipelines = resources("AWS::CodePipeline::Pipeline");
        assertThat(pipelines).hasSize(1);
        return pipelines.get(0).path("Properties").path("Stages");
    }

    private static JsonNode stage(String name) {
        for (JsonNode stage : pipelineStages()) {
            if (name.equals(stage.path("Name").asText())) {
                return stage;
            }
        }
        throw new AssertionError("no pipeline stage " + name);
    }

    /** A CloudFormation value as text: Fn::Join parts concatenated, Ref AWS::Partition as "${AWS::Partition}". */
    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            value.path("Fn::Join").get(1).forEach(part -> joined.append(text(part)));
            return joined.toString();
        }
        if (value.has("Ref")) {
            return "${" + value.path("Ref").asText() + "}";
        }
        if (value.has("Fn::Sub")) {
            return value.path("Fn::Sub").asText();
        }
        return value.toString();
    }

    private static String bootstrapRole(String kind, String account, String region) {
        return "arn:${AWS::Partition}:iam::" + account + ":role/cdk-hnb659fds-" + kind + "-role-" + account + "-"
                + region;
    }

    @Test
    void theSourceIsTheConfiguredConnectionRepositoryAndBranch() {
        // GIVEN the example pipeline WHEN synthesized THEN its one source action reads the configured repository
        JsonNode source = stage("Source").path("Actions").get(0);
        PipelineConfig.Source configured = PipelineConfigLoader.load(Path.of(EXAMPLE_PATH)).config().source();
        assertThat(source.path("ActionTypeId").path("Provider").asText()).isEqualTo("CodeStarSourceConnection");
        assertThat(source.path("Configuration").path("ConnectionArn").asText()).isEqualTo(configured.connectionArn());
        assertThat(source.path("Configuration").path("FullRepositoryId").asText()).isEqualTo(configured.repository());
        assertThat(source.path("Configuration").path("BranchName").asText()).isEqualTo(configured.branch());
    }

    @Test
    void theSynthStepRunsTheReadmeBuildThenSynthesizesTheSamePipelineConfig() {
        // GIVEN the example pipeline WHEN synthesized THEN the synth project's commands are the build, then this app
        JsonNode synth = resources("AWS::CodeBuild::Project").stream()
                .filter(p -> text(p.path("Properties").path("Source").path("BuildSpec")).contains("cdk synth"))
                .findFirst().orElseThrow();
        JsonNode buildSpec = readJson(synth.path("Properties").path("Source").path("BuildSpec").asText());
        assertThat(buildSpec.path("phases").path("build").path("commands")).extracting(JsonNode::asText)
                .containsExactly("npm ci && mvn -B -q package -DskipTests",
                        "npx cdk synth -c scv:pipeline=" + EXAMPLE_PATH);
    }

    @Test
    void theSelfMutationInstallsTheCdkCliThatPackageJsonPins() throws IOException {
        JsonNode packageJson = MAPPER.readTree(Path.of("..", "package.json").toFile());
        assertThat(ScvPipeline.CDK_CLI_VERSION).isEqualTo(packageJson.path("devDependencies").path("aws-cdk").asText());
        assertThat(resources("AWS::CodeBuild::Project")).anySatisfy(project -> assertThat(
                text(project.path("Properties").path("Source").path("BuildSpec")))
                .contains("npm install -g aws-cdk@" + ScvPipeline.CDK_CLI_VERSION));
    }

    @Test
    void everyCodeBuildProjectInstallsOnlyPinnedCliVersions() {
        // GIVEN the example pipeline WHEN synthesized: every project's buildspec, the asset publishing one's file too
        List<String> buildSpecs = new ArrayList<>(resources("AWS::CodeBuild::Project").stream()
                .map(project -> text(project.path("Properties").path("Source").path("BuildSpec"))).toList());
        buildSpecs.add(fileAssetBuildSpec());
        List<String> installs = new ArrayList<>();
        for (String buildSpec : buildSpecs) {
            Matcher install = Pattern.compile("npm install -g (\\S+?)(?=[\\s\\\\\"]|$)").matcher(buildSpec);
            while (install.find()) {
                installs.add(install.group(1));
            }
        }
        // THEN the self-mutation, asset publishing and CDK Pipelines' permissions-broadening check (which installs
        // the latest CLI unless overridden) all install the versions package.json pins
        assertThat(installs).contains("aws-cdk@" + ScvPipeline.CDK_CLI_VERSION,
                "cdk-assets@" + ScvPipeline.CDK_ASSETS_CLI_VERSION);
        assertThat(installs).allMatch(spec -> spec.equals("aws-cdk@" + ScvPipeline.CDK_CLI_VERSION)
                || spec.equals("cdk-assets@" + ScvPipeline.CDK_ASSETS_CLI_VERSION), "a pinned CLI");
        assertThat(buildSpecs).anySatisfy(spec -> assertThat(spec).contains("cdk diff -a . --security-only")
                .contains("npm install -g aws-cdk@" + ScvPipeline.CDK_CLI_VERSION));
    }

    @Test
    void wavesFollowTheSharedStagesInConfigOrder() {
        // GIVEN waves pilot (globex) then production (acme); a wave of one stage is shown under the stage's name
        // WHEN synthesized THEN the pipeline's stages are CDK Pipelines' own four, then globex, then acme
        assertThat(pipelineStages()).extracting(s -> s.path("Name").asText())
                .containsExactly("Source", "Build", "UpdatePipeline", "Assets", "globex", "acme");
    }

    @Test
    void everyWaveAfterTheFirstStartsWithAManualApproval() {
        // GIVEN two waves WHEN synthesized
        // THEN the second wave's first action, alone in its run order, is a manual approval naming the wave
        JsonNode first = firstActions(stage("acme"));
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("Name").asText()).isEqualTo("Approve-production");
        assertThat(first.get(0).path("ActionTypeId").path("Category").asText()).isEqualTo("Approval");
        // AND the first wave starts without one: with the permissions check
        assertThat(firstActions(stage("globex")).get(0).path("Name").asText()).isEqualTo("ConfirmPermissions.Check");
    }

    @Test
    void eachTenantStageConfirmsPermissionsBroadeningBeforeItsFirstDeployment() {
        for (String tenant : List.of("globex", "acme")) {
            JsonNode actions = stage(tenant).path("Actions");
            int check = runOrder(actions, "ConfirmPermissions.Check");
            int confirm = runOrder(actions, "ConfirmPermissions.Confirm");
            int firstDeploy = Integer.MAX_VALUE;
            for (JsonNode action : actions) {
                if ("Deploy".equals(action.path("ActionTypeId").path("Category").asText())) {
                    firstDeploy = Math.min(firstDeploy, action.path("RunOrder").asInt());
                }
            }
            assertThat(check).as(tenant).isLessThan(confirm);
            assertThat(confirm).as(tenant).isLessThan(firstDeploy);
            JsonNode checkAction = action(actions, "ConfirmPermissions.Check");
            // the check diffs this tenant's stage
            assertThat(checkAction.path("Configuration").path("EnvironmentVariables").asText())
                    .contains("{\"name\":\"STAGE_NAME\",\"type\":\"PLAINTEXT\",\"value\":\"" + tenant + "\"}");
        }
    }

    @Test
    void theArtifactBucketIsEncryptedWithARotatedKeyThatEachTargetAccountsDeployRoleMayDecrypt() {
        List<JsonNode> keys = resources("AWS::KMS::Key");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0).path("Properties");
        assertThat(key.path("EnableKeyRotation").asBoolean()).isTrue();
        Set<String> decrypters = new LinkedHashSet<>();
        key.path("KeyPolicy").path("Statement").forEach(statement -> {
            if (statement.path("Action").toString().contains("kms:Decrypt")) {
                decrypters.add(text(statement.path("Principal").path("AWS")));
            }
        });
        // the pipeline's region is us-east-1, where both tenants' account stacks deploy
        assertThat(decrypters).contains(bootstrapRole("deploy", "444455556666", "us-east-1"),
                bootstrapRole("deploy", "111122223333", "us-east-1"));
        List<JsonNode> buckets = resources("AWS::S3::Bucket");
        assertThat(buckets).hasSize(1);
        assertThat(buckets.get(0).path("Properties").path("BucketEncryption").toString()).contains("aws:kms")
                .contains("\"Fn::GetAtt\":[\"" + logicalIdOf(keys.get(0)) + "\",\"Arn\"]");
    }

    @Test
    void eachStackDeploysThroughItsTargetAccountsBootstrapRolesInItsOwnRegion() {
        // GIVEN every stack of every tenant stage, with the account and region it has in the stage
        Set<String> assumable = assumableRoles();
        for (ScvPipeline.TenantStage tenant : example().stages()) {
            JsonNode actions = stage(tenant.tenant().tenant().name()).path("Actions");
            for (Stack stack : tenant.composition().allStacks()) {
                String account = stack.getAccount();
                String region = stack.getRegion();
                assertThat(account).isEqualTo(tenant.tenant().tenant().account());
                // WHEN the pipeline deploys it THEN change sets are made and run as the target's bootstrap roles
                JsonNode prepare = action(actions, stack.getStackName() + ".Prepare");
                JsonNode deploy = action(actions, stack.getStackName() + ".Deploy");
                for (JsonNode action : List.of(prepare, deploy)) {
                    assertThat(text(action.path("RoleArn"))).isEqualTo(bootstrapRole("deploy", account, region));
                    // the pipeline's region needs no Region on the action
                    assertThat(action.path("Region").asText("us-east-1")).isEqualTo(region);
                }
                assertThat(text(prepare.path("Configuration").path("RoleArn")))
                        .isEqualTo(bootstrapRole("cfn-exec", account, region));
                assertThat(prepare.path("Configuration").path("StackName").asText()).isEqualTo(stack.getStackName());
                // AND the pipeline's role may assume that deploy role
                assertThat(assumable).contains(bootstrapRole("deploy", account, region));
            }
        }
    }

    @Test
    void eachLambdaJarIsPublishedOnceToEachAccountAndRegionThatUsesIt() throws IOException {
        // GIVEN the file assets of every tenant stack (the two Lambda jars), by content hash and destination
        Map<String, Set<String>> destinationsByAsset = new HashMap<>();
        Map<String, Set<String>> tenantsByAsset = new HashMap<>();
        for (ScvPipeline.TenantStage tenant : example().stages()) {
            for (CloudFormationStackArtifact stack : tenant.stage().synth().getStacks()) {
                JsonNode manifest = MAPPER.readTree(Path.of(stack.getAssembly().getDirectory())
                        .resolve(stack.getId() + ".assets.json").toFile());
                manifest.path("files").properties().forEach(file -> {
                    if (file.getValue().path("source").path("path").asText().endsWith(".jar")) {
                        file.getValue().path("destinations").fieldNames().forEachRemaining(destination ->
                                destinationsByAsset.computeIfAbsent(file.getKey(), k -> new LinkedHashSet<>())
                                        .add(destination));
                        tenantsByAsset.computeIfAbsent(file.getKey(), k -> new LinkedHashSet<>())
                                .add(tenant.tenant().tenant().name());
                    }
                });
            }
        }
        // THEN both tenants use the same two jars (same content, same hash: one asset each)
        assertThat(tenantsByAsset).hasSize(2).allSatisfy((asset, tenants) ->
                assertThat(tenants).containsExactlyInAnyOrder("globex", "acme"));
        // AND one publishing job publishes each (jar, account-region) pair exactly once, and nothing else
        List<String> selectors = new ArrayList<>();
        Pattern selector = Pattern.compile("publish \"([0-9a-f]{64}:[^\"]+)\"");
        for (JsonNode command : readJson(fileAssetBuildSpec()).path("phases").path("build").path("commands")) {
            Matcher publish = selector.matcher(command.asText());
            assertThat(publish.find()).as(command.asText()).isTrue();
            selectors.add(publish.group(1));
        }
        List<String> expected = destinationsByAsset.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(d -> e.getKey() + ":" + d)).toList();
        assertThat(selectors).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
        // one destination per (account, region) of a contact center: globex eu-central-1, acme eu-west-2, us-west-2
        assertThat(destinationsByAsset.values()).allSatisfy(destinations -> assertThat(destinations.stream()
                .map(d -> d.substring(0, d.lastIndexOf('-'))))
                .containsExactlyInAnyOrder("444455556666-eu-central-1", "111122223333-eu-west-2",
                        "111122223333-us-west-2"));
    }

    @Test
    void eachTenantStageHoldsTheSingleTenantAppsStacksWithIdenticalTemplates() {
        for (ScvPipeline.TenantStage tenant : example().stages()) {
            String name = tenant.tenant().tenant().name();
            // GIVEN the single-tenant app built for the same tenant config
            ScvApp.Composition single = ScvApp.create(tenant.tenant().tenantConfig(),
                    AppOptions.builder().nagEnabled(false).build());
            // WHEN both are synthesized
            Map<String, String> expected = templatesByStack(single.stage().synth());
            Map<String, String> actual = templatesByStack(tenant.stage().synth());
            // THEN the stage has the same stacks (name, account, region), with their construct ids
            assertThat(actual.keySet()).as(name).containsExactlyElementsOf(expected.keySet());
            assertThat(tenant.composition().allStacks()).extracting(s -> s.getNode().getId())
                    .containsExactlyElementsOf(single.allStacks().stream().map(s -> s.getNode().getId()).toList());
            // AND the same template files, to the byte: no id depends on the stage's name
            actual.forEach((stack, template) -> assertThat(template).as(name + ": " + stack)
                    .isEqualTo(expected.get(stack)));
        }
    }

    @Test
    void theScopedExecutionPolicyCoversTheServiceOfEveryResourceTypeInTheTenantStages() throws IOException {
        // GIVEN config/cdk-execution-policy.json, the policy target accounts bootstrap CloudFormation with
        Set<String> allowed = executionPolicyActions();
        // WHEN every resource type of every tenant stack is listed
        Set<String> types = new java.util.TreeSet<>();
        for (ScvPipeline.TenantStage tenant : example().stages()) {
            for (CloudFormationStackArtifact stack : tenant.stage().synth().getStacks()) {
                MAPPER.valueToTree(stack.getTemplate()).path("Resources")
                        .forEach(resource -> types.add(resource.path("Type").asText()));
            }
        }
        // THEN the policy allows actions of each type's service (custom resources: invoking their provider)
        assertThat(types).contains("AWS::IAM::Role", "AWS::Lambda::Function", "Custom::ScvSecureParameter");
        for (String type : types) {
            if (type.equals("AWS::CDK::Metadata")) {
                continue;
            }
            String prefix = type.startsWith("Custom::") ? "lambda:InvokeFunction"
                    : type.split("::")[1].toLowerCase(java.util.Locale.ROOT) + ":";
            assertThat(allowed).as(type).anyMatch(action -> action.startsWith(prefix));
        }
    }

    @Test
    void theScopedExecutionPolicyNamesOnlyRealActionsWithoutWildcardsAndFitsAManagedPolicy() throws IOException {
        Path actions = Path.of("..", "node_modules", "@cloud-copilot", "iam-data", "data", "actions");
        assertThat(actions).as("run `npm ci` in the repository root first").isDirectory();
        for (String action : executionPolicyActions()) {
            // no service:* and no Describe*: each action is one the SCV resources' CloudFormation handlers call
            assertThat(action).doesNotContain("*");
            String[] parts = action.split(":");
            JsonNode service = MAPPER.readTree(actions.resolve(parts[0] + ".json").toFile());
            assertThat(service.has(parts[1].toLowerCase(java.util.Locale.ROOT))).as(action).isTrue();
        }
        String policy = Files.readString(EXECUTION_POLICY);
        // IAM counts a managed policy's size without whitespace: at most 6,144 characters
        assertThat(policy.replaceAll("\\s", "").length()).isLessThanOrEqualTo(6144);
        assertThat(policy).doesNotContain("arn:aws:");
    }

    private static final Path EXECUTION_POLICY = Path.of("..", "config", "cdk-execution-policy.json");

    private static Set<String> executionPolicyActions() throws IOException {
        Set<String> allowed = new java.util.TreeSet<>();
        for (JsonNode statement : MAPPER.readTree(EXECUTION_POLICY.toFile()).path("Statement")) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            statement.path("Action").forEach(action -> allowed.add(action.asText()));
        }
        return allowed;
    }

    /** Stack name with its environment → template, in assembly order. */
    /** The synthesized template file of each stack, by stack name, account and region. */
    private static Map<String, String> templatesByStack(CloudAssembly assembly) {
        Map<String, String> templates = new LinkedHashMap<>();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            try {
                templates.put(stack.getStackName() + " in " + stack.getEnvironment().getAccount() + "/"
                        + stack.getEnvironment().getRegion(), Files.readString(Path.of(stack.getTemplateFullPath())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return templates;
    }

    private static String fileAssetBuildSpec() {
        JsonNode project = resources("AWS::CodeBuild::Project").stream()
                .filter(p -> text(p.path("Properties").path("Source").path("BuildSpec")).endsWith("FileAsset.yaml"))
                .collect(Collectors.collectingAndThen(Collectors.toList(), found -> {
                    assertThat(found).as("one file-asset publishing project").hasSize(1);
                    return found.get(0);
                }));
        try {
            return Files.readString(outdir.resolve(project.path("Properties").path("Source").path("BuildSpec")
                    .asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every role ARN an identity policy of the pipeline stack allows sts:AssumeRole on. */
    private static Set<String> assumableRoles() {
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode policy : resources("AWS::IAM::Policy")) {
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                if (statement.path("Action").toString().contains("\"sts:AssumeRole\"")) {
                    JsonNode resource = statement.path("Resource");
                    if (resource.isArray()) {
                        resource.forEach(r -> roles.add(text(r)));
                    } else {
                        roles.add(text(resource));
                    }
                }
            }
        }
        return roles;
    }

    private static JsonNode firstActions(JsonNode stage) {
        int first = Integer.MAX_VALUE;
        for (JsonNode action : stage.path("Actions")) {
            first = Math.min(first, action.path("RunOrder").asInt());
        }
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode action : stage.path("Actions")) {
            if (action.path("RunOrder").asInt() == first) {
                found.add(action);
            }
        }
        return MAPPER.valueToTree(found);
    }

    private static JsonNode action(JsonNode actions, String name) {
        for (JsonNode action : actions) {
            if (name.equals(action.path("Name").asText())) {
                return action;
            }
        }
        throw new AssertionError("no action " + name + " in " + actions);
    }

    private static int runOrder(JsonNode actions, String name) {
        return action(actions, name).path("RunOrder").asInt();
    }

    private static String logicalIdOf(JsonNode resource) {
        for (Map.Entry<String, JsonNode> entry : template().path("Resources").properties()) {
            if (entry.getValue() == resource) {
                return entry.getKey();
            }
        }
        throw new AssertionError("not a resource of the template");
    }

    private static JsonNode readJson(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
