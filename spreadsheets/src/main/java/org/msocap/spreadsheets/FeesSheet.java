package org.msocap.spreadsheets;

import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.msocap.fees.BasisComparison;
import org.msocap.fees.FeeModel;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;

/**
 * The fee model's inputs (blue on yellow, each a named range), a year-by-year summary that sums the
 * monthly projection by formulas, the fee-basis comparison, and a chart of the fee stream. Change an input
 * and the Fee Projection sheet, this summary and the chart follow.
 */
final class FeesSheet {

    static final String NAME = "Fees";
    static final String[] BASES = {"fixed", "percent-of-collections", "percent-of-net", "cost-plus", "hybrid", "residual"};

    static final int INPUT_HEADER_ROW = 3;

    private FeesSheet() {
    }

    /** Names of one practice's input cells, e.g. {@code Collections_sunrise_ca}. */
    record PracticeInputs(String practiceId, String collections, String growth, String clinicianComp, String otherCosts,
                          String basis, String monthly, String escalator, String percent, String markup) {
        static PracticeInputs of(String practiceId) {
            String suffix = "_" + practiceId.replace('-', '_');
            return new PracticeInputs(practiceId, "Collections" + suffix, "Growth" + suffix, "ClinicianComp" + suffix,
                    "OtherCosts" + suffix, "FeeBasis" + suffix, "FeeMonthly" + suffix, "FeeEscalator" + suffix,
                    "FeePercent" + suffix, "FeeMarkup" + suffix);
        }
    }

    static final String MSO_COSTS = "MsoOperatingCosts";
    static final String MSO_COST_GROWTH = "MsoCostGrowth";

    /** Writes the input block and names it; the projection sheet's formulas use the names. */
    static int writeInputs(SheetWriter w, FeeModel model, ClientLabels labels) {
        Styles s = w.styles;
        w.text(0, 0, "Fees — management fee model", s.title);
        w.text(1, 0, "Inputs are blue on yellow and named; change one and the Fee Projection, this summary and the chart "
                + "recalculate. Fee basis is one of: " + String.join(", ", BASES) + ".", s.subtitle);
        w.header(INPUT_HEADER_ROW, "Practice", "Agreement", "Collections (year 1)", "Growth / year", "Clinician comp "
                + "(% of collections)", "Other practice costs / year", "Fee basis", "Fixed fee / month", "Escalator / year",
                "Fee percent", "Cost-plus markup");
        int r = INPUT_HEADER_ROW + 1;
        for (FeeModel.ManagedPractice p : model.practices()) {
            PracticeInputs n = PracticeInputs.of(p.practiceId());
            Financials.PracticeFinancials f = p.financials();
            FeeTerms t = p.terms();
            w.text(r, 0, labels.practice(p.practiceId()), s.wrapped);
            w.text(r, 1, labels.agreementKind(p.agreementId()), s.wrapped);
            named(w, r, 2, n.collections(), f.collections().amount().doubleValue(), s.moneyInput);
            named(w, r, 3, n.growth(), f.growth().doubleValue(), s.percentInput);
            named(w, r, 4, n.clinicianComp(), f.clinicianComp().doubleValue(), s.percentInput);
            named(w, r, 5, n.otherCosts(), f.otherCosts().amount().doubleValue(), s.moneyInput);
            w.text(r, 6, t.basis().id(), s.textInput);
            w.name(n.basis(), w.absolute(r, 6));
            named(w, r, 7, n.monthly(), t.monthly().amount().doubleValue(), s.moneyInput);
            named(w, r, 8, n.escalator(), t.escalator().doubleValue(), s.percentInput);
            named(w, r, 9, n.percent(), t.percent().doubleValue(), s.percentInput);
            named(w, r, 10, n.markup(), t.markup().doubleValue(), s.percentInput);
            r++;
        }
        r++;
        w.header(r, "MSO", "", "Operating costs (year 1)", "Cost growth / year");
        r++;
        w.text(r, 0, "MSO");
        named(w, r, 2, MSO_COSTS, model.mso().operatingCosts().amount().doubleValue(), s.moneyInput);
        named(w, r, 3, MSO_COST_GROWTH, model.mso().costGrowth().doubleValue(), s.percentInput);
        return r + 1;
    }

    private static void named(SheetWriter w, int r, int c, String name, double value, org.apache.poi.ss.usermodel.CellStyle style) {
        w.number(r, c, value, style);
        w.name(name, w.absolute(r, c));
    }

    /**
     * Writes the yearly summary (SUMIF over the projection's year column), the basis comparison and the
     * fee-stream chart below the inputs.
     */
    static void writeSummary(SheetWriter w, int firstFreeRow, FeeModel model, FeeProjectionSheet.Layout projection,
                             List<BasisComparison> comparisons, ClientLabels labels) {
        Styles s = w.styles;
        int r = firstFreeRow + 1;
        w.heading(r++, 0, "By projection year (sums of the monthly Fee Projection)");
        w.header(r++, "Year", "Period", "Collections", "Management fees (MSO revenue)", "Practice margin after fee",
                "MSO operating costs", "MSO EBITDA", "EBITDA margin");
        int firstYear = r;
        for (int y = 1; y <= model.years(); y++) {
            w.number(r, 0, y, s.integer);
            w.text(r, 1, model.start().plusYears(y - 1L) + " .. " + model.start().plusYears(y).minusDays(1));
            String year = "$A" + (r + 1);
            w.formula(r, 2, projection.sumIf(year, projection.collectionsColumns()), s.money);
            w.formula(r, 3, projection.sumIf(year, List.of(projection.msoRevenueColumn())), s.money);
            w.formula(r, 4, projection.sumIf(year, projection.marginColumns()), s.money);
            w.formula(r, 5, projection.sumIf(year, List.of(projection.msoCostsColumn())), s.money);
            w.formula(r, 6, projection.sumIf(year, List.of(projection.msoEbitdaColumn())), s.money);
            w.formula(r, 7, "IF(D" + (r + 1) + "=0,0,G" + (r + 1) + "/D" + (r + 1) + ")", s.percent);
            r++;
        }
        int lastYear = r - 1;
        w.text(r, 0, "Total", s.totalLabel);
        for (int c = 2; c <= 6; c++) {
            String col = SheetWriter.column(c);
            w.formula(r, c, "SUM(" + col + (firstYear + 1) + ":" + col + (lastYear + 1) + ")", s.moneyTotal);
        }
        w.formula(r, 7, "IF(D" + (r + 1) + "=0,0,G" + (r + 1) + "/D" + (r + 1) + ")", s.percentTotal);
        w.name("TotalManagementFees", w.absolute(r, 3));
        w.name("TotalMsoEbitda", w.absolute(r, 6));
        r += 2;

        for (BasisComparison comparison : comparisons) {
            w.heading(r++, 0, "Fee-basis comparison for " + labels.practice(comparison.practiceId()) + " over the projection (as computed)");
            w.header(r++, "Basis", "How its parameters were set", "Fixed fee / month", "Escalator / year", "Fee percent", "Cost-plus markup",
                    "Fee to MSO", "Left to practice", "Fee share of practice profit", "MSO EBITDA");
            // The agreed terms first, then bases run on the agreement's own parameters, then equivalents, so the
            // two kinds of comparison are never mixed in one run of rows without saying which is which.
            List<BasisComparison.Alternative> alternatives = comparison.alternatives().stream()
                    .sorted(java.util.Comparator.comparing(a -> a.source().ordinal())).toList();
            for (BasisComparison.Alternative a : alternatives) {
                FeeTerms t = a.terms();
                w.text(r, 0, basis(t.basis()) + (a.source() == BasisComparison.Source.AGREEMENT ? " (agreed)" : ""), s.wrapped);
                w.text(r, 1, source(a.source()), s.wrapped);
                w.money(r, 2, t.monthly(), s.money);
                w.number(r, 3, t.escalator(), s.percent);
                w.number(r, 4, t.percent(), s.percent);
                w.number(r, 5, t.markup(), s.percent);
                w.money(r, 6, a.feeToMso(), s.money);
                w.money(r, 7, a.leftToPractice(), s.money);
                w.number(r, 8, a.metrics().feeShareOfProfit(), s.percent);
                w.money(r, 9, a.msoEbitda(), s.money);
                r++;
            }
            r++;
        }

        // Below every table, so it covers none of them however many practices and bases there are, and on a page of its
        // own: after one practice's tables it may fit, after two it would print in two halves.
        // A row below the break: a chart anchored on a page's first row also draws its edge at the foot of the page before.
        w.sheet.setRowBreak(r - 1);
        Charts.line((XSSFSheet) w.sheet, "Fee stream by projection year", "Projection year", "Amount",
                new Charts.Anchor(0, r + 1, 7, r + 1 + CHART_ROWS),
                (XSSFSheet) w.sheet, firstYear, lastYear, 0,
                List.of(new Charts.Series("Management fees", 3), new Charts.Series("MSO EBITDA", 6)));
        // The practice, agreement and basis texts wrap in these widths, so eleven columns print at a readable scale
        // on one page's width (wider, the page would shrink to take them in).
        w.widen(0, LABEL_WIDTH);
        w.widen(1, LABEL_WIDTH);
        w.finish(INPUT_HEADER_ROW, -1);
    }

    private static final int LABEL_WIDTH = 28;
    private static final int CHART_ROWS = 20;

    static String basis(FeeTerms.Basis basis) {
        return switch (basis) {
            case FIXED -> "Fixed";
            case PERCENT_OF_COLLECTIONS -> "Percent of collections";
            case PERCENT_OF_NET -> "Percent of net";
            case COST_PLUS -> "Cost plus";
            case HYBRID -> "Hybrid";
            case RESIDUAL -> "Residual";
        };
    }

    static String source(BasisComparison.Source source) {
        return switch (source) {
            case AGREEMENT -> "Agreement: its terms";
            case AGREEMENT_PARAMETERS -> "Agreement parameters on this basis";
            case EQUIVALENT -> "Equivalent: set to charge the agreed first-year fee";
            case STATED -> "Stated";
        };
    }
}
