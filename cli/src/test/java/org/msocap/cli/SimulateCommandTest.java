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
                .contains("series-a").contains("options").contains("carve-out")
                .contains("By holder category").contains("clinician").contains("entity")
                .contains("Largest holders by mean payout")
                .contains("Enterprise value distribution")
                .contains("P(< cost)");
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
    void aModelWithoutSimulationSectionIsAnInvalidModel() throws IOException {
        String text = Files.readString(CliRun.TELEHEALTH);
        Path file = dir.resolve("no-sim.yaml");
        Files.writeString(file, text.substring(0, text.indexOf("\nsimulation:")) + "\n");
        CliRun run = CliRun.of("simulate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).contains("simulation");
    }
}
