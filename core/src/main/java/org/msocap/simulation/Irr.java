package org.msocap.simulation;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.util.FastMath;

/**
 * Annual internal rate of return of dated cash flows, actual/365 (the XIRR convention): the rate {@code r}
 * with {@code Σ amount · (1 + r)^(−days/365) = 0}. Solved with Commons Math's Brent solver, when the flows are an
 * investment with one rate of return ({@link org.msocap.waterfall.Irr#isInvestment}).
 */
final class Irr {

    /** The range of rates searched: the bracket grows from [LOWEST, 1] by tenfold steps up to HIGHEST. */
    private static final double LOWEST = -0.999999;
    private static final double HIGHEST = 1e6;

    private Irr() {
    }

    /**
     * @param days flow dates as epoch days
     * @param amounts flow amounts (costs negative, payouts positive)
     * @return the rate, −1 when nothing comes back, NaN when no rate solves it or the flows are no investment
     */
    static double of(int[] days, double[] amounts, int count) {
        boolean anyIn = false;
        boolean anyOut = false;
        int t0 = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            anyIn |= amounts[i] > 0;
            anyOut |= amounts[i] < 0;
            t0 = Math.min(t0, days[i]);
        }
        if (!anyOut) {
            return Double.NaN;
        }
        if (!anyIn) {
            return -1;
        }
        final int start = t0;
        double[] years = new double[count];
        for (int i = 0; i < count; i++) {
            years[i] = (days[i] - start) / 365.0;
        }
        // Only an investment has a rate of return (org.msocap.waterfall.Irr): else NaN, shown "—".
        if (!org.msocap.waterfall.Irr.isInvestment(years, amounts, count, LOWEST, HIGHEST)) {
            return Double.NaN;
        }
        org.apache.commons.math3.analysis.UnivariateFunction npv = r -> {
            double logGrowth = FastMath.log1p(r);
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += amounts[i] * FastMath.exp(-logGrowth * (days[i] - start) / 365.0);
            }
            return sum;
        };
        double lo = LOWEST;
        double hi = 1;
        while (npv.value(hi) * npv.value(lo) > 0 && hi < HIGHEST) {
            hi *= 10;
        }
        if (npv.value(hi) * npv.value(lo) > 0) {
            return Double.NaN;
        }
        try {
            return new BrentSolver(1e-12, 1e-10).solve(1000, npv, lo, hi);
        } catch (TooManyEvaluationsException | MathIllegalArgumentException e) {
            return Double.NaN;
        }
    }
}
