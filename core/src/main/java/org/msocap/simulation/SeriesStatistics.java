package org.msocap.simulation;

import java.util.Objects;

/**
 * What one class, category, holder or value received across the runs. Analytic quantities in currency
 * units (doubles, not Money); percentiles are nearest-rank, so each is the exact payout of some run.
 * Runs without an exit count as zero payouts.
 *
 * @param key class id, category id, holder id, or {@code enterpriseValue}/{@code equityProceeds}
 * @param runs the runs the statistics cover (for values: the runs with an exit)
 * @param cost what the holders paid (0 when nothing or not applicable)
 * @param probabilityBelowCost share of runs paying less than {@code cost}; NaN when cost is 0
 * @param expectedMoic mean ÷ cost; NaN when cost is 0
 * @param irr annual internal rate of return of the expected cash flows (costs on their dates, the mean payout
 *            on each simulated exit date); NaN when a cost has no date or no rate solves it
 */
public record SeriesStatistics(String key, long runs, double cost, double mean, double standardDeviation, double p5,
                               double p25, double p50, double p75, double p95, double probabilityBelowCost,
                               double expectedMoic, double irr) {

    public SeriesStatistics {
        Objects.requireNonNull(key, "key");
    }

    /** The same statistics under another key: a series equal to this one run for run, with the same cost. */
    public SeriesStatistics withKey(String key) {
        return new SeriesStatistics(key, runs, cost, mean, standardDeviation, p5, p25, p50, p75, p95, probabilityBelowCost,
                expectedMoic, irr);
    }
}
