package org.msocap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msocap.cli.Main;
import org.msocap.compliance.ComplianceChecker;
import org.msocap.compliance.FeeMetricsSource;
import org.msocap.io.VentureReader;
import org.msocap.model.ExitScenario;
import org.msocap.model.HolderCategory;
import org.msocap.model.Venture;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.deal.DealExit;
import org.msocap.deal.Timeline;

/**
 * {@code msocap report} on every example: it exits 0, writes the workbook, and the numbers it prints
 * are the engines' numbers (each exit scenario's enterprise value, equity and payout by category; the
 * count of findings).
 */
class ReportEveryExampleTest {

    @TempDir
    Path out;

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("ventures"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void reportAgreesWithTheEngines(Path model) throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.run(new String[] {"report", model.toString(), "-o", out.toString(), "--runs", "300"},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        String summary = stdout.toString();
        assertThat(code).as(stderr.toString()).isZero();
        // Only the warning that simulated exit dates can fall past the projection (issue 16) may appear on stderr.
        assertThat(stderr.toString().lines()).allMatch(l -> l.startsWith("msocap: warning: simulated exit dates can fall after "
                + "the projection"));
        assertThat(summary).contains("msocap is a modeling tool, not legal advice.");

        Venture venture = VentureReader.read(model);
        // Each exit is paid through the cap table and net debt in force at its date (after any deal events).
        Timeline timeline = Timeline.of(venture);
        for (ExitScenario exit : venture.exits()) {
            java.time.LocalDate when = exit.date() != null ? exit.date() : venture.asOf();
            ExitWaterfall w = DealExit.of(timeline.at(when), timeline.recapsBy(when), exit).exit();
            String row = summary.lines().filter(l -> l.startsWith(exit.name() + " ")).findFirst().orElse("");
            assertThat(row).as("row of %s in%n%s", exit.name(), summary)
                    .contains(money(w.bridge().equityProceeds()))
                    .contains(money(w.bridge().expectedTotal()))
                    .contains(money(w.waterfall().byCategory().get(HolderCategory.LAY)))
                    .contains(money(w.waterfall().byCategory().get(HolderCategory.CLINICIAN)))
                    .contains(money(w.waterfall().byCategory().get(HolderCategory.ENTITY)));
        }
        int findings = ComplianceChecker.DEFAULT.check(venture, venture.asOf(), FeeMetricsSource.PROJECTION).findings().size();
        String findingsLine = summary.lines().filter(l -> l.startsWith("Findings")).findFirst().orElseThrow();
        assertThat(sumOfCounts(findingsLine)).as(findingsLine).isEqualTo(findings);

        Path workbook = out.resolve(model.getFileName().toString().replace(".yaml", ".xlsx"));
        assertThat(workbook).exists();
        assertThat(summary).contains("Workbook   " + workbook);
        try (InputStream in = Files.newInputStream(workbook); Workbook wb = WorkbookFactory.create(in)) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).contains("Summary", "Cap Table", "Practices", "Fees", "Waterfall", "Breakpoints", "Findings",
                    "Simulation");
        }
    }

    private static String money(org.msocap.money.Money m) {
        return String.format(java.util.Locale.US, "%,.2f", m.amount());
    }

    private static int sumOfCounts(String line) {
        if (line.contains("none")) {
            return 0;
        }
        int total = 0;
        for (String part : line.substring("Findings".length()).split(",")) {
            total += Integer.parseInt(part.strip().split(" ")[0]);
        }
        return total;
    }
}
