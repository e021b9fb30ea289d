package org.msocap.spreadsheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ExitScenario;
import org.msocap.model.HolderCategory;
import org.msocap.model.Venture;
import org.msocap.waterfall.ClassPayout;
import org.msocap.waterfall.HolderPayout;
import org.msocap.waterfall.ResolvedCapTable;

/**
 * The exit waterfall. First a <b>live waterfall</b>: the reader types an enterprise value (and the bridge
 * terms), and every claimant's and holder's payout follows by formulas from the Breakpoints sheet,
 * reproducing the engine's cents: each claimant's exact line is looked up for the segment the equity
 * proceeds fall in, floored to cents, and the left-over cents go to the largest remainders, ties to the
 * earlier claimant — the engine's largest-remainder rule — and likewise from each claimant to its holders.
 * Then every exit scenario of the model, side by side, as the engine computed it.
 */
final class WaterfallSheet {

    static final String NAME = "Waterfall";

    static final String EXIT_VALUE = "ExitValue";
    static final String NET_DEBT = "NetDebt";
    static final String COST_FRACTION = "TransactionCostFraction";
    static final String COST_FIXED = "TransactionCostFixed";
    static final String CARVE_OUT = "CarveOutFraction";
    static final String EQUITY = "EquityProceeds";
    static final String SEGMENT = "LiveSegment";
    static final String LEFTOVER = "LiveLeftoverCents";

    // Live claimant table columns.
    static final int C_ID = 0;
    static final int C_KIND = 1;
    static final int C_PAYOUT = 2;
    static final int C_SHARE = 3;
    // The claimants' cent-splitting workings, as offsets from the first working column.
    static final int W_EXACT = 0;
    static final int W_FLOOR = 1;
    static final int W_REM = 2;
    static final int W_RANK = 3;
    static final int W_INDEX = 4;
    /** The holder-split piece table starts this many columns into the working area. */
    static final int PIECES = 6;
    static final int PIECE_COLUMNS = 10;

    private WaterfallSheet() {
    }

    /** Where the live results landed, for tests and the Summary. */
    record Layout(Map<String, Integer> claimantRows, Map<String, Integer> holderRows, Map<HolderCategory, Integer> categoryRows) {
    }

    static Layout write(SheetWriter w, Venture venture, WorkbookContent.Waterfalls waterfalls, BreakpointsSheet.Layout breakpoints) {
        Styles s = w.styles;
        ClientLabels labels = new ClientLabels(venture);
        WorkbookContent.Live live = waterfalls.live();
        ExitScenario terms = live.terms();
        w.text(0, 0, "Waterfall — " + venture.name(), s.title);
        w.subtitleAcross(1, 0, 6, "Live waterfall: type an enterprise value (blue cells) and every payout follows from the Breakpoints "
                + "sheet by formulas, to the cent as msocap computes it. Vesting, dividends and interest are as of "
                + live.table().exitDate() + " (" + terms.name() + ")."
                + (live.jumps().isEmpty() ? "" : " Performance-vested units vest by the value typed in: payouts jump where a "
                        + "level starts to hold (see the Breakpoints sheet)."));
        int r = 3;
        w.text(r++, 0, "Live waterfall", s.label);
        r = input(w, r, "Enterprise value", EXIT_VALUE, live.enterpriseValue().amount().doubleValue(), s.moneyInput);
        r = input(w, r, "Net debt", NET_DEBT, live.netDebt().amount().doubleValue(), s.moneyInput);
        ExitScenario.TransactionCosts costs = terms.transactionCosts();
        r = input(w, r, "Transaction costs, fraction of enterprise value", COST_FRACTION,
                costs == null || costs.fraction() == null ? 0 : costs.fraction().doubleValue(), s.percentInput);
        r = input(w, r, "Transaction costs, fixed", COST_FIXED,
                costs == null || costs.fixed() == null ? 0 : costs.fixed().amount().doubleValue(), s.moneyInput);
        r = input(w, r, "Carve-out, fraction of net proceeds", CARVE_OUT,
                terms.carveOut() == null ? 0 : terms.carveOut().fraction().doubleValue(), s.percentInput);
        int netRow = r;
        w.text(r, 0, "Net proceeds");
        w.formula(r++, 1, "MAX(" + EXIT_VALUE + "-" + NET_DEBT + "-ROUND(" + EXIT_VALUE + "*" + COST_FRACTION + ",2)-" + COST_FIXED
                + ",0)", s.money);
        int carveRow = r;
        w.text(r, 0, "Carve-out (paid before the equity)");
        w.formula(r++, 1, "ROUND(B" + (netRow + 1) + "*" + CARVE_OUT + ",2)", s.money);
        w.text(r, 0, "Equity proceeds", s.label);
        w.name(EQUITY, w.absolute(r, 1));
        w.formula(r++, 1, "B" + (netRow + 1) + "-B" + (carveRow + 1), s.moneyTotal);
        w.widen(0, 44);

        // The cent-splitting workings sit in a working area right of every client-facing table (the
        // scenario table is one column per scenario), grouped and collapsed: hidden on screen and paper,
        // still calculated, one click to audit.
        int work = Math.max(8, waterfalls.scenarios().size() + 3); // right of the holder table (7 columns)
        int pieces = work + PIECES;
        String exactCol = SheetWriter.column(work + W_EXACT);
        String floorCol = SheetWriter.column(work + W_FLOOR);
        String remCol = SheetWriter.column(work + W_REM);
        String rankCol = SheetWriter.column(work + W_RANK);
        String indexCol = SheetWriter.column(work + W_INDEX);
        // Rounding mechanics live with the workings, out of the client's view.
        int segmentRow = 3;
        int leftoverRow = 4;
        w.text(segmentRow, work, "Breakpoint segment");
        w.name(SEGMENT, w.absolute(segmentRow, work + W_FLOOR));
        // Where performance-vested units vest, payouts jump at a whole cent: the proceeds are matched as whole cents, so
        // that a value typed at the jump is never read a hair below it.
        String matched = live.jumps().isEmpty() ? EQUITY : "ROUND(" + EQUITY + ",2)";
        w.formula(segmentRow, work + W_FLOOR, "MATCH(" + matched + "," + BreakpointsSheet.FROM + ",1)", s.count);

        // Claimants.
        r++;
        w.text(r - 1, work, "Workings (grouped columns): each claimant's exact cents, floored, left-over cents to the "
                + "largest remainders, ties to the earlier claimant", s.subtitle);
        int claimantHeader = r;
        w.header(r, "Claimant", "Security", "Payout", "% of equity proceeds");
        w.headerAt(r++, work, "Claimant exact cents", "Whole cents", "Remainder", "Rank", "Order");
        List<String> ids = breakpoints.ids();
        int first = r;
        int last = first + ids.size() - 1;
        w.name(LEFTOVER, w.absolute(leftoverRow, work + W_FLOOR));
        w.text(leftoverRow, work, "Cents left after flooring (to the largest remainders)");
        w.formula(leftoverRow, work + W_FLOOR, "ROUND(" + EQUITY + "*100,0)-" + ColumnTotals.sum(first, last, work + W_FLOOR), s.count);
        Map<String, ResolvedCapTable.Claimant> claimants = new LinkedHashMap<>();
        live.table().claimants().forEach(c -> claimants.put(c.id(), c));
        Map<String, Integer> claimantRows = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            int row = r + 1;
            String id = ids.get(i);
            claimantRows.put(id, r);
            w.text(r, C_ID, labels.claimant(id));
            w.text(r, C_KIND, kind(claimants.get(id).kind()));
            w.formula(r, work + W_EXACT, "ROUND((INDEX(" + breakpoints.intercepts(i) + "," + SEGMENT
                    + ")+INDEX(" + breakpoints.marginalShares(i) + "," + SEGMENT + ")*" + EQUITY
                    + ")*100,4)", s.decimal);
            w.formula(r, work + W_FLOOR, "INT(" + exactCol + row + ")", s.shares);
            w.formula(r, work + W_REM, "ROUND(" + exactCol + row + "-" + floorCol + row + ",4)", s.decimal);
            w.formula(r, work + W_RANK, rank(range(first, last, work + W_REM), remCol + row, range(first, last, work + W_INDEX),
                    indexCol + row, null, null), s.count);
            w.number(r, work + W_INDEX, i + 1, s.count);
            w.formula(r, C_PAYOUT, "(" + floorCol + row + "+IF(" + rankCol + row + "<=" + LEFTOVER + ",1,0))/100", s.money);
            w.formula(r, C_SHARE, "IF(" + EQUITY + "=0,0,C" + row + "/" + EQUITY + ")", s.percent);
            r++;
        }
        w.text(r, 0, "Total", s.totalLabel);
        w.formula(r, C_PAYOUT, ColumnTotals.sum(first, last, C_PAYOUT), s.moneyTotal);
        w.formula(r, C_SHARE, ColumnTotals.sum(first, last, C_SHARE), s.percentTotal);
        r += 2;

        Map<String, Integer> holderRows = new LinkedHashMap<>();
        Map<HolderCategory, Integer> categoryRows = new LinkedHashMap<>();
        Optional<String> notSplittable = unsplittable(live.table());
        if (notSplittable.isPresent()) {
            w.text(r++, 0, "Holder payouts are not live for this cap table: " + notSplittable.get()
                    + " See the scenario tables below for holder payouts.", s.subtitle);
        } else {
            r = holders(w, r, venture, live.table(), terms, "$B$" + (carveRow + 1), claimantRows, holderRows, categoryRows,
                    claimantHeader, pieces);
        }
        w.workings(work, pieces + PIECE_COLUMNS - 1);

        // The engine's scenario tables start a printed page of their own, so none begins at a page foot.
        w.sheet.setRowBreak(r);
        r = scenarios(w, r + 1, venture, waterfalls.scenarios());
        w.finish(0, -1);
        return new Layout(claimantRows, holderRows, categoryRows);
    }

    private static int input(SheetWriter w, int r, String label, String name, double value, org.apache.poi.ss.usermodel.CellStyle style) {
        w.text(r, 0, label);
        w.number(r, 1, value, style);
        w.name(name, w.absolute(r, 1));
        return r + 1;
    }

    /**
     * The engine splits a claimant over its holders by preference paid and participation paid; when every
     * holder's part of the preference equals its part of the shares, that is a split by shares whatever the
     * exit value, which formulas can do. Returns why not, when not.
     */
    static Optional<String> unsplittable(ResolvedCapTable table) {
        for (ResolvedCapTable.Claimant c : table.claimants()) {
            if (c.pieces().size() < 2 || c.preference().equals(BigFraction.ZERO) || c.shares().equals(BigFraction.ZERO)) {
                continue;
            }
            for (ResolvedCapTable.Piece p : c.pieces()) {
                if (!p.preferenceWeight().divide(c.preference()).equals(p.shareWeight().divide(c.shares()))) {
                    return Optional.of("the holders of " + c.id() + " share its preference and its shares in different "
                            + "proportions (dividends accrued from different dates).");
                }
            }
        }
        return Optional.empty();
    }

    private static int holders(SheetWriter w, int r, Venture venture, ResolvedCapTable table, ExitScenario terms, String carveOut,
                               Map<String, Integer> claimantRows, Map<String, Integer> holderRows,
                               Map<HolderCategory, Integer> categoryRows, int pieceHeader, int pc) {
        Styles s = w.styles;
        TreeSet<String> holderIds = new TreeSet<>();
        record Piece(String claimant, String holder, BigFraction weight, BigFraction total) {
        }
        List<Piece> pieces = new ArrayList<>();
        for (ResolvedCapTable.Claimant c : table.claimants()) {
            BigFraction total = BigFraction.ZERO;
            for (ResolvedCapTable.Piece p : c.pieces()) {
                total = total.add(weight(c, p));
            }
            for (ResolvedCapTable.Piece p : c.pieces()) {
                pieces.add(new Piece(c.id(), p.holder(), weight(c, p), total));
                holderIds.add(p.holder());
            }
        }
        // A carve-out recipient is a holder line of its own even when holding nothing; the total adds the carve-out.
        Map<String, BigDecimal> recipients = terms.carveOut() == null ? Map.of() : terms.carveOut().recipients();
        holderIds.addAll(recipients.keySet());
        w.header(r++, "Holder", "Holds", "Category", "Payout", "% of equity proceeds", "Carve-out", "Total");
        ClientLabels labels = new ClientLabels(venture);
        Map<String, TreeSet<String>> holds = new LinkedHashMap<>();
        pieces.forEach(p -> holds.computeIfAbsent(p.holder(), k -> new TreeSet<>()).add(labels.claimant(p.claimant())));
        // The holder id the piece table is summed by sits in the working area, beside the claimant workings.
        int key = pc - 1;
        int firstHolder = r;
        int lastHolder = r + holderIds.size() - 1;
        int categoryHeader = lastHolder + 3;
        // The piece table is in the working area, from the claimant table's header row down.
        int firstPiece = pieceHeader + 1;
        int lastPiece = firstPiece + pieces.size() - 1;
        // The carve-out's cents split over its recipients by largest remainder, as the engine's bridge does, in the
        // claimants' working columns (free on the holder rows): exact, whole, remainder, rank, order.
        int work = pc - PIECES;
        String exactCol = SheetWriter.column(work + W_EXACT);
        String floorCol = SheetWriter.column(work + W_FLOOR);
        String remCol = SheetWriter.column(work + W_REM);
        String rankCol = SheetWriter.column(work + W_RANK);
        String indexCol = SheetWriter.column(work + W_INDEX);
        String carveCents = "ROUND(" + carveOut + "*100,0)";
        int recipientOrder = 1;
        for (String h : holderIds) {
            holderRows.put(h, r);
            int row = r + 1;
            w.text(r, 0, venture.requirePerson(h).name());
            w.text(r, 1, holds.containsKey(h) ? String.join(", ", holds.get(h)) : "Carve-out only");
            w.text(r, 2, ClientLabels.category(venture.categoryOf(h)));
            w.text(r, key, h);
            BigDecimal share = recipients.getOrDefault(h, BigDecimal.ZERO);
            w.formula(r, work + W_EXACT, "ROUND(" + carveCents + "*" + share.toPlainString() + ",4)", s.decimal);
            w.formula(r, work + W_FLOOR, "INT(" + exactCol + row + ")", s.shares);
            w.formula(r, work + W_REM, "ROUND(" + exactCol + row + "-" + floorCol + row + ",4)", s.decimal);
            w.formula(r, work + W_RANK, rank(range(firstHolder, lastHolder, work + W_REM), remCol + row,
                    range(firstHolder, lastHolder, work + W_INDEX), indexCol + row, null, null), s.count);
            w.number(r, work + W_INDEX, recipientOrder++, s.count);
            w.formula(r, 5, "(" + floorCol + row + "+IF(" + rankCol + row + "<=" + carveCents + "-SUM("
                    + range(firstHolder, lastHolder, work + W_FLOOR) + "),1,0))/100", s.money);
            w.formula(r, 6, "D" + row + "+F" + row, s.money);
            w.formula(r, 3, "SUMIF(" + range(firstPiece, lastPiece, pc + 1) + "," + SheetWriter.column(key) + (r + 1) + "," + range(firstPiece, lastPiece, pc + 8)
                    + ")/100",
                    s.money);
            w.formula(r, 4, "IF(" + EQUITY + "=0,0,D" + (r + 1) + "/" + EQUITY + ")", s.percent);
            r++;
        }
        w.text(r, 0, "Total", s.totalLabel);
        w.formula(r, 3, ColumnTotals.sum(firstHolder, lastHolder, 3), s.moneyTotal);
        w.formula(r, 5, ColumnTotals.sum(firstHolder, lastHolder, 5), s.moneyTotal);
        w.formula(r, 6, ColumnTotals.sum(firstHolder, lastHolder, 6), s.moneyTotal);
        r = categoryHeader;
        w.header(r++, "Category", "", "", "Total (payout + carve-out)", "% of equity and carve-out");
        for (HolderCategory c : HolderCategory.values()) {
            categoryRows.put(c, r);
            w.text(r, 0, ClientLabels.category(c));
            w.formula(r, 3, "SUMIF(" + range(firstHolder, lastHolder, 2) + "," + SheetWriter.exactCriterion(ClientLabels.category(c)) + "," + range(firstHolder, lastHolder, 6) + ")",
                    s.money);
            w.formula(r, 4, "IF(" + EQUITY + "+" + carveOut + "=0,0,D" + (r + 1) + "/(" + EQUITY + "+" + carveOut + "))", s.percent);
            r++;
        }
        int afterCategories = r;
        r = pieceHeader;
        w.text(r - 1, pc, "Workings (grouped columns): each claimant's cents split over its holders by share, largest "
                + "remainder", s.subtitle);
        w.headerAt(r++, pc, "Claimant", "Holder", "Weight", "Claimant weight", "Exact cents", "Whole cents", "Remainder", "Rank",
                "Cents", "Order");
        String weight = SheetWriter.column(pc + 2);
        String total = SheetWriter.column(pc + 3);
        String exact = SheetWriter.column(pc + 4);
        String floor = SheetWriter.column(pc + 5);
        String rem = SheetWriter.column(pc + 6);
        String rank = SheetWriter.column(pc + 7);
        String order = SheetWriter.column(pc + 9);
        // A claimant's pieces are contiguous rows, so each rank and leftover looks only at that claimant's rows.
        Map<String, int[]> span = new LinkedHashMap<>();
        for (int j = 0; j < pieces.size(); j++) {
            int row = r + j;
            span.merge(pieces.get(j).claimant(), new int[] {row, row}, (a, b) -> new int[] {a[0], b[1]});
        }
        for (int j = 0; j < pieces.size(); j++) {
            Piece p = pieces.get(j);
            int row = r + 1;
            int[] own = span.get(p.claimant());
            String classCents = "ROUND(" + "C" + (claimantRows.get(p.claimant()) + 1) + "*100,0)";
            w.text(r, pc, p.claimant());
            w.text(r, pc + 1, p.holder());
            w.number(r, pc + 2, p.weight().doubleValue(), s.decimal);
            w.number(r, pc + 3, p.total().doubleValue(), s.decimal);
            w.formula(r, pc + 4, "IF(" + total + row + "=0,0,ROUND(" + classCents + "*" + weight + row + "/" + total + row + ",4))",
                    s.decimal);
            w.formula(r, pc + 5, "INT(" + exact + row + ")", s.shares);
            w.formula(r, pc + 6, "ROUND(" + exact + row + "-" + floor + row + ",4)", s.decimal);
            w.formula(r, pc + 7, rank(range(own[0], own[1], pc + 6), rem + row, range(own[0], own[1], pc + 9), order + row, null, null),
                    s.count);
            w.formula(r, pc + 8, floor + row + "+IF(" + rank + row + "<=" + classCents + "-SUM(" + range(own[0], own[1], pc + 5) + "),1,0)",
                    s.shares);
            w.number(r, pc + 9, j + 1, s.count);
            r++;
        }
        return afterCategories;
    }

    /** A piece's weight in the engine's split when preference and shares are split alike: its shares (or preference). */
    private static BigFraction weight(ResolvedCapTable.Claimant c, ResolvedCapTable.Piece p) {
        return c.shares().equals(BigFraction.ZERO) ? p.preferenceWeight() : p.shareWeight();
    }

    /**
     * 1 + how many remainders are larger + how many equal ones come earlier (the engine's tie rule),
     * optionally only among rows whose {@code groupRange} equals {@code groupCell}.
     */
    private static String rank(String remRange, String rem, String orderRange, String order, String groupRange, String groupCell) {
        String group = groupRange == null ? "" : groupRange + "," + groupCell + ",";
        return "COUNTIFS(" + group + remRange + ",\">\"&" + rem + ")+COUNTIFS(" + group + remRange + "," + rem + "," + orderRange
                + ",\"<\"&" + order + ")+1";
    }

    private static int scenarios(SheetWriter w, int r, Venture venture, List<WorkbookContent.Scenario> scenarios) {
        Styles s = w.styles;
        w.text(r++, 0, "Exit scenarios (as computed)", s.label);
        if (scenarios.isEmpty()) {
            w.text(r++, 0, "The model has no exit scenarios.");
            return r;
        }
        w.header(r++, scenarioTitles("Exit scenario", scenarios));
        r = row(w, r, "Exit date", scenarios, sc -> sc.valuation().date().toString());
        r = row(w, r, "Valuation", scenarios, sc -> method(sc.valuation()));
        r = row(w, r, "How the value was obtained", scenarios, sc -> sc.valuation().basis());
        r = money(w, r, "Enterprise value", scenarios, sc -> sc.waterfall().bridge().enterpriseValue());
        r = money(w, r, "Net debt", scenarios, sc -> sc.waterfall().bridge().netDebt());
        r = money(w, r, "Transaction costs", scenarios, sc -> sc.waterfall().bridge().transactionCosts());
        r = money(w, r, "Carve-out", scenarios, sc -> sc.waterfall().bridge().carveOut());
        r = money(w, r, "Equity proceeds (split below; escrow included)", scenarios, sc -> sc.waterfall().bridge().equityProceeds());
        r = money(w, r, "Escrow withheld at close", scenarios, sc -> sc.waterfall().bridge().escrowWithheld());
        r = money(w, r, "Paid at close (equity proceeds − escrow)", scenarios, sc -> sc.waterfall().bridge().atClose());
        r = money(w, r, "Escrow release expected (× probability)", scenarios, sc -> sc.waterfall().bridge().expectedEscrowRelease());
        r = money(w, r, "Earnout expected (× probability)", scenarios, sc -> sc.waterfall().bridge().expectedEarnout());
        r = money(w, r, "Expected total (paid at close + escrow + earnout)", scenarios, sc -> sc.waterfall().bridge().expectedTotal());
        r++;
        // Each block has its own header row of scenario names, so it reads alone wherever a page breaks.
        w.header(r++, scenarioTitles("Payout by security (of equity proceeds)", scenarios));
        ClientLabels labels = new ClientLabels(venture);
        TreeSet<String> classIds = new TreeSet<>();
        scenarios.forEach(sc -> sc.waterfall().waterfall().classes().forEach(c -> classIds.add(c.id())));
        for (String id : classIds) {
            r = money(w, r, labels.claimant(id), scenarios, sc -> sc.waterfall().waterfall().classPayout(id).map(ClassPayout::payout)
                    .orElse(org.msocap.money.Money.ZERO));
        }
        r++;
        w.header(r++, scenarioTitles("Payout by holder", scenarios));
        TreeSet<String> holderIds = new TreeSet<>();
        scenarios.forEach(sc -> sc.waterfall().waterfall().holders().forEach(h -> holderIds.add(h.id())));
        r = holderRows(w, r, venture, scenarios, holderIds, HolderPayout::payout);
        // The carve-out is part of what its recipients receive: its own block, then each holder's total.
        if (scenarios.stream().anyMatch(sc -> !sc.waterfall().bridge().carveOutPayments().isEmpty())) {
            r++;
            w.header(r++, scenarioTitles("Carve-out by holder", scenarios));
            r = holderRows(w, r, venture, scenarios, holderIds, HolderPayout::carveOut);
            r++;
            w.header(r++, scenarioTitles("Total by holder (payout + carve-out)", scenarios));
            r = holderRows(w, r, venture, scenarios, holderIds, HolderPayout::total);
        }
        r = returns(w, r, venture, scenarios, holderIds);
        r++;
        w.header(r++, scenarioTitles("Total by holder category (payout + carve-out)", scenarios));
        for (HolderCategory c : HolderCategory.values()) {
            r = money(w, r, ClientLabels.category(c), scenarios, sc -> sc.waterfall().waterfall().byCategory().get(c));
        }
        return r;
    }

    /**
     * Each holder's multiple on invested capital and IRR at each scenario, as the engine computes them (MOIC:
     * payout plus exercise cash over cost; IRR from acquisition dates to the exit date). "—" where the holder paid
     * nothing (options, profits interests, shares issued for no cost) or no rate solves, never 0.00x or an error.
     */
    private static int returns(SheetWriter w, int r, Venture venture, List<WorkbookContent.Scenario> scenarios,
                               TreeSet<String> holderIds) {
        r++;
        w.header(r++, scenarioTitles("MOIC by holder", scenarios));
        for (String id : holderIds) {
            w.text(r, 0, venture.requirePerson(id).name());
            for (int i = 0; i < scenarios.size(); i++) {
                Optional<HolderPayout> h = scenarios.get(i).waterfall().waterfall().holder(id);
                if (h.isPresent() && h.get().moic().isPresent()) {
                    w.number(r, 1 + i, h.get().moic().get(), w.styles.multiple);
                } else if (h.isPresent()) {
                    w.text(r, 1 + i, NOT_APPLICABLE, w.styles.notApplicable);
                }
            }
            r++;
        }
        r++;
        w.header(r++, scenarioTitles("IRR by holder", scenarios));
        for (String id : holderIds) {
            w.text(r, 0, venture.requirePerson(id).name());
            for (int i = 0; i < scenarios.size(); i++) {
                Optional<HolderPayout> h = scenarios.get(i).waterfall().waterfall().holder(id);
                if (h.isPresent() && h.get().irr().isPresent() && Double.isFinite(h.get().irr().getAsDouble())) {
                    w.number(r, 1 + i, h.get().irr().getAsDouble(), w.styles.percent);
                } else if (h.isPresent()) {
                    w.text(r, 1 + i, NOT_APPLICABLE, w.styles.notApplicable);
                }
            }
            r++;
        }
        w.textAcross(r++, 0, Math.max(3, scenarios.size()), NO_COST_NOTE);
        return r;
    }

    /** Shown where a multiple or a rate does not apply. */
    static final String NOT_APPLICABLE = "—";
    static final String NO_COST_NOTE = "— : no multiple or rate: the holder paid nothing for what it holds (options, profits "
            + "interests, shares issued at no cost), or its dated cash flows have no one rate of return (they do not start with "
            + "money paid in, or several rates solve them, or none does).";

    static String method(org.msocap.fees.ExitValuation v) {
        return switch (v.method()) {
            case GIVEN -> "Enterprise value given";
            case EBITDA_MULTIPLE -> "Multiple of trailing EBITDA";
            case REVENUE_MULTIPLE -> "Multiple of trailing revenue";
        };
    }

    static String kind(ResolvedCapTable.Kind kind) {
        return switch (kind) {
            case SAFE -> "SAFE";
            case NOTE -> "Convertible note";
            default -> ClientLabels.shareClass(kind.name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    private static String[] scenarioTitles(String first, List<WorkbookContent.Scenario> scenarios) {
        List<String> titles = new ArrayList<>(List.of(first));
        scenarios.forEach(sc -> titles.add(sc.waterfall().scenario()));
        return titles.toArray(String[]::new);
    }

    private static int row(SheetWriter w, int r, String label, List<WorkbookContent.Scenario> scenarios,
                           java.util.function.Function<WorkbookContent.Scenario, String> value) {
        w.text(r, 0, label);
        for (int i = 0; i < scenarios.size(); i++) {
            w.text(r, 1 + i, value.apply(scenarios.get(i)));
        }
        return r + 1;
    }

    /** One row per holder, "Name (category)", with {@code amount} of the holder's payout in each scenario. */
    private static int holderRows(SheetWriter w, int r, Venture venture, List<WorkbookContent.Scenario> scenarios,
                                  java.util.Collection<String> holderIds,
                                  java.util.function.Function<HolderPayout, org.msocap.money.Money> amount) {
        for (String id : holderIds) {
            String label = venture.requirePerson(id).name() + " ("
                    + ClientLabels.category(venture.categoryOf(id)).toLowerCase(java.util.Locale.ROOT) + ")";
            r = money(w, r, label, scenarios, sc -> sc.waterfall().waterfall().holder(id).map(amount)
                    .orElse(org.msocap.money.Money.ZERO));
        }
        return r;
    }

    private static int money(SheetWriter w, int r, String label, List<WorkbookContent.Scenario> scenarios,
                             java.util.function.Function<WorkbookContent.Scenario, org.msocap.money.Money> value) {
        w.text(r, 0, label);
        for (int i = 0; i < scenarios.size(); i++) {
            w.money(r, 1 + i, value.apply(scenarios.get(i)), w.styles.money);
        }
        return r + 1;
    }

    private static String range(int first, int last, int c) {
        String col = SheetWriter.column(c);
        return "$" + col + "$" + (first + 1) + ":$" + col + "$" + (last + 1);
    }
}
