package dev.scvcdk.constructs.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.Trust;
import dev.scvcdk.policies.iam.Effect;
import dev.scvcdk.policies.iam.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.s3.Bucket;

class ScvRolesTest {
    private static final String BOUNDARY_ARN = "arn:aws:iam::111122223333:policy/scv/SCVPermissionsBoundary";
    private static final String SALESFORCE_ACCOUNT = "793525387755";

    private final Stack stack = new Stack(new App(), "Test", StackProps.builder()
            .env(Environment.builder().account("111122223333").region("us-east-1").build()).build());
    private final IManagedPolicy boundary = ManagedPolicy.fromManagedPolicyArn(stack, "Boundary", BOUNDARY_ARN);

    private static RoleSpec spec(String name, Trust trust, List<Statement> inline, List<String> managed,
            Duration maxSession) {
        return new RoleSpec(name, "What " + name + " is for", trust, name + "Policy", inline, managed, maxSession);
    }

    private static Statement readParameter() {
        return new Statement("ReadSubject", Effect.ALLOW, List.of("ssm:GetParameter"),
                List.of("arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-salesforce-rest-api-subject"));
    }

    @Test
    void serviceTrustBecomesServicePrincipalAndRoleKeepsItsScvName() {
        // GIVEN a Lambda role spec
        RoleSpec spec = spec("SCVCTRDataSyncFunctionRole", new Trust.Service("lambda.amazonaws.com"),
                List.of(), List.of(), null);

        // WHEN
        ScvRoles.create(stack, "Role", spec, boundary, Map.of());

        // THEN only Lambda may assume it, and the name and description are the spec's
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "SCVCTRDataSyncFunctionRole",
                "Description", "What SCVCTRDataSyncFunctionRole is for",
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "lambda.amazonaws.com"))))));
    }

    @Test
    void serviceTrustWithSourceLetsTheServiceAssumeTheRoleOnlyForThatAccountsResource() {
        // GIVEN a role CloudTrail assumes for one trail of the account
        String trail = "arn:aws:cloudtrail:us-east-1:111122223333:trail/scvBYOACloudTrail";
        RoleSpec spec = spec("SCVTrailLogGroupRole", new Trust.Service("cloudtrail.amazonaws.com", "111122223333",
                List.of(trail)), List.of(), List.of(), null);

        // WHEN created
        ScvRoles.create(stack, "Role", spec, boundary, Map.of());

        // THEN the trust carries aws:SourceAccount and aws:SourceArn of that trail
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole",
                        "Effect", "Allow",
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "111122223333"),
                                "ArnLike", Map.of("aws:SourceArn", trail)),
                        "Principal", Map.of("Service", "cloudtrail.amazonaws.com"))))));
    }

    @Test
    void salesforceAccountTrustRequiresTheExternalId() {
        RoleSpec spec = spec("SCVProvisioningRole", new Trust.SalesforceAccount(SALESFORCE_ACCOUNT, "00D5g000004ExAm"),
                List.of(), List.of(), null);

        ScvRoles.create(stack, "Role", spec, boundary, Map.of());

        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole",
                        "Effect", "Allow",
                        "Condition", Map.of("StringEquals", Map.of("sts:ExternalId", "00D5g000004ExAm")),
                        "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of(
                                "arn:", Map.of("Ref", "AWS::Partition"),
                                ":iam::" + SALESFORCE_ACCOUNT + ":root")))))))));
    }

    @Test
    void samlTrustAllowsOnlyAssumeRoleWithSamlForTheConsoleAudience() {
        String provider = "arn:aws:iam::111122223333:saml-provider/SalesforceServiceVoiceIdp_00D5g000004ExAm";
        RoleSpec spec = spec("acmesupport-SAMLRole",
                new Trust.SamlFederation(provider, "https://signin.aws.amazon.com/saml"), List.of(), List.of(), null);

        ScvRoles.create(stack, "Role", spec, boundary, Map.of());

        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRoleWithSAML",
                        "Effect", "Allow",
                        "Condition", Map.of("StringEquals",
                                Map.of("saml:aud", "https://signin.aws.amazon.com/saml")),
                        "Principal", Map.of("Federated", provider))))));
    }

    @Test
    void inlineStatementsLiveInOneInlinePolicyNamedBySpec() {
        RoleSpec spec = new RoleSpec("SCVInvokeSalesforceRestApiFunctionRole", "d",
                new Trust.Service("lambda.amazonaws.com"), "InvokeSalesforceRestApiFunctionRolePolicy",
                List.of(readParameter()), List.of(), null);

        ScvRoles.create(stack, "Role", spec, boundary, Map.of());

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of(
                "PolicyName", "InvokeSalesforceRestApiFunctionRolePolicy",
                "PolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "ssm:GetParameter",
                        "Effect", "Allow",
                        "Resource", "arn:aws:ssm:us-west-2:111122223333:parameter/"
                                + "acmesupport-salesforce-rest-api-subject",
                        "Sid", "ReadSubject")))))));
        // No separate AWS::IAM::Policy: whatever depends on the role also waits for its permissions
        template.resourceCountIs("AWS::IAM::Policy", 0);
    }

    @Test
    void roleWithoutInlineStatementsHasNoEmptyInlinePolicy() {
        ScvRoles.create(stack, "Role", spec("SCVTenantBucketWriteAccessRole",
                new Trust.Service("lambda.amazonaws.com"), List.of(), List.of(), null), boundary, Map.of());

        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of("Policies", Match.absent()));
    }

    @Test
    void managedPoliciesAreAttachedByName() {
        // GIVEN two /scv/ policies created by the stack, of which the spec needs one
        ManagedPolicy ssm = ManagedPolicy.Builder.create(stack, "Ssm").managedPolicyName("SCVSSMAccessPolicy")
                .statements(List.of(IamRender.statement(readParameter()))).build();
        ManagedPolicy kms = ManagedPolicy.Builder.create(stack, "Kms").managedPolicyName("SCVKMSAccessPolicy")
                .statements(List.of(IamRender.statement(readParameter()))).build();
        RoleSpec spec = spec("SCVAuthKeysSSMUtilRole", new Trust.Service("lambda.amazonaws.com"),
                List.of(), List.of("SCVSSMAccessPolicy"), null);

        // WHEN
        ScvRoles.create(stack, "Role", spec, boundary, Map.of("SCVSSMAccessPolicy", ssm, "SCVKMSAccessPolicy", kms));

        // THEN only the named one is attached
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", List.of(Map.of("Ref", stack.getLogicalId((CfnElement) ssm.getNode()
                        .getDefaultChild())))));
    }

    @Test
    void missingManagedPolicyIsAnErrorNamingRoleAndPolicy() {
        RoleSpec spec = spec("SCVAuthKeysSSMUtilRole", new Trust.Service("lambda.amazonaws.com"),
                List.of(), List.of("SCVSSMAccessPolicy"), null);

        assertThatThrownBy(() -> ScvRoles.create(stack, "Role", spec, boundary, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'SCVAuthKeysSSMUtilRole'")
                .hasMessageContaining("[SCVSSMAccessPolicy]");
    }

    @Test
    void roleCarriesBoundaryAndMaxSession() {
        RoleSpec spec = spec("acmesupport-SCVS3Role", new Trust.SalesforceAccount(SALESFORCE_ACCOUNT, "x"),
                List.of(), List.of(), Duration.ofHours(4));

        ScvRoles.create(stack, "Role", spec, boundary, Map.of());

        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of(
                "PermissionsBoundary", BOUNDARY_ARN,
                "MaxSessionDuration", 14400));
    }

    @Test
    void importedRoleIsNotWidenedByGrants() {
        // GIVEN an SCV role imported by name, as the contact-center stack's functions do
        IRole role = ScvRoles.importByName(stack, "Imported", "SCVCTRDataSyncFunctionRole");

        // WHEN something in this stack grants it access
        new Bucket(stack, "Bucket").grantRead(role);

        // THEN the role keeps its name-derived ARN and no policy is added to a role this stack does not own
        assertThat(stack.resolve(role.getRoleArn()).toString()).contains(":role/SCVCTRDataSyncFunctionRole");
        Template.fromStack(stack).resourceCountIs("AWS::IAM::Policy", 0);
    }

    @Test
    void constructIdIsPascalCaseOfRoleName() {
        assertThat(ScvRoles.constructId("acmesupport-SAMLRole")).isEqualTo("AcmesupportSAMLRole");
        assertThat(ScvRoles.constructId("SCVProvisioningRole")).isEqualTo("SCVProvisioningRole");
        assertThat(ScvRoles.constructId("acme_support-SCVS3Role")).isEqualTo("AcmeSupportSCVS3Role");
    }
}
