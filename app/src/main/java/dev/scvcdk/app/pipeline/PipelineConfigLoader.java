package dev.scvcdk.app.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.scvcdk.app.config.JsonRecordCheck;
import dev.scvcdk.app.config.LoadedTenantConfig;
import dev.scvcdk.app.config.TenantConfigLoader;
import dev.scvcdk.policies.config.InvalidTenantConfigException;
import dev.scvcdk.policies.config.Partition;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.config.TenantConfigValidator;

/**
 * Reads a pipeline config JSON file into {@link PipelineConfig} and checks it completely, the tenant configs it
 * names included: JSON syntax, unknown fields and wrong types at every level, every rule below. All problems
 * are reported together in one {@link InvalidPipelineConfigException}, each naming the JSON path, the value and
 * the rule (a tenant config's own problems are listed under the {@code tenants[i].config} that names it).
 */
public final class PipelineConfigLoader {

    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov)?-[a-z]+-\\d$");
    private static final Pattern CONNECTION_ARN = Pattern.compile("^arn:([a-z-]+):(?:codeconnections|codestar-"
            + "connections):([a-z]{2}(?:-gov)?-[a-z]+-\\d):(\\d{12}):connection/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-"
            + "[0-9a-f]{12}$");
    private static final Pattern REPOSITORY = Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");
    private static final Pattern BRANCH = Pattern.compile("^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9._-]+)*$");
    /** A CDK stage id and the prefix of the tenant's CodePipeline action names. */
    private static final Pattern TENANT_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,39}$");
    /** A CodePipeline stage name. */
    private static final Pattern WAVE_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,39}$");
    /** The stages CDK Pipelines adds before the waves. */
    private static final Set<String> RESERVED_WAVES = Set.of("source", "build", "updatepipeline", "assets");

    private PipelineConfigLoader() {
    }

    /** Loads the pipeline config file; tenant config paths are resolved against the file's directory. */
    public static LoadedPipelineConfig load(Path configFile) {
        Path file = configFile.toAbsolutePath().normalize();
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidPipelineConfigException(source, List.of(source + " does not exist"));
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidPipelineConfigException(source, List.of(source + " cannot be read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        ObjectNode tree = JsonRecordCheck.parseObject(json, "the pipeline's fields", problems);
        if (tree == null) {
            throw new InvalidPipelineConfigException(source, problems);
        }
        Set<String> reportedPaths = new LinkedHashSet<>();
        JsonRecordCheck.checkObject(tree, PipelineConfig.class, "a pipeline config", problems, reportedPaths);
        PipelineConfig config;
        try {
            config = JsonRecordCheck.MAPPER.treeToValue(tree, PipelineConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The tree walk removes every field Jackson could not bind, so this is a defect, not bad input.
            throw new IllegalStateException("pipeline config tree did not bind after checks: " + e.getMessage(), e);
        }
        List<String> ruleProblems = new ArrayList<>();
        Partition partition = checkPipeline(config, ruleProblems);
        List<LoadedPipelineConfig.LoadedTenant> tenants =
                checkTenants(config.tenants(), partition, file.getParent(), ruleProblems);
        for (String problem : ruleProblems) {
            if (!JsonRecordCheck.alreadyReported(problem, reportedPaths)) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPipelineConfigException(source, problems);
        }
        return new LoadedPipelineConfig(config, tenants, source);
    }

    /** Checks the pipeline's own fields; returns the partition of its region, or null when that is unknown. */
    private static Partition checkPipeline(PipelineConfig config, List<String> problems) {
        checkRequired(problems, "account", config.account(), ACCOUNT_ID, "the pipeline's AWS account, 12 digits");
        Partition partition = null;
        if (checkRequired(problems, "region", config.region(), REGION,
                "the pipeline's AWS region, a region name such as us-east-1 or us-gov-west-1")) {
            partition = Arrays.stream(Partition.values()).filter(p -> p.containsRegion(config.region()))
                    .findFirst().orElseThrow();
        }
        PipelineConfig.Source source = config.source();
        if (source == null) {
            problems.add(missing("source", "the repository the pipeline builds: connectionArn, repository, branch"));
            return partition;
        }
        String arnRule = "an AWS CodeConnections connection ARN arn:<partition>:codeconnections:<region>:"
                + "<account>:connection/<uuid> (codestar-connections for connections made before the rename)";
        if (checkRequired(problems, "source.connectionArn", source.connectionArn(), CONNECTION_ARN, arnRule)) {
            Matcher arn = CONNECTION_ARN.matcher(source.connectionArn());
            arn.matches();
            if (partition != null && !arn.group(1).equals(partition.id())) {
                problems.add(bad("source.connectionArn", source.connectionArn(), "must be in the pipeline's "
                        + "partition '" + partition.id() + "' (region " + config.region() + ")"));
            }
            if (config.account() != null && ACCOUNT_ID.matcher(config.account()).matches()
                    && !arn.group(3).equals(config.account())) {
                problems.add(bad("source.connectionArn", source.connectionArn(), "must be a connection of the "
                        + "pipeline's account " + config.account()
                        + ": a pipeline uses connections of its own account"));
            }
        }
        checkRequired(problems, "source.repository", source.repository(), REPOSITORY,
                "the repository as owner/repo, as in its URL");
        if (checkRequired(problems, "source.branch", source.branch(), BRANCH,
                "a branch name such as main or release/scv (letters, digits, '.', '_', '-', '/' between parts)")
                && (source.branch().contains("..") || source.branch().endsWith(".lock"))) {
            problems.add(bad("source.branch", source.branch(), "must not contain '..' or end with '.lock' (git)"));
        }
        return partition;
    }

    private static List<LoadedPipelineConfig.LoadedTenant> checkTenants(List<PipelineConfig.Tenant> tenants,
                                                                         Partition partition, Path folder,
                                                                         List<String> problems) {
        if (tenants == null) {
            problems.add(missing("tenants", "at least one tenant: name, config, account, wave"));
            return List.of();
        }
        if (tenants.isEmpty()) {
            problems.add("tenants is empty: at least one tenant (name, config, account, wave) is required");
            return List.of();
        }
        List<LoadedPipelineConfig.LoadedTenant> loaded = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> accounts = new HashMap<>();
        Map<String, Integer> waves = new HashMap<>();
        String previousWave = null;
        for (int i = 0; i < tenants.size(); i++) {
            String at = "tenants[" + i + "]";
            PipelineConfig.Tenant tenant = tenants.get(i);
            if (checkRequired(problems, at + ".name", tenant.name(), TENANT_NAME,
                    "the tenant's stage id: a letter, then letters, digits or '-', at most 40 characters")) {
                Integer other = names.putIfAbsent(tenant.name().toLowerCase(Locale.ROOT), i);
                if (tenant.name().equalsIgnoreCase(ScvPipeline.STACK_ID)) {
                    problems.add(bad(at + ".name", tenant.name(), "is the pipeline stack's id; choose another name"));
                } else if (other != null) {
                    problems.add(bad(at + ".name", tenant.name(), "must be unique (ignoring case): tenants["
                            + other + "] has it too"));
                }
            }
            boolean accountValid = checkRequired(problems, at + ".account", tenant.account(), ACCOUNT_ID,
                    "the AWS account the tenant's stacks deploy to, 12 digits");
            if (accountValid) {
                Integer other = accounts.putIfAbsent(tenant.account(), i);
                if (other != null) {
                    problems.add(bad(at + ".account", tenant.account(), "must be unique: tenants[" + other
                            + "] deploys to it too, and one account holds one tenant (its ScvAccountStack and "
                            + "IAM role names are account-wide; put every contact center of the account in one "
                            + "tenant config)"));
                }
            }
            if (checkRequired(problems, at + ".wave", tenant.wave(), WAVE_NAME,
                    "the wave (pipeline stage) deploying the tenant: a letter, then letters, digits or '-', "
                            + "at most 40 characters")) {
                Integer first = waves.putIfAbsent(tenant.wave(), i);
                if (RESERVED_WAVES.contains(tenant.wave().toLowerCase(Locale.ROOT))) {
                    problems.add(bad(at + ".wave", tenant.wave(), "is a stage CDK Pipelines adds itself (Source, "
                            + "Build, UpdatePipeline, Assets); choose another name"));
                } else if (first != null && !tenant.wave().equals(previousWave)) {
                    problems.add(bad(at + ".wave", tenant.wave(), "must follow the other tenants of its wave "
                            + "(first at tenants[" + first + "]): list each wave's tenants together, waves in "
                            + "deployment order"));
                }
                previousWave = tenant.wave();
            }
            LoadedTenantConfig tenantConfig = loadTenantConfig(at, tenant, accountValid, partition, folder, problems);
            if (tenantConfig != null) {
                loaded.add(new LoadedPipelineConfig.LoadedTenant(tenant, tenantConfig));
            }
        }
        return loaded;
    }

    /** The tenant's config as its stage deploys it; null when it has problems (added to {@code problems}). */
    private static LoadedTenantConfig loadTenantConfig(String at, PipelineConfig.Tenant tenant, boolean accountValid,
                                                       Partition partition, Path folder, List<String> problems) {
        String field = at + ".config";
        if (tenant.config() == null || tenant.config().isBlank()) {
            problems.add(tenant.config() == null
                    ? missing(field, "the tenant config file, relative to the pipeline config's directory")
                    : bad(field, tenant.config(), "must name the tenant config file, relative to the pipeline "
                            + "config's directory"));
            return null;
        }
        String prefix = field + " = \"" + tenant.config() + "\": ";
        LoadedTenantConfig loaded;
        try {
            loaded = TenantConfigLoader.load(folder.resolve(tenant.config()));
        } catch (InvalidTenantConfigException e) {
            Path file = folder.resolve(tenant.config()).normalize();
            e.problems().forEach(problem -> problems.add(prefix + (problem.startsWith(file.toString())
                    ? problem : file + ": " + problem)));
            return null;
        }
        TenantConfig config = loaded.config();
        int before = problems.size();
        if (partition != null && config.partitionValue() != partition) {
            problems.add(prefix + "the tenant's partition '" + config.partitionValue().id() + "' differs from the "
                    + "pipeline's '" + partition.id() + "': a pipeline deploys within its own partition");
        }
        if (config.accountId() != null && accountValid && !config.accountId().equals(tenant.account())) {
            problems.add(bad(at + ".account", tenant.account(), "must equal the accountId \"" + config.accountId()
                    + "\" of its tenant config " + tenant.config()));
        }
        if (problems.size() > before || !accountValid) {
            return null;
        }
        if (config.accountId() != null) {
            return loaded;
        }
        // The stage's stacks deploy to a known account: build them as the app does for that accountId.
        TenantConfig targeted = withAccountId(config, tenant.account());
        List<String> targetedProblems = TenantConfigValidator.validate(targeted);
        targetedProblems.forEach(problem -> problems.add(prefix + "with accountId " + tenant.account()
                + " (tenants[].account): " + problem));
        return targetedProblems.isEmpty()
                ? new LoadedTenantConfig(targeted, loaded.samlMetadataXml(), loaded.source())
                : null;
    }

    /** The config with {@code accountId} set, every other field as it was (by JSON, so new fields carry over). */
    private static TenantConfig withAccountId(TenantConfig config, String accountId) {
        ObjectNode tree = JsonRecordCheck.MAPPER.valueToTree(config);
        tree.put("accountId", accountId);
        try {
            return JsonRecordCheck.MAPPER.treeToValue(tree, TenantConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a loaded tenant config did not bind again: " + e.getMessage(), e);
        }
    }

    /** Adds the problem and returns false when the value is missing or breaks the pattern. */
    private static boolean checkRequired(List<String> problems, String field, String value, Pattern pattern,
                                         String rule) {
        if (value == null) {
            problems.add(missing(field, rule));
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(bad(field, value, "must be " + rule));
            return false;
        }
        return true;
    }

    private static String bad(String field, String value, String rule) {
        return field + " = \"" + value + "\": " + rule;
    }

    private static String missing(String field, String rule) {
        return field + " is missing: required, " + rule;
    }
}
