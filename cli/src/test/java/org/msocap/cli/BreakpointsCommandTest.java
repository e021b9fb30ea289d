package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakpointsCommandTest {

    @Test
    void printsTheRangesAndWhoSharesEachFurtherDollar() {
        CliRun run = CliRun.of("breakpoints", CliRun.TELEHEALTH.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        // The note (debt, paid first) takes the first dollars alone, up to its principal and interest.
        assertThat(run.out()).contains("who shares each further dollar")
                .containsPattern("\\s0\\s+109,517\\.8082\\s+Convertible note — Marcus Lee 100\\.00%")
                .as("the workbook's names, not the claimant ids").doesNotContain("note:angel-two").doesNotContain("safe:angel")
                .contains("and above");
    }

    @Test
    void jsonListsExactBreakpointsAndMarginalShares() {
        CliRun run = CliRun.of("breakpoints", CliRun.TELEHEALTH.toString(), "--format", "json", "--scenario", "Platform sale");
        assertThat(run.exitCode()).isZero();
        // On the sale date (2029-06-30) the note owes 100,000 + 6% simple interest over 1,855 days = 130,493.15...
        assertThat(run.out()).contains("\"breakpoints\" : [ \"130493.1506849315\"").contains("\"marginalShares\"");
    }

    /**
     * derm-recap-second-bite: on asOf the practice's common stock takes every dollar; on a date after the 2027-06-30 recap
     * the holding company's Class A Preferred Units take the first dollars and the incentive units share above their
     * hurdle, the cap table in force then, in the LLC's words.
     */
    @Test
    void dateChoosesTheCapTableInForce() {
        String derm = CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml").toString();
        CliRun before = CliRun.of("breakpoints", derm);
        CliRun after = CliRun.of("breakpoints", derm, "--date", "2030-12-31");
        assertThat(before.exitCode()).isZero();
        assertThat(after.exitCode()).isZero();
        assertThat(before.out()).contains("Common 100.00%").doesNotContain("Class A");
        assertThat(after.out()).contains("Class A Preferred Units 100.00%").contains("Management Incentive Units")
                .doesNotContain("Common 100.00%")
                .as("the recap is into an LLC holding company").contains("equity proceeds to the members");
        assertThat(CliRun.of("breakpoints", derm, "--date", "2030-12-31", "--scenario", "Flat sale at the recap's value").out())
                .as("--date wins over the scenario's date").isEqualTo(after.out());
    }

    /** The title names the day whose cap table it shows, as captable --at does; JSON says it too. */
    @Test
    void theTitleNamesTheDateInForce() {
        String derm = CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml").toString();
        assertThat(CliRun.of("breakpoints", derm).out().lines().findFirst().orElseThrow())
                .isEqualTo("Peachtree Dermatology Partners — waterfall breakpoints (equity proceeds to the "
                        + "stockholders and other holders) in force on 2026-01-01");
        assertThat(CliRun.of("breakpoints", derm, "--date", "2030-12-31").out().lines().findFirst().orElseThrow())
                .isEqualTo("Peachtree Dermatology Partners — waterfall breakpoints (equity proceeds to the "
                        + "members and other holders) in force on 2030-12-31");
        assertThat(CliRun.of("breakpoints", derm, "--date", "2030-12-31", "--format", "json").out())
                .contains("\"date\" : \"2030-12-31\"");
    }

    @Test
    void aDateThatIsNotOneIsAUsageError() {
        CliRun run = CliRun.of("breakpoints", CliRun.TELEHEALTH.toString(), "--date", "2030-02-30");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("2030-02-30").doesNotContain("Exception");
    }
}
