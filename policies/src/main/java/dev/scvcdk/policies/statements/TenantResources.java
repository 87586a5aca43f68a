package dev.scvcdk.policies.statements;

import dev.scvcdk.policies.StackNames;

import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.Arrays;
import java.util.List;

/**
 * Exact ARNs of one kind of SCV resource across every contact center of the account. The roles
 * are shared by all contact centers (as in SCV), so each grant lists every contact center's copy.
 */
public final class TenantResources {
    private final TenantConfig config;
    private final ScvArns arns;
    private final List<ContactCenterConfig> contactCenters;
    private final StackNames stackNames;

    /** The tenant's resources, its stacks named as the library and the app name them by default. */
    public TenantResources(TenantConfig config) {
        this(config, StackNames.defaults(config));
    }

    /** The tenant's resources, its stacks named {@code stackNames}. */
    public TenantResources(TenantConfig config, StackNames stackNames) {
        this.config = config;
        this.arns = ScvArns.forTenant(config);
        this.contactCenters = config.contactCenters();
        this.stackNames = stackNames;
    }

    /** The CloudFormation stacks the tenant's SCV resources are deployed in. */
    public StackNames stackNames() {
        return stackNames;
    }

    /**
     * The tenant's stacks by exact name, each in its region: {@code stack/<name>/*} (CloudFormation appends a
     * generated id to a stack's ARN), the account stack in {@link #accountRegion()}, each contact center's in its
     * region.
     */
    public List<String> stacks() {
        List<String> stacks = new java.util.ArrayList<>();
        stacks.add(arns.regional("cloudformation", accountRegion(), "stack/" + stackNames.accountStack() + "/*"));
        for (ContactCenterConfig cc : contactCenters) {
            stacks.add(arns.regional("cloudformation", cc.region(),
                    "stack/" + stackNames.contactCenterStack(cc.callCenterApiName()) + "/*"));
        }
        return List.copyOf(stacks);
    }

    /** The account stack and {@code cc}'s stack by exact name, each in its region (see {@link #stacks()}). */
    public List<String> stacksOf(ContactCenterConfig cc) {
        return List.of(arns.regional("cloudformation", accountRegion(), "stack/" + stackNames.accountStack() + "/*"),
                arns.regional("cloudformation", cc.region(),
                        "stack/" + stackNames.contactCenterStack(cc.callCenterApiName()) + "/*"));
    }

    public TenantConfig config() {
        return config;
    }

    public ScvArns arns() {
        return arns;
    }

    public List<ContactCenterConfig> contactCenters() {
        return contactCenters;
    }

    /** The distinct contact-center regions, in config order. */
    public List<String> regions() {
        return contactCenters.stream().map(ContactCenterConfig::region).distinct().toList();
    }

    /** Region of the account stack (IAM, SAML provider, trail). */
    public String accountRegion() {
        return ScvNames.accountStackRegion(config.partitionValue());
    }

    /** {@code <service>.<region>.<dns suffix>} for every contact-center region, for {@code kms:ViaService}. */
    public List<String> viaService(String service) {
        return regions().stream()
                .map(region -> service + "." + region + "." + config.partitionValue().dnsSuffix())
                .toList();
    }

    public List<String> functionAliases(Function function) {
        return contactCenters.stream()
                .map(cc -> arns.functionAlias(cc.region(), cc.callCenterApiName(), function))
                .toList();
    }

    public List<String> parameters(Parameter... parameters) {
        return contactCenters.stream()
                .flatMap(cc -> Arrays.stream(parameters)
                        .map(p -> arns.parameter(cc.region(), cc.callCenterApiName(), p)))
                .toList();
    }

    public List<String> instances() {
        return contactCenters.stream().map(this::instance).toList();
    }

    private String instance(ContactCenterConfig cc) {
        return arns.connectInstance(cc.region(), cc.connectInstanceId());
    }

    public String tenantBucketName(ContactCenterConfig cc) {
        return ScvNames.tenantBucket(cc.callCenterApiName(), arns.account(), cc.region());
    }

    public List<String> tenantBuckets() {
        return contactCenters.stream().map(cc -> arns.bucket(tenantBucketName(cc))).toList();
    }

    /**
     * {@code key/*} in any region, for grants that also name the calling service's regional endpoints
     * in {@code kms:ViaService}: a service uses only keys of its own region, so the condition pins the
     * regions exactly and one ARN replaces one per contact-center region.
     */
    public String keysViaService() {
        return arns.anyKeyIn("*");
    }

    /** The Salesforce credentials secret of every contact center: configured, or the one the stack creates. */
    public List<String> salesforceSecrets() {
        return contactCenters.stream()
                .map(cc -> cc.salesforceCredentialsSecretArn() != null
                        ? cc.salesforceCredentialsSecretArn()
                        : arns.secret(cc.region(), ScvNames.salesforceCredentialsSecret(cc.callCenterApiName())))
                .toList();
    }
}
