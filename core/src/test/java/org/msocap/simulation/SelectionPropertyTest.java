package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionPropertyTest {

    @Test
    void kthSmallestIsWhatSortingFindsAtK() {
        // Values from a narrow range as well as a wide one, so that duplicates (tied remainders) are common.
        qt().withFixedSeed(42L).withExamples(3000)
                .forAll(lists().of(longs().between(0, 40)).ofSizeBetween(1, 300),
                        lists().of(longs().between(0, Long.MAX_VALUE)).ofSizeBetween(1, 300),
                        integers().between(0, 1_000_000))
                .checkAssert((narrow, wide, seed) -> {
                    check(narrow, seed % narrow.size());
                    check(wide, seed % wide.size());
                });
    }

    private static void check(List<Long> values, int k) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        long[] sorted = a.clone();
        Arrays.sort(sorted);
        long[] work = Arrays.copyOf(a, a.length + 3);   // longer than n: only [0, n) is looked at
        assertThat(Selection.kthSmallest(work, a.length, k)).isEqualTo(sorted[k]);
        long[] permuted = Arrays.copyOf(work, a.length);
        Arrays.sort(permuted);
        assertThat(permuted).as("only reorders").isEqualTo(sorted);
    }

    @Test
    void successiveRanksInARangeMatchTheSortedRange() {
        // The percentile use: ranks selected in ascending order, each from just after the previous one.
        qt().withFixedSeed(42L).withExamples(2000)
                .forAll(lists().of(longs().between(-50, 50)).ofSizeBetween(1, 400), integers().between(0, 1_000_000))
                .checkAssert((values, seed) -> {
                    long[] a = values.stream().mapToLong(Long::longValue).toArray();
                    long[] sorted = a.clone();
                    Arrays.sort(sorted);
                    int n = a.length;
                    int from = 0;
                    for (int q : new int[] {5, 25, 50, 75, 95}) {
                        int index = (q * n + 99) / 100 - 1;
                        index = Math.max(0, index);
                        assertThat(Selection.kthSmallest(a, Math.min(from, index), n, index)).isEqualTo(sorted[index]);
                        from = index + 1;
                    }
                    // the range outside [from, to) is never touched
                    int lo = seed % n;
                    long[] b = sorted.clone();
                    long[] before = b.clone();
                    Selection.kthSmallest(b, lo, n, lo + (seed / 7) % (n - lo));
                    assertThat(Arrays.copyOf(b, lo)).isEqualTo(Arrays.copyOf(before, lo));
                });
    }

    @Test
    void valuesAtSortedIndexesAreWhatSortingFindsAndNothingIsReordered() {
        // Narrow ranges (ties, every rank in one bucket), wide ones up to the extremes of long, and mostly-zero series
        // (most runs pay a class nothing) with a tail.
        qt().withFixedSeed(42L).withExamples(3000)
                .forAll(lists().of(longs().between(-50, 50)).ofSizeBetween(1, 400),
                        lists().of(longs().all()).ofSizeBetween(1, 400),
                        integers().between(0, 1_000_000))
                .checkAssert((narrow, wide, seed) -> {
                    checkIndexes(narrow.stream().mapToLong(Long::longValue).toArray(), seed);
                    checkIndexes(wide.stream().mapToLong(Long::longValue).toArray(), seed);
                    long[] zeros = new long[5000];
                    for (int i = 0; i < zeros.length; i += 1 + seed % 97) {
                        zeros[i] = (long) i * (seed + 1);
                    }
                    checkIndexes(zeros, seed);
                });
    }

    private static void checkIndexes(long[] a, int seed) {
        long[] sorted = a.clone();
        Arrays.sort(sorted);
        int n = a.length;
        int[] indexes = {0, seed % n, seed % n, (seed / 3) % n, n - 1};
        Arrays.sort(indexes);
        long[] before = a.clone();
        long[] found = Selection.atSortedIndexes(a, n, indexes);
        for (int i = 0; i < indexes.length; i++) {
            assertThat(found[i]).as("index %d of %d", indexes[i], n).isEqualTo(sorted[indexes[i]]);
        }
        assertThat(a).isEqualTo(before);
    }

    @Test
    void kthLargestBelowABoundIsWhatSortingFindsAndReordersNothing() {
        // Bounds from tiny (many ties, every value in one bucket) to near Long.MAX_VALUE (doubles coarser than values).
        qt().withFixedSeed(42L).withExamples(3000)
                .forAll(lists().of(longs().between(0, Long.MAX_VALUE - 1)).ofSizeBetween(1, 300),
                        longs().between(1, Long.MAX_VALUE), integers().between(0, 1_000_000))
                .checkAssert((raw, bound, seed) -> {
                    long[] a = raw.stream().mapToLong(v -> v % bound).toArray();
                    long[] sorted = a.clone();
                    Arrays.sort(sorted);
                    long[] before = a.clone();
                    int k = 1 + seed % a.length;
                    long found = Selection.kthLargestBelow(a, a.length, bound, k, new int[Selection.BUCKETS], new long[a.length]);
                    assertThat(found).isEqualTo(sorted[a.length - k]);
                    assertThat(a).isEqualTo(before);
                });
    }

    @Test
    void sortedReversedAndConstantInputs() {
        long[] ascending = new long[100];
        long[] constant = new long[100];
        for (int i = 0; i < 100; i++) {
            ascending[i] = i;
            constant[i] = 7;
        }
        long[] descending = new long[100];
        for (int i = 0; i < 100; i++) {
            descending[i] = 99 - i;
        }
        assertThat(Selection.kthSmallest(ascending.clone(), 100, 37)).isEqualTo(37);
        assertThat(Selection.kthSmallest(descending.clone(), 100, 99)).isEqualTo(99);
        assertThat(Selection.kthSmallest(descending.clone(), 100, 0)).isEqualTo(0);
        assertThat(Selection.kthSmallest(constant, 100, 50)).isEqualTo(7);
    }

    @Test
    void rejectsAnIndexOutsideTheRange() {
        assertThatThrownBy(() -> Selection.kthSmallest(new long[3], 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
