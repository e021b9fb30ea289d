package org.msocap.simulation;

/**
 * Per-run series of cents kept in fewer than 8 bytes a run ({@link DerivedSeries}, {@link LineSeries}): the payout pass
 * hands each chunk's exact values to {@link #store}, and the statistics {@link #rebuild} them exactly.
 */
interface CompactSeries {

    /** The series kept. */
    int size();

    /**
     * Keeps series {@code s} over a chunk's exit runs: {@code values[k]} the exact cents of run {@code byDay[k]}, exiting
     * on day {@code runDay[k]}, for {@code k < exits}; the chunk starts at run {@code from}. {@code work} is scratch of at
     * least {@code exits} values.
     */
    void store(int s, long[] values, int[] byDay, int[] runDay, int exits, int from, long[] work);

    /**
     * Series {@code s}'s cents of every run, exactly as the payout pass computed them: rebuilt into {@code into}, or the
     * series itself when it is kept whole (not to be written to).
     */
    long[] rebuild(int s, long[] into);

    /** The runs {@code [from, to)} of series {@code s} into {@code into} (not kept whole; {@code from} starts a chunk). */
    void rebuild(int s, long[] into, int from, int to);

    /** Series {@code s}'s cents of one run. */
    long at(int s, int run);

    /** Whether series {@code s} is kept 8 bytes a run. */
    boolean keptWhole(int s);

    /** Whether series {@code s} keeps nothing a run: its cents follow from other series exactly. */
    boolean exact(int s);

    /** The chunks of series {@code s} kept exactly (their corrections did not fit a byte); for tests and measurements. */
    int exactChunks(int s);
}
