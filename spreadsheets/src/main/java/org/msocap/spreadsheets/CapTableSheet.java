package org.msocap.spreadsheets;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableGroup;
import org.msocap.captable.CapTableLine;
import org.msocap.captable.Convertible;
import org.msocap.captable.Security;
import org.msocap.model.EquityTerms;
import org.msocap.model.HolderCategory;

/**
 * The MSO's fully diluted cap table, one line per holding, option grant, warrant and the unissued pool.
 * Share counts are values from {@link CapTable}; every percentage and every total is a formula over
 * them, so a reader who edits a share count sees the percentages follow.
 */
final class CapTableSheet {

    static final String NAME = "Cap Table";
    /** Category label of the unissued pool, which nobody holds; SUMIF keys on it. */
    static final String POOL_CATEGORY = "Unissued pool";

    static final int HOLDER = 0;
    /** The model's id of the holder: a working column, grouped away, for tracing a line back to the model file. */
    static final int HOLDER_ID = 1;
    static final int CATEGORY = 2;
    static final int CLASS = 3;
    static final int SECURITY = 4;
    static final int SHARES = 5;
    static final int OUTSTANDING = 6;
    static final int FULLY_DILUTED = 7;
    static final int PCT_OUTSTANDING = 8;
    static final int PCT_FULLY_DILUTED = 9;

    static final int HEADER_ROW = 3;
    static final int FIRST_LINE_ROW = HEADER_ROW + 1;

    private CapTableSheet() {
    }

    /** Where the line cells landed, for formulas on other sheets. */
    record Layout(int firstRow, int lastRow) {
        String column(int c) {
            String col = SheetWriter.column(c);
            return "'" + NAME + "'!$" + col + "$" + (firstRow + 1) + ":$" + col + "$" + (lastRow + 1);
        }
    }

    static Layout write(SheetWriter w, CapTable table, EquityTerms terms, ClientLabels labels) {
        Styles s = w.styles;
        w.text(0, 0, "Cap Table — " + table.venture() + " MSO, fully diluted", s.title);
        w.text(1, 0, "Preferred counts as converted; fully diluted adds granted options, warrants and the unissued pool. "
                + "Percentages and totals are formulas over the " + terms.unit() + " columns.", s.subtitle);
        w.header(HEADER_ROW, "Holder", "Model id", "Category", "Class", "Security", EquityTerms.capitalized(terms.units()) + " held",
                "Outstanding (as-converted)",
                "Fully diluted (as-converted)", "% of outstanding", "% fully diluted");
        List<CapTableLine> lines = table.lines();
        int first = FIRST_LINE_ROW;
        int last = first + lines.size() - 1;
        int totalRow = last + 1;
        String totalOut = "TotalOutstanding";
        String totalFd = "TotalFullyDiluted";
        // Names first: POI parses each formula as it is set and must already know the names it uses.
        w.name(totalOut, w.absolute(totalRow, OUTSTANDING));
        w.name(totalFd, w.absolute(totalRow, FULLY_DILUTED));
        int r = first;
        for (CapTableLine line : lines) {
            w.text(r, HOLDER, line.holderName());
            if (!line.holder().isEmpty()) {
                w.text(r, HOLDER_ID, line.holder());
            }
            w.text(r, CATEGORY, category(line.category()));
            w.text(r, CLASS, labels.className(line.shareClass()));
            w.text(r, SECURITY, security(line.security().id(), terms));
            w.number(r, SHARES, line.shares(), s.shares);
            w.number(r, OUTSTANDING, line.outstanding().doubleValue(), sharesStyle(s, line.outstanding()));
            w.number(r, FULLY_DILUTED, line.fullyDiluted().doubleValue(), sharesStyle(s, line.fullyDiluted()));
            w.formula(r, PCT_OUTSTANDING, share(SheetWriter.ref(r, OUTSTANDING), totalOut), s.percent);
            w.formula(r, PCT_FULLY_DILUTED, share(SheetWriter.ref(r, FULLY_DILUTED), totalFd), s.percent);
            r++;
        }
        w.text(totalRow, HOLDER, "Total", s.totalLabel);
        w.formula(totalRow, SHARES, sum(first, last, SHARES), s.sharesTotal);
        w.formula(totalRow, OUTSTANDING, sum(first, last, OUTSTANDING), s.sharesTotal);
        w.formula(totalRow, FULLY_DILUTED, sum(first, last, FULLY_DILUTED), s.sharesTotal);
        w.formula(totalRow, PCT_OUTSTANDING, sum(first, last, PCT_OUTSTANDING), s.percentTotal);
        w.formula(totalRow, PCT_FULLY_DILUTED, sum(first, last, PCT_FULLY_DILUTED), s.percentTotal);
        Layout layout = new Layout(first, last);

        r = totalRow + 2;
        w.text(r++, 0, "By category", s.label);
        w.header(r++, "Category", "", "", "", "", "", "Outstanding (as-converted)", "Fully diluted (as-converted)",
                "% of outstanding", "% fully diluted");
        for (CapTableGroup g : table.byCategory()) {
            String key = g.key().equals("unissued-pool") ? POOL_CATEGORY : ClientLabels.category(HolderCategory.valueOf(g.key()
                    .toUpperCase(java.util.Locale.ROOT)));
            w.text(r, 0, key);
            String criteria = SheetWriter.exactCriterion(key);
            w.formula(r, OUTSTANDING, "SUMIF(" + range(first, last, CATEGORY) + "," + criteria + "," + range(first, last, OUTSTANDING) + ")", s.shares);
            w.formula(r, FULLY_DILUTED, "SUMIF(" + range(first, last, CATEGORY) + "," + criteria + "," + range(first, last, FULLY_DILUTED) + ")", s.shares);
            w.formula(r, PCT_OUTSTANDING, share(SheetWriter.ref(r, OUTSTANDING), totalOut), s.percent);
            w.formula(r, PCT_FULLY_DILUTED, share(SheetWriter.ref(r, FULLY_DILUTED), totalFd), s.percent);
            r++;
        }

        r++;
        w.text(r++, 0, "By class and security", s.label);
        w.header(r++, "Class", "", "", "", "Security", "", "Outstanding (as-converted)", "Fully diluted (as-converted)",
                "% of outstanding", "% fully diluted");
        for (CapTableGroup g : table.byClass()) {
            String[] parts = g.key().split(":", 2);
            // The same words as the line cells, which the SUMIFS criteria must match.
            String security = security(parts.length == 2 ? parts[0] : Security.SHARES.id(), terms);
            String cls = labels.className(parts.length == 2 ? parts[1] : parts[0]);
            w.text(r, 0, cls);
            w.text(r, SECURITY, security);
            String criteria = range(first, last, CLASS) + "," + SheetWriter.exactCriterion(cls) + "," + range(first, last, SECURITY) + ","
                    + SheetWriter.exactCriterion(security);
            w.formula(r, OUTSTANDING, "SUMIFS(" + range(first, last, OUTSTANDING) + "," + criteria + ")", s.shares);
            w.formula(r, FULLY_DILUTED, "SUMIFS(" + range(first, last, FULLY_DILUTED) + "," + criteria + ")", s.shares);
            w.formula(r, PCT_OUTSTANDING, share(SheetWriter.ref(r, OUTSTANDING), totalOut), s.percent);
            w.formula(r, PCT_FULLY_DILUTED, share(SheetWriter.ref(r, FULLY_DILUTED), totalFd), s.percent);
            r++;
        }

        if (!table.convertibles().isEmpty()) {
            r++;
            // Runs on to the right, so it must not widen the holder column (which the SAFE holders' names size).
            w.cell(r++, 0, s.label).setCellValue("SAFEs and notes (" + terms.units()
                    + " depend on the conversion price, so they are not in the totals)");
            w.header(r++, "Holder", "Model id", "Category", "Kind", "", "Amount", "Valuation cap", "Discount", "As converted at cap",
                    "% as converted at cap");
            for (Convertible c : table.convertibles()) {
                w.text(r, HOLDER, c.holderName());
                w.text(r, HOLDER_ID, c.holder());
                w.text(r, CATEGORY, category(c.category()));
                w.text(r, CLASS, c.kind().startsWith("safe") ? "SAFE" + c.kind().substring(4) : "Convertible " + c.kind());
                w.money(r, SHARES, c.amount(), s.money);
                if (c.cap() != null) {
                    w.money(r, OUTSTANDING, c.cap(), s.money);
                }
                if (c.discount() != null) {
                    w.number(r, FULLY_DILUTED, c.discount(), s.percent);
                }
                // What it would convert into at its cap (a value: it depends on the whole table, see Convertible).
                if (c.asConvertedShares() != null) {
                    w.number(r, PCT_OUTSTANDING, c.asConvertedShares().doubleValue(), s.shares);
                }
                if (c.ofAsConverted() != null) {
                    w.number(r, PCT_FULLY_DILUTED, c.ofAsConverted().doubleValue(), s.percent);
                }
                r++;
            }
        }
        w.workings(HOLDER_ID, HOLDER_ID);
        w.finish(HEADER_ROW, HEADER_ROW);
        return layout;
    }

    /** A security in the venture's words: "units" or "shares" for a holding, "unissued pool" for the pool. */
    static String security(String id, EquityTerms terms) {
        return terms.security(id).replace('-', ' ');
    }

    static String category(HolderCategory category) {
        return category == null ? POOL_CATEGORY : ClientLabels.category(category);
    }

    /** Whole share counts show as integers; a fractional conversion ratio shows its decimals. */
    private static org.apache.poi.ss.usermodel.CellStyle sharesStyle(Styles s, BigFraction value) {
        return value.getDenominator().equals(java.math.BigInteger.ONE) ? s.shares : s.decimal;
    }

    private static String share(String part, String total) {
        return "IF(" + total + "=0,0," + part + "/" + total + ")";
    }

    private static String sum(int first, int last, int c) {
        return "SUM(" + range(first, last, c) + ")";
    }

    private static String range(int first, int last, int c) {
        String col = SheetWriter.column(c);
        return "$" + col + "$" + (first + 1) + ":$" + col + "$" + (last + 1);
    }
}
