package dev.scvcdk.policies.declarations;

import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.config.ContactCenterConfig;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Call} acts on, named the way SCV names it; {@link #arns} turns it into the exact ARNs of one
 * contact center. The kinds are the SCV resources, so a declaration reads as SCV's documentation does.
 *
 * @param kind   the kind of resource
 * @param detail what picks one resource of that kind (a parameter, a function, a key prefix), or empty
 */
public record Target(Kind kind, String detail) {

    /** The kinds of SCV resource a call may act on. */
    public enum Kind {
        PARAMETER, FUNCTION_ALIAS, FUNCTION, CTR_STREAM, CONTACT_LENS_STREAM, LIVE_MEDIA_STREAMS, CONTACTS,
        INSTANCE, INSTANCE_QUEUES, TENANT_BUCKET, TENANT_OBJECTS, FAILURE_QUEUE, SALESFORCE_SECRET, LOG_STREAMS,
        TRANSCRIPTION_JOBS,
        /** Actions without resource-level permissions: {@code *}, bound to the contact center's region. */
        NO_RESOURCE_LEVEL_PERMISSIONS,
        /** As {@link #NO_RESOURCE_LEVEL_PERMISSIONS}, bound to the account stack's region too. */
        NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION,
        /** {@code instance/<id>/*}: every sub-resource (users, queues, flows, …) of the instance. */
        INSTANCE_SUB_RESOURCES,
        /** The phone numbers claimed in the contact center's region ({@code phone-number/*}; ids are AWS's). */
        PHONE_NUMBERS,
        /** {@code instance/<id>/user/${aws:userid}}: the Connect user the federated caller signs in as. */
        OWN_CONNECT_USER,
        /** Every function named {@code <cc>-*} (provisioning manages SCV's functions as a set). */
        SCV_FUNCTIONS,
        /** The EventBridge rules named {@code <cc>-*}. */
        RULES,
        /** Event-source mappings in the contact center's region (ids are AWS's; conditions pick the function). */
        EVENT_SOURCE_MAPPINGS,
        /** Keys in the contact center's region (key ids are random; conditions pick the key by alias). */
        KEYS,
        /** SCV's stacks ({@code stack/Scv*}) in the account stack's and the contact center's regions. */
        STACKS,
        /** The audit trail, in the account stack's region. */
        TRAIL,
        /** Log streams of the audit trail's log group, in the account stack's region. */
        TRAIL_LOG_STREAMS,
        /** An IAM role by name (or name pattern) in the account. */
        ROLE,
        /** The per-instance service-linked roles of Amazon Connect ({@code AWSServiceRoleForAmazonConnect_<id>}). */
        CONNECT_SERVICE_LINKED_ROLES,
        /** The org's SAML identity provider, by name. */
        SAML_PROVIDER
    }

    /** Name prefix of Amazon Connect's per-instance service-linked roles (Connect adds {@code _<unique id>}). */
    public static final String CONNECT_SERVICE_LINKED_ROLE_PATTERN =
            "aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_*";

    public Target {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static Target parameter(Parameter parameter) {
        return new Target(Kind.PARAMETER, parameter.name());
    }

    /** The {@code active} alias: the only thing SCV's callers invoke. */
    public static Target alias(Function function) {
        return new Target(Kind.FUNCTION_ALIAS, function.name());
    }

    /** The unqualified function (event-source mappings and function management work on it). */
    public static Target function(Function function) {
        return new Target(Kind.FUNCTION, function.name());
    }

    public static Target ctrStream() {
        return new Target(Kind.CTR_STREAM, "");
    }

    public static Target contactLensStream() {
        return new Target(Kind.CONTACT_LENS_STREAM, "");
    }

    /** The Kinesis Video streams Connect creates for the instance's live media. */
    public static Target liveMediaStreams() {
        return new Target(Kind.LIVE_MEDIA_STREAMS, "");
    }

    /** {@code instance/<id>/contact/*}. */
    public static Target contacts() {
        return new Target(Kind.CONTACTS, "");
    }

    public static Target instance() {
        return new Target(Kind.INSTANCE, "");
    }

    public static Target instanceQueues() {
        return new Target(Kind.INSTANCE_QUEUES, "");
    }

    public static Target tenantBucket() {
        return new Target(Kind.TENANT_BUCKET, "");
    }

    /** Objects of the tenant bucket whose key starts with {@code prefix}. */
    public static Target tenantObjects(String prefix) {
        return new Target(Kind.TENANT_OBJECTS, prefix);
    }

    public static Target failureQueue() {
        return new Target(Kind.FAILURE_QUEUE, "");
    }

    /** The Salesforce connected-app credentials secret (configured, or the one the stack creates). */
    public static Target salesforceSecret() {
        return new Target(Kind.SALESFORCE_SECRET, "");
    }

    /** Log streams of the log group of the function named {@code <cc>-<baseName>}. */
    public static Target logStreams(String functionBaseName) {
        return new Target(Kind.LOG_STREAMS, functionBaseName);
    }

    /** Transcribe batch jobs whose name starts with {@code prefix}. */
    public static Target transcriptionJobs(String prefix) {
        return new Target(Kind.TRANSCRIPTION_JOBS, prefix);
    }

    public static Target noResourceLevelPermissions() {
        return new Target(Kind.NO_RESOURCE_LEVEL_PERMISSIONS, "");
    }

    public static Target noResourceLevelPermissionsAlsoInAccountRegion() {
        return new Target(Kind.NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION, "");
    }

    public static Target instanceSubResources() {
        return new Target(Kind.INSTANCE_SUB_RESOURCES, "");
    }

    public static Target phoneNumbers() {
        return new Target(Kind.PHONE_NUMBERS, "");
    }

    public static Target ownConnectUser() {
        return new Target(Kind.OWN_CONNECT_USER, "");
    }

    public static Target scvFunctions() {
        return new Target(Kind.SCV_FUNCTIONS, "");
    }

    public static Target rules() {
        return new Target(Kind.RULES, "");
    }

    public static Target eventSourceMappings() {
        return new Target(Kind.EVENT_SOURCE_MAPPINGS, "");
    }

    public static Target keys() {
        return new Target(Kind.KEYS, "");
    }

    public static Target stacks() {
        return new Target(Kind.STACKS, "");
    }

    public static Target trail() {
        return new Target(Kind.TRAIL, "");
    }

    public static Target trailLogStreams() {
        return new Target(Kind.TRAIL_LOG_STREAMS, "");
    }

    /** The role named {@code name} ({@code SCV*} names every SCV account role). */
    public static Target role(String name) {
        return new Target(Kind.ROLE, name);
    }

    public static Target connectServiceLinkedRoles() {
        return new Target(Kind.CONNECT_SERVICE_LINKED_ROLES, "");
    }

    public static Target samlProvider(String name) {
        return new Target(Kind.SAML_PROVIDER, name);
    }

    /** The exact ARNs this target names in contact center {@code cc}. */
    public List<String> arns(ScvArns arns, ContactCenterConfig cc) {
        String name = cc.callCenterApiName();
        String region = cc.region();
        String bucket = ScvNames.tenantBucket(name, arns.account(), region);
        return switch (kind) {
            case PARAMETER -> List.of(arns.parameter(region, name, Parameter.valueOf(detail)));
            case FUNCTION_ALIAS -> List.of(arns.functionAlias(region, name, Function.valueOf(detail)));
            case FUNCTION -> List.of(arns.function(region, name, Function.valueOf(detail)));
            case CTR_STREAM -> List.of(arns.ctrStream(region, name));
            case CONTACT_LENS_STREAM -> List.of(arns.contactLensStream(region, name));
            case LIVE_MEDIA_STREAMS -> List.of(arns.regional("kinesisvideo", region, "stream/"
                    + ScvNames.liveMediaStreamPrefix(name) + "-connect-" + cc.connectInstanceAlias() + "-contact-*/*"));
            case CONTACTS -> List.of(arns.connectInstance(region, cc.connectInstanceId()) + "/contact/*");
            case INSTANCE -> List.of(arns.connectInstance(region, cc.connectInstanceId()));
            case INSTANCE_QUEUES -> List.of(arns.connectInstance(region, cc.connectInstanceId()) + "/queue/*");
            case TENANT_BUCKET -> List.of(arns.bucket(bucket));
            case TENANT_OBJECTS -> List.of(arns.objects(bucket, detail + "*"));
            case FAILURE_QUEUE -> List.of(arns.failureQueue(region, name));
            case SALESFORCE_SECRET -> List.of(cc.salesforceCredentialsSecretArn() != null
                    ? cc.salesforceCredentialsSecretArn()
                    : arns.secret(region, ScvNames.salesforceCredentialsSecret(name)));
            case LOG_STREAMS -> List.of(arns.logGroup(region, ScvNames.functionLogGroup(name + "-" + detail)) + ":*");
            case TRANSCRIPTION_JOBS -> List.of(arns.regional("transcribe", region, "transcription-job/" + detail + "*"));
            case NO_RESOURCE_LEVEL_PERMISSIONS, NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION -> List.of("*");
            case INSTANCE_SUB_RESOURCES -> List.of(arns.connectInstance(region, cc.connectInstanceId()) + "/*");
            case PHONE_NUMBERS -> List.of(arns.regional("connect", region, "phone-number/*"));
            case OWN_CONNECT_USER -> List.of(arns.connectInstance(region, cc.connectInstanceId())
                    + "/user/${aws:userid}");
            case SCV_FUNCTIONS -> List.of(arns.regional("lambda", region, "function:" + name + "-*"));
            case RULES -> List.of(arns.regional("events", region, "rule/" + name + "-*"));
            case EVENT_SOURCE_MAPPINGS -> List.of(arns.regional("lambda", region, "event-source-mapping:*"));
            case KEYS -> List.of(arns.anyKeyIn(region));
            // The default stack names; CallStatements names the stacks as the app actually names them.
            case STACKS -> List.of(arns.regional("cloudformation", accountRegion(arns),
                            "stack/" + ScvNames.ACCOUNT_STACK + "/*"),
                    arns.regional("cloudformation", region, "stack/" + ScvNames.contactCenterStack(name) + "/*"));
            case TRAIL -> List.of(arns.regional("cloudtrail", accountRegion(arns), "trail/" + ScvNames.CLOUDTRAIL_NAME));
            case TRAIL_LOG_STREAMS -> List.of(arns.logGroup(accountRegion(arns), ScvNames.TRAIL_LOG_GROUP) + ":*");
            case ROLE -> List.of(arns.role(detail));
            case CONNECT_SERVICE_LINKED_ROLES -> List.of(arns.role(CONNECT_SERVICE_LINKED_ROLE_PATTERN));
            case SAML_PROVIDER -> List.of(arns.samlProvider(detail));
        };
    }

    /** Region of the account stack (IAM, the SAML provider, the audit trail) in the ARNs' partition. */
    public static String accountRegion(ScvArns arns) {
        return ScvNames.accountStackRegion(dev.scvcdk.policies.config.Partition.fromId(arns.partition()));
    }

    /** How a reviewer reads it: {@code parameter SCRT_PRIVATE_KEY}, {@code ctr stream}. */
    @Override
    public String toString() {
        String kindText = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return detail.isEmpty() ? kindText : kindText + " " + detail;
    }
}
