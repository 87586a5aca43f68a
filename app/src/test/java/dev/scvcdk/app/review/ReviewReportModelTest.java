package dev.scvcdk.app.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review report's readers on small hand-written cloud assemblies: what each reads from a template or the
 * assembly metadata, independent of the SCV stacks (the whole app is covered by {@code ReviewReportTest} in test/).
 */
class ReviewReportModelTest {

    @TempDir
    Path dir;

    private static final String TEMPLATE = """
            {"Resources": {
              "FnRole": {"Type": "AWS::IAM::Role", "Properties": {
                "AssumeRolePolicyDocument": {"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
                  "Principal": {"Service": "lambda.amazonaws.com"},
                  "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}},
                "PermissionsBoundary": {"Ref": "Boundary"},
                "ManagedPolicyArns": [{"Ref": "Shared"}, "arn:aws:iam::aws:policy/ReadOnlyAccess"]}},
              "Boundary": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"ManagedPolicyName": "B", "Path": "/scv/",
                "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}},
              "Shared": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"ManagedPolicyName": "SharedRead",
                "PolicyDocument": {"Statement": [{"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject"],
                  "Resource": "arn:aws:s3:::acme-bucket/*"}]}}},
              "Attached": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "Send", "Roles": [{"Ref": "FnRole"}],
                "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage",
                  "Resource": {"Fn::GetAtt": ["Queue", "Arn"]},
                  "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}}},
              "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "acme-Fn",
                "Role": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::111122223333:role/FnRole"]]},
                "Environment": {"Variables": {"SCRT_ENDPOINT_BASE": "https://acme.my.salesforce-scrt.com/telephony/v1"}},
                "Tags": [{"Key": "scv:call-center", "Value": "acme"}]}},
              "FnAlias": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"}, "Name": "active"}},
              "Rule": {"Type": "AWS::Events::Rule", "Properties": {"Name": "acme-Rule",
                "Targets": [{"Arn": {"Ref": "FnAlias"}, "Id": "T"}]}},
              "RulePermission": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction",
                "FunctionName": {"Ref": "FnAlias"}, "Principal": "events.amazonaws.com",
                "SourceArn": {"Fn::GetAtt": ["Rule", "Arn"]}}},
              "ConnectPermission": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction",
                "FunctionName": {"Ref": "FnAlias"}, "Principal": "connect.amazonaws.com",
                "SourceArn": "arn:aws:connect:us-west-2:111122223333:instance/abc", "SourceAccount": "111122223333"}},
              "Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Statement": [{"Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}}},
              "KeyAlias": {"Type": "AWS::KMS::Alias", "Properties": {"AliasName": "alias/acmeKey",
                "TargetKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}},
              "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "acme-Queue"}}
            }}
            """;

    private static final String METADATA = """
            {"/S/FnRole": [
               {"type": "aws:cdk:logicalId", "data": "FnRole"},
               {"type": "aws:cdk:acknowledged-rules", "data": {
                  "Annotation::HIPAA.Security-IAMNoInlinePolicy": "inline by design, for this role only",
                  "AwsSolutions-IAM5[Resource::arn:aws:s3:::acme-bucket/*]": "objects of the tenant bucket only"}}],
             "/S/Queue": [{"type": "aws:cdk:acknowledged-rules", "data": {
                  "Annotation::NIST.800.53.R5-SQSQueueSSLRequestsOnly": "the queue policy denies plain HTTP"}}]}
            """;

    private SynthesizedAssembly assembly() throws IOException {
        Files.writeString(dir.resolve("S.template.json"), TEMPLATE);
        Files.writeString(dir.resolve("S.metadata.json"), METADATA);
        Files.writeString(dir.resolve("manifest.json"), """
                {"artifacts": {
                  "S.assets": {"type": "cdk:asset-manifest"},
                  "S": {"type": "aws:cloudformation:stack", "displayName": "S", "additionalMetadataFile": "S.metadata.json",
                        "properties": {"templateFile": "S.template.json"}}}}
                """);
        return SynthesizedAssembly.read(dir);
    }

    @Test
    void aRoleIsNamedByItsLogicalIdWithoutRoleNameAndShowsItsManagedAndAttachedPolicies() throws IOException {
        // GIVEN a role without RoleName: a managed policy of the template, an AWS managed policy, an attached policy
        // WHEN the matrix is built with an access-level table knowing s3:GetObject only
        IamMatrix matrix = IamMatrix.of(assembly(), new AccessLevels(Map.of("s3:getobject", "Read")));
        // THEN the role is named FnRole, its boundary is the template's policy, every grant is a row
        IamMatrix.Role role = matrix.role("FnRole").orElseThrow();
        assertThat(role.boundary()).isEqualTo("policy /scv/B (Boundary)");
        assertThat(role.trust()).singleElement().satisfies(trust -> {
            assertThat(trust.principals()).isEqualTo(Map.of("Service", List.of("lambda.amazonaws.com")));
            assertThat(trust.conditions()).isEqualTo(Map.of("StringEquals",
                    Map.of("aws:SourceAccount", List.of("111122223333"))));
        });
        assertThat(role.permissions()).extracting(IamMatrix.Permission::policy, IamMatrix.Permission::action,
                IamMatrix.Permission::accessLevel, IamMatrix.Permission::resources).containsExactly(
                tuple("SharedRead", "s3:GetObject", "Read", List.of("arn:aws:s3:::acme-bucket/*")),
                tuple("arn:aws:iam::aws:policy/ReadOnlyAccess", "(managed policy outside the templates)",
                        IamMatrix.UNKNOWN_ACCESS_LEVEL, List.of()),
                tuple("Send", "sqs:SendMessage", IamMatrix.UNKNOWN_ACCESS_LEVEL, List.of("${Queue.Arn}")));
    }

    @Test
    void acknowledgementsAreReadFromTheAssemblyMetadataWithTheirPackAndExactFindingId() throws IOException {
        // GIVEN acknowledgements recorded by Validations.acknowledge (prefixed) and as raw metadata
        // WHEN they are read from the assembly
        AcknowledgedFindings findings = AcknowledgedFindings.of(assembly());
        // THEN each is one row with its pack, the exact finding id, the construct path without the leading slash
        assertThat(findings.acknowledgements()).extracting(AcknowledgedFindings.Acknowledgement::pack,
                AcknowledgedFindings.Acknowledgement::findingId, AcknowledgedFindings.Acknowledgement::constructPath)
                .containsExactly(
                        tuple("AwsSolutions", "AwsSolutions-IAM5[Resource::arn:aws:s3:::acme-bucket/*]", "S/FnRole"),
                        tuple("HIPAA.Security", "HIPAA.Security-IAMNoInlinePolicy", "S/FnRole"),
                        tuple("NIST.800.53.R5", "NIST.800.53.R5-SQSQueueSSLRequestsOnly", "S/Queue"));
    }

    @Test
    void aKeyPolicyIsShownWithTheKeysAliasAndALambdaPermissionWithItsFunctionAlias() throws IOException {
        // GIVEN a key with an alias and two Lambda permissions on a function alias
        // WHEN the resource policies are read
        ResourcePolicies policies = ResourcePolicies.of(assembly());
        // THEN the key is named by its alias, the permissions by function name and alias, with their conditions
        assertThat(policies.policies()).extracting(ResourcePolicies.ResourcePolicy::kind,
                ResourcePolicies.ResourcePolicy::subject).containsExactly(
                tuple("KMS key policy", "key Key [alias/acmeKey]"),
                tuple("Lambda permission", "acme-Fn:active"),
                tuple("Lambda permission", "acme-Fn:active"));
        assertThat(policies.policies().get(2).statements().get(0).conditions()).isEqualTo(Map.of(
                "ArnLike", Map.of("AWS:SourceArn", List.of("arn:aws:connect:us-west-2:111122223333:instance/abc")),
                "StringEquals", Map.of("AWS:SourceAccount", List.of("111122223333"))));
    }

    @Test
    void theArchitectureFollowsTriggersThroughAliasesToTheFunctionItsRoleReachAndEndpoints() throws IOException {
        // GIVEN a function triggered by a rule (with its permission) and by Connect, running as FnRole
        SynthesizedAssembly assembly = assembly();
        // WHEN its architecture is read
        Architecture.ContactCenter cc = Architecture.of(assembly,
                IamMatrix.of(assembly, new AccessLevels(Map.of("s3:GetObject", "Read")))).contactCenters().get(0);
        // THEN the rule and Connect trigger it (the rule's permission is not a second trigger)
        assertThat(cc.callCenter()).isEqualTo("acme");
        assertThat(cc.triggers()).extracting(Architecture.Trigger::kind, Architecture.Trigger::source,
                Architecture.Trigger::function).containsExactly(
                tuple("EventBridge rule", "acme-Rule", "acme-Fn"),
                tuple("Lambda permission", "connect.amazonaws.com arn:aws:connect:us-west-2:111122223333:instance/abc",
                        "acme-Fn"));
        // AND it runs as FnRole, which reaches the acme bucket, and it calls the SCRT endpoint
        assertThat(cc.functions()).extracting(Architecture.Function::role).containsExactly("FnRole");
        assertThat(cc.reach()).extracting(Architecture.Reach::kind, Architecture.Reach::resource)
                .containsExactly(tuple("bucket", "arn:aws:s3:::acme-bucket/*"));
        assertThat(cc.endpoints()).extracting(Architecture.Endpoint::variable, Architecture.Endpoint::url)
                .containsExactly(tuple("SCRT_ENDPOINT_BASE", "https://acme.my.salesforce-scrt.com/telephony/v1"));
    }

    @Test
    void theAcknowledgementMetadataTypeIsTheOneCdkWrites() {
        assertThat(AcknowledgedFindings.ACKNOWLEDGED_RULES_METADATA_TYPE)
                .isEqualTo(software.amazon.awscdk.Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
    }

    @Test
    void anAssemblyWithoutAManifestIsAnErrorNamingTheMissingFile() {
        // GIVEN an empty directory WHEN it is read as an assembly THEN the error names manifest.json and the path
        assertThatThrownBy(() -> SynthesizedAssembly.read(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("manifest.json").hasMessageContaining(dir.toString());
    }
}
