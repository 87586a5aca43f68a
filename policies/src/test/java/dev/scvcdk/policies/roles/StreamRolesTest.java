package dev.scvcdk.policies.roles;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.bySid;
import static dev.scvcdk.policies.PolicyJson.condition;
import static dev.scvcdk.policies.PolicyJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRolesTest {
    private static final TenantConfig EXAMPLE = TestTenants.example();

    @Test
    void contactLensConsumerReadsTheContactLensStreamOnlyWhereContactLensIsOnAndWritesBothFunctionsLogs() {
        // GIVEN Contact Lens on in acmesupport only
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.CONTACT_LENS_CONSUMER);

        assertThat(resources(bySid(inline, "ReadContactLensStreams"))).containsExactly(
                "arn:aws:kinesis:us-west-2:111122223333:stream/acmesupport-111122223333-ContactLensStream");
        assertThat(resources(bySid(inline, "WriteOwnLogs"))).hasSize(2)
                .anyMatch(r -> r.toString().endsWith("/aws/lambda/acmesupport-ContactLensProcessorFunction:*"));
    }

    @Test
    void contactLensStreamingPutsRecordsOnlyOnTheContactLensStreams() {
        List<Map<String, Object>> inline = RoleJson.inline(EXAMPLE, RoleNames.CONTACT_LENS_STREAMING);

        Map<String, Object> put = bySid(inline, "PutContactLensRecords");
        assertThat(actions(put)).contains("kinesis:PutRecord", "kinesis:PutRecords").doesNotContain("kinesis:GetRecords");
        assertThat(resources(put)).allMatch(r -> r.toString().endsWith("-ContactLensStream"));
        assertThat(condition(bySid(inline, "GenerateDataKeyWithStreamKeyViaKinesis"), "ForAnyValue:StringEquals",
                "kms:ResourceAliases")).containsExactly("alias/acmesupportKvsKey", "alias/acmesalesKvsKey");
    }

    @Test
    void contactLensStreamingIsAssumedByConnectOnlyForTheScvInstancesOfTheAccount() {
        // GIVEN the role Connect assumes to stream Contact Lens segments
        Trust trust = IamMatrix.accountRole(EXAMPLE, RoleNames.CONTACT_LENS_STREAMING).trust();

        // THEN only for this account (aws:SourceAccount) and the two SCV instances (aws:SourceArn): no confused deputy
        assertThat(trust).isInstanceOf(Trust.Service.class);
        Trust.Service service = (Trust.Service) trust;
        assertThat(service.conditions().get("StringEquals")).containsEntry("aws:SourceAccount", "111122223333");
        assertThat(service.conditions().get("ArnLike")).containsEntry("aws:SourceArn", List.of(
                "arn:aws:connect:*:*:instance/" + TestTenants.SUPPORT_INSTANCE,
                "arn:aws:connect:*:*:instance/" + TestTenants.SALES_INSTANCE));
    }
}
