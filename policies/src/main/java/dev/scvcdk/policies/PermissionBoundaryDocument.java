package dev.scvcdk.policies;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import dev.scvcdk.policies.statements.WildcardOnlyActions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import dev.scvcdk.policies.iam.Effect;
import dev.scvcdk.policies.iam.Statement;

/**
 * The SCV permission boundary: the ceiling of every SCV role, derived from what the roles are granted.
 *
 * <p>Its actions are the union of the actions the SCV roles and {@code /scv/} managed policies allow, per
 * service; the synthesized stacks hold no role CDK makes on its own, so nothing else needs the boundary.
 * Read actions ({@code Describe}, {@code Get}, {@code List}) of a service collapse to one {@code <Verb>*}
 * each, so that the ceiling fits IAM's 6,144 characters for 25 contact centers; writes stay listed one by
 * one. The resources are SCV's, by name, in the account and the contact centers' regions:
 * <ul>
 *   <li>{@code arn:<partition>:*:<cc region>:<account>:*<cc>-*} per contact center: the functions, aliases,
 *       log groups, parameters, streams, queue, rules, live-media streams and secret SCV names {@code <cc>-…};</li>
 *   <li>each instance {@code instance/<id>} and its {@code instance/<id>/*};</li>
 *   <li>the tenant buckets ({@code *-<account>-*-scv} and their objects), only in this account;</li>
 *   <li>the tenant's CloudFormation stacks ({@link StackNames}): by their common prefix ({@code Scv*} for the default
 *       names), else each by name;</li>
 *   <li>SCV resources with ids AWS assigns (transcription jobs, event-source mappings,
 *       claimed phone numbers, the audit trail), in the contact-center regions only.</li>
 * </ul>
 * IAM writes are possible only on {@code role/SCV*}, only while the role keeps this boundary, attaching only
 * {@code /scv/} policies; roles are passed only to Lambda. Explicit denies protect the audit trail, its log
 * group and bucket, the boundary policy, and forbid resource-policy writes (a Lambda permission only for
 * Connect or EventBridge).
 */
public final class PermissionBoundaryDocument {
    /** Read verbs whose actions a service's ceiling allows as {@code <service>:<Verb>*}. */
    public static final List<String> READ_VERBS = List.of("Describe", "Get", "List");

    /**
     * Services whose ceiling is per verb ({@code connect:Update*}): Connect's management API is wide, and its
     * resources are fenced to the SCV instances, which Salesforce manages whole.
     */
    public static final Set<String> VERB_CEILING_SERVICES = Set.of("connect");

    /** Verbs kept action by action even there: creating and deleting (an instance among them) stay exact. */
    public static final Set<String> EXACT_VERBS = Set.of("Create", "Delete");

    /** Services with their own statement (conditions or resource kinds of their own). */
    static final Set<String> OWN_STATEMENT_SERVICES = Set.of("iam", "kms");

    /** Resource-policy writes no SCV role makes: denied everywhere, so no role can open a resource to others. */
    public static final List<String> DENIED_RESOURCE_POLICY_WRITES = List.of(
            "sqs:AddPermission", "sqs:SetQueueAttributes", "s3:PutBucketPolicy", "s3:Put*Acl", "kms:PutKeyPolicy", "secretsmanager:PutResourcePolicy", "kinesis:PutResourcePolicy",
            "logs:PutResourcePolicy", "events:PutPermission", "ssm:PutResourcePolicy");

    /** The only principals a Lambda permission may name: Connect invokes the call-path functions, EventBridge rules. */
    public static final List<String> LAMBDA_PERMISSION_PRINCIPALS = List.of(
            "connect.amazonaws.com", "events.amazonaws.com");

    /** Every change to the boundary policy (versions, deletion, tags); denied whoever asks. */
    public static final List<String> DENIED_BOUNDARY_POLICY_CHANGES = List.of(
            "iam:*PolicyVersion", "iam:DeletePolicy", "iam:*TagPolicy");

    /** Removing or replacing a role's boundary. */
    public static final List<String> DENIED_BOUNDARY_DETACHMENT = List.of("iam:*RolePermissionsBoundary");

    /** Every change to the audit trail: stopping, deleting, updating, selectors, tags. */
    public static final List<String> DENIED_TRAIL_CHANGES = List.of(
            "cloudtrail:Stop*", "cloudtrail:Delete*", "cloudtrail:Update*", "cloudtrail:Put*", "cloudtrail:Remove*");

    /** Changes to the trail's log group other than CloudTrail's delivery ({@link #TRAIL_LOG_WRITES}). */
    public static final List<String> DENIED_TRAIL_LOG_CHANGES = List.of(
            "logs:Delete*", "logs:PutSubscriptionFilter", "logs:PutRetentionPolicy", "logs:PutDataProtectionPolicy",
            "logs:*KmsKey", "logs:Untag*");

    /** CloudTrail's delivery into the trail's log group: no role under this boundary may write there. */
    public static final List<String> TRAIL_LOG_WRITES = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    /** Writes to the audit trail's bucket (its log files, policy, lifecycle, versioning and encryption). */
    public static final List<String> DENIED_TRAIL_BUCKET_CHANGES = List.of("s3:Delete*", "s3:Put*");

    /** IAM writes of a role's permissions; the boundary lets them happen only while the role keeps it. */
    public static final List<String> IAM_INLINE_POLICY_WRITES = List.of("iam:PutRolePolicy", "iam:DeleteRolePolicy");
    public static final List<String> IAM_MANAGED_POLICY_WRITES = List.of("iam:AttachRolePolicy", "iam:DetachRolePolicy");
    /** Role writes that change no permission (IAM has no boundary key for them). */
    public static final List<String> IAM_METADATA_WRITES = List.of("iam:UpdateRole", "iam:UpdateRoleDescription");
    /**
     * Amazon Connect's per-instance service-linked roles ({@code AWSServiceRoleForAmazonConnect_<id>}), whose policy
     * Connect extends with the caller's rights when storage is associated with the instance: the only roles outside
     * {@code SCV*} a grant may write, and only when a declared call does.
     */
    public static final String CONNECT_SERVICE_LINKED_ROLES =
            dev.scvcdk.policies.declarations.Target.CONNECT_SERVICE_LINKED_ROLE_PATTERN;

    /** Event-source-mapping writes: the boundary names the function each may map ({@code lambda:FunctionArn}). */
    public static final List<String> EVENT_SOURCE_MAPPING_WRITES = List.of("lambda:CreateEventSourceMapping",
            "lambda:UpdateEventSourceMapping", "lambda:DeleteEventSourceMapping");

    /**
     * What the boundary derives from the grants: their actions, the functions their event-source-mapping writes
     * name ({@code lambda:FunctionArn}), and whether one writes Connect's service-linked role policy.
     */
    public record Grants(Set<String> actions, List<String> mappedFunctions, boolean connectLinkedRolePolicy,
            Set<String> directKeyAliases) {
        public Grants {
            actions = Set.copyOf(actions);
            mappedFunctions = List.copyOf(mappedFunctions);
            directKeyAliases = Set.copyOf(directKeyAliases);
        }

        /** These grants with {@code actions} instead (tests derive boundaries from more or fewer grants). */
        public Grants withActions(Set<String> other) {
            return new Grants(other, mappedFunctions, connectLinkedRolePolicy, directKeyAliases);
        }
    }

    /** KMS calls made on a key directly, not through a service: the grants name their keys by alias. */
    static final List<String> DIRECT_KEY_CALLS = List.of("kms:CreateGrant", "kms:DescribeKey");

    private PermissionBoundaryDocument() {
    }

    /**
     * How the boundary names the SCV resources of the regional services. IAM's 6,144 characters hold the
     * per-contact-center fence for a few contact centers only (about 140 characters each); beyond, the fence is
     * the contact-center regions of the account.
     */
    public enum Fence {
        /** {@code *<cc>-*} in the contact center's region and {@code instance/<id>*} of its instance. */
        PER_CONTACT_CENTER,
        /** Every resource of the account in a contact-center region. */
        PER_REGION
    }

    /** Characters kept free for {@link #auditTrailBucketDenial}, which the account stack adds (bucket names ≤ 63). */
    public static final int AUDIT_BUCKET_DENIAL_RESERVE = IamPolicySizes.statementCharacters(
            auditTrailBucketDenial("aws-us-gov", "b".repeat(63))) + 1;

    /** The boundary of {@code config}, its stacks named as by default ({@link StackNames#defaults}). */
    public static List<Statement> statements(TenantConfig config) {
        return statements(config, StackNames.defaults(config));
    }

    /** The boundary of {@code config} whose stacks are named {@code stackNames}. */
    public static List<Statement> statements(TenantConfig config, StackNames stackNames) {
        Grants grants = grants(config);
        return statements(config, grants, layout(config, grants, stackNames), stackNames);
    }

    /** The fence of {@code config}'s boundary: per contact center when that fits IAM's managed-policy size. */
    public static Fence fence(TenantConfig config) {
        return fence(config, grants(config));
    }

    /** As {@link #fence(TenantConfig)}, the stacks named {@code stackNames}. */
    public static Fence fence(TenantConfig config, StackNames stackNames) {
        return layout(config, grants(config), stackNames).fence();
    }

    static Fence fence(TenantConfig config, Grants granted) {
        return layout(config, granted).fence();
    }

    /**
     * How narrowly the boundary names SCV's resources and the functions event-source mappings may name: exact
     * function ARNs ({@code exactMappings}) or, where those do not fit, SCV's function names in any contact center
     * ({@code arn:…:function:*-CTRDataSyncFunction:active}) of the account.
     */
    record Layout(Fence fence, boolean exactMappings) {
    }

    /** The narrowest layout that fits IAM's managed-policy size: the per-contact-center fence first. */
    static Layout layout(TenantConfig config, Grants granted) {
        return layout(config, granted, StackNames.defaults(config));
    }

    static Layout layout(TenantConfig config, Grants granted, StackNames stackNames) {
        List<Layout> narrowestFirst = List.of(new Layout(Fence.PER_CONTACT_CENTER, true),
                new Layout(Fence.PER_CONTACT_CENTER, false), new Layout(Fence.PER_REGION, true),
                new Layout(Fence.PER_REGION, false));
        for (Layout layout : narrowestFirst) {
            int size = IamPolicySizes.characters(statements(config, granted, layout, stackNames));
            if (size + AUDIT_BUCKET_DENIAL_RESERVE <= IamPolicySizes.MANAGED_POLICY_LIMIT) {
                return layout;
            }
        }
        return narrowestFirst.get(narrowestFirst.size() - 1);
    }

    /** Whether {@code config}'s boundary names the exact functions event-source mappings may name. */
    public static boolean exactMappings(TenantConfig config) {
        return layout(config, grants(config)).exactMappings();
    }

    public static dev.scvcdk.policies.iam.PolicyDocument document(TenantConfig config) {
        return new dev.scvcdk.policies.iam.PolicyDocument(statements(config));
    }

    /** The boundary policy document of {@code config} whose stacks are named {@code stackNames}. */
    public static dev.scvcdk.policies.iam.PolicyDocument document(TenantConfig config, StackNames stackNames) {
        return new dev.scvcdk.policies.iam.PolicyDocument(statements(config, stackNames));
    }

    /** Every action any SCV role or {@code /scv/} managed policy allows, before any is fitted to IAM's quotas. */
    public static Set<String> grantedActions(TenantConfig config) {
        return grants(config).actions();
    }

    /** What every SCV role and {@code /scv/} managed policy allows, before any is fitted to IAM's quotas. */
    public static Grants grants(TenantConfig config) {
        List<Statement> granted = new ArrayList<>();
        IamMatrix.designedAccountRoles(config).stream()
                .filter(role -> !IamMatrix.hasOwnBoundary(role.roleName()))
                .forEach(role -> granted.addAll(role.inlineStatements()));
        for (ContactCenterConfig cc : config.contactCenters()) {
            IamMatrix.contactCenterRoles(config, cc).forEach(role -> granted.addAll(role.inlineStatements()));
        }
        ManagedPolicies.all(config).forEach(policy -> granted.addAll(policy.statements()));
        String linkedRoles = ScvArns.forTenant(config).role(CONNECT_SERVICE_LINKED_ROLES);
        Set<String> actions = new TreeSet<>();
        Set<String> mapped = new LinkedHashSet<>();
        Set<String> directAliases = new TreeSet<>();
        boolean linkedRolePolicy = false;
        for (Statement statement : granted) {
            if (statement.effect() != Effect.ALLOW) {
                continue;
            }
            actions.addAll(statement.actions());
            if (statement.actions().stream().anyMatch(EVENT_SOURCE_MAPPING_WRITES::contains)) {
                List<String> functions = statement.conditions().getOrDefault("StringEquals", java.util.Map.of())
                        .getOrDefault("lambda:FunctionArn", List.of());
                if (functions.isEmpty() || functions.stream().anyMatch(f -> f.contains("*"))) {
                    throw new IllegalArgumentException("statement " + statement.sid() + " writes event-source "
                            + "mappings without naming exact functions in lambda:FunctionArn (StringEquals): the "
                            + "boundary could not keep mappings on SCV's functions");
                }
                mapped.addAll(functions);
            }
            linkedRolePolicy |= statement.actions().contains("iam:PutRolePolicy")
                    && statement.resources().contains(linkedRoles);
            if (statement.actions().stream().anyMatch(DIRECT_KEY_CALLS::contains)) {
                statement.conditions().values().forEach(byKey -> directAliases.addAll(
                        byKey.getOrDefault("kms:ResourceAliases", List.of())));
            }
        }
        return new Grants(actions, List.copyOf(mapped), linkedRolePolicy, directAliases);
    }

    /**
     * The boundary for {@code granted} actions (what {@link #grantedActions} returns for {@code config}; tests
     * pass others to see each rule hold).
     */
    static List<Statement> statements(TenantConfig config, Set<String> granted) {
        return statements(config, grants(config).withActions(granted));
    }

    static List<Statement> statements(TenantConfig config, Grants grants) {
        return statements(config, grants, layout(config, grants));
    }

    static List<Statement> statements(TenantConfig config, Grants grants, Fence fence) {
        return statements(config, grants, new Layout(fence, true));
    }

    static List<Statement> statements(TenantConfig config, Grants grants, Layout layout) {
        return statements(config, grants, layout, StackNames.defaults(config));
    }

    static List<Statement> statements(TenantConfig config, Grants grants, Layout layout, StackNames stackNames) {
        Fence fence = layout.fence();
        Set<String> granted = grants.actions();
        TenantResources res = new TenantResources(config, stackNames);
        ScvArns arns = res.arns();
        String account = arns.account();
        String boundaryArn = IamMatrix.permissionBoundaryArn(config);
        List<String> regions = distinct(Stream.concat(res.regions().stream(), Stream.of(res.accountRegion())));
        List<String> unknown = granted.stream()
                .filter(a -> a.indexOf(':') < 1 || a.contains("*"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("granted actions " + unknown + " must be service:Action names, "
                    + "without wildcards, to derive the boundary from");
        }

        List<Statement> statements = new ArrayList<>();
        Set<String> mappingWrites = select(granted, EVENT_SOURCE_MAPPING_WRITES::contains);
        Set<String> wildcardOnly = select(granted, a -> WildcardOnlyActions.contains(a) && !mappingWrites.contains(a));
        if (!wildcardOnly.isEmpty()) {
            statements.add(Statements.allow("NoResourceLevelPermissions")
                    .actions(wildcardOnly)
                    .resources("*")
                    .condition("StringEquals", "aws:RequestedRegion", regions)
                    .build());
        }

        Set<String> scoped = select(granted, a -> !WildcardOnlyActions.contains(a)
                && !OWN_STATEMENT_SERVICES.contains(service(a)) && !mappingWrites.contains(a));
        if (!scoped.isEmpty()) {
            List<String> resources = new ArrayList<>();
            if (fence == Fence.PER_CONTACT_CENTER) {
                for (ContactCenterConfig cc : res.contactCenters()) {
                    resources.add("arn:" + arns.partition() + ":*:" + cc.region() + ":" + account + ":*"
                            + cc.callCenterApiName() + "-*");
                }
                // instance/<id> and everything under it (ids are fixed-length UUIDs: the prefix names one instance)
                res.instances().forEach(instance -> resources.add(instance + "*"));
            } else {
                // the regions are the condition's: every regional resource of the account there
                resources.add("arn:" + arns.partition() + ":*:*:" + account + ":*");
            }
            // The tenant buckets are named <cc>-<account>-<region>-scv: the pattern names them in this account only.
            resources.add(arns.bucket("*-" + account + "-*-scv"));
            resources.add(arns.objects("*-" + account + "-*-scv", "*"));
            // Resources with ids AWS assigns: named by kind, bounded to the SCV regions by the condition.
            String anyRegion = "arn:" + arns.partition() + ":%s:*:" + account + ":%s";
            if (fence == Fence.PER_CONTACT_CENTER) {
                stackPatterns(res.stackNames()).forEach(pattern ->
                        resources.add(String.format(Locale.ROOT, anyRegion, "cloudformation", "stack/" + pattern)));
                resources.add(String.format(Locale.ROOT, anyRegion, "transcribe", "transcription-job/*"));
                if (granted.contains("lambda:GetEventSourceMapping")) {
                    resources.add(String.format(Locale.ROOT, anyRegion, "lambda", "event-source-mapping:*"));
                }
                resources.add(String.format(Locale.ROOT, anyRegion, "connect", "phone-number/*"));
                resources.add(String.format(Locale.ROOT, anyRegion, "cloudtrail", "trail/" + ScvNames.CLOUDTRAIL_NAME));
                config.contactCenters().stream()
                        .map(ContactCenterConfig::salesforceCredentialsSecretArn)
                        .filter(arn -> arn != null)
                        .forEach(resources::add);
            }
            statements.add(Statements.allow("ScvResources")
                    .actions(compact(scoped))
                    .resources(resources)
                    .condition("StringEquals", "aws:RequestedRegion", regions)
                    // S3 ARNs name no account: another account's bucket may match *-<account>-*-scv. S3 sends the
                    // owner's account; a service that sends none is held to the account its ARNs above name.
                    .condition("StringEqualsIfExists", "aws:ResourceAccount", account)
                    .build());
        }

        if (!mappingWrites.isEmpty()) {
            if (grants.mappedFunctions().isEmpty()) {
                throw new IllegalArgumentException("granted " + mappingWrites + " name no function: the boundary "
                        + "allows event-source mappings only of the exact functions the grants name");
            }
            // The exact ARNs pin account and region; CreateEventSourceMapping has no resource but this key.
            Statements.Builder mappings = Statements.allow("ScvEventSourceMappings")
                    .actions(mappingWrites)
                    .resources("*");
            if (layout.exactMappings()) {
                mappings.condition("StringEquals", "lambda:FunctionArn", grants.mappedFunctions());
            } else {
                mappings.condition("StringLike", "lambda:FunctionArn", anyContactCenter(grants.mappedFunctions()))
                        .condition("StringEquals", "aws:RequestedRegion", regions);
            }
            statements.add(mappings.build());
        }
        statements.addAll(kms(res, regions, select(granted, a -> service(a).equals("kms")
                && !WildcardOnlyActions.contains(a)), grants.directKeyAliases()));
        statements.addAll(iam(res, boundaryArn, select(granted, a -> service(a).equals("iam")),
                grants.connectLinkedRolePolicy()));

        // No SCV role needs any of these anywhere: denied on every resource, the trail's, its log group's and the
        // boundary's included, so that no grant added later can reach them through the derived allows above.
        statements.add(Statements.deny("DenyAuditAndPolicyChanges")
                .actions(DENIED_TRAIL_CHANGES)
                .actions(DENIED_TRAIL_LOG_CHANGES)
                .actions(DENIED_BOUNDARY_POLICY_CHANGES)
                .actions(DENIED_BOUNDARY_DETACHMENT)
                .actions(DENIED_RESOURCE_POLICY_WRITES)
                .resources("*")
                .build());
        if (fence == Fence.PER_REGION) {
            // The region fence names every log group of the account, the audit trail's too, which only CloudTrail's
            // delivery role (under its own boundary) writes. Denied in any region and account: the shortest ARN.
            statements.add(Statements.deny("DenyTrailLogWrites")
                    .actions(TRAIL_LOG_WRITES)
                    .resources("arn:" + arns.partition() + ":logs:*:*:log-group:" + ScvNames.TRAIL_LOG_GROUP_PREFIX + "*")
                    .build());
        }
        statements.add(Statements.deny("DenyForeignLambdaPermissions")
                .actions("lambda:AddPermission")
                .resources("*")
                .condition("StringNotEquals", "lambda:Principal", LAMBDA_PERMISSION_PRINCIPALS)
                .build());
        if (granted.contains("events:PutTargets")) {
            // a rule sends events only to this account's functions: no other account's bus, topic or queue
            statements.add(Statements.deny("DenyForeignRuleTargets")
                    .actions("events:PutTargets")
                    .resources("*")
                    .condition("ForAnyValue:StringNotLike", "events:TargetArn",
                            "arn:" + arns.partition() + ":lambda:*:" + account + ":function:*")
                    .build());
        }
        return List.copyOf(statements);
    }

    /**
     * Denial of every change to the audit trail's bucket. The bucket's name is CloudFormation's, so the stack
     * that creates the bucket adds this statement to the boundary it creates.
     */
    public static Statement auditTrailBucketDenial(String partition, String bucketName) {
        return Statements.deny("DenyAuditBucketChanges")
                .actions(DENIED_TRAIL_BUCKET_CHANGES)
                .resources("arn:" + partition + ":s3:::" + bucketName + "*") // the bucket and its objects
                .build();
    }

    /**
     * The keys SCV uses, by alias: each contact center's data-stream and live-media ({@code …KvsKey}),
     * tenant-bucket and platform keys ({@code alias/<cc>ScvPlatformKey}, named by the constructs' TenantKeys), and
     * SSM's AWS managed key.
     */
    public static final List<String> SCV_KEY_ALIASES = List.of(ScvNames.kvsKeyAlias("*"),
            ScvNames.tenantBucketKeyAlias("*"), "alias/*ScvPlatformKey", "alias/aws/ssm");

    /**
     * KMS only on SCV's keys (by alias), in the contact-center regions: through the SCV services' endpoints, and
     * the direct calls SCV makes — describing keys, and grants only for an AWS service acting for the caller.
     */
    private static List<Statement> kms(TenantResources res, List<String> regions, Set<String> actions,
            Set<String> directAliases) {
        List<Statement> statements = new ArrayList<>();
        String keys = res.arns().anyKeyIn("*");
        Set<String> throughServices = select(actions, a -> !DIRECT_KEY_CALLS.contains(a));
        if (!throughServices.isEmpty()) {
            List<String> endpoints = new ArrayList<>();
            for (String service : List.of("ssm", "secretsmanager", "kinesis", "kinesisvideo", "sqs", "s3")) {
                endpoints.add(service + ".*." + res.config().partitionValue().dnsSuffix());
            }
            // the calling service's own request was bounded to SCV resources in the SCV regions above
            statements.add(Statements.allow("KeysThroughScvServices")
                    .actions(throughServices)
                    .resources(keys)
                    .condition("StringLike", "kms:ViaService", endpoints)
                    .condition("ForAnyValue:StringLike", "kms:ResourceAliases", SCV_KEY_ALIASES)
                    .build());
        }
        Set<String> direct = select(actions, DIRECT_KEY_CALLS::contains);
        if (!direct.isEmpty()) {
            // only the SCV alias patterns of the keys the grants call directly (Connect's storage keys)
            List<String> directPatterns = SCV_KEY_ALIASES.stream()
                    .filter(pattern -> directAliases.stream().anyMatch(alias -> globMatches(pattern, alias)))
                    .toList();
            if (directPatterns.isEmpty()) {
                throw new IllegalArgumentException("granted " + direct + " name no SCV key alias"
                        + " (kms:ResourceAliases): the boundary allows direct key calls only on SCV's keys");
            }
            // a grant only for an AWS service acting for the caller (DescribeKey carries no such key)
            statements.add(Statements.allow("DirectScvKeyCalls")
                    .actions(direct)
                    .resources(keys)
                    .condition("StringEquals", "aws:RequestedRegion", regions)
                    .condition("BoolIfExists", "kms:GrantIsForAWSResource", "true")
                    .condition("ForAnyValue:StringLike", "kms:ResourceAliases", directPatterns)
                    .build());
        }
        return statements;
    }

    /**
     * IAM only on SCV roles ({@code role/SCV*}) and the SAML provider: reads, permission writes only while
     * the role keeps the boundary (attaching only {@code /scv/} policies), and PassRole only to Lambda.
     */
    private static List<Statement> iam(TenantResources res, String boundaryArn, Set<String> actions,
            boolean connectLinkedRolePolicy) {
        ScvArns arns = res.arns();
        String scvRoles = arns.role("SCV*");
        List<Statement> statements = new ArrayList<>();
        Set<String> inline = select(actions, IAM_INLINE_POLICY_WRITES::contains);
        Set<String> managed = select(actions, IAM_MANAGED_POLICY_WRITES::contains);
        Set<String> pass = select(actions, "iam:PassRole"::equals);
        Set<String> saml = select(actions, a -> a.contains("SAMLProvider") && !a.startsWith("iam:Get"));
        if (!saml.isEmpty()) {
            throw new IllegalArgumentException("granted IAM actions " + saml + " change the SAML provider: its "
                    + "metadata is the stack's, or whoever changes it chooses who signs in to the agents' roles");
        }
        Set<String> other = select(actions, a -> !inline.contains(a) && !managed.contains(a) && !pass.contains(a));
        List<String> writes = other.stream()
                .filter(a -> READ_VERBS.stream().noneMatch(v -> a.startsWith("iam:" + v))
                        && !IAM_METADATA_WRITES.contains(a))
                .toList();
        if (!writes.isEmpty()) {
            throw new IllegalArgumentException("granted IAM actions " + writes + " have no boundary rule: IAM writes"
                    + " must keep the SCV boundary on the role they change");
        }
        if (!other.isEmpty()) {
            statements.add(Statements.allow("ScvRoles")
                    .actions(compact(other))
                    .resources(scvRoles, arns.samlProvider(ScvNames.samlProvider(res.config().salesforceOrgId())))
                    .build());
        }
        if (!inline.isEmpty() || !managed.isEmpty()) {
            // One statement for inline and managed writes (IAM's 6,144 characters): Attach/DetachRolePolicy always
            // carry iam:PolicyARN, so ...IfExists checks them; the inline writes carry no policy ARN.
            Statements.Builder permissionWrites = Statements.allow("ScvRolePermissionWrites")
                    .actions(inline)
                    .actions(managed)
                    .resources(scvRoles)
                    .condition("StringEquals", "iam:PermissionsBoundary", boundaryArn);
            if (!managed.isEmpty()) {
                permissionWrites.condition("ArnLikeIfExists", "iam:PolicyARN", arns.policy(ScvNames.POLICY_PATH + "*"));
            }
            statements.add(permissionWrites.build());
        }
        if (connectLinkedRolePolicy) {
            // Associating storage with an instance makes Connect extend its service-linked role's policy, with the
            // caller's permission (a dependent action Connect documents); only Connect can assume those roles.
            statements.add(Statements.allow("ConnectLinkedRolePolicy")
                    .actions("iam:PutRolePolicy")
                    .resources(arns.role(CONNECT_SERVICE_LINKED_ROLES))
                    .build());
        }
        if (!pass.isEmpty()) {
            statements.add(Statements.allow("PassScvRolesToLambda")
                    .actions(pass)
                    .resources(scvRoles)
                    .condition("StringEquals", "iam:PassedToService", "lambda.amazonaws.com")
                    .build());
        }
        return statements;
    }

    /**
     * {@code actions} with each service's read actions ({@link #READ_VERBS}) collapsed to {@code <Verb>*}, and
     * every action of {@link #VERB_CEILING_SERVICES} but {@link #EXACT_VERBS} to its verb: Connect's are fenced to the
     * SCV instances.
     */
    static List<String> compact(Collection<String> actions) {
        TreeMap<String, Boolean> result = new TreeMap<>();
        for (String action : actions) {
            String name = action.substring(action.indexOf(':') + 1);
            String verb = verb(name);
            boolean collapse = verb != null && (READ_VERBS.contains(verb)
                    || VERB_CEILING_SERVICES.contains(service(action)) && !EXACT_VERBS.contains(verb));
            result.put(collapse ? service(action) + ":" + verb + "*" : action, true);
        }
        return List.copyOf(result.keySet());
    }

    /** The leading word of an action name ({@code Update} of {@code UpdateQueueName}); null for one word. */
    static String verb(String name) {
        for (int i = 1; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i))) {
                return name.substring(0, i);
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern FUNCTION_ARN = java.util.regex.Pattern.compile(
            "(arn:[^:]+:lambda:)[^:]+(:(?:\\$\\{AWS::AccountId}|\\d{12}):function:)[a-z][a-z0-9_]*-(.+)");

    /**
     * {@code arn:<p>:lambda:<region>:<account>:function:<cc>-<Name>:active} → the same function of any contact
     * center in any region of the account: {@code arn:<p>:lambda:*:<account>:function:*-<Name>:active}.
     */
    static List<String> anyContactCenter(List<String> functionArns) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String arn : functionArns) {
            java.util.regex.Matcher m = FUNCTION_ARN.matcher(arn);
            if (!m.matches()) {
                throw new IllegalArgumentException("mapped function '" + arn + "' is not named <cc>-<function>");
            }
            patterns.add(m.group(1) + "*" + m.group(2) + "*-" + m.group(3));
        }
        return List.copyOf(patterns);
    }

    /** IAM's string matching for {@code StringLike}: {@code *} any run of characters, {@code ?} one character. */
    static boolean globMatches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    static String service(String action) {
        return action.substring(0, action.indexOf(':'));
    }

    private static Set<String> select(Collection<String> actions, Predicate<String> keep) {
        Set<String> selected = new TreeSet<>();
        actions.stream().filter(keep).forEach(selected::add);
        return selected;
    }

    private static List<String> distinct(Stream<String> values) {
        return List.copyOf(new LinkedHashSet<>(values.toList()));
    }

    /** The shortest common prefix of stack names the boundary names the stacks by, instead of one by one. */
    static final int MIN_STACK_PREFIX = 3;

    /**
     * The tenant's stacks as the boundary names them, in any SCV region (the statement's region condition bounds
     * them): {@code <prefix>*}{@code /*} when every name starts with a common prefix of at least
     * {@value #MIN_STACK_PREFIX} characters ({@code ScvAccountStack} and {@code ScvContactCenter-<cc>}:
     * {@code Scv*}), else each name exactly. The boundary is a ceiling with little room left (IAM's 6,144
     * characters); the provisioning role names each stack exactly.
     */
    static List<String> stackPatterns(StackNames names) {
        List<String> all = new ArrayList<>();
        all.add(names.accountStack());
        all.addAll(names.contactCenterStacks().values());
        String prefix = all.get(0);
        for (String name : all) {
            int i = 0;
            while (i < prefix.length() && i < name.length() && prefix.charAt(i) == name.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        if (prefix.length() >= MIN_STACK_PREFIX) {
            return List.of(prefix + "*/*");
        }
        return distinct(all.stream().map(name -> name + "/*"));
    }
}
