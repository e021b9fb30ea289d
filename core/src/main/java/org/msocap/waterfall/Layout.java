package org.msocap.waterfall;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
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
     * share. {@code whenConverted} says to which of the claimant's two modes the event belongs. {@code jump}: what a
     * profits interest in catch-up takes at this price before the price moves on ({@code shares × price}), else 0.
     */
    record Event(BigFraction price, int claimant, boolean whenConverted, BigFraction deltaShares, BigFraction jump) {
        Event(BigFraction price, int claimant, boolean whenConverted, BigFraction deltaShares) {
            this(price, claimant, whenConverted, deltaShares, BigFraction.ZERO);
        }
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
    /** Profits interests in catch-up: at the price {@code strike} they take up to {@code shares × strike} first. */
    final boolean[] catchUp;
    final Event[] events;
    /** Convertible claimants, highest conversion threshold first: the likeliest to keep their preference. */
    final int[] conversionOrder;
    /** Preferences as integers over their common denominator, for the plans' sums. */
    final BigInteger preferenceDenominator;
    final BigInteger[] preferenceNumerator;
    /** Price points' prices and shares as integers over common denominators; a take is over their product. */
    final BigInteger priceDenominator;
    final BigInteger sharesDenominator;
    final BigInteger takenDenominator;
    final BigInteger[] eventPriceNumerator;
    final BigInteger[] eventSharesNumerator;
    /** Catch-up jumps over {@link #takenDenominator}. */
    final BigInteger[] eventJumpNumerator;
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
        catchUp = new boolean[size];
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
            catchUp[i] = c.catchUp() && participatesUnconverted[i];
            if (participatesUnconverted[i]) {
                ev.add(new Event(c.strike(), i, false, c.shares(), catchUp[i] ? c.strike().multiply(c.shares()) : BigFraction.ZERO));
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
        preferenceDenominator = commonDenominator(Arrays.asList(preference));
        preferenceNumerator = over(Arrays.asList(preference), preferenceDenominator);
        List<BigFraction> prices = Arrays.stream(events).map(Event::price).toList();
        List<BigFraction> deltas = Arrays.stream(events).map(Event::deltaShares).toList();
        priceDenominator = commonDenominator(prices);
        sharesDenominator = commonDenominator(deltas);
        takenDenominator = priceDenominator.multiply(sharesDenominator);
        eventPriceNumerator = over(prices, priceDenominator);
        eventSharesNumerator = over(deltas, sharesDenominator);
        // A jump is shares × price: its numerator over priceDenominator × sharesDenominator is the product of the two.
        eventJumpNumerator = new BigInteger[events.length];
        for (int k = 0; k < events.length; k++) {
            eventJumpNumerator[k] = events[k].jump().getNumerator().signum() == 0 ? BigInteger.ZERO
                    : eventPriceNumerator[k].multiply(eventSharesNumerator[k]);
        }
        unconvertedCeiling = new Affine[size];
        for (int i = 0; i < size; i++) {
            BigFraction ceiling = !participatesUnconverted[i] ? preference[i]
                    : capped[i] ? preference[i].add(claimants.get(i).headroom()) : null;
            unconvertedCeiling[i] = ceiling == null ? null : Affine.constant(ceiling);
        }
    }

    /**
     * What the waterfall needs for one set of conversion decisions, independent of the proceeds: per tier the claims
     * of the tiers before it, and the participants' total take as a function of the price (a piecewise linear curve
     * through the active price points). The equilibrium search evaluates a few hundred distinct sets of decisions
     * many times over while a breakpoint table is resolved, so each set's plan is worked out once ({@link #plan})
     * and an evaluation only places the proceeds on it.
     *
     * <p>Sums are kept as integer numerators over the layout's common denominators ({@link #preferenceDenominator},
     * {@link #sharesDenominator}, {@link #takenDenominator}): adding fractions would reduce every partial sum by a
     * gcd, and only the one or two values an evaluation lands on are needed in lowest terms (made on first use).
     */
    static final class Plan {
        private final Layout layout;
        /** Per tier t, the claims of tiers 0 .. t - 1, in lowest terms; entry {@code tiers.length} is the total. */
        final BigFraction[] claimBefore;
        /** Per tier, its unconverted members' preferences, over {@link #preferenceDenominator}. */
        private final BigInteger[] tierClaim;
        /** The distinct prices of the active price points, ascending. */
        final BigFraction[] price;
        /**
         * Per point, what the participants take at its price, over {@link #takenDenominator}: from the points below it and
         * the whole of its own catch-up jump (the take just above the price).
         */
        final BigInteger[] takenAt;
        /** Per point, the catch-up taken at its price (0 for most), over {@link #takenDenominator}: a vertical step of the take. */
        final BigInteger[] jumpAt;
        /** Per point, the shares taking part just above its price, over {@link #sharesDenominator}. */
        private final BigInteger[] slopeAfter;
        private final BigFraction[][] tierShare;
        private final BigFraction[] takenAtReduced;
        private final BigFraction[] slopeAfterReduced;

        private Plan(Layout layout, BigFraction[] claimBefore, BigInteger[] tierClaim, BigFraction[] price, BigInteger[] takenAt,
                     BigInteger[] jumpAt, BigInteger[] slopeAfter) {
            this.layout = layout;
            this.jumpAt = jumpAt;
            this.claimBefore = claimBefore;
            this.tierClaim = tierClaim;
            this.price = price;
            this.takenAt = takenAt;
            this.slopeAfter = slopeAfter;
            this.tierShare = new BigFraction[tierClaim.length][];
            this.takenAtReduced = new BigFraction[takenAt.length];
            this.slopeAfterReduced = new BigFraction[slopeAfter.length];
        }

        /** Member m of tier t: its preference ÷ the tier's claim (the tier must claim something). */
        BigFraction tierShare(int t, int m) {
            // Worked out on first use and kept; racing threads store equal immutable values, so no lock is needed.
            BigFraction[] shares = tierShare[t];
            if (shares == null) {
                shares = new BigFraction[layout.tiers[t].length];
                tierShare[t] = shares;
            }
            BigFraction share = shares[m];
            if (share == null) {
                share = new BigFraction(layout.preferenceNumerator[layout.tiers[t][m]], tierClaim[t]);
                shares[m] = share;
            }
            return share;
        }

        /** {@link #takenAt} of point g in lowest terms. */
        BigFraction takenAt(int g) {
            BigFraction v = takenAtReduced[g];
            if (v == null) {
                v = new BigFraction(takenAt[g], layout.takenDenominator);
                takenAtReduced[g] = v;
            }
            return v;
        }

        /**
         * The price at which the participants take {@code residual}, on the segment above point g (whose slope is
         * positive): {@code price[g] + (residual − takenAt[g]) ÷ slopeAfter[g]}, assembled over integers and reduced
         * once per part rather than once per operation.
         */
        Affine priceAbove(int g, Affine residual) {
            BigInteger td = layout.takenDenominator;
            BigInteger sd = layout.sharesDenominator;
            BigInteger sn = slopeAfter[g];
            BigFraction v = residual.value();
            BigFraction p = price[g];
            // (v − t) ÷ s = (vn·td − tn·vd)·sd ÷ (vd·td·sn); plus pn ÷ pd.
            BigInteger excess = v.getNumerator().multiply(td).subtract(takenAt[g].multiply(v.getDenominator())).multiply(sd);
            BigInteger excessDenominator = v.getDenominator().multiply(td).multiply(sn);
            BigFraction value = new BigFraction(p.getNumerator().multiply(excessDenominator).add(excess.multiply(p.getDenominator())),
                    p.getDenominator().multiply(excessDenominator));
            BigFraction rs = residual.slope();
            BigFraction slope = Affine.isZero(rs) ? BigFraction.ZERO
                    : new BigFraction(rs.getNumerator().multiply(sd), rs.getDenominator().multiply(sn));
            return new Affine(value, slope);
        }

        /** The slope just above point g's price, in lowest terms. */
        BigFraction slopeAfter(int g) {
            BigFraction v = slopeAfterReduced[g];
            if (v == null) {
                v = new BigFraction(slopeAfter[g], layout.sharesDenominator);
                slopeAfterReduced[g] = v;
            }
            return v;
        }
    }

    /** Whether {@code a} compares with the constant {@code numerator ÷ denominator} (denominator > 0) as Affine does. */
    static int compareToConstant(Affine a, BigInteger numerator, BigInteger denominator) {
        BigFraction v = a.value();
        int c = v.getNumerator().multiply(denominator).compareTo(numerator.multiply(v.getDenominator()));
        return c != 0 ? c : a.slope().getNumerator().signum();
    }

    private static BigInteger commonDenominator(List<BigFraction> values) {
        BigInteger d = BigInteger.ONE;
        for (BigFraction v : values) {
            d = d.divide(d.gcd(v.getDenominator())).multiply(v.getDenominator());
        }
        return d;
    }

    private static BigInteger[] over(List<BigFraction> values, BigInteger denominator) {
        BigInteger[] out = new BigInteger[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getNumerator().multiply(denominator.divide(values.get(i).getDenominator()));
        }
        return out;
    }

    /** Plans kept per layout at most; beyond, they are worked out each time (only a pathological search gets here). */
    private static final int MAX_PLANS = 1 << 14;
    /** Sized for the few hundred sets of decisions a breakpoint table tries, so the map does not grow step by step. */
    private final Map<Long, Plan> plans = new ConcurrentHashMap<>(1024);

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
        BigInteger[] tierClaim = new BigInteger[tiers.length];
        BigFraction[] claimBefore = new BigFraction[tiers.length + 1];
        claimBefore[0] = BigFraction.ZERO;
        BigInteger before = BigInteger.ZERO;
        for (int t = 0; t < tiers.length; t++) {
            BigInteger claim = BigInteger.ZERO;
            for (int i : tiers[t]) {
                if (!converted[i]) {
                    claim = claim.add(preferenceNumerator[i]);
                }
            }
            tierClaim[t] = claim;
            before = before.add(claim);
            claimBefore[t + 1] = claim.signum() == 0 ? claimBefore[t] : new BigFraction(before, preferenceDenominator);
        }
        // The walk over the price points, as the engine did it per evaluation: at each new price, what the points
        // below take there; points at the price already reached only add their shares to the slope.
        List<BigFraction> prices = new ArrayList<>();
        List<BigInteger> takenAt = new ArrayList<>();
        List<BigInteger> jumpAt = new ArrayList<>();
        List<BigInteger> slopeAfter = new ArrayList<>();
        BigInteger taken = BigInteger.ZERO;
        BigInteger atPrice = BigInteger.ZERO;
        BigInteger slope = BigInteger.ZERO;
        for (int k = 0; k < events.length; k++) {
            Event e = events[k];
            if (!active(e, converted)) {
                continue;
            }
            BigInteger jump = eventJumpNumerator[k];
            if (!prices.isEmpty() && eventPriceNumerator[k].equals(atPrice)) {
                slope = slope.add(eventSharesNumerator[k]);
                slopeAfter.set(slopeAfter.size() - 1, slope);
                if (jump.signum() != 0) {
                    taken = taken.add(jump);
                    takenAt.set(takenAt.size() - 1, taken);
                    jumpAt.set(jumpAt.size() - 1, jumpAt.get(jumpAt.size() - 1).add(jump));
                }
                continue;
            }
            taken = taken.add(slope.multiply(eventPriceNumerator[k].subtract(atPrice))).add(jump);
            atPrice = eventPriceNumerator[k];
            slope = slope.add(eventSharesNumerator[k]);
            prices.add(e.price());
            takenAt.add(taken);
            jumpAt.add(jump);
            slopeAfter.add(slope);
        }
        return new Plan(this, claimBefore, tierClaim, prices.toArray(BigFraction[]::new), takenAt.toArray(BigInteger[]::new),
                jumpAt.toArray(BigInteger[]::new), slopeAfter.toArray(BigInteger[]::new));
    }

    boolean active(Event e, boolean[] converted) {
        return e.whenConverted() == converted[e.claimant()] && (e.whenConverted() || participatesUnconverted[e.claimant()]);
    }
}
