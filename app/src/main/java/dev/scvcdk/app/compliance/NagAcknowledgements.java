package dev.scvcdk.app.compliance;

import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.declarations.Call;
import dev.scvcdk.policies.declarations.Feature;
import dev.scvcdk.policies.declarations.FunctionContract;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.policies.declarations.PrincipalContracts;
import dev.scvcdk.policies.declarations.Target;
import dev.scvcdk.policies.declarations.Trigger;
import dev.scvcdk.constructs.account.ScvAccount;
import dev.scvcdk.constructs.contactcenter.ScvContactCenter;
import dev.scvcdk.constructs.contactcenter.ScvContactCenterStack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.scvcdk.constructs.iam.ScvRoles;
import dev.scvcdk.policies.PermissionBoundaryDocument;
import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.config.TenantConfig;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * The acknowledgement register: every cdk-nag finding the SCV app accepts, in one place, each with the construct
 * it applies to, the exact finding id and the reason. The app applies the register with
 * {@link #apply(IConstruct, List, TenantConfig)}; the compliance suite fails when an entry no longer matches a finding.
 */
public final class NagAcknowledgements {

    /** A finding id: a rule id, optionally with the finding in brackets, e.g. {@code AwsSolutions-IAM5[Resource::*]}. */
    private static final Pattern FINDING_ID = Pattern.compile("^[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*-[A-Za-z0-9]+(\\[.+])?$");
    private static final int MIN_REASON_LENGTH = 20;

    /** Tenant variables that make an entry apply once per contact center. */
    private static final List<String> CONTACT_CENTER_VARIABLES =
            List.of("{cc}", "{region}", "{instanceId}", "{alias}", "{tenantBucket}", "{ccStack}");

    /**
     * One accepted finding.
     *
     * <p>Finding ids name concrete ARNs, which differ per tenant; an entry therefore writes the tenant's values as
     * variables, replaced from the tenant config when the register is applied: {@code {partition}},
     * {@code {account}} (the account id, or {@code <AWS::AccountId>} for an environment-agnostic app),
     * {@code {accountRegion}} (the account stack's region), {@code {accountStack}} (its name as the app names it),
     * and, once per contact center, {@code {cc}} (call center API name), {@code {region}}, {@code {instanceId}},
     * {@code {alias}} (Connect instance alias), {@code {ccStack}} (its stack's name as the app names it),
     * {@code {tenantBucket}} (the tenant bucket's name, where '_' in the call center name becomes '-'). The result
     * is still one exact finding per tenant and contact center, never a pattern.
     *
     * @param stack     the stack's construct id, or a glob over it ({@code ScvContactCenter-*})
     * @param paths     the constructs with the finding, each a path relative to the stack (inside the SCV stacks'
     *                  {@code Default} construct, which is left out), as a glob ({@code *}
     *                  within one path segment, {@code **} across segments); the finding is on the construct or
     *                  below it, and every path must still have it
     * @param findingId the exact finding id as cdk-nag reports it, with variables for tenant values
     * @param reason    why the finding is acceptable, for a security reviewer
     * @param feature   the contact centers the finding exists in: those where the feature is on (the functions of
     *                  a feature, and so their grants, exist only there)
     * @param appliesTo the tenants whose templates have the finding at all (the boundary's fence depends on size)
     */
    public record Entry(String stack, List<String> paths, String findingId, String reason, Feature feature,
            Predicate<TenantConfig> appliesTo) {
        public Entry {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(appliesTo, "appliesTo");
            Objects.requireNonNull(stack, "stack");
            paths = List.copyOf(paths);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("acknowledgement of " + findingId + ": name at least one path");
            }
            Objects.requireNonNull(findingId, "findingId");
            Objects.requireNonNull(reason, "reason");
            if (!FINDING_ID.matcher(findingId).matches()) {
                throw new IllegalArgumentException("acknowledgement findingId \"" + findingId
                        + "\": must be an exact cdk-nag finding id such as AwsSolutions-IAM5[Resource::*]");
            }
            if (reason.strip().length() < MIN_REASON_LENGTH) {
                throw new IllegalArgumentException("acknowledgement of " + findingId + " at " + stack + "/" + paths
                        + ": the reason \"" + reason + "\" must explain the acceptance in at least "
                        + MIN_REASON_LENGTH + " characters");
            }
        }

        /** The concrete finding ids this entry stands for in a tenant. */
        public List<String> findingIdsFor(TenantConfig config) {
            if (!appliesTo.test(config) || config.contactCenters().stream().noneMatch(feature::enabledIn)) {
                return List.of();
            }
            String account = config.accountIdValue().orElse("<AWS::AccountId>");
            String tenantWide = findingId
                    .replace("{partition}", config.partitionValue().id())
                    .replace("{account}", account)
                    .replace("{accountRegion}", ScvNames.accountStackRegion(config.partitionValue()))
                    .replace("{accountStack}", ScvNames.ACCOUNT_STACK);
            if (CONTACT_CENTER_VARIABLES.stream().noneMatch(tenantWide::contains)) {
                return List.of(tenantWide);
            }
            return config.contactCenters().stream()
                    .filter(feature::enabledIn)
                    .map(cc -> tenantWide
                            .replace("{ccStack}", ScvNames.contactCenterStack(cc.callCenterApiName()))
                            // before {cc}: the bucket name spells '_' as '-'
                            .replace("{tenantBucket}", ScvNames.tenantBucket(cc.callCenterApiName(), account,
                                    cc.region()))
                            .replace("{cc}", cc.callCenterApiName()).replace("{region}", cc.region())
                            .replace("{instanceId}", cc.connectInstanceId())
                            .replace("{alias}", cc.connectInstanceAlias()))
                    .distinct()
                    .toList();
        }

        /** An entry for one construct path. */
        public Entry(String stack, String path, String findingId, String reason) {
            this(stack, List.of(path), findingId, reason, Feature.ALWAYS, config -> true);
        }

        /** An entry whose finding exists in every contact center. */
        public Entry(String stack, List<String> paths, String findingId, String reason) {
            this(stack, paths, findingId, reason, Feature.ALWAYS, config -> true);
        }

        /** An entry whose finding exists where {@code feature} is on. */
        public Entry(String stack, List<String> paths, String findingId, String reason, Feature feature) {
            this(stack, paths, findingId, reason, feature, config -> true);
        }

        /** Whether the tenant's templates can have this finding. */
        public boolean appliesTo(TenantConfig config) {
            return appliesTo.test(config);
        }
    }

    /**
     * One concrete finding id of an entry and the constructs it was applied to (empty when the entry's path
     * matches nothing: stale).
     */
    public record Applied(Entry entry, String findingId, String path, List<String> constructPaths) {
    }

    /** The targets of calls granted on {@code *} (declared with their region condition). */
    private static final Set<Target.Kind> WILDCARD_KINDS = Set.of(Target.Kind.NO_RESOURCE_LEVEL_PERMISSIONS,
            Target.Kind.NO_RESOURCE_LEVEL_PERMISSIONS_ALSO_IN_ACCOUNT_REGION);

    /**
     * The register. Add an entry only with the exact finding id from {@code cdk.out/validation-report.json} and a
     * reason a security reviewer would accept; the compliance suite rejects entries that match no finding.
     */
    public static final List<Entry> REGISTER = register();

    private static final String ACCOUNT = "ScvAccountStack";
    private static final String CONTACT_CENTERS = "ScvContactCenter-*";

    private static final String BOUNDARY = "A permissions boundary grants nothing by itself: it is the ceiling every "
            + "SCV role is intersected with. Its actions are derived from what the SCV roles are granted, read actions "
            + "(Describe/Get/List) and Connect's instance-management verbs collapsed to <Verb>* to fit IAM's size "
            + "limit; each role's own policies name exact actions, and the compliance suite checks those.";
    private static final String BOUNDARY_RESOURCES = "The boundary names SCV resources by their SCV names (<cc>- in the "
            + "contact center's region and account), instances by id, buckets by SCV's <cc>-<account>-<region>-scv "
            + "form, the tenant's stacks and roles by their names' common prefixes (Scv*, SCV*), and resources "
            + "whose ids AWS assigns (transcription jobs, event-source mappings, phone numbers) by kind in the "
            + "account, bounded to the SCV regions by aws:RequestedRegion. "
            + "BoundaryAttackTest evaluates a *:* role under it.";
    private static final String STACKS = "CloudFormation appends a generated id to each stack ARN; the grant names "
            + "each of the tenant's stacks by its exact name in its region (the account stack, each contact center's).";
    private static final String LOG_STREAMS = "Lambda names each log stream at run time, so writing logs needs the "
            + "streams of the function's own log group (the group ARN with ':*'); the group is that one function's.";
    private static final String KEYS = "KMS key ids are generated at deploy time in the contact-center stack; every "
            + "key/* grant carries a kms:ResourceAliases (the SCV key aliases) or kms:EncryptionContext (the named "
            + "parameter, secret or queue) condition, so only SCV's keys used for SCV's resources match (checked by "
            + "the compliance suite).";
    private static final String OBJECTS = "Object keys (recordings, analyses, voicemails) are created per contact at "
            + "run time; the grant is limited to one prefix of the contact center's own tenant bucket.";
    private static final String CONTACTS = "Contact ids are created per call; the grant is limited to the contacts "
            + "of the contact center's own Amazon Connect instance.";
    private static final String INSTANCE = "Managing a Connect instance (users, queues, routing profiles, hours, "
            + "quick connects, flows) acts on its sub-resources, whose ids Connect assigns; the grant is limited to "
            + "the contact center's own instance.";
    private static final String PHONE_NUMBERS = "Connect phone numbers are account-level resources whose ids are "
            + "assigned when a number is claimed, so they cannot be named before deployment; region and account "
            + "are fixed.";
    private static final String MEDIA_STREAMS = "Amazon Connect creates one Kinesis Video stream per contact, named "
            + "with the prefix <cc>-connect-<instance alias>-contact- and a creation suffix; the grant is limited "
            + "to that prefix.";
    private static final String TRANSCRIPTION_JOBS = "Voicemail transcription job names are created per voicemail "
            + "at run time; the grant is limited to transcription jobs in the contact center's region and account.";
    private static final String FUNCTIONS = "Every SCV function of a contact center is named <cc>-<Name>; the prefix "
            + "covers exactly the contact center's functions, their versions and the 'active' alias.";
    private static final String WILDCARD_ONLY = "Only actions without resource-level permissions (X-Ray trace "
            + "writes, transcribe streaming, transcribe:StartTranscriptionJob bound by its output bucket and key "
            + "conditions, ds:DescribeDirectories, s3:ListAllMyBuckets, List* calls, lambda:CreateEventSourceMapping "
            + "conditioned on lambda:FunctionArn) are granted on '*', each limited to the SCV regions by "
            + "aws:RequestedRegion; the compliance suite checks every '*' grant against the IAM reference data.";
    private static final String INLINE = "As in SCV's own templates, each function role keeps its own statements "
            + "inline, so they cannot be attached to another principal; statements shared by several roles are "
            + "the /scv/ managed policies.";
    private static final String REPLICATION = "Audit logs stay in the account's region with versioning, log-file "
            + "validation and retention on delete; cross-region replication is a disaster-recovery choice for the "
            + "account owner, not an SCV requirement.";
    private static final String ACCESS_LOG_ENCRYPTION = "S3 server access logging delivers only to target buckets "
            + "encrypted with SSE-S3; SSE-KMS is not supported for access-log target buckets.";

    private static final String SECRET_ROTATION = "The secret holds the Salesforce connected app's consumer key and "
            + "the private key of its JWT certificate; they are rotated in Salesforce (a new certificate on the "
            + "connected app), which a Secrets Manager rotation function cannot do. The secret is encrypted with "
            + "the contact center's customer-managed key and read only by SCVSSMLambdaExecutionRole.";

    private static final String FAILURE_QUEUE = "This queue is itself the failure destination (dead-letter queue) "
            + "of the stream mappings and asynchronous invocations";

    private static List<Entry> register() {
        List<Entry> entries = new ArrayList<>();
        for (String action : List.of("cloudformation:Describe*", "cloudformation:Get*", "cloudformation:List*",
                "cloudtrail:Get*", "connect:Associate*", "connect:Describe*", "connect:Disassociate*", "connect:Get*",
                "connect:List*", "connect:Resume*", "connect:Suspend*", "connect:Update*", "events:Describe*",
                "events:List*", "iam:Get*", "iam:List*", "kinesis:Describe*", "kinesis:Get*", "kinesis:List*",
                "kinesisvideo:Describe*", "kinesisvideo:Get*", "kinesisvideo:List*", "lambda:Get*",
                "lambda:List*", "s3:Get*", "s3:List*", "secretsmanager:Describe*", "secretsmanager:Get*", "sqs:Get*",
                "ssm:Get*", "ssm:List*", "transcribe:Get*")) {
            entries.add(new Entry(ACCOUNT, List.of("PermissionsBoundary"), "AwsSolutions-IAM5[Action::" + action + "]",
                    BOUNDARY, Feature.ALWAYS, config -> Boundaries.of(config).actions().contains(action)));
        }
        // The fence: per contact center while it fits IAM's size limit, else the contact-center regions of the account.
        for (String resource : List.of("arn:{partition}:*:{region}:{account}:*{cc}-*",
                "arn:{partition}:connect:{region}:{account}:instance/{instanceId}*")) {
            entries.add(new Entry(ACCOUNT, List.of("PermissionsBoundary"), "AwsSolutions-IAM5[Resource::" + resource
                    + "]", BOUNDARY_RESOURCES, Feature.ALWAYS, config -> Boundaries.of(config).fence()
                    == PermissionBoundaryDocument.Fence.PER_CONTACT_CENTER));
        }
        entries.add(new Entry(ACCOUNT, List.of("PermissionsBoundary"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:*:*:{account}:*]", "With more contact centers than the "
                        + "per-contact-center names fit in IAM's 6,144 characters, the boundary fences resources by "
                        + "this account and the contact-center regions (aws:RequestedRegion) instead; its actions, IAM "
                        + "conditions and denies are unchanged, and each role's own policies still name exact "
                        + "resources (README: The permission boundary).", Feature.ALWAYS,
                config -> Boundaries.of(config).fence() == PermissionBoundaryDocument.Fence.PER_REGION));
        for (String resource : List.of("arn:{partition}:cloudformation:*:{account}:stack/Scv*/*",
                "arn:{partition}:cloudtrail:*:{account}:trail/scvBYOACloudTrail",
                "arn:{partition}:connect:*:{account}:phone-number/*",
                "arn:{partition}:lambda:*:{account}:event-source-mapping:*",
                "arn:{partition}:transcribe:*:{account}:transcription-job/*",
                "arn:{partition}:s3:::*-{account}-*-scv", "arn:{partition}:s3:::*-{account}-*-scv/*",
                "arn:{partition}:kms:*:{account}:key/*", "arn:{partition}:iam::{account}:role/SCV*", "*")) {
            entries.add(new Entry(ACCOUNT, "PermissionsBoundary", "AwsSolutions-IAM5[Resource::" + resource + "]",
                    BOUNDARY_RESOURCES));
        }
        for (String pack : List.of("HIPAA.Security", "NIST.800.53.R5", "PCI.DSS.321")) {
            entries.add(new Entry(ACCOUNT, "SCV*", pack + "-IAMNoInlinePolicy", INLINE));
            entries.add(new Entry(ACCOUNT, List.of("AuditTrail/Bucket/Resource", "AuditTrail/Bucket/AccessLogs"),
                    pack + "-S3BucketReplicationEnabled", REPLICATION));
            entries.add(new Entry(ACCOUNT, "AuditTrail/Bucket/AccessLogs", pack + "-S3DefaultEncryptionKMS",
                    ACCESS_LOG_ENCRYPTION));
        }

        for (String pack : List.of("HIPAA.Security", "NIST.800.53.R5", "PCI.DSS.321")) {
            entries.add(new Entry(CONTACT_CENTERS, List.of("*SAMLRole", "*ConnectCallRole", "*SCVS3Role"),
                    pack + "-IAMNoInlinePolicy", INLINE));
            entries.add(new Entry(CONTACT_CENTERS, List.of("TenantBucket/Resource", "TenantBucket/AccessLogs"),
                    pack + "-S3BucketReplicationEnabled", "Recordings, transcripts and voicemails stay in the "
                            + "region of the contact center's Connect instance (data residency), versioned and "
                            + "retained on delete; cross-region replication is a disaster-recovery choice for the "
                            + "account owner, not an SCV requirement."));
            entries.add(new Entry(CONTACT_CENTERS, "TenantBucket/AccessLogs", pack + "-S3DefaultEncryptionKMS",
                    ACCESS_LOG_ENCRYPTION));
        }
        entries.add(new Entry(CONTACT_CENTERS, "*SCVS3Role",
                "AwsSolutions-IAM5[Resource::arn:{partition}:s3:::{tenantBucket}/recordings/*]",
                OBJECTS));
        entries.add(new Entry(CONTACT_CENTERS, "FailureQueue/Resource", "AwsSolutions-SQS3", FAILURE_QUEUE
                + "; a dead-letter queue of a dead-letter queue would only move the same messages."));
        entries.add(new Entry(CONTACT_CENTERS, "FailureQueue/Resource", "Serverless-SQSRedrivePolicy", FAILURE_QUEUE
                + ": failed deliveries wait there for an operator to replay them, and an alarm fires as soon as one "
                + "arrives."));

        contactCenterFunctions(entries);
        entries.add(new Entry(CONTACT_CENTERS, "SalesforceCredentials", "AwsSolutions-SMG4", SECRET_ROTATION));
        for (String pack : List.of("HIPAA.Security", "NIST.800.53.R5")) {
            entries.add(new Entry(CONTACT_CENTERS, "SalesforceCredentials", pack + "-SecretsManagerRotationEnabled",
                    SECRET_ROTATION));
        }
        entries.add(new Entry(CONTACT_CENTERS, List.of("Streams/CtrStream", "Streams/ContactLensStream"),
                "AwsSolutions-KDS3", "The streams are encrypted with the contact center's customer-managed key "
                        + "(alias/<cc>KvsKey) rather than the AWS-managed aws/kinesis key, so the key policy can name "
                        + "the few principals allowed to read contact records; that is stronger than the rule asks."));
        entries.add(new Entry(ACCOUNT, List.of("SCVSSMLambdaExecutionRole"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:ssm:{region}:{account}:parameter/"
                        + "{cc}-salesforce-rest-api-*]", "The five connected-app parameters of a contact center are "
                        + "all named <cc>-salesforce-rest-api-<name> (SCV's names, created by this project); the "
                        + "role seeds all five, so the prefix names exactly them and keeps the policy "
                        + "within IAM's size limit for many contact centers."));

        // every function's role writes its own log group, where the function is deployed (its contract)
        for (FunctionContract contract : FunctionContracts.all()) {
            entries.add(new Entry(ACCOUNT, List.of(contract.roleName()), logStreamsFinding(
                    contract.function().baseName()), LOG_STREAMS, contract.feature()));
        }
        entries.add(new Entry(ACCOUNT, "SCVSecretConfiguratorLambdaRole",
                logStreamsFinding("SecretConfiguratorFunction"), LOG_STREAMS));
        entries.add(new Entry(ACCOUNT, "SCVConnectConfiguratorLambdaRole",
                logStreamsFinding("ConnectConfiguratorFunction"), LOG_STREAMS));
        entries.add(new Entry(ACCOUNT, List.of("SCVTrailLogGroupRole", "TrailDeliveryBoundary"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:logs:{accountRegion}:{account}:log-group:/scv/cloudtrail/"
                        + "scvBYOACloudTrail:*]", "CloudTrail names its log streams itself; the delivery role, and the "
                        + "boundary that is exactly its grants, allow writing only to the streams of the trail's own "
                        + "log group."));

        // a key used through a service is granted as key/* in any region, pinned by kms:ViaService
        String keysViaService = "AwsSolutions-IAM5[Resource::arn:{partition}:kms:*:{account}:key/*]";
        String keysViaServiceReason = KEYS + " These grants also carry kms:ViaService for the calling service's "
                + "endpoints in the contact-center regions, which use only keys of their own region.";
        entries.add(new Entry(ACCOUNT, List.of("SCVSSMAccessPolicy", "SCVKMSAccessPolicy", "SCVS3AccessPolicy",
                "SCVSecretsManagerAccessPolicy", "SCVProvisioningRole"), keysViaService, keysViaServiceReason));
        for (RolePlace role : rolesCalling(call -> call.keyUse().isPresent())) {
            entries.add(role.entry(keysViaService, keysViaServiceReason));
        }
        // a key called directly is granted as key/* of the contact center's region, picked by kms:ResourceAliases
        String regionalKeys = "AwsSolutions-IAM5[Resource::arn:{partition}:kms:{region}:{account}:key/*]";
        entries.add(new Entry(ACCOUNT, "SCVProvisioningRole", regionalKeys, KEYS));
        for (RolePlace role : rolesCalling(call -> call.target().kind() == Target.Kind.KEYS)) {
            entries.add(role.entry(regionalKeys, KEYS));
        }

        entries.add(new Entry(ACCOUNT, List.of("SCVS3AccessPolicy"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:s3:::{tenantBucket}/voicemailmessages/*]",
                OBJECTS));
        entries.add(new Entry(ACCOUNT, List.of("SCVVoiceMailAudioProcessingRole", "SCVVoiceMailTranscribeRole",
                "SCVVoiceMailPackagingRole"), "AwsSolutions-IAM5[Resource::arn:{partition}:s3:::{tenantBucket}/"
                + "voicemail_recordings/*]", OBJECTS, Feature.VOICEMAIL));
        entries.add(new Entry(ACCOUNT, List.of("SCVVoiceMailTranscribeRole", "SCVVoiceMailPackagingRole"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:s3:::{tenantBucket}/voicemail_transcripts/*]",
                OBJECTS, Feature.VOICEMAIL));
        entries.add(new Entry(ACCOUNT, List.of("SCVContactDataSyncFunctionRole"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:s3:::{tenantBucket}/Analysis/Voice/*]",
                OBJECTS, Feature.TRANSCRIPT_BACKFILL));
        entries.add(new Entry(ACCOUNT, List.of("SCVPostCallAnalysisTriggerFunctionRole"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:s3:::{tenantBucket}/Analysis/Voice/*]",
                OBJECTS, Feature.POST_CALL_ANALYSIS));

        String instance = "arn:{partition}:connect:{region}:{account}:instance/{instanceId}";
        String contacts = "AwsSolutions-IAM5[Resource::" + instance + "/contact/*]";
        entries.add(new Entry(ACCOUNT, List.of("SCVAmazonConnectAccessPolicy"), contacts, CONTACTS));
        for (RolePlace role : rolesCalling(call -> call.target().kind() == Target.Kind.CONTACTS)) {
            entries.add(role.entry(contacts, CONTACTS));
        }
        entries.add(new Entry(ACCOUNT, "SCVAmazonConnectManagementRole",
                "AwsSolutions-IAM5[Resource::" + instance + "/*]", INSTANCE));
        entries.add(new Entry(ACCOUNT, "SCVAmazonConnectManagementRole",
                "AwsSolutions-IAM5[Resource::arn:{partition}:connect:{region}:{account}:phone-number/*]",
                PHONE_NUMBERS));

        String mediaStreams = "AwsSolutions-IAM5[Resource::arn:{partition}:kinesisvideo:{region}:{account}:stream/"
                + "{cc}-connect-{alias}-contact-*/*]";
        entries.add(new Entry(ACCOUNT, List.of("SCVVoiceMailAudioProcessingRole"), mediaStreams, MEDIA_STREAMS,
                FunctionContracts.of(Function.VOICEMAIL_AUDIO_PROCESSING).feature()));
        entries.add(new Entry(ACCOUNT, List.of("SCVKvsTranscriberRoleResource"), mediaStreams, MEDIA_STREAMS,
                FunctionContracts.of(Function.KVS_TRANSCRIBER).feature()));
        entries.add(new Entry(ACCOUNT, List.of("SCVVoiceMailPackagingRole"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:transcribe:{region}:{account}:transcription-job/*]",
                TRANSCRIPTION_JOBS, Feature.VOICEMAIL));
        entries.add(new Entry(ACCOUNT, List.of("SCVConnectConfiguratorLambdaRole", "SCVProvisioningRole"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:lambda:{region}:{account}:function:{cc}-*]", FUNCTIONS));
        entries.add(new Entry(ACCOUNT, "SCVProvisioningRole",
                "AwsSolutions-IAM5[Resource::arn:{partition}:lambda:{region}:{account}:event-source-mapping:*]",
                "Event source mapping ids are UUIDs Lambda assigns at creation; creating one is further limited by "
                        + "a lambda:FunctionArn condition to the contact center's functions."));
        entries.add(new Entry(ACCOUNT, List.of("SCVConnectConfiguratorLambdaRole", "PermissionsBoundary"),
                "AwsSolutions-IAM5[Resource::arn:{partition}:iam::{account}:role/aws-service-role/"
                        + "connect.amazonaws.com/AWSServiceRoleForAmazonConnect_*]",
                "Amazon Connect names each instance's service-linked role AWSServiceRoleForAmazonConnect_<id>; the "
                        + "grant covers only those roles, whose policy Connect extends with the caller's rights when "
                        + "storage is associated (AssociateInstanceStorageConfig's documented dependent action)."));
        entries.add(new Entry(ACCOUNT, "SCVProvisioningRole",
                "AwsSolutions-IAM5[Resource::arn:{partition}:iam::{account}:role/SCV*]", "Salesforce's provisioning "
                        + "creates no role; it may change the policies of SCV roles only while they keep the SCV "
                        + "permissions boundary (iam:PermissionsBoundary condition), attaching only /scv/ policies, so "
                        + "it cannot make a role more powerful than SCV's; the roles Salesforce assumes are denied."));
        entries.add(new Entry(ACCOUNT, "SCVProvisioningRole", "AwsSolutions-IAM5[Resource::arn:{partition}:"
                + "cloudformation:{region}:{account}:stack/{ccStack}/*]", STACKS));
        entries.add(new Entry(ACCOUNT, "SCVProvisioningRole", "AwsSolutions-IAM5[Resource::arn:{partition}:"
                + "cloudformation:{accountRegion}:{account}:stack/{accountStack}/*]", STACKS));
        entries.add(new Entry(ACCOUNT, "SCVProvisioningRole",
                "AwsSolutions-IAM5[Resource::arn:{partition}:events:{region}:{account}:rule/{cc}-*]",
                "SCV's EventBridge rules of a contact center are all named <cc>-<Name>; the prefix covers exactly "
                        + "those rules."));
        entries.add(new Entry(ACCOUNT, "SCVProvisioningRole", "AwsSolutions-IAM5[Resource::*]", WILDCARD_ONLY));
        for (RolePlace role : rolesCalling(call -> WILDCARD_KINDS.contains(call.target().kind()))) {
            entries.add(role.entry("AwsSolutions-IAM5[Resource::*]", WILDCARD_ONLY));
        }
        entries.add(new Entry(ACCOUNT, "SCV*", "Serverless-LambdaStarPermissions", "The wildcards in these Lambda "
                + "roles are each acknowledged above with their reason: the function's own log streams (':*'), KMS "
                + "key/* under alias or encryption-context conditions, prefixes of runtime-named resources, and "
                + "actions without resource-level permissions (X-Ray trace writes, transcribe streaming, List* "
                + "calls) on '*' limited by aws:RequestedRegion."));
        return List.copyOf(entries);
    }

    /**
     * Findings on the contact-center functions, by the construct ids ScvContactCenterStack gives them, for each
     * function its contract deploys, where its feature is on.
     */
    private static void contactCenterFunctions(List<Entry> entries) {
        String runtime = "The functions run on java21, the Java runtime this project builds, tests and benchmarks "
                + "its handlers and SnapStart behaviour on; moving to a newer Java runtime is a deliberate, tested "
                + "upgrade of the whole project rather than a per-function default.";
        String outsideVpc = "The functions reach only public endpoints: Salesforce (SCRT and REST, over TLS with "
                + "signed JWTs) and AWS APIs (SSM, Lambda, Secrets Manager, S3, Connect, Transcribe, Kinesis Video) "
                + "with SigV4; they hold no connection to private resources, so a VPC would add NAT cost and "
                + "cold-start latency to the call path without narrowing what they reach.";
        String synchronous = "Connect contact flows, other SCV functions, Salesforce or an operator invoke this "
                + "function synchronously, or a stream mapping does, and a dead-letter queue applies only to "
                + "asynchronous invocations: failures return to the caller, and stream records that fail land in "
                + "the failure queue through the mapping's on-failure destination.";
        String asynchronous = "Failed asynchronous invocations go to the contact center's KMS-encrypted failure "
                + "queue through the alias's on-failure destination (EventInvokeConfig), which records the request "
                + "and the error and supersedes the legacy DeadLetterConfig; an alarm fires on the first message.";
        for (FunctionContract contract : FunctionContracts.all()) {
            if (!contract.deployed()) {
                continue;
            }
            List<String> path = List.of(ScvContactCenterStack.constructIdOf(contract.function()) + "/Resource");
            Feature feature = contract.feature();
            entries.add(new Entry(CONTACT_CENTERS, path, "AwsSolutions-L1", runtime, feature));
            entries.add(new Entry(CONTACT_CENTERS, path, "Serverless-LambdaLatestVersion", runtime, feature));
            for (String pack : List.of("HIPAA.Security", "NIST.800.53.R5", "PCI.DSS.321")) {
                entries.add(new Entry(CONTACT_CENTERS, path, pack + "-LambdaInsideVPC", outsideVpc, feature));
            }
            boolean async = contract.triggers().stream().anyMatch(Trigger::isAsynchronousInvocation);
            for (String pack : List.of("HIPAA.Security", "NIST.800.53.R5", "Serverless")) {
                entries.add(new Entry(CONTACT_CENTERS, path, pack + "-LambdaDLQ", async ? asynchronous : synchronous,
                        feature));
            }
        }
    }

    /**
     * A declared role where the app puts it: a function's or an account-wide principal's role in the account stack,
     * a per-contact-center principal's ({@code <Cc>ConnectCallRole}) in each contact-center stack.
     *
     * @param feature the contact centers whose templates grant the calls it is placed for
     */
    private record RolePlace(String stack, String path, Feature feature) {
        /**
         * The finding on this role. An account role's statement may live in a shared {@code /scv/} policy instead
         * (attached where the role needs all of it, which depends on the tenant): then the finding is the policy's.
         */
        Entry entry(String findingId, String reason) {
            if (!ACCOUNT.equals(stack)) {
                return new Entry(stack, List.of(path), findingId, reason, feature, config -> true);
            }
            Pattern resource = OwnResources.resourceOf(findingId);
            Predicate<TenantConfig> appliesTo = config -> OwnResources.of(config).names(path, resource);
            return new Entry(stack, List.of(path), findingId, reason, feature, appliesTo);
        }
    }

    /** The resources each account role's own policies name (inline, or split off it), per tenant. */
    private record OwnResources(Map<String, Set<String>> byRole) {
        private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z]+}");

        /** The last tenant's, by its matrix: every derived entry of the register asks in turn. */
        private static IamMatrix.AccountMatrix lastMatrix;
        private static OwnResources last;

        static synchronized OwnResources of(TenantConfig config) {
            IamMatrix.AccountMatrix matrix = IamMatrix.account(config);
            if (matrix != lastMatrix) {
                last = of(matrix);
                lastMatrix = matrix;
            }
            return last;
        }

        private static OwnResources of(IamMatrix.AccountMatrix matrix) {
            Map<String, Set<String>> byRole = new HashMap<>();
            for (RoleSpec role : matrix.accountRoles()) {
                String split = IamMatrix.splitPolicyNamePrefix(role.roleName());
                byRole.put(role.roleName(), Stream.concat(role.inlineStatements().stream(),
                                matrix.managedPolicies().stream()
                                        .filter(policy -> policy.name().startsWith(split))
                                        .flatMap(policy -> policy.statements().stream()))
                        .flatMap(statement -> statement.resources().stream())
                        .collect(Collectors.toSet()));
            }
            return new OwnResources(byRole);
        }

        /** The resource a {@code [Resource::…]} finding names, its variables standing for any value. */
        static Pattern resourceOf(String findingId) {
            String resource = findingId.substring(findingId.indexOf("[Resource::") + "[Resource::".length(),
                    findingId.length() - 1);
            StringBuilder regex = new StringBuilder();
            Matcher variable = VARIABLE.matcher(resource);
            int from = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(resource.substring(from, variable.start()))).append("[^:/]*");
                from = variable.end();
            }
            return Pattern.compile(regex.append(Pattern.quote(resource.substring(from))).toString());
        }

        /** Whether {@code role}'s own policies name a resource {@code pattern} matches. */
        boolean names(String role, Pattern pattern) {
            return byRole.getOrDefault(role, Set.of()).stream().anyMatch(r -> pattern.matcher(r).matches());
        }
    }

    /**
     * The declared roles (provisioning aside: its calls depend on the tenant) making a call {@code call} matches:
     * their grants have the finding that call's statement raises, on the role itself. A role several functions
     * share is placed once per feature that grants it such a call.
     */
    private static List<RolePlace> rolesCalling(Predicate<Call> call) {
        List<RolePlace> roles = new ArrayList<>();
        FunctionContracts.all().stream()
                .filter(contract -> contract.allCalls().stream().anyMatch(call))
                .forEach(contract -> roles.add(new RolePlace(ACCOUNT, contract.roleName(), contract.feature())));
        PrincipalContracts.configIndependent().stream()
                .filter(contract -> contract.calls().stream().anyMatch(call))
                .forEach(contract -> roles.add(contract.perContactCenter()
                        ? new RolePlace(CONTACT_CENTERS, "*" + contract.roleName(), Feature.ALWAYS)
                        : new RolePlace(ACCOUNT, contract.roleName(), Feature.ALWAYS)));
        return roles.stream().distinct().toList();
    }

    private static String logStreamsFinding(String function) {
        return "AwsSolutions-IAM5[Resource::arn:{partition}:logs:{region}:{account}:log-group:/aws/lambda/{cc}-"
                + function + ":*]";
    }

    private NagAcknowledgements() {
    }

    /**
     * The boundary of a tenant, computed once per config: the entries' predicates ask for its fence and actions
     * many times per synthesis, and deriving the boundary means deriving every role.
     */
    private record Boundaries(PermissionBoundaryDocument.Fence fence, Set<String> actions) {
        private static final Map<TenantConfig, Boundaries> CACHE = new ConcurrentHashMap<>();

        static Boundaries of(TenantConfig config) {
            return CACHE.computeIfAbsent(config, c -> new Boundaries(PermissionBoundaryDocument.fence(c),
                    PermissionBoundaryDocument.statements(c).stream()
                            .flatMap(statement -> statement.actions().stream())
                            .collect(Collectors.toSet())));
        }
    }

    /**
     * Applies the entries, with the tenant's values, to every matching construct under {@code root}; returns
     * where each concrete finding id landed.
     */
    public static List<Applied> apply(IConstruct root, List<Entry> entries, TenantConfig config) {
        if (entries.isEmpty()) {
            return List.of();
        }
        ConstructTree tree = new ConstructTree();
        List<ConstructTree.Located> stacks = tree.stacksUnder(root);
        List<Applied> applied = new ArrayList<>();
        Map<IConstruct, Map<String, String>> acknowledgements = new IdentityHashMap<>();
        Map<IConstruct, String> order = new IdentityHashMap<>();
        for (Entry entry : entries) {
            Pattern stackGlob = glob(entry.stack());
            List<ConstructTree.Located> matchedStacks = stacks.stream()
                    .filter(stack -> stackGlob.matcher(stack.id()).matches())
                    .toList();
            for (String path : entry.paths()) {
                List<ConstructTree.Located> targets = matchedStacks.stream()
                        .flatMap(stack -> withSplitPolicies(path).stream()
                                .flatMap(p -> tree.resolve(stack, insideWrapper(tree, stack) + p).stream()))
                        .toList();
                for (String findingId : entry.findingIdsFor(config)) {
                    for (ConstructTree.Located target : targets) {
                        order.putIfAbsent(target.construct(), target.path());
                        acknowledgements.computeIfAbsent(target.construct(), c -> new LinkedHashMap<>())
                                .putIfAbsent(findingId, entry.reason());
                    }
                    applied.add(new Applied(entry, findingId, path,
                            targets.stream().map(ConstructTree.Located::path).toList()));
                }
            }
        }
        // One call per construct: each call crosses into the jsii runtime.
        acknowledgements.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(order::get)))
                .forEach(e -> acknowledge(e.getKey(), e.getValue()));
        return applied;
    }

    /**
     * {@code path}, and for an SCV role the managed policies split off it when its statements outgrow IAM's inline
     * quota ({@code SCVProvisioningPolicy-<sid>}, {@link IamMatrix#splitPolicyNamePrefix}): they hold the role's own statements, so the
     * role's acknowledgements answer their findings, on those constructs.
     */
    private static List<String> withSplitPolicies(String path) {
        if (!ROLE_PATH.matcher(path).matches()) {
            return List.of(path);
        }
        return List.of(path, ScvRoles.constructId(IamMatrix.splitPolicyNamePrefix(path)) + "*");
    }

    /** A construct path that is one SCV role by its name ({@code SCVProvisioningRole}), not a glob. */
    private static final Pattern ROLE_PATH = Pattern.compile("SCV[A-Za-z0-9]+Role");

    /**
     * Acknowledges findings on a construct. {@code Validations.acknowledge} rejects ids with more than one
     * {@code ::} (it reserves {@code ::} for a prefix), which every finding on an S3 or IAM ARN has
     * ({@code Resource::arn:aws:s3:::bucket}); those are recorded as the same acknowledgement metadata that
     * {@code acknowledge} writes and cdk-nag reads.
     */
    private static void acknowledge(IConstruct construct, Map<String, String> reasonByFindingId) {
        List<Acknowledgment> viaValidations = new ArrayList<>();
        Map<String, String> asMetadata = new LinkedHashMap<>();
        reasonByFindingId.forEach((findingId, reason) -> {
            if (findingId.split("::", -1).length <= 2) {
                viaValidations.add(Acknowledgment.builder().id(findingId).reason(reason).build());
            } else {
                asMetadata.put(findingId, reason);
            }
        });
        if (!viaValidations.isEmpty()) {
            Validations.of(construct).acknowledge(viaValidations.toArray(Acknowledgment[]::new));
        }
        if (!asMetadata.isEmpty()) {
            construct.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, asMetadata);
        }
    }

    /**
     * The prefix that leads into the SCV construct the SCV stacks wrap ({@link ScvAccount#WRAPPED_ID},
     * {@link ScvContactCenter#WRAPPED_ID}), or none for another stack: entries name paths inside it.
     */
    private static String insideWrapper(ConstructTree tree, ConstructTree.Located stack) {
        return tree.resolve(stack, ScvAccount.WRAPPED_ID).isEmpty() ? "" : ScvAccount.WRAPPED_ID + "/";
    }

    /**
     * The applied finding ids that acknowledge nothing: no finding with that id is reported (before
     * acknowledgements) on a construct they were applied to or below it. A stale entry hides nothing today but
     * would hide a future finding nobody reviewed, so the compliance suite requires this list to be empty.
     */
    public static List<Applied> stale(List<Applied> applied, List<ValidationReport.Finding> rawFindings) {
        return applied.stream()
                .filter(a -> rawFindings.stream().noneMatch(f -> f.findingId().equals(a.findingId())
                        && a.constructPaths().stream().anyMatch(p -> covers(p, f.constructPath()))))
                .toList();
    }

    /** Whether a finding at {@code findingPath} is covered by an acknowledgement applied at {@code appliedPath}. */
    public static boolean covers(String appliedPath, String findingPath) {
        return findingPath.equals(appliedPath) || findingPath.startsWith(appliedPath + "/");
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.append('$').toString());
    }
}
