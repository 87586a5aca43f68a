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
        NO_RESOURCE_LEVEL_PERMISSIONS
    }

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
            case NO_RESOURCE_LEVEL_PERMISSIONS -> List.of("*");
        };
    }

    /** How a reviewer reads it: {@code parameter SCRT_PRIVATE_KEY}, {@code ctr stream}. */
    @Override
    public String toString() {
        String kindText = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return detail.isEmpty() ? kindText : kindText + " " + detail;
    }
}
