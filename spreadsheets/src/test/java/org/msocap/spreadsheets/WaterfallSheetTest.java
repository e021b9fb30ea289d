package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.model.ExitScenario;
import org.msocap.model.HolderCategory;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.ClassPayout;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.HolderPayout;
import org.msocap.waterfall.WaterfallEngine;

/**
 * The live waterfall, recalculated by LibreOffice after a reader types an enterprise value, pays every
 * claimant, holder and category exactly what the waterfall engine pays, to the cent; the scenario tables
 * show the engine's numbers.
 */
class WaterfallSheetTest {

    @TempDir
    Path dir;

    private final Venture venture = TestVentures.sunrise();
    private final WorkbookContent content = WorkbookContent.of(venture);

    @Test
    void liveWaterfallAtTypedInExitValuesEqualsTheEngineToTheCent() throws Exception {
        LibreOffice.assumeInstalled();
        // Below the preference, between breakpoints, exactly the scenario's value, far above every breakpoint,
        // odd cents, and zero.
        List<Money> values = List.of(Money.of(1_500_000), Money.parse("7654321.09"),
                content.waterfalls().live().enterpriseValue(), Money.of(250_000_000), Money.parse("33333333.33"), Money.ZERO);
        List<Consumer<XSSFWorkbook>> typings = values.stream().<Consumer<XSSFWorkbook>>map(
                ev -> edited -> Recalculated.setNamed(edited, WaterfallSheet.EXIT_VALUE, ev.amount().doubleValue())).toList();
        List<Recalculated> recalculated = Recalculated.ofEach(content, dir, typings);
        for (int i = 0; i < values.size(); i++) {
            try (Recalculated wb = recalculated.get(i)) {
                assertLiveEqualsEngine(wb, engineAt(values.get(i)), venture);
            }
        }
    }

    @Test
    void scenarioTablesShowTheEngineNumbers() throws Exception {
        LibreOffice.assumeInstalled();
        try (Recalculated wb = Recalculated.of(content, dir)) {
            Sheet sheet = wb.workbook.getSheet(WaterfallSheet.NAME);
            int header = rowOf(sheet, "Exit scenarios (as computed)") + 1;
            List<WorkbookContent.Scenario> scenarios = content.waterfalls().scenarios();
            assertThat(scenarios).hasSize(2);
            for (int i = 0; i < scenarios.size(); i++) {
                ExitWaterfall w = scenarios.get(i).waterfall();
                assertThat(sheet.getRow(header).getCell(1 + i).getStringCellValue()).isEqualTo(w.scenario());
                assertThat(cents(sheet, rowOf(sheet, "Equity proceeds (split below; escrow included)", header), 1 + i)).isEqualTo(w.bridge().equityProceeds().cents());
                assertThat(cents(sheet, rowOf(sheet, "Enterprise value", header), 1 + i)).isEqualTo(w.bridge().enterpriseValue().cents());
                for (HolderCategory c : HolderCategory.values()) {
                    int row = rowOf(sheet, ClientLabels.category(c), rowOf(sheet, "Total by holder category (payout + carve-out)", header));
                    assertThat(cents(sheet, row, 1 + i)).isEqualTo(w.waterfall().byCategory().get(c).cents());
                }
            }
            // The live waterfall as exported starts at the first scenario and agrees with it.
            assertLiveEqualsEngine(wb, scenarios.get(0).waterfall(), venture);
        }
    }

    @Test
    void layeredCapTableLiveWaterfallEqualsTheEngineToTheCent() throws Exception {
        LibreOffice.assumeInstalled();
        Venture layered = TestVentures.layered(true);
        WorkbookContent layeredContent = WorkbookContent.of(layered);
        assertThat(layeredContent.waterfalls().live().breakpoints().breakpoints()).hasSizeGreaterThan(4);
        List<Money> values = List.of(Money.of(400_000), Money.parse("4123456.78"), Money.of(9_000_000), Money.parse("17777777.77"),
                Money.of(30_000_000), Money.of(61_000_000), Money.of(400_000_000));
        List<Consumer<XSSFWorkbook>> typings = values.stream().<Consumer<XSSFWorkbook>>map(
                ev -> edited -> Recalculated.setNamed(edited, WaterfallSheet.EXIT_VALUE, ev.amount().doubleValue())).toList();
        List<Recalculated> recalculated = Recalculated.ofEach(layeredContent, dir, typings);
        for (int i = 0; i < values.size(); i++) {
            try (Recalculated wb = recalculated.get(i)) {
                assertLiveEqualsEngine(wb, engineAt(layered, layeredContent, values.get(i)), layered);
            }
        }
    }

    @Test
    void saysSoWhenHolderPayoutsCannotBeLive() throws Exception {
        // The two series-b holders accrue dividends from different dates, so their split is not by shares alone.
        WorkbookContent content = WorkbookContent.of(TestVentures.layered(false));
        assertThat(WaterfallSheet.unsplittable(content.waterfalls().live().table())).isPresent();
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            Sheet sheet = wb.getSheet(WaterfallSheet.NAME);
            int note = -1;
            for (int r = 0; r <= sheet.getLastRowNum() && note < 0; r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                        && row.getCell(0).getStringCellValue().startsWith("Holder payouts are not live")) {
                    note = r;
                }
            }
            assertThat(note).as("the note explaining why holder payouts are not live").isPositive();
        }
    }

    private ExitWaterfall engineAt(Money enterpriseValue) {
        return engineAt(venture, content, enterpriseValue);
    }

    private static ExitWaterfall engineAt(Venture venture, WorkbookContent content, Money enterpriseValue) {
        WorkbookContent.Live live = content.waterfalls().live();
        ExitScenario t = live.terms();
        ExitScenario typed = new ExitScenario(t.name(), t.date(), enterpriseValue, null, null, t.transactionCosts(), t.escrow(),
                t.carveOut(), t.earnout(), t.doubleTriggerFires());
        return WaterfallEngine.DEFAULT.exit(venture, typed, enterpriseValue, live.netDebt());
    }

    /** Rows are found by what a client reads: claimant labels and holder names. */
    static void assertLiveEqualsEngine(Recalculated wb, ExitWaterfall engine, Venture venture) {
        ClientLabels labels = new ClientLabels(venture);
        Sheet sheet = wb.workbook.getSheet(WaterfallSheet.NAME);
        String at = " at enterprise value " + engine.bridge().enterpriseValue();
        assertThat(FeeProjectionSheetTest.cents(wb.named(WaterfallSheet.EQUITY))).as("equity proceeds" + at)
                .isEqualTo(engine.bridge().equityProceeds().cents());
        for (ClassPayout c : engine.waterfall().classes()) {
            assertThat(cents(sheet, rowOf(sheet, labels.claimant(c.id()), 0), WaterfallSheet.C_PAYOUT)).as(c.id() + at)
                    .isEqualTo(c.payout().cents());
        }
        int holders = rowOf(sheet, "Holder", 0);
        for (HolderPayout h : engine.waterfall().holders()) {
            int row = rowOf(sheet, labels.holder(h.id()), holders);
            assertThat(cents(sheet, row, 3)).as(h.id() + at).isEqualTo(h.payout().cents());
            assertThat(cents(sheet, row, 5)).as(h.id() + " carve-out" + at).isEqualTo(h.carveOut().cents());
            assertThat(cents(sheet, row, 6)).as(h.id() + " total" + at).isEqualTo(h.total().cents());
        }
        int categories = rowOf(sheet, "Category", holders);
        for (HolderCategory c : HolderCategory.values()) {
            assertThat(cents(sheet, rowOf(sheet, ClientLabels.category(c), categories), 3)).as(c.id() + at)
                    .isEqualTo(engine.waterfall().byCategory().get(c).cents());
        }
    }

    /** The first row at or after {@code from} whose column A reads {@code label}. */
    static int rowOf(Sheet sheet, String label, int from) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Cell a = row == null ? null : row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row labelled '" + label + "' in " + sheet.getSheetName() + " from row " + (from + 1));
    }

    private static int rowOf(Sheet sheet, String label) {
        return rowOf(sheet, label, 0);
    }

    private static long cents(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        if (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() != CellType.NUMERIC) {
            throw new AssertionError(sheet.getSheetName() + "!" + cell.getAddress() + " = " + cell.getCellFormula() + " is not a number");
        }
        return FeeProjectionSheetTest.cents(cell.getNumericCellValue());
    }

    @Test
    void workingsAreCollapsedRightOfEveryClientTableAndTheScenariosStartAPage() throws Exception {
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
            Sheet sheet = wb.getSheet(WaterfallSheet.NAME);
            int header = rowOf(sheet, "Claimant");
            int lastClientColumn = 0;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
                    boolean working = cell.getColumnIndex() >= 8;
                    assertThat(sheet.isColumnHidden(cell.getColumnIndex())).as(cell.getAddress() + " " + text).isEqualTo(working);
                    if (!working) {
                        lastClientColumn = Math.max(lastClientColumn, cell.getColumnIndex());
                    }
                }
            }
            assertThat(lastClientColumn).isLessThan(7);
            assertThat(sheet.getRow(header).getCell(WaterfallSheet.C_SHARE).getStringCellValue()).isEqualTo("% of equity proceeds");
            int scenarios = rowOf(sheet, "Exit scenarios (as computed)");
            assertThat(sheet.getRowBreaks()).containsExactly(scenarios - 1);
            // Every payout block carries its own header row of scenario names.
            for (String block : List.of("Payout by security (of equity proceeds)", "Payout by holder", "Carve-out by holder",
                    "Total by holder (payout + carve-out)", "MOIC by holder", "IRR by holder",
                    "Total by holder category (payout + carve-out)")) {
                Row row = sheet.getRow(rowOf(sheet, block));
                assertThat(row.getCell(0).getCellStyle().getFillPattern()).as(block).isEqualTo(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(content.waterfalls().scenarios().get(0).waterfall().scenario());
            }
        }
    }
}
