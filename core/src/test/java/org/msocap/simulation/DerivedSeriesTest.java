package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Distribution;
import org.msocap.model.HolderCategory;
import org.msocap.model.SimulationSpec.Correlation;
import org.msocap.model.Venture;

/**
 * The category and holder series kept a byte a run against the class series ({@link DerivedSeries}): rebuilt, every run's
 * cents must be exactly those the payout pass computed, and a simulation's numbers those of the series kept whole.
 */
class DerivedSeriesTest {

    private static final int CHUNK = 64;

    /**
     * Series of whole classes, of a part of one class (one fraction for every day), of a whole class and parts of two
     * (fractions by day), and one kept whole; corrections anywhere in a byte's range, and one chunk where one does not
     * fit (kept exactly); runs without an exit; each chunk's exit runs stored in a shuffled order, as the pass has them
     * by day.
     */
    @Test
    void aRebuiltSeriesIsExactlyTheOneStored() {
        SplittableRandom random = new SplittableRandom(17);
        int runs = 5 * CHUNK + 23;
        int days = 4;
        long[][] groupSeries = new long[3][runs];
        int[] dayIndex = new int[runs];
        for (int run = 0; run < runs; run++) {
            dayIndex[run] = random.nextInt(100) < 15 ? -1 : random.nextInt(days);
            for (long[] g : groupSeries) {
                g[run] = dayIndex[run] < 0 ? 0 : random.nextLong(1, 50_000_000_000L);
            }
        }
        int[][] full = {{0, 1}, {}, {0}, {2}};
        int[][] partial = {{}, {2}, {1, 2}, {0}};
        double[][][] fraction = {{}, {{0.3, 0.3, 0.3, 0.3}}, {{0.25, 0.5, 0.125, 0.7}, {0.01, 0.02, 0.03, 0.04}},
                {{0.5, 0.5, 0.5, 0.5}}};
        boolean[] keptWhole = {false, false, false, true};
        DerivedSeries derived = new DerivedSeries(groupSeries, dayIndex, runs, CHUNK, full, partial, fraction, keptWhole);
        long[][] expected = new long[full.length][runs];
        long[] groupCents = new long[3];
        for (int s = 0; s < full.length; s++) {
            for (int run = 0; run < runs; run++) {
                if (dayIndex[run] < 0) {
                    continue;
                }
                for (int g = 0; g < 3; g++) {
                    groupCents[g] = groupSeries[g][run];
                }
                long correction = full[s].length == 2 ? 0 : random.nextInt(2 * DerivedSeries.MAX_CORRECTION + 1) - DerivedSeries.MAX_CORRECTION;
                if (s == 1 && run == 2 * CHUNK + 5 || s == 2 && run >= 4 * CHUNK) {
                    correction = s == 1 ? 1_000 : -DerivedSeries.MAX_CORRECTION - 1;
                }
                expected[s][run] = DerivedSeries.estimate(full[s], partial[s], fraction[s], dayIndex[run], groupCents) + correction;
            }
        }
        storeByChunk(derived, expected, dayIndex, CHUNK);
        assertThat(derived.exact(0)).isTrue();
        assertThat(derived.keptWhole(3)).isTrue();
        assertThat(derived.exactChunks(1)).isEqualTo(1);
        assertThat(derived.exactChunks(2)).isEqualTo(2);
        for (int s = 0; s < full.length; s++) {
            int differs = java.util.Arrays.mismatch(derived.rebuild(s, new long[runs]), expected[s]);
            assertThat(differs).as("series %d differs first at run %d", s, differs).isEqualTo(-1);
            for (int run = 0; run < runs; run++) {
                assertThat(derived.at(s, run)).as("series %d, run %d", s, run).isEqualTo(expected[s][run]);
            }
        }
    }

    /**
     * Stores every series' {@code expected} cents by run into {@code series} a chunk at a time, each chunk's exit runs (a
     * {@code dayIndex} of at least 0) in a shuffled order, as the pass has them by day; every series of a chunk at once
     * ({@link CompactSeries#storeChunk}, the pass's way) in even chunks, one series at a time in odd ones.
     */
    static void storeByChunk(CompactSeries series, long[][] expected, int[] dayIndex, int chunk) {
        int runs = dayIndex.length;
        for (int from = 0; from < runs; from += chunk) {
            List<Integer> exits = new ArrayList<>();
            for (int run = from; run < Math.min(runs, from + chunk); run++) {
                if (dayIndex[run] >= 0) {
                    exits.add(run);
                }
            }
            java.util.Collections.shuffle(exits, new java.util.Random(from));
            int[] byDay = exits.stream().mapToInt(Integer::intValue).toArray();
            int[] runDay = exits.stream().mapToInt(run -> dayIndex[run]).toArray();
            // The pass's columns: a column of another series first, then series s's exit run k at (1 + s) × chunk + k.
            long[] columns = new long[(expected.length + 1) * chunk];
            for (int s = 0; s < expected.length; s++) {
                for (int k = 0; k < byDay.length; k++) {
                    columns[(1 + s) * chunk + k] = expected[s][byDay[k]];
                }
            }
            if (from / chunk % 2 == 0) {
                series.storeChunk(columns, 1, byDay, runDay, byDay.length, from);
            } else {
                long[] work = new long[byDay.length];
                for (int s = 0; s < expected.length; s++) {
                    series.store(s, columns, (1 + s) * chunk, byDay, runDay, byDay.length, from, work);
                }
            }
        }
    }

    /**
     * A simulation keeping the category and holder series a byte a run writes and rebuilds, run by run, the cents of the
     * simulation keeping them whole, and reports the same numbers: dividends from different purchase dates, categories
     * mixed within a class, options at three strikes with vesting, SAFEs and a note; with and without a carve-out; every
     * holder followed (series pass) or the top five (binned pass); performance-vested units; a model without a series
     * pass; one thread and two.
     */
    @Test
    void aSimulationRebuildsEveryRunOfTheSeriesItKeptCompactly() {
        Venture venture = BreakpointPayoutModelTest.venture();
        List<Position> carveOuts = carveOuts(venture);
        ExitTerms withCarveOut = termsWithCarveOut();
        SimulationOptions all = new SimulationOptions(3 * MonteCarloSimulator.CHUNK + 311, 9, 2, SimulationOptions.ALL_HOLDERS, 50, 10);
        int compact = 0;
        compact += assertSameSeries(setup(new BreakpointPayoutModel(venture, false), terms(), List.of()), all);
        compact += assertSameSeries(setup(new BreakpointPayoutModel(venture, false), withCarveOut, carveOuts), all.withThreads(1));
        compact += assertSameSeries(setup(new BreakpointPayoutModel(venture, false), terms(), List.of()), all.withTopHolders(5));
        compact += assertSameSeries(setup(new BreakpointPayoutModel(PerformanceVestingSimulationTest.venture(), false), terms(),
                List.of()), all);
        compact += assertSameSeries(setup(SimplePreferredPayoutModel.sample(), terms(), List.of()), all);
        compact += assertSameSeries(setup(new BreakpointPayoutModel(LargeVenture.venture(LargeVenture.mso(40, 5, 12, 4, 2, 1, 3)),
                false), terms(), List.of()), all.withTopHolders(10));
        // the byte path taken, not only the series kept whole
        assertThat(compact).isGreaterThan(20);
    }

    /**
     * Lines that would keep more bytes than the series derived from the classes are not taken (review): in a
     * performance-vested holdco every exit day's payouts jump where a vesting level is reached, the lines kept every
     * series whole (106 bytes a run against 41) and the bundled example needed 60 MB more heap at 1,000,000 runs.
     */
    @Test
    void linesThatWouldKeepMoreThanTheDerivedSeriesAreNotTaken() {
        SimulationOptions all = new SimulationOptions(3 * MonteCarloSimulator.CHUNK + 311, 9, 2, SimulationOptions.ALL_HOLDERS, 50, 10);
        // 40,000 runs: the lines would keep 4.6 MB (every series whole), the derived series 1.6 MB.
        Venture vested = org.msocap.io.VentureReader.read(java.nio.file.Path.of("../examples/ventures/pe-derm-holdco.yaml"));
        assertThat(compactSeriesOf(SimulationSetup.of(vested), new SimulationOptions(40_000, 3, 2, 20, 50, 10)))
                .isInstanceOf(DerivedSeries.class);
        // Lines pay once the runs outweigh the pieces' coefficients (here from about 50,000 runs): every run rebuilt exactly.
        SimulationSetup plain = setup(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false), terms(), List.of());
        assertThat(compactSeriesOf(plain, all)).isInstanceOf(DerivedSeries.class);
        SimulationOptions many = new SimulationOptions(100_000, 9, 2, SimulationOptions.ALL_HOLDERS, 50, 10);
        assertThat(assertSameSeries(plain, many)).isGreaterThan(20);
        assertThat(compactSeriesOf(plain, many)).isInstanceOf(LineSeries.class);
    }

    /**
     * A series summing the same positions as an earlier one is kept once ({@link CompactSeries#sameAs}): on the ten-class
     * benchmark, the holder series of dr-lead (the one clinician) equals the clinician category's; neither written nor
     * stored nor tallied by the payout pass, it is rebuilt exactly, and the results are those of the series kept whole,
     * on one thread and two, with every holder followed (the series pass) and some (the binned pass).
     */
    @Test
    void aSeriesEqualToAnEarlierOneIsKeptOnce() throws Exception {
        Venture tenClass = org.msocap.io.VentureReader.read(java.nio.file.Path.of("../benchmarks/ten-class.yaml"));
        SimulationSetup setup = SimulationSetup.of(tenClass);
        SimulationOptions all = new SimulationOptions(60_000, 5, 2, SimulationOptions.ALL_HOLDERS, 50, 10);
        CompactSeries lines = compactSeriesOf(setup, all);
        assertThat(lines).isInstanceOf(LineSeries.class);
        // The classes, the categories (the clinicians' first), then the followed holders.
        int clinicians = MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(1_000, 5, 1, 1, 0, 10)).classes().size();
        List<Integer> equal = new ArrayList<>();
        for (int s = 0; s < lines.size(); s++) {
            assertThat(lines.sameAs(s)).isLessThanOrEqualTo(s);
            if (lines.sameAs(s) != s) {
                equal.add(s);
                assertThat(lines.sameAs(s)).isEqualTo(clinicians);
            }
        }
        assertThat(equal).hasSize(1);
        assertThat(assertSameSeries(setup, all)).isGreaterThan(20);
        assertThat(assertSameSeries(setup, all.withThreads(1))).isGreaterThan(20);
        assertSameSeries(setup, new SimulationOptions(60_000, 5, 2, 3, 50, 10));
    }

    private static CompactSeries compactSeriesOf(SimulationSetup setup, SimulationOptions options) {
        CompactSeries[] kept = new CompactSeries[1];
        MonteCarloSimulator.observingSeries(true, (d, series) -> kept[0] = d).simulate(setup, options);
        return kept[0];
    }

    /**
     * With fewer runs than a chunk a thread, the series stay 8 bytes a run: the pass's scratch (a chunk per series and
     * thread) would outweigh them, and with every holder of a wide cap table followed it ran out of memory (review).
     */
    @Test
    void aRunShorterThanAChunkAThreadKeepsItsSeriesWhole() {
        SimulationSetup setup = setup(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false), terms(), List.of());
        SimulationOptions few = new SimulationOptions(2 * MonteCarloSimulator.CHUNK - 1, 9, 2, SimulationOptions.ALL_HOLDERS, 50, 10);
        CompactSeries[] derived = new CompactSeries[1];
        SimulationResult result = MonteCarloSimulator.observingSeries(true, (d, series) -> derived[0] = d).simulate(setup, few);
        assertThat(derived[0]).isNull();
        assertThat(result).isEqualTo(MonteCarloSimulator.observingSeries(false, (d, series) -> { }).simulate(setup, few));
        MonteCarloSimulator.observingSeries(true, (d, series) -> derived[0] = d).simulate(setup, few.withThreads(1));
        assertThat(derived[0]).isNotNull();
    }

    /** Asserts the series and results with and without {@link DerivedSeries}; returns how many series were kept a byte a run. */
    private static int assertSameSeries(SimulationSetup setup, SimulationOptions options) {
        long[][][] exact = new long[1][][];
        long[][][] rebuilt = new long[1][][];
        CompactSeries[] derived = new CompactSeries[1];
        SimulationResult whole = MonteCarloSimulator.observingSeries(false, (d, series) -> exact[0] = series).simulate(setup, options);
        SimulationResult compact = MonteCarloSimulator.observingSeries(true, (d, series) -> {
            derived[0] = d;
            rebuilt[0] = series;
        }).simulate(setup, options);
        // With a carve-out categories and holders derive from classes; without one every series is a line in the proceeds
        // unless the lines would keep more (linesThatWouldKeepMoreThanTheDerivedSeriesAreNotTaken).
        if (!setup.carveOutPositions().isEmpty()) {
            assertThat(derived[0]).isInstanceOf(DerivedSeries.class);
        }
        assertThat(rebuilt[0]).hasDimensions(exact[0].length, options.runs());
        for (int s = 0; s < exact[0].length; s++) {
            int differs = java.util.Arrays.mismatch(rebuilt[0][s], exact[0][s]);
            assertThat(differs).as("series %d differs first at run %d", s, differs).isEqualTo(-1);
        }
        assertThat(compact).isEqualTo(whole);
        assertThat(MonteCarloSimulator.DEFAULT.simulate(setup, options)).isEqualTo(whole);
        int bytes = 0;
        for (int s = 0; s < derived[0].size(); s++) {
            bytes += derived[0].keptWhole(s) || derived[0].exact(s) ? 0 : 1;
        }
        return bytes;
    }

    /** The carve-out of {@link #termsWithCarveOut()}: a third to holder-1, two thirds to a lay recipient. */
    static List<Position> carveOuts(Venture venture) {
        return List.of(new Position("holder-1", venture.categoryOf("holder-1"), "carve-out", 0, null),
                new Position("recipient", HolderCategory.LAY, "carve-out", 0, null));
    }

    static ExitTerms termsWithCarveOut() {
        return new ExitTerms(0, new BigDecimal("0.03"), 0, new BigDecimal("0.05"), List.of("holder-1", "recipient"),
                List.of(new BigFraction(1, 3), new BigFraction(2, 3)), new BigDecimal("0.10"), 18, 0.9, 50_000_000, 0.4);
    }

    static ExitTerms terms() {
        return new ExitTerms(0, new BigDecimal("0.03"), 0, BigDecimal.ZERO, List.of(), List.of(), new BigDecimal("0.10"), 18, 0.9,
                50_000_000, 0.4);
    }

    /** A simulation drawing exit date, a lognormal multiple and correlated growth over a fixed revenue; shared with {@link SeriesPassTest}. */
    static SimulationSetup setup(PayoutModel payouts, ExitTerms terms, List<Position> carveOuts) {
        ExitValueModel ev = new ExitValueModel() {
            @Override
            public int earliestExitDay() {
                return (int) LocalDate.of(2027, 1, 1).toEpochDay();
            }

            @Override
            public long enterpriseValueCents(int day, double multiple, double growth, double comp) {
                return ExactCents.times(150_000_000L, multiple * (1 + growth));
            }
        };
        DriverSampler drivers = DriverSampler.of(Map.of(
                        Driver.EXIT_DATE, new Distribution.Uniform(LocalDate.of(2027, 1, 1).toEpochDay(), LocalDate.of(2031, 12, 31).toEpochDay()),
                        Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(10, 0.6),
                        Driver.COLLECTIONS_GROWTH, new Distribution.Normal(0.18, 0.08)),
                List.of(new Correlation("collectionsGrowth", "ebitdaMultiple", 0.5)));
        return new SimulationSetup(drivers, 0.1, LocalDate.of(2030, 12, 31), 10, ev, terms, payouts, carveOuts);
    }
}
