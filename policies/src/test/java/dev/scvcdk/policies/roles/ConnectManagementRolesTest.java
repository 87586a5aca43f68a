package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectManagementRolesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    @Test
    void managementRoleActsOnlyOnTheScvInstancesAndTheirNumbers() {
        Map<String, Object> manage = bySid(RoleJson.inline(EXAMPLE, RoleNames.AMAZON_CONNECT_MANAGEMENT),
                "ManageConnectInstances");

        assertThat(actions(manage)).allMatch(a -> a.toString().startsWith("connect:"))
                .doesNotContain("connect:DeleteInstance", "connect:CreateInstance");
        assertThat(resources(manage)).containsExactlyInAnyOrder(
                "arn:aws:connect:us-west-2:111122223333:instance/" + TestTenants.SUPPORT_INSTANCE,
                "arn:aws:connect:us-west-2:111122223333:instance/" + TestTenants.SUPPORT_INSTANCE + "/*",
                "arn:aws:connect:eu-west-2:111122223333:instance/" + TestTenants.SALES_INSTANCE,
                "arn:aws:connect:eu-west-2:111122223333:instance/" + TestTenants.SALES_INSTANCE + "/*",
                "arn:aws:connect:us-west-2:111122223333:phone-number/*",
                "arn:aws:connect:eu-west-2:111122223333:phone-number/*");
    }

    @Test
    void configuratorChangesOnlyThePolicyOfConnectsPerInstanceServiceLinkedRoles() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.CONNECT_CONFIGURATOR_LAMBDA);

        Map<String, Object> slr = bySid(inline, "PutConnectServiceLinkedRolePolicy");
        assertThat(actions(slr)).containsExactly("iam:PutRolePolicy");
        assertThat(resources(slr))
                .containsExactly("arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/"
                        + "AWSServiceRoleForAmazonConnect_*");
    }

    @Test
    void configuratorGrantsKeyUseOnlyToAwsServicesForTheStorageKeys() {
        Map<String, Object> grant = bySid(RoleJson.inline(EXAMPLE, RoleNames.CONNECT_CONFIGURATOR_LAMBDA),
                "GrantConnectUseOfStorageKeys");

        assertThat(condition(grant, "Bool", "kms:GrantIsForAWSResource")).containsExactly("true");
        assertThat(condition(grant, "ForAnyValue:StringEquals", "kms:ResourceAliases")).containsExactlyInAnyOrder(
                "alias/acmesupportKvsKey", "alias/acmesalesKvsKey", "alias/acmesupportLMKvsKey",
                "alias/acmesalesLMKvsKey", "alias/acmesupportTenantBucketKey", "alias/acmesalesTenantBucketKey");
    }

    @Test
    void configuratorListsDirectoriesAndBucketsOnlyInTheContactCenterRegions() {
        Map<String, Object> list = bySid(RoleJson.inline(EXAMPLE, RoleNames.CONNECT_CONFIGURATOR_LAMBDA),
                "ListDirectoriesAndBuckets");

        assertThat(actions(list)).containsExactly("ds:DescribeDirectories", "s3:ListAllMyBuckets");
        assertThat(condition(list, "StringEquals", "aws:RequestedRegion")).containsExactly("us-west-2", "eu-west-2");
    }
}
