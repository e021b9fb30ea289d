package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.msocap.fees.FeeModel;
import org.msocap.fees.MsoPeriod;
import org.msocap.fees.PracticePeriod;
import org.msocap.fees.Projection;

/**
 * The monthly fee projection as live formulas over the named inputs on the Fees sheet, reproducing the
 * engine's conventions to the cent: each year's amount is rounded once and split into twelve months with
 * the odd cents in the earliest months; compensation and the part of the fee that is a rate times a monthly
 * base are "year first": exact per month, the year's total rounded once, its cents spread over the months by
 * largest remainder (the working columns to the right do that); a fixed monthly fee is rounded each month.
 * The fee follows the basis named in the input cell, so a reader can switch basis and watch the fee change.
 *
 * <p>One exception: with several practices, the MSO's cost allocated to each (what a cost-plus fee marks
 * up) is split by largest remainder in the engine, which has no short formula; those cells are the
 * engine's values. With one practice the whole MSO cost is a formula.
 */
final class FeeProjectionSheet {

    static final String NAME = "Fee Projection";
    static final int HEADER_ROW = 2;
    static final int FIRST_ROW = HEADER_ROW + 1;
    static final int PRACTICE_COLUMNS = 17;
    /** Visible columns that print readably on one landscape page. */
    static final int COLUMNS_PER_PAGE = 16;
    static final int FIRST_PRACTICE_COLUMN = 3;

    // Offsets inside a practice block.
    static final int ANNUAL_COLLECTIONS = 0;
    static final int COLLECTIONS = 1;
    static final int COMPENSATION = 2;
    static final int PRACTICE_COSTS = 3;
    static final int MSO_COST_ALLOCATED = 4;
    static final int FEE = 5;
    static final int MARGIN = 6;
    // Workings of the two year-first amounts: exact cents, share of the year's rounded total, whole cents,
    // remainder, rank among the year's remainders.
    static final int COMP_WORKINGS = 7;
    static final int FEE_WORKINGS = 12;

    // Offsets inside the MSO block.
    static final int MSO_ANNUAL_COSTS = 0;
    static final int MSO_REVENUE = 1;
    static final int MSO_COSTS = 2;
    static final int MSO_EBITDA = 3;

    private FeeProjectionSheet() {
    }

    record Layout(int practices, int firstRow, int lastRow) {
        int practiceColumn(int practice, int offset) {
            return FIRST_PRACTICE_COLUMN + practice * PRACTICE_COLUMNS + offset;
        }

        int msoColumn(int offset) {
            return FIRST_PRACTICE_COLUMN + practices * PRACTICE_COLUMNS + offset;
        }

        List<Integer> collectionsColumns() {
            return practiceColumns(COLLECTIONS);
        }

        List<Integer> marginColumns() {
            return practiceColumns(MARGIN);
        }

        private List<Integer> practiceColumns(int offset) {
            List<Integer> out = new ArrayList<>();
            for (int p = 0; p < practices; p++) {
                out.add(practiceColumn(p, offset));
            }
            return out;
        }

        int msoRevenueColumn() {
            return msoColumn(MSO_REVENUE);
        }

        int msoCostsColumn() {
            return msoColumn(MSO_COSTS);
        }

        int msoEbitdaColumn() {
            return msoColumn(MSO_EBITDA);
        }

        String range(int column) {
            String col = SheetWriter.column(column);
            return "'" + NAME + "'!$" + col + "$" + (firstRow + 1) + ":$" + col + "$" + (lastRow + 1);
        }

        /** Sum of the given columns over the rows whose year equals {@code yearRef}; 0 over no columns (no practices). */
        String sumIf(String yearRef, List<Integer> columns) {
            if (columns.isEmpty()) {
                return "0";
            }
            List<String> parts = new ArrayList<>();
            for (int c : columns) {
                parts.add("SUMIF(" + range(1) + "," + yearRef + "," + range(c) + ")");
            }
            return String.join("+", parts);
        }
    }

    static Layout write(SheetWriter w, FeeModel model, Projection monthly, ClientLabels labels) {
        Styles s = w.styles;
        int n = model.practices().size();
        Layout layout = new Layout(n, FIRST_ROW, FIRST_ROW + monthly.periods() - 1);
        w.text(0, 0, "Fee Projection — monthly, formulas over the inputs on the Fees sheet", s.title);
        List<String> titles = new ArrayList<>(List.of("Month", "Year", "Month of year"));
        for (FeeModel.ManagedPractice p : model.practices()) {
            // Headers name the practice as people know it; the model's id stays out of a client's workbook.
            String practice = labels.practice(p.practiceId());
            for (String column : List.of("collections this year", "collections", "clinician comp", "practice costs",
                    "MSO cost allocated" + (n > 1 ? " (as computed)" : ""), "management fee", "practice margin",
                    "comp exact cents (working)", "comp share (working)", "comp whole cents (working)",
                    "comp remainder (working)", "comp rank (working)", "variable fee exact cents (working)",
                    "fee share (working)", "fee whole cents (working)", "fee remainder (working)", "fee rank (working)")) {
                titles.add(practice + ": " + column);
            }
        }
        titles.addAll(List.of("MSO: costs this year", "MSO: revenue (fees)", "MSO: operating costs", "MSO: EBITDA"));
        w.header(HEADER_ROW, titles.toArray(String[]::new));

        for (int i = 0; i < monthly.periods(); i++) {
            int r = FIRST_ROW + i;
            int row = r + 1;
            MsoPeriod msoPeriod = monthly.mso().get(i);
            // The row's cells in column order (the formulas below are written in another): POI puts a row's cells in
            // order when it saves, with an XML look-up along the row per cell, quadratic in 3,400 columns.
            Row sheetRow = w.row(r);
            for (int c = 0; c <= layout.msoColumn(MSO_EBITDA); c++) {
                sheetRow.createCell(c);
            }
            w.text(r, 0, msoPeriod.period().label());
            w.number(r, 1, i / 12 + 1, s.integer);
            w.number(r, 2, i % 12 + 1, s.integer);
            String yearsElapsed = "($B" + row + "-1)";
            String month = "$C" + row;
            String msoMonthCost = SheetWriter.column(layout.msoColumn(MSO_COSTS)) + row;
            for (int p = 0; p < n; p++) {
                FeesSheet.PracticeInputs in = FeesSheet.PracticeInputs.of(model.practices().get(p).practiceId());
                String annual = cell(layout.practiceColumn(p, ANNUAL_COLLECTIONS), row);
                String coll = cell(layout.practiceColumn(p, COLLECTIONS), row);
                String comp = cell(layout.practiceColumn(p, COMPENSATION), row);
                String costs = cell(layout.practiceColumn(p, PRACTICE_COSTS), row);
                String alloc = cell(layout.practiceColumn(p, MSO_COST_ALLOCATED), row);
                String fee = cell(layout.practiceColumn(p, FEE), row);
                w.formula(r, layout.practiceColumn(p, ANNUAL_COLLECTIONS),
                        "ROUND(" + in.collections() + "*(1+" + in.growth() + ")^" + yearsElapsed + ",2)", s.money);
                w.formula(r, layout.practiceColumn(p, COLLECTIONS), monthOf(annual, month), s.money);
                w.formula(r, layout.practiceColumn(p, COMP_WORKINGS), "ROUND(" + coll + "*100,0)*" + in.clinicianComp(), s.decimal);
                w.formula(r, layout.practiceColumn(p, COMPENSATION), yearFirst(w, r, layout, p, COMP_WORKINGS), s.money);
                w.formula(r, layout.practiceColumn(p, PRACTICE_COSTS), monthOf(in.otherCosts(), month), s.money);
                if (n == 1) {
                    w.formula(r, layout.practiceColumn(p, MSO_COST_ALLOCATED), msoMonthCost, s.money);
                } else {
                    PracticePeriod engine = monthly.practices().get(p).rows().get(i);
                    w.money(r, layout.practiceColumn(p, MSO_COST_ALLOCATED), engine.msoCostAllocated(), s.money);
                }
                w.formula(r, layout.practiceColumn(p, FEE_WORKINGS), variableFeeCents(in, coll, comp, costs, alloc), s.decimal);
                String fixedPart = "IF(OR(" + in.basis() + "=\"fixed\"," + in.basis() + "=\"hybrid\"),ROUND(" + in.monthly() + "*(1+"
                        + in.escalator() + ")^" + yearsElapsed + ",2),0)";
                w.formula(r, layout.practiceColumn(p, FEE), fixedPart + "+" + yearFirst(w, r, layout, p, FEE_WORKINGS), s.money);
                w.formula(r, layout.practiceColumn(p, MARGIN), coll + "-" + comp + "-" + costs + "-" + fee, s.money);
            }
            String msoAnnual = cell(layout.msoColumn(MSO_ANNUAL_COSTS), row);
            w.formula(r, layout.msoColumn(MSO_ANNUAL_COSTS),
                    "ROUND(" + FeesSheet.MSO_COSTS + "*(1+" + FeesSheet.MSO_COST_GROWTH + ")^" + yearsElapsed + ",2)", s.money);
            List<String> fees = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                fees.add(cell(layout.practiceColumn(p, FEE), row));
            }
            w.formula(r, layout.msoColumn(MSO_REVENUE), fees.isEmpty() ? "0" : String.join("+", fees), s.money);
            w.formula(r, layout.msoColumn(MSO_COSTS), monthOf(msoAnnual, month), s.money);
            w.formula(r, layout.msoColumn(MSO_EBITDA), cell(layout.msoColumn(MSO_REVENUE), row) + "-" + msoMonthCost, s.money);
        }
        // The ten rounding columns of each practice are workings: grouped and collapsed, so the printed
        // projection shows the amounts at a readable scale while the formulas still calculate.
        for (int p = 0; p < n; p++) {
            w.workings(layout.practiceColumn(p, COMP_WORKINGS), layout.practiceColumn(p, FEE_WORKINGS + 4));
        }
        w.finish(HEADER_ROW, HEADER_ROW);
        w.sheet.createFreezePane(1, HEADER_ROW + 1);
        // Several practices are too many columns for one readable page: a page per ~16 visible columns, the
        // month repeated at the left of each.
        int visible = FIRST_PRACTICE_COLUMN + n * COMP_WORKINGS + MSO_EBITDA + 1;
        if (visible > COLUMNS_PER_PAGE) {
            w.sheet.getPrintSetup().setFitWidth((short) ((visible + COLUMNS_PER_PAGE - 1) / COLUMNS_PER_PAGE));
            w.sheet.setRepeatingColumns(org.apache.poi.ss.util.CellRangeAddress.valueOf("A:A"));
        }
        return layout;
    }

    private static String cell(int column, int row) {
        return SheetWriter.column(column) + row;
    }

    /**
     * One month of an annual amount: whole cents split into twelve, the odd cents to the earliest months
     * (the engine's largest-remainder split of equal weights).
     */
    static String monthOf(String annual, String monthOfYear) {
        String cents = "ROUND(" + annual + "*100,0)";
        return "(INT(" + cents + "/12)+IF(" + monthOfYear + "<=MOD(" + cents + ",12),1,0))/100";
    }

    /** The exact part of the month's fee that moves with the practice, in cents; never negative. */
    private static String variableFeeCents(FeesSheet.PracticeInputs in, String coll, String comp, String costs, String alloc) {
        String net = "(" + coll + "-" + comp + "-" + costs + ")";
        String collCents = "ROUND(" + coll + "*100,0)";
        return "IF(" + in.basis() + "=\"fixed\",0,"
                + "IF(OR(" + in.basis() + "=\"percent-of-collections\"," + in.basis() + "=\"hybrid\")," + collCents + "*" + in.percent() + ","
                + "IF(" + in.basis() + "=\"percent-of-net\",IF(" + net + ">0,ROUND(" + net + "*100,0)*" + in.percent() + ",0),"
                + "IF(" + in.basis() + "=\"cost-plus\",ROUND(" + alloc + "*100,0)*(1+" + in.markup() + "),"
                + "IF(" + in.basis() + "=\"residual\",MAX(ROUND(" + net + "*100,0),0),NA())))))";
    }

    /**
     * The engine's year-first rounding of one amount, as formulas over five working columns starting at
     * {@code workings} (exact cents already written there): the year's exact total T, rounded once; each
     * month's share T × exact ÷ sum; its whole cents; its remainder; its rank among the year's remainders
     * (ties to the earlier month). Returns the month's amount in currency units.
     *
     * <p>A projection year is twelve consecutive rows (the last may be shorter), so each formula reads only its
     * year's rows: a per-row SUMIF or COUNTIFS over the whole projection made the sheet quadratic in its length
     * and was most of the export's time with many practices.
     */
    private static String yearFirst(SheetWriter w, int r, Layout layout, int p, int workings) {
        int row = r + 1;
        int yearFirstRow = layout.firstRow() + (r - layout.firstRow()) / 12 * 12 + 1;
        int yearLastRow = Math.min(yearFirstRow + 11, layout.lastRow() + 1);
        String exactCol = SheetWriter.column(layout.practiceColumn(p, workings));
        String floorCol = SheetWriter.column(layout.practiceColumn(p, workings + 2));
        String remCol = SheetWriter.column(layout.practiceColumn(p, workings + 3));
        String exactYear = "$" + exactCol + "$" + yearFirstRow + ":$" + exactCol + "$" + yearLastRow;
        String floorYear = "$" + floorCol + "$" + yearFirstRow + ":$" + floorCol + "$" + yearLastRow;
        String remYear = "$" + remCol + "$" + yearFirstRow + ":$" + remCol + "$" + yearLastRow;
        String remSoFar = "$" + remCol + "$" + yearFirstRow + ":$" + remCol + "$" + row;
        String exact = exactCol + row;
        String share = cell(layout.practiceColumn(p, workings + 1), row);
        String floor = floorCol + row;
        String rem = remCol + row;
        String rank = cell(layout.practiceColumn(p, workings + 4), row);
        String sum = "SUM(" + exactYear + ")";
        String total = "ROUND(" + sum + ",0)";
        w.formula(r, layout.practiceColumn(p, workings + 1), "IF(" + total + "=0,0,ROUND(" + total + "*" + exact + "/" + sum + ",4))",
                w.styles.decimal);
        w.formula(r, layout.practiceColumn(p, workings + 2), "INT(" + share + ")", w.styles.shares);
        w.formula(r, layout.practiceColumn(p, workings + 3), "ROUND(" + share + "-" + floor + ",4)", w.styles.decimal);
        // Larger remainders in the year, plus the equal ones up to and including this month (itself among them).
        w.formula(r, layout.practiceColumn(p, workings + 4), "COUNTIF(" + remYear + ",\">\"&" + rem + ")+COUNTIF(" + remSoFar + ","
                + rem + ")", w.styles.count);
        return "(" + floor + "+IF(" + rank + "<=" + total + "-SUM(" + floorYear + "),1,0))/100";
    }
}
