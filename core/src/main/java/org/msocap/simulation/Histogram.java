package org.msocap.simulation;

import java.util.List;

/**
 * Equal-width bins from the smallest to the largest value; the last bin includes its upper edge.
 *
 * @param name what is counted, e.g. {@code enterpriseValue}
 */
public record Histogram(String name, List<Bin> bins) {

    public record Bin(double from, double to, long count) {
    }

    public Histogram {
        bins = List.copyOf(bins);
    }

    static Histogram of(String name, long[] cents, int[] include, int includeCount, int binCount) {
        if (includeCount == 0) {
            return new Histogram(name, List.of());
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int k = 0; k < includeCount; k++) {
            long v = cents[include[k]];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Binning binning = new Binning(min, max, binCount);
        long[] counts = new long[binning.bins()];
        for (int k = 0; k < includeCount; k++) {
            counts[binning.bin(cents[include[k]])]++;
        }
        return binning.histogram(name, counts);
    }

    /**
     * The bins of {@link #of} once the values' least and greatest are known, for a caller that counts the values in a
     * pass it makes anyway: the same bins, edges and counts.
     */
    static final class Binning {
        private final long min;
        private final long max;
        private final int n;
        private final double width;

        Binning(long min, long max, int binCount) {
            this.min = min;
            this.max = max;
            n = min == max ? 1 : binCount;
            width = (double) (max - min) / n;
        }

        int bins() {
            return n;
        }

        long min() {
            return min;
        }

        long max() {
            return max;
        }

        double width() {
            return width;
        }

        /** The bin of {@code v}, within the least and greatest. */
        int bin(long v) {
            return width == 0 ? 0 : (int) Math.min(n - 1, (v - min) / width);
        }

        /** The histogram of the values counted per {@link #bin}. */
        Histogram histogram(String name, long[] counts) {
            List<Bin> bins = new java.util.ArrayList<>(n);
            for (int b = 0; b < n; b++) {
                double from = (min + b * width) / 100.0;
                double to = b == n - 1 ? max / 100.0 : (min + (b + 1) * width) / 100.0;
                bins.add(new Bin(from, to, counts[b]));
            }
            return new Histogram(name, bins);
        }
    }
}
