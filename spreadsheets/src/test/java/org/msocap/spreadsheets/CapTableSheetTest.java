package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableGroup;
import org.msocap.captable.CapTableLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cap Table's formulas, recalculated by LibreOffice, reproduce the engine's exact fractions. */
class CapTableSheetTest {

    private static final double EXACT = 1e-12;

    @TempDir
    Path dir;

    private final WorkbookContent content = WorkbookContent.of(TestVentures.sunrise());

    @Test
    void percentagesRecalculatedByLibreOfficeEqualTheEngine() throws Exception {
        LibreOffice.assumeInstalled();
        CapTable table = content.capTable();
        try (Recalculated wb = Recalculated.of(content, dir)) {
            List<CapTableLine> lines = table.lines();
            for (int i = 0; i < lines.size(); i++) {
                int row = CapTableSheet.FIRST_LINE_ROW + i + 1;
                assertThat(wb.number(CapTableSheet.NAME, "I" + row)).isCloseTo(lines.get(i).ofOutstanding().doubleValue(), within(EXACT));
                assertThat(wb.number(CapTableSheet.NAME, "J" + row)).isCloseTo(lines.get(i).ofFullyDiluted().doubleValue(), within(EXACT));
            }
            assertThat(wb.named("TotalFullyDiluted")).isEqualTo(table.totalFullyDiluted().doubleValue());
            assertThat(wb.named("TotalOutstanding")).isEqualTo(table.totalOutstanding().doubleValue());
            // Summary's ownership by category, in category order (clinician, lay, entity, pool).
            List<CapTableGroup> categories = table.byCategory();
            for (int i = 0; i < categories.size(); i++) {
                assertThat(wb.number(SummarySheet.NAME, "B" + (15 + i))).isEqualTo(categories.get(i).fullyDiluted().doubleValue());
                assertThat(wb.number(SummarySheet.NAME, "C" + (15 + i)))
                        .isCloseTo(categories.get(i).ofFullyDiluted().doubleValue(), within(EXACT));
            }
        }
    }

    /**
     * Class names are the model's own text, in the by-class SUMIFS criteria: a quote in one made the formula unparseable
     * (the export failed with an internal error), a wildcard matched other classes, a leading '>' compared. Each class's
     * row, recalculated, holds exactly its own shares.
     */
    @Test
    void byClassRowsMatchClassNamesWithQuotesWildcardsAndComparisons() throws Exception {
        LibreOffice.assumeInstalled();
        org.msocap.model.Venture venture = org.msocap.io.VentureReader.read("""
                msocap: 1
                venture: Names
                asOf: 2026-01-15
                people:
                  - {id: a, name: A}
                  - {id: b, name: B}
                mso:
                  name: N Inc
                  state: DE
                  form: c-corp
                  classes:
                    - {id: common, type: common, name: 'Class "A" *'}
                    - {id: other, type: common, name: 'Class "A" x?~'}
                    - {id: third, type: common, name: '>0'}
                  holdings:
                    - {holder: a, class: common, shares: 100}
                    - {holder: b, class: other, shares: 30}
                    - {holder: b, class: third, shares: 7}
                """, "names.yaml");
        try (Recalculated wb = Recalculated.of(WorkbookContent.of(venture), dir)) {
            var sheet = wb.workbook.getSheet(CapTableSheet.NAME);
            java.util.Map<String, Double> byClass = new java.util.HashMap<>();
            for (var row : sheet) {
                var label = row.getCell(0);
                var outstanding = row.getCell(CapTableSheet.OUTSTANDING);
                if (label != null && outstanding != null && outstanding.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                        && outstanding.getCellFormula().startsWith("SUMIFS(")) {
                    byClass.put(label.getStringCellValue(), wb.number(CapTableSheet.NAME, SheetWriter.ref(row.getRowNum(),
                            CapTableSheet.OUTSTANDING)));
                }
            }
            assertThat(byClass).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("Class \"A\" *", 100.0, "Class \"A\" x?~", 30.0,
                    ">0", 7.0));
        }
    }

    @Test
    void percentagesFollowASharesCellTheReaderEdits() throws Exception {
        LibreOffice.assumeInstalled();
        int aliceRow = CapTableSheet.FIRST_LINE_ROW; // alice's 6,000,000 common come first
        try (Recalculated wb = Recalculated.of(content, dir, edited -> {
            var row = edited.getSheet(CapTableSheet.NAME).getRow(aliceRow);
            row.getCell(CapTableSheet.OUTSTANDING).setCellValue(8_000_000);
            row.getCell(CapTableSheet.FULLY_DILUTED).setCellValue(8_000_000);
        })) {
            // 8,000,000 of 10,500,000 outstanding; 8,000,000 of 12,050,000 fully diluted.
            assertThat(wb.number(CapTableSheet.NAME, "I" + (aliceRow + 1))).isCloseTo(8.0 / 10.5, within(EXACT));
            assertThat(wb.number(CapTableSheet.NAME, "J" + (aliceRow + 1))).isCloseTo(8.0 / 12.05, within(EXACT));
            assertThat(wb.named("TotalFullyDiluted")).isEqualTo(12_050_000);
        }
    }
}
