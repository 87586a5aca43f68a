package dev.scvcdk.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.cdklabs.cdknag.NagPack;
import software.amazon.awscdk.App;

class NagPacksTest {

    @Test
    void theFivePacksAreNamedAsTheReportAttributesTheirFindings() {
        // The report attributes a finding to the pack its rule id names: a wrong name would drop a pack's findings.
        assertThat(NagPacks.create(new App())).extracting(NagPack::getName).containsExactlyElementsOf(NagPacks.NAMES);
    }

    @Test
    void aRuleIdNamesItsPack() {
        assertThat(NagPacks.packOf("AwsSolutions-IAM5[Resource::*]")).isEqualTo("AwsSolutions");
        assertThat(NagPacks.packOf("HIPAA.Security-IAMNoInlinePolicy")).isEqualTo("HIPAA.Security");
        assertThat(NagPacks.packOf("NIST.800.53.R5-LambdaConcurrency")).isEqualTo("NIST.800.53.R5");
        // a prefix without the pack's hyphen is not the pack
        assertThat(NagPacks.packOf("AwsSolutionsX-1")).isNull();
        assertThat(NagPacks.packOf("CloudFormation-Validate::E3002")).isNull();
    }
}
