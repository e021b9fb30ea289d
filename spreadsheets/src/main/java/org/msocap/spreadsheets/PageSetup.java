package org.msocap.spreadsheets;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What every printed page carries, so a page handed on alone still says whose model it is, which sheet,
 * which page of how many, and that it is not legal advice; and what of the sampled runs prints.
 */
final class PageSetup {

    /** Sampled runs that print: one page of them. The rest are data, in the sheet, not on paper. */
    static final int PRINTED_RUNS = 40;

    static final String FOOTER_NOTICE = "msocap is a modeling tool, not legal advice.";

    private PageSetup() {
    }

    /** Page headers (venture, sheet) and footers (notice, page n of m) on every sheet of {@code wb}. */
    static void headersAndFooters(Workbook wb, String venture) {
        for (Sheet sheet : wb) {
            apply(sheet, venture);
        }
    }

    /**
     * The streamed runs sheet: headers and footers, and a print area of the header row and the first
     * {@link #PRINTED_RUNS} runs across all {@code columns}, so 100,000 runs stay in the file but print on a page (or a few
     * side by side when the columns are many).
     * The column count comes from the writer: the streamed header row may already be flushed to disk.
     */
    static void runsSheet(Workbook wb, Sheet runs, String venture, int sampledRuns, int columns) {
        apply(runs, venture);
        wb.setPrintArea(wb.getSheetIndex(runs), 0, columns - 1, 0, Math.min(sampledRuns, PRINTED_RUNS));
        // A run's classes and categories can be two dozen columns: on one page's width they would print too small to
        // read, so they run on over as many pages as keep them readable, each page starting with the run number.
        runs.getPrintSetup().setFitWidth((short) pagesWide(runs, columns));
        // The printed runs are one page tall: fitted to the width alone, a large scale could push the last runs over.
        runs.getPrintSetup().setFitHeight((short) 1);
        if (pagesWide(runs, columns) > 1) {
            runs.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
        }
    }

    /**
     * The smallest scale a sheet fitted to its pages' width may print at: an 11-point body at about 5.5 points, as small
     * as a page of figures may print and still be read without a glass.
     */
    static final double MIN_SCALE = 0.5;

    /** Margins a side, in inches: narrower than a spreadsheet's default 0.7, so a page takes in more columns. */
    static final double SIDE_MARGIN = 0.4;
    static final double TOP_MARGIN = 0.6;
    static final double HEADER_MARGIN = 0.3;

    /** A landscape letter page's width (the narrower of letter and A4) between the margins, in points. */
    static final double PAGE_WIDTH_POINTS = (11 - 2 * SIDE_MARGIN) * 72;

    /**
     * Printed width of one character of column width, padding included, at 100%: measured on LibreOffice's PDFs of these
     * workbooks (a cap table of 134 characters printed 9.5 in wide at 72%), wider than the 7 pixels a spreadsheet shows.
     */
    static final double CHARACTER_POINTS = 7.05;

    /**
     * The width a page of the runs sheet takes in: what prints at 55%, a little above {@link #MIN_SCALE} to leave room for
     * the run number every page repeats.
     */
    private static final double RUNS_PAGE_POINTS = PAGE_WIDTH_POINTS / 0.55;

    /** Pages across that print columns {@code 0..columns-1} of the runs sheet at a readable scale. */
    static int pagesWide(Sheet sheet, int columns) {
        return Math.max(1, (int) Math.ceil(printedWidth(sheet, 0, columns - 1) / RUNS_PAGE_POINTS));
    }

    /** Printed width at 100% of the shown columns {@code first..last}, in points. */
    static double printedWidth(Sheet sheet, int first, int last) {
        double points = 0;
        for (int c = first; c <= last; c++) {
            if (!sheet.isColumnHidden(c)) {
                points += sheet.getColumnWidth(c) / 256.0 * CHARACTER_POINTS;
            }
        }
        return points;
    }

    /** Every page's margins: see {@link #SIDE_MARGIN}. */
    static void margins(Sheet sheet) {
        sheet.setMargin(Sheet.LeftMargin, SIDE_MARGIN);
        sheet.setMargin(Sheet.RightMargin, SIDE_MARGIN);
        sheet.setMargin(Sheet.TopMargin, TOP_MARGIN);
        sheet.setMargin(Sheet.BottomMargin, TOP_MARGIN);
        sheet.setMargin(Sheet.HeaderMargin, HEADER_MARGIN);
        sheet.setMargin(Sheet.FooterMargin, HEADER_MARGIN);
    }

    private static void apply(Sheet sheet, String venture) {
        margins(sheet);
        sheet.getHeader().setLeft(escape(venture));
        sheet.getHeader().setRight("&A"); // the sheet name
        sheet.getFooter().setLeft(FOOTER_NOTICE);
        sheet.getFooter().setRight("Page &P of &N");
    }

    /** An ampersand starts a header code; a literal one is doubled. */
    static String escape(String text) {
        return text.replace("&", "&&");
    }
}
