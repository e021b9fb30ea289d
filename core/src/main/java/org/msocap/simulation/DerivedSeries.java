package org.msocap.simulation;

/**
 * Series kept as a byte a run instead of eight: the categories' and the followed holders' payouts per run
 * ({@code MonteCarloSimulator}), each a sum of positions' cents, kept as a small correction against an estimate from the
 * class series, and rebuilt exactly when its statistics are taken.
 *
 * <p>Each such series takes, of every class, either all of the class's positions (its cents are then the class's, to
 * the cent), some of them (about a fixed fraction of the class's cents: a claimant's cents are split among its holdings
 * by fixed weights, to the cent by largest remainder), or none. The estimate of run {@code i} exiting on day {@code d}
 * is {@code Σ full classes' cents + Σ (long) (fraction(d, class) × class's cents)}, the fractions taken from each day's
 * payouts at a reference proceeds; the same doubles and operations when it is written and when it is read (term by term,
 * a class series at a time over a chunk of runs), so the rebuilt series is exactly the one the payout pass computed. The correction (the cents the largest
 * remainders moved, a few a run) is kept in a byte; a chunk of runs where one does not fit keeps its exact values in a
 * {@code long[]} of its own. A series whose estimate does not hold on a sample of runs (a class of claimants whose
 * shares move with the proceeds, such as option grants of different strikes) is not taken: it stays a {@code long[]}.
 *
 * <p>Memory: one byte a run per series with a partial class, none for a series of whole classes; a chunk of runs is
 * written by one thread, so the chunks' blocks need no lock, and {@link #rebuild} reads them after the pass.
 */
final class DerivedSeries extends CompactSeries {

    private final int[] dayIndex;
    /** Per series, the classes it takes whole and those it takes a part of, as their class series. */
    private final long[][][] fullSeries;
    private final long[][][] partialSeries;
    /**
     * Per series, per partial class, its fraction per exit day; the same shifted by one day (index 0 for a run without
     * an exit, whose class cents are 0 anyway); and, when it is one for every day, that one (else null).
     */
    private final double[][][] fraction;
    private final double[][][] shifted;
    private final double[][] constant;
    /** Per series, its corrections by run (null when it takes only whole classes: exact as it is, or kept whole). */
    private final byte[][] corrections;

    /**
     * @param groupSeries the class series, per run (written by the payout pass before each chunk is {@link #store}d)
     * @param dayIndex per run, the index of its exit day (-1: no exit, every series 0)
     * @param chunk the runs per chunk of the payout pass
     * @param full per series, the classes whose positions it takes all of
     * @param partial per series, the classes whose positions it takes some of
     * @param fraction per series, per partial class, per exit day: the share of the class's cents its positions take
     * @param keptWhole per series, whether to keep it 8 bytes a run after all (its estimate did not hold on a sample)
     */
    DerivedSeries(long[][] groupSeries, int[] dayIndex, int runs, int chunk, int[][] full, int[][] partial,
                  double[][][] fraction, boolean[] keptWhole) {
        super(runs, chunk, full.length);
        this.dayIndex = dayIndex;
        this.fraction = fraction;
        int n = full.length;
        fullSeries = new long[n][][];
        partialSeries = new long[n][][];
        constant = new double[n][];
        shifted = new double[n][][];
        corrections = new byte[n][];
        for (int s = 0; s < n; s++) {
            fullSeries[s] = seriesOf(groupSeries, full[s]);
            partialSeries[s] = seriesOf(groupSeries, partial[s]);
            constant[s] = constantOver(fraction[s]);
            shifted[s] = new double[fraction[s].length][];
            for (int j = 0; j < fraction[s].length; j++) {
                shifted[s][j] = new double[fraction[s][j].length + 1];
                System.arraycopy(fraction[s][j], 0, shifted[s][j], 1, fraction[s][j].length);
            }
            if (keptWhole[s]) {
                keepWhole(s);
            } else if (partial[s].length > 0) {
                corrections[s] = new byte[runs];
                keepByCorrections(s);
            }
        }
    }

    private static long[][] seriesOf(long[][] groupSeries, int[] groups) {
        long[][] out = new long[groups.length][];
        for (int j = 0; j < groups.length; j++) {
            out[j] = groupSeries[groups[j]];
        }
        return out;
    }

    /** Each partial class's fraction when it is the same on every day, else null. */
    private static double[] constantOver(double[][] byDay) {
        double[] out = new double[byDay.length];
        for (int j = 0; j < byDay.length; j++) {
            double[] f = byDay[j];
            out[j] = f.length == 0 ? 0 : f[0];
            for (double v : f) {
                if (Double.doubleToLongBits(v) != Double.doubleToLongBits(out[j])) {
                    return null;
                }
            }
        }
        return out;
    }

    /** The series kept. */
    @Override
    int size() {
        return fullSeries.length;
    }

    /**
     * The estimate of a series taking the classes {@code full} whole and {@code partial} by {@code fraction} (per partial
     * class, per exit day), for a run exiting on day {@code day} whose class cents are {@code groupCents}: the one
     * definition the loops of {@link #store} and {@link #rebuild} unroll, term by term in the same order.
     */
    static long estimate(int[] full, int[] partial, double[][] fraction, int day, long[] groupCents) {
        long sum = 0;
        for (int g : full) {
            sum += groupCents[g];
        }
        for (int j = 0; j < partial.length; j++) {
            sum += (long) (fraction[j][day] * groupCents[partial[j]]);
        }
        return sum;
    }

    /**
     * Keeps series {@code s} over a chunk's exit runs: {@code values[at + k]} the exact cents of run {@code byDay[k]},
     * exiting on day {@code runDay[k]}, for {@code k < exits}; the chunk starts at run {@code from}. The class series
     * must hold the chunk's runs already; {@code work} is scratch of at least {@code exits} values.
     */
    @Override
    void store(int s, long[] values, int at, int[] byDay, int[] runDay, int exits, int from, long[] work) {
        if (storedWhole(s, values, at, byDay, exits)) {
            return;
        }
        byte[] kept = corrections[s];
        if (kept == null) {
            return;
        }
        // The estimate a class series at a time: one simple loop per term.
        long[] estimate = work;
        java.util.Arrays.fill(estimate, 0, exits, 0);
        for (long[] g : fullSeries[s]) {
            for (int k = 0; k < exits; k++) {
                estimate[k] += g[byDay[k]];
            }
        }
        long[][] part = partialSeries[s];
        double[] fixed = constant[s];
        for (int j = 0; j < part.length; j++) {
            long[] g = part[j];
            if (fixed != null) {
                double f = fixed[j];
                for (int k = 0; k < exits; k++) {
                    estimate[k] += (long) (f * g[byDay[k]]);
                }
            } else {
                double[] f = fraction[s][j];
                for (int k = 0; k < exits; k++) {
                    estimate[k] += (long) (f[runDay[k]] * g[byDay[k]]);
                }
            }
        }
        for (int k = 0; k < exits; k++) {
            long correction = values[at + k] - estimate[k];
            if (correction < -MAX_CORRECTION || correction > MAX_CORRECTION) {
                keepExactly(s, values, at, byDay, exits, from);
                return;
            }
            kept[byDay[k]] = (byte) correction;
        }
    }

    @Override
    void rebuild(int s, long[] into, int from, int to) {
        byte[] kept = corrections[s];
        long[][] full = fullSeries[s];
        long[][] part = partialSeries[s];
        double[] fixed = constant[s];
        int[] dayIndex = this.dayIndex;
        long[] block = kept == null ? null : blocks[s][from / chunk];
        if (block != null) {
            System.arraycopy(block, 0, into, from, to - from);
            return;
        }
        // A chunk at a time, a term at a time (the chunk of the result stays in the caches), starting from the
        // corrections or the first whole class; a run without an exit has every class at 0 and a correction of 0.
        int first = 0;
        if (kept != null) {
            for (int run = from; run < to; run++) {
                into[run] = kept[run];
            }
        } else if (full.length > 0) {
            System.arraycopy(full[0], from, into, from, to - from);
            first = 1;
        } else {
            java.util.Arrays.fill(into, from, to, 0);
        }
        for (int t = first; t < full.length; t++) {
            long[] g = full[t];
            for (int run = from; run < to; run++) {
                into[run] += g[run];
            }
        }
        for (int j = 0; j < part.length; j++) {
            long[] g = part[j];
            if (fixed != null) {
                double f = fixed[j];
                for (int run = from; run < to; run++) {
                    into[run] += (long) (f * g[run]);
                }
            } else {
                double[] f = shifted[s][j];
                for (int run = from; run < to; run++) {
                    into[run] += (long) (f[dayIndex[run] + 1] * g[run]);
                }
            }
        }
    }

    /** Series {@code s}'s cents of one run. */
    @Override
    long at(int s, int run) {
        if (whole[s] != null) {
            return whole[s][run];
        }
        int day = dayIndex[run];
        if (day < 0) {
            return 0;
        }
        byte[] kept = corrections[s];
        long[] block = kept == null ? null : blocks[s][run / chunk];
        if (block != null) {
            return block[run - run / chunk * chunk];
        }
        long sum = 0;
        for (long[] g : fullSeries[s]) {
            sum += g[run];
        }
        long[][] part = partialSeries[s];
        for (int j = 0; j < part.length; j++) {
            sum += (long) (fraction[s][j][day] * part[j][run]);
        }
        return sum + (kept == null ? 0 : kept[run]);
    }

    /** Whether series {@code s} takes only whole classes: nothing kept, its cents their sum. */
    @Override
    boolean exact(int s) {
        return whole[s] == null && corrections[s] == null;
    }
}
