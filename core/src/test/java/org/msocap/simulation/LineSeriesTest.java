package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Series kept a byte a run against lines in the proceeds ({@link LineSeries}): rebuilt, every run's cents must be exactly
 * those the payout pass computed, whatever the lines; and the lines must follow a bend they were not told of.
 */
class LineSeriesTest {

    private static final int CHUNK = 64;

    /** Runs tasks one after another, in order. */
    private static final LineSeries.Parallel IN_TURN = new LineSeries.Parallel() {
        @Override
        public <T> List<T> all(List<Callable<T>> tasks) {
            List<T> out = new ArrayList<>();
            for (Callable<T> task : tasks) {
                try {
                    out.add(task.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
    };

    /**
     * Three series on three exit days: one bending where the day says (day 0) and where it does not (days 1 and 2, found
     * by probing), with a few cents of rounding either way; one of them a run off by 1,000 cents (its chunk kept exactly);
     * one whose cents swing by more than a byte (kept whole, as its sample shows). Runs without an exit; each chunk's exit
     * runs stored in a shuffled order, as the pass has them by day.
     */
    @Test
    void aRebuiltSeriesIsExactlyTheOneStored() {
        int runs = 9 * CHUNK + 23;
        int days = 3;
        long[] told = {3_000_000_000L};
        long[] bendAt = {3_000_000_000L, 7_654_321_987L, 123_456_789L};
        long[] proceeds = new long[runs];
        int[] dayIndex = new int[runs];
        drawExits(29L, days, proceeds, dayIndex);
        int[] exitOrder = exitOrder(dayIndex, days);
        LineSeries.Probe probe = bendingAt(bendAt);
        LineSeries lines = LineSeries.of(proceeds, dayIndex, runs, CHUNK, exitOrder, new long[][] {told, null, null}, new int[] {1, 1, 1}, probe,
                exitOrder.length, IN_TURN, Long.MAX_VALUE);
        long[][] expected = new long[3][runs];
        long[] cents = new long[3];
        for (int run = 0; run < runs; run++) {
            if (dayIndex[run] >= 0) {
                probe.cents(dayIndex[run], proceeds[run], cents);
                for (int s = 0; s < 3; s++) {
                    expected[s][run] = cents[s];
                }
            }
        }
        expected[1][4 * CHUNK + 7] += dayIndex[4 * CHUNK + 7] < 0 ? 0 : 1_000;
        DerivedSeriesTest.storeByChunk(lines, expected, dayIndex, CHUNK);
        assertThat(dayIndex[4 * CHUNK + 7]).isNotNegative();
        assertThat(lines.keptWhole(0)).isFalse();
        assertThat(lines.exactChunks(0)).as("the lines follow both bends").isZero();
        assertThat(lines.exactChunks(1)).isEqualTo(1);
        assertThat(lines.keptWhole(2)).isTrue();
        for (int s = 0; s < 3; s++) {
            int differs = Arrays.mismatch(lines.rebuild(s, new long[runs]), expected[s]);
            assertThat(differs).as("series %d differs first at run %d", s, differs).isEqualTo(-1);
            for (int run = 0; run < runs; run++) {
                assertThat(lines.at(s, run)).as("series %d, run %d", s, run).isEqualTo(expected[s][run]);
            }
        }
        // The statistics from the lines: only series 0 has neither a chunk kept exactly nor its values kept whole.
        assertThat(lines.rankedByLines(0)).isTrue();
        assertThat(lines.rankedByLines(1)).isFalse();
        assertThat(lines.rankedByLines(2)).isFalse();
        long[] sorted = expected[0].clone();
        Arrays.sort(sorted);
        int[] indexes = {0, 3, runs / 2, runs - 2, runs - 1};
        assertThat(lines.atSortedIndexes(0, lines.ranks(), indexes))
                .containsExactly(sorted[0], sorted[3], sorted[runs / 2], sorted[runs - 2], sorted[runs - 1]);
    }

    /**
     * Every exit run's piece is the last of its day's pieces starting at or before its proceeds (what a binary search
     * among them finds), as the stores of its chunk look it up (runs of several days in turn): five days each bending at
     * 60 points told, 150,000 runs, ties of proceeds and runs at a day's least and greatest proceeds.
     */
    @Test
    void everyRunIsOnTheLastPieceOfItsDayStartingAtOrBeforeItsProceeds() {
        int runs = 150_000;
        int days = 5;
        SplittableRandom random = new SplittableRandom(41);
        long[][] bends = new long[days][60];
        for (long[] day : bends) {
            for (int b = 0; b < day.length; b++) {
                day[b] = random.nextLong(1_000_000L, 1_000_000_000L);
            }
            Arrays.sort(day);
        }
        long[] proceeds = new long[runs];
        int[] dayIndex = new int[runs];
        for (int run = 0; run < runs; run++) {
            dayIndex[run] = random.nextInt(100) < 10 ? -1 : random.nextInt(days);
            if (dayIndex[run] >= 0) {
                int d = dayIndex[run];
                // A tenth of the runs exactly at one of the day's bends (ties, and a piece's start itself).
                proceeds[run] = random.nextInt(10) == 0 ? bends[d][random.nextInt(bends[d].length)]
                        : random.nextLong(1_000_000L, 1_000_000_000L);
            }
        }
        int[] exitOrder = exitOrder(dayIndex, days);
        // Slopes changing at every bend: one piece between two bends.
        LineSeries.Probe probe = (day, x, cents) -> {
            long paid = x / 10;
            for (int b = 0; b < bends[day].length; b++) {
                paid += Math.max(0, x - bends[day][b]) / (b % 2 == 0 ? 7 : -9);
            }
            cents[0] = paid;
        };
        LineSeries lines = LineSeries.of(proceeds, dayIndex, runs, CHUNK, exitOrder, bends, new int[] {1}, probe, 1_000,
                IN_TURN, Long.MAX_VALUE);
        assertThat(lines.pieces()).isGreaterThan(days * 60);
        long[][] paid = new long[1][runs];
        for (int run = 0; run < runs; run++) {
            if (dayIndex[run] >= 0) {
                long[] cents = new long[1];
                probe.cents(dayIndex[run], proceeds[run], cents);
                paid[0][run] = cents[0];
            }
        }
        DerivedSeriesTest.storeByChunk(lines, paid, dayIndex, CHUNK);
        assertThat(lines.rebuild(0, new long[runs])).containsExactly(paid[0]);
        // A day's pieces: from the piece of its least proceeds to the next day's.
        int[] firstPiece = new int[days + 1];
        Arrays.fill(firstPiece, Integer.MAX_VALUE);
        firstPiece[days] = lines.pieces() + 1;
        for (int run = 0; run < runs; run++) {
            if (dayIndex[run] >= 0) {
                firstPiece[dayIndex[run]] = Math.min(firstPiece[dayIndex[run]], lines.pieceOf(run));
            }
        }
        for (int run = 0; run < runs; run++) {
            int d = dayIndex[run];
            if (d < 0) {
                assertThat(lines.pieceOf(run)).isZero();
                continue;
            }
            int p = lines.pieceOf(run);
            assertThat(p).as("run %d's piece within day %d's", run, d).isBetween(firstPiece[d], firstPiece[d + 1] - 1);
            assertThat(lines.pieceStart(p)).as("run %d's piece starts at or before its proceeds", run).isLessThanOrEqualTo(proceeds[run]);
            if (p + 1 < firstPiece[d + 1]) {
                assertThat(lines.pieceStart(p + 1)).as("run %d's next piece starts past its proceeds", run).isGreaterThan(proceeds[run]);
            }
        }
    }

    /**
     * The store that tallies the series keeping no range ({@link LineSeries#storeChunk(long[], int, int[], int[], int,
     * int, SeriesTallies, int[])}, the payout pass's way) keeps the same series and leaves the same tallies and cleared
     * columns as the store then {@link SeriesTallies#addAndClear}: series 0 on its lines, series 1 with a run off by 1,000
     * cents late in its chunk (the chunk falls back to its exact values mid-loop, days into it, in the loop that stores
     * both series, so both get their cleared values back), series 2 kept whole (its tally keeps its range), beside a
     * column of another series.
     */
    @Test
    void theStoreThatTalliesKeepsAndSumsWhatTheTalliesWould() {
        storeThatTallies(1, bendingAt(new long[] {3_000_000_000L, 7_654_321_987L, 123_456_789L}));
    }

    /**
     * {@link #theStoreThatTalliesKeepsAndSumsWhatTheTalliesWould} with payouts of 2^46 to 2^48 cents, the largest the
     * tallies meet: a chunk's squares past what {@link ExactSquares.Stretch} gives exactly (2^100), so the stores that
     * tally get the chunk's values back and tally them by {@link SeriesTallies#addAndClear}.
     */
    @Test
    void theStoreThatTalliesSumsTheLargestPayoutsExactly() {
        long scale = (1L << 48) / 10_000_000_000L;
        LineSeries.Probe small = bendingAt(new long[] {3_000_000_000L * scale, 7_654_321_987L * scale, 123_456_789L * scale});
        storeThatTallies(scale, (day, x, cents) -> {
            small.cents(day, x, cents);
            cents[0] += x / 2;
            cents[1] += x / 2;
        });
    }

    /** The store that tallies against the store then the tallies, the exits' proceeds {@code scale} times the usual. */
    private static void storeThatTallies(long scale, LineSeries.Probe probe) {
        int runs = 9 * CHUNK + 23;
        int days = 3;
        long[] proceeds = new long[runs];
        int[] dayIndex = new int[runs];
        drawExits(31L, days, proceeds, dayIndex);
        for (int run = 0; run < runs; run++) {
            proceeds[run] *= scale;
        }
        int off = 4 * CHUNK + 7;
        dayIndex[off] = days - 1;
        proceeds[off] = 5_000_000_000L * scale;
        int[] exitOrder = exitOrder(dayIndex, days);
        LineSeries lines = LineSeries.of(proceeds, dayIndex, runs, CHUNK, exitOrder, new long[][] {{3_000_000_000L * scale}, null, null},
                new int[] {1, 1, 1}, probe, exitOrder.length, IN_TURN, Long.MAX_VALUE);
        LineSeries plain = LineSeries.of(proceeds, dayIndex, runs, CHUNK, exitOrder, new long[][] {{3_000_000_000L * scale}, null, null},
                new int[] {1, 1, 1}, probe, exitOrder.length, IN_TURN, Long.MAX_VALUE);
        long[][] expected = new long[4][runs];
        long[] cents = new long[3];
        for (int run = 0; run < runs; run++) {
            if (dayIndex[run] >= 0) {
                probe.cents(dayIndex[run], proceeds[run], cents);
                expected[0][run] = 1_000 + run;
                for (int s = 0; s < 3; s++) {
                    expected[1 + s][run] = cents[s];
                }
            }
        }
        expected[2][off] += 1_000;
        // Series 0 and 1 (tallies 1 and 2) kept against lines; the column before them and series 2 (tally 3), kept whole, keep theirs.
        long[] cost = {5_000, 900_000_000L, 0, 2_000_000_000L};
        boolean[] range = {true, false, false, true};
        SeriesTallies fused = new SeriesTallies(cost, range, days);
        SeriesTallies apart = new SeriesTallies(cost, range, days);
        for (int from = 0; from < runs; from += CHUNK) {
            // The chunk's exit runs by day, shuffled within a day; dayEnd ends each day.
            List<Integer> exits = new ArrayList<>();
            int[] dayEnd = new int[days];
            for (int d = 0; d < days; d++) {
                List<Integer> onDay = new ArrayList<>();
                for (int run = from; run < Math.min(runs, from + CHUNK); run++) {
                    if (dayIndex[run] == d && run != off) {
                        onDay.add(run);
                    }
                }
                java.util.Collections.shuffle(onDay, new java.util.Random(from + d));
                exits.addAll(onDay);
                if (d == days - 1 && off >= from && off < from + CHUNK) {
                    exits.add(exits.size() - 2, off);
                }
                dayEnd[d] = exits.size();
            }
            int[] byDay = exits.stream().mapToInt(Integer::intValue).toArray();
            int[] runDay = exits.stream().mapToInt(run -> dayIndex[run]).toArray();
            long[] columns = new long[4 * CHUNK];
            for (int s = 0; s < 4; s++) {
                for (int k = 0; k < byDay.length; k++) {
                    columns[s * CHUNK + k] = expected[s][byDay[k]];
                }
            }
            long[] copy = columns.clone();
            SeriesTallies chunk = fused.forChunk();
            lines.storeChunk(columns, 1, byDay, runDay, byDay.length, from, chunk, dayEnd);
            for (int s = 0; s < 4; s++) {
                if (range[s]) {
                    chunk.addAndClear(s, columns, s * CHUNK, dayEnd);
                }
            }
            assertThat(columns).as("chunk at %d cleared", from).containsOnly(0L);
            fused.addChunk(chunk);
            SeriesTallies other = apart.forChunk();
            plain.storeChunk(copy, 1, byDay, runDay, byDay.length, from);
            for (int s = 0; s < 4; s++) {
                other.addAndClear(s, copy, s * CHUNK, dayEnd);
            }
            apart.addChunk(other);
        }
        assertThat(lines.exactChunks(1)).as("the chunk of the run off its line kept exactly").isEqualTo(1);
        assertThat(lines.keptWhole(2)).isTrue();
        for (int s = 0; s < 3; s++) {
            assertThat(lines.rebuild(s, new long[runs])).as("series %d", s).containsExactly(expected[1 + s]);
        }
        for (int s = 0; s < 4; s++) {
            long sum = Arrays.stream(expected[s]).sum();
            assertThat(fused.sum(s)).as("series %d's sum", s).isEqualTo(sum).isEqualTo(apart.sum(s));
            assertThat(fused.byDay(s)).as("series %d by day", s).containsExactly(apart.byDay(s));
            assertThat(fused.squares(s)).as("series %d's squares", s).isEqualTo(ExactSquares.squaresOf(expected[s], 0, runs));
            if (range[s]) {
                assertThat(fused.min(s)).isEqualTo(apart.min(s));
                assertThat(fused.max(s)).isEqualTo(apart.max(s));
                assertThat(fused.belowCost(s)).isEqualTo(apart.belowCost(s));
            }
        }
    }

    /** The exit runs by day, in run order within a day (as ExitOrder has them). */
    /**
     * Three series: series 0 and 1 bend at the day's point (slopes 0.2 then 0.7, and 0.5 then 0.1), give or take 3 cents of
     * rounding that depends on the proceeds alone; series 2 swings by up to 10,000 cents.
     */
    private static LineSeries.Probe bendingAt(long[] bendAt) {
        return (day, x, cents) -> {
            long bend = bendAt[day];
            long wobble = Math.floorMod(x * 2_654_435_761L, 7) - 3;
            cents[0] = (long) (x <= bend ? 0.2 * x : 0.2 * bend + 0.7 * (x - bend)) + wobble;
            cents[1] = (long) (x <= bend ? 0.5 * x : 0.5 * bend + 0.1 * (x - bend)) - wobble;
            cents[2] = (long) (0.3 * x) + Math.floorMod(x * 40_503L, 10_000);
        };
    }

    /** Each run's exit day (none for about 15%) and proceeds ($1M to $100M), drawn from {@code seed}. */
    private static void drawExits(long seed, int days, long[] proceeds, int[] dayIndex) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < dayIndex.length; run++) {
            dayIndex[run] = random.nextInt(100) < 15 ? -1 : random.nextInt(days);
            if (dayIndex[run] >= 0) {
                proceeds[run] = random.nextLong(100_000_000L, 10_000_000_000L);
            }
        }
    }

    private static int[] exitOrder(int[] dayIndex, int days) {
        List<List<Integer>> onDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            onDay.add(new ArrayList<>());
        }
        for (int run = 0; run < dayIndex.length; run++) {
            if (dayIndex[run] >= 0) {
                onDay.get(dayIndex[run]).add(run);
            }
        }
        return onDay.stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
    }
}
