package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;
import org.msocap.simulation.SimulationOptions;

/**
 * The workbook as a client deliverable: the bundled example rendered once by LibreOffice to PDF (page count,
 * page headers and footers, the Agreements sheet, MOIC as 1.78x, no engine label on any page), and the
 * visible cells of every example's workbook free of engine labels (cheap: no rendering).
 */
class ClientDeliverableTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "ventures");
    static final Path BUNDLED = EXAMPLES.resolve("sunrise-telehealth.yaml");
    static final int MAX_PAGES = 30;

    /** Engine vocabulary a client must not meet: claimant ids, JSON keys, rounding mechanics. */
    static final List<Pattern> ENGINE_LABELS = List.of(Pattern.compile("options@"), Pattern.compile("warrants:"),
            Pattern.compile("\\bnote:"), Pattern.compile("\\bsafe:"), Pattern.compile("enterpriseValue"),
            Pattern.compile("equityProceeds"), Pattern.compile("Cents left after flooring"), Pattern.compile("Breakpoint segment"),
            Pattern.compile("series-a series-a"), Pattern.compile("agreement-parameters"));

    @TempDir
    Path dir;

    @Test
    void bundledExamplePrintsAsAClientDocument() throws Exception {
        LibreOffice.assumeInstalled();
        assumeTrue(Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "pdftotext"))), "pdftotext (poppler-utils) is not installed");
        Venture venture = VentureReader.read(BUNDLED);
        // 1,000 sampled runs: printing them all would take about 20 pages more than the budget allows.
        WorkbookContent content = WorkbookContent.of(venture, SimulationOptions.of(1_000, 42).withSampleRuns(1_000));
        Path xlsx = dir.resolve("sunrise-telehealth.xlsx");
        WorkbookExporter.DEFAULT.export(content, xlsx, ExportOptions.defaults());
        Path pdf = LibreOffice.toPdf(xlsx, dir);
        if (Boolean.getBoolean("msocap.render")) {
            Files.copy(pdf, Files.createDirectories(Path.of("target", "rendered")).resolve("sunrise-telehealth.pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> pages = pages(pdf);

        assertThat(pages.size()).as("printed pages").isBetween(8, MAX_PAGES);
        String all = String.join("\n", pages);
        for (Pattern engine : ENGINE_LABELS) {
            assertThat(engine.matcher(all).find()).as("engine label " + engine + " on a printed page").isFalse();
        }
        // A column too narrow for its number prints as ####.
        assertThat(all).doesNotContain("###");
        assertThat(all).contains("Histogram of equity proceeds", "Histogram of enterprise value", "Payout by security against equity proceeds");
        assertThat(all).contains("Agreements — ", "Fee", "Decisions the MSO controls", "Noncompete");
        assertThat(all).containsPattern("\\b\\d+\\.\\d\\dx\\b");
        assertThat(all).contains("Options at $0.25", "SAFE — Priya Raman", "Convertible note — Marcus Lee", "Series A");
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page " + (i + 1) + " header and footer")
                    .contains(venture.name(), "not legal advice", "Page " + (i + 1) + " of " + pages.size());
        }
    }

    @Test
    void noExampleShowsEngineLabelsOrIdsInVisibleCells() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            models = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(10);
        for (Path model : models) {
            Venture venture = VentureReader.read(model);
            WorkbookContent content = WorkbookContent.of(venture, null);
            try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
                assertThat(wb.getSheet(AgreementsSheet.NAME)).as(model + ": Agreements sheet").isNotNull();
                ClientNamesTest.assertNamedColumnsShowNames(model.getFileName().toString(), venture, wb);
                for (String text : visibleText(wb)) {
                    for (Pattern engine : ENGINE_LABELS) {
                        assertThat(engine.matcher(text).find()).as(model.getFileName() + ": '" + text + "'").isFalse();
                    }
                }
            }
        }
    }

    /** Text of every cell a reader sees: not in a hidden (working) column or row. */
    static List<String> visibleText(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                if (row.getZeroHeight()) {
                    continue;
                }
                for (Cell cell : row) {
                    if (!sheet.isColumnHidden(cell.getColumnIndex()) && cell.getCellType() == CellType.STRING) {
                        out.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return out;
    }

    static List<String> pages(Path pdf) throws Exception {
        Path text = pdf.resolveSibling("pages.txt");
        Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), text.toString()).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<String> pages = new ArrayList<>(List.of(Files.readString(text, StandardCharsets.UTF_8).split("\f", -1)));
        if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return pages;
    }
}
