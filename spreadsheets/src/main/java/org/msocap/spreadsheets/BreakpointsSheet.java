package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.msocap.waterfall.BreakpointTable;

/**
 * The waterfall's exact breakpoints: within each segment every claimant's payout is
 * {@code intercept + marginal share × equity proceeds}. The live waterfall looks its lines up here, and the
 * chart draws payout by claimant against equity proceeds through the breakpoints (exact, since the payouts
 * are straight between them).
 */
final class BreakpointsSheet {

    static final String NAME = "Breakpoints";
    static final String FROM = "BreakpointFrom";
    static final int HEADER_ROW = 3;
    static final int FIRST_ROW = HEADER_ROW + 1;

    private BreakpointsSheet() {
    }

    /** Where claimant {@code i}'s intercept and marginal share columns are. */
    record Layout(int firstRow, int lastRow, List<String> ids) {
        static int interceptColumn(int i) {
            return 2 + 2 * i;
        }

        static int slopeColumn(int i) {
            return 3 + 2 * i;
        }

        String range(int column) {
            String col = SheetWriter.column(column);
            return "'" + NAME + "'!$" + col + "$" + (firstRow + 1) + ":$" + col + "$" + (lastRow + 1);
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
                + "share × equity proceeds (exact values from the waterfall engine; the live waterfall looks them up here).",
                s.subtitle);
        List<String> titles = new ArrayList<>(List.of("Segment", "From equity proceeds"));
        for (String id : ids) {
            titles.add(labels.claimant(id) + ": intercept");
            titles.add(labels.claimant(id) + ": marginal share");
        }
        w.header(HEADER_ROW, titles.toArray(String[]::new));
        int r = FIRST_ROW;
        for (int k = 0; k < segments.size(); k++) {
            BreakpointTable.Segment seg = segments.get(k);
            w.number(r, 0, k + 1, s.integer);
            w.number(r, 1, seg.from().doubleValue(), s.money);
            for (int i = 0; i < ids.size(); i++) {
                w.number(r, Layout.interceptColumn(i), seg.intercepts().get(i).doubleValue(), s.money);
                w.number(r, Layout.slopeColumn(i), seg.marginalShares().get(i).doubleValue(), s.decimal);
            }
            r++;
        }
        Layout layout = new Layout(FIRST_ROW, r - 1, ids);
        w.name(FROM, layout.range(1));

        // Payouts at every breakpoint and at one point beyond the last, for the chart.
        r++;
        w.text(r++, 0, "Payout at each breakpoint (formulas over the segments above)", s.label);
        List<String> pointTitles = new ArrayList<>(List.of("Segment", "Equity proceeds"));
        ids.forEach(id -> pointTitles.add(labels.claimant(id)));
        w.header(r++, pointTitles.toArray(String[]::new));
        int firstPoint = r;
        List<Double> xs = new ArrayList<>();
        for (BreakpointTable.Segment seg : segments) {
            xs.add(seg.from().doubleValue());
        }
        double last = xs.get(xs.size() - 1);
        xs.add(Math.max(chartEnd, last > 0 ? last * 1.5 : 1_000_000));
        for (int p = 0; p < xs.size(); p++) {
            int segmentRow = FIRST_ROW + Math.min(p, segments.size() - 1) + 1;
            w.number(r, 0, Math.min(p, segments.size() - 1) + 1, s.integer);
            if (p < segments.size()) {
                w.formula(r, 1, "$B$" + segmentRow, s.money);
            } else {
                w.number(r, 1, xs.get(p), s.money);
            }
            for (int i = 0; i < ids.size(); i++) {
                String intercept = SheetWriter.column(Layout.interceptColumn(i)) + "$" + segmentRow;
                String slope = SheetWriter.column(Layout.slopeColumn(i)) + "$" + segmentRow;
                w.formula(r, 2 + i, intercept + "+" + slope + "*$B" + (r + 1), s.money);
            }
            r++;
        }
        r = stackedPayouts(w, r + 1, layout, labels, xs.get(xs.size() - 1));
        w.finish(HEADER_ROW, HEADER_ROW);
        w.sheet.createFreezePane(2, HEADER_ROW + 1);
        return layout;
    }

    /**
     * Payout by security at evenly spaced equity proceeds, each a formula that finds its segment in the table
     * above and applies that segment's line, and the stacked chart over them: the bands add up to the equity
     * proceeds, and both follow the segment table when it changes.
     */
    private static int stackedPayouts(SheetWriter w, int r, Layout layout, ClientLabels labels, double end) {
        Styles s = w.styles;
        List<String> ids = layout.ids();
        double step = niceStep(end / (CHART_POINTS - 1));
        w.text(r++, 0, "Payout by security at round equity proceeds (formulas over the segments above)", s.label);
        List<String> titles = new ArrayList<>(List.of("Segment", "Equity proceeds"));
        ids.forEach(id -> titles.add(labels.claimant(id)));
        w.header(r++, titles.toArray(String[]::new));
        int first = r;
        for (int k = 0; k < CHART_POINTS; k++) {
            int row = r + 1;
            w.formula(r, 0, "MATCH(B" + row + "," + FROM + ",1)", s.integer);
            w.number(r, 1, k * step, s.money);
            for (int i = 0; i < ids.size(); i++) {
                w.formula(r, 2 + i, "INDEX(" + layout.range(Layout.interceptColumn(i)) + ",$A" + row + ")+INDEX("
                        + layout.range(Layout.slopeColumn(i)) + ",$A" + row + ")*$B" + row, s.money);
            }
            r++;
        }
        List<Charts.Series> series = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            series.add(new Charts.Series(labels.claimant(ids.get(i)), 2 + i));
        }
        Charts.stackedArea((XSSFSheet) w.sheet, "Payout by security against equity proceeds (stacked)", "Equity proceeds",
                "Payout", new Charts.Anchor(0, r + 1, Math.max(8, Math.min(ids.size() + 2, 12)), r + 26), (XSSFSheet) w.sheet,
                first, r - 1, 1, series);
        return r + 27;
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
