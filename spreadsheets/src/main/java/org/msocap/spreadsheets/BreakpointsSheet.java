package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.msocap.waterfall.BreakpointTable;

/**
 * The waterfall's exact breakpoints: within each segment every claimant's payout is
 * {@code intercept + marginal share × equity proceeds}. The live waterfall looks its lines up here.
 *
 * <p>Printed for a client: the stacked chart of payout by security first, then the payouts it draws (at
 * round equity proceeds) and at each breakpoint, then the segment detail as two tables, intercepts and
 * marginal shares. Every table has the same columns (segment, equity proceeds, one per security), so the one
 * repeated header row is right on every page, and the sheet prints one security a column at a readable size;
 * past {@link #SECURITIES_PER_PAGE} securities it prints pages across, each repeating the two label columns.
 */
final class BreakpointsSheet {

    static final String NAME = "Breakpoints";
    static final String FROM = "BreakpointFrom";
    /** Securities printed side by side before the sheet continues on a page to the right. */
    static final int SECURITIES_PER_PAGE = 9;
    private static final int CHART_ROW = 3;
    private static final int CHART_ROWS = 30;

    private BreakpointsSheet() {
    }

    /** Where claimant {@code i}'s intercepts and marginal shares are, one row per segment. */
    record Layout(int interceptRow, int slopeRow, int segments, List<String> ids) {
        static int column(int i) {
            return 2 + i;
        }

        String intercepts(int i) {
            return range(interceptRow, column(i));
        }

        String marginalShares(int i) {
            return range(slopeRow, column(i));
        }

        String from() {
            return range(interceptRow, 1);
        }

        private String range(int firstRow, int column) {
            String col = SheetWriter.column(column);
            return "'" + NAME + "'!$" + col + "$" + (firstRow + 1) + ":$" + col + "$" + (firstRow + segments);
        }
    }

    /** Points of the stacked payout chart, evenly spaced from 0 so its category axis reads as a scale. */
    static final int CHART_POINTS = 21;

    static Layout write(SheetWriter w, BreakpointTable table, double chartEnd, ClientLabels labels) {
        Styles s = w.styles;
        List<String> ids = table.ids();
        List<BreakpointTable.Segment> segments = table.segments();
        w.text(0, 0, "Breakpoints — where each security's share of the next dollar changes", s.title);
        w.text(1, 0, "Between two breakpoints every payout is a straight line in the equity proceeds: intercept + marginal "
                + "share × equity proceeds (exact values as msocap computes them; the live waterfall looks them up here).",
                s.subtitle);
        String[] titles = titles(ids, labels);

        // The segment tables come last on the page but are written first: every formula above reads them.
        int pointsLabel = CHART_ROW + CHART_ROWS + 1;
        int pointsHeader = pointsLabel + 1;
        int breakpointsLabel = pointsHeader + CHART_POINTS + 2;
        int breakpointsHeader = breakpointsLabel + 1;
        int interceptLabel = breakpointsHeader + segments.size() + 3;
        int interceptRow = interceptLabel + 2;
        int slopeLabel = interceptRow + segments.size() + 1;
        int slopeRow = slopeLabel + 2;
        Layout layout = new Layout(interceptRow, slopeRow, segments.size(), ids);

        label(w, interceptLabel, "Segments — intercept: each security's payout where the straight line of its segment "
                + "would cross zero equity proceeds");
        w.header(interceptLabel + 1, titles);
        label(w, slopeLabel, "Segments — marginal share: each security's share of the next dollar of equity proceeds "
                + "within the segment");
        w.header(slopeLabel + 1, titles);
        for (int k = 0; k < segments.size(); k++) {
            BreakpointTable.Segment seg = segments.get(k);
            for (int row : new int[] {interceptRow + k, slopeRow + k}) {
                w.number(row, 0, k + 1, s.integer);
                w.number(row, 1, seg.from().doubleValue(), s.money);
            }
            for (int i = 0; i < ids.size(); i++) {
                w.number(interceptRow + k, Layout.column(i), seg.intercepts().get(i).doubleValue(), s.money);
                w.number(slopeRow + k, Layout.column(i), seg.marginalShares().get(i).doubleValue(), s.decimal);
            }
        }
        w.name(FROM, layout.from());

        stackedPayouts(w, pointsLabel, layout, labels, titles, chartEnd(segments, chartEnd));
        payoutsAtBreakpoints(w, breakpointsLabel, layout, titles);

        w.finish(pointsHeader, -1);
        w.sheet.setRepeatingRows(new CellRangeAddress(pointsHeader, pointsHeader, -1, -1));
        w.sheet.createFreezePane(2, 0);
        // The chart prints whole on the first page; the tables start on the next.
        w.sheet.setRowBreak(CHART_ROW + CHART_ROWS);
        if (ids.size() > SECURITIES_PER_PAGE) {
            w.sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 1));
            for (int c = 2 + SECURITIES_PER_PAGE; c < 2 + ids.size(); c += SECURITIES_PER_PAGE) {
                w.sheet.setColumnBreak(c - 1);
            }
            w.sheet.getPrintSetup().setFitWidth((short) ((ids.size() + SECURITIES_PER_PAGE - 1) / SECURITIES_PER_PAGE));
        }
        return layout;
    }

    private static String[] titles(List<String> ids, ClientLabels labels) {
        List<String> titles = new ArrayList<>(List.of("Segment", "Equity proceeds"));
        ids.forEach(id -> titles.add(labels.claimant(id)));
        return titles.toArray(String[]::new);
    }

    /** Where the chart ends: past the last breakpoint and the largest scenario. */
    private static double chartEnd(List<BreakpointTable.Segment> segments, double chartEnd) {
        double last = segments.get(segments.size() - 1).from().doubleValue();
        return Math.max(chartEnd, last > 0 ? last * 1.5 : 1_000_000);
    }

    /** Payouts at every breakpoint, each a formula over its segment's line. */
    private static void payoutsAtBreakpoints(SheetWriter w, int r, Layout layout, String[] titles) {
        Styles s = w.styles;
        label(w, r++, "Payout by security at each breakpoint (formulas over the segments below)");
        w.header(r++, titles);
        for (int k = 0; k < layout.segments(); k++) {
            int segmentRow = layout.interceptRow() + k + 1;
            w.number(r, 0, k + 1, s.integer);
            w.formula(r, 1, "$B$" + segmentRow, s.money);
            for (int i = 0; i < layout.ids().size(); i++) {
                String col = SheetWriter.column(Layout.column(i));
                w.formula(r, Layout.column(i), col + "$" + segmentRow + "+" + col + "$" + (layout.slopeRow() + k + 1)
                        + "*$B" + (r + 1), s.money);
            }
            r++;
        }
    }

    /**
     * Payout by security at evenly spaced equity proceeds, each a formula that finds its segment in the table
     * below and applies that segment's line, and the stacked chart over them above: the bands add up to the
     * equity proceeds, and both follow the segment table when it changes.
     */
    private static void stackedPayouts(SheetWriter w, int r, Layout layout, ClientLabels labels, String[] titles, double end) {
        Styles s = w.styles;
        List<String> ids = layout.ids();
        double step = niceStep(end / (CHART_POINTS - 1));
        label(w, r++, "Payout by security at round equity proceeds (formulas over the segments below)");
        w.header(r++, titles);
        int first = r;
        for (int k = 0; k < CHART_POINTS; k++) {
            int row = r + 1;
            w.formula(r, 0, "MATCH(B" + row + "," + FROM + ",1)", s.integer);
            w.number(r, 1, k * step, s.money);
            for (int i = 0; i < ids.size(); i++) {
                w.formula(r, Layout.column(i), "INDEX(" + layout.intercepts(i) + ",$A" + row + ")+INDEX("
                        + layout.marginalShares(i) + ",$A" + row + ")*$B" + row, s.money);
            }
            r++;
        }
        List<Charts.Series> series = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            series.add(new Charts.Series(labels.claimant(ids.get(i)), Layout.column(i)));
        }
        Charts.stackedArea((XSSFSheet) w.sheet, "Payout by security against equity proceeds (stacked)", "Equity proceeds",
                "Payout", new Charts.Anchor(0, CHART_ROW, Math.max(8, Math.min(ids.size(), SECURITIES_PER_PAGE) + 2), CHART_ROW + CHART_ROWS),
                (XSSFSheet) w.sheet, first, r - 1, 1, series);
    }

    /** A table's title: it runs on over the columns to its right and must not widen the segment column. */
    private static void label(SheetWriter w, int r, String text) {
        w.cell(r, 0, w.styles.label).setCellValue(text);
    }

    /** The smallest round step (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten) at or above {@code raw}, for the axis. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 50_000;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
