package org.msocap.waterfall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.HolderCategory;
import org.msocap.model.Holding;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.ShareClass;
import org.msocap.money.Money;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.msocap.waterfall.ResolvedCapTable.Kind;
import org.msocap.waterfall.ResolvedCapTable.Participation;
import org.msocap.waterfall.ResolvedCapTable.Piece;

/**
 * Profits interests (PRODUCT.md §7) as residual claimants, beside common, converted preferred and options.
 *
 * <p>A holding with per-unit threshold T takes {@code units × max(p − T, 0)} at the price p per common unit, exactly as
 * an option at strike T does in the engine's residual, except that no exercise cash is paid in (the engine adds none for
 * this kind). Holdings of one class with one threshold (or one hurdle) form one claimant, so the breakpoint plan sees a
 * price point per series. With {@code catchUp: full} the claimant also takes, at the price T itself, up to
 * {@code units × T} before the price moves on ({@link Layout}'s jump), so it ends as a threshold-0 unit.
 *
 * <p>A hurdle H is turned into a threshold: the price per common unit at which equity proceeds of H are distributed
 * by the table without the holding (same exit date, so dividends accrued to it). Hurdle series are priced in
 * ascending order of H, each on the table with the series of lower hurdles already in it: a series of hurdle at least
 * H takes nothing at proceeds H, so it does not change that price, and every series receives nothing while the
 * proceeds are at most its hurdle.
 *
 * <p>Unvested units are forfeited at the sale, as unvested options lapse; their value stays with the other residual
 * holders.
 */
final class ProfitsInterests {

    private ProfitsInterests() {
    }

    /** One series of a class: the holdings with one threshold, or one hurdle; {@code only} when the class has no other. */
    private record Series(ShareClass cls, BigDecimal threshold, Money hurdle, List<Piece> pieces, boolean only) {
        static String key(Holding h) {
            return h.threshold() != null ? h.threshold().stripTrailingZeros().toPlainString()
                    : "hurdle-" + h.hurdle().amount().stripTrailingZeros().toPlainString();
        }

        /** The class id alone when the class has one series, else the class id at the threshold or hurdle. */
        String id(String key) {
            return only ? cls.id() : cls.id() + "@" + key;
        }
    }

    /** The key of the holding's series within its class: its threshold, or its hurdle. */
    static String seriesKey(Holding h) {
        return Series.key(h);
    }

    /**
     * The series key of each performance-vested holding, by index: its threshold or hurdle, then {@code /holder}, and
     * {@code -2}, {@code -3}… for a holder's further such holdings at that key.
     */
    static Map<Integer, String> performanceSeriesKeys(Mso mso) {
        Map<Integer, String> keys = new LinkedHashMap<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int index = 0; index < mso.holdings().size(); index++) {
            Holding h = mso.holdings().get(index);
            if (h.performanceVesting() != null) {
                String base = h.shareClass() + "@" + Series.key(h) + "/" + h.holder();
                int n = seen.merge(base, 1, Integer::sum);
                keys.put(index, Series.key(h) + "/" + h.holder() + (n == 1 ? "" : "-" + n));
            }
        }
        return keys;
    }

    private static BigDecimal requireFraction(BigDecimal[] performanceFraction, int index, Holding h) {
        BigDecimal f = performanceFraction[index];
        if (f == null) {
            throw new IllegalStateException("the performance-vested holding of " + h.holder() + " in " + h.shareClass()
                    + " needs its vested fraction (resolve through PerformanceVestedCapTable)");
        }
        return f;
    }

    /** {@code others} plus the profits-interest claimants of {@code mso} at a sale on {@code exitDate}. */
    static List<Claimant> addTo(List<Claimant> others, Mso mso, LocalDate exitDate, boolean doubleTriggerFires,
                                Map<String, HolderCategory> categories) {
        return addTo(others, mso, exitDate, doubleTriggerFires, categories, new BigDecimal[mso.holdings().size()]);
    }

    /**
     * As above, with the fraction each performance-vested holding vests by its test ({@code performanceFraction} by index
     * of the holding; 0 when no level holds). A performance-vested holding is a series of its own,
     * {@code class@key/holder}, so that its units, which change with the exit value, never change how another series'
     * payout splits over its holders; series are named from the holdings vested by time, so that the names do not
     * change with the exit value either.
     */
    static List<Claimant> addTo(List<Claimant> others, Mso mso, LocalDate exitDate, boolean doubleTriggerFires,
                                Map<String, HolderCategory> categories, BigDecimal[] performanceFraction) {
        List<Claimant> out = new ArrayList<>(others);
        List<Map.Entry<String, Series>> withHurdle = new ArrayList<>();
        Map<Integer, String> performanceKeys = performanceSeriesKeys(mso);
        for (ShareClass cls : mso.classes()) {
            if (!cls.isProfitsInterest()) {
                continue;
            }
            Map<String, List<Piece>> pieces = new LinkedHashMap<>();
            Map<String, Holding> first = new LinkedHashMap<>();
            java.util.Set<String> named = new java.util.HashSet<>();
            for (int index = 0; index < mso.holdings().size(); index++) {
                Holding h = mso.holdings().get(index);
                if (!h.shareClass().equals(cls.id()) || h.vestedAtExit(exitDate, doubleTriggerFires) == 0) {
                    continue;
                }
                String key = performanceKeys.getOrDefault(index, Series.key(h));
                named.add(key);
                long vested = h.performanceVesting() == null ? h.vestedAtExit(exitDate, doubleTriggerFires)
                        : h.vestedAtExit(exitDate, doubleTriggerFires, requireFraction(performanceFraction, index, h));
                if (vested == 0) {
                    continue; // forfeited at the sale
                }
                first.putIfAbsent(key, h);
                pieces.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Piece(h.holder(), BigFraction.ZERO, new BigFraction(vested), h.costBasis(cls), h.acquired()));
            }
            boolean only = named.size() == 1;
            for (Map.Entry<String, List<Piece>> e : pieces.entrySet()) {
                Holding h = first.get(e.getKey());
                Series s = new Series(cls, h.threshold(), h.hurdle(), e.getValue(), only);
                if (s.threshold() != null) {
                    out.add(claimant(s, e.getKey(), ResolvedCapTable.fraction(s.threshold())));
                } else {
                    withHurdle.add(Map.entry(e.getKey(), s));
                }
            }
        }
        withHurdle.sort(Comparator.comparing((Map.Entry<String, Series> e) -> e.getValue().hurdle()).thenComparing(Map.Entry::getKey));
        // Series with equal hurdles are priced on the same table (none of them takes anything at that price).
        List<Claimant> priced = new ArrayList<>();
        Money pricedAt = null;
        for (Map.Entry<String, Series> e : withHurdle) {
            Series s = e.getValue();
            if (pricedAt != null && !pricedAt.equals(s.hurdle())) {
                out.addAll(priced);
                priced.clear();
            }
            pricedAt = s.hurdle();
            priced.add(claimant(s, e.getKey(), priceAt(s, out, exitDate, categories)));
        }
        out.addAll(priced);
        return out;
    }

    private static Claimant claimant(Series s, String key, BigFraction threshold) {
        BigFraction units = BigFraction.ZERO;
        for (Piece p : s.pieces()) {
            units = units.add(p.shareWeight());
        }
        boolean catchUp = s.cls().catchUp() == ShareClass.CatchUp.FULL && threshold.compareTo(BigFraction.ZERO) > 0;
        List<Piece> sorted = new ArrayList<>(s.pieces());
        sorted.sort(Comparator.comparing(Piece::holder).thenComparing(Piece::shareWeight).thenComparing(Piece::cost)
                .thenComparing(p -> p.acquired() == null ? LocalDate.MIN : p.acquired()));
        return new Claimant(s.id(key), Kind.PROFITS_INTEREST, 0, BigFraction.ZERO, units, Participation.FULL, BigFraction.ZERO,
                threshold, false, threshold, sorted, catchUp);
    }

    /** The price per common unit at which the table of {@code others} distributes the series' hurdle. */
    private static BigFraction priceAt(Series s, List<Claimant> others, LocalDate exitDate,
                                       Map<String, HolderCategory> categories) {
        if (others.isEmpty()) {
            // The model refuses a table of hurdle series alone; here everything else was forfeited at this sale.
            throw new ModelException("mso.holdings", "at the exit on " + exitDate + " profits interests of class " + s.cls().id()
                    + " over a hurdle of " + s.hurdle() + " have no other units to be priced on: every other holding is "
                    + "forfeited at that sale (unvested)");
        }
        ResolvedCapTable without = new ResolvedCapTable(exitDate, others, categories);
        try {
            return WaterfallEngine.DEFAULT.settle(without, Affine.constant(ResolvedCapTable.money(s.hurdle()))).price().value();
        } catch (ModelException e) {
            throw new ModelException("mso.holdings", "cannot price the hurdle of " + s.hurdle() + " of profits-interest class "
                    + s.cls().id() + ": " + e.getMessage());
        }
    }
}
