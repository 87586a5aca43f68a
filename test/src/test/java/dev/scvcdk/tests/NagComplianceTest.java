package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import dev.scvcdk.app.ScvApp;
import dev.scvcdk.app.compliance.NagAcknowledgements;
import dev.scvcdk.app.compliance.NagPacks;
import dev.scvcdk.app.compliance.ValidationReport;

/** The five cdk-nag packs over each tenant's whole app, and the acknowledgement register that answers them. */
@ParameterizedClass(name = "{0}")
@EnumSource(Tenant.class)
class NagComplianceTest {

    /** The plugin name of CDK's built-in CloudFormation validation in {@code validation-report.json}. */
    private static final String CLOUDFORMATION_VALIDATE = "CloudFormation Validate";

    private final SynthesizedApp app;

    NagComplianceTest(Tenant tenant) {
        this.app = SynthesizedApp.acknowledged(tenant);
    }

    @Test
    void theFivePacksLeaveNoUnacknowledgedFindingInAnyStack() {
        // GIVEN the app as cdk synth builds it WHEN its validation report is read
        var report = app.report;
        // THEN no pack reports anything and none failed to run
        assertThat(report.pluginFailures()).as("validation plugins that failed").isEmpty();
        assertThat(report.findingsOf(NagPacks.NAMES)).as(report.summary(NagPacks.NAMES)).isEmpty();
    }

    @Test
    void everyFindingIsAcknowledgedOnItsOwnConstruct() {
        // GIVEN the app as cdk synth builds it WHEN its validation report is read
        var report = app.report;
        // THEN CDK suppressed nothing by an acknowledgement of another construct (it matches finding ids app-wide):
        // each acknowledged finding is answered where it is, and a new finding with the same id elsewhere would fail
        assertThat(report.acknowledgedElsewhere()).as("findings acknowledged only on another construct").isEmpty();
    }

    @Test
    void cloudFormationValidationFindsNothingUnacknowledgedInAnyStack() {
        // GIVEN the app synthesized as the suite does: CDK's built-in CloudFormation validation on (cdk.json turns
        // it off for `cdk synth`, where it would double the time; it checks templates, which this suite pins)
        ValidationReport report = app.report;
        // WHEN its findings are read THEN it ran and reports nothing: warnings included, which CDK would only print
        assertThat(report.pluginNames()).as("plugins that reported").contains(CLOUDFORMATION_VALIDATE);
        assertThat(report.findingsOf(List.of(CLOUDFORMATION_VALIDATE)))
                .as(report.summary(List.of(CLOUDFORMATION_VALIDATE))).isEmpty();
    }

    @Test
    void theReportCoversEveryStackOfTheApp() {
        // The packs walk the whole construct tree: every stack of the tenant must be in it.
        ScvApp.Composition composition = app.composition;
        assertThat(app.templates.keySet())
                .containsExactlyInAnyOrderElementsOf(composition.allStacks().stream()
                        .map(s -> s.getNode().getId()).toList())
                .contains(ScvApp.ACCOUNT_STACK_ID);
    }

    @Test
    void everyAcknowledgementStillMatchesAFinding() {
        // GIVEN where each register entry was applied in the app
        List<NagAcknowledgements.Applied> applied = app.composition.acknowledgements();
        assertThat(applied.stream().map(NagAcknowledgements.Applied::entry).distinct().toList())
                .containsExactlyElementsOf(NagAcknowledgements.REGISTER.stream()
                        .filter(entry -> entry.appliesTo(app.config.config()))
                        .toList());
        // WHEN compared with the raw findings of the same app without acknowledgements (synthesized only if needed)
        List<NagAcknowledgements.Applied> stale = applied.isEmpty() ? List.of()
                : NagAcknowledgements.stale(applied, SynthesizedApp.raw(app.tenant).report.findings());
        // THEN each entry covers a finding that exists: a stale entry would silently hide a future one
        assertThat(stale).as("acknowledgements that match no finding; remove or correct them").isEmpty();
    }
}
