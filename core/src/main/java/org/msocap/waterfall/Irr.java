package org.msocap.waterfall;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.msocap.money.Money;

/** Annual internal rate of return of dated cash flows (ACT/365), solved with Commons Math's Brent solver. */
public final class Irr {

    /** @param date may be null: unknown, which makes the rate undefined */
    public record CashFlow(LocalDate date, Money amount) {
        public CashFlow {
            Objects.requireNonNull(amount, "amount");
        }
    }

    private static final double LOWEST = -0.99;
    private static final double HIGHEST = 1.0e6;

    private Irr() {
    }

    public static OptionalDouble of(List<CashFlow> flows) {
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
        if (Math.signum(npv.value(LOWEST)) == Math.signum(npv.value(HIGHEST))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(new BrentSolver(1e-12).solve(1000, npv, LOWEST, HIGHEST));
    }
}
