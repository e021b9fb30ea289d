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
                .containsPattern("\\s0\\s+109,517\\.8082\\s+note:angel-two 100\\.00%")
                .contains("and above");
    }

    @Test
    void jsonListsExactBreakpointsAndMarginalShares() {
        CliRun run = CliRun.of("breakpoints", CliRun.TELEHEALTH.toString(), "--format", "json", "--scenario", "Platform sale");
        assertThat(run.exitCode()).isZero();
        // On the sale date (2029-06-30) the note owes 100,000 + 6% simple interest over 1,855 days = 130,493.15...
        assertThat(run.out()).contains("\"breakpoints\" : [ \"130493.1506849315\"").contains("\"marginalShares\"");
    }
}
