package org.msocap.waterfall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.msocap.waterfall.ResolvedCapTable.Participation;

/**
 * What the engine precomputes once per cap table: preference tiers and the price points at which
 * participants start or stop taking part in the residual.
 */
final class Layout {

    /**
     * A participant enters (positive delta) or leaves (negative delta) the residual at a price per common
     * share. {@code whenConverted} says to which of the claimant's two modes the event belongs.
     */
    record Event(BigFraction price, int claimant, boolean whenConverted, BigFraction deltaShares) {
    }

    final List<Claimant> claimants;
    final int size;
    /** Claimant indices with a preference, grouped by seniority, most senior first. */
    final int[][] tiers;
    final BigFraction[] preference;
    final BigFraction[] shares;
    final BigFraction[] strike;
    final BigFraction[] capPrice;
    final boolean[] capped;
    final boolean[] convertible;
    final boolean[] participatesUnconverted;
    final Event[] events;
    /** Convertible claimants, highest conversion threshold first: the likeliest to keep their preference. */
    final int[] conversionOrder;
    /**
     * Per claimant, the most it can receive without converting: its preference, plus its headroom when capped;
     * null when unbounded (full participation). The equilibrium search skips trying an unconversion that cannot pay.
     */
    final Affine[] unconvertedCeiling;

    Layout(List<Claimant> claimants) {
        this.claimants = claimants;
        size = claimants.size();
        preference = new BigFraction[size];
        shares = new BigFraction[size];
        strike = new BigFraction[size];
        capPrice = new BigFraction[size];
        capped = new boolean[size];
        convertible = new boolean[size];
        participatesUnconverted = new boolean[size];
        TreeMap<Integer, List<Integer>> bySeniority = new TreeMap<>(Comparator.reverseOrder());
        List<Event> ev = new ArrayList<>();
        List<Integer> convertibles = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Claimant c = claimants.get(i);
            preference[i] = c.preference();
            shares[i] = c.shares();
            strike[i] = c.strike();
            convertible[i] = c.convertible();
            participatesUnconverted[i] = c.participatesUnconverted() && c.shares().compareTo(BigFraction.ZERO) > 0;
            capped[i] = c.participation() == Participation.CAPPED;
            if (c.preference().compareTo(BigFraction.ZERO) > 0) {
                bySeniority.computeIfAbsent(c.seniority(), k -> new ArrayList<>()).add(i);
            }
            if (participatesUnconverted[i]) {
                ev.add(new Event(c.strike(), i, false, c.shares()));
                if (capped[i]) {
                    capPrice[i] = c.strike().add(c.headroom().divide(c.shares()));
                    ev.add(new Event(capPrice[i], i, false, c.shares().negate()));
                }
            }
            if (convertible[i]) {
                ev.add(new Event(BigFraction.ZERO, i, true, c.shares()));
                convertibles.add(i);
            }
        }
        tiers = bySeniority.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        ev.sort(Comparator.comparing(Event::price));
        events = ev.toArray(Event[]::new);
        convertibles.sort(Comparator.<Integer, BigFraction>comparing(i -> claimants.get(i).threshold()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        conversionOrder = convertibles.stream().mapToInt(Integer::intValue).toArray();
        unconvertedCeiling = new Affine[size];
        for (int i = 0; i < size; i++) {
            BigFraction ceiling = !participatesUnconverted[i] ? preference[i]
                    : capped[i] ? preference[i].add(claimants.get(i).headroom()) : null;
            unconvertedCeiling[i] = ceiling == null ? null : Affine.constant(ceiling);
        }
    }

    /**
     * What the waterfall needs for one set of conversion decisions, independent of the proceeds: per tier the claim
     * of its unconverted members and the claims of the tiers before it, and the participants' total take as a
     * function of the price (a piecewise linear curve through the active price points). The equilibrium search
     * evaluates a few hundred distinct sets of decisions many times over while a breakpoint table is resolved, so
     * each set's plan is worked out once ({@link #plan}) and an evaluation only places the proceeds on it.
     *
     * @param tierClaim per tier, the preferences of its unconverted members
     * @param claimBefore per tier t, the claims of tiers 0 .. t - 1; entry {@code tiers.length} is the total
     * @param tierShare per tier and member, its preference ÷ the tier's claim (null when the tier claims nothing)
     * @param price the distinct prices of the active price points, ascending
     * @param takenAt per point, what the participants take at its price from the points below it
     * @param slopeAfter per point, the shares taking part just above its price
     */
    record Plan(BigFraction[] tierClaim, BigFraction[] claimBefore, BigFraction[][] tierShare, BigFraction[] price,
                BigFraction[] takenAt, BigFraction[] slopeAfter) {
    }

    /** Plans kept per layout at most; beyond, they are worked out each time (only a pathological search gets here). */
    private static final int MAX_PLANS = 1 << 14;
    private final Map<Long, Plan> plans = new ConcurrentHashMap<>();

    /** The plan for {@code converted}; kept by decisions when they fit a key (thread-safe: plans are immutable). */
    Plan plan(boolean[] converted) {
        long key = decisionsKey(converted);
        if (key < 0) {
            return newPlan(converted);
        }
        Plan known = plans.get(key);
        if (known == null) {
            known = newPlan(converted);
            if (plans.size() < MAX_PLANS) {
                plans.putIfAbsent(key, known);
            }
        }
        return known;
    }

    /** Bit k: whether the k-th claimant of the conversion order converts; -1 when that does not say everything. */
    private long decisionsKey(boolean[] converted) {
        if (conversionOrder.length >= Long.SIZE - 1) {
            return -1;
        }
        long key = 0;
        for (int k = 0; k < conversionOrder.length; k++) {
            if (converted[conversionOrder[k]]) {
                key |= 1L << k;
            }
        }
        for (int i = 0; i < size; i++) {
            if (converted[i] && !convertible[i]) {
                return -1;
            }
        }
        return key;
    }

    private Plan newPlan(boolean[] converted) {
        BigFraction[] tierClaim = new BigFraction[tiers.length];
        BigFraction[] claimBefore = new BigFraction[tiers.length + 1];
        BigFraction[][] tierShare = new BigFraction[tiers.length][];
        claimBefore[0] = BigFraction.ZERO;
        for (int t = 0; t < tiers.length; t++) {
            BigFraction claim = BigFraction.ZERO;
            for (int i : tiers[t]) {
                if (!converted[i]) {
                    claim = claim.add(preference[i]);
                }
            }
            tierClaim[t] = claim;
            claimBefore[t + 1] = Affine.add(claimBefore[t], claim);
            if (!Affine.isZero(claim)) {
                tierShare[t] = new BigFraction[tiers[t].length];
                for (int m = 0; m < tiers[t].length; m++) {
                    tierShare[t][m] = preference[tiers[t][m]].divide(claim);
                }
            }
        }
        // The walk over the price points, as the engine did it per evaluation: at each new price, what the points
        // below take there; points at the price already reached only add their shares to the slope.
        List<BigFraction> prices = new ArrayList<>();
        List<BigFraction> takenAt = new ArrayList<>();
        List<BigFraction> slopeAfter = new ArrayList<>();
        BigFraction taken = BigFraction.ZERO;
        BigFraction atPrice = BigFraction.ZERO;
        BigFraction slope = BigFraction.ZERO;
        for (Event e : events) {
            if (!active(e, converted)) {
                continue;
            }
            if (!prices.isEmpty() && Affine.same(e.price(), atPrice)) {
                slope = slope.add(e.deltaShares());
                slopeAfter.set(slopeAfter.size() - 1, slope);
                continue;
            }
            taken = Affine.add(taken, Affine.mul(slope, e.price().subtract(atPrice)));
            atPrice = e.price();
            slope = slope.add(e.deltaShares());
            prices.add(atPrice);
            takenAt.add(taken);
            slopeAfter.add(slope);
        }
        return new Plan(tierClaim, claimBefore, tierShare, prices.toArray(BigFraction[]::new), takenAt.toArray(BigFraction[]::new),
                slopeAfter.toArray(BigFraction[]::new));
    }

    boolean active(Event e, boolean[] converted) {
        return e.whenConverted() == converted[e.claimant()] && (e.whenConverted() || participatesUnconverted[e.claimant()]);
    }
}
