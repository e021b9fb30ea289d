package org.msocap.waterfall;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Allocation;
import org.msocap.money.Money;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.msocap.waterfall.ResolvedCapTable.Kind;
import org.msocap.waterfall.ResolvedCapTable.Piece;

/**
 * Whether, and how much, each profits-interest holding takes part at given equity proceeds (PRODUCT.md §7): the
 * threshold per unit it is measured against (a hurdle's derived one included), the value per common unit at those
 * proceeds, and the holding's payout in the exact waterfall, to the cent as {@link WaterfallEngine} pays it.
 *
 * @param shareClass the holding's profits-interest class
 * @param units units granted
 * @param vestedUnits units vested at the date (the others are forfeited at a sale)
 * @param threshold threshold per unit: the holding's own, or the one its hurdle becomes at the date; null when every
 *                  unit of a hurdle series is forfeited (nothing is left to price)
 * @param hurdle the holding's hurdle, or null
 * @param valuePerUnit what a common unit receives at the proceeds
 * @param status below its threshold, catching up, or taking part
 * @param payout the holding's payout in cents
 * @param ofCommonUnitValue payout ÷ (vested units × value per unit): 0 below the threshold, 1 for a unit paid as common
 * @param ofEquity payout ÷ equity proceeds
 */
public record ProfitsInterestParticipation(String holder, String shareClass, long units, long vestedUnits,
                                           BigFraction threshold, Money hurdle, BigFraction valuePerUnit, Status status,
                                           Money payout, BigFraction ofCommonUnitValue, BigFraction ofEquity) {

    /** How a holding takes part at the proceeds. */
    public enum Status {
        FORFEITED("forfeited"), BELOW_THRESHOLD("no"), CATCHING_UP("catching up"), PARTICIPATING("yes");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The word tables print: "no", "catching up", "yes", "forfeited". */
        public String label() {
            return label;
        }
    }

    public ProfitsInterestParticipation {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(shareClass, "shareClass");
        Objects.requireNonNull(valuePerUnit, "valuePerUnit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(ofCommonUnitValue, "ofCommonUnitValue");
        Objects.requireNonNull(ofEquity, "ofEquity");
    }

    /**
     * Every profits-interest holding of the venture, in file order, at a sale on {@code date} for {@code equityProceeds}.
     * The cents are those of {@link WaterfallEngine#distribute(ResolvedCapTable, Money)} on the same table (for
     * performance-vested holdings, the table their tests choose at those proceeds; vested units are then those of the
     * level that holds).
     */
    public static List<ProfitsInterestParticipation> at(Venture venture, LocalDate date, boolean doubleTriggerFires,
                                                        Money equityProceeds) {
        if (equityProceeds.isNegative()) {
            throw new IllegalArgumentException("equity proceeds must be >= 0 but were " + equityProceeds);
        }
        PerformanceVestedCapTable vesting = PerformanceVestedCapTable.of(venture, date, doubleTriggerFires);
        int[] levels = vesting.hasPerformanceVesting() ? vesting.levelsAt(equityProceeds) : new int[0];
        Map<Integer, PerformanceVestedCapTable.Tranche> tranches = new HashMap<>();
        Map<Integer, Integer> levelOf = new HashMap<>();
        for (int t = 0; t < vesting.tranches().size(); t++) {
            tranches.put(vesting.tranches().get(t).holding(), vesting.tranches().get(t));
            levelOf.put(vesting.tranches().get(t).holding(), levels[t]);
        }
        ResolvedCapTable table = vesting.table(levels);
        Layout layout = table.layout;
        Outcome outcome = WaterfallEngine.DEFAULT.settle(table, Affine.constant(ResolvedCapTable.money(equityProceeds)));
        List<BigFraction> exact = new ArrayList<>(layout.size);
        for (int i = 0; i < layout.size; i++) {
            exact.add(outcome.payout(i).value());
        }
        List<Money> classCents = Allocation.toCents(equityProceeds, exact);
        BigFraction price = outcome.price().value();
        BigFraction proceeds = ResolvedCapTable.money(equityProceeds);

        List<ProfitsInterestParticipation> out = new ArrayList<>();
        Map<String, boolean[]> used = new HashMap<>();
        List<Holding> holdings = venture.mso().holdings();
        for (int index = 0; index < holdings.size(); index++) {
            Holding h = holdings.get(index);
            ShareClass cls = venture.mso().requireClass(h.shareClass());
            if (!cls.isProfitsInterest()) {
                continue;
            }
            PerformanceVestedCapTable.Tranche tranche = tranches.get(index);
            long vested = tranche == null ? h.vestedAtExit(date, doubleTriggerFires) : tranche.vestedUnits(levelOf.get(index));
            int i = vested == 0 ? -1 : tranche != null ? indexOf(layout, tranche.claimant())
                    : claimantOf(layout, venture, cls, h, date, doubleTriggerFires);
            if (i < 0) {
                BigFraction threshold = h.threshold() == null ? null : ResolvedCapTable.fraction(h.threshold());
                out.add(new ProfitsInterestParticipation(h.holder(), cls.id(), h.shares(), 0, threshold, h.hurdle(), price,
                        Status.FORFEITED, Money.ZERO, BigFraction.ZERO, BigFraction.ZERO));
                continue;
            }
            Claimant c = layout.claimants.get(i);
            List<Money> pieceCents = WaterfallEngine.splitToPieces(c, outcome.preferencePaid()[i].value(),
                    outcome.participation(i).value(), classCents.get(i));
            int j = pieceOf(c, h.holder(), vested, used);
            Money payout = pieceCents.get(j);
            BigFraction claimantPayout = exact.get(i);
            BigFraction fullValue = price.multiply(c.shares());
            Status status = claimantPayout.compareTo(BigFraction.ZERO) == 0 ? Status.BELOW_THRESHOLD
                    : c.catchUp() && claimantPayout.compareTo(fullValue) < 0 ? Status.CATCHING_UP : Status.PARTICIPATING;
            // The whole series takes the same fraction of a common unit's value, so the exact one is the series'.
            BigFraction ofCommon = fullValue.compareTo(BigFraction.ZERO) == 0 ? BigFraction.ZERO : claimantPayout.divide(fullValue);
            BigFraction ofEquity = proceeds.compareTo(BigFraction.ZERO) == 0 ? BigFraction.ZERO
                    : ResolvedCapTable.money(payout).divide(proceeds);
            out.add(new ProfitsInterestParticipation(h.holder(), cls.id(), h.shares(), vested, c.strike(), h.hurdle(), price,
                    status, payout, ofCommon, ofEquity));
        }
        return out;
    }

    /**
     * The cap-table view ({@code captable --value}): at a sale on the venture's asOf date for {@code equityProceeds},
     * with every granted profits-interest unit and option counted as vested, as the fully diluted count counts them.
     */
    public static List<ProfitsInterestParticipation> fullyDiluted(Venture venture, Money equityProceeds) {
        return fullyDiluted(venture, venture.asOf(), equityProceeds);
    }

    /**
     * As {@link #fullyDiluted(Venture, Money)}, at a sale on {@code date}: the cap table in force after deal events, whose
     * holdings may be dated after asOf, accrues its dividends and hurdles to that date.
     */
    public static List<ProfitsInterestParticipation> fullyDiluted(Venture venture, java.time.LocalDate date, Money equityProceeds) {
        Mso mso = venture.mso();
        // Performance-vested units count as vested too: the view is "if fully participating".
        List<Holding> holdings = mso.holdings().stream()
                .map(h -> h.vesting() == null ? h : h.withVesting(h.vesting(), OptionGrant.Acceleration.SINGLE))
                .map(h -> h.performanceVesting() == null ? h : h.withPerformanceVesting(null)).toList();
        List<OptionGrant> options = mso.options().stream().map(g -> new OptionGrant(g.holder(), g.shares(), g.strike(), g.granted(),
                g.vesting(), OptionGrant.Acceleration.SINGLE)).toList();
        Mso allVested = new Mso(mso.name(), mso.state(), mso.form(), mso.classes(), holdings, mso.optionPool(), options,
                mso.warrants(), mso.safes(), mso.notes(), mso.directors(), mso.officers(), mso.staff(), mso.formed());
        return at(venture.toBuilder().mso(allVested).build(), date, false, equityProceeds);
    }

    /**
     * The claimant index of the holding's series, or -1 when it has none (every unit of it forfeited). Named as
     * {@link ProfitsInterests} names series: the class id alone when the class's vested holdings form one series.
     */
    private static int claimantOf(Layout layout, Venture venture, ShareClass cls, Holding h, LocalDate date,
                                  boolean doubleTriggerFires) {
        Set<String> keys = new HashSet<>();
        Map<Integer, String> performanceKeys = ProfitsInterests.performanceSeriesKeys(venture.mso());
        List<Holding> holdings = venture.mso().holdings();
        for (int j = 0; j < holdings.size(); j++) {
            Holding other = holdings.get(j);
            if (other.shareClass().equals(cls.id()) && other.vestedAtExit(date, doubleTriggerFires) > 0) {
                keys.add(performanceKeys.getOrDefault(j, ProfitsInterests.seriesKey(other)));
            }
        }
        return indexOf(layout, keys.size() == 1 ? cls.id() : cls.id() + "@" + ProfitsInterests.seriesKey(h));
    }

    private static int indexOf(Layout layout, String id) {
        for (int i = 0; i < layout.size; i++) {
            if (layout.claimants.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The first piece of the holder with these units not yet matched to a holding (equal pieces are paid alike). */
    private static int pieceOf(Claimant c, String holder, long vested, Map<String, boolean[]> used) {
        boolean[] taken = used.computeIfAbsent(c.id(), k -> new boolean[c.pieces().size()]);
        BigFraction units = new BigFraction(vested);
        for (int j = 0; j < c.pieces().size(); j++) {
            Piece p = c.pieces().get(j);
            if (!taken[j] && p.holder().equals(holder) && p.shareWeight().equals(units)) {
                taken[j] = true;
                return j;
            }
        }
        throw new IllegalStateException("no piece of " + c.id() + " for " + holder + " with " + vested + " units");
    }
}
