package dev.scvcdk.constructs.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.constructs.identity.TestSamlMetadata;
import dev.scvcdk.constructs.testing.TestFixtures;
import dev.scvcdk.policies.config.TenantConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.DefaultStackSynthesizerProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** The construct form, in stacks the consumer owns, and the stack's pass-through of stack properties. */
class ScvAccountTest {
    private static final Environment US_EAST_1 = Environment.builder().account(ExampleTenant.ACCOUNT)
            .region("us-east-1").build();

    private static ScvAccountProps.Builder props() {
        return ScvAccountProps.builder().tenantConfig(ExampleTenant.config()).samlMetadataXml(TestSamlMetadata.xml());
    }

    @SuppressWarnings("unchecked")
    private static List<String> cloudformationResources(Template template) {
        Map<String, Object> role = template.findResources("AWS::IAM::Role", Map.of("Properties",
                Map.of("RoleName", "SCVProvisioningRole"))).values().iterator().next();
        List<Map<String, Object>> policies = (List<Map<String, Object>>) ((Map<String, Object>) role
                .get("Properties")).get("Policies");
        return policies.stream()
                .flatMap(p -> TestFixtures.statements((Map<String, Object>) p.get("PolicyDocument")).stream())
                .filter(s -> "CloudformationAccess".equals(s.get("Sid")))
                .flatMap(s -> ((List<Object>) s.get("Resource")).stream().map(Object::toString))
                .toList();
    }

    @Test
    void inAConsumersStackTheProvisioningRoleReadsThatStackAndTheNamedContactCenterStacks() {
        // GIVEN a consumer's own stack in us-east-1, with a contact-center stack it names itself
        Stack stack = new Stack(new App(), "Platform", StackProps.builder().stackName("Corp-Platform")
                .env(US_EAST_1).build());

        // WHEN the account is added to it
        ScvAccount account = new ScvAccount(stack, "Scv", props()
                .contactCenterStackNames(Map.of("acmesales", "Corp-Sales-Voice")).build());

        // THEN the provisioning role may read exactly those stacks, and the boundary allows no other
        assertThat(account.getStackNames().accountStack()).isEqualTo("Corp-Platform");
        assertThat(cloudformationResources(Template.fromStack(stack))).containsExactly(
                "arn:aws:cloudformation:us-east-1:111122223333:stack/Corp-Platform/*",
                "arn:aws:cloudformation:us-west-2:111122223333:stack/ScvContactCenter-acmesupport/*",
                "arn:aws:cloudformation:eu-west-2:111122223333:stack/Corp-Sales-Voice/*");
        assertThat(Template.fromStack(stack).toJSON().toString()).doesNotContain("stack/Scv*");
    }

    @Test
    void theConsumersOwnRolesInTheStackKeepTheirBoundary() {
        // GIVEN a consumer's stack with a role of its own
        Stack stack = new Stack(new App(), "Platform", StackProps.builder().env(US_EAST_1).build());
        Role.Builder.create(stack, "Own").assumedBy(new ServicePrincipal("ec2.amazonaws.com")).build();

        // WHEN the account is added to it
        new ScvAccount(stack, "Scv", props().build());

        // THEN SCV's roles carry the SCV boundary and the consumer's role does not
        Template template = Template.fromStack(stack);
        assertThat(template.findResources("AWS::IAM::Role", Map.of("Properties",
                Map.of("RoleName", Match.absent(), "PermissionsBoundary", Match.anyValue())))).isEmpty();
        assertThat(template.findResources("AWS::IAM::Role", Map.of("Properties",
                Map.of("RoleName", Match.stringLikeRegexp("SCV.*"), "PermissionsBoundary", Match.absent()))))
                .isEmpty();
    }

    @Test
    void worksInsideAStage() {
        // GIVEN a stage (as CDK Pipelines deploy) holding a consumer's stack
        Stage stage = new Stage(new App(), "Prod", StageProps.builder().env(US_EAST_1).build());
        Stack stack = new Stack(stage, "Account");

        // WHEN the account is added
        ScvAccount account = new ScvAccount(stack, "Scv", props().build());

        // THEN the stack's name as the stage makes it is the one provisioning may read
        assertThat(account.getStackNames().accountStack()).isEqualTo("Prod-Account");
        assertThat(cloudformationResources(Template.fromStack(stack)))
                .contains("arn:aws:cloudformation:us-east-1:111122223333:stack/Prod-Account/*");
    }

    @Test
    void aStackOutsideThePartitionsIamRegionIsAClearError() {
        Stack stack = new Stack(new App(), "West", StackProps.builder().env(Environment.builder()
                .account(ExampleTenant.ACCOUNT).region("us-west-2").build()).build());

        assertThatThrownBy(() -> new ScvAccount(stack, "Scv", props().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ScvAccount cannot be placed here: stack 'West' is in region 'us-west-2', but ScvAccount "
                        + "must be deployed in us-east-1, the IAM region of partition 'aws'");
    }

    @Test
    void aStackInAnotherAccountThanTheConfigsIsAClearError() {
        Stack stack = new Stack(new App(), "Other", StackProps.builder().env(Environment.builder()
                .account("444455556666").region("us-east-1").build()).build());

        assertThatThrownBy(() -> new ScvAccount(stack, "Scv", props().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stack 'Other' is in account '444455556666', but the tenant config's "
                        + "accountId is '111122223333'");
    }

    @Test
    void aTenantConfigBuiltInCodeNeedsNoSamlMetadataFileBesideTheXml() {
        // GIVEN the example tenant built in code, without the config file's samlMetadataFile, and the XML passed
        TenantConfig c = ExampleTenant.config();
        TenantConfig inCode = new TenantConfig(c.accountId(), c.partition(), c.salesforceOrgId(),
                c.salesforceAccountId(), c.externalId(), c.permissionBoundaryArn(), null, c.contactCenters());
        // WHEN the account is added to a stack THEN it builds, with the SAML provider of that XML
        Stack stack = new Stack(new App(), "Consumer", StackProps.builder().env(US_EAST_1).build());
        new ScvAccount(stack, "ScvAccount", ScvAccountProps.builder().tenantConfig(inCode)
                .samlMetadataXml(TestSamlMetadata.xml()).build());
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::SAMLProvider",
                Map.of("SamlMetadataDocument", TestSamlMetadata.xml()));
    }

    @Test
    void propsNameEveryProblemWithItsValue() {
        assertThatThrownBy(() -> ScvAccountProps.builder().tenantConfig(ExampleTenant.config())
                .contactCenterStackNames(Map.of("acmesales", "Sales_Stack", "nosuchcc", "Other")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid ScvAccount props (3 problems):")
                .hasMessageContaining("contactCenterStackNames[acmesales] 'Sales_Stack' is not a CloudFormation "
                        + "stack name: it must match ^[A-Za-z][A-Za-z0-9-]{0,127}$")
                .hasMessageContaining("contactCenterStackNames names 'nosuchcc', which is not a contact center of "
                        + "the tenant config [acmesupport, acmesales]")
                .hasMessageContaining("samlMetadata is required");
    }

    @Test
    void theStackPassesEveryStackPropertyThrough() {
        // GIVEN every stack property set
        App app = new App();
        ScvAccountStack stack = new ScvAccountStack(app, "Account", ScvAccountStackTest.exampleProps()
                .stackName("Corp-Scv-Account")
                .description("SCV for Corp")
                .env(US_EAST_1)
                .synthesizer(new DefaultStackSynthesizer(DefaultStackSynthesizerProps.builder()
                        .qualifier("corpscv").build()))
                .terminationProtection(true)
                .tags(Map.of("cost-center", "voice"))
                .analyticsReporting(false)
                .build());

        // THEN each reaches the synthesized stack
        assertThat(stack.getStackName()).isEqualTo("Corp-Scv-Account");
        assertThat(stack.getTemplateOptions().getDescription()).isEqualTo("SCV for Corp");
        assertThat(stack.getRegion()).isEqualTo("us-east-1");
        assertThat(stack.getAccount()).isEqualTo(ExampleTenant.ACCOUNT);
        assertThat(stack.getTerminationProtection()).isTrue();
        assertThat(stack.getTags().tagValues()).containsEntry("cost-center", "voice");
        var artifact = app.synth().getStackByName("Corp-Scv-Account");
        assertThat(artifact.getTerminationProtection()).isTrue();
        assertThat(artifact.getTags()).containsEntry("cost-center", "voice");
        assertThat(artifact.getAssumeRoleArn()).contains("cdk-corpscv-deploy-role");
        assertThat(artifact.getTemplate().toString()).doesNotContain("AWS::CDK::Metadata");
        // AND the provisioning role reads the stack by that name
        assertThat(cloudformationResources(Template.fromStack(stack)))
                .contains("arn:aws:cloudformation:us-east-1:111122223333:stack/Corp-Scv-Account/*");
    }

    @Test
    void aStackNameCloudFormationRejectsIsAClearError() {
        assertThatThrownBy(() -> ScvAccountStackTest.exampleProps().stackName("Scv_Account").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stackName 'Scv_Account' is not a CloudFormation stack name: it must match "
                        + "^[A-Za-z][A-Za-z0-9-]{0,127}$");
    }
}
