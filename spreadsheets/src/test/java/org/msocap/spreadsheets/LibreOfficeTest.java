package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: LibreOffice really recalculates, rather than echoing the cached values we wrote. */
class LibreOfficeTest {

    @TempDir
    Path dir;

    @Test
    void recalculatesFormulasWhoseCachedValuesAreStale() throws Exception {
        LibreOffice.assumeInstalled();
        Path file = dir.resolve("stale.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("S");
            sheet.createRow(0).createCell(0).setCellValue(2);
            Cell formula = sheet.getRow(0).createCell(1);
            formula.setCellFormula("A1*3");
            formula.setCellValue(999); // a wrong cached value, as a stale file would carry
            // Deliberately no setForceFormulaRecalculation: the profile setting alone must force it.
            wb.write(out);
        }
        Path recalculated = LibreOffice.recalculate(file, dir);
        try (InputStream in = Files.newInputStream(recalculated); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Cell formula = wb.getSheet("S").getRow(0).getCell(1);
            assertThat(formula.getCellFormula()).isEqualTo("A1*3");
            assertThat(formula.getNumericCellValue()).isEqualTo(6.0);
        }
    }
}
