package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileItReportsOnTheBundledExample() {
        CliRun run = CliRun.of("report", "-o", dir.toString(), "--runs", "200");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Sunrise Telehealth — msocap report as of 2026-01-01 (USD)\nmsocap is a modeling tool, not legal advice.")
                .contains("sunrise-telehealth.yaml (bundled example): valid")
                .contains("Simulation: 200 runs, seed 42");
        assertThat(dir.resolve("sunrise-telehealth.xlsx")).exists();
    }

    @Test
    void theSummaryAccountsForEveryFindingSaysWhatItCouldNotDoAndWhereTheWorkbookIs() {
        CliRun run = CliRun.of("report", "-o", dir.toString(), "--runs", "100", "--runs-sheet", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 17 findings: five named, the other twelve counted by severity.
        assertThat(run.out()).contains("… and 13 more (7 high, 6 medium): see msocap check")
                .contains("Could not: Compliance: ")
                .contains("Workbook   " + dir.resolve("sunrise-telehealth.xlsx"));
        // The exit table labels each column as computed: equity (escrow included), paid at close, expected total.
        assertThat(run.out()).contains("equity proceeds", "paid at close", "expected total")
                .doesNotContain("Exit scenarios (paid at close;");
    }

    @Test
    void theSummaryNamesPeoplePracticesAndAgreementsAsTheWorkbookDoesNotByTheirModelIds() {
        CliRun bundled = CliRun.of("report", "--no-workbook", "--runs", "100");
        assertThat(bundled.exitCode()).as(bundled.err()).isZero();
        assertThat(bundled.out())
                .contains("critical CTRL-01 Management services agreement — Sunrise Medical of New York, P.C.: MSA gives the MSO")
                .contains("high CTRL-04 Practice: Sunrise Medical Group of California, P.C.: Stock transfer restriction")
                .doesNotContain("msa-ny", "sunrise-ca", "practice sunrise", "agreement msa");
        // After a Series A and a recap: the finding's clinician and every person of the realized totals by name.
        CliRun series = CliRun.of("report", CliRun.EXAMPLES.resolve("telehealth-series-a.yaml").toString(), "--no-workbook",
                "--runs", "100");
        assertThat(series.exitCode()).as(series.err()).isZero();
        assertThat(series.out()).contains("medium COI-02 Grace Lee, MD: Clinician sits on both sides of the MSA")
                .contains("Granite Peak Health Partners II, LP").contains("Maya Patel")
                .doesNotContain("dr-lee", "lumen-pc", "msa-lumen", "granite-peak", "person dr-");
    }

    @Test
    void theSummaryNamesAnExitValuedPastTheProjection() throws Exception {
        Path model = dir.resolve("late-exit.yaml");
        String glow = Files.readString(CliRun.EXAMPLES.resolve("glow-medical-spa.yaml"));
        assertThat(glow).contains("    date: 2030-12-31\n    ebitdaMultiple: 6");
        Files.writeString(model, glow.replace("    date: 2030-12-31\n    ebitdaMultiple: 6", "    date: 2032-06-30\n    ebitdaMultiple: 6"));
        CliRun run = CliRun.of("report", model.toString(), "-o", dir.toString(), "--runs", "100", "--runs-sheet", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Could not: Exit scenario 'Sale to a regional chain' on 2032-06-30 falls past the projection: "
                + "it is valued at 6× TTM EBITDA (projected past the model's projection, which ends 2030-12-31");
        // The bundled example's simulated exit dates can fall past its projection: the summary says so, not only stderr.
        CliRun bundled = CliRun.of("report", "-o", dir.toString(), "--runs", "100", "--runs-sheet", "0");
        assertThat(bundled.out()).contains("Could not: Simulation: simulated exit dates can fall after the projection");
    }

    @Test
    void badRunsSheetIsAUsageError() {
        CliRun run = CliRun.of("report", "--runs-sheet", "-1", "--no-workbook");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--runs-sheet must be a whole number from 0 to 1,048,575 but was -1");
        // More rows than a sheet holds is refused up front, not an internal error deep in the export.
        CliRun tooMany = CliRun.of("export", CliRun.EXAMPLES.resolve("glow-medical-spa.yaml").toString(), "-o", "never.xlsx",
                "--runs-sheet", "1048576");
        assertThat(tooMany.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tooMany.err()).contains("--runs-sheet must be a whole number from 0 to 1,048,575 but was 1048576");
        assertThat(java.nio.file.Path.of("never.xlsx")).doesNotExist();
    }

    @Test
    void aSecondReportReplacesTheFirstButNeverTheModel() throws Exception {
        assertThat(CliRun.of("report", CliRun.TELEHEALTH.toString(), "-o", dir.toString(), "--runs", "100").exitCode()).isZero();
        assertThat(CliRun.of("report", CliRun.TELEHEALTH.toString(), "-o", dir.toString(), "--runs", "100").exitCode()).isZero();
        // A model whose report would land on the model itself: refused, the model untouched.
        Path model = dir.resolve("m.xlsx");
        Files.copy(CliRun.TELEHEALTH, model);
        byte[] before = Files.readAllBytes(model);
        CliRun clash = CliRun.of("report", model.toString(), "-o", dir.toString(), "--runs", "100");
        assertThat(clash.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(clash.err()).contains(model.toString());
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void moreRunsThanTheSimulatorCanKeepIsAUsageErrorAsInSimulate() throws java.io.IOException {
        // It was "internal error: java.lang.IllegalArgumentException: keeping 8 series ..." (exit 1) in report and export.
        Path workbook = dir.resolve("big.xlsx");
        for (String[] args : new String[][] {{"report", CliRun.TELEHEALTH.toString(), "-o", dir.toString()},
                {"export", CliRun.TELEHEALTH.toString(), "-o", workbook.toString()},
                {"simulate", CliRun.TELEHEALTH.toString(), "-o", dir.resolve("runs.csv").toString()}}) {
            String[] withRuns = java.util.Arrays.copyOf(args, args.length + 2);
            withRuns[args.length] = "--runs";
            withRuns[args.length + 1] = "2000000000";
            CliRun run = CliRun.of(withRuns);
            assertThat(run.exitCode()).as(args[0] + ": " + run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(args[0]).containsPattern("(?m)^msocap: keeping \\d+ series of 2,000,000,000 runs for exact "
                    + "percentiles can take up to [\\d,]+ MiB, more than .*larger heap .*$").doesNotContain("internal error", "Exception");
        }
        try (var written = Files.list(dir)) {
            assertThat(written).as("nothing written").isEmpty();
        }
    }

    @Test
    void badRunsIsAUsageError() {
        CliRun run = CliRun.of("report", "--runs", "0", "--no-workbook");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--runs must be a whole number from 1 to 2,147,483,647 but was 0");
    }

    @Test
    void anInvalidModelExitsThree() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "msocap: 1\nventure: X\n");
        CliRun run = CliRun.of("report", bad.toString(), "-o", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).startsWith("msocap: invalid model: " + bad + ":");
        assertThat(dir.resolve("bad.xlsx")).doesNotExist();
    }
}
