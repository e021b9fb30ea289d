package org.msocap.simulation;

import java.util.Arrays;

/**
 * The nearest-rank percentiles of {@link LineSeries}' series from their lines, without a pass over every value: each exit
 * run's value is its piece's estimate plus a correction of at most {@link CompactSeries#MAX_CORRECTION} cents either way,
 * and on a piece of non-negative slope the estimate never decreases as the proceeds grow (a long's difference, its
 * double, a product by a non-negative constant, a sum and the cast to long are each monotone); on a falling piece it never
 * increases. So with every piece's runs sorted once by proceeds (shared by every series), how many estimates lie at or
 * below a value is a binary search per piece; a search over values finds a narrow range holding the rank's estimate, and
 * only the runs whose estimate lies within two corrections of it are looked at exactly (a flat piece's runs counted at
 * once when they share a correction too). Series kept whole or with chunks kept exactly have no such bound: the caller
 * counts their values as before.
 */
final class LineRanks {

    /** The widest range of estimates the search leaves for the exact look (the look's counts: this plus six corrections). */
    private static final int SPAN = 256;
    private static final int C = CompactSeries.MAX_CORRECTION;
    /** {@link Series#flatCorrection}'s marks: not looked at yet, and corrections that differ (beyond a byte's range). */
    private static final int UNKNOWN = Integer.MIN_VALUE;
    private static final int MIXED = Integer.MAX_VALUE;
    /** The runs a bucket of the sort holds on average. */
    private static final int RUNS_A_BUCKET = 4;
    /** A bucket holding more runs than this is sorted by Arrays.sort: an insertion sort's steps grow as their square. */
    private static final int CROWDED = 32;

    private final int runs;
    /** Runs without an exit: piece 0, every series exactly 0. */
    private final int withoutExit;
    /** Per piece, where its runs start in {@link #sorted} ({@code pieceFrom[p + 1]} its end); piece 0 holds none. */
    private final int[] pieceFrom;
    /** Per exit run by piece and proceeds: {@code (proceeds − start) << runBits | run}. */
    private final long[] sorted;
    private final int runBits;
    private final long runMask;

    private LineRanks(int runs, int withoutExit, int[] pieceFrom, long[] sorted, int runBits) {
        this.runs = runs;
        this.withoutExit = withoutExit;
        this.pieceFrom = pieceFrom;
        this.sorted = sorted;
        this.runBits = runBits;
        this.runMask = (1L << runBits) - 1;
    }

    /**
     * The exit runs of {@code pieceOf} sorted by piece then by proceeds within each; null when a place along a piece does
     * not fit beside a run's number in a long (proceeds past about 2⁴³ cents on a million runs). A count per piece and
     * the runs written out by piece (a few hundred streams, each written in order); then each piece, a few thousand runs
     * in the caches, by buckets of about {@link #RUNS_A_BUCKET} runs evenly spaced along it and an insertion sort: a few
     * steps a run where a general sort takes about log₂ of the piece's runs.
     */
    static LineRanks of(long[] proceeds, char[] pieceOf, long[] start, int runs) {
        int pieces = start.length;
        int runBits = 64 - Long.numberOfLeadingZeros(Math.max(1, runs - 1));
        long limit = 1L << (63 - runBits);
        int[] pieceFrom = new int[pieces + 1];
        for (int run = 0; run < runs; run++) {
            pieceFrom[pieceOf[run] + 1]++;
        }
        int withoutExit = pieceFrom[1];
        pieceFrom[1] = 0;
        int largest = 0;
        for (int p = 1; p < pieces; p++) {
            largest = Math.max(largest, pieceFrom[p + 1]);
            pieceFrom[p + 1] += pieceFrom[p];
        }
        long[] sorted = new long[runs - withoutExit];
        int[] next = Arrays.copyOf(pieceFrom, pieces);
        for (int run = 0; run < runs; run++) {
            int p = pieceOf[run];
            if (p != 0) {
                long along = proceeds[run] - start[p];
                if (along < 0 || along >= limit) {
                    return null;
                }
                sorted[next[p]++] = along << runBits | run;
            }
        }
        long[] buffer = new long[largest];
        int[] bucketFrom = new int[largest / RUNS_A_BUCKET + 2];
        for (int p = 1; p < pieces; p++) {
            sortPiece(sorted, pieceFrom[p], pieceFrom[p + 1], runBits, buffer, bucketFrom);
        }
        return new LineRanks(runs, withoutExit, pieceFrom, sorted, runBits);
    }

    /** Sorts {@code keys[from, to)} by buckets evenly spaced over their places along (the bits above {@code runBits}). */
    private static void sortPiece(long[] keys, int from, int to, int runBits, long[] buffer, int[] bucketFrom) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        long farthest = 0;
        for (int i = from; i < to; i++) {
            farthest = Math.max(farthest, keys[i] >>> runBits);
        }
        int buckets = Math.max(1, n / RUNS_A_BUCKET);
        // farthest × buckets / (farthest + 1) < buckets but for rounding, which the min takes back.
        double scale = buckets / (farthest + 1.0);
        Arrays.fill(bucketFrom, 0, buckets + 1, 0);
        for (int i = from; i < to; i++) {
            bucketFrom[Math.min(buckets - 1, (int) ((keys[i] >>> runBits) * scale)) + 1]++;
        }
        int crowded = 0;
        for (int b = 0; b < buckets; b++) {
            crowded = Math.max(crowded, bucketFrom[b + 1]);
            bucketFrom[b + 1] += bucketFrom[b];
        }
        for (int i = from; i < to; i++) {
            int b = Math.min(buckets - 1, (int) ((keys[i] >>> runBits) * scale));
            buffer[bucketFrom[b]++] = keys[i];
        }
        System.arraycopy(buffer, 0, keys, from, n);
        if (crowded > CROWDED) {
            // bucketFrom[b] is now where bucket b ends.
            for (int b = 0, first = from; b < buckets; b++) {
                int last = from + bucketFrom[b];
                if (last - first > CROWDED) {
                    Arrays.sort(keys, first, last);
                }
                first = last;
            }
        }
        // Out of order only within buckets, each of a few runs (or sorted): a few steps a run.
        insertionSort(keys, from, to);
    }

    private static void insertionSort(long[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long v = a[i];
            int j = i - 1;
            while (j >= from && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /**
     * The values at {@code indexes} (ascending, within {@code [0, runs)}) of the series with lines {@code base},
     * {@code slope} and corrections {@code kept} by run, were its values sorted.
     */
    long[] atSortedIndexes(double[] base, double[] slope, byte[] kept, int[] indexes) {
        Series series = new Series(base, slope, kept);
        long[] out = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            out[i] = series.at(indexes[i]);
        }
        return out;
    }

    /**
     * How many values of the series with lines {@code base}, {@code slope} and corrections {@code kept} by run lie below
     * {@code t}: per piece, the runs whose estimate lies more than a correction below {@code t} counted by a binary
     * search, and only those within a correction of it looked at exactly.
     */
    long countBelow(double[] base, double[] slope, byte[] kept, long t) {
        return new Series(base, slope, kept).below(t);
    }

    /** One series' search: its pieces' least and greatest estimates, and the corrections of its flat pieces. */
    private final class Series {
        private final double[] base;
        private final double[] slope;
        private final byte[] kept;
        /** Per piece, its runs' least and greatest estimates. */
        private final long[] low;
        private final long[] high;
        /** The pieces holding runs. */
        private final int[] all;
        private final int[] active;
        private final long least;
        private final long greatest;
        /**
         * Per piece whose runs share one estimate, their correction when they share one too (a class paid nothing or
         * capped), else {@link #MIXED}; {@link #UNKNOWN} until looked at.
         */
        private final int[] flatCorrection;

        Series(double[] base, double[] slope, byte[] kept) {
            this.base = base;
            this.slope = slope;
            this.kept = kept;
            int pieces = pieceFrom.length - 1;
            low = new long[pieces];
            high = new long[pieces];
            int[] nonEmpty = new int[pieces];
            int n = 0;
            long least = withoutExit > 0 ? 0 : Long.MAX_VALUE;
            long greatest = withoutExit > 0 ? 0 : Long.MIN_VALUE;
            for (int p = 1; p < pieces; p++) {
                int from = pieceFrom[p];
                int to = pieceFrom[p + 1];
                if (from < to) {
                    long first = estimate(base[p], slope[p], sorted[from]);
                    long last = estimate(base[p], slope[p], sorted[to - 1]);
                    low[p] = Math.min(first, last);
                    high[p] = Math.max(first, last);
                    least = Math.min(least, low[p]);
                    greatest = Math.max(greatest, high[p]);
                    nonEmpty[n++] = p;
                }
            }
            all = Arrays.copyOf(nonEmpty, n);
            active = new int[n];
            this.least = least;
            this.greatest = greatest;
            flatCorrection = new int[pieces];
            Arrays.fill(flatCorrection, UNKNOWN);
        }

        /** The value of rank {@code k} (0-based). */
        long at(int k) {
            int[] active = this.active;
            System.arraycopy(all, 0, active, 0, all.length);
            int count = all.length;
            // The rank's estimate lies in [lo, hi]: countLo estimates lie below lo, countHi at or below hi.
            long lo = least;
            long hi = greatest;
            long countLo = 0;
            long countHi = runs;
            // The runs of pieces dropped below the range (every estimate under lo − 2C: none looked at exactly).
            long under = 0;
            boolean bisect = false;
            while (hi - lo > SPAN) {
                long t;
                if (bisect) {
                    t = lo + (hi - lo) / 2;
                } else {
                    t = lo + (long) ((k + 0.5 - countLo) / (countHi - countLo) * (hi - lo));
                    t = Math.max(lo, Math.min(hi - 1, t));
                }
                long atMost = under + (t >= 0 ? withoutExit : 0);
                for (int a = 0; a < count; a++) {
                    int p = active[a];
                    atMost += high[p] <= t ? pieceFrom[p + 1] - pieceFrom[p] : low[p] > t ? 0 : atMost(p, t);
                }
                long width = hi - lo;
                if (atMost >= k + 1) {
                    hi = t;
                    countHi = atMost;
                } else {
                    lo = t + 1;
                    countLo = atMost;
                }
                // An interpolation that did not halve the range is followed by a bisection.
                bisect = !bisect && hi - lo > width / 2;
                int stay = 0;
                for (int a = 0; a < count; a++) {
                    int p = active[a];
                    if (high[p] < lo - 2 * C) {
                        under += pieceFrom[p + 1] - pieceFrom[p];
                    } else if (low[p] <= hi + 2 * C) {
                        active[stay++] = p;
                    }
                }
                count = stay;
            }
            // Every value lies within C of its estimate: the rank's value within [lo − C, hi + C], and only runs whose
            // estimate lies within [lo − 2C, hi + 2C] can take a value there; their values lie within [lo − 3C, hi + 3C].
            long first = lo - 3 * C;
            int[] byValue = new int[(int) (hi - lo) + 6 * C + 1];
            long below = under;
            if (withoutExit > 0) {
                if (0 < lo - 2 * C) {
                    below += withoutExit;
                } else if (0 <= hi + 2 * C) {
                    byValue[(int) -first] += withoutExit;
                }
            }
            for (int a = 0; a < count; a++) {
                int p = active[a];
                if (low[p] == high[p] && flatCorrection(p) != MIXED) {
                    byValue[(int) (low[p] + flatCorrection[p] - first)] += pieceFrom[p + 1] - pieceFrom[p];
                    continue;
                }
                double b = base[p];
                double m = slope[p];
                int under2 = atMost(p, lo - 2 * C - 1);
                int within = atMost(p, hi + 2 * C) - under2;
                below += under2;
                // The runs within: after those under on a rising line, before them on a falling one.
                int from = m < 0 ? pieceFrom[p + 1] - under2 - within : pieceFrom[p] + under2;
                for (int i = from; i < from + within; i++) {
                    long key = sorted[i];
                    byValue[(int) (estimate(b, m, key) + kept[(int) (key & runMask)] - first)]++;
                }
            }
            long rank = k - below;
            for (int j = 0; j < byValue.length; j++) {
                rank -= byValue[j];
                if (rank < 0) {
                    return first + j;
                }
            }
            throw new IllegalStateException("rank " + k + " not within [" + (lo - C) + ", " + (hi + C) + "]");
        }

        /** How many values lie below {@code t}. */
        long below(long t) {
            long count = 0 < t ? withoutExit : 0;
            for (int p : all) {
                int runsOn = pieceFrom[p + 1] - pieceFrom[p];
                if (high[p] < t - C) {
                    // Every value at most an estimate plus a correction: below t.
                    count += runsOn;
                } else if (low[p] < t + C) {
                    // Estimates at or below t − C − 1 are values below t; at or above t + C, values at or above t.
                    int under = atMost(p, t - C - 1);
                    int within = atMost(p, t + C - 1) - under;
                    count += under;
                    double b = base[p];
                    double m = slope[p];
                    // The runs within: after those under on a rising line, before them on a falling one.
                    int from = m < 0 ? pieceFrom[p + 1] - under - within : pieceFrom[p] + under;
                    for (int i = from; i < from + within; i++) {
                        long key = sorted[i];
                        count += estimate(b, m, key) + kept[(int) (key & runMask)] < t ? 1 : 0;
                    }
                }
            }
            return count;
        }

        /** The correction every run of flat piece {@code p} shares, or {@link #MIXED}. */
        private int flatCorrection(int p) {
            if (flatCorrection[p] == UNKNOWN) {
                // Up to the first run whose correction differs: a piece of mixed corrections is seldom read through.
                int to = pieceFrom[p + 1];
                int first = kept[(int) (sorted[pieceFrom[p]] & runMask)];
                int i = pieceFrom[p] + 1;
                while (i < to && kept[(int) (sorted[i] & runMask)] == first) {
                    i++;
                }
                flatCorrection[p] = i == to ? first : MIXED;
            }
            return flatCorrection[p];
        }

        /**
         * How many of piece {@code p}'s runs have an estimate at or below {@code t}: a prefix of its runs on a rising line,
         * a suffix on a falling one.
         */
        private int atMost(int p, long t) {
            double b = base[p];
            double m = slope[p];
            int from = pieceFrom[p];
            int to = pieceFrom[p + 1];
            int lo = from;
            int hi = to;
            if (m < 0) {
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (estimate(b, m, sorted[mid]) <= t) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                return to - lo;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (estimate(b, m, sorted[mid]) <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - from;
        }
    }

    private long estimate(double base, double slope, long key) {
        return LineSeries.estimate(base, slope, (double) (key >>> runBits));
    }
}
