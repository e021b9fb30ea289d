package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.msocap.money.Money;
import org.msocap.simulation.Histogram;
import org.msocap.simulation.RunSample;
import org.msocap.simulation.SeriesStatistics;
import org.msocap.simulation.SimulationResult;

/**
 * The Monte Carlo simulation: statistics per value, class, category and holder, the histograms of
 * enterprise value and equity proceeds with a chart of the latter (an ordinary sheet), and the sampled runs
 * on a separate sheet that is streamed row by row (SXSSF), so 100,000 runs do not sit in memory as cells.
 * A streamed sheet cannot hold a chart, which is why the chart lives here.
 */
final class SimulationSheet {

    static final String NAME = "Simulation";
    static final String RUNS_NAME = "Simulation Runs";

    private SimulationSheet() {
    }

    static void write(SheetWriter w, SimulationResult result, ClientLabels labels) {
        Styles s = w.styles;
        w.text(0, 0, "Simulation — " + String.format("%,d", result.runs()) + " runs, seed " + result.seed(), s.title);
        w.subtitleAcross(1, 0, 12, (result.realized() ? "Categories and holders are " + REALIZED + "; a run without an exit realizes the cash "
                + "at close of every recap and nothing more; each class is over the runs where it exists (Runs). "
                : "Runs without an exit pay nothing. ") + "Statistics are analytic values in currency units; percentiles are "
                + "nearest-rank, so each is the payout of one run. The sampled runs are on the '" + RUNS_NAME + "' sheet (the first "
                + PageSetup.PRINTED_RUNS + " print; the rest are data). " + WaterfallSheet.NO_COST_NOTE);
        int r = 3;
        w.text(r, 0, "Runs", s.label);
        w.number(r++, 1, result.runs(), s.shares);
        w.text(r, 0, "Runs with an exit", s.label);
        w.number(r++, 1, result.exitRuns(), s.shares);
        w.text(r, 0, "Exit probability", s.label);
        w.formula(r++, 1, "IF(B4=0,0,B5/B4)", s.percent);
        r++;
        int firstStats = r;
        r = statistics(w, r, "Enterprise value and equity proceeds (runs with an exit)", result.values(), SimulationSheet::valueName,
                false);
        r = statistics(w, r, "By class and security", result.classes(), key -> security(key, labels));
        if (result.realized()) {
            int header = r + 1;
            r = statistics(w, r, "By holder category — " + REALIZED, result.categories(), SimulationSheet::category);
            cashAtClose(w, header, 13, result.cashAtClose().categories());
        } else {
            r = statistics(w, r, "By holder category", result.categories(), SimulationSheet::category);
        }
        r = holderStatistics(w, r, result, labels);

        // The chart on a page of its own, then the two histograms side by side on the next, their common header row
        // repeated should many bins run onto a further page. Below the histograms the chart would not fit on their
        // page, and the repeated header would print over its remainder.
        r++;
        w.sheet.setRowBreak(r - 1);
        // A row below the break: a chart anchored on a page's first row also draws its edge at the foot of the page before.
        int chartTop = r + 1;
        boolean chart = !result.equityProceeds().bins().isEmpty();
        if (chart) {
            r += CHART_ROWS + 2;
            w.sheet.setRowBreak(r - 1);
        }
        int histogramHeader = r + 1;
        histogram(w, r, 0, "Equity proceeds", result.equityProceeds());
        histogram(w, r, HISTOGRAM_COLUMNS + 1, "Enterprise value", result.enterpriseValue());
        if (chart) {
            int first = histogramHeader + 1;
            Charts.columns((XSSFSheet) w.sheet, "Distribution of equity proceeds", "Equity proceeds (bin midpoint)", "Runs",
                    new Charts.Anchor(0, chartTop, 2 * HISTOGRAM_COLUMNS + 1, chartTop + CHART_ROWS), (XSSFSheet) w.sheet, first,
                    first + result.equityProceeds().bins().size() - 1, 0, new Charts.Series("Runs", 3));
        }
        w.widen(0, 30);
        w.finish(firstStats, -1);
        w.sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(histogramHeader, histogramHeader, -1, -1));
    }

    /** A simulated class or security key as a reader says it: a class by name, "SAFEs", "Convertible notes". */
    static String security(String key, ClientLabels labels) {
        return switch (key) {
            case "options" -> "Options";
            case "warrants" -> "Warrants";
            case "safes" -> "SAFEs";
            case "notes" -> "Convertible notes";
            case "carve-out" -> "Management carve-out";
            case org.msocap.simulation.TimelinePayoutModel.CASH_AT_CLOSE -> "Cash at close of earlier recaps";
            default -> labels.claimant(key);
        };
    }

    /** A holder category key ({@code lay}) in the words of the other sheets ("Lay individual"). */
    static String category(String key) {
        for (org.msocap.model.HolderCategory c : org.msocap.model.HolderCategory.values()) {
            if (c.id().equals(key)) {
                return ClientLabels.category(c);
            }
        }
        return key;
    }

    /** The engine's series keys as a reader says them; equity here is realized (escrow released and earnout paid count). */
    static String valueName(String key) {
        return switch (key) {
            case "enterpriseValue" -> "Enterprise value";
            case "equityProceeds" -> "Equity realized (at close + escrow released + earnout paid)";
            default -> key;
        };
    }

    private static int statistics(SheetWriter w, int r, String title, List<SeriesStatistics> rows,
                                  java.util.function.UnaryOperator<String> label) {
        return statistics(w, r, title, rows, label, true);
    }

    /** Without {@code returns} (the enterprise value and the proceeds, which nobody paid for) cost and returns stay empty. */
    private static int statistics(SheetWriter w, int r, String title, List<SeriesStatistics> rows,
                                  java.util.function.UnaryOperator<String> label, boolean returns) {
        Styles s = w.styles;
        w.heading(r++, 0, title);
        w.header(r++, "Series", "Runs", "Cost", "Mean", "Std. deviation", "P5", "P25", "Median", "P75", "P95",
                "P(below cost)", "Expected MOIC", "IRR");
        for (SeriesStatistics st : rows) {
            w.text(r, 0, label.apply(st.key()), s.wrapped);
            w.number(r, 1, st.runs(), s.shares);
            if (returns) {
                numberOrBlank(w, r, 2, st.cost(), s.estimate);
            }
            numberOrBlank(w, r, 3, st.mean(), s.estimate);
            numberOrBlank(w, r, 4, st.standardDeviation(), s.estimate);
            numberOrBlank(w, r, 5, st.p5(), s.estimate);
            numberOrBlank(w, r, 6, st.p25(), s.estimate);
            numberOrBlank(w, r, 7, st.p50(), s.estimate);
            numberOrBlank(w, r, 8, st.p75(), s.estimate);
            numberOrBlank(w, r, 9, st.p95(), s.estimate);
            if (returns) {
                returnOrDash(w, r, 10, st.probabilityBelowCost(), s.percent);
                returnOrDash(w, r, 11, st.expectedMoic(), s.multiple);
                returnOrDash(w, r, 12, st.irr(), s.percent);
            }
            r++;
        }
        return r + 1;
    }

    /**
     * The largest holders; with a carve-out, each holder's mean split beside the block into its carve-out (a value)
     * and its payout from equity (live: mean − carve-out), as the Waterfall sheet splits a holder's total.
     */
    private static int holderStatistics(SheetWriter w, int r, SimulationResult result, ClientLabels labels) {
        if (result.realized()) {
            return realizedHolderStatistics(w, r, result, labels);
        }
        if (!result.hasCarveOut()) {
            return statistics(w, r, "Largest holders by mean payout", result.holders(), labels::holder);
        }
        int header = r + 1;
        int next = statistics(w, r, "Largest holders by mean payout (mean = payout from equity + carve-out)", result.holders(),
                labels::holder);
        w.headerAt(header, 13, "Mean payout from equity", "Mean carve-out");
        for (int h = 0; h < result.holderCarveOuts().size(); h++) {
            int row = header + 1 + h;
            w.formula(row, 13, "D" + (row + 1) + "-O" + (row + 1), w.styles.estimate);
            w.number(row, 14, result.holderCarveOuts().get(h).carveOut(), w.styles.estimate);
        }
        return next;
    }

    /** What the realized tables measure, in their titles. */
    static final String REALIZED = "realized totals (cash at close of earlier recaps + this exit's payout)";

    /**
     * With recaps, the largest holders by realized total, each mean's cash at close beside the block (a value); with a
     * carve-out too, the payout from equity live as mean − carve-out − cash at close.
     */
    private static int realizedHolderStatistics(SheetWriter w, int r, SimulationResult result, ClientLabels labels) {
        int header = r + 1;
        int next = statistics(w, r, "Largest holders by mean realized total — " + REALIZED, result.holders(), labels::holder);
        if (!result.hasCarveOut()) {
            cashAtClose(w, header, 13, result.cashAtClose().holders());
            return next;
        }
        w.headerAt(header, 13, "Mean payout from equity", "Mean carve-out");
        cashAtClose(w, header, 15, result.cashAtClose().holders());
        for (int h = 0; h < result.holderCarveOuts().size(); h++) {
            int row = header + 1 + h;
            w.formula(row, 13, "D" + (row + 1) + "-O" + (row + 1) + "-P" + (row + 1), w.styles.estimate);
            w.number(row, 14, result.holderCarveOuts().get(h).carveOut(), w.styles.estimate);
        }
        return next;
    }

    /** A "Mean cash at close" column beside a block of statistics whose header is on row {@code header}. */
    private static void cashAtClose(SheetWriter w, int header, int column, List<Double> means) {
        w.headerAt(header, column, "Mean cash at close");
        for (int i = 0; i < means.size(); i++) {
            w.number(header + 1 + i, column, means.get(i), w.styles.estimate);
        }
    }

    /** A return measure, or "—" where it does not apply (no cost, no solvable rate): never 0.00x or a #NUM! error. */
    private static void returnOrDash(SheetWriter w, int r, int c, double value, CellStyle style) {
        if (Double.isFinite(value)) {
            w.number(r, c, value, style);
        } else {
            w.text(r, c, WaterfallSheet.NOT_APPLICABLE, w.styles.notApplicable);
        }
    }

    /** NaN means "not applicable" (no cost, no solvable rate): an empty cell, never a #NUM! error. */
    private static void numberOrBlank(SheetWriter w, int r, int c, double value, CellStyle style) {
        if (Double.isFinite(value)) {
            w.number(r, c, value, style);
        }
    }

    /** Rows the histogram chart spans. */
    private static final int CHART_ROWS = 24;

    /** Columns of one histogram: bin, from, to, runs, share. */
    private static final int HISTOGRAM_COLUMNS = 5;

    /** A histogram in columns {@code c0..c0+4} from row {@code r}; returns the row after it. */
    private static int histogram(SheetWriter w, int r, int c0, String title, Histogram h) {
        Styles s = w.styles;
        w.heading(r++, c0, "Histogram of " + title.toLowerCase() + " (runs with an exit)");
        w.headerAt(r++, c0, "Bin", "From", "To", "Runs", "Share of runs with an exit");
        if (h.bins().isEmpty()) {
            w.text(r++, c0, "No run ended in an exit.");
            return r;
        }
        int first = r;
        int last = first + h.bins().size() - 1;
        String runs = SheetWriter.column(c0 + 3);
        String all = "$" + runs + "$" + (first + 1) + ":$" + runs + "$" + (last + 1);
        for (int i = 0; i < h.bins().size(); i++) {
            Histogram.Bin b = h.bins().get(i);
            // The bin's label is its midpoint in millions, short enough for a chart axis.
            w.text(r, c0, String.format("%.2fM", (b.from() + b.to()) / 2 / 1_000_000));
            w.number(r, c0 + 1, b.from(), s.estimate);
            w.number(r, c0 + 2, b.to(), s.estimate);
            w.number(r, c0 + 3, b.count(), s.shares);
            w.formula(r, c0 + 4, "IF(SUM(" + all + ")=0,0," + runs + (r + 1) + "/SUM(" + all + "))", s.percent);
            r++;
        }
        return r;
    }

    /**
     * Writes the sampled runs to a streamed sheet, one row at a time; only a window of rows is in memory.
     * Values only (no formulas), so nothing needs evaluating after the rows are flushed.
     */
    static int writeRuns(Sheet sheet, Styles s, SimulationResult result, ClientLabels labels) {
        List<String> titles = new ArrayList<>(List.of("Run", "Exit date", "EBITDA multiple", "Collections growth",
                "Clinician comp", "Escrow released", "Earnout paid", "Enterprise value", "Equity proceeds"));
        result.classes().forEach(c -> titles.add(security(c.key(), labels)));
        result.categories().forEach(c -> titles.add(result.realized() ? "Realized: " + category(c.key()) : category(c.key())));
        Row header = sheet.createRow(0);
        int lines = 1;
        for (int c = 0; c < titles.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(titles.get(c));
            cell.setCellStyle(s.header);
            int width = Math.max(12, Math.min(24, titles.get(c).length() + 2));
            sheet.setColumnWidth(c, width * 256);
            // A long title ("Series A Preferred (converted at $0.6863)") wraps, bold and broken between words.
            lines = Math.max(lines, (titles.get(c).length() + width - 5) / (width - 4));
        }
        // Spreadsheet programs do not grow a row for text another program wrapped: without the height, the title is cut.
        header.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints());
        sheet.createFreezePane(1, 1);
        int r = 1;
        for (RunSample run : result.sample()) {
            Row row = sheet.createRow(r++);
            int c = 0;
            number(row, c++, run.run() + 1, s.integer);
            if (run.exitDate().isPresent()) {
                Cell date = row.createCell(c);
                date.setCellValue(run.exitDate().get());
                date.setCellStyle(s.date);
            }
            c++;
            driver(row, c++, run.ebitdaMultiple(), s.multiple, s);
            driver(row, c++, run.collectionsGrowth(), s.percent, s);
            driver(row, c++, run.clinicianComp(), s.percent, s);
            number(row, c++, run.escrowReleased(), s.percent);
            number(row, c++, run.earnoutPaid(), s.percent);
            money(row, c++, run.enterpriseValue(), s.money);
            money(row, c++, run.equityProceeds(), s.money);
            for (Money m : run.classPayouts()) {
                money(row, c++, m, s.money);
            }
            for (Money m : run.categoryPayouts()) {
                money(row, c++, m, s.money);
            }
        }
        sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        return titles.size();
    }

    /** A driver of the run, or "—" where the model does not simulate it: a blank column read as missing data. */
    private static void driver(Row row, int c, double value, CellStyle style, Styles s) {
        if (Double.isFinite(value)) {
            number(row, c, value, style);
        } else {
            Cell cell = row.createCell(c);
            cell.setCellValue(WaterfallSheet.NOT_APPLICABLE);
            cell.setCellStyle(s.notApplicable);
        }
    }

    private static void number(Row row, int c, double value, CellStyle style) {
        if (Double.isFinite(value)) {
            Cell cell = row.createCell(c);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static void money(Row row, int c, Money value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value.amount().doubleValue());
        cell.setCellStyle(style);
    }
}
