package org.msocap.simulation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pass of the enterprise-value and equity-proceeds statistics, kept by the drivers' pass chunk by chunk as it
 * writes them: over the runs with an exit, per series the exact sum and sum of squares however large
 * ({@link ExactSquares}: the mean and the standard deviation from them), the least and greatest value, and the values
 * counted per {@link LogBuckets} bucket. Kept per thread and added up once: integers, least and greatest, so neither
 * the chunks' order nor the thread count can change a number.
 */
final class ValueTallies {

    private final int series;
    private final ThreadLocal<Tally> byThread;
    private final List<Tally> all = new ArrayList<>();
    private Tally total;

    ValueTallies(int series) {
        this.series = series;
        byThread = ThreadLocal.withInitial(() -> {
            Tally mine = new Tally(series);
            synchronized (all) {
                all.add(mine);
            }
            return mine;
        });
    }

    /**
     * Tallies series {@code s}'s values {@code values[from .. to)}, at most a chunk of them, every one of a run with an
     * exit.
     */
    void add(int s, long[] values, int from, int to) {
        Tally t = byThread.get();
        long sum = 0;
        long least = t.min[s];
        long greatest = t.max[s];
        // The squares in three pieces (ExactSquares).
        long hiHi = 0;
        long hiLo = 0;
        long loLo = 0;
        int[] counts = t.counts;
        int bucketFrom = s * LogBuckets.COUNT;
        for (int i = from; i < to; i++) {
            long v = values[i];
            // A chunk's 4096 values within the amount limit: no sum overflows.
            sum += v;
            if (v < least) {
                least = v;
            }
            if (v > greatest) {
                greatest = v;
            }
            long hi = v >> ExactSquares.LOW_BITS;
            long lo = v & ExactSquares.LOW_MASK;
            hiHi += hi * hi;
            hiLo += hi * lo;
            loLo += lo * lo;
            // LogBuckets.of, written out: a call a value less under C1.
            int b = (int) (Double.doubleToRawLongBits((double) (v & ~(v >> 63))) >>> SHIFT) - ONE;
            counts[bucketFrom + (b & ~(b >> 31))]++;
        }
        t.min[s] = least;
        t.max[s] = greatest;
        t.exact.add(2 * s, sum);
        t.exact.addSquares(2 * s + 1, hiHi, hiLo, loLo);
    }

    private static final int SHIFT = 52 - LogBuckets.BITS;
    private static final int ONE = (1023 << LogBuckets.BITS) - 1;

    /** Every thread's tallies added up; once every chunk is tallied. */
    synchronized Tally total() {
        if (total == null) {
            Tally sum = new Tally(series);
            synchronized (all) {
                for (Tally t : all) {
                    sum.addAll(t);
                }
            }
            total = sum;
        }
        return total;
    }

    /** One thread's tallies, or all of them added. */
    static final class Tally {
        /** Per series {@code s}, its exact sum in slot {@code 2s}, its squares summed in {@code 2s + 1}. */
        private final ExactSquares exact;
        private final long[] min;
        private final long[] max;
        private final int[] counts;

        private Tally(int series) {
            exact = new ExactSquares(2 * series);
            min = new long[series];
            max = new long[series];
            java.util.Arrays.fill(min, Long.MAX_VALUE);
            java.util.Arrays.fill(max, Long.MIN_VALUE);
            counts = new int[series * LogBuckets.COUNT];
        }

        private void addAll(Tally t) {
            exact.addAll(t.exact);
            for (int s = 0; s < min.length; s++) {
                min[s] = Math.min(min[s], t.min[s]);
                max[s] = Math.max(max[s], t.max[s]);
            }
            for (int k = 0; k < counts.length; k++) {
                counts[k] += t.counts[k];
            }
        }

        /** The values' exact sum. */
        BigInteger sum(int s) {
            return exact.get(2 * s);
        }

        /** The values squared, summed. */
        BigInteger squares(int s) {
            return exact.get(2 * s + 1);
        }

        long min(int s) {
            return min[s];
        }

        long max(int s) {
            return max[s];
        }

        /** The counts of every series: series {@code s}'s bucket {@code b} at {@code s × LogBuckets.COUNT + b}. */
        int[] counts() {
            return counts;
        }
    }
}
