package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeesCommandTest {

    private static final String GLOW = CliRun.EXAMPLES.resolve("glow-medical-spa.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void printsTheMsoThePracticesTheMeasuresAndTheExits() {
        CliRun run = CliRun.of("fees", GLOW);
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        // Year 1: fee 12 × 55,000 = 660,000; MSO costs 420,000; EBITDA 240,000.
        // 2030: 6 × TTM EBITDA 237,175.92 = 1,423,055.52, less net debt 150,000 (hand-checked in core's FeeExamplesTest).
        assertThat(run.out())
                .contains("Glow Aesthetics — MSO by year (USD)")
                .containsPattern("2026 +660,000.00 +420,000.00 +240,000.00")
                .contains("Practice Glow Medical Aesthetics, P.A. under its management services agreement (55,000.00/month +2.5%/yr)")
                .containsPattern("Glow Medical Aesthetics, P.A. +Management services agreement +fixed ")
                .as("the practice and agreement by name, as the workbook; CSV keeps the ids").doesNotContain("glow-pa")
                .contains("Fee measures over the projection")
                .contains("0 of 5")
                .containsPattern("Sale to a regional chain +2030-12-31 +ebitda-multiple +728,516.52 +[0-9,]+\\.[0-9]{2} +237,175.92 +6× EBITDA "
                        + "+1,423,055.52 "
                        + "+150,000.00 +1,273,055.52")
                .doesNotContain("Fee bases for");
    }

    @Test
    void jsonByQuarterWithBasisComparison() {
        CliRun run = CliRun.of("fees", GLOW, "--period", "quarter", "--compare-bases", "--format", "json");
        assertThat(run.exitCode()).isZero();
        // Q1 2026: 3 × 55,000 = 165,000 of fees, 105,000 of MSO costs.
        assertThat(run.out())
                .contains("\"period\" : \"quarter\"")
                .contains("\"period\" : \"2026-Q1\"")
                .contains("\"revenue\" : \"165000.00\"")
                .contains("\"costs\" : \"105000.00\"")
                .contains("\"enterpriseValue\" : \"1423055.52\"")
                .contains("\"basisComparisons\"")
                .contains("\"source\" : \"equivalent\"")
                .contains("\"disclaimer\"");
    }

    @Test
    void csvHasOneSectionPerTable() {
        CliRun run = CliRun.of("fees", GLOW, "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("# Glow Aesthetics — MSO by year (USD)\n"
                + "year,revenue (fees),costs,EBITDA\n"
                + "2026,660000.00,420000.00,240000.00\n");
        assertThat(run.out()).contains("# Fee measures over the projection\n");
    }

    @Test
    void aModelWithoutFinancialsIsAUsageErrorNotAnInvalidModel() throws IOException {
        // validate accepts the file (the section is optional): fees says what it needs, not where the file is wrong.
        Path file = dir.resolve("bare.yaml");
        Files.writeString(file, "msocap: 1\nventure: Bare\npeople:\n  - {id: alice, name: Alice}\n"
                + "mso:\n  classes:\n    - {id: common, type: common}\n  holdings:\n    - {holder: alice, class: common, shares: 10}\n");
        assertThat(CliRun.of("validate", file.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("fees", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("msocap: nothing to project: the file has no financials: section (start, years, practices, "
                + "mso), which fees projects collections and the management fee from\n");
        assertThat(run.out()).isEmpty();
        CliRun simulate = CliRun.of("simulate", file.toString());
        assertThat(simulate.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(simulate.err()).isEqualTo("msocap: nothing to simulate: the file has no simulation: section (runs, seed and the "
                + "drivers' distributions)\n");
        assertThat(simulate.out()).isEmpty();
    }

    @Test
    void anUnknownPeriodIsAUsageError() {
        CliRun run = CliRun.of("fees", GLOW, "--period", "week");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("period must be month, quarter or year but was 'week'");
    }

    /** Issue 16: a revenue multiple says whose revenue it applies to; platform means the practices' collections. */
    @Test
    void aRevenueMultipleSaysItsBasis(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platform.yaml");
        String yaml = Files.readString(CliRun.TELEHEALTH);
        Files.writeString(file, yaml.replaceFirst("  - name: Strategic sale\n    date: 2030-12-31\n    ebitdaMultiple: 12",
                "  - name: Strategic sale\n    date: 2030-12-31\n    revenueMultiple: 2\n    revenueBasis: platform"));
        CliRun run = CliRun.of("fees", file.toString(), "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"revenueBasis\" : \"platform\"")
                .contains("\"basis\" : \"2× TTM platform revenue (practice collections)\"");
        CliRun table = CliRun.of("fees", file.toString());
        assertThat(table.out()).contains("2× platform revenue");
        CliRun waterfall = CliRun.of("waterfall", file.toString(), "--scenario", "Strategic sale");
        assertThat(waterfall.out()).contains("(2× TTM platform revenue (practice collections))");
    }
}
