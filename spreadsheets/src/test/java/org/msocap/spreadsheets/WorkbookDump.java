package org.msocap.spreadsheets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook's content as stable text, for golden-file tests: sheets in order, layout (frozen panes,
 * print setup, repeated rows, merged cells), every non-empty cell with its number format and its value or
 * formula and cached result, named ranges and charts. Zip bytes and timestamps are left out on purpose.
 */
final class WorkbookDump {

    private static final MathContext DIGITS = new MathContext(12);
    /** Enough for every sheet of the test venture; long streamed sheets are pinned by their row count and first rows. */
    private static final int MAX_ROWS = 120;

    private WorkbookDump() {
    }

    static String of(XSSFWorkbook wb) {
        StringBuilder out = new StringBuilder();
        out.append("force recalculation on open: ").append(wb.getForceFormulaRecalculation()).append('\n');
        List<Name> names = new ArrayList<>(wb.getAllNames());
        names.sort(Comparator.comparing(Name::getNameName));
        for (Name n : names) {
            out.append("name ").append(n.getNameName()).append(" = ").append(n.getRefersToFormula()).append('\n');
        }
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            sheet(out, wb.getSheetAt(i));
        }
        return out.toString();
    }

    private static void sheet(StringBuilder out, XSSFSheet sheet) {
        out.append("\n== sheet ").append(sheet.getSheetName()).append('\n');
        PaneInformation pane = sheet.getPaneInformation();
        out.append("frozen: ").append(pane == null || !pane.isFreezePane() ? "none"
                : "rows " + pane.getHorizontalSplitPosition() + ", columns " + pane.getVerticalSplitPosition()).append('\n');
        out.append("print: ").append(sheet.getPrintSetup().getLandscape() ? "landscape" : "portrait")
                .append(", fit width ").append(sheet.getPrintSetup().getFitWidth())
                .append(", repeat rows ").append(sheet.getRepeatingRows() == null ? "none" : sheet.getRepeatingRows().formatAsString())
                .append('\n');
        StringBuilder hidden = new StringBuilder();
        for (var cols : sheet.getCTWorksheet().getColsList()) {
            for (var col : cols.getColList()) {
                if (col.getHidden()) {
                    hidden.append(hidden.isEmpty() ? "" : ", ").append(CellReference.convertNumToColString((int) col.getMin() - 1))
                            .append(col.getMax() == col.getMin() ? "" : ":" + CellReference.convertNumToColString((int) col.getMax() - 1));
                }
            }
        }
        if (!hidden.isEmpty()) {
            out.append("hidden columns: ").append(hidden).append('\n');
        }
        var breaks = sheet.getRowBreaks();
        if (breaks.length > 0) {
            out.append("page breaks after rows: ").append(java.util.Arrays.toString(java.util.Arrays.stream(breaks).map(b -> b + 1)
                    .toArray())).append('\n');
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            out.append("merged ").append(merged.formatAsString()).append('\n');
        }
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing != null) {
            for (XSSFChart chart : drawing.getCharts()) {
                out.append("chart \"").append(chart.getTitleText()).append("\" series ").append(chart.getChartSeries().stream()
                        .mapToInt(s -> s.getSeriesCount()).sum()).append('\n');
            }
        }
        out.append("last row: ").append(sheet.getLastRowNum() + 1).append('\n');
        for (Row row : sheet) {
            if (row.getRowNum() >= MAX_ROWS) {
                out.append("(rows after ").append(MAX_ROWS).append(" not shown)\n");
                break;
            }
            for (Cell cell : row) {
                String value = cell(cell);
                if (value != null) {
                    out.append(cell.getAddress().formatAsString()).append(' ').append(value);
                    String format = cell.getCellStyle().getDataFormatString();
                    if (format != null && !format.equals("General")) {
                        out.append("  [").append(format).append(']');
                    }
                    out.append('\n');
                }
            }
        }
    }

    private static String cell(Cell cell) {
        return switch (cell.getCellType()) {
            case STRING -> "'" + cell.getStringCellValue() + "'";
            case NUMERIC -> number(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> "=" + cell.getCellFormula() + " -> " + cached(cell);
            case ERROR -> "#ERROR " + cell.getErrorCellValue();
            default -> null;
        };
    }

    private static String cached(Cell cell) {
        CellType type = cell.getCachedFormulaResultType();
        return switch (type) {
            case NUMERIC -> number(cell.getNumericCellValue());
            case STRING -> "'" + cell.getStringCellValue() + "'";
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case ERROR -> "#ERROR";
            default -> "(none)";
        };
    }

    /** Twelve significant digits: enough to pin every cent, few enough to ignore binary noise. */
    static String number(double d) {
        if (d == 0) {
            return "0";
        }
        return new BigDecimal(d).round(DIGITS).stripTrailingZeros().toPlainString();
    }
}
