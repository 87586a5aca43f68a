package dev.scvcdk.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.TenantConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * The register mechanics against a real cdk-nag run: a plain SQS queue draws real findings (no dead-letter queue,
 * no TLS-only policy), which lets each behaviour be checked without the whole SCV app.
 */
class NagAcknowledgementsTest {

    private static final String REASON = "Fixture queue: the finding is the subject of this test.";
    private static final TenantConfig TENANT = new TenantConfig("111122223333", "aws", "00D5g000004ExAm", null, null,
            null, "saml.xml", List.of(
                    new ContactCenterConfig("one", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70", "one", null,
                            null, null, null, null),
                    new ContactCenterConfig("two", "eu-west-2", "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7", "two", null,
                            null, null, null, null)));

    @TempDir
    Path outdir;

    private record Run(List<NagAcknowledgements.Applied> applied, ValidationReport report) {
    }

    private Run synthQueueStack(List<NagAcknowledgements.Entry> entries) {
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        app.getNode().setContext("@aws-cdk/core:failSynthOnValidationErrors", false);
        Stack stack = new Stack(app, "Fixture");
        new Queue(stack, "Jobs");
        NagPacks.register(app);
        List<NagAcknowledgements.Applied> applied = NagAcknowledgements.apply(app, entries, TENANT);
        app.synth();
        return new Run(applied, ValidationReport.read(outdir));
    }

    @Test
    void withoutAcknowledgementsTheReportListsTheQueuesFindings() {
        Run run = synthQueueStack(List.of());
        assertThat(run.report().findingsOf(NagPacks.NAMES))
                .extracting(ValidationReport.Finding::findingId, ValidationReport.Finding::constructPath)
                .contains(org.assertj.core.groups.Tuple.tuple("AwsSolutions-SQS3", "Fixture/Jobs/Resource"),
                        org.assertj.core.groups.Tuple.tuple("AwsSolutions-SQS4", "Fixture/Jobs/Resource"));
        assertThat(run.report().findings()).extracting(ValidationReport.Finding::plugin)
                .containsAnyElementsOf(NagPacks.NAMES);
    }

    @Test
    void anEntryAcknowledgesExactlyItsFindingOnTheMatchedConstruct() {
        // GIVEN the register acknowledges SQS3 on the queue (matched by a glob)
        NagAcknowledgements.Entry entry = new NagAcknowledgements.Entry("Fix*", "Jobs", "AwsSolutions-SQS3", REASON);
        // WHEN synthesized with the packs
        Run run = synthQueueStack(List.of(entry));
        // THEN SQS3 is gone, SQS4 remains, and the entry landed on the queue
        assertThat(run.report().findingsOf(NagPacks.NAMES)).extracting(ValidationReport.Finding::findingId)
                .doesNotContain("AwsSolutions-SQS3").contains("AwsSolutions-SQS4");
        assertThat(run.applied()).singleElement()
                .satisfies(a -> assertThat(a.constructPaths()).containsExactly("Fixture/Jobs"));
    }

    @Test
    void anAcknowledgementOnOneConstructLeavesTheSameFindingOnAnotherReported() {
        // GIVEN two queues with the same findings, SQS3 acknowledged on the first only
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        app.getNode().setContext("@aws-cdk/core:failSynthOnValidationErrors", false);
        Stack stack = new Stack(app, "Fixture");
        new Queue(stack, "Jobs");
        new Queue(stack, "Other");
        NagPacks.register(app);
        NagAcknowledgements.apply(app, List.of(new NagAcknowledgements.Entry("Fixture", "Jobs",
                "AwsSolutions-SQS3", REASON)), TENANT);
        // WHEN synthesized with the packs
        app.synth();
        // THEN the second queue's SQS3 is still a finding: an acknowledgement covers its own construct only
        assertThat(ValidationReport.read(outdir).findingsOf(NagPacks.NAMES))
                .extracting(ValidationReport.Finding::findingId, ValidationReport.Finding::constructPath)
                .contains(org.assertj.core.groups.Tuple.tuple("AwsSolutions-SQS3", "Fixture/Other/Resource"))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("AwsSolutions-SQS3", "Fixture/Jobs/Resource"));
    }

    @Test
    void aFindingAcknowledgedOnlyOnAnotherConstructIsReportedAsAcknowledgedElsewhere() {
        // GIVEN two roles that both read every object of every bucket, the wildcard acknowledged on the first only
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        app.getNode().setContext("@aws-cdk/core:failSynthOnValidationErrors", false);
        Stack stack = new Stack(app, "Fixture");
        for (String id : List.of("Reader", "Other")) {
            Role role = Role.Builder.create(stack, id).assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
            role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("s3:GetObject"))
                    .resources(List.of("*")).build());
        }
        NagPacks.register(app);
        NagAcknowledgements.apply(app, List.of(new NagAcknowledgements.Entry("Fixture", "Reader",
                "AwsSolutions-IAM5[Resource::*]", REASON)), TENANT);
        // WHEN synthesized with the packs
        app.synth();
        // THEN the second role's finding is not among the open findings (CDK matched the id app-wide) but is
        // reported as acknowledged elsewhere, naming the construct whose acknowledgement answered it
        ValidationReport report = ValidationReport.read(outdir);
        assertThat(report.findings()).extracting(ValidationReport.Finding::findingId)
                .doesNotContain("AwsSolutions-IAM5[Resource::*]");
        assertThat(report.acknowledgedElsewhere()).singleElement().satisfies(elsewhere -> {
            assertThat(elsewhere.finding().findingId()).isEqualTo("AwsSolutions-IAM5[Resource::*]");
            assertThat(elsewhere.finding().constructPath()).startsWith("Fixture/Other/");
            assertThat(elsewhere.acknowledgedAt()).startsWith("Fixture/Reader");
        });
    }

    @Test
    void anEntryMatchingNoFindingIsStale() {
        // GIVEN one live entry, one with a finding the queue does not have, one on a construct that does not exist
        NagAcknowledgements.Entry live = new NagAcknowledgements.Entry("Fixture", "Jobs/Resource",
                "AwsSolutions-SQS4", REASON);
        NagAcknowledgements.Entry wrongFinding = new NagAcknowledgements.Entry("Fixture", "Jobs",
                "AwsSolutions-IAM5[Resource::*]", REASON);
        NagAcknowledgements.Entry noConstruct = new NagAcknowledgements.Entry("Fixture", "Gone/**",
                "AwsSolutions-SQS4", REASON);
        List<NagAcknowledgements.Entry> entries = List.of(live, wrongFinding, noConstruct);
        // WHEN the raw findings (no acknowledgements) are compared with where the entries apply
        List<ValidationReport.Finding> raw = synthQueueStack(List.of()).report().findings();
        List<NagAcknowledgements.Applied> applied = NagAcknowledgements.apply(
                new StackOnlyApp().app, entries, TENANT);
        // THEN only the two that cover nothing are stale
        assertThat(NagAcknowledgements.stale(applied, raw)).extracting(NagAcknowledgements.Applied::entry)
                .containsExactly(wrongFinding, noConstruct);
    }

    /** The fixture tree again, without packs: where entries land depends on the tree only. */
    private static final class StackOnlyApp {
        final App app = new App();

        StackOnlyApp() {
            new Queue(new Stack(app, "Fixture"), "Jobs");
        }
    }

    @Test
    void tenantVariablesBecomeTheTenantsValuesOncePerContactCenter() {
        NagAcknowledgements.Entry entry = new NagAcknowledgements.Entry("ScvAccountStack", "Role",
                "AwsSolutions-IAM5[Resource::arn:{partition}:logs:{region}:{account}:log-group:/aws/lambda/{cc}-Fn:*]",
                REASON);
        assertThat(entry.findingIdsFor(TENANT)).containsExactly(
                "AwsSolutions-IAM5[Resource::arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/one-Fn:*]",
                "AwsSolutions-IAM5[Resource::arn:aws:logs:eu-west-2:111122223333:log-group:/aws/lambda/two-Fn:*]");
    }

    @Test
    void anEntryWithoutContactCenterVariablesAppliesOnce() {
        NagAcknowledgements.Entry entry = new NagAcknowledgements.Entry("ScvAccountStack", "Role",
                "AwsSolutions-IAM5[Resource::arn:{partition}:iam::{account}:role/SCV*]", REASON);
        assertThat(entry.findingIdsFor(TENANT))
                .containsExactly("AwsSolutions-IAM5[Resource::arn:aws:iam::111122223333:role/SCV*]");
    }

    @Test
    void aFindingIdMustBeExact() {
        assertThatThrownBy(() -> new NagAcknowledgements.Entry("S", "P", "AwsSolutions-*", REASON))
                .hasMessageContaining("must be an exact cdk-nag finding id");
    }

    @Test
    void aReasonMustExplain() {
        assertThatThrownBy(() -> new NagAcknowledgements.Entry("S", "P", "AwsSolutions-SQS3", "ok"))
                .hasMessageContaining("must explain the acceptance");
    }
}
