package dev.scvcdk.constructs.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.policies.IamMatrix;
import dev.scvcdk.policies.IamPolicySizes;
import dev.scvcdk.policies.ManagedPolicySpec;
import dev.scvcdk.policies.RoleSpec;
import dev.scvcdk.policies.ScvArns;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.iam.Effect;
import dev.scvcdk.policies.iam.IamJson;
import dev.scvcdk.policies.iam.PolicyDocument;
import dev.scvcdk.policies.iam.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

class IamRenderTest {
    private static final String ACCOUNT = "111122223333";

    /** Six contact centers over three regions: every role and policy has several resources and conditions. */
    private static TenantConfig tenant() {
        List<String> regions = List.of("us-west-2", "eu-west-2", "ap-southeast-2");
        List<ContactCenterConfig> centers = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> new ContactCenterConfig("acmecenter0" + i, regions.get(i % 3),
                        String.format("0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f7%d", i), "acme-" + i,
                        "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", "PRODUCTION",
                        null, null))
                .toList();
        return new TenantConfig(ACCOUNT, "aws", "00D5g000004ExAm", null, null, null, "saml.xml", centers);
    }

    /** What CloudFormation receives for {@code document} rendered through CDK in {@code stack}. */
    private static Object rendered(Stack stack, PolicyDocument document) {
        return stack.resolve(IamRender.document(document));
    }

    /** Every document of the matrix: role inline policies, managed policies, the boundary. */
    private static Map<String, PolicyDocument> everyDocument(TenantConfig config) {
        Map<String, PolicyDocument> documents = new LinkedHashMap<>();
        List<RoleSpec> roles = new ArrayList<>(IamMatrix.accountRoles(config));
        config.contactCenters().forEach(cc -> roles.addAll(IamMatrix.contactCenterRoles(config, cc)));
        roles.stream().filter(r -> !r.inlineStatements().isEmpty())
                .forEach(r -> documents.put(r.roleName(), new PolicyDocument(r.inlineStatements())));
        for (ManagedPolicySpec policy : IamMatrix.managedPolicies(config)) {
            documents.put(policy.name(), new PolicyDocument(policy.statements()));
        }
        documents.put("boundary", IamMatrix.permissionBoundary(config));
        return documents;
    }

    @Test
    void aSingleActionOrResourceRendersAsAStringSeveralAsAList() {
        // GIVEN one statement with single values and one with several
        PolicyDocument document = PolicyDocument.of(
                new Statement("One", Effect.ALLOW, List.of("sqs:SendMessage"), List.of("arn:aws:sqs:us-west-2:1:q")),
                new Statement("Many", Effect.DENY, List.of("s3:GetObject", "s3:PutObject"),
                        List.of("arn:aws:s3:::a/*", "arn:aws:s3:::b/*")));

        // WHEN rendered by CDK THEN it is the document's JSON form
        assertThat(rendered(new Stack(), document)).isEqualTo(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "One", "Effect", "Allow", "Action", "sqs:SendMessage",
                        "Resource", "arn:aws:sqs:us-west-2:1:q"),
                Map.of("Sid", "Many", "Effect", "Deny", "Action", List.of("s3:GetObject", "s3:PutObject"),
                        "Resource", List.of("arn:aws:s3:::a/*", "arn:aws:s3:::b/*")))))
                .isEqualTo(document.toIamJson());
    }

    @Test
    void conditionsKeepEveryOperatorKeyAndValueListAsGiven() {
        Statement statement = new Statement("Key", Effect.ALLOW, List.of("kms:Decrypt"), List.of("*"), Map.of(
                "StringEquals", Map.of("kms:ViaService", List.of("s3.us-west-2.amazonaws.com")),
                "ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", List.of("alias/a", "alias/b"))));

        Object json = rendered(new Stack(), PolicyDocument.of(statement));

        assertThat(json).isEqualTo(PolicyDocument.of(statement).toIamJson());
        assertThat(json.toString()).contains("kms:ViaService=[s3.us-west-2.amazonaws.com]");
    }

    @Test
    void theEnvironmentAgnosticAccountBecomesFnSubAndPolicyVariablesSurviveIt() {
        // GIVEN ARNs with the account pseudo-parameter, one also holding the IAM variable ${aws:userid}
        String instance = "arn:aws:connect:us-west-2:" + ScvArns.ACCOUNT_PSEUDO_PARAMETER + ":instance/i";
        Statement statement = new Statement("Users", Effect.ALLOW, List.of("connect:DescribeUser"),
                List.of(instance + "/user/${aws:userid}", "arn:aws:connect:us-west-2:1:instance/j/user/${aws:userid}"),
                Map.of("StringEquals", Map.of("aws:SourceArn", List.of(instance))));

        // WHEN rendered
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) ((List<Object>) ((Map<String, Object>)
                rendered(new Stack(), PolicyDocument.of(statement))).get("Statement")).get(0);

        // THEN CloudFormation substitutes the account, keeps ${aws:userid} for IAM, and leaves plain strings alone
        assertThat(json.get("Resource")).isEqualTo(List.of(
                Map.of("Fn::Sub", "arn:aws:connect:us-west-2:${AWS::AccountId}:instance/i/user/${!aws:userid}"),
                "arn:aws:connect:us-west-2:1:instance/j/user/${aws:userid}"));
        assertThat(json.get("Condition")).isEqualTo(Map.of("StringEquals", Map.of("aws:SourceArn",
                List.of(Map.of("Fn::Sub", "arn:aws:connect:us-west-2:${AWS::AccountId}:instance/i")))));
    }

    @Test
    void everyDocumentOfTheMatrixRendersThroughCdkAsItsJsonForm() {
        // GIVEN every document of a six-contact-center tenant WHEN CDK renders it
        Stack stack = new Stack();
        everyDocument(tenant()).forEach((owner, document) ->
                // THEN CloudFormation receives exactly the JSON the size guard measured
                assertThat(rendered(stack, document)).as(owner).isEqualTo(document.toIamJson()));
    }

    @Test
    void cdksMinimizePoliciesFlagLeavesEveryDocumentAsDesigned() {
        // GIVEN an app with @aws-cdk/aws-iam:minimizePolicies on (CDK only merges statements without a Sid)
        App app = new App(AppProps.builder().context(Map.of("@aws-cdk/aws-iam:minimizePolicies", true)).build());
        Stack stack = new Stack(app, "Minimized");

        // THEN no statement is merged (each has a Sid; CDK only sorts values): the measured size is the deployed size
        everyDocument(tenant()).forEach((owner, document) ->
                assertThat(IamJson.compact(rendered(stack, document)).length()).as(owner)
                        .isEqualTo(IamPolicySizes.characters(document)));
    }
}
