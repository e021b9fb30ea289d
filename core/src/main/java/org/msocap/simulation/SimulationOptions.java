package org.msocap.simulation;

/**
 * How to run a simulation: runs, seed, threads, which holders to report and how much to keep.
 *
 * @param runs number of runs (≥ 1)
 * @param seed the one seed every run's random stream is derived from
 * @param threads worker threads (≥ 1); results do not depend on it
 * @param topHolders report the holders with the largest mean payout, this many; {@link #ALL_HOLDERS} for all
 * @param sampleRuns how many runs (the first ones) to keep with their exact per-run values for export
 * @param histogramBins bins of the enterprise value and equity proceeds histograms
 */
public record SimulationOptions(int runs, long seed, int threads, int topHolders, int sampleRuns, int histogramBins) {

    public static final int ALL_HOLDERS = Integer.MAX_VALUE;

    /**
     * Per-run values the payout pass may spend on candidate holders beyond those reported (8 bytes per run each), in
     * case its sample misses one of the largest; what a run may keep in all is bounded by the heap ({@link
     * #requireHeap}).
     */
    public static final long MAX_TRACKED_VALUES = 80_000_000L;

    /** The share of the maximum heap a simulation's runs-long arrays may take: the rest is the model's, the tables'. */
    static final double HEAP_SHARE = 0.75;

    /**
     * The most a simulation can keep for each run, in bytes: every series 8 bytes (the payout pass keeps most a byte a
     * run when their cents follow the classes', but cannot know that before it samples the runs; with deal events none
     * is), the candidate holders up to twice the reported ones, the enterprise value and the proceeds (8 bytes each),
     * the exit day and the exit order (4 each), the keys that order the exits (8, while they are sorted), and one
     * series a thread to rebuild a series for its statistics (8).
     */
    static long maxBytesPerRun(int classes, int categories, int reportedHolders, int candidateHolders, int threads) {
        return 8L * (classes + categories + Math.max(reportedHolders, candidateHolders)) + 2 * 8 + 2 * 4 + 8 + 8L * threads;
    }

    /**
     * Refuses, with how much and what to lower, a simulation whose runs-long arrays could outgrow the heap
     * ({@code maxHeap} bytes, {@link #HEAP_SHARE} of it for them): an {@link OutOfMemoryError} would come only after the
     * drivers and values were drawn, and could leave the JVM unable to say why.
     */
    static void requireHeap(int runs, int classes, int categories, int reportedHolders, int candidateHolders, int threads,
                            long maxHeap) {
        long bytes = maxBytesPerRun(classes, categories, reportedHolders, candidateHolders, threads) * runs;
        long allowed = (long) (maxHeap * HEAP_SHARE);
        if (bytes > allowed) {
            throw new IllegalArgumentException(String.format(java.util.Locale.US, "keeping %d series of %,d runs for exact "
                    + "percentiles can take up to %,d MiB, more than the %,d MiB of the Java heap (%,d MiB) a simulation may use; "
                    + "report fewer holders (e.g. top:20), simulate fewer runs, or give Java a larger heap "
                    + "(MSOCAP_JAVA_OPTS=-Xmx8g ./msocap ...)", classes + categories + reportedHolders, runs, bytes >> 20,
                    allowed >> 20, maxHeap >> 20));
        }
    }

    public SimulationOptions {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1 but was " + runs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        if (topHolders < 0) {
            throw new IllegalArgumentException("topHolders must be >= 0 but was " + topHolders);
        }
        if (sampleRuns < 0) {
            throw new IllegalArgumentException("sampleRuns must be >= 0 but was " + sampleRuns);
        }
        if (histogramBins < 1) {
            throw new IllegalArgumentException("histogramBins must be >= 1 but was " + histogramBins);
        }
    }

    /** Runs and seed as given, all cores, the 20 largest holders, the first 1,000 runs as sample, 40 bins. */
    public static SimulationOptions of(int runs, long seed) {
        return new SimulationOptions(runs, seed, Runtime.getRuntime().availableProcessors(), 20, 1000, 40);
    }

    public SimulationOptions withThreads(int n) {
        return new SimulationOptions(runs, seed, n, topHolders, sampleRuns, histogramBins);
    }

    public SimulationOptions withTopHolders(int n) {
        return new SimulationOptions(runs, seed, threads, n, sampleRuns, histogramBins);
    }

    public SimulationOptions withSampleRuns(int n) {
        return new SimulationOptions(runs, seed, threads, topHolders, n, histogramBins);
    }
}
