package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Performance vesting on the command line (PRODUCT.md §7.4): each mistake is one located line and exit 3; waterfall,
 * breakpoints (table, JSON, CSV with the jumps) and captable show it.
 */
class PerformanceVestingCommandTest {

    @TempDir
    Path dir;

    private static final Path DERM = CliRun.EXAMPLES.resolve("pe-derm-holdco.yaml");

    /** The fund's 900 common units cost 9M; the CEO's 100 incentive units vest half at 2×, all at 3×. */
    private static final String HEAD = "msocap: 1\nventure: Test\npeople:\n  - {id: fund, name: Fund, type: entity}\n"
            + "  - {id: ceo, name: CEO}\n"
            + "mso:\n  form: llc\n  classes:\n    - {id: common-units, type: common}\n"
            + "    - {id: incentive, type: profits-interest}\n  holdings:\n"
            + "    - {holder: fund, class: common-units, shares: 900, cost: 9M}\n";

    private static final String RATCHET = "moic: [{at: 2.0, vests: 0.5}, {at: 3.0, vests: 1.0}]";

    private CliRun validate(String holding) throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, HEAD + holding);
        return CliRun.of("validate", f.toString());
    }

    private void assertInvalid(CliRun run, String where, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(dir.resolve("m.yaml") + ":" + where).contains(message).doesNotContain("\tat ");
    }

    @Test
    void aClassThatDoesNotExist() throws IOException {
        assertInvalid(validate("    - {holder: ceo, class: incentive, shares: 100, threshold: 0,\n"
                        + "       performanceVesting: {class: class-z, " + RATCHET + "}}\n"),
                "14:", "mso.holdings[1].performanceVesting.class: unknown class 'class-z'");
    }

    @Test
    void levelsNotStrictlyIncreasing() throws IOException {
        assertInvalid(validate("    - {holder: ceo, class: incentive, shares: 100, threshold: 0,\n"
                        + "       performanceVesting: {class: common-units, moic: [{at: 2.0, vests: 0.5}, {at: 2.0, vests: 1.0}]}}\n"),
                "14:", "mso.holdings[1].performanceVesting.moic[1].at: MOIC levels must be strictly increasing");
        assertInvalid(validate("    - {holder: ceo, class: incentive, shares: 100, threshold: 0,\n"
                        + "       performanceVesting: {class: common-units, moic: [{at: 2.0, vests: 0.5}, {at: 3.0, vests: 0.5}]}}\n"),
                "14:", "mso.holdings[1].performanceVesting.moic[1].vests: each MOIC level must vest more");
    }

    @Test
    void vestsOutsideZeroToOne() throws IOException {
        assertInvalid(validate("    - {holder: ceo, class: incentive, shares: 100, threshold: 0,\n"
                        + "       performanceVesting: {class: common-units, moic: [{at: 2.0, vests: 1.5}]}}\n"),
                "14:", "mso.holdings[1].performanceVesting.moic[0].vests: vests is the fraction of the units that vests: it must be in (0, 1]");
    }

    @Test
    void onAHoldingThatIsNotAProfitsInterest() throws IOException {
        assertInvalid(validate("    - {holder: ceo, class: common-units, shares: 100, cost: 1,\n"
                        + "       performanceVesting: {class: common-units, " + RATCHET + "}}\n"),
                "14:", "mso.holdings[1].performanceVesting: performanceVesting applies only to holdings of profits-interest classes");
    }

    @Test
    void aClassThatCostNothing() throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, HEAD.replace(", cost: 9M", "") + "    - {holder: ceo, class: incentive, shares: 100, threshold: 0,\n"
                + "       performanceVesting: {class: common-units, " + RATCHET + "}}\n");
        assertInvalid(CliRun.of("validate", f.toString()), "14:",
                "mso.holdings[1].performanceVesting.class: performance vesting tests the MOIC of class common-units, but its holdings cost nothing");
    }

    @Test
    void waterfallPaysTheLevelThatHoldsAndBreakpointsListTheJumps() throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, HEAD + "    - {holder: ceo, class: incentive, shares: 100, threshold: 0,\n"
                + "       performanceVesting: {class: common-units, " + RATCHET + "}}\n");
        CliRun run = CliRun.of("waterfall", f.toString(), "--exit", "28.5M", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 28.5M: all vested would leave the fund 2.85× (< 3×); half vested leaves it 3× (≥ 2×).
        assertThat(run.out()).contains("\"payout\" : \"1500000.00\"").contains("\"payout\" : \"27000000.00\"");

        CliRun table = CliRun.of("breakpoints", f.toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Jumps: performance-vested units vest")
                .contains("19,000,000.00  ceo 0% → 50% of 100 units (Common Units MOIC ≥ 2×)")
                .contains("30,000,000.00  ceo 50% → 100% of 100 units (Common Units MOIC ≥ 3×)");
        CliRun json = CliRun.of("breakpoints", f.toString(), "--format", "json");
        assertThat(json.out()).contains("\"jumps\" : [ {").contains("\"at\" : \"19000000.00\"")
                .contains("\"vestedBefore\" : \"0\"").contains("\"vestedAfter\" : \"0.5\"")
                .contains("\"common-units\" : \"18999999.99\"").contains("\"common-units\" : \"18000000.00\"");
        CliRun csv = CliRun.of("breakpoints", f.toString(), "--format", "csv");
        assertThat(csv.out()).contains("# Jumps: performance-vested units vest").contains("18999999.99")
                .as("CSV keeps the ids").contains("ceo 0% → 50% of 100 units (common-units MOIC ≥ 2×)");
    }

    @Test
    void waterfallAndReportSayWhatVestedAtEachExit() {
        CliRun run = CliRun.of("waterfall", DERM.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Performance vesting at this exit (the tested class's MOIC with the units vested)")
                .contains("elena   Class A       2.29x  2×: 50%           750 of 1,500")
                .contains("elena   Class A       1.68x  none (below 2×)     0 of 1,500");
        CliRun json = CliRun.of("waterfall", DERM.toString(), "--format", "json");
        assertThat(json.out()).contains("\"performanceVesting\" : [ {").contains("\"unitsVested\" : 750");
        CliRun report = CliRun.of("report", DERM.toString(), "--no-workbook");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("Vesting    Sale to a larger platform: Elena Vasquez 50%, 750 of 1,500 units (Class A 2.29x)")
                .contains("Vesting    Secondary buyout below the hurdle: Elena Vasquez 0%, 0 of 1,500 units (Class A 1.68x)");
    }

    @Test
    void captableShowsThePerformanceTerms() {
        CliRun run = CliRun.of("captable", DERM.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("performance-vested: 50% at Class A MOIC 2×, 100% at 3×");
        CliRun json = CliRun.of("captable", DERM.toString(), "--format", "json");
        assertThat(json.out()).contains("\"performanceVesting\"").contains("\"class\" : \"class-a\"");
    }
}
