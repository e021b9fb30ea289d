package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.Distribution;
import org.msocap.model.HolderCategory;
import org.msocap.model.SimulationSpec.Correlation;
import org.msocap.money.Money;

class MonteCarloSimulatorTest {

    private static final LocalDate BASE_EXIT = LocalDate.of(2030, 12, 31);

    /** EV = $1.5M × multiple, and × (1 + growth) when growth is drawn: enough to move payouts around. */
    private static final ExitValueModel EV = new ExitValueModel() {
        @Override
        public int earliestExitDay() {
            return (int) LocalDate.of(2027, 1, 1).toEpochDay();
        }

        @Override
        public long enterpriseValueCents(int day, double multiple, double growth, double comp) {
            double g = Double.isNaN(growth) ? 0 : growth;
            return ExactCents.times(150_000_000L, multiple * (1 + g));
        }
    };

    private static SimulationSetup setup(Map<Driver, Distribution> drivers, List<Correlation> correlations, double noExit,
                                         ExitTerms terms, PayoutModel payouts) {
        return new SimulationSetup(DriverSampler.of(drivers, correlations), noExit, BASE_EXIT, 10, EV, terms, payouts, List.of());
    }

    private static SimulationSetup stochastic(PayoutModel payouts) {
        return setup(Map.of(
                        Driver.EXIT_DATE, new Distribution.Uniform(LocalDate.of(2029, 1, 1).toEpochDay(), LocalDate.of(2032, 12, 31).toEpochDay()),
                        Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(10, 0.35),
                        Driver.COLLECTIONS_GROWTH, new Distribution.Normal(0.18, 0.08)),
                List.of(new Correlation("collectionsGrowth", "ebitdaMultiple", 0.5)), 0.15,
                new ExitTerms(0, new BigDecimal("0.03"), 0, BigDecimal.ZERO, List.of(), List.of(), new BigDecimal("0.10"), 18, 0.9,
                        50_000_000, 0.4),
                payouts);
    }

    @Test
    void theSameSeedGivesIdenticalResultsWithOneTwoAndFourThreads() {
        SimulationSetup setup = stochastic(SimplePreferredPayoutModel.sample());
        SimulationOptions options = new SimulationOptions(3 * MonteCarloSimulator.CHUNK + 123, 42, 1, 3, 50, 20);
        SimulationResult one = MonteCarloSimulator.DEFAULT.simulate(setup, options);
        SimulationResult two = MonteCarloSimulator.DEFAULT.simulate(setup, options.withThreads(2));
        SimulationResult four = MonteCarloSimulator.DEFAULT.simulate(setup, options.withThreads(4));
        assertThat(two).isEqualTo(one);
        assertThat(four).isEqualTo(one);
        assertThat(one.classes()).extracting(SeriesStatistics::key).containsExactly("common", "series-a");
        assertThat(one.holders()).hasSize(3);
        SimulationResult otherSeed = MonteCarloSimulator.DEFAULT.simulate(setup,
                new SimulationOptions(options.runs(), 43, 2, 3, 50, 20));
        assertThat(otherSeed.classes()).isNotEqualTo(one.classes());
    }

    /**
     * The payout pass follows candidate holders chosen from a sample of the runs; the largest holders it misses are
     * evaluated in a second pass. Blind candidates (no sample: holders in model order) miss most of the top, a tiny
     * sample some: the numbers must be the same either way, with any thread count.
     */
    /**
     * Runs without an exit are drawn only when sampled (nothing else of them is kept), and the exit runs two at a time
     * whichever their neighbours: every result but the sample is the same whether all runs, some or none are sampled, and
     * the sampled runs are the same runs. Chunks of runs, an odd run left over, and several threads.
     */
    @Test
    void whichRunsAreSampledChangesNothingButTheSample() {
        SimulationSetup setup = stochastic(SimplePreferredPayoutModel.sample());
        int runs = 3 * MonteCarloSimulator.CHUNK + 77;
        SimulationOptions every = new SimulationOptions(runs, 5, 1, 3, runs, 20);
        SimulationResult all = MonteCarloSimulator.DEFAULT.simulate(setup, every);
        assertThat(all.sample()).hasSize(runs).anySatisfy(s -> assertThat(s.exited()).isFalse());
        for (SimulationOptions options : List.of(every.withSampleRuns(0), every.withSampleRuns(MonteCarloSimulator.CHUNK + 3),
                every.withSampleRuns(101).withThreads(2))) {
            SimulationResult some = MonteCarloSimulator.DEFAULT.simulate(setup, options);
            assertThat(withoutSample(some)).isEqualTo(withoutSample(all));
            assertThat(some.sample()).isEqualTo(all.sample().subList(0, options.sampleRuns()));
        }
    }

    private static SimulationResult withoutSample(SimulationResult r) {
        return new SimulationResult(r.runs(), r.seed(), r.exitRuns(), r.classes(), r.categories(), r.holders(), r.values(),
                r.enterpriseValue(), r.equityProceeds(), List.of(), r.holderCarveOuts(), r.cashAtClose());
    }

    @Test
    void theLargestHoldersDoNotDependOnWhichCandidatesThePayoutPassFollowed() {
        SimulationSetup setup = stochastic(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false));
        SimulationOptions options = new SimulationOptions(MonteCarloSimulator.CHUNK + 77, 42, 2, 8, 10, 10);
        SimulationResult sampled = MonteCarloSimulator.DEFAULT.simulate(setup, options);
        SimulationResult blind = MonteCarloSimulator.withCandidateSample(0).simulate(setup, options);
        SimulationResult tiny = MonteCarloSimulator.withCandidateSample(3).simulate(setup, options.withThreads(3));
        assertThat(blind).isEqualTo(sampled);
        assertThat(tiny).isEqualTo(sampled);
        assertThat(sampled.holders()).hasSize(8);
        // the top is ranked by mean, and blind candidates (the first holders in model order) are not it
        assertThat(sampled.holders()).extracting(SeriesStatistics::mean).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    /**
     * Holders behind the last one wanted are followed while the sampled totals, each within four standard errors, could
     * still put them ahead of it; a holder whose total is further behind is not (its series would cost 8 bytes a run for
     * nothing), nor one beyond the limit.
     */
    @Test
    void candidatesBehindTheLastWantedAreFollowedWhileTheSampleCannotTellThemApart() {
        long[] estimate = {1_000, 900, 880, 825, 700, 100};
        double[] error = {10, 10, 10, 10, 10, 0};
        int[] ranked = {0, 1, 2, 3, 4, 5};
        // last wanted (900, error 10): 860; 880 + 40 and 825 + 40 reach it, 700 + 40 does not
        assertThat(MonteCarloSimulator.candidatesWithin(estimate, error, ranked, 2, 6)).isEqualTo(4);
        assertThat(MonteCarloSimulator.candidatesWithin(estimate, error, ranked, 2, 3)).isEqualTo(3);
        // 820 exactly: still followed (a tie is ranked by model order, the sample cannot say which is ahead)
        assertThat(MonteCarloSimulator.candidatesWithin(new long[] {1_000, 900, 820}, new double[] {0, 10, 10},
                new int[] {0, 1, 2}, 2, 3)).isEqualTo(3);
        assertThat(MonteCarloSimulator.candidatesWithin(new long[] {1_000, 900, 819}, new double[] {0, 10, 10},
                new int[] {0, 1, 2}, 2, 3)).isEqualTo(2);
        // no sample (infinite errors): every holder up to the limit
        double[] unknown = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        assertThat(MonteCarloSimulator.candidatesWithin(new long[6], unknown, ranked, 2, 4)).isEqualTo(4);
    }

    /**
     * With fewer holders reported than there are, the payout pass computes only the candidates' holdings and what the
     * class and category totals need, and estimates the other holders' totals (binned pass); with every holder reported
     * it computes every holding. The reported numbers must be the same: the top N the first N of the full list.
     */
    @Test
    void theBinnedPayoutPassGivesTheNumbersOfTheFullPass() {
        SimulationSetup setup = stochastic(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false));
        SimulationOptions all = new SimulationOptions(2 * MonteCarloSimulator.CHUNK + 311, 7, 2, SimulationOptions.ALL_HOLDERS, 10, 10);
        SimulationResult full = MonteCarloSimulator.DEFAULT.simulate(setup, all);
        for (int top : new int[] {1, 5, 12}) {
            for (int sample : new int[] {0, 3, 4096}) {
                SimulationResult binned = MonteCarloSimulator.withCandidateSample(sample).simulate(setup, all.withTopHolders(top));
                assertThat(binned.classes()).isEqualTo(full.classes());
                assertThat(binned.categories()).isEqualTo(full.categories());
                assertThat(binned.values()).isEqualTo(full.values());
                assertThat(binned.holders()).isEqualTo(full.holders().subList(0, top));
            }
        }
    }

    /**
     * The statistics' first pass and percentile buckets kept by the passes that write the series (payouts, drivers) give
     * the numbers of the passes over the series: every statistic, histogram and sampled run, with a holder the
     * candidates missed (not tallied), with one thread and three.
     */
    @Test
    void theTalliedStatisticsEqualThoseOfThePassesOverTheSeries() {
        SimulationSetup breakpoints = stochastic(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false));
        SimulationSetup preferred = stochastic(SimplePreferredPayoutModel.sample());
        SimulationOptions options = new SimulationOptions(2 * MonteCarloSimulator.CHUNK + 311, 7, 1, SimulationOptions.ALL_HOLDERS, 10, 13);
        for (SimulationOptions o : List.of(options, options.withThreads(3), options.withTopHolders(5).withThreads(2))) {
            assertThat(MonteCarloSimulator.DEFAULT.simulate(breakpoints, o))
                    .isEqualTo(MonteCarloSimulator.withoutTallies().simulate(breakpoints, o));
            assertThat(MonteCarloSimulator.DEFAULT.simulate(preferred, o))
                    .isEqualTo(MonteCarloSimulator.withoutTallies().simulate(preferred, o));
        }
        // a holder the candidates missed: its series is not tallied, the others are
        SimulationOptions top = options.withTopHolders(8).withThreads(2);
        assertThat(MonteCarloSimulator.withCandidateSample(0).simulate(breakpoints, top))
                .isEqualTo(MonteCarloSimulator.withoutTallies().simulate(breakpoints, top));
        // every exit paying the same (zero variance), and no exit at all
        SimulationSetup fixed = setup(Map.of(), List.of(), 0.3, new ExitTerms(0, BigDecimal.ZERO, 0, BigDecimal.ZERO, List.of(),
                List.of(), BigDecimal.ZERO, 0, 0, 0, 0), SimplePreferredPayoutModel.sample());
        SimulationOptions few = new SimulationOptions(MonteCarloSimulator.CHUNK + 9, 3, 2, SimulationOptions.ALL_HOLDERS, 5, 7);
        assertThat(MonteCarloSimulator.DEFAULT.simulate(fixed, few)).isEqualTo(MonteCarloSimulator.withoutTallies().simulate(fixed, few));
        SimulationSetup never = setup(Map.of(), List.of(), 1.0, new ExitTerms(0, BigDecimal.ZERO, 0, BigDecimal.ZERO, List.of(),
                List.of(), BigDecimal.ZERO, 0, 0, 0, 0), SimplePreferredPayoutModel.sample());
        assertThat(MonteCarloSimulator.DEFAULT.simulate(never, few)).isEqualTo(MonteCarloSimulator.withoutTallies().simulate(never, few));
    }

    /**
     * The drawing pass counts each chunk's exit runs by month, so the exit order places them chunk by chunk in one pass
     * and the payout pass copies each chunk's ({@link ExitOrder#byChunk}): every number is that of the exit runs counted
     * after the drawing and by the payout pass ({@link ExitOrder#of}); with the series kept against lines, derived from the
     * class series and whole, the binned pass and its sampled candidates, one thread and three.
     */
    @Test
    void theExitRunsCountedWhileDrawnGiveTheNumbersOfThoseCountedAfter() {
        SimulationSetup breakpoints = stochastic(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false));
        SimulationSetup preferred = stochastic(SimplePreferredPayoutModel.sample());
        SimulationSetup lines = DerivedSeriesTest.setup(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false),
                DerivedSeriesTest.terms(), List.of());
        SimulationOptions options = new SimulationOptions(3 * MonteCarloSimulator.CHUNK + 311, 7, 1, SimulationOptions.ALL_HOLDERS, 10, 13);
        for (SimulationSetup setup : List.of(breakpoints, preferred, lines)) {
            for (SimulationOptions o : List.of(options, options.withThreads(3), options.withTopHolders(5).withThreads(2),
                    new SimulationOptions(MonteCarloSimulator.CHUNK - 5, 3, 1, 2, 10, 13))) {
                assertThat(MonteCarloSimulator.DEFAULT.simulate(setup, o))
                        .isEqualTo(MonteCarloSimulator.withoutCountedExits().simulate(setup, o));
            }
        }
    }

    /**
     * Series kept against lines ({@link LineSeries}) leave their least and greatest payout and runs below cost out of
     * their tallies: the statistics count the runs below cost from the lines, or, when the lines cannot rank a series (a
     * chunk kept exactly), take all three from the rebuilt series; both give the numbers of the passes over the series.
     */
    @Test
    void theRangeOfASeriesKeptAgainstLinesIsThatOfItsValues() {
        SimulationSetup setup = DerivedSeriesTest.setup(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false),
                DerivedSeriesTest.terms(), List.of());
        SimulationOptions options = new SimulationOptions(60_000, 11, 2, SimulationOptions.ALL_HOLDERS, 5, 9);
        CompactSeries[] kept = new CompactSeries[1];
        SimulationResult result = MonteCarloSimulator.observingSeries(true, (d, series) -> kept[0] = d).simulate(setup, options);
        assertThat(kept[0]).isInstanceOf(LineSeries.class);
        assertThat(result.classes()).anySatisfy(c -> assertThat(c.probabilityBelowCost()).isBetween(0.01, 0.99));
        SimulationResult oracle = MonteCarloSimulator.withoutTallies().simulate(setup, options);
        assertThat(MonteCarloSimulator.DEFAULT.simulate(setup, options)).isEqualTo(oracle);
        assertThat(MonteCarloSimulator.withoutLineRanks().simulate(setup, options)).isEqualTo(oracle);
    }

    @Test
    void zeroVarianceDriversReproduceTheDeterministicScenarioOnEveryRun() {
        SimplePreferredPayoutModel model = SimplePreferredPayoutModel.sample();
        int day = (int) BASE_EXIT.toEpochDay();
        SimulationSetup setup = setup(Map.of(
                        Driver.EXIT_DATE, new Distribution.Uniform(day, day),
                        Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(10, 0),
                        Driver.COLLECTIONS_GROWTH, new Distribution.Normal(0.2, 0)),
                List.of(new Correlation("collectionsGrowth", "ebitdaMultiple", 0.5)), 0, ExitTerms.none(Money.ZERO), model);
        SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(500, 7, 2, 10, 500, 10));

        long ev = 1_800_000_000L; // $1.5M × 10 × 1.2
        long[] expected = new long[model.positions().size()];
        model.at(day).payouts(ev, expected);
        long common = expected[0] + expected[1] + expected[2];
        long preferred = expected[3] + expected[4];
        assertThat(r.exitRuns()).isEqualTo(500);
        assertThat(r.sample()).allSatisfy(s -> {
            assertThat(s.exitDate()).contains(BASE_EXIT);
            assertThat(s.equityProceeds()).isEqualTo(Money.ofCents(ev));
            assertThat(s.classPayouts()).containsExactly(Money.ofCents(common), Money.ofCents(preferred));
        });
        SeriesStatistics series = r.classes().get(1);
        assertThat(series.mean()).isEqualTo(preferred / 100.0);
        assertThat(series.standardDeviation()).isZero();
        assertThat(List.of(series.p5(), series.p25(), series.p50(), series.p75(), series.p95())).containsOnly(preferred / 100.0);
        assertThat(r.holders()).extracting(SeriesStatistics::key).first().isEqualTo("alice");
        assertThat(r.holders().get(0).mean()).isEqualTo(expected[0] / 100.0);
        // One exit day, so the waterfall is resolved once for the payouts and reused for the holders.
        assertThat(model.resolved).isEqualTo(2);
    }

    @Test
    void statisticsAreThoseOfThePerRunValues() {
        SimulationSetup setup = stochastic(SimplePreferredPayoutModel.sample());
        int runs = 2000;
        SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(runs, 11, 2, 0, runs, 10));
        long[] series = r.sample().stream().mapToLong(s -> s.classPayouts().get(1).cents()).toArray();
        SeriesStatistics stats = r.classes().get(1);
        double mean = Arrays.stream(series).average().orElseThrow() / 100;
        assertThat(stats.mean()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-6));
        long[] sorted = series.clone();
        Arrays.sort(sorted);
        assertThat(stats.p5()).isEqualTo(sorted[99] / 100.0);   // nearest rank ⌈0.05 × 2000⌉ = 100
        assertThat(stats.p50()).isEqualTo(sorted[999] / 100.0);
        assertThat(stats.p95()).isEqualTo(sorted[1899] / 100.0);
        // Sample standard deviation, the exact figure rounded once, to the bit.
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        java.math.BigInteger squares = java.math.BigInteger.ZERO;
        for (long v : series) {
            sum = sum.add(java.math.BigInteger.valueOf(v));
            squares = squares.add(java.math.BigInteger.valueOf(v).pow(2));
        }
        assertThat(stats.standardDeviation()).isEqualTo(ExactSquaresPropertyTest.nearest(runs, sum, squares) / 100);
        long below = Arrays.stream(series).filter(v -> v < 200_000_000).count();
        assertThat(stats.cost()).isEqualTo(2_000_000.0);
        assertThat(stats.probabilityBelowCost()).isEqualTo((double) below / runs);
        assertThat(stats.expectedMoic()).isCloseTo(mean / 2_000_000.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(stats.irr()).isBetween(-1.0, 2.0);
        // Runs without an exit pay nothing; about 15% of them (4 standard errors).
        long noExit = r.sample().stream().filter(s -> !s.exited()).count();
        assertThat(Math.abs((double) noExit / runs - 0.15)).isLessThan(4 * Math.sqrt(0.15 * 0.85 / runs));
        assertThat(r.sample()).filteredOn(s -> !s.exited()).allSatisfy(s -> assertThat(s.classPayouts()).containsOnly(Money.ZERO));
        // Every run's payouts add up to its equity proceeds.
        assertThat(r.sample()).allSatisfy(s -> assertThat(s.classPayouts().stream().mapToLong(Money::cents).sum())
                .isEqualTo(s.equityProceeds().cents()));
        assertThat(r.enterpriseValue().bins().stream().mapToLong(Histogram.Bin::count).sum()).isEqualTo(r.exitRuns());
        assertThat(r.values()).extracting(SeriesStatistics::key).containsExactly("enterpriseValue", "equityProceeds");
    }

    @Test
    void escrowAndEarnoutFollowTheirProbabilitiesOrTheirDrivers() {
        ExitTerms terms = new ExitTerms(0, null, 0, BigDecimal.ZERO, List.of(), List.of(), new BigDecimal("0.10"), 18, 0.9,
                50_000_000, 0.4);
        int runs = 4000;
        SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(setup(Map.of(), List.of(), 0, terms, SimplePreferredPayoutModel.sample()),
                new SimulationOptions(runs, 5, 2, 0, runs, 10));
        long released = r.sample().stream().filter(s -> s.escrowReleased() == 1).count();
        long paid = r.sample().stream().filter(s -> s.earnoutPaid() == 1).count();
        assertThat(Math.abs((double) released / runs - 0.9)).isLessThan(4 * Math.sqrt(0.9 * 0.1 / runs));
        assertThat(Math.abs((double) paid / runs - 0.4)).isLessThan(4 * Math.sqrt(0.4 * 0.6 / runs));
        long ev = 1_500_000_000L;
        assertThat(r.sample()).allSatisfy(s -> assertThat(s.equityProceeds().cents())
                .isEqualTo(ev - 150_000_000L + (long) (s.escrowReleased() * 150_000_000L) + (long) (s.earnoutPaid() * 50_000_000L)));

        SimulationResult withDrivers = MonteCarloSimulator.DEFAULT.simulate(setup(Map.of(
                        Driver.ESCROW_RELEASE, new Distribution.Constant(0.5), Driver.EARNOUT_PAID, new Distribution.Constant(1.5)),
                List.of(), 0, terms, SimplePreferredPayoutModel.sample()), new SimulationOptions(10, 5, 1, 0, 10, 10));
        assertThat(withDrivers.sample()).allSatisfy(s -> {
            assertThat(s.escrowReleased()).isEqualTo(0.5);
            assertThat(s.earnoutPaid()).isEqualTo(1.0);   // clamped
            assertThat(s.equityProceeds().cents()).isEqualTo(ev - 150_000_000L + 75_000_000L + 50_000_000L);
        });
    }

    /**
     * Each run's escrow and earnout follow its own stream's draws after the exit draw (no drivers here), the earnout's
     * the last: with no chance of payment it is not drawn, which changes nothing, and with any chance it is.
     */
    @Test
    void theEarnoutIsDrawnFromTheRunsStreamUnlessItCannotBePaid() {
        int runs = 301;
        long seed = 11;
        for (double probability : new double[] {0, Double.MIN_VALUE, 0.4, 1}) {
            ExitTerms terms = new ExitTerms(0, null, 0, BigDecimal.ZERO, List.of(), List.of(), new BigDecimal("0.10"), 18, 0.9,
                    50_000_000, probability);
            SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(setup(Map.of(), List.of(), 0, terms,
                    SimplePreferredPayoutModel.sample()), new SimulationOptions(runs, seed, 2, 0, runs, 10));
            for (int i = 0; i < runs; i++) {
                RandomStream stream = RandomStream.forRun(seed, i);
                stream.nextDouble();
                double escrow = stream.nextDouble() < 0.9 ? 1 : 0;
                double earnout = stream.nextDouble() < probability ? 1 : 0;
                assertThat(r.sample().get(i).escrowReleased()).as("escrow of run %s", i).isEqualTo(escrow);
                assertThat(r.sample().get(i).earnoutPaid()).as("earnout of run %s at %s", i, probability).isEqualTo(earnout);
            }
        }
    }

    /**
     * The runs are drawn six at a time and the one to five left at a chunk's end two and one at a time: every run's drivers,
     * and its escrow and earnout draws after them, are still what its own stream gives one run at a time, whatever is
     * left over (a full chunk leaves four; the last one here one to five, or none).
     */
    @Test
    void eachRunsDriversAreItsOwnStreamsWhateverIsLeftAtAChunksEnd() {
        SimulationSetup setup = stochastic(SimplePreferredPayoutModel.sample());
        DriverSampler sampler = setup.drivers();
        double[] drivers = new double[Driver.values().length];
        double[] scratch = new double[sampler.scratchSize()];
        long seed = 29;
        for (int left = 1; left <= 6; left++) {
            int runs = MonteCarloSimulator.CHUNK + left;
            SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(runs, seed, 1, 0, runs, 10));
            for (int i = 0; i < runs; i++) {
                RandomStream stream = RandomStream.forRun(seed, i);
                stream.nextDouble();
                sampler.draw(stream, drivers, scratch);
                RunSample run = r.sample().get(i);
                assertThat(Double.doubleToRawLongBits(run.ebitdaMultiple())).as("multiple of run %s of %s", i, runs)
                        .isEqualTo(Double.doubleToRawLongBits(drivers[Driver.EBITDA_MULTIPLE.ordinal()]));
                assertThat(Double.doubleToRawLongBits(run.collectionsGrowth())).as("growth of run %s of %s", i, runs)
                        .isEqualTo(Double.doubleToRawLongBits(drivers[Driver.COLLECTIONS_GROWTH.ordinal()]));
                assertThat(run.escrowReleased()).as("escrow of run %s of %s", i, runs)
                        .isEqualTo(stream.nextDouble() < 0.9 ? 1.0 : 0.0);
                assertThat(run.earnoutPaid()).as("earnout of run %s of %s", i, runs)
                        .isEqualTo(stream.nextDouble() < 0.4 ? 1.0 : 0.0);
            }
        }
    }

    @Test
    void carveOutGoesToItsRecipientsOutsideTheWaterfall() {
        ExitTerms terms = new ExitTerms(0, null, 0, new BigDecimal("0.05"), List.of("alice", "zed"),
                List.of(new org.apache.commons.math3.fraction.BigFraction(1, 3), new org.apache.commons.math3.fraction.BigFraction(2, 3)),
                BigDecimal.ZERO, 0, 1, 0, 0);
        SimulationSetup s = new SimulationSetup(DriverSampler.of(Map.of(), List.of()), 0, BASE_EXIT, 10, EV, terms,
                SimplePreferredPayoutModel.sample(), List.of(
                new Position("alice", HolderCategory.LAY, "carve-out", 0, null),
                new Position("zed", HolderCategory.LAY, "carve-out", 0, null)));
        SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(s, new SimulationOptions(3, 1, 1, SimulationOptions.ALL_HOLDERS, 3, 5));
        assertThat(r.classes()).extracting(SeriesStatistics::key).containsExactly("common", "series-a", "carve-out");
        assertThat(r.classes().get(2).mean()).isEqualTo(750_000.0);
        assertThat(r.holders()).extracting(SeriesStatistics::key).contains("zed");
        SeriesStatistics zed = r.holders().stream().filter(h -> h.key().equals("zed")).findFirst().orElseThrow();
        assertThat(zed.mean()).isEqualTo(500_000.0);
        assertThat(r.sample().get(0).classPayouts().stream().mapToLong(Money::cents).sum())
                .isEqualTo(r.sample().get(0).equityProceeds().cents() + 75_000_000L);
    }

    /** Issue 16: each listed holder's carve-out is shown beside its total; the parts add up to the carve-out line. */
    @Test
    void eachHoldersCarveOutMeanIsItsExactShareAndTheyAddUpToTheCarveOutLine() {
        ExitTerms terms = new ExitTerms(0, null, 0, new BigDecimal("0.05"), List.of("alice", "zed"),
                List.of(new org.apache.commons.math3.fraction.BigFraction(1, 3), new org.apache.commons.math3.fraction.BigFraction(2, 3)),
                BigDecimal.ZERO, 0, 1, 0, 0);
        SimulationSetup s = new SimulationSetup(DriverSampler.of(Map.of(Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(10, 0.35)),
                List.of()), 0.1, BASE_EXIT, 10, EV, terms, SimplePreferredPayoutModel.sample(), List.of(
                new Position("alice", HolderCategory.LAY, "carve-out", 0, null),
                new Position("zed", HolderCategory.LAY, "carve-out", 0, null)));
        int runs = 2_000;
        SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(s, new SimulationOptions(runs, 5, 2, SimulationOptions.ALL_HOLDERS, runs, 5));
        assertThat(r.hasCarveOut()).isTrue();
        assertThat(r.holderCarveOuts()).hasSameSizeAs(r.holders());
        // Exact: each run's carve-out split to the cent (largest remainder), summed over the runs.
        long[] expected = new long[2];
        for (RunSample run : r.sample()) {
            if (run.exitDate().isPresent()) {
                long[] split = terms.carveOutSplit(terms.carveOutCents(run.enterpriseValue().cents()));
                expected[0] += split[0];
                expected[1] += split[1];
            }
        }
        double carveOutLine = r.classes().stream().filter(c -> c.key().equals("carve-out")).findFirst().orElseThrow().mean();
        double sum = 0;
        for (int h = 0; h < r.holders().size(); h++) {
            String key = r.holders().get(h).key();
            double carveOut = r.holderCarveOuts().get(h).carveOut();
            double want = key.equals("alice") ? (double) expected[0] / runs / 100 : key.equals("zed") ? (double) expected[1] / runs / 100 : 0;
            assertThat(carveOut).as(key).isEqualTo(want);
            assertThat(r.holderCarveOuts().get(h).payout() + carveOut).as(key)
                    .isCloseTo(r.holders().get(h).mean(), org.assertj.core.data.Offset.offset(1e-6));
            sum += carveOut;
        }
        assertThat(expected[1]).isPositive();
        assertThat(sum).isCloseTo(carveOutLine, org.assertj.core.data.Offset.offset(1e-6));

        SimulationResult without = MonteCarloSimulator.DEFAULT.simulate(stochastic(SimplePreferredPayoutModel.sample()),
                new SimulationOptions(200, 5, 1, 3, 0, 5));
        assertThat(without.hasCarveOut()).isFalse();
        assertThat(without.holderCarveOuts()).isEmpty();
    }

    @Test
    void progressOnlyGrowsAndReachesTheTotal() {
        List<long[]> calls = new ArrayList<>();
        MonteCarloSimulator.DEFAULT.simulate(stochastic(SimplePreferredPayoutModel.sample()),
                new SimulationOptions(2 * MonteCarloSimulator.CHUNK + 5, 3, 2, 2, 0, 5), (done, total) -> calls.add(new long[] {done, total}));
        assertThat(calls).isNotEmpty();
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
        }
        long[] last = calls.get(calls.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]);
    }

    @Test
    void refusesToKeepMoreThanTheHeapCanHold() {
        // Two billion runs outgrow any heap: refused before a run is drawn.
        assertThatThrownBy(() -> MonteCarloSimulator.DEFAULT.simulate(stochastic(SimplePreferredPayoutModel.sample()),
                new SimulationOptions(Integer.MAX_VALUE, 1, 1, SimulationOptions.ALL_HOLDERS, 0, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer holders").hasMessageContaining("larger heap");
    }

    /**
     * The limit is the heap's, not a fixed 80 million values: the ten-class benchmark table (10 classes, 16 holders) at
     * 3,000,000 runs was refused ("needs 709 MiB") under a 6 GiB default heap although it runs in a 400 MiB heap (two
     * threads, measured); the bound is what its arrays could take, 801 MiB.
     */
    @Test
    void theLimitIsWhatTheHeapCanHold() {
        long gib = 1L << 30;
        assertThat(SimulationOptions.maxBytesPerRun(10, 3, 16, 16, 2)).isEqualTo(8 * 29 + 16 + 8 + 8 + 16);
        SimulationOptions.requireHeap(3_000_000, 10, 3, 16, 16, 2, 6 * gib);
        SimulationOptions.requireHeap(3_000_000, 10, 3, 16, 16, 2, 2 * gib);
        assertThatThrownBy(() -> SimulationOptions.requireHeap(3_000_000, 10, 3, 16, 16, 2, gib))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keeping 29 series of 3,000,000 runs for exact percentiles can take up to 801 MiB, more than the 768 MiB "
                        + "of the Java heap (1,024 MiB) a simulation may use; report fewer holders (e.g. top:20), simulate fewer "
                        + "runs, or give Java a larger heap (MSOCAP_JAVA_OPTS=-Xmx8g ./msocap ...)");
        // Candidates followed beyond the reported holders count too.
        assertThat(SimulationOptions.maxBytesPerRun(10, 3, 16, 32, 1)).isEqualTo(SimulationOptions.maxBytesPerRun(10, 3, 32, 16, 1));
    }

    @Test
    void tablesHaveOneRowPerSeries() {
        SimulationResult r = MonteCarloSimulator.DEFAULT.simulate(stochastic(SimplePreferredPayoutModel.sample()),
                new SimulationOptions(500, 3, 2, 2, 20, 8));
        assertThat(r.classTable().rowCount()).isEqualTo(2);
        assertThat(r.categoryTable().rowCount()).isEqualTo(3);
        assertThat(r.categoryTable().stringColumn("category").asList()).containsExactly("clinician", "lay", "entity");
        assertThat(r.holderTable().rowCount()).isEqualTo(2);
        assertThat(r.valueTable().rowCount()).isEqualTo(2);
        assertThat(SimulationResult.histogramTable(r.enterpriseValue()).rowCount()).isEqualTo(8);
        assertThat(r.sampleTable().rowCount()).isEqualTo(20);
        assertThat(r.sampleTable().columnNames()).contains("class:series-a", "category:entity", "equityProceeds");
    }
}
