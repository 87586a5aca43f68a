package dev.scvcdk.tests.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scvcdk.app.ScvApp;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.tests.Tenant;
import dev.scvcdk.tests.iam.ExampleApp.SynthesizedStack;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;

/**
 * What differs between the partitions, read from each tenant's synthesized templates and checked against the facts
 * {@link Tenant} writes down as literals: the partition of every ARN, the SAML audience of console federation,
 * Salesforce's account in the cross-account trusts, the region of the account stack.
 */
class PartitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An ARN's partition: a literal, or a reference rendered as {@code ${...}}. */
    private static final Pattern ARN = Pattern.compile("(?<![A-Za-z0-9])arn:(\\$\\{[^}]*}|[^:\"]*):");
    private static final String PARTITION_REF = "${AWS::Partition}";

    // --- the synthesized apps ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void everyArnNamesTheTenantsPartitionLiterallyOrThroughAwsPartition(Tenant tenant) {
        // GIVEN every string of every template, with each Fn::Join and Fn::Sub rendered as the text it builds
        List<String> violations = new ArrayList<>();
        int arns = 0;
        for (SynthesizedStack stack : ExampleApp.get(tenant).stacks.values()) {
            for (Arn arn : arns(stack.name(), stack.template())) {
                arns++;
                // WHEN an ARN's partition is read THEN it is the tenant's literal partition or ${AWS::Partition}
                if (!arn.partition().equals(tenant.partition) && !arn.partition().equals(PARTITION_REF)) {
                    violations.add(arn.toString());
                }
            }
        }
        assertThat(arns).as("ARNs in the templates").isGreaterThan(100);
        assertThat(violations).as("ARNs of another partition than %s", tenant.partition).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void noTemplateNamesAnotherPartitionsArnSignInOrSalesforceAccount(Tenant tenant) {
        // GIVEN the text of every template of the tenant
        for (SynthesizedStack stack : ExampleApp.get(tenant).stacks.values()) {
            String text = stack.template().toString();
            // THEN nothing of the other partition appears in it, however it was written
            for (Tenant other : Tenant.values()) {
                if (!other.partition.equals(tenant.partition)) {
                    assertThat(text).as(stack.name()).doesNotContain("arn:" + other.partition + ":",
                            other.samlAudience, other.salesforceAccount);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void everySamlRoleTrustsTheOrgsIdpWithThePartitionsSignInAudience(Tenant tenant) {
        // GIVEN the trust policy of each contact center's <cc>-SAMLRole
        ExampleApp app = ExampleApp.get(tenant);
        SynthesizedIam iam = new SynthesizedIam(tenant.partition, app.config.accountId(), app.stacks.values());
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            JsonNode trust = iam.trustPolicy(cc.callCenterApiName() + "-SAMLRole");
            // THEN its one statement federates the org's IdP of this account, for the partition's console sign-in
            assertThat(PolicyJson.statements(trust)).singleElement().satisfies(statement -> {
                assertThat(PolicyJson.strings(statement.path("Action"))).containsExactly("sts:AssumeRoleWithSAML");
                assertThat(PolicyJson.strings(statement.path("Principal").path("Federated"))).containsExactly(
                        "arn:" + tenant.partition + ":iam::" + app.config.accountId()
                                + ":saml-provider/SalesforceServiceVoiceIdp_" + app.config.salesforceOrgId());
                assertThat(PolicyJson.conditions(statement)).containsExactly(
                        "StringEquals saml:aud=" + tenant.samlAudience);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void everyCrossAccountTrustNamesSalesforcesAccountOfThePartition(Tenant tenant) {
        // GIVEN every AWS principal of every role's trust policy
        ExampleApp app = ExampleApp.get(tenant);
        SynthesizedIam iam = new SynthesizedIam(tenant.partition, app.config.accountId(), app.stacks.values());
        String salesforce = "arn:" + tenant.partition + ":iam::" + tenant.salesforceAccount + ":root";
        List<String> trustedBySalesforce = new ArrayList<>();
        List<String> otherAccounts = new ArrayList<>();
        for (RolePolicies role : iam.roles().values()) {
            for (JsonNode statement : PolicyJson.statements(iam.trustPolicy(role.roleName()))) {
                for (String principal : PolicyJson.strings(statement.path("Principal").path("AWS"))) {
                    // WHEN the principal is not this account THEN it is Salesforce's account of the partition
                    if (principal.equals(salesforce)) {
                        trustedBySalesforce.add(role.roleName());
                    } else if (!principal.startsWith("arn:" + tenant.partition + ":iam::" + app.config.accountId() + ":")) {
                        otherAccounts.add(role.roleName() + " trusts " + principal);
                    }
                }
            }
        }
        assertThat(otherAccounts).isEmpty();
        // SCVProvisioningRole, and each contact center's ConnectCallRole and SCVS3Role, at least
        assertThat(trustedBySalesforce).contains("SCVProvisioningRole")
                .hasSizeGreaterThanOrEqualTo(1 + 2 * app.config.contactCenters().size());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void theAccountStackIsInThePartitionsIamRegionAndEachContactCenterStackInItsOwn(Tenant tenant) {
        // GIVEN the synthesized stacks with their environments
        ExampleApp app = ExampleApp.get(tenant);
        // THEN the account stack is in the partition's IAM region, each contact center's in the contact center's
        assertThat(app.stacks.get(ScvApp.ACCOUNT_STACK_ID).region()).isEqualTo(tenant.accountStackRegion);
        for (ContactCenterConfig cc : app.config.contactCenters()) {
            assertThat(app.stacks.get(ScvApp.contactCenterStackId(cc)).region()).isEqualTo(cc.region());
        }
        assertThat(app.stacks.values()).extracting(SynthesizedStack::account).containsOnly(app.config.accountId());
    }

    // --- the ARN reader itself, on fixtures --------------------------------------------------------------------

    @Test
    void aJoinOrSubThatWritesTheCommercialPartitionIsReadAsAwsAndOneThatRefersToAwsPartitionIsNot()
            throws Exception {
        // GIVEN a template whose ARNs are built every way CDK writes them
        JsonNode template = JSON.readTree("""
                {"Resources": {"R": {"Properties": {
                  "Joined": {"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": "Bucket"}, "/*"]]},
                  "JoinedWithPartition": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::",
                      {"Ref": "AWS::AccountId"}, ":root"]]},
                  "Subbed": {"Fn::Sub": "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:*"},
                  "SubbedWithPartition": {"Fn::Sub": ["arn:${AWS::Partition}:sns:${R}:1:t", {"R": "us-gov-west-1"}]},
                  "Literal": ["arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/*"],
                  "Embedded": "{\\"Resource\\": \\"arn:aws:ssm:us-east-1:111122223333:parameter/p\\"}"
                }}}}""");
        // WHEN its ARNs are read
        List<String> partitions = arns("Fixture", template).stream().map(Arn::partition).toList();
        // THEN each ARN is found once, with its partition as written
        assertThat(partitions).containsExactlyInAnyOrder("aws", PARTITION_REF, "aws", PARTITION_REF, "aws-us-gov",
                "aws");
    }

    // --- reading ARNs out of a template ------------------------------------------------------------------------

    /** An ARN's partition, where it was found and the text around it. */
    record Arn(String partition, String where, String text) {
        @Override
        public String toString() {
            return where + ": " + text;
        }
    }

    /** Every ARN in the template's strings, {@code Fn::Join}s and {@code Fn::Sub}s, with its partition. */
    static List<Arn> arns(String stack, JsonNode template) {
        List<Arn> found = new ArrayList<>();
        walk(template, stack, found);
        return found;
    }

    private static void walk(JsonNode node, String path, List<Arn> found) {
        if (node.isTextual()) {
            scan(node.asText(), path, found);
        } else if (node.isObject() && node.size() == 1 && (node.has("Fn::Join") || node.has("Fn::Sub"))) {
            scan(render(node, path, found), path, found);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), path + "/" + field.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, found);
            }
        }
    }

    /**
     * The text a {@code Fn::Join} or {@code Fn::Sub} builds, references written {@code ${Name}}; any other
     * intrinsic in it becomes a placeholder and is read on its own.
     */
    private static String render(JsonNode node, String path, List<Arn> found) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject() && node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            switch (function) {
                case "Ref":
                    return "${" + argument.asText() + "}";
                case "Fn::GetAtt":
                    return "${" + argument.get(0).asText() + "." + argument.get(1).asText() + "}";
                case "Fn::Join": {
                    List<String> parts = new ArrayList<>();
                    JsonNode values = argument.get(1);
                    for (int i = 0; i < values.size(); i++) {
                        parts.add(render(values.get(i), path + "/Fn::Join/" + i, found));
                    }
                    return String.join(argument.get(0).asText(), parts);
                }
                case "Fn::Sub":
                    if (argument.isArray()) {
                        walk(argument.get(1), path + "/Fn::Sub/1", found);
                        return argument.get(0).asText();
                    }
                    return argument.asText();
                default:
                    break;
            }
        }
        walk(node, path, found);
        return "${…}";
    }

    private static void scan(String text, String path, List<Arn> found) {
        Matcher m = ARN.matcher(text);
        while (m.find()) {
            found.add(new Arn(m.group(1), path, text.substring(m.start(), Math.min(text.length(), m.end() + 60))));
        }
    }
}
