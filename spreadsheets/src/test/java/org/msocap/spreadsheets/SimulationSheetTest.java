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
import org.msocap.money.Money;
import org.msocap.simulation.RunSample;
import org.msocap.simulation.SeriesStatistics;
import org.msocap.simulation.SimulationResult;

/** The Simulation sheet and the streamed sheet of sampled runs carry the simulator's numbers. */
class SimulationSheetTest {

    @TempDir
    Path dir;

    @Test
    void streamedRunsAndStatisticsEqualTheSimulator() throws Exception {
        WorkbookContent content = WorkbookContent.of(TestVentures.sunrise());
        SimulationResult result = content.simulation();
        assertThat(result.sample()).hasSize(500);
        Path out = dir.resolve("sim.xlsx");
        WorkbookExporter.DEFAULT.export(content, out, ExportOptions.defaults());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet runs = wb.getSheet(SimulationSheet.RUNS_NAME);
            assertThat(runs.getLastRowNum()).isEqualTo(result.sample().size());
            assertThat(runs.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Enterprise value");
            assertThat(runs.getPaneInformation().isFreezePane()).isTrue();
            int firstClass = 9;
            for (RunSample run : result.sample()) {
                Row row = runs.getRow(run.run() + 1);
                assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(run.run() + 1);
                assertThat(cents(row.getCell(8).getNumericCellValue())).isEqualTo(run.equityProceeds().cents());
                for (int c = 0; c < run.classPayouts().size(); c++) {
                    Money expected = run.classPayouts().get(c);
                    assertThat(cents(row.getCell(firstClass + c).getNumericCellValue())).isEqualTo(expected.cents());
                }
                if (run.exitDate().isPresent()) {
                    assertThat(row.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(run.exitDate().get());
                } else {
                    assertThat(row.getCell(1)).isNull();
                }
            }
            Sheet stats = wb.getSheet(SimulationSheet.NAME);
            for (SeriesStatistics st : result.categories()) {
                int row = WaterfallSheetTest.rowOf(stats, SimulationSheet.category(st.key()),
                        WaterfallSheetTest.rowOf(stats, "By holder category", 0));
                assertThat(stats.getRow(row).getCell(3).getNumericCellValue()).isEqualTo(st.mean());
                assertThat(stats.getRow(row).getCell(7).getNumericCellValue()).isEqualTo(st.p50());
            }
            assertThat(WaterfallSheetTest.rowOf(stats, "SAFEs", 0)).isPositive();
            assertThat(WaterfallSheetTest.rowOf(stats, "Convertible notes", 0)).isPositive();
            assertThat(ClientWorkbookTest.texts(stats)).doesNotContain("Safes", "Notes", "Carve Out", "lay", "clinician", "entity");
            assertThat(wb.getSheet(SimulationSheet.NAME).getDrawingPatriarch().getCharts()).hasSize(1);
            // Issue 16: each holder's carve-out beside its mean, and the payout from equity live as mean − carve-out.
            assertThat(result.hasCarveOut()).isTrue();
            int holders = WaterfallSheetTest.rowOf(stats, "Largest holders by mean payout (mean = payout from equity + carve-out)", 0);
            assertThat(stats.getRow(holders + 1).getCell(13).getStringCellValue()).isEqualTo("Mean payout from equity");
            assertThat(stats.getRow(holders + 1).getCell(14).getStringCellValue()).isEqualTo("Mean carve-out");
            double carveOuts = 0;
            for (int h = 0; h < result.holders().size(); h++) {
                Row row = stats.getRow(holders + 2 + h);
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(result.holders().get(h).mean());
                assertThat(row.getCell(14).getNumericCellValue()).isEqualTo(result.holderCarveOuts().get(h).carveOut());
                assertThat(row.getCell(13).getCellFormula()).isEqualTo("D" + (holders + 3 + h) + "-O" + (holders + 3 + h));
                carveOuts += row.getCell(14).getNumericCellValue();
            }
            assertThat(carveOuts).isPositive();
        }
    }

    private static long cents(double value) {
        return Math.round(value * 100);
    }
}
