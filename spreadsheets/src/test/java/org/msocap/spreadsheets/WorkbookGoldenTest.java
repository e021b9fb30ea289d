package org.msocap.spreadsheets;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported workbook's sheets, cells, formulas, cached results and named ranges against a reviewed
 * golden text file. Regenerate with {@code -Dmsocap.golden.update=true} (see {@link Golden}).
 */
class WorkbookGoldenTest {

    @TempDir
    Path dir;

    @Test
    void sunriseWorkbookMatchesItsGoldenContent() throws Exception {
        Path out = dir.resolve("sunrise.xlsx");
        WorkbookExporter.DEFAULT.export(WorkbookContent.of(TestVentures.sunrise()), out, ExportOptions.defaults());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Golden.assertMatches(WorkbookDump.of(wb), "sunrise-workbook.txt");
        }
    }
}
