package org.msocap.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.msocap.model.Distribution;
import org.msocap.money.Money;

/** Simulations the payout tests sample their exits from, so they compare the fast paths over the same kinds of runs. */
final class SampledExits {

    private SampledExits() {
    }

    /** An enterprise value of {@code cents} × the drawn multiple on every day, whatever the other drivers. */
    static ExitValueModel timesMultiple(long cents) {
        return new ExitValueModel() {
            @Override
            public int earliestExitDay() {
                return Integer.MIN_VALUE;
            }

            @Override
            public long enterpriseValueCents(int day, double multiple, double growth, double comp) {
                return ExactCents.times(cents, multiple);
            }
        };
    }

    /**
     * {@code runs} runs (seed 42, every run sampled) exiting between 2027-01-01 and 2028-06-30 at $1M × a lognormal
     * multiple around 12, paid by {@code payouts}: many exit months, values across the breakpoints.
     */
    static SimulationResult overEighteenMonths(PayoutModel payouts, int runs) {
        DriverSampler drivers = DriverSampler.of(Map.of(
                Driver.EXIT_DATE, new Distribution.Uniform(LocalDate.of(2027, 1, 1).toEpochDay(), LocalDate.of(2028, 6, 30).toEpochDay()),
                Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(12, 0.9)), List.of());
        SimulationSetup setup = new SimulationSetup(drivers, 0.1, LocalDate.of(2027, 12, 31), 10, timesMultiple(100_000_000L),
                ExitTerms.none(Money.ZERO), payouts, List.of());
        return MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(runs, 42, 2, SimulationOptions.ALL_HOLDERS, runs, 10));
    }
}
