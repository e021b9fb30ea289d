package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.io.VentureReader;
import org.msocap.simulation.SimulationOptions;
import org.msocap.simulation.SimulationResult;

/** With a recap among the deal events, the Simulation sheet shows realized totals and says so (issue 14). */
class SimulationSheetEventsTest {

    @TempDir
    Path dir;

    @Test
    void categoriesAndHoldersAreRealizedTotalsWithTheirCashAtClose() throws Exception {
        WorkbookContent content = WorkbookContent.of(VentureReader.read(Path.of("..", "examples", "ventures",
                "derm-recap-second-bite.yaml")), SimulationOptions.of(600, 42).withSampleRuns(50));
        SimulationResult result = content.simulation();
        assertThat(result.realized()).isTrue();
        Path out = dir.resolve("derm.xlsx");
        WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet stats = wb.getSheet(SimulationSheet.NAME);
            assertThat(stats.getRow(1).getCell(0).getStringCellValue()).startsWith("Categories and holders are realized totals");
            int categories = WaterfallSheetTest.rowOf(stats, "By holder category — " + SimulationSheet.REALIZED, 0);
            assertThat(stats.getRow(categories + 1).getCell(13).getStringCellValue()).isEqualTo("Mean cash at close");
            for (int c = 0; c < result.categories().size(); c++) {
                Row row = stats.getRow(categories + 2 + c);
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(result.categories().get(c).mean());
                assertThat(row.getCell(13).getNumericCellValue()).isEqualTo(result.cashAtClose().categories().get(c));
            }
            int holders = WaterfallSheetTest.rowOf(stats, "Largest holders by mean realized total — " + SimulationSheet.REALIZED, 0);
            for (int h = 0; h < result.holders().size(); h++) {
                Row row = stats.getRow(holders + 2 + h);
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(result.holders().get(h).mean());
                assertThat(row.getCell(13).getNumericCellValue()).isEqualTo(result.cashAtClose().holders().get(h));
            }
            assertThat(WaterfallSheetTest.rowOf(stats, "Cash at close of earlier recaps", 0)).isPositive();
            Sheet runs = wb.getSheet(SimulationSheet.RUNS_NAME);
            Row header = runs.getRow(0);
            assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue()).startsWith("Realized: ");
        }
    }
}
