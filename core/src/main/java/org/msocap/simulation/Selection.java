package org.msocap.simulation;

/**
 * Order statistics of a long array without sorting it: the largest-remainder split only needs the remainder
 * at the cut between pieces that get a left-over cent and pieces that do not, and finding it by selection is
 * linear on average where a sort of every remainder (hundreds of common holdings, every run) is not.
 */
final class Selection {

    /** Ranges this short are finished by insertion sort. */
    private static final int SMALL = 16;

    private Selection() {
    }

    /**
     * The {@code k}-th smallest of {@code a[0, n)} (0-based, duplicates counted), reordering {@code a[0, n)}:
     * Hoare's quickselect with a median-of-three pivot.
     */
    static long kthSmallest(long[] a, int n, int k) {
        return kthSmallest(a, 0, n, k);
    }

    /**
     * The value at index {@code k} of {@code a[from, to)} were it sorted ({@code from <= k < to}), reordering only
     * {@code a[from, to)}. Afterwards nothing before {@code k} in the range is larger and nothing after it smaller,
     * so further ranks above {@code k} can be selected from {@code a[k + 1, to)}.
     */
    static long kthSmallest(long[] a, int from, int to, int k) {
        if (from < 0 || k < from || k >= to || to > a.length) {
            throw new IllegalArgumentException("k " + k + " outside [" + from + ", " + to + ")");
        }
        int lo = from;
        int hi = to - 1;
        while (hi - lo >= SMALL) {
            long pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            // Afterwards a[lo..j] <= pivot, a[i..hi] >= pivot, and anything between equals the pivot.
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return pivot;
            }
        }
        for (int x = lo + 1; x <= hi; x++) {
            long v = a[x];
            int y = x - 1;
            while (y >= lo && a[y] > v) {
                a[y + 1] = a[y];
                y--;
            }
            a[y + 1] = v;
        }
        return a[k];
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** Buckets of {@link #atSortedIndexes}: the ranks asked for usually fall in buckets of a few hundred values. */
    private static final int RANK_BUCKETS = 4096;

    /**
     * The values at the given indexes of {@code values[0, n)} were it sorted ({@code indexes} ascending), without
     * reordering or copying {@code values}: one pass finds the range, a second counts the values per bucket of it
     * (the bucket never decreases as the value grows), a third copies out only the values of the buckets holding the
     * indexes asked for, and those few are selected among. Three linear passes, where selecting in place needs a
     * copy and a pass per index.
     */
    static long[] atSortedIndexes(long[] values, int n, int[] indexes) {
        if (n < 1 || n > values.length) {
            throw new IllegalArgumentException("n " + n + " outside [1, " + values.length + "]");
        }
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] < 0 || indexes[i] >= n || i > 0 && indexes[i] < indexes[i - 1]) {
                throw new IllegalArgumentException("indexes must ascend within [0, " + n + ") but were " + java.util.Arrays.toString(indexes));
            }
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int j = 0; j < n; j++) {
            min = Math.min(min, values[j]);
            max = Math.max(max, values[j]);
        }
        long[] out = new long[indexes.length];
        if (min == max) {
            java.util.Arrays.fill(out, min);
            return out;
        }
        RankBuckets buckets = new RankBuckets(min, max);
        for (int j = 0; j < n; j++) {
            buckets.count(values[j]);
        }
        return buckets.atSortedIndexes(values, n, indexes);
    }

    /**
     * The counting pass of {@link #atSortedIndexes(long[], int, int[])} on its own, so a caller that has the values'
     * range already, or writes them a stretch at a time, counts them as it goes: construct with the values' least and
     * greatest ({@code min < max}), {@link #count} every value, then {@link #atSortedIndexes}.
     */
    static final class RankBuckets {
        private final long min;
        private final double low;
        private final double scale;
        private final int[] count = new int[RANK_BUCKETS + 1];
        /** How many values equal the least: often a large share (runs without an exit pay 0), all in the first bucket. */
        private int atMin;

        RankBuckets(long min, long max) {
            // (double) v - (double) min and the product by a positive constant never decrease as v grows.
            this.min = min;
            low = min;
            scale = RANK_BUCKETS / ((double) max - low);
        }

        void count(long value) {
            count[rankBucket(value, low, scale)]++;
            atMin += value == min ? 1 : 0;
        }

        /** {@link #count}s every value of {@code values[from, to)}, in one loop without a call per value. */
        void count(long[] values, int from, int to) {
            int[] count = this.count;
            long min = this.min;
            double low = this.low;
            double scale = this.scale;
            int atMin = 0;
            for (int i = from; i < to; i++) {
                long v = values[i];
                int bucket = (int) (((double) v - low) * scale);
                count[bucket < RANK_BUCKETS - 1 ? bucket : RANK_BUCKETS - 1]++;
                atMin += v == min ? 1 : 0;
            }
            this.atMin += atMin;
        }

        /** As {@link Selection#atSortedIndexes(long[], int, int[])}, once every value of {@code values[0, n)} is counted. */
        long[] atSortedIndexes(long[] values, int n, int[] indexes) {
            return selectCounted(values, n, indexes, min, atMin, low, scale, count);
        }
    }

    /**
     * The selection once the values are counted per bucket; the {@code atMin} values equal to the least ({@code min},
     * all in bucket 0) are counted apart: an index among them is the least without a look at the values, and they
     * are never copied out for a selection.
     */
    private static long[] selectCounted(long[] values, int n, int[] indexes, long min, int atMin, double low, double scale,
                                        int[] count) {
        long[] out = new long[indexes.length];
        count = count.clone();
        count[0] -= atMin;
        // Per index asked for, its bucket and its rank within it; each distinct bucket gets one slot.
        int[] slotOfBucket = new int[RANK_BUCKETS];
        java.util.Arrays.fill(slotOfBucket, -1);
        int[] bucketOf = new int[indexes.length];
        int[] rankIn = new int[indexes.length];
        int[] slotSize = new int[indexes.length];
        int slots = 0;
        int bucket = 0;
        int before = atMin;
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] < atMin) {
                bucketOf[i] = -1;
                out[i] = min;
                continue;
            }
            while (before + count[bucket] <= indexes[i]) {
                before += count[bucket];
                bucket++;
            }
            bucketOf[i] = bucket;
            rankIn[i] = indexes[i] - before;
            if (slotOfBucket[bucket] < 0) {
                slotOfBucket[bucket] = slots;
                slotSize[slots++] = count[bucket];
            }
        }
        long[][] slot = new long[slots][];
        for (int k = 0; k < slots; k++) {
            slot[k] = new long[slotSize[k]];
        }
        int[] filled = new int[slots];
        if (slots == 0) {
            return out;
        }
        for (int j = 0; j < n; j++) {
            long v = values[j];
            int b = (int) (((double) v - low) * scale);   // rankBucket, written out: one call a value less
            int k = slotOfBucket[b < RANK_BUCKETS - 1 ? b : RANK_BUCKETS - 1];
            if (k >= 0 && v != min) {
                slot[k][filled[k]++] = v;
            }
        }
        for (int i = 0; i < indexes.length; i++) {
            if (bucketOf[i] < 0) {
                continue;
            }
            long[] inBucket = slot[slotOfBucket[bucketOf[i]]];
            out[i] = kthSmallest(inBucket, inBucket.length, rankIn[i]);
        }
        return out;
    }

    private static int rankBucket(long value, double low, double scale) {
        return Math.min(RANK_BUCKETS - 1, (int) (((double) value - low) * scale));
    }

    /** Buckets of {@link #kthLargestBelow}: enough that the cut bucket holds a handful of values. */
    static final int BUCKETS = 64;

    /**
     * The {@code k}-th largest (1-based) of {@code values[0, m)}, all in {@code [0, bound)}, without reordering
     * them: one pass counts the values per bucket of the range (the bucket of a value never decreases as the value
     * grows, so buckets are ordered), a second copies the values of the bucket holding the cut into
     * {@code scratch}, and only those few are selected among. {@code counts} needs {@link #BUCKETS} entries,
     * {@code scratch} {@code m}.
     */
    static long kthLargestBelow(long[] values, int m, long bound, int k, int[] counts, long[] scratch) {
        if (k < 1 || k > m || bound <= 0) {
            throw new IllegalArgumentException("k " + k + " outside [1, " + m + "] or bound " + bound + " not positive");
        }
        java.util.Arrays.fill(counts, 0, BUCKETS, 0);
        double scale = BUCKETS / (double) bound;
        for (int j = 0; j < m; j++) {
            counts[bucket(values[j], scale)]++;
        }
        int cutBucket = BUCKETS - 1;
        int above = 0;
        while (above + counts[cutBucket] < k) {
            above += counts[cutBucket];
            cutBucket--;
        }
        int inBucket = 0;
        for (int j = 0; j < m; j++) {
            // Written always, kept when in the cut bucket: no branch on a comparison that is a coin toss per value.
            long v = values[j];
            scratch[inBucket] = v;
            inBucket += bucket(v, scale) == cutBucket ? 1 : 0;
        }
        // The (k - above)-th largest of the bucket is its (inBucket - (k - above))-th smallest.
        return kthSmallest(scratch, inBucket, inBucket - (k - above));
    }

    /** Monotone in the value: a long's double and a product by a positive constant never decrease as it grows. */
    private static int bucket(long value, double scale) {
        return Math.min(BUCKETS - 1, (int) (value * scale));
    }
}
