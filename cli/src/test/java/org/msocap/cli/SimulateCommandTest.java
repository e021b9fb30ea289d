package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private static final String TELEHEALTH = CliRun.TELEHEALTH.toString();

    @TempDir
    Path dir;

    @Test
    void printsStatisticsPerClassCategoryAndLargestHolders() {
        CliRun run = CliRun.of("simulate", TELEHEALTH, "--runs", "400", "--seed", "7", "--threads", "2", "--holders", "top:3");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        // The example's exit dates run to 2031-12-31, past its projection (2026 + 5 years): said once, on stderr (issue 16).
        assertThat(run.err()).isEqualTo("msocap: warning: simulated exit dates can fall after the projection, which ends "
                + "2030-12-31 (financials.years); those sales are valued on months projected further at the same growth rates\n");
        assertThat(run.out())
                .contains("Sunrise Telehealth — 400 runs, seed 7")
                .contains("by class")
                .contains("Series A").contains("Options").contains("SAFEs").contains("Management carve-out")
                .contains("By holder category").contains("clinician").contains("entity")
                .contains("Largest holders by mean payout")
                .contains("Enterprise value distribution")
                .contains("P(< cost)");
    }

    /** Issue 16: with a carve-out, each listed holder's mean is split into payout from equity and carve-out. */
    @Test
    void showsEachHoldersCarveOutBesideTheTotal() {
        CliRun table = CliRun.of("simulate", TELEHEALTH, "--runs", "400", "--seed", "7", "--threads", "2", "--holders", "top:3");
        assertThat(table.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(table.out()).contains("Largest holders by mean payout (total = payout from equity + carve-out)")
                .containsPattern("holder +mean payout +mean carve-out +mean total +sd")
                // alice, the carve-out's recipient: 3,911,472.39 from equity + 93,445.00 carve-out.
                .containsPattern("alice +3,911,472\\.39 +93,445\\.00 +4,004,917\\.39 ")
                .containsPattern("harbor-fund +([0-9,.]+) +0\\.00 +\\1 ");

        CliRun json = CliRun.of("simulate", TELEHEALTH, "--runs", "400", "--seed", "7", "--threads", "2", "--holders", "top:3",
                "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).containsPattern("\"id\" : \"alice\",\\s+\"runs\" : 400,\\s+\"cost\" : \"400.00\",\\s+"
                + "\"meanPayout\" : \"3911472.39\",\\s+\"meanCarveOut\" : \"93445.00\",\\s+\"mean\" : \"4004917.39\"");
        // Only the holders carry the split; classes and categories keep their shape.
        String holders = json.out().substring(json.out().indexOf("\"holders\""), json.out().indexOf("\"values\""));
        assertThat(json.out().split("\"meanCarveOut\"", -1)).hasSize(4);
        assertThat(holders.split("\"meanCarveOut\"", -1)).hasSize(4);

        CliRun csv = CliRun.of("simulate", TELEHEALTH, "--runs", "400", "--seed", "7", "--threads", "2", "--holders", "top:3",
                "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out()).contains("holder,mean payout,mean carve-out,mean total,sd,")
                .containsPattern("(?m)^alice,3911472\\.39,93445\\.00,4004917\\.39,");
    }

    @Test
    void withoutACarveOutTheHoldersShowOneMean() {
        CliRun run = CliRun.of("simulate", CliRun.EXAMPLES.resolve("functional-medicine.yaml").toString(), "--runs", "200",
                "--seed", "7", "--threads", "1", "--holders", "top:3", "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"holders\"").doesNotContain("meanCarveOut").doesNotContain("meanPayout");
        CliRun table = CliRun.of("simulate", CliRun.EXAMPLES.resolve("functional-medicine.yaml").toString(), "--runs", "200",
                "--seed", "7", "--threads", "1", "--holders", "top:3");
        assertThat(table.out()).contains("Largest holders by mean payout\n").doesNotContain("mean carve-out");
    }

    @Test
    void theSameSeedPrintsTheSameNumbersWithOneOrTwoThreads() {
        CliRun one = CliRun.of("simulate", TELEHEALTH, "--runs", "300", "--seed", "3", "--threads", "1", "--format", "json");
        CliRun two = CliRun.of("simulate", TELEHEALTH, "--runs", "300", "--seed", "3", "--threads", "2", "--format", "json");
        assertThat(one.exitCode()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(one.out()).contains("\"runs\" : 300").contains("\"classes\"").contains("\"probabilityBelowCost\"")
                .contains("\"enterpriseValueHistogram\"");
    }

    @Test
    void writesTheSampledRunsAsCsv() throws IOException {
        Path csv = dir.resolve("runs.csv");
        CliRun run = CliRun.of("simulate", TELEHEALTH, "--runs", "200", "--sample", "50", "-o", csv.toString(), "--format", "csv");
        assertThat(run.exitCode()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(51);
        assertThat(lines.get(0)).startsWith("run,exitDate,ebitdaMultiple,collectionsGrowth").contains("class:series-a", "category:lay");
        assertThat(lines.get(1)).startsWith("0,");
        assertThat(run.out()).contains("# By holder category");
    }

    @Test
    void badHoldersOptionIsAUsageError() {
        CliRun run = CliRun.of("simulate", TELEHEALTH, "--holders", "biggest");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--holders expects top:N or all");
    }

    @Test
    void aModelWithoutSimulationSectionIsAUsageError() throws IOException {
        String text = Files.readString(CliRun.TELEHEALTH);
        Path file = dir.resolve("no-sim.yaml");
        Files.writeString(file, text.substring(0, text.indexOf("\nsimulation:")) + "\n");
        CliRun run = CliRun.of("simulate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("msocap: nothing to simulate: the file has no simulation: section (runs, seed and the "
                + "drivers' distributions)\n");
    }
}
