package dev.scvcdk.constructs.contactcenter;

import static dev.scvcdk.constructs.contactcenter.ContactCenterFixtures.SECRET_ARN;
import static dev.scvcdk.constructs.contactcenter.ContactCenterFixtures.support;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.constructs.functions.LambdaCode;
import dev.scvcdk.constructs.testing.TestFixtures;
import dev.scvcdk.policies.config.ContactCenterConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.DefaultStackSynthesizerProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** The construct form, in stacks the consumer owns, and the stack's pass-through of stack properties. */
class ScvContactCenterTest {
    @TempDir
    Path dir;

    private Path jar;
    private final ContactCenterConfig cc = support(SECRET_ARN, null);

    @BeforeEach
    void jar() {
        jar = TestFixtures.jar(dir);
    }

    private ScvContactCenterProps props() {
        return ScvContactCenterProps.builder()
                .tenantConfig(ContactCenterFixtures.tenant(cc, ContactCenterFixtures.sales()))
                .contactCenter(cc)
                .lambdaCode(LambdaCode.fromJars(jar))
                .build();
    }

    private static Stack stackIn(String region) {
        return new Stack(new App(), "Voice", StackProps.builder().env(Environment.builder()
                .account(ContactCenterFixtures.ACCOUNT).region(region).build()).build());
    }

    @Test
    void inAConsumersStackItCreatesTheContactCenterAndBoundsOnlyItsOwnRoles() {
        // GIVEN a consumer's stack in the contact center's region, with a role of its own
        Stack stack = stackIn("us-west-2");
        Role.Builder.create(stack, "Own").assumedBy(new ServicePrincipal("ec2.amazonaws.com")).build();

        // WHEN the contact center is added to it
        ScvContactCenter contactCenter = new ScvContactCenter(stack, "Support", props());

        // THEN its functions and roles are there, SCV's roles bounded, the consumer's role untouched
        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "acmesupport-InvokeTelephonyIntegrationApiFunction"));
        assertThat(contactCenter.getContactCenterRoles()).containsKeys("acmesupport-SAMLRole");
        assertThat(template.findResources("AWS::IAM::Role", Map.of("Properties",
                Map.of("RoleName", Match.stringLikeRegexp("acmesupport-.*"), "PermissionsBoundary",
                        Match.absent())))).isEmpty();
        assertThat(template.findResources("AWS::IAM::Role", Map.of("Properties",
                Map.of("RoleName", Match.absent(), "PermissionsBoundary", Match.anyValue())))).isEmpty();
    }

    @Test
    void aStackInAnotherRegionThanTheContactCentersIsAClearError() {
        Stack stack = stackIn("eu-west-1");

        assertThatThrownBy(() -> new ScvContactCenter(stack, "Support", props()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ScvContactCenter acmesupport cannot be placed here: stack 'Voice' is in region "
                        + "'eu-west-1', but contact center 'acmesupport' is configured for region 'us-west-2': put "
                        + "the ScvContactCenter in a stack whose env.region is us-west-2");
    }

    @Test
    void aStackWithoutARegionIsAClearError() {
        Stack stack = new Stack(new App(), "Agnostic");

        assertThatThrownBy(() -> new ScvContactCenter(stack, "Support", props()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stack 'Agnostic' has no region (environment-agnostic), but contact center "
                        + "'acmesupport' is configured for region 'us-west-2'");
    }

    @Test
    void aStackInAnotherAccountThanTheConfigsIsAClearError() {
        Stack stack = new Stack(new App(), "Other", StackProps.builder().env(Environment.builder()
                .account("444455556666").region("us-west-2").build()).build());

        assertThatThrownBy(() -> new ScvContactCenter(stack, "Support", props()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stack 'Other' is in account '444455556666', but the tenant config's "
                        + "accountId is '111122223333'");
    }

    @Test
    void theStackPassesEveryStackPropertyThrough() {
        // GIVEN every stack property set
        App app = new App();
        ScvContactCenterStack stack = new ScvContactCenterStack(app, "Support", ScvContactCenterStackProps.builder()
                .tenantConfig(ContactCenterFixtures.tenant(cc))
                .contactCenter(cc)
                .lambdaCode(LambdaCode.fromJars(jar))
                .stackName("Corp-Support-Voice")
                .description("SCV support line")
                .env(Environment.builder().account(ContactCenterFixtures.ACCOUNT).region("us-west-2").build())
                .synthesizer(new DefaultStackSynthesizer(DefaultStackSynthesizerProps.builder()
                        .qualifier("corpscv").build()))
                .terminationProtection(true)
                .tags(Map.of("cost-center", "voice"))
                .analyticsReporting(false)
                .build());

        // THEN each reaches the synthesized stack
        assertThat(stack.getStackName()).isEqualTo("Corp-Support-Voice");
        assertThat(stack.getTemplateOptions().getDescription()).isEqualTo("SCV support line");
        assertThat(stack.getRegion()).isEqualTo("us-west-2");
        assertThat(stack.getAccount()).isEqualTo(ContactCenterFixtures.ACCOUNT);
        var artifact = app.synth().getStackByName("Corp-Support-Voice");
        assertThat(artifact.getTerminationProtection()).isTrue();
        assertThat(artifact.getTags()).containsEntry("cost-center", "voice");
        assertThat(artifact.getAssumeRoleArn()).contains("cdk-corpscv-deploy-role");
        assertThat(artifact.getTemplate().toString()).doesNotContain("AWS::CDK::Metadata");
    }

    @Test
    void anEnvContradictingTheConfigIsAClearErrorOfTheStackProps() {
        assertThatThrownBy(() -> ScvContactCenterStackProps.builder()
                .tenantConfig(ContactCenterFixtures.tenant(cc))
                .contactCenter(cc)
                .env(Environment.builder().account("444455556666").region("eu-west-1").build())
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2 problems)")
                .hasMessageContaining("env.region 'eu-west-1' differs from contact center 'acmesupport''s region "
                        + "'us-west-2'")
                .hasMessageContaining("env.account '444455556666' differs from the tenant config's accountId "
                        + "'111122223333'");
    }
}
