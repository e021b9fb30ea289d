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
 * The workbook as a client deliverable: every example rendered by LibreOffice to PDF in one start (page count,
 * page headers and footers, the Agreements sheet, MOIC as 1.78x, no engine label or #### on any page), and the
 * visible cells of every example's workbook free of engine labels and ids (cheap: no rendering).
 */
class ClientDeliverableTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "ventures");
    static final Path BUNDLED = EXAMPLES.resolve("sunrise-telehealth.yaml");
    static final int MAX_PAGES = 30;

    /** Engine vocabulary a client must not meet: claimant ids, JSON keys, rounding mechanics. */
    static final List<Pattern> ENGINE_LABELS = List.of(Pattern.compile("options@"), Pattern.compile("warrants:"),
            Pattern.compile("\\bnote:"), Pattern.compile("\\bsafe:"), Pattern.compile("enterpriseValue"),
            Pattern.compile("equityProceeds"), Pattern.compile("Cents left after flooring"), Pattern.compile("Breakpoint segment"),
            Pattern.compile("series-a series-a"), Pattern.compile("agreement-parameters"), Pattern.compile("(?i)\\bengine\\b"),
            Pattern.compile("\\bConv \\d"),
            // A conversion price as the engine carries it ("converted at 0.686338825172566"), not as a price ("$0.6863").
            Pattern.compile("converted at \\d"));

    @TempDir
    Path dir;

    /**
     * Every example rendered as a client receives it (LibreOffice to PDF, with a simulation of 1,000 runs and its
     * sampled runs; printing all 1,000 would take about 20 pages more than the budget allows): within the page budget, no engine label or {@code ####} on any page, every page with its header
     * and footer, the Agreements sheet and, where the model has exit scenarios, MOIC as 1.78x.
     */
    @Test
    void everyExamplePrintsAsAClientDocument() throws Exception {
        LibreOffice.assumeInstalled();
        assumeTrue(Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "pdftotext"))), "pdftotext (poppler-utils) is not installed");
        List<Path> models = examples();
        assertThat(models).contains(BUNDLED);
        List<Path> workbooks = new ArrayList<>();
        List<Venture> ventures = new ArrayList<>();
        for (Path model : models) {
            Venture venture = VentureReader.read(model);
            ventures.add(venture);
            Path xlsx = dir.resolve(model.getFileName().toString().replace(".yaml", ".xlsx"));
            WorkbookExporter.DEFAULT.export(WorkbookContent.of(venture, SimulationOptions.of(1_000, 42).withSampleRuns(1_000)), xlsx,
                    ExportOptions.defaults());
            workbooks.add(xlsx);
        }
        List<Path> pdfs = LibreOffice.toPdfs(workbooks, dir);
        for (int m = 0; m < models.size(); m++) {
            String model = models.get(m).getFileName().toString();
            Venture venture = ventures.get(m);
            if (Boolean.getBoolean("msocap.render")) {
                Files.copy(pdfs.get(m), Files.createDirectories(Path.of("target", "rendered")).resolve(model.replace(".yaml", ".pdf")),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> pages = pages(pdfs.get(m));
            assertThat(pages.size()).as(model + ": printed pages").isBetween(8, MAX_PAGES);
            String all = String.join("\n", pages);
            for (Pattern engine : ENGINE_LABELS) {
                assertThat(engine.matcher(all).find()).as(model + ": engine label " + engine + " on a printed page").isFalse();
            }
            assertThat(all).as(model).doesNotContain("###", "Infinity", "NaN", "#DIV/0", "#VALUE", "#NUM", "#REF", "#NAME", "Err:");
            assertThat(all).as(model).contains("Agreements — ", "Decisions the MSO controls");
            if (!venture.exits().isEmpty()) {
                assertThat(all).as(model).containsPattern("\\b\\d+\\.\\d\\dx\\b");
            }
            if (models.get(m).getFileName().equals(BUNDLED.getFileName())) {
                assertThat(all).contains("Histogram of equity proceeds", "Histogram of enterprise value",
                        "Payout by security against equity proceeds", "Fee", "Noncompete", "Options at $0.25", "SAFE — Priya Raman",
                        "Convertible note — Marcus Lee", "Series A");
            }
            for (int i = 0; i < pages.size(); i++) {
                assertThat(pages.get(i)).as(model + ": page " + (i + 1) + " header and footer")
                        .contains(venture.name(), "not legal advice", "Page " + (i + 1) + " of " + pages.size());
            }
        }
    }

    private static List<Path> examples() throws java.io.IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
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
