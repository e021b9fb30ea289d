package org.msocap.waterfall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Fractions;

/**
 * Every claimant's payout for fixed conversion decisions, in doubles, with a bound on its error: what lets the
 * equilibrium search ({@link WaterfallEngine#settle}) decide most of its comparisons without exact fractions.
 *
 * <p>Why: resolving the large benchmark table's breakpoints settles the equilibrium about 130 times a table, each
 * trying about 19 sets of decisions, and those evaluations, in exact fractions over denominators of a hundred bits and
 * more (a gcd per operation), were most of the time of resolving the table. A search only asks whether one claimant's
 * payout is above, equal to or below another's (or its ceiling), and most of the time the two are dollars apart. The
 * estimate answers when the difference exceeds the two error bounds; otherwise the search evaluates both sides exactly,
 * as before, so the decisions, and so every outcome, are exactly the engine's. Only values are estimated: two payouts
 * with equal values are a tie for the estimate, whose slopes the exact path compares.
 *
 * <p>The estimate follows {@link WaterfallEngine#evaluate} on a plan of its own in doubles (the tiers' claims, the
 * participants' take at each price point: sums of non-negative terms), so it needs neither the exact plan nor its
 * reductions. Its bound adds up, operation by operation, a few roundings of 2⁻⁵³ of the magnitudes involved (the
 * take's own accumulated error, the cancellation in the price's excess over a point, the shares' slope where capped
 * participants leave it), and is then multiplied by {@link #SAFETY}. Where a comparison inside the evaluation (a tier
 * covered or not, a price above a strike or not) goes the other way because of rounding, the payout is continuous
 * there (PRODUCT.md §4.7), so the other branch is within the same bound. Where the slope of the take may be lost to
 * cancellation there is no estimate (the search goes exact). {@code OutcomeEstimatesTest} checks settlements and
 * whole tables with and without estimates.
 *
 * <p>One instance serves one layout on one thread (a table's resolution): each set of decisions' plan is worked out on
 * first use and kept.
 */
final class OutcomeEstimates {

    /** Roundings of 2⁻⁵³ allowed per operation (conversions of fractions to doubles round up to three times). */
    private static final double ROUNDING = 4 * 0x1p-53;
    /** The factor over the operation-by-operation bound: room for anything the bound leaves out. */
    private static final double SAFETY = 0x1p12;

    private final Layout layout;
    private final double[] preference;
    private final double[] shares;
    private final double[] strike;
    private final double[] capPrice;
    /** Per claimant, strike plus cap price (0 without a cap): the price terms of its bound. */
    private final double[] priceTerms;
    private final double[] ceiling;
    /** Per claimant, its preference tier (-1: none). */
    private final int[] tierOf;
    private final double[] eventPrice;
    private final double[] eventShares;
    private final double[] eventJump;
    private final Map<Long, PlanDoubles> plans = new HashMap<>();

    OutcomeEstimates(Layout layout) {
        this.layout = layout;
        int n = layout.size;
        preference = new double[n];
        shares = new double[n];
        strike = new double[n];
        capPrice = new double[n];
        priceTerms = new double[n];
        ceiling = new double[n];
        for (int i = 0; i < n; i++) {
            preference[i] = Fractions.toDouble(layout.preference[i]);
            shares[i] = Fractions.toDouble(layout.shares[i]);
            strike[i] = Fractions.toDouble(layout.strike[i]);
            capPrice[i] = layout.capPrice[i] == null ? Double.NaN : Fractions.toDouble(layout.capPrice[i]);
            priceTerms[i] = Math.abs(strike[i]) + (layout.capPrice[i] == null ? 0 : Math.abs(capPrice[i]));
            ceiling[i] = layout.unconvertedCeiling[i] == null ? Double.NaN : Fractions.toDouble(layout.unconvertedCeiling[i].value());
        }
        tierOf = new int[n];
        java.util.Arrays.fill(tierOf, -1);
        for (int t = 0; t < layout.tiers.length; t++) {
            for (int i : layout.tiers[t]) {
                tierOf[i] = t;
            }
        }
        int events = layout.events.length;
        eventPrice = new double[events];
        eventShares = new double[events];
        eventJump = new double[events];
        for (int k = 0; k < events; k++) {
            Layout.Event e = layout.events[k];
            eventPrice[k] = Fractions.toDouble(e.price());
            eventShares[k] = Fractions.toDouble(e.deltaShares());
            eventJump[k] = e.jump().getNumerator().signum() == 0 ? 0 : Fractions.toDouble(e.jump());
        }
    }

    /** The payouts for {@code converted} at proceeds {@code proceeds}; null when doubles cannot tell them closely enough. */
    Estimate estimate(boolean[] converted, BigFraction proceeds) {
        PlanDoubles p = plan(converted);
        double x = Fractions.toDouble(proceeds);
        int n = layout.size;
        double[] pref = new double[n];
        int tiers = layout.tiers.length;
        int covered = 0;
        while (covered < tiers && x >= p.claimBefore[covered + 1]) {
            covered++;
        }
        for (int t = 0; t < covered; t++) {
            for (int i : layout.tiers[t]) {
                if (!converted[i]) {
                    pref[i] = preference[i];
                }
            }
        }
        double remaining = x - p.claimBefore[covered];
        // x and the claims before: each sum of at most n preferences.
        double moneyError = ROUNDING * (Math.abs(x) + (n + 1) * Math.abs(p.claimBefore[covered]));
        if (covered < tiers) {
            int[] tier = layout.tiers[covered];
            for (int m = 0; m < tier.length; m++) {
                if (!converted[tier[m]]) {
                    pref[tier[m]] = remaining * (preference[tier[m]] / p.tierClaim[covered]);
                }
            }
            moneyError += ROUNDING * (n + 1) * Math.abs(remaining);
            remaining = 0;
        }
        // Short of the last tier, the residual is exactly 0 and so is every price: a claimant without a preference paid
        // (converted, or of a tier surely not reached) is paid exactly nothing, nor does its payout move. The
        // searches below the preference stack compare many such zeros, which no error bound can tell apart.
        boolean[] zero = null;
        if (covered < tiers && x + SAFETY * ROUNDING * (Math.abs(x) + (n + 1) * p.claimBefore[covered + 1]) < p.claimBefore[covered + 1]) {
            zero = new boolean[n];
            for (int i = 0; i < n; i++) {
                zero[i] = converted[i] || tierOf[i] < 0 || tierOf[i] > covered;
            }
        }
        int lo = 0;
        int hi = p.points;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (remaining <= p.takenAt[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double price;
        double priceError;
        double catchUpPrice = Double.NaN;
        double filled = 0;
        double catchUpError = 0;
        if (lo < p.points && p.jumpAt[lo] != 0 && remaining > p.takenAt[lo] - p.jumpAt[lo]) {
            price = p.price[lo];
            priceError = ROUNDING * Math.abs(price);
            catchUpPrice = price;
            double before = p.takenAt[lo] - p.jumpAt[lo];
            filled = (remaining - before) / p.jumpAt[lo];
            // Each catch-up holder's part of the fill is at most the fill itself.
            catchUpError = moneyError + p.takenError[lo] + ROUNDING * (Math.abs(remaining) + Math.abs(p.takenAt[lo]) + 4 * p.jumpAt[lo]);
        } else if (lo == 0) {
            price = 0;
            priceError = 0;
        } else {
            int g = lo - 1;
            double slope = p.slopeAfter[g];
            double slopeError = ROUNDING * p.slopeMagnitude[g];
            if (slopeError > 0 && Math.abs(slope) <= 2 * slopeError) {
                return null; // the shares taking part may have cancelled out: only the exact plan can tell
            }
            if (slope == 0) {
                price = p.price[g];
                priceError = ROUNDING * Math.abs(price);
            } else {
                double excess = remaining - p.takenAt[g];
                double excessError = moneyError + p.takenError[g] + ROUNDING * (Math.abs(remaining) + Math.abs(p.takenAt[g]));
                price = p.price[g] + excess / slope;
                priceError = ROUNDING * (Math.abs(p.price[g]) + 2 * Math.abs(price))
                        + (excessError + 2 * Math.abs(excess) * slopeError / Math.abs(slope)) / Math.abs(slope);
            }
        }
        double[] value = new double[n];
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            double part;
            double partError = shares[i] * (priceError + ROUNDING * (Math.abs(price) + priceTerms[i]));
            if (converted[i]) {
                part = price * shares[i];
            } else if (layout.catchUp[i]) {
                boolean catchingUp = price == strike[i] && catchUpPrice == strike[i];
                part = price > strike[i] ? price * shares[i] : catchingUp ? filled * strike[i] * shares[i] : 0;
                partError += catchUpError;
            } else if (!layout.participatesUnconverted[i] || price <= strike[i]) {
                part = 0;
            } else if (layout.capped[i] && price >= capPrice[i]) {
                part = (capPrice[i] - strike[i]) * shares[i];
            } else {
                part = (price - strike[i]) * shares[i];
            }
            value[i] = pref[i] + part;
            error[i] = SAFETY * (moneyError + partError + ROUNDING * (Math.abs(pref[i]) + 2 * Math.abs(part)));
            if (!Double.isFinite(value[i]) || !Double.isFinite(error[i])) {
                return null;
            }
        }
        return new Estimate(value, error, zero);
    }

    /**
     * Claimant {@code i}'s estimated payout against its unconverted ceiling: the sign when the estimate settles it,
     * else {@link Integer#MIN_VALUE}.
     */
    int compareToCeiling(Estimate e, int i) {
        if (e.surelyZero(i)) {
            return ceiling[i] > 0 ? -1 : 0;
        }
        double d = e.value[i] - ceiling[i];
        double bound = e.error[i] + SAFETY * ROUNDING * Math.abs(ceiling[i]);
        return d > bound ? 1 : d < -bound ? -1 : Integer.MIN_VALUE;
    }

    /** Claimant {@code i}'s payouts in two estimates at the same proceeds: the sign when settled, else {@link Integer#MIN_VALUE}. */
    static int compare(Estimate a, Estimate b, int i) {
        if (a.surelyZero(i) && b.surelyZero(i)) {
            return 0; // equal values and equal slopes
        }
        double d = a.value[i] - b.value[i];
        double bound = a.error[i] + b.error[i];
        return d > bound ? 1 : d < -bound ? -1 : Integer.MIN_VALUE;
    }

    /**
     * Per claimant, the payout in doubles and a bound on its distance from the exact value; {@code zero} (or null):
     * whether it is exactly nothing, with a slope of nothing.
     */
    record Estimate(double[] value, double[] error, boolean[] zero) {
        boolean surelyZero(int i) {
            return zero != null && zero[i];
        }
    }

    private PlanDoubles plan(boolean[] converted) {
        int[] order = layout.conversionOrder;
        long key = 0;
        for (int k = 0; k < order.length; k++) {
            if (converted[order[k]]) {
                key |= 1L << k;
            }
        }
        boolean keyed = order.length < Long.SIZE - 1;
        for (int i = 0; keyed && i < layout.size; i++) {
            keyed = !converted[i] || layout.convertible[i];
        }
        if (!keyed) {
            return new PlanDoubles(converted);
        }
        PlanDoubles known = plans.get(key);
        if (known == null) {
            known = new PlanDoubles(converted);
            plans.put(key, known);
        }
        return known;
    }

    /**
     * {@link Layout.Plan} for one set of decisions, in doubles: per tier the claims before it, and the participants'
     * take at each price point, with the bounds the estimate needs (the take's accumulated error, and the magnitude of
     * the shares added and removed on the way to each point's slope).
     */
    private final class PlanDoubles {
        final double[] claimBefore;
        final double[] tierClaim;
        final int points;
        final double[] price;
        final double[] takenAt;
        final double[] takenError;
        final double[] jumpAt;
        final double[] slopeAfter;
        final double[] slopeMagnitude;

        PlanDoubles(boolean[] converted) {
            int tiers = layout.tiers.length;
            claimBefore = new double[tiers + 1];
            tierClaim = new double[tiers];
            double before = 0;
            for (int t = 0; t < tiers; t++) {
                double claim = 0;
                for (int i : layout.tiers[t]) {
                    if (!converted[i]) {
                        claim += preference[i];
                    }
                }
                tierClaim[t] = claim;
                before += claim;
                claimBefore[t + 1] = claim == 0 ? claimBefore[t] : before;
            }
            // The walk over the price points of Layout.newPlan.
            List<double[]> out = new ArrayList<>();
            double taken = 0;
            double error = 0;
            double atPrice = 0;
            double slope = 0;
            double magnitude = 0;
            double[] last = null;
            for (int k = 0; k < eventPrice.length; k++) {
                if (!layout.active(layout.events[k], converted)) {
                    continue;
                }
                double jump = eventJump[k];
                if (last != null && eventPrice[k] == atPrice) {
                    slope += eventShares[k];
                    magnitude += Math.abs(eventShares[k]);
                    taken += jump;
                    // Two prices a rounding apart: what the slope takes over the step between them is left out.
                    error += ROUNDING * (Math.abs(taken) + jump + magnitude * Math.abs(atPrice));
                    last[1] = taken;
                    last[2] = error;
                    last[3] += jump;
                    last[4] = slope;
                    last[5] = magnitude;
                    continue;
                }
                double step = eventPrice[k] - atPrice;
                double take = slope * step;
                error += Math.abs(slope) * ROUNDING * (Math.abs(eventPrice[k]) + Math.abs(atPrice))
                        + ROUNDING * magnitude * Math.abs(step) + ROUNDING * (Math.abs(take) + Math.abs(taken) + 2 * jump);
                taken += take + jump;
                atPrice = eventPrice[k];
                slope += eventShares[k];
                magnitude += Math.abs(eventShares[k]);
                last = new double[] {atPrice, taken, error, jump, slope, magnitude};
                out.add(last);
            }
            points = out.size();
            price = new double[points];
            takenAt = new double[points];
            takenError = new double[points];
            jumpAt = new double[points];
            slopeAfter = new double[points];
            slopeMagnitude = new double[points];
            for (int g = 0; g < points; g++) {
                double[] point = out.get(g);
                price[g] = point[0];
                takenAt[g] = point[1];
                takenError[g] = point[2];
                jumpAt[g] = point[3];
                slopeAfter[g] = point[4];
                slopeMagnitude[g] = point[5];
            }
        }
    }
}
