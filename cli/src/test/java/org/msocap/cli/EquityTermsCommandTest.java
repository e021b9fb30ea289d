package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13: an LLC's outputs speak of units and members, a corporation's of shares and stockholders (PRODUCT.md §7). */
class EquityTermsCommandTest {

    private static final String LLC = CliRun.EXAMPLES.resolve("physician-led-llc.yaml").toString();
    private static final String CORPORATION = CliRun.EXAMPLES.resolve("functional-medicine.yaml").toString();

    @Test
    void captableCountsUnitsOrShares() {
        assertThat(CliRun.of("captable", LLC).out()).contains("MSO fully diluted cap table (units)")
                .containsPattern("security +units +as-converted");
        assertThat(CliRun.of("captable", CORPORATION).out()).contains("MSO fully diluted cap table (shares)")
                .containsPattern("security +shares +as-converted");
    }

    /** A corporation recapitalised into an LLC holding company: proforma's table after the recap counts units. */
    @Test
    void proformaCountsTheHoldcosUnitsAfterARecapIntoAnLlc() {
        String out = CliRun.of("proforma", CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml").toString()).out();
        String before = out.substring(out.indexOf("— cap table before"), out.indexOf("— cap table after"));
        String after = out.substring(out.indexOf("— cap table after"));
        assertThat(before).containsPattern("security +shares +as-converted");
        assertThat(after).containsPattern("security +units +as-converted");
    }

    @Test
    void waterfallNamesMembersOrStockholders() {
        CliRun llc = CliRun.of("waterfall", LLC, "--exit", "30M");
        assertThat(llc.exitCode()).as(llc.err()).isZero();
        assertThat(llc.out()).contains("Classes of units\n").contains("Members and other holders\n")
                .doesNotContain("tockholder").doesNotContain("of stock");
        CliRun corporation = CliRun.of("waterfall", CORPORATION, "--exit", "30M");
        assertThat(corporation.out()).contains("Classes of stock\n").contains("Stockholders and other holders\n")
                .doesNotContain("Members").doesNotContain("of units");
    }

    @Test
    void breakpointsAndReportSayWhoseProceedsTheyAre() {
        assertThat(CliRun.of("breakpoints", LLC).out()).contains("(equity proceeds to the members and other holders)");
        assertThat(CliRun.of("breakpoints", CORPORATION).out()).contains("(equity proceeds to the stockholders and other holders)");
        CliRun llc = CliRun.of("report", LLC, "--no-workbook", "--runs", "200");
        assertThat(llc.exitCode()).as(llc.err()).isZero();
        assertThat(llc.out()).contains(" classes of units, ").contains("MSO units fully diluted: ");
        CliRun corporation = CliRun.of("report", CORPORATION, "--no-workbook", "--runs", "200");
        assertThat(corporation.out()).contains(" classes of stock, ").contains("MSO shares fully diluted: ");
    }
}
