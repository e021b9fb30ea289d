package org.msocap.simulation;

import java.util.Arrays;

/**
 * The first pass of the series' statistics ({@code MonteCarloSimulator}), kept by the payout pass as it writes each run's
 * payouts into the series: per series the sum, the sum of squares (exactly, {@link ExactSquares}: the standard deviation
 * from them, with no pass about the mean), the runs paid less than its cost, the least and greatest payout, and the
 * payouts summed per exit day (for the IRR). A series is 8 bytes a run, far larger than the caches: read again only for
 * what needs its range (the percentiles' buckets).
 *
 * <p>A series kept against lines in the proceeds ({@link LineSeries}) can leave out its least and greatest payout and its
 * runs below cost ({@link #keepsRange}): the statistics count the runs below cost from the lines as they take its
 * percentiles ({@link LineRanks}; the least and greatest are not needed there), and a series whose lines cannot rank it
 * is rebuilt and counted there. Those three cost the pass
 * about as much as its sums (three comparisons a value: 0.8 of 1.5 ns a value under C1 in a micro-benchmark). The payout
 * pass has such a series' sums kept and its values cleared by the lines' store as it reads them
 * ({@link LineSeries#storeChunk(long[], int, int[], int[], int, int, SeriesTallies, int[])}), not by {@link #addAndClear}.
 *
 * <p>One instance per chunk of runs, added into the simulation's with {@link #addChunk}: integer sums, least and
 * greatest, so neither the chunks' order nor the thread count can change a number. A chunk's sums cannot overflow (4096
 * runs of payouts within the amount limit); the simulation's are added exactly.
 */
final class SeriesTallies {

    private final long[] costCents;
    /** Per series, whether its least, greatest and runs below cost are kept here (else the statistics find them). */
    private final boolean[] range;
    private final int days;
    private final long[] sum;
    private final long[] belowCost;
    private final long[] min;
    private final long[] max;
    /** Per series, its payouts' squares summed. */
    private final ExactSquares squares;
    /** Per series, its payouts on each exit day: series {@code s}, day {@code d} at {@code s × days + d}. */
    private final long[] byDay;

    /**
     * @param costCents per series, the cost a run's payout is compared with
     * @param days the distinct exit days
     */
    SeriesTallies(long[] costCents, int days) {
        this(costCents, all(costCents.length), days);
    }

    /**
     * @param costCents per series, the cost a run's payout is compared with
     * @param range per series, whether to keep its least, greatest and runs below cost
     * @param days the distinct exit days
     */
    SeriesTallies(long[] costCents, boolean[] range, int days) {
        this.costCents = costCents.clone();
        this.range = range.clone();
        this.days = days;
        int n = costCents.length;
        sum = new long[n];
        belowCost = new long[n];
        min = new long[n];
        max = new long[n];
        Arrays.fill(min, Long.MAX_VALUE);
        Arrays.fill(max, Long.MIN_VALUE);
        squares = new ExactSquares(n);
        byDay = new long[n * days];
    }

    private static boolean[] all(int n) {
        boolean[] every = new boolean[n];
        Arrays.fill(every, true);
        return every;
    }

    /** An empty tally of the same series, for one chunk of runs. */
    SeriesTallies forChunk() {
        return new SeriesTallies(costCents, range, days);
    }

    /**
     * Tallies series {@code s} over a chunk's exit runs once they are written: {@code columns[at + k]} exit run {@code k}'s
     * value, the runs by exit day, day {@code d}'s ending at {@code k = dayEnd[d]} (and starting where the day before
     * ends). One loop per series over a stretch still in the caches, the tallies in registers (a loop over the series
     * of each run kept five of them per series in memory). Clears the values read: the payout pass's series pass sums
     * the next chunk's runs into them (a store in this loop costs less than a loop of its own). The squares take a loop
     * of their own first ({@link ExactSquares#addSquaresOf}): in this one, three more accumulators and two temporaries
     * spill under C1, and the profile read 54 ns a run for them against 35 apart (ten-class, 29 series).
     */
    void addAndClear(int s, long[] columns, int at, int[] dayEnd) {
        if (!range[s]) {
            addSumsAndClear(s, columns, at, dayEnd);
            return;
        }
        long cost = costCents[s];
        long total = 0;
        long below = 0;
        long least = min[s];
        long greatest = max[s];
        squares.addSquaresOf(s, columns, at, days == 0 ? at : at + dayEnd[days - 1]);
        int i = at;
        for (int d = 0; d < days; d++) {
            long onDay = 0;
            for (int end = at + dayEnd[d]; i < end; i++) {
                long v = columns[i];
                columns[i] = 0;
                onDay += v;
                below += v < cost ? 1 : 0;
                if (v < least) {
                    least = v;
                }
                if (v > greatest) {
                    greatest = v;
                }
            }
            byDay[s * days + d] += onDay;
            total += onDay;
        }
        sum[s] += total;
        belowCost[s] += below;
        min[s] = least;
        max[s] = greatest;
    }

    /** {@link #addAndClear} of a series whose range is not kept: its sums alone. */
    private void addSumsAndClear(int s, long[] columns, int at, int[] dayEnd) {
        squares.addSquaresOf(s, columns, at, days == 0 ? at : at + dayEnd[days - 1]);
        long total = 0;
        int i = at;
        for (int d = 0; d < days; d++) {
            long onDay = 0;
            for (int end = at + dayEnd[d]; i < end; i++) {
                onDay += columns[i];
                columns[i] = 0;
            }
            byDay[s * days + d] += onDay;
            total += onDay;
        }
        sum[s] += total;
    }

    /**
     * Adds series {@code s}'s payouts of a chunk, summed as {@link #addAndClear} would: {@code daySums[d]} day {@code d}'s
     * and their squares summed as a stretch ({@link ExactSquares#addSquares(int, ExactSquares.Stretch)}, its
     * {@link ExactSquares.Stretch#exact} true, at most {@link ExactSquares#STRETCH} values).
     */
    void addSums(int s, long[] daySums, ExactSquares.Stretch stretch) {
        squares.addSquares(s, stretch);
        long total = 0;
        for (int d = 0; d < days; d++) {
            byDay[s * days + d] += daySums[d];
            total += daySums[d];
        }
        sum[s] += total;
    }

    /**
     * Sets series {@code to}'s sums, squares and sums by day to series {@code from}'s (equal to it run for run; neither
     * keeping a range, which would count the runs below a cost of each series' own).
     */
    void copySums(int from, int to) {
        if (range[from] || range[to]) {
            throw new IllegalStateException("series " + from + " or " + to + " keeps a range");
        }
        sum[to] = sum[from];
        squares.copy(from, to);
        System.arraycopy(byDay, from * days, byDay, to * days, days);
    }

    /** Adds a chunk's tallies. */
    synchronized void addChunk(SeriesTallies chunk) {
        for (int s = 0; s < sum.length; s++) {
            sum[s] = Math.addExact(sum[s], chunk.sum[s]);
            belowCost[s] += chunk.belowCost[s];
            min[s] = Math.min(min[s], chunk.min[s]);
            max[s] = Math.max(max[s], chunk.max[s]);
        }
        squares.addAll(chunk.squares);
        for (int k = 0; k < byDay.length; k++) {
            byDay[k] = Math.addExact(byDay[k], chunk.byDay[k]);
        }
    }

    /** Adds {@code runs} runs without an exit: every series pays them nothing. */
    synchronized void addRunsWithoutExit(long runs) {
        if (runs == 0) {
            return;
        }
        for (int s = 0; s < sum.length; s++) {
            belowCost[s] += 0 < costCents[s] ? runs : 0;
            min[s] = Math.min(min[s], 0);
            max[s] = Math.max(max[s], 0);
        }
    }

    /** The distinct exit days. */
    int days() {
        return days;
    }

    /** The series tallied. */
    int size() {
        return sum.length;
    }

    long costCents(int s) {
        return costCents[s];
    }

    long sum(int s) {
        return sum[s];
    }

    /**
     * Whether series {@code s}'s least, greatest and runs below cost ({@link #min}, {@link #max}, {@link #belowCost}) are
     * kept.
     */
    boolean keepsRange(int s) {
        return range[s];
    }

    long belowCost(int s) {
        return kept(s, belowCost);
    }

    long min(int s) {
        return kept(s, min);
    }

    long max(int s) {
        return kept(s, max);
    }

    private long kept(int s, long[] tally) {
        if (!range[s]) {
            throw new IllegalStateException("series " + s + " keeps no range");
        }
        return tally[s];
    }

    /** The series' payouts squared, summed. */
    java.math.BigInteger squares(int s) {
        return squares.get(s);
    }

    /** The series' payouts summed per exit day, a copy. */
    long[] byDay(int s) {
        return Arrays.copyOfRange(byDay, s * days, (s + 1) * days);
    }
}
