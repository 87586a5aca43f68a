package dev.scvcdk.constructs.audit;

import dev.scvcdk.constructs.iam.IamRender;

import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.services.cloudtrail.CfnTrail.AdvancedEventSelectorProperty;
import software.amazon.awscdk.services.cloudtrail.CfnTrail.AdvancedFieldSelectorProperty;

/**
 * The data events the audit trail records for a tenant: every object read and write in each contact
 * center's tenant bucket, and every invocation of each SCV function of each contact center. Each resource
 * is named by an exact ARN prefix computed from the tenant config, so no other bucket or function in the
 * account adds to the data-event bill.
 */
public final class TenantDataEvents {
    /** CloudTrail's quota: values across all conditions of all advanced event selectors of one trail. */
    public static final int MAX_SELECTOR_VALUES = 500;

    private final List<String> objectPrefixes;
    private final List<String> functionPrefixes;
    private final int contactCenters;

    private TenantDataEvents(List<String> objectPrefixes, List<String> functionPrefixes, int contactCenters) {
        this.objectPrefixes = List.copyOf(objectPrefixes);
        this.functionPrefixes = List.copyOf(functionPrefixes);
        this.contactCenters = contactCenters;
    }

    /** The data events of a validated tenant config. */
    public static TenantDataEvents of(TenantConfig config) {
        TenantResources resources = new TenantResources(config);
        List<String> objects = resources.tenantBuckets().stream().map(bucket -> bucket + "/").toList();
        List<String> functions = new ArrayList<>();
        for (ContactCenterConfig cc : resources.contactCenters()) {
            functions.addAll(functionArns(resources.arns(), cc));
        }
        return new TenantDataEvents(objects, functions, resources.contactCenters().size());
    }

    /**
     * Every SCV function of a contact center: the {@link Function}s and the two configurators. The
     * unqualified ARN is a prefix of the qualified one, so invocations through the {@code active} alias
     * or a version match too.
     */
    private static List<String> functionArns(ScvArns arns, ContactCenterConfig cc) {
        String name = cc.callCenterApiName();
        return Stream.concat(
                        Arrays.stream(Function.values()).map(f -> arns.function(cc.region(), name, f)),
                        Stream.of(ScvNames.connectConfiguratorFunction(name), ScvNames.secretConfiguratorFunction(name))
                                .map(fn -> arns.regional("lambda", cc.region(), "function:" + fn)))
                .toList();
    }

    /** {@code arn:<partition>:s3:::<tenant bucket>/} of every contact center. */
    public List<String> objectPrefixes() {
        return objectPrefixes;
    }

    /** {@code arn:<partition>:lambda:<region>:<account>:function:<cc>-<Name>} of every SCV function. */
    public List<String> functionPrefixes() {
        return functionPrefixes;
    }

    /**
     * The trail's advanced event selectors: all management events (advanced selectors replace the default
     * that logs them), the tenant buckets' objects, and the SCV functions. Lambda's only data event is
     * {@code Invoke}, so the function selector needs no event-name condition.
     */
    List<AdvancedEventSelectorProperty> selectors() {
        return List.of(
                selector("Management events", equals("eventCategory", "Management")),
                selector("Tenant bucket objects", equals("eventCategory", "Data"),
                        equals("resources.type", "AWS::S3::Object"), startsWith("resources.ARN", objectPrefixes)),
                selector("SCV function invocations", equals("eventCategory", "Data"),
                        equals("resources.type", "AWS::Lambda::Function"),
                        startsWith("resources.ARN", functionPrefixes)));
    }

    /** Values across all conditions of {@link #selectors()}: what CloudTrail's quota counts. */
    int selectorValueCount() {
        return selectors().stream()
                .flatMap(s -> s.getFieldSelectors() instanceof List<?> fields ? fields.stream() : Stream.empty())
                .map(AdvancedFieldSelectorProperty.class::cast)
                .mapToInt(f -> size(f.getEqualTo()) + size(f.getStartsWith()) + size(f.getEndsWith())
                        + size(f.getNotEquals()) + size(f.getNotStartsWith()) + size(f.getNotEndsWith()))
                .sum();
    }

    /** Empty when the selectors fit CloudTrail's quota; otherwise the one problem, with the way out. */
    public List<String> problems() {
        int values = selectorValueCount();
        if (values <= MAX_SELECTOR_VALUES) {
            return List.of();
        }
        return List.of("auditDataEvents is on (the default): the audit trail's data-event selectors need " + values
                + " values for " + contactCenters + " contact centers (" + (1 + functionsPerContactCenter())
                + " ARN prefixes each: the tenant bucket and " + functionsPerContactCenter() + " SCV functions); "
                + "CloudTrail allows at most " + MAX_SELECTOR_VALUES + " per trail: set auditDataEvents to false, "
                + "or split the contact centers across AWS accounts");
    }

    private int functionsPerContactCenter() {
        return contactCenters == 0 ? 0 : functionPrefixes.size() / contactCenters;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static AdvancedEventSelectorProperty selector(String name, AdvancedFieldSelectorProperty... fields) {
        return AdvancedEventSelectorProperty.builder().name(name).fieldSelectors(List.of(fields)).build();
    }

    private static AdvancedFieldSelectorProperty equals(String field, String value) {
        return AdvancedFieldSelectorProperty.builder().field(field).equalTo(List.of(value)).build();
    }

    private static AdvancedFieldSelectorProperty startsWith(String field, List<String> prefixes) {
        // an environment-agnostic tenant's ARNs carry ${AWS::AccountId}: CloudFormation substitutes it
        return AdvancedFieldSelectorProperty.builder().field(field)
                .startsWith(prefixes.stream().map(IamRender::string).toList()).build();
    }
}
