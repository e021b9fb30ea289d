package org.msocap.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook as LibreOffice recalculated it, read back with POI. Formula cells return LibreOffice's
 * results (the cached values of the file LibreOffice saved), not ours.
 */
final class Recalculated implements AutoCloseable {

    final XSSFWorkbook workbook;

    private Recalculated(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    /** Exports {@code content}, lets {@code edit} change input cells as a reader would, then recalculates in LibreOffice. */
    static Recalculated of(WorkbookContent content, Path dir, Consumer<XSSFWorkbook> edit) throws Exception {
        Path exported = Files.createTempFile(dir, "export-", ".xlsx");
        Files.delete(exported);
        WorkbookExporter.DEFAULT.export(content, exported, ExportOptions.defaults());
        Path edited = exported;
        if (edit != null) {
            edited = Files.createTempFile(dir, "edited-", ".xlsx");
            try (InputStream in = Files.newInputStream(exported); XSSFWorkbook wb = new XSSFWorkbook(in);
                 OutputStream out = Files.newOutputStream(edited)) {
                edit.accept(wb);
                wb.write(out);
            }
        }
        Path recalculated = LibreOffice.recalculate(edited, dir);
        try (InputStream in = Files.newInputStream(recalculated)) {
            return new Recalculated(new XSSFWorkbook(in));
        }
    }

    /** One export, edited in several ways (one workbook each), all recalculated in a single LibreOffice run. */
    static List<Recalculated> ofEach(WorkbookContent content, Path dir, List<Consumer<XSSFWorkbook>> edits) throws Exception {
        Path exported = Files.createTempFile(dir, "export-", ".xlsx");
        Files.delete(exported);
        WorkbookExporter.DEFAULT.export(content, exported, ExportOptions.defaults());
        List<Path> edited = new ArrayList<>();
        for (Consumer<XSSFWorkbook> edit : edits) {
            Path file = Files.createTempFile(dir, "edited-", ".xlsx");
            try (InputStream in = Files.newInputStream(exported); XSSFWorkbook wb = new XSSFWorkbook(in);
                 OutputStream out = Files.newOutputStream(file)) {
                edit.accept(wb);
                wb.write(out);
            }
            edited.add(file);
        }
        List<Recalculated> out = new ArrayList<>();
        for (Path recalculated : LibreOffice.recalculateAll(edited, dir)) {
            try (InputStream in = Files.newInputStream(recalculated)) {
                out.add(new Recalculated(new XSSFWorkbook(in)));
            }
        }
        return out;
    }

    /** A workbook LibreOffice already recalculated. */
    static Recalculated wrap(XSSFWorkbook recalculated) {
        return new Recalculated(recalculated);
    }

    static Recalculated of(WorkbookContent content, Path dir) throws Exception {
        return of(content, dir, null);
    }

    Cell cell(String sheet, String ref) {
        CellReference r = new CellReference(ref);
        Row row = workbook.getSheet(sheet).getRow(r.getRow());
        if (row == null || row.getCell(r.getCol()) == null) {
            throw new AssertionError("no cell " + sheet + "!" + ref);
        }
        return row.getCell(r.getCol());
    }

    double number(String sheet, String ref) {
        Cell c = cell(sheet, ref);
        if (c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() != CellType.NUMERIC) {
            throw new AssertionError(sheet + "!" + ref + " = " + c.getCellFormula() + " did not recalculate to a number");
        }
        return c.getNumericCellValue();
    }

    /** The single cell a workbook-level name refers to. */
    double named(String name) {
        Name n = workbook.getName(name);
        CellReference ref = new AreaReference(n.getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
        return number(ref.getSheetName(), new CellReference(ref.getRow(), ref.getCol()).formatAsString());
    }

    /** A value typed into the cell a name refers to, as a reader would type it. */
    static void setNamed(XSSFWorkbook wb, String name, double value) {
        Name n = wb.getName(name);
        CellReference ref = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
        wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(value);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
