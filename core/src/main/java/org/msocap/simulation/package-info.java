/**
 * Monte Carlo simulation of exits: what each class, holder category and large holder receives across
 * thousands of plausible sales, and how likely a loss is.
 *
 * <h2>Entry points</h2>
 * {@code SimulationSetup.of(venture)} resolves the model's {@code simulation:} section once;
 * {@code MonteCarloSimulator.DEFAULT.simulate(setup, options, progress)} runs it and returns a
 * {@link org.msocap.simulation.SimulationResult} (records, and Tablesaw tables for reports).
 *
 * <h2>Conventions (what a reader checking the numbers needs to know)</h2>
 * <ul>
 *   <li><b>Drivers.</b> exitDate (epoch days), ebitdaMultiple, collectionsGrowth and clinicianComp (replacing every
 *       practice's figure), escrowRelease and earnoutPaid (fractions, clamped to [0, 1]); any driver without a
 *       distribution takes the first exit scenario's value (or the projection's). Correlations by a Gaussian
 *       copula ({@link org.msocap.simulation.DriverSampler}).</li>
 *   <li><b>Random streams.</b> Run {@code i} draws from a SplitMix64 stream seeded with
 *       {@code mix64(seed + φ·mix64(i + 1))} ({@link org.msocap.simulation.RandomStream}), in a fixed layout: no-exit,
 *       one uniform per driver, escrow, earnout. Results are identical with any thread count.</li>
 *   <li><b>No exit.</b> With probability {@code noExitProbability} a run has no sale and pays nothing.</li>
 *   <li><b>Exit dates</b> close at the end of their month: the valuation sees months anyway (trailing twelve
 *       months), and the waterfall is resolved once per month with that day's exact dividends, interest and vesting.</li>
 *   <li><b>Value.</b> Enterprise value = trailing-twelve-month EBITDA × multiple, exactly as the fee package
 *       computes it ({@link org.msocap.simulation.ProjectedExitValue}); the bridge to equity follows
 *       {@link org.msocap.waterfall.EquityBridge} ({@link org.msocap.simulation.ExitTerms}). The waterfall distributes
 *       the realized proceeds: equity proceeds − escrow + released escrow + paid earnout.</li>
 *   <li><b>Payouts</b> are exact cents from the breakpoint table of the exit month, split to holdings as the exact
 *       engine does ({@link org.msocap.simulation.BreakpointPayoutModel}); tests check every run against the engine.</li>
 *   <li><b>Deal events</b> ({@link org.msocap.simulation.TimelinePayoutModel}): a run's exit date selects the cap table
 *       and net debt in force then, as a single exit on that date; with recaps each person's total in a run is their
 *       realized total (cash at close of the recaps on or before the exit + the payout; a run without an exit realizes
 *       every recap's cash), and each class's statistics are over the runs where it exists.</li>
 *   <li><b>Statistics</b> are doubles in currency units: mean, sample standard deviation, nearest-rank percentiles
 *       (each the exact payout of some run), the share of runs paying less than cost, expected MOIC = mean ÷ cost, and
 *       the IRR of the expected cash flows (costs on their dates, the mean payout on each exit date).</li>
 * </ul>
 */
package org.msocap.simulation;
