package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;
import org.msocap.simulation.SimulationOptions;

/**
 * Every sheet of every example prints readably: the scale at which a page fitted to its width prints (from the widths
 * of the columns that print, so without rendering; a character of column width prints as LibreOffice prints it) is at
 * least {@link #MIN_SCALE} on letter landscape, the narrower of letter and A4. The rendered pages themselves are
 * {@link ClientDeliverableTest}'s.
 */
class PrintScaleTest {

    /** Below this an 11-point body prints under 5.5 points: a page a client has to squint at. */
    static final double MIN_SCALE = PageSetup.MIN_SCALE;

    @TempDir
    Path dir;

    @Test
    void everySheetOfEveryExamplePrintsAtAReadableScale() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "ventures"))) {
            models = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        StringBuilder scales = new StringBuilder();
        List<String> small = new java.util.ArrayList<>();
        for (Path model : models) {
            Venture venture = VentureReader.read(model);
            Path xlsx = dir.resolve(model.getFileName().toString().replace(".yaml", ".xlsx"));
            WorkbookExporter.DEFAULT.export(WorkbookContent.of(venture, SimulationOptions.of(200, 42).withSampleRuns(200)), xlsx,
                    ExportOptions.defaults());
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                scales.append(model.getFileName()).append(':');
                for (Sheet sheet : wb) {
                    double scale = printScale(wb, sheet);
                    scales.append(String.format(" %s %.0f%%", sheet.getSheetName(), scale * 100));
                    if (scale < MIN_SCALE) {
                        small.add(model.getFileName() + ": " + sheet.getSheetName() + String.format(" prints at %.0f%%", scale * 100));
                    }
                }
                scales.append('\n');
            }
        }
        System.out.print(scales);
        assertThat(small).as("sheets printed below %.0f%%", MIN_SCALE * 100).isEmpty();
    }

    /** The scale a sheet prints at: its own, or, fitted to a number of pages wide, what fits its printed columns. */
    static double printScale(XSSFWorkbook wb, Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        if (!sheet.getFitToPage()) {
            return print.getScale() / 100.0;
        }
        int[] columns = printedColumns(wb, sheet);
        double width = PageSetup.printedWidth(sheet, columns[0], columns[1]);
        int pagesWide = print.getFitWidth() == 0 ? Integer.MAX_VALUE : print.getFitWidth();
        // The page's width between the sheet's own margins.
        double page = (11 - sheet.getMargin(Sheet.LeftMargin) - sheet.getMargin(Sheet.RightMargin)) * 72;
        return width == 0 ? 1 : Math.min(1, pagesWide * page / width);
    }

    /** The first and last column that print: the print area's, else every column with a cell. */
    private static int[] printedColumns(XSSFWorkbook wb, Sheet sheet) {
        String area = wb.getPrintArea(wb.getSheetIndex(sheet));
        if (area != null) {
            AreaReference ref = new AreaReference(area.substring(area.indexOf('!') + 1), SpreadsheetVersion.EXCEL2007);
            return new int[] {ref.getFirstCell().getCol(), ref.getLastCell().getCol()};
        }
        int last = -1;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        return new int[] {0, Math.max(0, last)};
    }
}
