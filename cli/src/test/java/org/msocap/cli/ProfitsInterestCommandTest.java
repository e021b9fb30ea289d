package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LLC profits interests on the command line: a mistake is one located line and exit 3; waterfalls pay them. */
class ProfitsInterestCommandTest {

    @TempDir
    Path dir;

    private static final Path DERM = CliRun.EXAMPLES.resolve("pe-derm-holdco.yaml");

    private static final String HEAD = "msocap: 1\nventure: Test\npeople:\n  - {id: alice, name: Alice}\n  - {id: ceo, name: CEO}\n"
            + "mso:\n  form: llc\n  classes:\n    - {id: common-units, type: common}\n"
            + "    - {id: incentive, type: profits-interest}\n  holdings:\n"
            + "    - {holder: alice, class: common-units, shares: 900}\n";

    @Test
    void neitherThresholdNorHurdleExitsThreeWithOneLocatedLine() throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, HEAD + "    - {holder: ceo, class: incentive, shares: 100}\n");
        CliRun run = CliRun.of("validate", f.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(f + ":13:7: mso.holdings[1].threshold: holding of profits-interest class incentive by ceo "
                + "needs a threshold").doesNotContain("\tat ");
    }

    @Test
    void waterfallJsonPaysTheHurdleExample() throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, HEAD + "    - {holder: ceo, class: incentive, shares: 100, hurdle: 1M}\n");
        CliRun run = CliRun.of("waterfall", f.toString(), "--exit", "1.5M", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"id\" : \"incentive\"").contains("\"kind\" : \"profits-interest\"")
                .contains("\"payout\" : \"50000.00\"").contains("\"payout\" : \"1450000.00\"");
    }

    @Test
    void breakpointsShowWhereEachSeriesStartsToShare() {
        CliRun run = CliRun.of("breakpoints", DERM.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Series 1 Incentive");
    }
}
