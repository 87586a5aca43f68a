package dev.scvcdk.constructs.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogRetention;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;

class ScvBoundaryTest {
    private static final String BOUNDARY_ARN = "arn:aws:iam::111122223333:policy/scv/SCVPermissionsBoundary";

    private static Stack stack() {
        return new Stack(new App(), "Test", StackProps.builder()
                .env(Environment.builder().account("111122223333").region("us-east-1").build()).build());
    }

    /** Roles CDK makes on its own: a log-retention function, an SDK custom resource, a bucket auto-delete provider. */
    private static void addCdkMadeRoles(Stack stack) {
        LogRetention.Builder.create(stack, "LogRetention")
                .logGroupName("/scv/example").retention(RetentionDays.ONE_YEAR).build();
        AwsCustomResource.Builder.create(stack, "SdkCall")
                .onCreate(AwsSdkCall.builder().service("STS").action("GetCallerIdentity")
                        .physicalResourceId(PhysicalResourceId.of("caller")).build())
                .policy(AwsCustomResourcePolicy.fromSdkCalls(SdkCallsPolicyOptions.builder()
                        .resources(AwsCustomResourcePolicy.ANY_RESOURCE).build()))
                .build();
        Bucket.Builder.create(stack, "Scratch").removalPolicy(RemovalPolicy.DESTROY).autoDeleteObjects(true).build();
    }

    private static Map<String, Map<String, Object>> roles(Stack stack) {
        return Template.fromStack(stack).findResources("AWS::IAM::Role");
    }

    @Test
    void boundaryByArnLandsOnEveryRoleIncludingCdkMadeOnes() {
        // GIVEN a stack with one role of ours and three that CDK creates by itself
        Stack stack = stack();
        Role.Builder.create(stack, "Ours").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        addCdkMadeRoles(stack);

        // WHEN
        ScvBoundary.applyTo(stack, BOUNDARY_ARN);

        // THEN every AWS::IAM::Role carries the boundary, the raw CfnResource provider role included
        Map<String, Map<String, Object>> roles = roles(stack);
        assertThat(roles).hasSizeGreaterThanOrEqualTo(4);
        assertThat(roles.keySet()).anyMatch(id -> id.startsWith("CustomS3AutoDeleteObjectsCustomResourceProviderRole"));
        assertThat(roles.keySet()).anyMatch(id -> id.startsWith("LogRetention"));
        roles.forEach((id, role) -> assertThat(role).as(id).extracting("Properties")
                .extracting("PermissionsBoundary").isEqualTo(BOUNDARY_ARN));
    }

    @Test
    void boundaryCreatedInStackIsReferencedSoRolesWaitForIt() {
        // GIVEN the boundary is a managed policy of the same stack
        Stack stack = stack();
        ManagedPolicy boundary = ManagedPolicy.Builder.create(stack, "Boundary")
                .statements(List.of(PolicyStatement.Builder.create().actions(List.of("logs:PutLogEvents"))
                        .resources(List.of("*")).build()))
                .build();
        addCdkMadeRoles(stack);

        // WHEN
        ScvBoundary.applyTo(stack, boundary);

        // THEN every role references it (a Ref makes CloudFormation create the boundary first)
        Map<String, Object> ref = Map.of("Ref", stack.getLogicalId((CfnElement) boundary.getNode().getDefaultChild()));
        roles(stack).forEach((id, role) -> assertThat(role).as(id).extracting("Properties")
                .extracting("PermissionsBoundary").isEqualTo(ref));
    }

    @Test
    void importingTheSameBoundaryTwiceReusesOneConstruct() {
        Stack stack = stack();

        assertThat(ScvBoundary.imported(stack, BOUNDARY_ARN)).isSameAs(ScvBoundary.imported(stack, BOUNDARY_ARN));
    }
}
