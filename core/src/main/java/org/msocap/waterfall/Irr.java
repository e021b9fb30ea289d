package org.msocap.waterfall;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.msocap.money.Money;

/**
 * Annual internal rate of return of dated cash flows (ACT/365), solved with Commons Math's Brent solver.
 *
 * <h2>When a rate is given</h2>
 * An IRR is the return of an investment: money paid in, then money received. It is given only when the flows are one
 * ({@link #isInvestment}): in date order the first flow is paid in, and either the flows change sign once (paid in, then
 * received: exactly one rate solves them, by Descartes' rule of signs), or, changing sign more than once, their value
 * falls through zero exactly once as the rate rises over the solver's range, checked on a grid of rates. Otherwise no
 * rate is given (shown "—"): flows that start with money received before money paid in (cash at a recap, then buying
 * into the next one) have a "rate" that is a cost of borrowing, not a return (0.06x showed +239%), and flows several
 * rates solve, or none, have no one rate of return.
 *
 * <h2>A total loss</h2>
 * Money paid in and nothing received is a rate of −100% (−1), over any period and whatever the dates: the one case where
 * the rate is known without solving, and well defined (MOIC 0.00x), unlike the cases above.
 */
public final class Irr {

    /** @param date may be null: unknown, which makes the rate undefined */
    public record CashFlow(LocalDate date, Money amount) {
        public CashFlow {
            Objects.requireNonNull(amount, "amount");
        }
    }

    private static final double LOWEST = -0.99;
    /** The rate of money paid in with nothing received. */
    public static final double TOTAL_LOSS = -1;
    private static final double HIGHEST = 1.0e6;

    private Irr() {
    }

    public static OptionalDouble of(List<CashFlow> flows) {
        if (flows.stream().anyMatch(f -> f.amount().isNegative()) && flows.stream().noneMatch(f -> f.amount().isPositive())) {
            return OptionalDouble.of(TOTAL_LOSS);
        }
        LocalDate first = null;
        LocalDate last = null;
        boolean in = false;
        boolean out = false;
        for (CashFlow f : flows) {
            if (f.date() == null) {
                return OptionalDouble.empty();
            }
            first = first == null || f.date().isBefore(first) ? f.date() : first;
            last = last == null || f.date().isAfter(last) ? f.date() : last;
            in |= f.amount().isPositive();
            out |= f.amount().isNegative();
        }
        if (first == null || first.equals(last) || !in || !out) {
            return OptionalDouble.empty();
        }
        double[] t = new double[flows.size()];
        double[] a = new double[flows.size()];
        for (int i = 0; i < flows.size(); i++) {
            t[i] = ChronoUnit.DAYS.between(first, flows.get(i).date()) / 365.0;
            a[i] = flows.get(i).amount().amount().doubleValue();
        }
        UnivariateFunction npv = r -> {
            double v = 0;
            for (int i = 0; i < t.length; i++) {
                v += a[i] * Math.pow(1 + r, -t[i]);
            }
            return v;
        };
        if (!isInvestment(t, a, t.length, LOWEST, HIGHEST)) {
            return OptionalDouble.empty();
        }
        if (Math.signum(npv.value(LOWEST)) == Math.signum(npv.value(HIGHEST))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(new BrentSolver(1e-12).solve(1000, npv, LOWEST, HIGHEST));
    }

    /** Points of the grid {@link #isInvestment} checks flows that change sign more than once on. */
    private static final int GRID = 512;

    /**
     * Whether the flows are an investment with one rate of return (class comment): the first flow in time paid in
     * (negative), and the flows change sign once, or their value at rates from {@code lowest} to {@code highest} (on a
     * grid even in log(1 + r)) goes from positive to negative exactly once and never back.
     *
     * @param times flow times in years from any origin; amounts in the same order (flows on one time are added)
     */
    public static boolean isInvestment(double[] times, double[] amounts, int count, double lowest, double highest) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(times[x], times[y]));
        double[] t = new double[count];
        double[] a = new double[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int i = order[k];
            if (n > 0 && t[n - 1] == times[i]) {
                a[n - 1] += amounts[i];
            } else {
                t[n] = times[i];
                a[n++] = amounts[i];
            }
        }
        int changes = 0;
        double first = 0;
        double previous = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                continue;
            }
            if (first == 0) {
                first = a[i];
            } else if (Math.signum(a[i]) != Math.signum(previous)) {
                changes++;
            }
            previous = a[i];
        }
        if (first >= 0 || changes == 0) {
            return false;
        }
        if (changes == 1) {
            return true;
        }
        double lo = Math.log1p(lowest);
        double hi = Math.log1p(highest);
        int crossings = 0;
        double before = 0;
        for (int g = 0; g <= GRID; g++) {
            double logGrowth = lo + (hi - lo) * g / GRID;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += a[i] * Math.exp(-logGrowth * (t[i] - t[0]));
            }
            if (v == 0 || Double.isNaN(v)) {
                continue;
            }
            if (before != 0 && Math.signum(v) != Math.signum(before)) {
                if (v > 0) {
                    return false; // rises through zero: a rate at which more is paid in than comes back, then less
                }
                crossings++;
            }
            before = v;
        }
        return crossings == 1;
    }
}
