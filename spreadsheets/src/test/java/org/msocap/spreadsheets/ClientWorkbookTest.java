package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;
import org.msocap.simulation.SimulationOptions;
import org.msocap.waterfall.HolderPayout;
import org.openxmlformats.schemas.drawingml.x2006.chart.STGrouping;

/** The workbook's client-facing structure, without rendering: print areas, page furniture, the new tables. */
class ClientWorkbookTest {

    @TempDir
    Path dir;

    private final Venture venture = TestVentures.sunrise();

    @Test
    void sampledRunsStayInTheFileButOnlyOnePagePrintsAndEveryPageSaysWhoseModelItIs() throws Exception {
        WorkbookContent content = WorkbookContent.of(venture, SimulationOptions.of(500, 42).withSampleRuns(500));
        Path out = dir.resolve("w.xlsx");
        WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet runs = wb.getSheet(SimulationSheet.RUNS_NAME);
            assertThat(runs.getLastRowNum()).isEqualTo(500);
            assertThat(wb.getPrintArea(wb.getSheetIndex(runs))).endsWith("$" + (PageSetup.PRINTED_RUNS + 1));
            // Every column prints, the class and category payouts too (the header row was flushed when the area was set).
            String lastColumn = SheetWriter.column(runs.getRow(0).getLastCellNum() - 1);
            assertThat(wb.getPrintArea(wb.getSheetIndex(runs))).endsWith("$" + lastColumn + "$" + (PageSetup.PRINTED_RUNS + 1));
            assertThat((int) runs.getRow(0).getLastCellNum()).isGreaterThan(9);
            for (Sheet sheet : wb) {
                assertThat(sheet.getHeader().getLeft()).as(sheet.getSheetName()).isEqualTo(venture.name());
                assertThat(sheet.getHeader().getRight()).as(sheet.getSheetName()).isEqualTo("&A");
                assertThat(sheet.getFooter().getLeft()).as(sheet.getSheetName()).contains("not legal advice");
                assertThat(sheet.getFooter().getRight()).as(sheet.getSheetName()).isEqualTo("Page &P of &N");
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
            }
        }
    }

    @Test
    void theRunsSheetsHeaderRowIsTallEnoughForItsWrappedTitles() throws Exception {
        // The converted series' titles wrap in three lines: a row of one line cut them to their middle line.
        Venture series = VentureReader.read(Path.of("..", "examples", "ventures", "telehealth-series-a.yaml"));
        Path out = dir.resolve("s.xlsx");
        WorkbookExporter.DEFAULT.export(WorkbookContent.of(series, SimulationOptions.of(100, 42).withSampleRuns(100)), out,
                ExportOptions.defaults());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet runs = wb.getSheet(SimulationSheet.RUNS_NAME);
            assertThat(texts(runs.getRow(0))).contains("Series A Preferred (converted at $0.6863)");
            assertThat(runs.getRow(0).getHeightInPoints()).isGreaterThanOrEqualTo(3 * runs.getDefaultRowHeightInPoints());
            // A driver the model does not simulate (here the clinicians' compensation) says so, not a blank column.
            int comp = texts(runs.getRow(0)).indexOf("Clinician comp");
            for (int r = 1; r <= 100; r++) {
                assertThat(runs.getRow(r).getCell(comp)).as("run " + r).isNotNull();
            }
        }
    }

    @Test
    void noRunsSheetWhenNoRunIsSampled() throws Exception {
        WorkbookContent content = WorkbookContent.of(venture, SimulationOptions.of(200, 42).withSampleRuns(0));
        Path out = dir.resolve("w.xlsx");
        WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet(SimulationSheet.NAME)).isNotNull();
            assertThat(wb.getSheet(SimulationSheet.RUNS_NAME)).isNull();
        }
    }

    @Test
    void agreementsSheetStatesEachAgreementWithItsFindings() throws Exception {
        Venture bundled = VentureReader.read(ClientDeliverableTest.BUNDLED);
        WorkbookContent content = WorkbookContent.of(bundled, null);
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            List<String> text = texts(wb.getSheet(AgreementsSheet.NAME));
            assertThat(text).contains("Management services agreement — Sunrise Medical of New York, P.C. (NY)",
                    "Percentage: 35% of collections", "Fixed: $85,000.00 a month, rising 3% a year", "Decisions the MSO controls",
                    "pricing", "Fair market value support", "Noncompete", "Term", "Signed");
            // The New York agreement's percentage-fee finding sits with it.
            assertThat(text).anyMatch(t -> t.startsWith("FEE-01 "));
        }
    }

    @Test
    void exitScenariosShowEachHoldersMoicAsAMultipleAndIrrAsAPercentage() throws Exception {
        WorkbookContent content = WorkbookContent.of(venture, null);
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            Sheet sheet = wb.getSheet(WaterfallSheet.NAME);
            int moic = WaterfallSheetTest.rowOf(sheet, "MOIC by holder", 0);
            int irr = WaterfallSheetTest.rowOf(sheet, "IRR by holder", moic);
            WorkbookContent.Scenario first = content.waterfalls().scenarios().get(0);
            int checked = 0;
            for (HolderPayout h : first.waterfall().waterfall().holders()) {
                if (h.moic().isEmpty()) {
                    continue;
                }
                String name = venture.requirePerson(h.id()).name();
                Cell m = sheet.getRow(WaterfallSheetTest.rowOf(sheet, name, moic)).getCell(1);
                assertThat(m.getNumericCellValue()).isEqualTo(h.moic().get().doubleValue());
                assertThat(m.getCellStyle().getDataFormatString()).isEqualTo(Styles.MULTIPLE_FORMAT);
                if (h.irr().isPresent()) {
                    Cell i = sheet.getRow(WaterfallSheetTest.rowOf(sheet, name, irr)).getCell(1);
                    assertThat(i.getNumericCellValue()).isEqualTo(h.irr().getAsDouble());
                    assertThat(i.getCellStyle().getDataFormatString()).isEqualTo(Styles.PERCENT_FORMAT);
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(2);
            assertThat(texts(sheet)).contains("Escrow withheld at close", "Paid at close (equity proceeds − escrow)",
                    "Earnout expected (× probability)", "Expected total (paid at close + escrow + earnout)");
        }
    }

    @Test
    void breakpointsSheetStacksPayoutBySecurityOverFormulasOnTheSegmentTable() throws Exception {
        WorkbookContent content = WorkbookContent.of(venture, null);
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            XSSFSheet sheet = wb.getSheet(BreakpointsSheet.NAME);
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            var plot = charts.get(0).getCTChart().getPlotArea();
            assertThat(plot.sizeOfAreaChartArray()).isEqualTo(1);
            assertThat(plot.getAreaChartArray(0).getGrouping().getVal()).isEqualTo(STGrouping.STACKED);
            int ids = content.waterfalls().live().breakpoints().ids().size();
            assertThat(plot.getAreaChartArray(0).sizeOfSerArray()).isEqualTo(ids);
            // The chart's points are live: each finds its segment in the table and applies that segment's line.
            int header = WaterfallSheetTest.rowOf(sheet, "Payout by security at round equity proceeds (formulas over the segments below)", 0) + 1;
            Row point = sheet.getRow(header + 3);
            assertThat(point.getCell(0).getCellFormula()).contains(BreakpointsSheet.FROM);
            assertThat(point.getCell(2).getCellFormula()).contains("INDEX('" + BreakpointsSheet.NAME + "'!");
            // The stacked bands add up to the equity proceeds at every point.
            for (int r = header + 1; r <= header + BreakpointsSheet.CHART_POINTS; r++) {
                double sum = 0;
                for (int c = 2; c < 2 + ids; c++) {
                    sum += sheet.getRow(r).getCell(c).getNumericCellValue();
                }
                assertThat(sum).isCloseTo(sheet.getRow(r).getCell(1).getNumericCellValue(), org.assertj.core.data.Offset.offset(0.01));
            }
        }
    }

    /**
     * Every table on the Breakpoints sheet has the columns of the one repeated header row, so a page never continues
     * under a wrong header; the chart prints whole on a page of its own; past a page's worth of securities the sheet
     * prints pages across, each repeating the segment and equity-proceeds columns.
     */
    @Test
    void breakpointsSheetPrintsItsTablesUnderOneHeaderAndWideTablesPagesAcross() throws Exception {
        for (Venture v : List.of(venture, TestVentures.large(4, 40, 30, 8))) {
            WorkbookContent content = WorkbookContent.of(v, null);
            try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
                XSSFSheet sheet = wb.getSheet(BreakpointsSheet.NAME);
                int repeated = sheet.getRepeatingRows().getFirstRow();
                assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(repeated);
                List<String> header = texts(sheet.getRow(repeated));
                int ids = content.waterfalls().live().breakpoints().ids().size();
                assertThat(header).hasSize(ids + 2);
                int headers = 0;
                for (Row row : sheet) {
                    if (row.getRowNum() != repeated && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                            && row.getCell(0).getStringCellValue().equals("Segment")) {
                        assertThat(texts(row)).as("header of row " + (row.getRowNum() + 1)).isEqualTo(header);
                        headers++;
                    }
                }
                assertThat(headers).isEqualTo(3);
                var chart = sheet.getDrawingPatriarch().getCharts().get(0).getCTChart();
                assertThat(sheet.getRowBreaks()).hasSize(1);
                int chartBottom = ((org.apache.poi.xssf.usermodel.XSSFClientAnchor) sheet.getDrawingPatriarch().getShapes().get(0)
                        .getAnchor()).getRow2();
                assertThat(chart).isNotNull();
                assertThat(sheet.getRowBreaks()[0]).isGreaterThanOrEqualTo(chartBottom).isLessThan(repeated);
                if (ids > BreakpointsSheet.SECURITIES_PER_PAGE) {
                    assertThat(sheet.getRepeatingColumns()).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("A:B"));
                    assertThat(sheet.getColumnBreaks()).hasSize((ids - 1) / BreakpointsSheet.SECURITIES_PER_PAGE);
                    assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) (sheet.getColumnBreaks().length + 1));
                } else {
                    assertThat(sheet.getColumnBreaks()).isEmpty();
                    assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                }
            }
        }
    }

    /** The histograms start a page side by side under one header row, which repeats if many bins run on. */
    @Test
    void simulationHistogramsShareARepeatedHeaderRowOnTheirOwnPage() throws Exception {
        WorkbookContent content = WorkbookContent.of(venture, new SimulationOptions(2_000, 42, 1, 10, 0, 120));
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            XSSFSheet sheet = wb.getSheet(SimulationSheet.NAME);
            int label = WaterfallSheetTest.rowOf(sheet, "Histogram of equity proceeds (runs with an exit)", 0);
            // The chart on a page of its own before them: below them it would not fit on their page, and the repeated
            // header would print over its remainder.
            int[] breaks = sheet.getRowBreaks();
            assertThat(breaks).hasSize(2).endsWith(label - 1);
            var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) sheet.getDrawingPatriarch().getCharts().stream()
                    .filter(c -> c.getTitleText().getString().equals("Distribution of equity proceeds")).findFirst().orElseThrow()
                    .getGraphicFrame().getAnchor();
            assertThat(anchor.getRow1()).isGreaterThan(breaks[0] + 1);
            assertThat(anchor.getRow2()).isLessThanOrEqualTo(label - 1);
            assertThat(sheet.getRepeatingRows()).isEqualTo(new org.apache.poi.ss.util.CellRangeAddress(label + 1, label + 1, -1, -1));
            List<String> header = texts(sheet.getRow(label + 1));
            assertThat(header).containsExactly("Bin", "From", "To", "Runs", "Share of runs with an exit", "", "Bin", "From", "To", "Runs",
                    "Share of runs with an exit");
            assertThat(sheet.getRow(label).getCell(6).getStringCellValue()).isEqualTo("Histogram of enterprise value (runs with an exit)");
            assertThat(sheet.getRow(label + 2 + 119).getCell(9).getNumericCellValue()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theFeeChartPrintsOnAPageOfItsOwn() throws Exception {
        // Below two practices' comparisons it ran over the end of the first page and printed in two halves.
        WorkbookContent content = WorkbookContent.of(VentureReader.read(Path.of("..", "examples", "ventures", "chiro-md-integrated.yaml")),
                null);
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            XSSFSheet sheet = wb.getSheet(FeesSheet.NAME);
            int chartTop = ((org.apache.poi.xssf.usermodel.XSSFClientAnchor) sheet.getDrawingPatriarch().getCharts().get(0)
                    .getGraphicFrame().getAnchor()).getRow1();
            assertThat(sheet.getRowBreaks()).containsExactly(chartTop - 2);
        }
    }

    @Test
    void feeComparisonSaysWhichRowsAreEquivalentsAndWhichUseTheAgreementsParameters() throws Exception {
        WorkbookContent content = WorkbookContent.of(VentureReader.read(ClientDeliverableTest.BUNDLED), null);
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            Sheet sheet = wb.getSheet(FeesSheet.NAME);
            int header = WaterfallSheetTest.rowOf(sheet, "Basis", 0);
            assertThat(sheet.getRow(header).getCell(1).getStringCellValue()).isEqualTo("How its parameters were set");
            List<String> sources = new ArrayList<>();
            for (int r = header + 1; sheet.getRow(r) != null && sheet.getRow(r).getCell(1) != null; r++) {
                sources.add(sheet.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(sources.get(0)).isEqualTo("Agreement: its terms");
            assertThat(sources).contains("Agreement parameters on this basis", "Equivalent: set to charge the agreed first-year fee");
            // Grouped: once the equivalents start, no agreement-parameter row follows.
            int firstEquivalent = sources.indexOf("Equivalent: set to charge the agreed first-year fee");
            assertThat(sources.subList(firstEquivalent, sources.size())).doesNotContain("Agreement parameters on this basis");
        }
    }

    @Test
    void summaryAccountsForEveryFinding() throws Exception {
        WorkbookContent content = WorkbookContent.of(VentureReader.read(ClientDeliverableTest.BUNDLED), null);
        assertThat(content.compliance().findings().size()).isGreaterThan(SummaryLines.TOP_FINDINGS);
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            List<String> text = texts(wb.getSheet(SummarySheet.NAME));
            int more = content.compliance().findings().size() - SummaryLines.TOP_FINDINGS;
            assertThat(text).anyMatch(t -> t.startsWith("… and " + more + " more (") && t.contains("msocap check"));
            assertThat(text).contains("What this workbook could not do");
        }
    }

    /** The texts of a row's cells, blanks included, as a header reads from left to right. */
    static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue());
        }
        return out;
    }

    static List<String> texts(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    out.add(cell.getStringCellValue());
                }
            }
        }
        return out;
    }
}
