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
     * Per-run values kept for exact percentiles: 8 bytes per run per series. Beyond this the run is
     * refused with advice (fewer runs or fewer holders) rather than failing with OutOfMemoryError.
     */
    public static final long MAX_TRACKED_VALUES = 80_000_000L;

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
