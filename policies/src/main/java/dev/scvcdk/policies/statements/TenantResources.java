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
import java.util.function.UnaryOperator;

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
    /** The call center API names, the values of {@link dev.scvcdk.policies.ScvNames#FUNCTION_TAG}. */
    public List<String> callCenterNames() {
        return contactCenters.stream().map(ContactCenterConfig::callCenterApiName).toList();
    }

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

    /** Every {@code <cc>-*} function of every contact center (provisioning works on SCV functions only). */
    public List<String> allScvFunctions() {
        return contactCenters.stream()
                .map(cc -> arns.regional("lambda", cc.region(), "function:" + cc.callCenterApiName() + "-*"))
                .toList();
    }

    /** Log streams of a function not in {@link Function} (named per contact center by {@code nameOf}). */
    public List<String> logStreamsOfNamed(UnaryOperator<String> nameOf) {
        return contactCenters.stream()
                .map(cc -> logStreams(cc, nameOf.apply(cc.callCenterApiName())))
                .toList();
    }

    private String logStreams(ContactCenterConfig cc, String functionName) {
        return arns.logGroup(cc.region(), ScvNames.functionLogGroup(functionName)) + ":*";
    }

    /**
     * As {@link #parameters}, but a contact center's five {@code <cc>-salesforce-rest-api-*}
     * parameters, when all are asked for, as that one pattern: the prefix is SCV's name space for
     * them (scv-reference.md), so the pattern names exactly those five.
     */
    public List<String> parameterPatterns(Parameter... parameters) {
        return CallStatements.RestApiParameters.compact(parameters(parameters));
    }

    public List<String> parameters(Parameter... parameters) {
        return contactCenters.stream()
                .flatMap(cc -> Arrays.stream(parameters)
                        .map(p -> arns.parameter(cc.region(), cc.callCenterApiName(), p)))
                .toList();
    }

    public List<String> ctrStreams() {
        return contactCenters.stream().map(cc -> arns.ctrStream(cc.region(), cc.callCenterApiName())).toList();
    }

    public List<String> contactLensStreams() {
        return contactCenters.stream()
                .map(cc -> arns.contactLensStream(cc.region(), cc.callCenterApiName()))
                .toList();
    }

    public List<String> instances() {
        return contactCenters.stream().map(this::instance).toList();
    }

    /** {@code instance/<id>/*}: every sub-resource (users, queues, flows, …) of every instance. */
    public List<String> instanceSubResources() {
        return contactCenters.stream().map(cc -> instance(cc) + "/*").toList();
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

    /** Objects under {@code prefix} in every tenant bucket. */
    public List<String> tenantObjects(String prefix) {
        return contactCenters.stream().map(cc -> arns.objects(tenantBucketName(cc), prefix + "*")).toList();
    }

    public List<String> failureQueues() {
        return contactCenters.stream().map(cc -> arns.failureQueue(cc.region(), cc.callCenterApiName())).toList();
    }

    /**
     * {@code key/*} in any region, for grants that also name the calling service's regional endpoints
     * in {@code kms:ViaService}: a service uses only keys of its own region, so the condition pins the
     * regions exactly and one ARN replaces one per contact-center region.
     */
    public String keysViaService() {
        return arns.anyKeyIn("*");
    }

    /** {@code key/*} in every contact-center region: key ids are random, conditions pick the key. */
    public List<String> keysInRegions() {
        return regions().stream().map(arns::anyKeyIn).toList();
    }

    public List<String> streamKeyAliases() {
        return contactCenters.stream().map(cc -> ScvNames.kvsKeyAlias(cc.callCenterApiName())).toList();
    }

    public List<String> liveMediaKeyAliases() {
        return contactCenters.stream().map(cc -> ScvNames.liveMediaKeyAlias(cc.callCenterApiName())).toList();
    }

    public List<String> tenantBucketKeyAliases() {
        return contactCenters.stream().map(cc -> ScvNames.tenantBucketKeyAlias(cc.callCenterApiName())).toList();
    }

    /** The Salesforce credentials secret of every contact center: configured, or the one the stack creates. */
    public List<String> salesforceSecrets() {
        return contactCenters.stream()
                .map(cc -> cc.salesforceCredentialsSecretArn() != null
                        ? cc.salesforceCredentialsSecretArn()
                        : arns.secret(cc.region(), ScvNames.salesforceCredentialsSecret(cc.callCenterApiName())))
                .toList();
    }

    /** ARNs of the account-level roles, by name. */
    public List<String> roles(List<String> roleNames) {
        return roleNames.stream().map(arns::role).toList();
    }
}
