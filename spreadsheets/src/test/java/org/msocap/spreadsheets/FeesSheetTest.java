package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The Fees sheet's chart covers no table, and its value axis shows whole numbers. */
class FeesSheetTest {

    @Test
    void theChartSitsBelowEveryTableWithWholeNumberTicks() throws Exception {
        try (XSSFWorkbook wb = WorkbookExporter.DEFAULT.build(WorkbookContent.of(TestVentures.sunrise()))) {
            XSSFSheet sheet = wb.getSheet(FeesSheet.NAME);
            int lastFilledRow = -1;
            for (Row row : sheet) {
                if (row.getPhysicalNumberOfCells() > 0) {
                    lastFilledRow = row.getRowNum();
                }
            }
            XSSFGraphicFrame frame = (XSSFGraphicFrame) sheet.getDrawingPatriarch().getShapes().get(0);
            XSSFClientAnchor anchor = (XSSFClientAnchor) frame.getAnchor();
            assertThat(anchor.getRow1()).isGreaterThan(lastFilledRow);
            XSSFChart chart = sheet.getDrawingPatriarch().getCharts().get(0);
            var axis = chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt();
            assertThat(axis.getFormatCode()).isEqualTo("#,##0");
            assertThat(axis.getSourceLinked()).isFalse();
        }
    }
}
