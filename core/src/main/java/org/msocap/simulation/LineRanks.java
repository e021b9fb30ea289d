package org.msocap.simulation;

import java.util.Arrays;

/**
 * The nearest-rank percentiles of {@link LineSeries}' series from their lines, without a pass over every value: each exit
 * run's value is its piece's estimate plus a correction of at most {@link CompactSeries#MAX_CORRECTION} cents either way,
 * and on a piece of non-negative slope the estimate never decreases as the proceeds grow (a long's difference, its
 * double, a product by a non-negative constant, a sum and the cast to long are each monotone); on a falling piece it never
 * increases. So with every piece's runs put once into buckets by proceeds (shared by every series), how many estimates
 * lie at or below a value is a binary search over a piece's bucket edges and a read of the one bucket straddling it; a
 * search over values finds a narrow range holding the rank's estimate, and only the runs whose estimate lies within two
 * corrections of it are looked at exactly (a flat piece's runs counted at once when they share a correction too). Series
 * kept whole or with chunks kept exactly have no such bound: the caller counts their values as before.
 */
final class LineRanks {

    /** The widest range of estimates the search leaves for the exact look (the look's counts: this plus six corrections). */
    private static final int SPAN = 256;
    /** The probes a series keeps for its later searches ({@link Series#probe}). */
    private static final int PROBES = 256;
    private static final int C = CompactSeries.MAX_CORRECTION;
    /** {@link Series#flatCorrection}'s marks: not looked at yet, and corrections that differ (beyond a byte's range). */
    private static final int UNKNOWN = Integer.MIN_VALUE;
    private static final int MIXED = Integer.MAX_VALUE;
    /** A piece's runs per bucket at least (two to four on average: buckets are a power of two wide along it). */
    private static final int RUNS_A_BUCKET = 2;
    /**
     * A bucket holding more runs than this (ties of proceeds, or runs crowded along a piece) is sorted by Arrays.sort,
     * so a count within it is a binary search; smaller ones are read through.
     */
    private static final int CROWDED = 32;

    private final int runs;
    /** Runs without an exit: piece 0, every series exactly 0. */
    private final int withoutExit;
    /** Per piece, where its runs start in {@link #sorted} ({@code pieceFrom[p + 1]} its end); piece 0 holds none. */
    private final int[] pieceFrom;
    /** Per piece, its runs' least and greatest places along it (its first and last run's estimates bound the rest). */
    private final long[] nearest;
    private final long[] farthest;
    /** Per piece, the width of its buckets along it: {@code 2^shift} cents. */
    private final int[] shift;
    /**
     * Per piece, where its buckets' entries start in {@link #bucketFrom}: {@code bucketFrom[bucketBase[p] + b]} is where
     * its bucket {@code b} starts in {@link #sorted}, the entry after its last bucket the piece's end.
     */
    private final int[] bucketBase;
    private final int[] bucketFrom;
    /**
     * Per exit run: {@code (proceeds − start) << runBits | run}, by piece, then by bucket (a place along shifted right by
     * the piece's {@link #shift}); within a bucket in no order, but sorted when crowded.
     */
    private final long[] sorted;
    private final int runBits;
    private final long runMask;
    /** Per run, its piece (the caller's, not copied): {@link Series#resolveFlat}'s pieces of the runs it finds mixed. */
    private final char[] pieceOf;

    private LineRanks(int runs, int withoutExit, int[] pieceFrom, long[] nearest, long[] farthest, int[] shift,
                      int[] bucketBase, int[] bucketFrom, long[] sorted, int runBits, char[] pieceOf) {
        this.pieceOf = pieceOf;
        this.runs = runs;
        this.withoutExit = withoutExit;
        this.pieceFrom = pieceFrom;
        this.nearest = nearest;
        this.farthest = farthest;
        this.shift = shift;
        this.bucketBase = bucketBase;
        this.bucketFrom = bucketFrom;
        this.sorted = sorted;
        this.runBits = runBits;
        this.runMask = (1L << runBits) - 1;
    }

    /**
     * The exit runs of {@code pieceOf} by piece then by buckets along each; null when a place along a piece does not fit
     * beside a run's number in a long (proceeds past about 2⁴³ cents on a million runs). A count per piece and the runs
     * written out by piece (a few hundred streams, each written in order, each piece's farthest place noted; its nearest
     * is read from its first bucket afterwards, a minimum kept a run less); then each
     * piece, a few thousand runs in the caches, by buckets of a power-of-two width along it, about {@link #RUNS_A_BUCKET}
     * to twice that a bucket: a count and a write-out, and no order within a bucket (but a crowded one's): a search's
     * count reads the one bucket that straddles its value ({@link Series#atMost}), where an insertion sort within every
     * bucket cost the sort as much again. One method, so that its loops run compiled after the first few pieces (a
     * method called per piece runs interpreted for its first hundred calls).
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
        long[] nearest = new long[pieces];
        long[] farthest = new long[pieces];
        Arrays.fill(nearest, Long.MAX_VALUE);
        for (int run = 0; run < runs; run++) {
            int p = pieceOf[run];
            if (p != 0) {
                long along = proceeds[run] - start[p];
                if (along < 0 || along >= limit) {
                    return null;
                }
                farthest[p] = Math.max(farthest[p], along);
                sorted[next[p]++] = along << runBits | run;
            }
        }
        // Each piece's width of bucket: the least power of two leaving at most n / RUNS_A_BUCKET buckets.
        int[] shift = new int[pieces];
        int[] bucketBase = new int[pieces + 1];
        int mostBuckets = 1;
        for (int p = 1; p < pieces; p++) {
            int n = pieceFrom[p + 1] - pieceFrom[p];
            int s = 0;
            while ((farthest[p] >>> s) >= Math.max(1, n / RUNS_A_BUCKET)) {
                s++;
            }
            shift[p] = s;
            int buckets = n == 0 ? 0 : (int) (farthest[p] >>> s) + 1;
            mostBuckets = Math.max(mostBuckets, buckets);
            bucketBase[p + 1] = bucketBase[p] + buckets + 1;
        }
        int[] bucketFrom = new int[bucketBase[pieces]];
        long[] buffer = new long[largest];
        int[] cursor = new int[mostBuckets];
        for (int p = 1; p < pieces; p++) {
            int from = pieceFrom[p];
            int to = pieceFrom[p + 1];
            if (from == to) {
                continue;
            }
            int s = shift[p] + runBits;
            int base = bucketBase[p];
            int buckets = bucketBase[p + 1] - base - 1;
            for (int i = from; i < to; i++) {
                cursor[(int) (sorted[i] >>> s)]++;
            }
            int crowded = 0;
            for (int b = 0, at = from; b < buckets; b++) {
                int count = cursor[b];
                crowded = Math.max(crowded, count);
                bucketFrom[base + b] = at;
                cursor[b] = at - from;
                at += count;
            }
            bucketFrom[base + buckets] = to;
            for (int i = from; i < to; i++) {
                long key = sorted[i];
                buffer[cursor[(int) (key >>> s)]++] = key;
            }
            System.arraycopy(buffer, 0, sorted, from, to - from);
            Arrays.fill(cursor, 0, buckets, 0);
            // The piece's nearest place: the least among its first bucket's runs (not a minimum kept run by run above).
            int firstBucket = base;
            while (bucketFrom[firstBucket + 1] == from) {
                firstBucket++;
            }
            long least = Long.MAX_VALUE;
            for (int i = from; i < bucketFrom[firstBucket + 1]; i++) {
                least = Math.min(least, sorted[i]);
            }
            nearest[p] = least >>> runBits;
            if (crowded > CROWDED) {
                for (int b = base; b < base + buckets; b++) {
                    if (bucketFrom[b + 1] - bucketFrom[b] > CROWDED) {
                        Arrays.sort(sorted, bucketFrom[b], bucketFrom[b + 1]);
                    }
                }
            }
        }
        return new LineRanks(runs, withoutExit, pieceFrom, nearest, farthest, shift, bucketBase, bucketFrom, sorted, runBits,
                pieceOf);
    }

    /**
     * The values at {@code indexes} (ascending, within {@code [0, runs)}) of the series with lines {@code base},
     * {@code slope} and corrections {@code kept} by run, were its values sorted.
     */
    long[] atSortedIndexes(double[] base, double[] slope, byte[] kept, int[] indexes) {
        return new Series(base, slope, kept).atAll(indexes, 0);
    }

    /**
     * {@link #atSortedIndexes} of the series, then {@link #countBelow} {@code t} last: one search of the series for both,
     * its flat pieces' corrections read once (a run's correction is a cache miss: ~8 ns).
     */
    long[] atSortedIndexesAndBelow(double[] base, double[] slope, byte[] kept, int[] indexes, long t) {
        Series series = new Series(base, slope, kept);
        long[] out = series.atAll(indexes, 1);
        out[indexes.length] = series.below(t);
        return out;
    }

    /**
     * How many values of the series with lines {@code base}, {@code slope} and corrections {@code kept} by run lie below
     * {@code t}: per piece, the runs whose estimate lies more than a correction below {@code t} counted by their buckets,
     * and only those within a correction of it looked at exactly.
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
        /** The pieces of the last probe's buckets straddling it, each bucket's end ({@link #edge}), and their runs. */
        private final int[] straddlePiece;
        private final int[] straddleEdge;
        private int straddling;
        private long straddlingRuns;
        /** The runs of pieces dropped below the search's range (every estimate under lo − 2C: none looked at exactly). */
        private long under;
        /** The least and greatest estimate (0 among them when some runs have no exit). */
        private long least;
        private long greatest;
        /**
         * The earlier searches' probes ({@link #at}): each value probed, with at least {@code probeAtLeast} and at most
         * {@code probeAtMost} estimates at or below it; they bound the search of any rank from either side.
         */
        private final long[] probe = new long[PROBES];
        private final long[] probeAtLeast = new long[PROBES];
        private final long[] probeAtMost = new long[PROBES];
        private int probes;
        /**
         * Per piece whose runs share one estimate, their correction when they share one too (a class paid nothing or
         * capped), else {@link #MIXED}; {@link #UNKNOWN} until looked at.
         */
        private final int[] flatCorrection;
        /** {@link #resolveFlat}'s runs marked, a bit a run; all clear between its calls (null until first needed). */
        private long[] marks;

        Series(double[] base, double[] slope, byte[] kept) {
            this.base = base;
            this.slope = slope;
            this.kept = kept;
            int pieces = pieceFrom.length - 1;
            low = new long[pieces];
            high = new long[pieces];
            int[] nonEmpty = new int[pieces];
            int n = 0;
            least = withoutExit > 0 ? 0 : Long.MAX_VALUE;
            greatest = withoutExit > 0 ? 0 : Long.MIN_VALUE;
            // A call a piece: a method called thousands of times runs compiled after its first few hundred calls, where
            // this constructor, called once a series, would run the loop's body interpreted every time.
            for (int p = 1; p < pieces; p++) {
                if (bound(p)) {
                    nonEmpty[n++] = p;
                }
            }
            all = Arrays.copyOf(nonEmpty, n);
            active = new int[n];
            straddlePiece = new int[n];
            straddleEdge = new int[n];
            flatCorrection = new int[pieces];
            Arrays.fill(flatCorrection, UNKNOWN);
        }

        /** Notes piece {@code p}'s least and greatest estimate, and the series'; false when it holds no run. */
        private boolean bound(int p) {
            if (pieceFrom[p] == pieceFrom[p + 1]) {
                return false;
            }
            long first = LineSeries.estimate(base[p], slope[p], (double) nearest[p]);
            long last = LineSeries.estimate(base[p], slope[p], (double) farthest[p]);
            low[p] = Math.min(first, last);
            high[p] = Math.max(first, last);
            least = Math.min(least, low[p]);
            greatest = Math.max(greatest, high[p]);
            return true;
        }

        /** The value of rank {@code k} (0-based). */
        long at(int k) {
            int[] active = this.active;
            System.arraycopy(all, 0, active, 0, all.length);
            int count = all.length;
            // The rank's estimate lies in [lo, hi]: at least countLo estimates lie below lo, at least countHi at or below hi
            // (a probe counts the runs of the buckets straddling it only when they decide the side): the interpolation's guide.
            long lo = least;
            long hi = greatest;
            long countLo = 0;
            long countHi = runs;
            under = 0;
            // The earlier ranks' probes narrow the range first (the percentiles' searches cross each other's ranges), the
            // pieces wholly outside it dropped at once.
            for (int i = 0; i < probes; i++) {
                long t = probe[i];
                if (probeAtMost[i] < k + 1 && t + 1 > lo) {
                    lo = t + 1;
                    countLo = probeAtLeast[i];
                } else if (probeAtLeast[i] >= k + 1 && t < hi) {
                    hi = t;
                    countHi = probeAtLeast[i];
                }
            }
            if (probes > 0) {
                count = keepNear(count, lo, hi);
            }
            boolean bisect = false;
            while (hi - lo > SPAN) {
                long t;
                if (bisect) {
                    t = lo + (hi - lo) / 2;
                } else {
                    t = lo + (long) ((k + 0.5 - countLo) / (countHi - countLo) * (hi - lo));
                    t = Math.max(lo, Math.min(hi - 1, t));
                }
                long atMost = under + (t >= 0 ? withoutExit : 0) + wholeAtMost(count, t);
                // The runs of the buckets straddling t are read only when they decide on which side of t the rank lies:
                // seldom but near the search's end.
                long upTo = atMost + straddlingRuns;
                if (atMost < k + 1 && upTo >= k + 1) {
                    atMost += straddlingAtMost(t);
                    upTo = atMost;
                }
                if (probes < PROBES) {
                    probe[probes] = t;
                    probeAtLeast[probes] = atMost;
                    probeAtMost[probes++] = upTo;
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
                count = keepNear(count, lo, hi);
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
            resolveFlat(active, count, lo - 2 * C, hi + 2 * C);
            for (int a = 0; a < count; a++) {
                below += lookNear(active[a], lo - 2 * C, hi + 2 * C, byValue, first);
            }
            int j = rankIn(byValue, k - below);
            if (j < 0) {
                throw new IllegalStateException("rank " + k + " not within [" + (lo - C) + ", " + (hi + C) + "]");
            }
            return first + j;
        }

        /**
         * Keeps active those of the {@code count} active pieces that may still hold runs whose value lies within
         * {@code [lo − C, hi + C]}; counts those dropped below the range ({@link #under}). Returns how many stay.
         */
        private int keepNear(int count, long lo, long hi) {
            int stay = 0;
            for (int a = 0; a < count; a++) {
                int p = active[a];
                if (high[p] < lo - 2 * C) {
                    under += pieceFrom[p + 1] - pieceFrom[p];
                } else if (low[p] <= hi + 2 * C) {
                    active[stay++] = p;
                }
            }
            return stay;
        }

        /**
         * {@link #look} of piece {@code p}, a flat piece whose runs share their correction counted at once: how many of
         * its runs lie below {@code from}.
         */
        private int lookNear(int p, long from, long to, int[] byValue, long first) {
            if (low[p] == high[p] && flatCorrection(p) != MIXED) {
                byValue[(int) (low[p] + flatCorrection[p] - first)] += pieceFrom[p + 1] - pieceFrom[p];
                return 0;
            }
            return look(p, from, to, byValue, first);
        }

        /** Its values at {@code indexes} were they sorted, in an array of {@code spare} more slots. */
        long[] atAll(int[] indexes, int spare) {
            long[] out = new long[indexes.length + spare];
            for (int i = 0; i < indexes.length; i++) {
                out[i] = at(indexes[i]);
            }
            return out;
        }

        /**
         * How many values lie below {@code t}: a piece's runs whose estimate lies below {@code t − C} all do, those whose
         * estimate lies at or above {@code t + C} none; the rest are counted by value ({@link #lookNear}).
         */
        long below(long t) {
            long from = t - C;
            long to = t + C - 1;
            long first = from - C;
            int[] byValue = new int[(int) (to + C - first) + 1];
            long count = 0 < t ? withoutExit : 0;
            resolveFlat(all, all.length, from, to);
            for (int p : all) {
                if (high[p] < from) {
                    count += pieceFrom[p + 1] - pieceFrom[p];
                } else if (low[p] <= to) {
                    count += lookNear(p, from, to, byValue, first);
                }
            }
            for (int v = 0; v < t - first; v++) {
                count += byValue[v];
            }
            return count;
        }

        /**
         * {@link #flatCorrection} of the flat pieces among the {@code count} first of {@code pieces} whose estimate lies
         * within {@code [from, to]} (those the exact look will count), at once when they hold more runs than
         * {@link #marks} has words: their runs marked by run, then their corrections read in run order. Read piece by
         * piece, each run's correction was a cache miss (~6 ns: a flat piece's few hundred runs lie spread over the whole
         * series); in run order they are read as a stream. Pieces whose first run's correction differs from the first
         * piece's are left to {@link #flatCorrection}; a run whose correction differs marks its piece {@link #MIXED}.
         * Statistics 0.915 of main's in process, against 0.935 without (benchmarks/README.md, session 22, stat23); a
         * second bitmap of the words holding a mark, so that the pass skips the empty words, measured slower (0.915
         * against 0.873 beside it).
         */
        private void resolveFlat(int[] pieces, int count, long from, long to) {
            int words = (runs >>> 6) + 1;
            long flatRuns = 0;
            for (int a = 0; a < count; a++) {
                int p = pieces[a];
                if (low[p] == high[p] && low[p] >= from && low[p] <= to && flatCorrection[p] == UNKNOWN) {
                    flatRuns += pieceFrom[p + 1] - pieceFrom[p];
                }
            }
            if (flatRuns <= words) {
                return;
            }
            if (marks == null) {
                marks = new long[words];
            }
            long[] marks = this.marks;
            int shared = UNKNOWN;
            for (int a = 0; a < count; a++) {
                int p = pieces[a];
                if (low[p] == high[p] && low[p] >= from && low[p] <= to && flatCorrection[p] == UNKNOWN) {
                    int first = kept[(int) (sorted[pieceFrom[p]] & runMask)];
                    if (shared == UNKNOWN) {
                        shared = first;
                    }
                    if (first == shared) {
                        flatCorrection[p] = first;
                        mark(marks, pieceFrom[p], pieceFrom[p + 1]);
                    }
                }
            }
            byte[] kept = this.kept;
            for (int w = 0; w < words; w++) {
                long bits = marks[w];
                if (bits == 0) {
                    continue;
                }
                marks[w] = 0;
                int at = w << 6;
                do {
                    long lowest = bits & -bits;
                    int run = at + BIT_OF[(int) ((lowest * DE_BRUIJN) >>> 58)];
                    if (kept[run] != shared) {
                        flatCorrection[pieceOf[run]] = MIXED;
                    }
                    bits ^= lowest;
                } while (bits != 0);
            }
        }

        /** Marks the runs of {@code sorted[from, to)} in {@code marks}, a bit a run. */
        private void mark(long[] marks, int from, int to) {
            long[] sorted = LineRanks.this.sorted;
            long runMask = LineRanks.this.runMask;
            for (int i = from; i < to; i++) {
                int run = (int) (sorted[i] & runMask);
                marks[run >>> 6] |= 1L << run;
            }
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
         * Counts piece {@code p}'s runs whose estimate lies within {@code [from, to]} by value ({@code byValue[value −
         * first]}, the value its estimate plus its correction); returns how many lie below {@code from}. Only the buckets
         * that can hold such runs are read: those between the ones straddling {@code from − 1} and {@code to}.
         */
        private int look(int p, long from, long to, int[] byValue, long first) {
            double b = base[p];
            double m = slope[p];
            int bucket0 = bucketBase[p];
            int readFrom;
            int readTo;
            int below;
            if (m < 0) {
                // Falling: the buckets from the one straddling `to` up to where every estimate lies below `from`.
                int under = edge(p, from - 1);
                readFrom = bucketFrom[bucket0 + Math.max(0, edge(p, to) - 1)];
                readTo = bucketFrom[bucket0 + under];
                below = pieceFrom[p + 1] - readTo;
            } else {
                readFrom = bucketFrom[bucket0 + Math.max(0, edge(p, from - 1) - 1)];
                readTo = bucketFrom[bucket0 + edge(p, to)];
                below = readFrom - pieceFrom[p];
            }
            for (int i = readFrom; i < readTo; i++) {
                long key = sorted[i];
                long estimate = estimate(b, m, key);
                if (estimate < from) {
                    below++;
                } else if (estimate <= to) {
                    byValue[(int) (estimate + kept[(int) (key & runMask)] - first)]++;
                }
            }
            return below;
        }

        /**
         * How many runs of the {@code count} active pieces lie in buckets whose every estimate is at or below {@code t}:
         * the pieces wholly at or below it, and of those straddling it the buckets wholly at or below it (a prefix of
         * them on a rising line, a suffix on a falling one). The one bucket of each straddling {@code t} is noted
         * ({@link #straddlePiece}, {@link #straddleEdge}) with the runs they hold ({@link #straddlingRuns}).
         */
        private long wholeAtMost(int count, long t) {
            long atMost = 0;
            int straddling = 0;
            long runsStraddling = 0;
            for (int a = 0; a < count; a++) {
                int p = active[a];
                if (high[p] <= t) {
                    atMost += pieceFrom[p + 1] - pieceFrom[p];
                } else if (low[p] <= t) {
                    int bucket = edge(p, t);
                    int first = bucketBase[p];
                    if (slope[p] < 0) {
                        atMost += pieceFrom[p + 1] - bucketFrom[first + bucket];
                    } else if (bucket > 0) {
                        atMost += bucketFrom[first + bucket - 1] - pieceFrom[p];
                    }
                    if (bucket > 0) {
                        straddlePiece[straddling] = p;
                        straddleEdge[straddling++] = bucket;
                        runsStraddling += bucketFrom[first + bucket] - bucketFrom[first + bucket - 1];
                    }
                }
            }
            this.straddling = straddling;
            straddlingRuns = runsStraddling;
            return atMost;
        }

        /** How many runs of the buckets {@link #wholeAtMost} noted as straddling {@code t} have an estimate at or below it. */
        private long straddlingAtMost(long t) {
            long atMost = 0;
            for (int i = 0; i < straddling; i++) {
                int p = straddlePiece[i];
                int bucket = bucketBase[p] + straddleEdge[i] - 1;
                atMost += atMostIn(p, t, bucketFrom[bucket], bucketFrom[bucket + 1]);
            }
            return atMost;
        }

        /**
         * The first of piece {@code p}'s bucket edges (bucket {@code b} starts at {@code b × 2^shift} along) whose estimate
         * lies above {@code t} on a rising line, at or below it on a falling one (its number of buckets when none does):
         * every run of the buckets from there on lies on that side of {@code t}, every run of those before the previous
         * one on the other; the previous bucket straddles {@code t}.
         */
        private int edge(int p, long t) {
            double b = base[p];
            double m = slope[p];
            int s = shift[p];
            int buckets = bucketBase[p + 1] - bucketBase[p] - 1;
            // The edge guessed from the line, where the estimate crosses t (a division), then checked by the estimates of
            // it and the edge before: the answer when the one before is on t's near side and it on the far one (the
            // estimates are monotone along the piece), else a binary search on the side the check points to. The binary
            // search alone took about nine estimates and as many mispredicted branches. (No Math.min or Math.ceil of
            // doubles: calls under C1.)
            double x = (t - b) / (m * (double) (1L << s));
            int lo;
            int hi;
            if (m < 0) {
                int g = !(x > 0) ? 0 : x >= buckets ? buckets : (int) x + ((int) x < x ? 1 : 0);
                if (g > 0 && LineSeries.estimate(b, m, (double) ((long) (g - 1) << s)) <= t) {
                    lo = 0;
                    hi = g - 1;
                } else if (g == buckets || LineSeries.estimate(b, m, (double) ((long) g << s)) <= t) {
                    return g;
                } else {
                    lo = g + 1;
                    hi = buckets;
                }
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (LineSeries.estimate(b, m, (double) ((long) mid << s)) <= t) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
            } else {
                int g = !(x >= 0) ? 0 : x >= buckets ? buckets : (int) x + 1;
                if (g > 0 && LineSeries.estimate(b, m, (double) ((long) (g - 1) << s)) > t) {
                    lo = 0;
                    hi = g - 1;
                } else if (g == buckets || LineSeries.estimate(b, m, (double) ((long) g << s)) > t) {
                    return g;
                } else {
                    lo = g + 1;
                    hi = buckets;
                }
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (LineSeries.estimate(b, m, (double) ((long) mid << s)) > t) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
            }
            return lo;
        }

        /** How many of the runs {@code sorted[from, to)} of piece {@code p}, one bucket, have an estimate at or below {@code t}. */
        private int atMostIn(int p, long t, int from, int to) {
            double b = base[p];
            double m = slope[p];
            if (to - from <= CROWDED) {
                int count = 0;
                for (int i = from; i < to; i++) {
                    count += estimate(b, m, sorted[i]) <= t ? 1 : 0;
                }
                return count;
            }
            // A crowded bucket, sorted: a prefix of its runs on a rising line, a suffix on a falling one.
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

    /**
     * A single bit's index: {@code BIT_OF[(bit × DE_BRUIJN) >>> 58]} (a multiplication and a look-up, where
     * {@code Long.numberOfTrailingZeros} is a call under C1).
     */
    private static final long DE_BRUIJN = 0x03f79d71b4cb0a89L;
    private static final int[] BIT_OF = new int[64];

    static {
        for (int i = 0; i < 64; i++) {
            BIT_OF[(int) (((1L << i) * DE_BRUIJN) >>> 58)] = i;
        }
    }

    /** Where among {@code counts} (by value) the value of rank {@code rank} lies; -1 past them all. */
    private static int rankIn(int[] counts, long rank) {
        long left = rank;
        for (int j = 0; j < counts.length; j++) {
            left -= counts[j];
            if (left < 0) {
                return j;
            }
        }
        return -1;
    }

    private long estimate(double base, double slope, long key) {
        return LineSeries.estimate(base, slope, (double) (key >>> runBits));
    }
}
