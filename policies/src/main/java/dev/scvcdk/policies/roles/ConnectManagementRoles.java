package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.roles.RoleSpecs.LAMBDA;
import static dev.scvcdk.policies.roles.RoleSpecs.role;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvNames;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CommonGrants;
import dev.scvcdk.policies.statements.Statements;
import dev.scvcdk.policies.statements.TenantResources;
import java.util.ArrayList;
import java.util.List;

/** Roles that configure the Amazon Connect instances SCV is bound to. */
public final class ConnectManagementRoles {
    /** What Salesforce's Connect management does on an instance: users, routing, queues, flows, numbers. */
    public static final List<String> INSTANCE_MANAGEMENT_ACTIONS = List.of(
            "connect:DescribeInstance",
            "connect:CreateUser", "connect:DeleteUser", "connect:DescribeUser", "connect:ListUsers",
            "connect:UpdateUserIdentityInfo", "connect:UpdateUserPhoneConfig", "connect:UpdateUserRoutingProfile",
            "connect:UpdateUserSecurityProfiles", "connect:UpdateUserHierarchy",
            "connect:DescribeSecurityProfile", "connect:ListSecurityProfiles",
            "connect:CreateRoutingProfile", "connect:DescribeRoutingProfile", "connect:ListRoutingProfiles",
            "connect:ListRoutingProfileQueues", "connect:UpdateRoutingProfileName",
            "connect:UpdateRoutingProfileConcurrency", "connect:UpdateRoutingProfileDefaultOutboundQueue",
            "connect:UpdateRoutingProfileQueues", "connect:AssociateRoutingProfileQueues",
            "connect:DisassociateRoutingProfileQueues",
            "connect:CreateQueue", "connect:DescribeQueue", "connect:ListQueues", "connect:UpdateQueueName",
            "connect:UpdateQueueStatus", "connect:UpdateQueueHoursOfOperation", "connect:UpdateQueueMaxContacts",
            "connect:UpdateQueueOutboundCallerConfig", "connect:AssociateQueueQuickConnects",
            "connect:DisassociateQueueQuickConnects", "connect:ListQueueQuickConnects",
            "connect:CreateQuickConnect", "connect:DeleteQuickConnect", "connect:DescribeQuickConnect",
            "connect:ListQuickConnects", "connect:UpdateQuickConnectName", "connect:UpdateQuickConnectConfig",
            "connect:CreateHoursOfOperation", "connect:DeleteHoursOfOperation", "connect:DescribeHoursOfOperation",
            "connect:ListHoursOfOperations", "connect:UpdateHoursOfOperation",
            "connect:ListPhoneNumbers", "connect:DescribePhoneNumber", "connect:AssociatePhoneNumberContactFlow",
            "connect:DisassociatePhoneNumberContactFlow",
            "connect:CreateContactFlow", "connect:DescribeContactFlow", "connect:ListContactFlows",
            "connect:UpdateContactFlowContent", "connect:UpdateContactFlowName");

    /** Instance-level configuration: storage, function and origin associations, attributes. */
    public static final List<String> INSTANCE_CONFIGURATION_ACTIONS = List.of(
            "connect:DescribeInstance", "connect:DescribeInstanceAttribute", "connect:UpdateInstanceAttribute",
            "connect:ListInstanceStorageConfigs", "connect:DescribeInstanceStorageConfig",
            "connect:AssociateInstanceStorageConfig", "connect:UpdateInstanceStorageConfig",
            "connect:AssociateLambdaFunction", "connect:ListLambdaFunctions",
            "connect:AssociateApprovedOrigin", "connect:ListApprovedOrigins");

    private final TenantResources res;
    private final CommonGrants grants;

    public ConnectManagementRoles(TenantResources res) {
        this.res = res;
        this.grants = new CommonGrants(res);
    }

    public List<RoleSpec> all() {
        return RoleSpecs.withTraces(grants, List.of(amazonConnectManagement(), connectConfiguratorLambda()));
    }

    /** The instances, their sub-resources and the account's claimed phone numbers in the cc regions. */
    List<String> instanceScope() {
        List<String> scope = new ArrayList<>(res.instances());
        scope.addAll(res.instanceSubResources());
        res.regions().forEach(region -> scope.add(res.arns().regional("connect", region, "phone-number/*")));
        return scope;
    }

    RoleSpec amazonConnectManagement() {
        return role(RoleNames.AMAZON_CONNECT_MANAGEMENT,
                "Salesforce: manage users, routing profiles, queues, quick connects, hours, numbers and flows.",
                RoleSpecs.salesforce(res),
                List.of(Statements.allow("ManageConnectInstances")
                        .actions(INSTANCE_MANAGEMENT_ACTIONS)
                        .resources(instanceScope())
                        .build()),
                List.of());
    }

    RoleSpec connectConfiguratorLambda() {
        List<String> storageKeys = new ArrayList<>(res.streamKeyAliases());
        storageKeys.addAll(res.liveMediaKeyAliases());
        storageKeys.addAll(res.tenantBucketKeyAliases());
        List<String> streams = new ArrayList<>(res.ctrStreams());
        streams.addAll(res.contactLensStreams());
        List<Statement> inline = new ArrayList<>();
        inline.add(Statements.allow("ConfigureConnectInstances")
                .actions(INSTANCE_CONFIGURATION_ACTIONS)
                .resources(res.instances())
                .build());
        inline.add(Statements.allow("LetConnectInvokeScvFunctions")
                .actions("lambda:AddPermission", "lambda:GetPolicy")
                .resources(res.allScvFunctions())
                .condition("StringEquals", "aws:ResourceTag/" + ScvNames.FUNCTION_TAG, res.callCenterNames())
                .condition("StringEqualsIfExists", "lambda:Principal", "connect.amazonaws.com")
                .build());
        inline.add(Statements.allow("PutConnectServiceLinkedRolePolicy")
                .actions("iam:PutRolePolicy")
                .resources(res.arns().role("aws-service-role/connect.amazonaws.com/*"))
                .build());
        inline.add(grants.wildcardOnly("ListDirectoriesAndBuckets", "ds:DescribeDirectories", "s3:ListAllMyBuckets"));
        inline.add(Statements.allow("CheckTenantBuckets")
                .actions("s3:GetBucketLocation", "s3:GetBucketAcl")
                .resources(res.tenantBuckets())
                .build());
        inline.add(Statements.allow("CheckStorageStreams")
                .actions("kinesis:DescribeStream")
                .resources(streams)
                .build());
        inline.add(Statements.allow("DescribeStorageKeys")
                .actions("kms:DescribeKey")
                .resources(res.keysInRegions())
                .condition("ForAnyValue:StringEquals", CommonGrants.RESOURCE_ALIASES, storageKeys)
                .build());
        inline.add(Statements.allow("GrantConnectUseOfStorageKeys")
                .actions("kms:CreateGrant")
                .resources(res.keysInRegions())
                .condition("ForAnyValue:StringEquals", CommonGrants.RESOURCE_ALIASES, storageKeys)
                .condition("Bool", "kms:GrantIsForAWSResource", "true")
                .build());
        inline.add(grants.logs(res.logStreamsOfNamed(ScvNames::connectConfiguratorFunction)));
        return role(RoleNames.CONNECT_CONFIGURATOR_LAMBDA,
                "ConnectConfigurationFunction: associate storage, functions and approved origins with the instance.",
                LAMBDA, inline, List.of());
    }
}
