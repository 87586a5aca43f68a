package dev.scvcdk.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.cdklabs.cdknag.NagPack;
import software.amazon.awscdk.App;

class NagPacksTest {

    @Test
    void theFivePacksReportUnderTheNamesTheReportIsFilteredBy() {
        // The report is filtered by plugin name: a wrong name would silently drop a pack's findings.
        assertThat(NagPacks.create(new App())).extracting(NagPack::getName).containsExactlyElementsOf(NagPacks.NAMES);
    }
}
