package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.msocap.compliance.Severity;

/** Severity labels in the Summary's wide first column are coloured text, not filled blocks; counts align right. */
class SummarySheetTest {

    @Test
    void severityLabelsAreColouredTextAndCountsAlignRight() throws Exception {
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(TestVentures.sunrise()))) {
            Sheet sheet = wb.getSheet(SummarySheet.NAME);
            int severityCells = 0;
            for (Row row : sheet) {
                Cell label = row.getCell(0);
                if (label == null || label.getCellType() != CellType.STRING || !isSeverity(label.getStringCellValue())) {
                    continue;
                }
                severityCells++;
                assertThat(label.getCellStyle().getFillPattern()).as(label.getAddress().toString()).isEqualTo(FillPatternType.NO_FILL);
                Cell next = row.getCell(1);
                if (next != null && next.getCellType() == CellType.NUMERIC) {
                    assertThat(next.getCellStyle().getAlignment()).as(next.getAddress().toString()).isEqualTo(HorizontalAlignment.GENERAL);
                }
            }
            assertThat(severityCells).isGreaterThanOrEqualTo(2);
            int practices = WaterfallSheetTest.rowOf(sheet, "Practices", 0);
            assertThat(sheet.getRow(practices).getCell(1).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.GENERAL);
        }
    }

    private static boolean isSeverity(String text) {
        for (Severity s : Severity.values()) {
            if (s.id().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
