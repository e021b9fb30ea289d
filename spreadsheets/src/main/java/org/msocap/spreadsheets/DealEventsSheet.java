package org.msocap.spreadsheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableLine;
import org.msocap.deal.HolderProceeds;
import org.msocap.deal.NewUnits;
import org.msocap.deal.RealizedTotal;
import org.msocap.deal.RecapResult;
import org.msocap.deal.Rounds;
import org.msocap.deal.SourcesAndUses;
import org.msocap.deal.Timeline;
import org.msocap.model.EquityTerms;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.RecapEvent;
import org.msocap.model.RoundEvent;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * The deal events, in date order, as {@code msocap proforma} shows them (PRODUCT.md §8.5): for a round its price, the
 * shares issued (investments, SAFE and note conversions, the pool increase), the conversion ratios after anti-dilution and
 * the cap table before and after; for a recap its sources and uses, each old holder's proceeds, rollover and cash at
 * close, the units issued at close and the cap tables; then each person's realized total at every exit scenario after a
 * recap. Amounts are the engine's; what balances them is a formula, so a reader sees why they balance and can change a
 * term: the buyer's equity is uses − new debt − rollover, every total a SUM, sources − uses a check cell at zero, a
 * holder's cash at close their proceeds − rollover, and a realized total the cash taken at the earlier closes (linked to
 * those cells) + the exit's payout. People and classes appear by name; the model ids sit in a grouped "Model id" column.
 */
final class DealEventsSheet {

    static final String NAME = "Deal events";

    static final int LABEL = 0;
    /** The model's id of the holder or class: a working column, grouped away, for tracing a line back to the model file. */
    static final int ID = 1;
    static final int TEXT = 2;
    static final int TEXT2 = 3;
    /** The sources-and-uses amounts and the round's terms. */
    static final int AMOUNT = 3;
    // Each old holder at a recap.
    static final int PROCEEDS = 3;
    static final int ROLLOVER = 4;
    static final int CASH = 5;
    // Units issued at a recap's close.
    static final int UNIT_PRICE = 4;
    static final int UNITS = 5;
    static final int UNIT_AMOUNT = 6;
    /** A profits-interest grant's hurdle: the equity value it shares only above. */
    static final int HURDLE = 7;
    // A cap table before or after an event.
    static final int HELD = 4;
    static final int AS_CONVERTED = 5;
    static final int PCT_FULLY_DILUTED = 6;
    // Realized over the deal.
    static final int EARLIER = 3;
    static final int PAYOUT = 4;
    static final int TOTAL = 5;
    static final int COST = 6;
    static final int MOIC = 7;
    static final int IRR = 8;

    static final String BUYER_EQUITY = "Buyer equity";
    static final String TOTAL_SOURCES = "Total sources";
    static final String TOTAL_USES = "Total uses";
    static final String SOURCES_LESS_USES = "Sources − uses (balanced at 0.00)";

    private DealEventsSheet() {
    }

    /** Whether the workbook has the sheet: only a venture with deal events. */
    static boolean applies(WorkbookContent content) {
        return !content.venture().events().isEmpty();
    }

    static void write(SheetWriter w, WorkbookContent content) {
        Venture venture = content.venture();
        Styles s = w.styles;
        // The same timeline the exit scenarios of the content were paid through (deterministic; applied once more here).
        Timeline timeline = Timeline.of(venture);
        w.text(0, 0, "Deal events — " + venture.name(), s.title);
        w.text(1, 0, "Each financing round and recapitalisation in date order. Sources and uses balance by formula (the buyer's "
                + "equity is the balance); cash at close and realized totals are formulas over the amounts msocap computed.",
                s.subtitle);
        int r = 3;
        // Each recap's cash-at-close cell per holder, which the realized totals of later exits add up.
        Map<Integer, Map<String, String>> cashCells = new LinkedHashMap<>();
        for (Timeline.Applied a : timeline.applied()) {
            if (r > 3) {
                w.sheet.setRowBreak(r - 1); // every event starts a printed page of its own
            }
            if (a.recap() != null) {
                Map<String, String> cells = new LinkedHashMap<>();
                r = recap(w, r, venture, a, cells);
                cashCells.put(a.index(), cells);
            } else if (a.round() != null) {
                r = round(w, r, venture, a);
            }
            r++;
        }
        List<WorkbookContent.Scenario> afterRecap = content.waterfalls().scenarios().stream()
                .filter(sc -> !sc.realized().isEmpty()).toList();
        if (!afterRecap.isEmpty()) {
            w.sheet.setRowBreak(r - 1);
            r = realized(w, r, venture, timeline, afterRecap, cashCells);
        }
        w.widen(LABEL, 30);
        w.workings(ID, ID);
        w.finish(0, 0);
    }

    private static int round(SheetWriter w, int r, Venture venture, Timeline.Applied a) {
        Styles s = w.styles;
        Rounds.Result round = a.round();
        RoundEvent event = round.event();
        ClientLabels after = labels(venture, a.after());
        blockTitle(w, r++, a.event().name() + " — financing round on " + a.event().date());
        w.header(r++, "Terms", "", "", "Value");
        if (event.preMoney() != null) {
            w.text(r, LABEL, "Pre-money valuation");
            w.money(r++, AMOUNT, event.preMoney(), s.money);
        }
        if (round.preMoneyFullyDiluted() != null) {
            w.text(r, LABEL, "Pre-money fully diluted count");
            w.number(r++, AMOUNT, round.preMoneyFullyDiluted().doubleValue(), s.decimal);
        }
        EquityTerms terms = EquityTerms.of(a.before());
        String pricePer = "Price per " + terms.unit();
        w.text(r, LABEL, round.preMoneyFullyDiluted() != null ? pricePer + " (pre-money ÷ that count)" : pricePer + " (given)");
        w.number(r++, AMOUNT, round.pricePerShare().doubleValue(), s.decimal);
        w.text(r, LABEL, "New money");
        w.money(r++, AMOUNT, event.totalInvestment(), s.money);
        w.text(r, LABEL, "Option pool increase");
        w.number(r++, AMOUNT, round.poolIncrease(), s.shares);
        r++;

        blockTitle(w, r++, a.event().name() + ": " + terms.units() + " issued");
        w.header(r++, "Holder", "Model id", "Class", "For", EquityTerms.capitalized(terms.units()));
        int first = r;
        for (Rounds.Issue i : round.issued()) {
            w.text(r, LABEL, after.holder(i.holder()));
            w.text(r, ID, i.holder());
            w.text(r, TEXT, after.className(i.classId()));
            w.text(r, TEXT2, source(i.source()));
            w.number(r++, 4, i.shares(), s.shares);
        }
        if (round.poolIncrease() > 0) {
            w.text(r, LABEL, "Unissued option pool");
            w.text(r, TEXT2, "Pool increase");
            w.number(r++, 4, round.poolIncrease(), s.shares);
        }
        w.text(r, LABEL, "Total", s.totalLabel);
        w.formula(r, 4, ColumnTotals.sum(first, r - 1, 4), s.sharesTotal);
        r += 2;

        if (!round.ratios().isEmpty()) {
            blockTitle(w, r++, a.event().name() + ": conversion ratios of the preferred classes after anti-dilution");
            w.header(r++, "Class", "Model id", "Anti-dilution", "Before", "After");
            for (Rounds.Ratio ratio : round.ratios()) {
                w.text(r, LABEL, after.className(ratio.classId()));
                w.text(r, ID, ratio.classId());
                w.text(r, TEXT, ratio.adjusted() ? "Adjusted" : "Unchanged");
                w.number(r, 3, ratio.before(), s.decimal);
                w.number(r++, 4, ratio.after(), s.decimal);
            }
            r++;
        }
        r = capTable(w, r, venture, a.event().name() + ": cap table before", a.before());
        r++;
        return capTable(w, r, venture, a.event().name() + ": cap table after", a.after());
    }

    private static int recap(SheetWriter w, int r, Venture venture, Timeline.Applied a, Map<String, String> cashCells) {
        Styles s = w.styles;
        RecapResult recap = a.recap();
        RecapEvent event = recap.event();
        SourcesAndUses su = recap.sourcesAndUses();
        ClientLabels before = labels(venture, a.before());
        ClientLabels after = labels(venture, a.after());
        blockTitle(w, r++, event.name() + " — recapitalisation on " + recap.date());
        w.text(r, LABEL, "Enterprise value");
        w.money(r++, AMOUNT, recap.enterpriseValue(), s.money);
        w.text(r, LABEL, "Valued at");
        // Runs on to the right over empty cells: it must not widen the amounts' column.
        w.cell(r++, AMOUNT, s.text).setCellValue(recap.valuationBasis().equals("given") ? "the value given in the model"
                : recap.valuationBasis().replace("TTM", "trailing twelve months'"));
        if (!recap.debt().isEmpty()) {
            w.text(r, LABEL, "Terms of the new debt");
            w.cell(r++, AMOUNT, s.text).setCellValue(debtTerms(recap));
        }
        r++;

        // Rows fixed first: the sources refer to the uses' total and to the holders' rollover total below them.
        int sourcesHeader = r;
        int debtRow = sourcesHeader + 1;
        int buyerRow = debtRow + 1;
        int rolloverRow = buyerRow + 1;
        int sourcesTotalRow = rolloverRow + 1;
        int usesHeader = sourcesTotalRow + 2;
        int oldEquityRow = usesHeader + 1;
        int usesTotalRow = oldEquityRow + 4;
        int checkRow = usesTotalRow + 2;
        int holdersTitle = checkRow + 2;
        int holdersHeader = holdersTitle + 1;
        int firstHolder = holdersHeader + 1;
        int lastHolder = firstHolder + recap.holders().size() - 1;
        int holdersTotal = lastHolder + 1;
        int unitsTitle = holdersTotal + 2;
        int unitsHeader = unitsTitle + 1;
        int buyerLine = unitsHeader + 1;
        int firstRollover = buyerLine + (recap.buyer().isPresent() ? 1 : 0);
        int lastRollover = firstRollover + recap.rollover().size() - 1;

        w.header(sourcesHeader, "Sources", "", "", "Amount");
        w.text(debtRow, LABEL, "New debt");
        w.money(debtRow, AMOUNT, su.newDebt(), s.money);
        w.text(buyerRow, LABEL, BUYER_EQUITY + " (" + before.holder(event.buyer().holder()) + ")");
        w.formula(buyerRow, AMOUNT, cell(usesTotalRow, AMOUNT) + "-" + cell(debtRow, AMOUNT) + "-" + cell(rolloverRow, AMOUNT), s.money);
        w.text(rolloverRow, LABEL, "Rollover by the old holders");
        w.formula(rolloverRow, AMOUNT, cell(holdersTotal, ROLLOVER), s.money);
        w.text(sourcesTotalRow, LABEL, TOTAL_SOURCES, s.totalLabel);
        w.formula(sourcesTotalRow, AMOUNT, "SUM(" + range(debtRow, rolloverRow, AMOUNT) + ")", s.moneyTotal);

        w.header(usesHeader, "Uses", "", "", "Amount");
        String[] uses = {"Old equity paid through the old cap table", "Old net debt repaid", "Seller costs", "Buyer costs"};
        Money[] amounts = {su.oldEquity(), su.oldNetDebt(), su.sellerCosts(), su.buyerCosts()};
        for (int i = 0; i < uses.length; i++) {
            w.text(oldEquityRow + i, LABEL, uses[i]);
            w.money(oldEquityRow + i, AMOUNT, amounts[i], s.money);
        }
        w.text(usesTotalRow, LABEL, TOTAL_USES, s.totalLabel);
        w.formula(usesTotalRow, AMOUNT, "SUM(" + range(oldEquityRow, usesTotalRow - 1, AMOUNT) + ")", s.moneyTotal);
        w.text(checkRow, LABEL, SOURCES_LESS_USES, s.label);
        w.formula(checkRow, AMOUNT, cell(sourcesTotalRow, AMOUNT) + "-" + cell(usesTotalRow, AMOUNT), s.money);

        blockTitle(w, holdersTitle, event.name() + ": each old holder's proceeds in the old cap table's waterfall");
        w.header(holdersHeader, "Holder", "Model id", "Category", "Proceeds", "Rollover", "Cash at close");
        int row = firstHolder;
        for (HolderProceeds h : recap.holders()) {
            w.text(row, LABEL, before.holder(h.holder()));
            w.text(row, ID, h.holder());
            w.text(row, TEXT, ClientLabels.category(h.category()));
            w.money(row, PROCEEDS, h.proceeds(), s.money);
            // A holder's rollover is what their rollover lines below put in, so editing a line follows through.
            w.formula(row, ROLLOVER, recap.rollover().isEmpty() ? "0" : "SUMIF(" + range(firstRollover, lastRollover, ID) + ","
                    + cell(row, ID) + "," + range(firstRollover, lastRollover, UNIT_AMOUNT) + ")", s.money);
            w.formula(row, CASH, cell(row, PROCEEDS) + "-" + cell(row, ROLLOVER), s.money);
            cashCells.put(h.holder(), cell(row, CASH));
            row++;
        }
        w.text(holdersTotal, LABEL, "Total", s.totalLabel);
        for (int c : new int[] {PROCEEDS, ROLLOVER, CASH}) {
            w.formula(holdersTotal, c, ColumnTotals.sum(firstHolder, lastHolder, c), s.moneyTotal);
        }

        blockTitle(w, unitsTitle, event.name() + ": units issued at close");
        List<Holding> grants = grants(recap);
        if (grants.stream().anyMatch(g -> g.hurdle() != null)) {
            w.header(unitsHeader, "Holder", "Model id", "Class", "How", "Price per unit", "Units", "Amount", "Hurdle");
        } else {
            w.header(unitsHeader, "Holder", "Model id", "Class", "How", "Price per unit", "Units", "Amount");
        }
        row = buyerLine;
        if (recap.buyer().isPresent()) {
            NewUnits b = recap.buyer().get();
            unitLine(w, row, after, b, "Buyer equity");
            w.formula(row++, UNIT_AMOUNT, cell(buyerRow, AMOUNT), s.money);
        }
        for (NewUnits u : recap.rollover()) {
            unitLine(w, row, after, u, "Rollover");
            w.money(row++, UNIT_AMOUNT, u.amount(), s.money);
        }
        for (Holding g : grants) {
            w.text(row, LABEL, after.holder(g.holder()));
            w.text(row, ID, g.holder());
            w.text(row, TEXT, after.className(g.shareClass()));
            w.text(row, TEXT2, g.threshold() != null ? "Grant above " + dollars(g.threshold()) + " a unit" : "Grant");
            if (g.hurdle() != null) {
                w.money(row, HURDLE, g.hurdle(), s.money);
            }
            w.number(row++, UNITS, g.shares(), s.shares);
        }
        w.text(row, LABEL, "Total", s.totalLabel);
        w.formula(row, UNITS, ColumnTotals.sum(buyerLine, row - 1, UNITS), s.sharesTotal);
        w.formula(row, UNIT_AMOUNT, ColumnTotals.sum(buyerLine, row - 1, UNIT_AMOUNT), s.moneyTotal);
        r = row + 2;
        // The cap tables before and after on a page of their own: with its sources and uses, proceeds and units, a recap
        // fills a page, and the last table ran over onto the next without its header.
        w.sheet.setRowBreak(r - 1);
        r = capTable(w, r, venture, event.name() + ": cap table before", a.before());
        r++;
        return capTable(w, r, venture, event.name() + ": cap table after", a.after());
    }

    private static void unitLine(SheetWriter w, int row, ClientLabels labels, NewUnits u, String how) {
        w.text(row, LABEL, labels.holder(u.holder()));
        w.text(row, ID, u.holder());
        w.text(row, TEXT, labels.className(u.classId()));
        w.text(row, TEXT2, how);
        w.number(row, UNIT_PRICE, u.price(), w.styles.decimal);
        w.number(row, UNITS, u.units(), w.styles.shares);
    }

    /** The fully diluted cap table of {@code mso}, as converted; the percentages and totals are formulas. */
    private static int capTable(SheetWriter w, int r, Venture venture, String title, Mso mso) {
        Styles s = w.styles;
        Venture inForce = venture.toBuilder().mso(mso).events(List.of()).build();
        CapTable table = CapTable.of(inForce);
        ClientLabels labels = new ClientLabels(inForce);
        blockTitle(w, r++, title);
        w.header(r++, "Holder", "Model id", "Class", "Security", EquityTerms.capitalized(EquityTerms.of(mso).units()) + " held",
                "Fully diluted (as-converted)", "% fully diluted");
        int first = r;
        int last = first + table.lines().size() - 1;
        int total = last + 1;
        for (CapTableLine line : table.lines()) {
            w.text(r, LABEL, line.holderName());
            if (!line.holder().isEmpty()) {
                w.text(r, ID, line.holder());
            }
            w.text(r, TEXT, labels.className(line.shareClass()));
            w.text(r, TEXT2, CapTableSheet.security(line.security().id(), EquityTerms.of(mso)));
            w.number(r, HELD, line.shares(), s.shares);
            w.number(r, AS_CONVERTED, line.fullyDiluted().doubleValue(),
                    line.fullyDiluted().getDenominator().equals(java.math.BigInteger.ONE) ? s.shares : s.decimal);
            w.formula(r, PCT_FULLY_DILUTED, "IF(" + cell(total, AS_CONVERTED) + "=0,0," + cell(r, AS_CONVERTED) + "/"
                    + cell(total, AS_CONVERTED) + ")", s.percent);
            r++;
        }
        w.text(total, LABEL, "Total", s.totalLabel);
        w.formula(total, AS_CONVERTED, ColumnTotals.sum(first, last, AS_CONVERTED), s.sharesTotal);
        w.formula(total, PCT_FULLY_DILUTED, ColumnTotals.sum(first, last, PCT_FULLY_DILUTED), s.percentTotal);
        return total + 1;
    }

    /**
     * Each person's realized total at every exit after a recap: the cash at close of each earlier recap (a link to that
     * recap's cell) + this exit's payout; MOIC on original cost, IRR over the dated cash flows (the engine's).
     */
    private static int realized(SheetWriter w, int r, Venture venture, Timeline timeline, List<WorkbookContent.Scenario> scenarios,
                                Map<Integer, Map<String, String>> cashCells) {
        Styles s = w.styles;
        w.text(r++, LABEL, "Realized over the deal", s.label);
        w.text(r++, LABEL, "Cash taken at every earlier recapitalisation plus the exit's payout. MOIC is over what each person "
                + "originally paid (a rollover is not new money; the buyer's cost is its equity); IRR over the dated cash flows, \"—\" "
                + "where they have no one rate of return (they do not start with money paid in, or several rates solve them).",
                s.subtitle);
        r++;
        ClientLabels labels = new ClientLabels(venture);
        for (WorkbookContent.Scenario sc : scenarios) {
            List<Integer> earlierRecaps = timeline.applied().stream()
                    .filter(a -> a.recap() != null && !a.event().date().isAfter(sc.valuation().date())).map(Timeline.Applied::index).toList();
            blockTitle(w, r++, sc.waterfall().scenario() + " — exit on " + sc.valuation().date());
            w.header(r++, "Person", "Model id", "Category", "Cash at earlier closes", "This exit's payout", "Realized total",
                    "Original cost", "MOIC", "IRR");
            int first = r;
            for (RealizedTotal t : sc.realized()) {
                w.text(r, LABEL, labels.holder(t.id()));
                w.text(r, ID, t.id());
                w.text(r, TEXT, ClientLabels.category(t.category()));
                List<String> cash = new ArrayList<>();
                for (int index : earlierRecaps) {
                    String ref = cashCells.get(index).get(t.id());
                    if (ref != null) {
                        cash.add(ref);
                    }
                }
                if (cash.isEmpty()) {
                    w.number(r, EARLIER, 0, s.money);
                } else {
                    w.formula(r, EARLIER, String.join("+", cash), s.money);
                }
                w.money(r, PAYOUT, t.payout(), s.money);
                w.formula(r, TOTAL, cell(r, EARLIER) + "+" + cell(r, PAYOUT), s.money);
                w.money(r, COST, t.cost(), s.money);
                w.formula(r, MOIC, "IF(" + cell(r, COST) + "=0,\"\",ROUND(" + cell(r, TOTAL) + "/" + cell(r, COST) + ",4))", s.multiple);
                if (t.irr().isPresent() && Double.isFinite(t.irr().getAsDouble())) {
                    w.number(r, IRR, t.irr().getAsDouble(), s.percent);
                } else if (t.cost().isPositive()) {
                    // Paid in, but no one rate of return (e.g. cash at a recap before buying into the next): "—", not 239%.
                    w.text(r, IRR, WaterfallSheet.NOT_APPLICABLE, s.notApplicable);
                }
                r++;
            }
            w.text(r, LABEL, "Total", s.totalLabel);
            for (int c : new int[] {EARLIER, PAYOUT, TOTAL, COST}) {
                w.formula(r, c, ColumnTotals.sum(first, r - 1, c), s.moneyTotal);
            }
            r += 2;
        }
        return r;
    }

    /** A block's title: bold, running on to the right, so it does not widen the name column it starts in. */
    private static void blockTitle(SheetWriter w, int r, String title) {
        w.cell(r, LABEL, w.styles.label).setCellValue(title);
    }

    /** Labels for the classes of the cap table in force around an event (a recap replaces every class). */
    private static ClientLabels labels(Venture venture, Mso mso) {
        return new ClientLabels(venture.toBuilder().mso(mso).events(List.of()).build());
    }

    private static String source(Rounds.Source source) {
        return switch (source) {
            case INVESTMENT -> "Investment";
            case SAFE -> "SAFE conversion";
            case NOTE -> "Note conversion";
        };
    }

    private static String debtTerms(RecapResult recap) {
        BigDecimal amortization = recap.debt().amortization();
        BigDecimal pik = recap.debt().pikRate();
        String principal = dollars(recap.debt().principal());
        if (amortization.signum() > 0) {
            return principal + ", amortizing " + percent(amortization) + " of the principal a year";
        }
        if (pik.signum() > 0) {
            return principal + ", PIK interest at " + percent(pik) + " compounded annually";
        }
        return principal + ", repaid at the exit";
    }

    /** The grants as the new cap table holds them (a profits-interest grant's default hurdle filled in). */
    private static List<Holding> grants(RecapResult recap) {
        List<Holding> holdings = recap.after().mso().holdings();
        return holdings.subList(holdings.size() - recap.event().grants().size(), holdings.size());
    }

    private static String dollars(Money amount) {
        return dollars(amount.amount());
    }

    private static String dollars(BigDecimal amount) {
        return "$" + String.format(Locale.US, "%,.2f", amount);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String cell(int r, int c) {
        return SheetWriter.ref(r, c);
    }

    private static String range(int first, int last, int c) {
        String col = SheetWriter.column(c);
        return "$" + col + "$" + (first + 1) + ":$" + col + "$" + (last + 1);
    }
}
