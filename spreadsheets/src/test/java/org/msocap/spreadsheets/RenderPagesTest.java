package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Renders sheets of the test venture's workbook to PNG pages for a person to look at (LibreOffice to PDF,
 * poppler's pdftoppm to PNG). On demand only:
 * <pre>
 * ./mvnw -q -B -o -pl core,spreadsheets verify -Dtest=RenderPagesTest -Dsurefire.failIfNoSpecifiedTests=false -Dmsocap.render=true
 * ls spreadsheets/target/rendered/   # sunrise.xlsx, Summary-1.png, Waterfall-1.png, ...
 * </pre>
 * Each sheet is rendered from a copy of the workbook in which every other sheet is hidden (LibreOffice
 * does not print hidden sheets; their formulas still calculate). By hand the same is:
 * {@code soffice --headless --convert-to pdf --outdir out sunrise.xlsx && pdftoppm -png -r 80 out/sunrise.pdf page}.
 */
class RenderPagesTest {

    static final List<String> SHEETS = List.of(SummarySheet.NAME, WaterfallSheet.NAME, CapTableSheet.NAME, PracticesSheet.NAME, AgreementsSheet.NAME, FeesSheet.NAME,
            FeeProjectionSheet.NAME,
            BreakpointsSheet.NAME, FindingsSheet.NAME, SimulationSheet.NAME);

    @Test
    void rendersSheetsToPng() throws Exception {
        assumeTrue(Boolean.getBoolean("msocap.render"), "rendering runs only on demand: -Dmsocap.render=true");
        LibreOffice.assumeInstalled();
        Path out = Files.createDirectories(Path.of("target", "rendered"));
        Path xlsx = out.resolve("sunrise.xlsx");
        WorkbookExporter.DEFAULT.export(WorkbookContent.of(TestVentures.sunrise()), xlsx, ExportOptions.defaults().withForce(true));
        for (String sheet : SHEETS) {
            Path only = out.resolve(sheet.replace(' ', '-') + ".xlsx");
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in);
                 OutputStream os = Files.newOutputStream(only)) {
                wb.setActiveSheet(wb.getSheetIndex(sheet));
                wb.setFirstVisibleTab(wb.getSheetIndex(sheet));
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    if (!wb.getSheetName(i).equals(sheet)) {
                        wb.setSheetVisibility(i, SheetVisibility.HIDDEN);
                    }
                }
                wb.write(os);
            }
            Path pdf = LibreOffice.toPdf(only, Files.createTempDirectory(out, "lo-"));
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", pdf.toString(),
                    out.resolve(sheet.replace(' ', '-')).toString()).inheritIO().start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
    }
}
