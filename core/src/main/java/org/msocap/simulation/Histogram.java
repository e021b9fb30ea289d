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
        int n = min == max ? 1 : binCount;
        double width = (double) (max - min) / n;
        long[] counts = new long[n];
        for (int k = 0; k < includeCount; k++) {
            long v = cents[include[k]];
            int b = width == 0 ? 0 : (int) Math.min(n - 1, (v - min) / width);
            counts[b]++;
        }
        List<Bin> bins = new java.util.ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            double from = (min + b * width) / 100.0;
            double to = b == n - 1 ? max / 100.0 : (min + (b + 1) * width) / 100.0;
            bins.add(new Bin(from, to, counts[b]));
        }
        return new Histogram(name, bins);
    }
}
