package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The magnitude buckets order values; the percentiles picked through them are the sorted values' own, and the squares and
 * histogram of the same pass those of the passes over the values.
 */
class LogBucketsTest {

    @Test
    void theBucketNeverDecreasesAsTheValueGrowsAndStaysInRange() {
        List<Long> edges = new ArrayList<>(List.of(Long.MIN_VALUE, -1L, 0L, 1L, 2L, 3L, 63L, 64L, 65L, 127L, 128L, 129L,
                Long.MAX_VALUE - 1, Long.MAX_VALUE));
        for (int e = 1; e < 63; e++) {
            for (long d = -2; d <= 2; d++) {
                edges.add((1L << e) + d);
                edges.add((1L << e) + (1L << Math.max(0, e - LogBuckets.BITS)) + d);
            }
        }
        long[] sorted = edges.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int i = 0; i < sorted.length; i++) {
            assertThat(LogBuckets.of(sorted[i])).as("bucket of %d", sorted[i]).isBetween(0, LogBuckets.COUNT - 1);
            if (i > 0) {
                assertThat(LogBuckets.of(sorted[i])).as("%d after %d", sorted[i], sorted[i - 1])
                        .isGreaterThanOrEqualTo(LogBuckets.of(sorted[i - 1]));
            }
        }
        assertThat(LogBuckets.of(0)).isZero();
        assertThat(LogBuckets.of(-5)).isZero();
        assertThat(LogBuckets.of(1)).isEqualTo(1);
        assertThat(LogBuckets.of(Long.MAX_VALUE)).isEqualTo(LogBuckets.COUNT - 1);
        // 64 buckets per doubling: 2^20 and 2^20 + 2^14 are one bucket apart
        assertThat(LogBuckets.of((1L << 20) + (1L << 14)) - LogBuckets.of(1L << 20)).isEqualTo(1);
        qt().withFixedSeed(17L).withExamples(20_000)
                .forAll(longs().all(), longs().all())
                .checkAssert((a, b) -> {
                    if (a <= b) {
                        assertThat(LogBuckets.of(a)).isLessThanOrEqualTo(LogBuckets.of(b));
                    }
                });
    }

    @Test
    void picksWhatSortingFindsAndSumsTheSquaresInOrder() {
        qt().withFixedSeed(42L).withExamples(2000)
                .forAll(lists().of(longs().between(0, 40)).ofSizeBetween(1, 400),
                        lists().of(longs().between(-1_000_000_000_000L, 1_000_000_000_000L)).ofSizeBetween(1, 400),
                        integers().between(0, 1_000_000))
                .checkAssert((narrow, wide, zeros) -> {
                    check(narrow.stream().mapToLong(Long::longValue).toArray());
                    check(wide.stream().mapToLong(Long::longValue).toArray());
                    long[] withZeros = narrow.stream().mapToLong(v -> v % 3 == 0 ? 0 : v * 1_000_003L).toArray();
                    check(withZeros);
                });
        // a series like a class's: most runs pay nothing, the rest spread over decades, with many equal payouts
        SplittableRandom random = new SplittableRandom(3);
        long[] payouts = new long[200_000];
        for (int i = 0; i < payouts.length; i++) {
            int kind = random.nextInt(10);
            payouts[i] = kind < 4 ? 0 : kind < 6 ? 2_500_000_00L : (long) Math.exp(random.nextDouble(10, 30));
        }
        check(payouts);
    }

    /**
     * The histogram counts a bucket lying within one bin at once and bins the values of the others one by one: the bins
     * are the values' own however the buckets and the bins' edges fall (values crowded about a bin's edge, about a
     * bucket's, bins narrower than a bucket and wider, negative values in bucket 0).
     */
    @Test
    void theHistogramFromTheBucketsIsTheValuesOwn() {
        qt().withFixedSeed(23L).withExamples(3000)
                .forAll(integers().between(0, 50), integers().between(0, 40), integers().between(1, 60),
                        integers().between(1, 300))
                .checkAssert((lowMagnitude, magnitude, bins, n) -> {
                    SplittableRandom random = new SplittableRandom(31L * lowMagnitude + 997L * magnitude + 7L * bins + n);
                    long low = (1L << lowMagnitude) - 5_000 + random.nextLong(10_000);
                    long span = 1L << magnitude;
                    long[] values = new long[n];
                    for (int i = 0; i < n; i++) {
                        long v = low + random.nextLong(span + 1);
                        // about a third of them moved onto or beside the nearest bucket edge
                        if (v > 2 && random.nextInt(3) == 0) {
                            double edge = Double.longBitsToDouble(Double.doubleToRawLongBits((double) v)
                                    >>> (52 - LogBuckets.BITS) << (52 - LogBuckets.BITS));
                            v = Math.max(1, (long) Math.ceil(edge) + random.nextInt(3) - 1);
                        }
                        values[i] = v;
                    }
                    long min = Arrays.stream(values).min().getAsLong();
                    long max = Arrays.stream(values).max().getAsLong();
                    int[] counts = new int[5 + LogBuckets.COUNT];
                    int[] exitDay = new int[n];
                    int[] include = new int[n];
                    for (int i = 0; i < n; i++) {
                        counts[5 + LogBuckets.of(values[i])]++;
                        include[i] = i;
                    }
                    Histogram.Binning binning = new Histogram.Binning(min, max, bins);
                    long[] binCounts = new long[binning.bins()];
                    new LogBuckets.Pick(counts, 5, min, new int[] {0, n - 1}).binAndCopy(values, exitDay, -1, binning,
                            binCounts);
                    assertThat(binning.histogram("h", binCounts)).isEqualTo(Histogram.of("h", values, include, n, bins));
                });
    }

    private static void check(long[] values) {
        int n = values.length;
        int[] indexes = new int[] {0, n / 20, n / 4, n / 2, 3 * n / 4, n - 1};
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] counts = new int[3 + LogBuckets.COUNT];   // counted at an offset, as a series among others is
        long min = Long.MAX_VALUE;
        for (long v : values) {
            counts[3 + LogBuckets.of(v)]++;
            min = Math.min(min, v);
        }
        // a run without an exit after every third value: not counted, not offered
        int noExit = Integer.MIN_VALUE;
        int length = n + n / 3;
        int[] exitDay = new int[length];
        long[] withoutExits = new long[length];
        int[] include = new int[n];
        for (int i = 0, j = 0; i < n; i++) {
            include[i] = j;
            withoutExits[j++] = values[i];
            if (i % 3 == 2) {
                exitDay[j] = noExit;
                withoutExits[j++] = -77;
            }
        }
        long max = Arrays.stream(values).max().getAsLong();
        Histogram.Binning binning = new Histogram.Binning(min, max, 7);
        long[] binCounts = new long[binning.bins()];
        LogBuckets.Pick pick = new LogBuckets.Pick(counts, 3, min, indexes);
        pick.binAndCopy(withoutExits, exitDay, noExit, binning, binCounts);
        assertThat(binning.histogram("h", binCounts)).isEqualTo(Histogram.of("h", withoutExits, include, n, 7));
        long[] picked = pick.select();
        for (int i = 0; i < indexes.length; i++) {
            assertThat(picked[i]).as("index %d of %d", indexes[i], n).isEqualTo(sorted[indexes[i]]);
        }
        // and value by value, as the drivers' statistics offer them
        LogBuckets.Pick offered = new LogBuckets.Pick(counts, 3, min, indexes);
        for (long v : values) {
            offered.offer(v);
        }
        assertThat(offered.select()).containsExactly(picked);
        assertThat(values).as("not reordered").isNotSameAs(sorted);
        // and beside another series of the same runs (its values reversed, each shifted down), both in one pass
        long[] others = new long[n];
        long[] otherWithoutExits = withoutExits.clone();
        int[] otherCounts = new int[LogBuckets.COUNT];
        for (int i = 0; i < n; i++) {
            others[i] = values[n - 1 - i] - 1_000 * (i % 5);
            otherWithoutExits[include[i]] = others[i];
            otherCounts[LogBuckets.of(others[i])]++;
        }
        long[] otherSorted = others.clone();
        Arrays.sort(otherSorted);
        long otherMin = otherSorted[0];
        Histogram.Binning otherBinning = new Histogram.Binning(otherMin, otherSorted[n - 1], 5);
        long[] otherBinCounts = new long[otherBinning.bins()];
        long[] firstBinCounts = new long[binning.bins()];
        LogBuckets.Pick first = new LogBuckets.Pick(counts, 3, min, indexes);
        LogBuckets.Pick second = new LogBuckets.Pick(otherCounts, 0, otherMin, indexes);
        first.binAndCopy(withoutExits, second, otherWithoutExits, exitDay, noExit, binning, firstBinCounts, otherBinning,
                otherBinCounts);
        assertThat(firstBinCounts).containsExactly(binCounts);
        assertThat(otherBinning.histogram("o", otherBinCounts)).isEqualTo(Histogram.of("o", otherWithoutExits, include, n, 5));
        assertThat(first.select()).containsExactly(picked);
        long[] otherPicked = second.select();
        for (int i = 0; i < indexes.length; i++) {
            assertThat(otherPicked[i]).as("the other's index %d of %d", indexes[i], n).isEqualTo(otherSorted[indexes[i]]);
        }
    }
}
