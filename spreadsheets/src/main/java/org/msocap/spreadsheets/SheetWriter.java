package org.msocap.spreadsheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.msocap.money.Money;

/**
 * Writes one ordinary sheet: cells by (row, column), the widest text per column for sensible widths
 * (measured from the content instead of {@code autoSizeColumn}, which needs fonts and is slow), and the
 * finishing touches every sheet gets: frozen header rows, landscape fit-to-width printing, repeated
 * header rows on every printed page.
 */
final class SheetWriter {

    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;
    /** A formatted number such as 12,345,678.90 or a formula's result takes about this many characters. */
    private static final int NUMBER_WIDTH = 15;

    final Sheet sheet;
    final Styles styles;
    private final int[] widths = new int[256];
    /** A cell whose text wraps, to give its row the height the text needs. */
    private record Wrap(int row, int column, String text, int span, boolean bold) {
    }

    private final java.util.List<Wrap> wrapping = new java.util.ArrayList<>();
    private final java.util.List<int[]> workingColumns = new java.util.ArrayList<>();
    /** Columns merged by {@link #textAcross}, by row. */
    private final java.util.Map<Integer, java.util.List<int[]>> mergedAcross = new java.util.HashMap<>();

    SheetWriter(Sheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    String name() {
        return sheet.getSheetName();
    }

    Row row(int r) {
        Row row = sheet.getRow(r);
        return row == null ? sheet.createRow(r) : row;
    }

    Cell cell(int r, int c, CellStyle style) {
        Cell cell = row(r).createCell(c);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    Cell text(int r, int c, String value) {
        return text(r, c, value, styles.text);
    }

    Cell text(int r, int c, String value, CellStyle style) {
        Cell cell = cell(r, c, style);
        cell.setCellValue(value);
        if (style == styles.wrapped) {
            wrapping.add(new Wrap(r, c, value, 1, false));
        } else if (style != styles.title && style != styles.subtitle && style != styles.notice) {
            measure(c, value.length() + 2);
        }
        return cell;
    }

    /**
     * A section heading in the label style, alone on its row: it runs on over the empty cells to its right, so it does
     * not widen its column (a column as wide as a heading would shrink every printed page of the sheet).
     */
    Cell heading(int r, int c, String value) {
        Cell cell = cell(r, c, styles.label);
        cell.setCellValue(value);
        return cell;
    }

    Cell number(int r, int c, double value, CellStyle style) {
        Cell cell = cell(r, c, style);
        cell.setCellValue(value);
        measure(c, width(style));
        return cell;
    }

    /** The width a number in {@code style} takes. */
    private int width(CellStyle style) {
        return style == styles.shares || style == styles.estimate ? WHOLE_WIDTH
                : style == styles.percent || style == styles.multiple ? RATIO_WIDTH : NUMBER_WIDTH;
    }

    /** A whole number to the billions with its separators (999,999,999): narrower than an amount with cents. */
    private static final int WHOLE_WIDTH = 13;
    /** A percentage or a multiple (-12.34%, 1234.56x). */
    private static final int RATIO_WIDTH = 10;

    Cell number(int r, int c, BigDecimal value, CellStyle style) {
        return number(r, c, value.doubleValue(), style);
    }

    /** Whole cents fit a double exactly enough that every reader shows and sums them to the cent. */
    Cell money(int r, int c, Money value, CellStyle style) {
        return number(r, c, value.amount().doubleValue(), style);
    }

    Cell date(int r, int c, LocalDate value) {
        Cell cell = cell(r, c, styles.date);
        cell.setCellValue(value);
        measure(c, 12);
        return cell;
    }

    Cell formula(int r, int c, String formula, CellStyle style) {
        Cell cell = cell(r, c, style);
        cell.setCellFormula(formula);
        measure(c, width(style));
        return cell;
    }

    void header(int r, String... titles) {
        headerAt(r, 0, titles);
    }

    /** A header band starting at column {@code first}. */
    void headerAt(int r, int first, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            int c = first + i;
            Cell cell = cell(r, c, styles.header);
            if (titles[i].isEmpty()) {
                continue; // a styled blank keeps the header band continuous
            }
            cell.setCellValue(titles[i]);
            wrapping.add(new Wrap(r, c, titles[i], 1, true));
            // Headers wrap, so long titles need not widen a numeric column beyond its numbers (a wider one shrinks the
            // printed page).
            measure(c, Math.min(titles[i].length() + 2, Math.max(longestWord(titles[i]) + 2, MIN_HEADER_WIDTH)));
        }
    }

    /** A header wraps between words, so it needs no more width than its longest word (or a number's, the usual content). */
    private static final int MIN_HEADER_WIDTH = 10;

    private static int longestWord(String title) {
        int longest = 0;
        for (String word : title.split(" ")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /** Wrapped text in a cell merged across columns {@code c1..c2}. */
    void textAcross(int r, int c1, int c2, String value) {
        across(r, c1, c2, value, styles.wrapped);
    }

    /**
     * A subtitle wrapped across columns {@code c1..c2}: a long one in a single cell runs on to the right, and the printed
     * page, fitted to the width of what it shows, shrinks to take it in.
     */
    void subtitleAcross(int r, int c1, int c2, String value) {
        across(r, c1, c2, value, styles.subtitleWrapped);
    }

    private void across(int r, int c1, int c2, String value, CellStyle style) {
        Cell cell = cell(r, c1, style);
        cell.setCellValue(value);
        // POI checks a new merged region against every other one on the sheet, quadratic in the Agreements sheet's
        // thousands of lines; a line is one row, so it is checked against the row's own.
        if (c2 <= c1) {
            throw new IllegalArgumentException("merged region must contain 2 or more cells: columns " + c1 + ".." + c2);
        }
        java.util.List<int[]> merged = mergedAcross.computeIfAbsent(r, k -> new java.util.ArrayList<>());
        for (int[] m : merged) {
            if (c1 <= m[1] && m[0] <= c2) {
                throw new IllegalStateException("merged cells overlap in row " + (r + 1) + ": columns " + c1 + ".." + c2 + " and "
                        + m[0] + ".." + m[1]);
            }
        }
        merged.add(new int[] {c1, c2});
        sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r, c1, c2));
        wrapping.add(new Wrap(r, c1, value, c2 - c1 + 1, false));
    }

    /**
     * Marks columns {@code first..last} as workings: grouped and collapsed when the sheet is finished, so
     * they neither show nor print, yet still calculate, and a reader can expand the group to audit them.
     */
    void workings(int first, int last) {
        workingColumns.add(new int[] {first, last});
    }

    void widen(int c, int chars) {
        measure(c, chars);
    }

    private void measure(int c, int chars) {
        if (c < widths.length) {
            widths[c] = Math.max(widths[c], chars);
        }
    }

    /**
     * Spreadsheet programs do not grow a row for wrapped text written by another program, so each row with
     * wrapping cells gets the height its longest text needs at its column's width (never lower than set).
     */
    private void fitRowHeights() {
        java.util.Map<Integer, Integer> lines = new java.util.HashMap<>();
        for (Wrap w : wrapping) {
            if (working(w.column())) {
                continue; // hidden: its text must not make the visible row tall
            }
            int width = 0;
            for (int c = w.column(); c < w.column() + w.span(); c++) {
                width += sheet.getColumnWidth(c) / 256;
            }
            // Plain text averages narrower than the digit "0" that column widths are measured in; bold header
            // text is about as wide.
            int chars = Math.max(1, (int) ((width - 1) * (w.bold() ? 1.0 : 1.3)));
            lines.merge(w.row(), lines(w.text(), chars), Math::max);
        }
        float line = sheet.getDefaultRowHeightInPoints();
        lines.forEach((r, n) -> {
            Row row = row(r);
            float needed = Math.min(n, 12) * line + 4;
            if (needed > row.getHeightInPoints()) {
                row.setHeightInPoints(needed);
            }
        });
    }

    /**
     * Hides columns {@code first..last} as one collapsed outline group. Written on the column records
     * directly: POI's {@code groupColumn} on columns that already have widths writes overlapping column
     * ranges, which readers resolve differently (LibreOffice showed the columns).
     */
    private void outline(int first, int last) {
        org.apache.poi.xssf.usermodel.XSSFSheet x = (org.apache.poi.xssf.usermodel.XSSFSheet) sheet;
        for (int c = first; c <= last; c++) {
            sheet.setColumnHidden(c, true);
            x.getColumnHelper().getColumn(c, false).setOutlineLevel((short) 1);
        }
        var format = x.getCTWorksheet().isSetSheetFormatPr() ? x.getCTWorksheet().getSheetFormatPr()
                : x.getCTWorksheet().addNewSheetFormatPr();
        format.setOutlineLevelCol((short) 1);
    }

    private boolean working(int c) {
        return workingColumns.stream().anyMatch(g -> g[0] <= c && c <= g[1]);
    }

    /** Lines the text takes when wrapped at word boundaries, {@code chars} to a line (a long word breaks). */
    static int lines(String text, int chars) {
        int lines = 1;
        int used = 0;
        for (String word : text.split(" ")) {
            int len = word.length();
            if (used > 0 && used + 1 + len > chars) {
                lines++;
                used = 0;
            }
            used += (used > 0 ? 1 : 0) + len;
            while (used > chars) {
                lines++;
                used -= chars;
            }
        }
        return lines;
    }

    /** An absolute reference such as {@code 'Cap Table'!$H$12} for named ranges and cross-sheet formulas. */
    String absolute(int r, int c) {
        return new CellReference(sheet.getSheetName(), r, c, true, true).formatAsString();
    }

    String absolute(int r1, int c1, int r2, int c2) {
        return absolute(r1, c1) + ":" + new CellReference(r2, c2, true, true).formatAsString();
    }

    static String ref(int r, int c) {
        return new CellReference(r, c).formatAsString();
    }

    /**
     * A SUMIF/SUMIFS criterion, as a formula string literal, that matches exactly the cells holding {@code text}: the
     * model's names may hold a quote (doubled inside the literal, or the formula does not parse), a wildcard {@code *}
     * or {@code ?} or a {@code ~} (escaped with {@code ~}, or a name would match others), or start with a comparison
     * ({@code "="} first makes it an equality test). A plain name is written as it is.
     */
    static String exactCriterion(String text) {
        String escaped = text.replace("~", "~~").replace("*", "~*").replace("?", "~?");
        if (!escaped.isEmpty() && "=<>".indexOf(escaped.charAt(0)) >= 0) {
            escaped = "=" + escaped;
        }
        return "\"" + escaped.replace("\"", "\"\"") + "\"";
    }

    static String column(int c) {
        return CellReference.convertNumToColString(c);
    }

    void name(String name, String reference) {
        Name n = sheet.getWorkbook().createName();
        n.setNameName(name);
        n.setRefersToFormula(reference);
    }

    /**
     * Sets widths from the content, freezes the rows above {@code headerRow + 1} and sets up printing:
     * landscape, one page wide, the header rows repeated on every page.
     */
    void finish(int firstRepeatedRow, int headerRow) {
        // Every working column gets a column record here, in column order, so that hiding it below
        // changes records instead of appending one out of order.
        for (int[] group : workingColumns) {
            for (int c = group[0]; c <= group[1]; c++) {
                measure(c, MIN_WIDTH);
            }
        }
        for (int c = 0; c < widths.length; c++) {
            if (widths[c] > 0) {
                sheet.setColumnWidth(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c])) * 256);
            }
        }
        fitRowHeights();
        for (int[] group : workingColumns) {
            outline(group[0], group[1]);
        }
        if (headerRow >= 0) {
            sheet.createFreezePane(0, headerRow + 1);
            sheet.setRepeatingRows(new CellRangeAddress(firstRepeatedRow, headerRow, -1, -1));
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setAutobreaks(true);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
    }
}
