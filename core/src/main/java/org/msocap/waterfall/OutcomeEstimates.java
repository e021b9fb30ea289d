package org.msocap.waterfall;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Fractions;

/**
 * Every claimant's payout for fixed conversion decisions, in doubles, with a bound on its error: what lets the
 * equilibrium search ({@link WaterfallEngine#settle}) decide most of its comparisons without exact fractions.
 *
 * <p>Why: resolving the large benchmark table's breakpoints settles the equilibrium about 130 times a table, each
 * trying about 19 sets of decisions, and each of those evaluations, in exact fractions over denominators of hundreds
 * of bits, cost more than everything else the resolution does (the gcds of {@link Layout.Plan#priceAbove} and of the
 * proceeds' differences). A search only asks whether one claimant's payout is above, equal to or below another's (or a
 * ceiling); most of the time the two are dollars apart. The estimate answers when the difference exceeds the two error
 * bounds; otherwise the search evaluates both sides exactly, as before, so the decisions, and so every outcome, are
 * exactly the engine's. Only values are estimated: two payouts with equal values are a tie for the estimate, whose
 * slopes the exact path compares.
 *
 * <p>The bound: every payout is a few operations on amounts no larger than the proceeds plus the preferences
 * (X), or a number of shares times a price. Each double is within a few 2⁻⁵³ of its exact value, and where a
 * comparison inside the evaluation (a tier covered or not, a price above a strike or not) goes the other way because
 * of that rounding, the payout is continuous there (PRODUCT.md §4.7), so the other branch is within the same few
 * roundings. The bound allowed is {@link #TOLERANCE} (2⁻³⁶, eight thousand times those few roundings) of
 * {@code X + shares × (price + strike + cap + price error scale)}. {@code OutcomeEstimatesTest} checks settlements
 * with and without estimates on generated tables and at their breakpoints from both sides.
 *
 * <p>One instance serves one layout on one thread (a table's resolution): the doubles of each plan are worked out on
 * first use and kept.
 */
final class OutcomeEstimates {

    /** The relative bound allowed for an estimate's error: far above the few roundings of 2⁻⁵³ it makes. */
    static final double TOLERANCE = 0x1p-36;

    private final Layout layout;
    private final double[] preference;
    private final double[] shares;
    private final double[] strike;
    private final double[] capPrice;
    /** Per claimant, strike plus cap price (0 without a cap): the price terms of its bound. */
    private final double[] priceTerms;
    private final double[] ceiling;
    private final double totalPreference;
    private final Map<Layout.Plan, PlanDoubles> plans = new IdentityHashMap<>();

    OutcomeEstimates(Layout layout) {
        this.layout = layout;
        int n = layout.size;
        preference = new double[n];
        shares = new double[n];
        strike = new double[n];
        capPrice = new double[n];
        priceTerms = new double[n];
        ceiling = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            preference[i] = Fractions.toDouble(layout.preference[i]);
            shares[i] = Fractions.toDouble(layout.shares[i]);
            strike[i] = Fractions.toDouble(layout.strike[i]);
            capPrice[i] = layout.capPrice[i] == null ? Double.NaN : Fractions.toDouble(layout.capPrice[i]);
            priceTerms[i] = Math.abs(strike[i]) + (layout.capPrice[i] == null ? 0 : Math.abs(capPrice[i]));
            ceiling[i] = layout.unconvertedCeiling[i] == null ? Double.NaN : Fractions.toDouble(layout.unconvertedCeiling[i].value());
            total += Math.abs(preference[i]);
        }
        totalPreference = total;
    }

    /** The payouts for {@code converted} at proceeds {@code proceeds}; null when a double cannot hold them. */
    Estimate estimate(Layout.Plan plan, boolean[] converted, BigFraction proceeds) {
        PlanDoubles p = plans.computeIfAbsent(plan, PlanDoubles::new);
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
        if (covered < tiers) {
            int[] tier = layout.tiers[covered];
            for (int m = 0; m < tier.length; m++) {
                if (!converted[tier[m]]) {
                    pref[tier[m]] = remaining * p.tierShare(covered, m);
                }
            }
            remaining = 0;
        }
        int lo = 0;
        int hi = p.points;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (remaining <= p.takenAt(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double money = Math.abs(x) + totalPreference;
        double price;
        double priceScale = 0;
        double catchUpPrice = Double.NaN;
        double filled = 0;
        if (lo < p.points && p.jumpAt(lo) != 0 && remaining > p.takenAt(lo) - p.jumpAt(lo)) {
            price = p.price(lo);
            catchUpPrice = price;
            filled = (remaining - (p.takenAt(lo) - p.jumpAt(lo))) / p.jumpAt(lo);
        } else if (lo == 0 || p.slopeAfter(lo - 1) == 0) {
            price = lo == 0 ? 0 : p.price(lo - 1);
        } else {
            double slope = p.slopeAfter(lo - 1);
            price = p.price(lo - 1) + (remaining - p.takenAt(lo - 1)) / slope;
            priceScale = 2 * money / slope;
        }
        double[] value = new double[n];
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            double part;
            if (converted[i]) {
                part = price * shares[i];
            } else if (layout.catchUp[i]) {
                part = price > strike[i] ? price * shares[i]
                        : price == strike[i] && catchUpPrice == strike[i] ? filled * strike[i] * shares[i] : 0;
            } else if (!layout.participatesUnconverted[i] || price <= strike[i]) {
                part = 0;
            } else if (layout.capped[i] && price >= capPrice[i]) {
                part = (capPrice[i] - strike[i]) * shares[i];
            } else {
                part = (price - strike[i]) * shares[i];
            }
            value[i] = pref[i] + part;
            error[i] = TOLERANCE * (money + shares[i] * (Math.abs(price) + priceTerms[i] + priceScale));
            if (!Double.isFinite(value[i]) || !Double.isFinite(error[i])) {
                return null;
            }
        }
        return new Estimate(value, error);
    }

    /**
     * Claimant {@code i}'s estimated payout against its unconverted ceiling: the sign when the estimate settles it,
     * else {@link Integer#MIN_VALUE}.
     */
    int compareToCeiling(Estimate e, int i) {
        double d = e.value[i] - ceiling[i];
        double bound = e.error[i] + TOLERANCE * Math.abs(ceiling[i]);
        return d > bound ? 1 : d < -bound ? -1 : Integer.MIN_VALUE;
    }

    /** Claimant {@code i}'s payouts in two estimates at the same proceeds: the sign when settled, else {@link Integer#MIN_VALUE}. */
    static int compare(Estimate a, Estimate b, int i) {
        double d = a.value[i] - b.value[i];
        double bound = a.error[i] + b.error[i];
        return d > bound ? 1 : d < -bound ? -1 : Integer.MIN_VALUE;
    }

    /** Per claimant, the payout in doubles and a bound on its distance from the exact value. */
    record Estimate(double[] value, double[] error) {
    }

    /**
     * A plan's numbers as doubles, each worked out on first use: an estimate reads the few points around its price,
     * found by bisection, and most of a plan's points are never read.
     */
    private final class PlanDoubles {
        private final Layout.Plan plan;
        final int points;
        final double[] claimBefore;
        private final double[] price;
        private final double[] takenAt;
        private final double[] jumpAt;
        private final double[] slopeAfter;
        private final double[][] tierShare;

        PlanDoubles(Layout.Plan plan) {
            this.plan = plan;
            claimBefore = new double[plan.claimBefore.length];
            for (int t = 0; t < claimBefore.length; t++) {
                claimBefore[t] = Fractions.toDouble(plan.claimBefore[t]);
            }
            points = plan.price.length;
            price = nans(points);
            takenAt = nans(points);
            jumpAt = nans(points);
            slopeAfter = nans(points);
            tierShare = new double[layout.tiers.length][];
        }

        private static double[] nans(int length) {
            double[] a = new double[length];
            java.util.Arrays.fill(a, Double.NaN);
            return a;
        }

        double price(int g) {
            if (Double.isNaN(price[g])) {
                price[g] = Fractions.toDouble(plan.price[g]);
            }
            return price[g];
        }

        double takenAt(int g) {
            if (Double.isNaN(takenAt[g])) {
                takenAt[g] = Fractions.toDouble(plan.takenAt[g], layout.takenDenominator);
            }
            return takenAt[g];
        }

        double jumpAt(int g) {
            if (Double.isNaN(jumpAt[g])) {
                jumpAt[g] = plan.jumpAt[g].signum() == 0 ? 0 : Fractions.toDouble(plan.jumpAt[g], layout.takenDenominator);
            }
            return jumpAt[g];
        }

        /**
         * The shares taking part above point g. Between two points it is what the participants took over the price step
         * (the next point's jump aside): a quotient of exact differences, without the gcd of the plan's slope in lowest
         * terms.
         */
        double slopeAfter(int g) {
            if (Double.isNaN(slopeAfter[g])) {
                if (g + 1 == points) {
                    slopeAfter[g] = Fractions.toDouble(plan.slopeAfter(g));
                } else {
                    BigFraction p0 = plan.price[g];
                    BigFraction p1 = plan.price[g + 1];
                    BigInteger took = plan.takenAt[g + 1].subtract(plan.jumpAt[g + 1]).subtract(plan.takenAt[g]);
                    BigInteger step = p1.getNumerator().multiply(p0.getDenominator())
                            .subtract(p0.getNumerator().multiply(p1.getDenominator()));
                    slopeAfter[g] = took.signum() == 0 ? 0 : Fractions.toDouble(
                            took.multiply(p0.getDenominator()).multiply(p1.getDenominator()), layout.takenDenominator.multiply(step));
                }
            }
            return slopeAfter[g];
        }

        /** Member m of tier t's share of what the tier is paid (only asked of unconverted members, whose tier claims). */
        double tierShare(int t, int m) {
            if (tierShare[t] == null) {
                tierShare[t] = new double[layout.tiers[t].length];
                java.util.Arrays.fill(tierShare[t], Double.NaN);
            }
            double s = tierShare[t][m];
            if (Double.isNaN(s)) {
                s = Fractions.toDouble(plan.tierShare(t, m));
                tierShare[t][m] = s;
            }
            return s;
        }
    }
}
