package org.msocap.simulation;

/**
 * Per-run series of cents kept in fewer than 8 bytes a run ({@link DerivedSeries}, {@link LineSeries}): the payout pass
 * hands each chunk's exact values to {@link #store}, and the statistics {@link #rebuild} them exactly. What both keep
 * alike: a series kept whole after all, and the chunks of a series whose corrections did not fit a byte, kept exactly
 * (a chunk of runs is written by one thread, so the chunks' blocks need no lock).
 */
abstract class CompactSeries {

    /** The largest correction a byte keeps, either way. */
    static final int MAX_CORRECTION = Byte.MAX_VALUE;

    final int runs;
    final int chunk;
    /** Per series kept whole, its cents by run (else null). */
    final long[][] whole;
    /** Per series kept by corrections, per chunk, that chunk's exact values when one did not fit a byte (else null). */
    final long[][][] blocks;

    CompactSeries(int runs, int chunk, int series) {
        this.runs = runs;
        this.chunk = chunk;
        whole = new long[series][];
        blocks = new long[series][][];
    }

    /** Series {@code s} kept 8 bytes a run. */
    final void keepWhole(int s) {
        whole[s] = new long[runs];
    }

    /** Series {@code s} kept by corrections, a chunk of them kept exactly where one does not fit. */
    final void keepByCorrections(int s) {
        blocks[s] = new long[(runs + chunk - 1) / chunk][];
    }

    /** The series kept. */
    abstract int size();

    /**
     * The first series equal to series {@code s} run for run ({@code s} itself when none is before it): a series equal to
     * an earlier one shares that one's values and its store is skipped; unless its tally keeps a range (it then counts its
     * runs below a cost of its own), the payout pass's tallies of it are skipped too.
     */
    int sameAs(int s) {
        return s;
    }

    /**
     * Keeps series {@code s} over a chunk's exit runs: {@code values[at + k]} the exact cents of run {@code byDay[k]},
     * exiting on day {@code runDay[k]}, for {@code k < exits}; the chunk starts at run {@code from}. {@code work} is
     * scratch of at least {@code exits} values.
     */
    abstract void store(int s, long[] values, int at, int[] byDay, int[] runDay, int exits, int from, long[] work);

    /**
     * {@link #store}s every series over a chunk's exit runs, from the payout pass's columns: series {@code s}'s cents
     * at {@code columns[(first + s) × chunk + k]}.
     */
    void storeChunk(long[] columns, int first, int[] byDay, int[] runDay, int exits, int from) {
        long[] work = new long[exits];
        for (int s = 0; s < size(); s++) {
            store(s, columns, (first + s) * chunk, byDay, runDay, exits, from, work);
        }
    }

    /**
     * {@link #storeChunk(long[], int, int[], int[], int, int)}, and the series whose tally in {@code tally} (at
     * {@code first + s}) keeps no range ({@link SeriesTallies#keepsRange}) also tallied and their columns cleared
     * (what {@link SeriesTallies#addAndClear} would do), but a series equal to an earlier one ({@link #sameAs}), neither
     * stored nor tallied; {@code dayEnd[d]} the end of day {@code d}'s exit runs. Only {@link LineSeries} has such
     * series: here, the store alone.
     */
    void storeChunk(long[] columns, int first, int[] byDay, int[] runDay, int exits, int from, SeriesTallies tally,
                    int[] dayEnd) {
        storeChunk(columns, first, byDay, runDay, exits, from);
    }

    /** {@link #store} of a series kept whole: true when it is one (its values then kept). */
    final boolean storedWhole(int s, long[] values, int at, int[] byDay, int exits) {
        long[] series = whole[s];
        if (series == null) {
            return false;
        }
        for (int k = 0; k < exits; k++) {
            series[byDay[k]] = values[at + k];
        }
        return true;
    }

    /** {@link #store} of a chunk where a correction does not fit a byte: its exact values, in a block of their own. */
    final void keepExactly(int s, long[] values, int at, int[] byDay, int exits, int from) {
        long[] block = new long[Math.min(chunk, runs - from)];
        for (int j = 0; j < exits; j++) {
            block[byDay[j] - from] = values[at + j];
        }
        blocks[s][from / chunk] = block;
    }

    /**
     * Series {@code s}'s cents of every run, exactly as the payout pass computed them: rebuilt into {@code into}, or the
     * series itself when it is kept whole (not to be written to).
     */
    final long[] rebuild(int s, long[] into) {
        if (whole[s] != null) {
            return whole[s];
        }
        for (int from = 0; from < runs; from += chunk) {
            rebuild(s, into, from, Math.min(runs, from + chunk));
        }
        return into;
    }

    /** The runs {@code [from, to)} of series {@code s} into {@code into} (not kept whole; {@code from} starts a chunk). */
    abstract void rebuild(int s, long[] into, int from, int to);

    /** Series {@code s}'s cents of one run. */
    abstract long at(int s, int run);

    /** Whether series {@code s} is kept 8 bytes a run. */
    final boolean keptWhole(int s) {
        return whole[s] != null;
    }

    /** Whether series {@code s} keeps nothing a run: its cents follow from other series exactly. */
    abstract boolean exact(int s);

    /** The chunks of series {@code s} kept exactly (their corrections did not fit a byte); for tests and measurements. */
    final int exactChunks(int s) {
        int n = 0;
        if (blocks[s] != null) {
            for (long[] block : blocks[s]) {
                n += block == null ? 0 : 1;
            }
        }
        return n;
    }
}
