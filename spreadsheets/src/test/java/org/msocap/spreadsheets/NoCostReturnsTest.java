package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.msocap.io.VentureReader;
import org.msocap.model.Person;
import org.msocap.model.Venture;
import org.msocap.simulation.SimulationOptions;
import org.msocap.waterfall.HolderPayout;

/**
 * A holder who paid nothing (options, profits interests, shares issued at no cost) has no MOIC or IRR: every sheet that
 * shows them says "—", never 0.00x, an error or an infinity, and says why.
 */
class NoCostReturnsTest {

    @Test
    void everyExampleShowsADashWhereAReturnDoesNotApply() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "ventures"))) {
            models = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int dashes = 0;
        for (Path model : models) {
            Venture venture = VentureReader.read(model);
            WorkbookContent content = WorkbookContent.of(venture, SimulationOptions.of(200, 42));
            try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(content)) {
                dashes += scenarioReturns(model.getFileName().toString(), venture, content, wb.getSheet(WaterfallSheet.NAME));
                Sheet simulation = wb.getSheet(SimulationSheet.NAME);
                if (simulation != null) {
                    dashes += simulatedReturns(model.getFileName().toString(), simulation);
                }
            }
        }
        assertThat(dashes).as("cells showing — across the examples").isGreaterThan(20);
    }

    /** The Waterfall's MOIC and IRR blocks against the engine, holder by holder and scenario by scenario. */
    private static int scenarioReturns(String model, Venture venture, WorkbookContent content, Sheet sheet) {
        List<WorkbookContent.Scenario> scenarios = content.waterfalls().scenarios();
        if (scenarios.isEmpty()) {
            return 0;
        }
        int dashes = 0;
        int moicHeader = WaterfallSheetTest.rowOf(sheet, "MOIC by holder", 0);
        int irrHeader = WaterfallSheetTest.rowOf(sheet, "IRR by holder", moicHeader);
        for (Person p : venture.people()) {
            for (int i = 0; i < scenarios.size(); i++) {
                Optional<HolderPayout> h = scenarios.get(i).waterfall().waterfall().holder(p.id());
                if (h.isEmpty()) {
                    continue;
                }
                Cell moic = cell(sheet, WaterfallSheetTest.rowOf(sheet, p.name(), moicHeader), 1 + i);
                Cell irr = cell(sheet, WaterfallSheetTest.rowOf(sheet, p.name(), irrHeader), 1 + i);
                String where = model + ": " + p.name() + " in " + scenarios.get(i).waterfall().scenario();
                if (h.get().moic().isPresent()) {
                    assertThat(moic.getNumericCellValue()).as(where).isEqualTo(h.get().moic().get().doubleValue());
                } else {
                    assertThat(h.get().costBasis().isPositive()).as(where).isFalse();
                    assertThat(moic.getStringCellValue()).as(where + " MOIC").isEqualTo(WaterfallSheet.NOT_APPLICABLE);
                    dashes++;
                }
                if (h.get().irr().isPresent() && Double.isFinite(h.get().irr().getAsDouble())) {
                    assertThat(irr.getNumericCellValue()).as(where).isEqualTo(h.get().irr().getAsDouble());
                } else {
                    assertThat(irr.getStringCellValue()).as(where + " IRR").isEqualTo(WaterfallSheet.NOT_APPLICABLE);
                }
            }
        }
        assertThat(WaterfallSheetTest.rowOf(sheet, WaterfallSheet.NO_COST_NOTE, irrHeader)).as(model).isPositive();
        return dashes;
    }

    /** Each statistics row with no cost shows — for P(below cost), MOIC and IRR; with a cost, numbers. */
    private static int simulatedReturns(String model, Sheet sheet) {
        int dashes = 0;
        boolean returns = false;
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a == null || a.getCellType() != CellType.STRING) {
                continue;
            }
            if (a.getStringCellValue().startsWith("Histogram of")) {
                break;
            }
            if (a.getStringCellValue().equals("Series")) {
                // The first block (enterprise value, proceeds) has no cost and no returns; every later block has them.
                returns = row.getRowNum() > WaterfallSheetTest.rowOf(sheet, "Series", 0);
                continue;
            }
            Cell runs = row.getCell(1);
            if (runs == null || runs.getCellType() != CellType.NUMERIC || row.getRowNum() < WaterfallSheetTest.rowOf(sheet, "Series", 0)) {
                continue;
            }
            Cell cost = row.getCell(2);
            if (!returns) {
                assertThat(cost).as(model + ": no cost for " + a.getStringCellValue()).isNull();
                assertThat(row.getCell(11)).as(model + ": no MOIC for " + a.getStringCellValue()).isNull();
                continue;
            }
            for (int c = 10; c <= 12; c++) {
                Cell cell = row.getCell(c);
                String where = model + ": Simulation " + cell.getAddress() + " (" + a.getStringCellValue() + ")";
                if (cost.getNumericCellValue() == 0) {
                    assertThat(cell.getStringCellValue()).as(where).isEqualTo(WaterfallSheet.NOT_APPLICABLE);
                    dashes++;
                } else if (cell.getCellType() == CellType.NUMERIC) {
                    assertThat(Double.isFinite(cell.getNumericCellValue())).as(where).isTrue();
                } else {
                    assertThat(cell.getStringCellValue()).as(where).isEqualTo(WaterfallSheet.NOT_APPLICABLE);
                }
            }
        }
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).as(model).contains(WaterfallSheet.NO_COST_NOTE);
        return dashes;
    }

    private static Cell cell(Sheet sheet, int r, int c) {
        Cell cell = sheet.getRow(r).getCell(c);
        assertThat(cell).as(sheet.getSheetName() + " row " + (r + 1) + " column " + (c + 1)).isNotNull();
        return cell;
    }
}
