package org.msocap.spreadsheets;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

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
     * {@link #PRINTED_RUNS} runs across all {@code columns}, so 100,000 runs stay in the file but print on one page.
     * The column count comes from the writer: the streamed header row may already be flushed to disk.
     */
    static void runsSheet(Workbook wb, Sheet runs, String venture, int sampledRuns, int columns) {
        apply(runs, venture);
        wb.setPrintArea(wb.getSheetIndex(runs), 0, columns - 1, 0, Math.min(sampledRuns, PRINTED_RUNS));
    }

    private static void apply(Sheet sheet, String venture) {
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
