package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.msocap.io.VentureReader;
import org.msocap.model.HolderCategory;
import org.msocap.model.Venture;

/**
 * The series pass: the evaluator sums a claimant's cents once into its class's and category's slot and splits them only
 * where a followed holder needs its part. Its sums must be those of every position's payout summed by position, and a
 * simulation must give the same numbers with and without it.
 */
class SeriesPassTest {

    /** Runs a column of the slots' columns holds (the simulator's is a chunk's). */
    private static final int STRIDE = 3;

    @Test
    void slotsSumExactlyWhatEveryPositionsPayoutSumsTo() throws java.io.IOException {
        // Dividends from different purchase dates (splits that depend on the payout, in doubles and exact), categories
        // mixed within the common class, options at three strikes, SAFEs and a note; every third holder not followed.
        assertSlotsSumThePositions(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false), 3, 11, 4_000);
        // Every holder followed, as the simulator's series pass has them.
        assertSlotsSumThePositions(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false), Integer.MAX_VALUE, 12, 4_000);
        // Performance-vested units: one table per combination of levels, chosen by the proceeds.
        assertSlotsSumThePositions(new BreakpointPayoutModel(PerformanceVestingSimulationTest.venture(), false), 2, 13, 4_000);
        // The benchmark's ten classes of two and three holders each, every holder followed: the splits in doubles the
        // pass makes in place of IntegerWeights#addSplit.
        assertSlotsSumThePositions(new BreakpointPayoutModel(VentureReader.read(Path.of("../benchmarks/ten-class.yaml")), false),
                Integer.MAX_VALUE, 14, 4_000);
        // A fully participating class whose two holdings (both entities') accrued different dividends: its preference
        // and its shares split it by different weights, mixed above the preference, so the pass splits it in doubles or
        // exactly (split, splitExactly) straight into its holders' columns.
        String tenClass = Files.readString(Path.of("../benchmarks/ten-class.yaml"));
        String mixed = tenClass.replace("""
                      preference: 1.25
                      participation: full
                """, """
                      preference: 1.25
                      participation: full
                      dividend: {rate: 0.12, cumulative: true, compounding: simple}
                """).replace("{holder: fund-6, class: series-i, shares: 2301678, acquired: 2025-07-15}",
                "{holder: fund-6, class: series-i, shares: 2301678, acquired: 2025-12-01}");
        assertThat(mixed).contains("rate: 0.12").contains("acquired: 2025-12-01");
        assertSlotsSumThePositions(new BreakpointPayoutModel(VentureReader.read(mixed, "mixed.yaml"), false),
                Integer.MAX_VALUE, 16, 4_000);
        // A wide table at its bends only: claimants of many pieces across categories, split exactly where doubles cannot
        // tell (where LineSeries probes it, the exact split once read past a claimant's pieces).
        assertSlotsSumThePositions(new BreakpointPayoutModel(LargeVenture.venture(LargeVenture.mso(150, 10, 40, 6, 3, 2, 3)),
                false), 3, 15, 0);
    }

    /** At {@code draws} random proceeds on each of ten month-ends, and at the bends of every month-end of a few years. */
    private static void assertSlotsSumThePositions(BreakpointPayoutModel model, int unfollowedEvery, long seed, int draws) {
        List<Position> positions = model.positions();
        Layout layout = Layout.of(model, unfollowedEvery);
        int[] groupSlot = layout.groupSlot();
        int[] categorySlot = layout.categorySlot();
        int[] holderSlot = layout.holderSlot();
        PayoutModel.SeriesSlots seriesSlots = layout.columns(STRIDE);
        SplittableRandom random = new SplittableRandom(seed);
        int compared = 0;
        for (LocalDate month = LocalDate.of(2026, 3, 31); month.isBefore(LocalDate.of(2032, 1, 1)); month = month.plusMonths(7)
                .withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            compared += assertSlotsSumThePositions(model.at((int) month.toEpochDay()), month, random, draws, positions.size(),
                    groupSlot, categorySlot, holderSlot, seriesSlots);
        }
        // Every month-end of a few years at its bends (the proceeds where the evaluator's lines start).
        for (LocalDate month = LocalDate.of(2026, 3, 31); month.isBefore(LocalDate.of(2033, 1, 1)); month = month.plusMonths(1)
                .withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            PayoutModel.PayoutEvaluator evaluator = model.at((int) month.toEpochDay());
            assertSlotsSumThePositions(evaluator, evaluator.bends(), month, positions.size(), groupSlot, categorySlot, holderSlot,
                    seriesSlots);
        }
        assertThat(compared).isEqualTo(10 * draws);
    }

    private static int assertSlotsSumThePositions(PayoutModel.PayoutEvaluator evaluator, LocalDate month, SplittableRandom random,
                                                  int draws, int positions, int[] groupSlot, int[] categorySlot,
                                                  int[] holderSlot, PayoutModel.SeriesSlots seriesSlots) {
        long[] proceeds = new long[draws];
        for (int k = 0; k < proceeds.length; k++) {
            // $0 to $1B, log-uniform, and now and then whole dollars (exits exactly at a preference or a breakpoint)
            proceeds[k] = (long) Math.exp(random.nextDouble() * Math.log(1e11));
            if (k % 5 == 0) {
                proceeds[k] -= proceeds[k] % 100;
            }
        }
        return assertSlotsSumThePositions(evaluator, proceeds, month, positions, groupSlot, categorySlot, holderSlot, seriesSlots);
    }

    /**
     * Asserts the evaluator's slots at each of {@code proceeds} sum its positions' payouts, each run's in its place along
     * the columns (the k-th proceeds at {@code k % STRIDE}) and nowhere else; returns how many compared.
     */
    private static int assertSlotsSumThePositions(PayoutModel.PayoutEvaluator evaluator, long[] proceeds, LocalDate month,
                                                  int positions, int[] groupSlot, int[] categorySlot, int[] holderSlot,
                                                  PayoutModel.SeriesSlots seriesSlots) {
        int slots = seriesSlots.spare() / STRIDE;
        int compared = 0;
        PayoutModel.SeriesPayouts series = evaluator.series(seriesSlots);
        assertThat(series).isNotNull();
        long[] payout = new long[positions];
        for (long cents : proceeds) {
            evaluator.payouts(cents, payout);
            long[] expected = new long[slots];
            for (int p = 0; p < positions; p++) {
                expected[groupSlot[p]] += payout[p];
                expected[categorySlot[p]] += payout[p];
                if (holderSlot[p] >= 0) {
                    expected[holderSlot[p]] += payout[p];
                }
            }
            int at = compared % STRIDE;
            long[] columns = new long[(slots + 1) * STRIDE];
            series.add(cents, columns, at);
            long[] expectedColumns = new long[slots * STRIDE];
            for (int s = 0; s < slots; s++) {
                expectedColumns[s * STRIDE + at] = expected[s];
            }
            assertThat(Arrays.copyOf(columns, slots * STRIDE)).as("%s, %d cents at %d", month, cents, at)
                    .isEqualTo(expectedColumns);
            compared++;
        }
        return compared;
    }

    /** Runs a column holds in the stretch tests: a stretch may start anywhere in it and span several of the pass's blocks. */
    private static final int RUNS_STRIDE = 1_200;

    @Test
    void aDaysRunsClaimantByClaimantSumWhatEveryPositionsPayoutSumsTo() throws java.io.IOException {
        String tenClass = Files.readString(Path.of("../benchmarks/ten-class.yaml"));
        // Two and three fixed parts split in doubles into the holders' columns, one class of three holdings in two
        // categories split into its holders' and their categories' columns, options of one holding each; every holder followed, or every third not
        // (those claimants' cents into their class and category only).
        assertStretchesSumThePositions(new BreakpointPayoutModel(VentureReader.read(tenClass, "ten-class.yaml"), false),
                Integer.MAX_VALUE, 21);
        assertStretchesSumThePositions(new BreakpointPayoutModel(VentureReader.read(tenClass, "ten-class.yaml"), false), 3, 22);
        // The common class of two holdings in two categories (a founder's, an investor's): two parts in doubles, each
        // into its holder's and its category's columns, the class's cents whole.
        String twoCategories = tenClass.replace("{holder: founder-b, class: common,", "{holder: fund-10, class: common,")
                .replace("    - {holder: dr-lead, class: common, shares: 800000, acquired: 2022-06-01, cost: 80}\n", "");
        assertThat(twoCategories).contains("holder: fund-10, class: common").doesNotContain("holder: dr-lead, class: common");
        assertStretchesSumThePositions(new BreakpointPayoutModel(VentureReader.read(twoCategories, "two-categories.yaml"), false),
                Integer.MAX_VALUE, 26);
        // Splits that depend on the payout (in doubles and exactly), many holdings split run by run into parts, classes
        // summed from several claimants (options at three strikes, SAFEs, notes).
        assertStretchesSumThePositions(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false), 3, 23);
        assertStretchesSumThePositions(new BreakpointPayoutModel(BreakpointPayoutModelTest.venture(), false), Integer.MAX_VALUE, 24);
        // Performance-vested units: the stepped evaluator's runs one by one.
        assertStretchesSumThePositions(new BreakpointPayoutModel(PerformanceVestingSimulationTest.venture(), false), 2, 25);
    }

    @Test
    void splitsInDoublesOfRandomHoldingsAreTheExactSplits() throws java.io.IOException {
        // The splits in doubles of two and three fixed parts (SeriesPass.splitInTwo, splitInThree: the ranks from the
        // differences' signs as 1 − d truncated) against the evaluator's exact payouts, on ten-class with every holding's
        // shares drawn anew: wide (decided in doubles nearly always), or small multiples of one size (parts whose
        // fractions tie or are whole, which the doubles must leave to the exact split after the loop).
        String tenClass = Files.readString(Path.of("../benchmarks/ten-class.yaml"));
        Pattern shares = Pattern.compile("(class: [a-z-]+, shares: )(\\d+)");
        qt().withFixedSeed(2222L).withExamples(24).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            boolean narrow = random.nextBoolean();
            long size = 1 + random.nextLong(300_000);
            Matcher holding = shares.matcher(tenClass);
            StringBuilder drawn = new StringBuilder();
            while (holding.find()) {
                long count = narrow ? size * (1 + random.nextInt(12)) : 1 + random.nextLong(5_000_000);
                holding.appendReplacement(drawn, holding.group(1) + count);
            }
            holding.appendTail(drawn);
            assertStretchesSumThePositions(new BreakpointPayoutModel(VentureReader.read(drawn.toString(), "drawn.yaml"), false),
                    Integer.MAX_VALUE, seed);
        });
    }

    @Test
    void aDifferenceClearOfTheMarginTruncatesToItsSign() {
        // SeriesPass.splitInThree reads which of two fractions is smaller as (int) (1 − d), d their difference, once
        // e < |d| with e = cents × 2⁻⁵⁰ (cents 1 to 2⁴⁶): 1 when d < 0, 0 when d > 0, whatever 1 − d rounds to. Both
        // fractions lie in (e, 1 − e) there, so |d| <= 1 − 2e: a d nearer −1 would round 1 − d up to 2 (d = −1 + 2⁻⁵³).
        qt().withFixedSeed(2223L).withExamples(200_000)
                .forAll(longs().between(1, 1L << 46), doubles().between(-1, 1), integers().between(0, 3))
                .checkAssert((cents, drawn, kind) -> {
                    double e = cents * 0x1p-50;
                    // Drawn, or at the margins' edges: just past e, at 1 − 2e and just short of it.
                    double d = switch (kind) {
                        case 0 -> drawn;
                        case 1 -> Math.copySign(Math.nextUp(e), drawn);
                        case 2 -> Math.copySign(1 - 2 * e - Math.ulp(1.0) * (long) (Math.abs(drawn) * 4), drawn);
                        default -> Math.copySign(e + Math.ulp(e) * (1 + (long) (Math.abs(drawn) * 1000)), drawn);
                    };
                    if (Math.abs(d) > e && Math.abs(d) <= 1 - 2 * e) {
                        assertThat((int) (1 - d)).as("d %s, e %s", d, e).isEqualTo(d < 0 ? 1 : 0);
                    }
                });
    }

    /**
     * On a few month-ends, the day's bends and random proceeds in a shuffled order, handed to {@link
     * PayoutModel.SeriesPayouts#addRuns} as stretches of one run, of a few, and of more than a block, starting at 0 and
     * elsewhere along the columns; every column must hold, at each stretch's places, the sums of its runs' payouts by
     * position, and nothing anywhere else.
     */
    private static void assertStretchesSumThePositions(BreakpointPayoutModel model, int unfollowedEvery, long seed) {
        List<Position> positions = model.positions();
        Layout layout = Layout.of(model, unfollowedEvery);
        int[] groupSlot = layout.groupSlot();
        int[] categorySlot = layout.categorySlot();
        int[] holderSlot = layout.holderSlot();
        int slots = layout.slots();
        PayoutModel.SeriesSlots seriesSlots = layout.columns(RUNS_STRIDE);
        SplittableRandom random = new SplittableRandom(seed);
        for (LocalDate month = LocalDate.of(2026, 6, 30); month.isBefore(LocalDate.of(2032, 1, 1)); month = month.plusMonths(13)
                .withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            PayoutModel.PayoutEvaluator evaluator = model.at((int) month.toEpochDay());
            long[] bends = evaluator.bends();
            long[] proceeds = new long[RUNS_STRIDE];
            for (int run = 0; run < proceeds.length; run++) {
                // The bends and a cent either side of them, then $0 to $1B log-uniform, every fifth in whole dollars.
                int b = run / 3;
                if (b < bends.length) {
                    proceeds[run] = Math.max(0, bends[b] + run % 3 - 1);
                } else {
                    proceeds[run] = (long) Math.exp(random.nextDouble() * Math.log(1e11));
                    proceeds[run] -= run % 5 == 0 ? proceeds[run] % 100 : 0;
                }
            }
            int[] runs = random.ints(0, proceeds.length).distinct().limit(proceeds.length).toArray();
            PayoutModel.SeriesPayouts series = evaluator.series(seriesSlots);
            long[] columns = new long[(slots + 1) * RUNS_STRIDE];
            long[] expected = new long[slots * RUNS_STRIDE];
            long[] payout = new long[positions.size()];
            // One run at 0, three after it, one at 7, then a stretch of more than two blocks, then the rest.
            int[] stretchStarts = {0, 1, 4, 7, 8, 700, RUNS_STRIDE};
            for (int t = 0; t + 1 < stretchStarts.length; t++) {
                int from = stretchStarts[t];
                int to = stretchStarts[t + 1];
                series.addRuns(proceeds, runs, from, to, columns);
                for (int k = from; k < to; k++) {
                    evaluator.payouts(proceeds[runs[k]], payout);
                    for (int p = 0; p < positions.size(); p++) {
                        expected[groupSlot[p] * RUNS_STRIDE + k] += payout[p];
                        expected[categorySlot[p] * RUNS_STRIDE + k] += payout[p];
                        if (holderSlot[p] >= 0) {
                            expected[holderSlot[p] * RUNS_STRIDE + k] += payout[p];
                        }
                    }
                }
                int differs = Arrays.mismatch(Arrays.copyOf(columns, slots * RUNS_STRIDE), expected);
                assertThat(differs).as("%s, stretch [%d, %d): first difference in series %d at place %d", month, from, to,
                        differs / RUNS_STRIDE, differs % RUNS_STRIDE).isEqualTo(-1);
            }
        }
    }

    @Test
    void partsTheSplitInDoublesLeavesAreSplitExactlyAfterItsLoop() throws java.io.IOException {
        // Ten classes over the simulation's range of proceeds, every holder followed: runs where series-d is at its cap and
        // series-e at its preference (every part a whole number of cents, at the preference each piece's own), and the
        // common class's cents a multiple of 13 (its 8 : 40 : 30 weights make a part whole), which the splits in doubles
        // leave to the exact split after the loop, its parts into the holders' and (common) the categories' columns.
        BreakpointPayoutModel model = new BreakpointPayoutModel(VentureReader.read(Path.of("../benchmarks/ten-class.yaml")), false);
        List<Position> positions = model.positions();
        Layout layout = Layout.of(model, Integer.MAX_VALUE);
        int slots = layout.slots();
        SplittableRandom random = new SplittableRandom(41);
        for (LocalDate day : new LocalDate[] {LocalDate.of(2028, 2, 29), LocalDate.of(2030, 7, 15), LocalDate.of(2031, 12, 31)}) {
            PayoutModel.PayoutEvaluator evaluator = model.at((int) day.toEpochDay());
            PayoutModel.SeriesPayouts series = evaluator.series(layout.columns(RUNS_STRIDE));
            long[] proceeds = random.longs(RUNS_STRIDE, 1_000_000_00L, 600_000_000_00L).toArray();
            int[] runs = random.ints(0, RUNS_STRIDE).distinct().limit(RUNS_STRIDE).toArray();
            long[] columns = new long[(slots + 1) * RUNS_STRIDE];
            series.addRuns(proceeds, runs, 0, RUNS_STRIDE, columns);
            long[] expected = new long[slots * RUNS_STRIDE];
            long[] payout = new long[positions.size()];
            for (int k = 0; k < RUNS_STRIDE; k++) {
                evaluator.payouts(proceeds[runs[k]], payout);
                for (int p = 0; p < positions.size(); p++) {
                    expected[layout.groupSlot()[p] * RUNS_STRIDE + k] += payout[p];
                    expected[layout.categorySlot()[p] * RUNS_STRIDE + k] += payout[p];
                    expected[layout.holderSlot()[p] * RUNS_STRIDE + k] += payout[p];
                }
            }
            int differs = Arrays.mismatch(Arrays.copyOf(columns, slots * RUNS_STRIDE), expected);
            assertThat(differs).as("%s: first difference in series %d at place %d", day, differs / RUNS_STRIDE,
                    differs % RUNS_STRIDE).isEqualTo(-1);
        }
    }

    /**
     * Per position its class's, category's and holder's slot among the series (classes, categories, then holders; -1 for
     * a holder not followed: every {@code unfollowedEvery}-th), and how many slots.
     */
    private record Layout(int[] groupSlot, int[] categorySlot, int[] holderSlot, int slots) {
        static Layout of(BreakpointPayoutModel model, int unfollowedEvery) {
            List<Position> positions = model.positions();
            List<String> groups = new ArrayList<>();
            List<String> holders = new ArrayList<>();
            int[] groupSlot = new int[positions.size()];
            int[] holderOf = new int[positions.size()];
            for (int p = 0; p < positions.size(); p++) {
                groupSlot[p] = indexOf(groups, positions.get(p).group());
                holderOf[p] = indexOf(holders, positions.get(p).holder());
            }
            int categories = HolderCategory.values().length;
            int[] categorySlot = new int[positions.size()];
            int[] holderSlot = new int[positions.size()];
            for (int p = 0; p < positions.size(); p++) {
                categorySlot[p] = groups.size() + positions.get(p).category().ordinal();
                int h = holderOf[p];
                holderSlot[p] = h % unfollowedEvery == unfollowedEvery - 1 ? -1 : groups.size() + categories + h;
            }
            return new Layout(groupSlot, categorySlot, holderSlot, groups.size() + categories + holders.size());
        }

        /** Each slot the start of its series' column, {@code stride} runs long, as the payout pass lays a chunk out. */
        PayoutModel.SeriesSlots columns(int stride) {
            return new PayoutModel.SeriesSlots(Arrays.stream(groupSlot).map(slot -> slot * stride).toArray(),
                    Arrays.stream(categorySlot).map(slot -> slot * stride).toArray(),
                    Arrays.stream(holderSlot).map(slot -> slot < 0 ? -1 : slot * stride).toArray(), slots * stride);
        }
    }

    private static int indexOf(List<String> list, String key) {
        int i = list.indexOf(key);
        if (i < 0) {
            list.add(key);
            i = list.size() - 1;
        }
        return i;
    }

    @Test
    void aSimulationGivesTheSameNumbersWithAndWithoutTheSeriesPass() {
        Venture venture = BreakpointPayoutModelTest.venture();
        for (boolean carveOut : new boolean[] {false, true}) {
            SimulationSetup setup = DerivedSeriesTest.setup(new BreakpointPayoutModel(venture, false),
                    carveOut ? DerivedSeriesTest.termsWithCarveOut() : DerivedSeriesTest.terms(),
                    carveOut ? DerivedSeriesTest.carveOuts(venture) : List.of());
            SimulationOptions options = new SimulationOptions(2 * MonteCarloSimulator.CHUNK + 311, 9, 2,
                    SimulationOptions.ALL_HOLDERS, 50, 10);
            SimulationResult bySeries = MonteCarloSimulator.DEFAULT.simulate(setup, options);
            SimulationResult byPosition = MonteCarloSimulator.withoutSeriesPass().simulate(setup, options);
            assertThat(bySeries).isEqualTo(byPosition);
            assertThat(bySeries.holders()).hasSize(carveOut ? 41 : 40);
        }
    }
}
