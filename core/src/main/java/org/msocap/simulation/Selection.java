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
}
