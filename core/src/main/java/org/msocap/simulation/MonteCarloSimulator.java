package org.msocap.simulation;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.msocap.model.HolderCategory;
import org.msocap.money.Money;

/**
 * Runs a Monte Carlo simulation of exits: each run draws its drivers, values the MSO, bridges to equity
 * proceeds and distributes them through the waterfall.
 *
 * <h2>Reproducibility</h2>
 * Run {@code i} draws from its own {@link RandomStream} (seed, i) in a fixed layout: one uniform for "no
 * exit", one per driver with a distribution ({@link DriverSampler}), one for the escrow and one for the
 * earnout — always all of them, whatever the outcome. Every per-run result is written into slot {@code i}
 * of preallocated arrays (exact cents as {@code long}); sums are exact integer sums and statistics are computed
 * afterwards from the arrays in run order. The order in which threads process runs therefore cannot change
 * any number: the same seed gives identical results with any thread count.
 *
 * <h2>Exit dates close at month end</h2>
 * A drawn exit date is moved to the last day of its month. The valuation only sees the month anyway (EBITDA
 * of the twelve months ending with the exit's month), and the waterfall is then resolved once per month with
 * that day's exact dividends, interest and vesting, instead of once per day: on a cap table with hundreds of
 * grants vesting on different days of the month, every day would otherwise need its own breakpoint table.
 *
 * <h2>Phases</h2>
 * <ol>
 *   <li>Drivers and values, in fixed-size chunks of run indexes: exit day, enterprise value, realized equity
 *       proceeds.</li>
 *   <li>Payouts: the runs that exit are ordered by exit day, so each day's evaluator (dividends, interest and
 *       vesting exact for that day) is resolved once, up front, and reused; the payout pass then goes through the
 *       runs chunk by chunk, by day within a chunk, so every series is written one stretch at a time; class and
 *       category payouts are kept per run,
 *       every holder's total is summed, and the per-run payouts of candidate holders are kept: those largest
 *       by mean over a small fixed sample of the runs, and those close behind.</li>
 *   <li>Holders: the largest holders by mean payout (known only now) take their candidate series; should the
 *       sample have missed one, that holder alone is evaluated again from the stored day and proceeds.</li>
 *   <li>Statistics per series: mean (the exact sum over the runs), the sample standard deviation (exact from the
 *       integer sums of the cents and their squares the tallies keep, {@link ExactSquares}, rounded once),
 *       nearest-rank percentiles, the chance of less than cost, MOIC and IRR of the expected cash flows.</li>
 * </ol>
 * Memory: 8 bytes per run per class series; without deal events a category or candidate holder series takes a
 * byte per run where its cents are a fixed share of the class series' give or take a few (see {@link DerivedSeries}),
 * none where they are whole classes', else 8 (at most as many candidates as reported holders again, within
 * {@link SimulationOptions#MAX_TRACKED_VALUES}); plus 32 bytes per run; no per-run payout of every holder.
 */
public final class MonteCarloSimulator {

    /** Exit runs sampled to choose the holders followed in the payout pass: a fraction of a percent of a large run. */
    private static final int CANDIDATE_SAMPLE = 4096;

    public static final MonteCarloSimulator DEFAULT = new MonteCarloSimulator(CANDIDATE_SAMPLE);

    /** Exit runs sampled to choose the holders the payout pass follows (0: none, every choice a guess). */
    private final int candidateSample;
    /** Whether the payout pass may sum payouts straight into the series' slots (see {@link Job#distribute}). */
    private final boolean seriesPass;
    /** Whether the passes that write the series keep the statistics' first pass ({@link SeriesTallies}, {@link ValueTallies}). */
    private final boolean tallied;
    /** Whether the category and holder series may be kept a byte a run ({@link DerivedSeries}). */
    private final boolean derivedSeries;

    private MonteCarloSimulator(int candidateSample) {
        this(candidateSample, true, true, true);
    }

    private MonteCarloSimulator(int candidateSample, boolean seriesPass, boolean tallied, boolean derivedSeries) {
        this.candidateSample = candidateSample;
        this.seriesPass = seriesPass;
        this.tallied = tallied;
        this.derivedSeries = derivedSeries;
    }

    /** For tests: a simulator choosing its followed holders from a sample of this size (0: blindly). */
    static MonteCarloSimulator withCandidateSample(int candidateSample) {
        return new MonteCarloSimulator(candidateSample);
    }

    /** For tests: a simulator whose payout pass takes every position's payout and sums them itself, as before the series pass. */
    static MonteCarloSimulator withoutSeriesPass() {
        return new MonteCarloSimulator(CANDIDATE_SAMPLE, false, true, true);
    }

    /**
     * For tests: a simulator that hands {@code observer}, once the payout pass has written them, how the category and
     * candidate series are kept (null: 8 bytes a run) and their cents per run, the categories' then the candidates' by
     * slot (derived: each rebuilt into an array of its own).
     */
    static MonteCarloSimulator observingSeries(boolean derived, java.util.function.BiConsumer<CompactSeries, long[][]> observer) {
        MonteCarloSimulator simulator = new MonteCarloSimulator(CANDIDATE_SAMPLE, true, true, derived);
        simulator.seriesObserver = observer;
        return simulator;
    }

    private java.util.function.BiConsumer<CompactSeries, long[][]> seriesObserver;

    /**
     * For tests: a simulator whose statistics never rank a series by its lines ({@link LineRanks}), as when a chunk of it is
     * kept exactly: its range (which its tally then does not keep) and percentiles from the rebuilt series.
     */
    static MonteCarloSimulator withoutLineRanks() {
        MonteCarloSimulator simulator = new MonteCarloSimulator(CANDIDATE_SAMPLE);
        simulator.rankedByLines = false;
        return simulator;
    }

    private boolean rankedByLines = true;

    /**
     * For tests: a simulator whose drawing pass never counts a chunk's exit runs by month, so the exit order counts them
     * itself ({@link ExitOrder#of}, by day over all runs) and the payout pass each chunk's, as when the months are many.
     */
    static MonteCarloSimulator withoutCountedExits() {
        MonteCarloSimulator simulator = new MonteCarloSimulator(CANDIDATE_SAMPLE);
        simulator.countedExits = false;
        return simulator;
    }

    private boolean countedExits = true;

    /** For tests: {@link Job#candidatesWithin}. */
    static int candidatesWithin(long[] estimate, double[] error, int[] ranked, int wanted, int limit) {
        return Job.candidatesWithin(estimate, error, ranked, wanted, limit);
    }

    /** For tests: a simulator whose statistics make every pass over the series themselves, the oracle of the tallies. */
    static MonteCarloSimulator withoutTallies() {
        return new MonteCarloSimulator(CANDIDATE_SAMPLE, true, false, true);
    }

    /** Runs per unit of work; fixed, so the work split never depends on the thread count. */
    static final int CHUNK = 4096;
    /**
     * The most months of the exit table ({@link ExitMonths}) the drawing pass counts each chunk's exit runs by (an int a
     * month a chunk): a wider table (a normal exit date's tails) leaves the counting to {@link ExitOrder#of}.
     */
    private static final int MAX_COUNTED_MONTHS = 256;

    private static final int NO_EXIT = Integer.MIN_VALUE;
    private static final int[] PERCENTILES = {5, 25, 50, 75, 95};
    /**
     * Holders whose sampled total is within this many standard errors of the last wanted one's (each's standard error
     * added) are followed too: one the bound leaves out beats it on all runs only by a miss of four standard errors.
     */
    private static final double CANDIDATE_ERRORS = 4;

    public SimulationResult simulate(SimulationSetup setup, SimulationOptions options) {
        return simulate(setup, options, ProgressListener.NONE);
    }

    /**
     * A worker thread ended by what escaped its task. Out of memory is the caller's to report (the tasks' futures hand
     * it over, or the caller meets it too): printing it here put the JVM's "Exception in thread" trace before the
     * command's one message (a workbook's simulation in a 16 MB heap). Anything else is printed as before.
     */
    private static void workerDied(Thread thread, Throwable e) {
        if (!(e instanceof OutOfMemoryError)) {
            thread.getThreadGroup().uncaughtException(thread, e);
        }
    }

    public SimulationResult simulate(SimulationSetup setup, SimulationOptions options, ProgressListener progress) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "msocap-simulation");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(MonteCarloSimulator::workerDied);
            return t;
        });
        try {
            Job job = new Job(setup, options, progress, pool, candidateSample, seriesPass, tallied, derivedSeries);
            job.seriesObserver = seriesObserver;
            job.rankedByLines = rankedByLines;
            job.countedExits = countedExits;
            return job.run();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The state of one simulation; discarded when it returns. */
    private static final class Job {
        private final SimulationSetup setup;
        private final SimulationOptions options;
        private final ExecutorService pool;
        private final Progress progress;
        private final int runs;
        private final int candidateSample;
        private final boolean seriesPass;

        // Positions: the waterfall's, then one per carve-out recipient.
        private final List<Position> positions = new ArrayList<>();
        private final int waterfallPositions;
        private final List<String> groups = new ArrayList<>();
        private final List<String> holders = new ArrayList<>();
        private final int[] groupOf;
        private final int[] categoryOf;
        private final int[] holderOf;
        /**
         * The waterfall's positions by (group, category): pair q holds {@code pairPositions[pairFrom[q] ..
         * pairFrom[q + 1])}, all of group {@code pairGroup[q]} and category {@code pairCategory[q]}.
         */
        private final int[] pairPositions;
        private final int[] pairFrom;
        private final int[] pairGroup;
        private final int[] pairCategory;

        // Per-run results.
        /** Per run, its exit day (NO_EXIT: none) while phase 1 draws them; then {@link #exitDayIndex}, the same array. */
        private int[] exitDay;
        private final long[] enterpriseValue;
        private final long[] proceeds;
        private final double[][] sampleDrivers;
        private long[][] groupSeries;
        private long[][] categorySeries;
        private long[] holderSums;
        /** Per holder, the carve-out part of {@link #holderSums}. */
        private long[] holderCarveOutSums;
        /**
         * The exit runs by exit day, in run order within a day; or chunk by chunk and by day within a chunk ({@link
         * ExitOrder#byChunk}). Its places by day over all runs are {@link ExitOrder#everyByDay}'s.
         */
        private int[] exitOrder;
        private ExitOrder ordered;
        /**
         * While phase 1 draws them, per chunk its exit runs in each month of {@link #exitMonths}, then those outside it (the
         * last entry); null when the table has too many months to count a chunk's runs by them.
         */
        private int[][] chunkMonthRuns;
        private int exitRuns;
        /**
         * The distinct exit days, ascending, and per run the index of its day among them (-1: no exit): {@link #exitDay}'s
         * array, its days replaced by their indexes, 4 bytes a run not touched twice.
         */
        private int[] exitDays;
        private int[] exitDayIndex;
        /** Per distinct exit day, the runs exiting on it. */
        private long[] runsOnDay;
        private final Map<Integer, PayoutModel.PayoutEvaluator> evaluators = new ConcurrentHashMap<>();
        /**
         * The binned payout pass (see {@link #distribute}): per waterfall position whether the pass needs its payout per
         * run (a candidate holder's), its (group, category) pair, and every thread's binned evaluators by exit day;
         * null when the pass computes every position.
         */
        private boolean[] binnedWanted;
        private int[] binOf;
        private ThreadLocal<PayoutModel.BinnedPayouts[]> binnedByDay;
        private final List<PayoutModel.BinnedPayouts> allBinned = new ArrayList<>();
        /**
         * The series pass (see {@link #distribute}): per position its class, category and followed holder's slot among
         * the series (class, category, then candidate series, as the tallies number them), and every thread's series
         * payouts by exit day (null for a thread when a day's evaluator cannot sum into slots); null when not taken.
         */
        private PayoutModel.SeriesSlots seriesSlots;
        private ThreadLocal<PayoutModel.SeriesPayouts[]> seriesByDay;
        /** Per holder, with the binned pass: an estimate of the part of its total not known exactly, and a bound on its error. */
        private double[] holderEstimate;
        private double[] holderError;
        /**
         * The statistics' first pass, kept by the payout pass (see {@link SeriesTallies}): the class series, then the
         * categories', then the candidate holders' (by slot); null with deal events (runs without an exit realize cash at
         * close there, and a class's cost depends on the exit day).
         */
        private SeriesTallies tallies;
        /** The exit months the draws reach, with their valuations; built when phase 1 starts. */
        private ExitMonths exitMonths;
        /** Whether the series' first passes are kept as they are written. */
        private final boolean tallied;
        /** The enterprise values' and equity proceeds' first pass, kept by the drivers' pass; null when not {@link #tallied}. */
        private final ValueTallies valueTallies;
        /** Per thread, while the drivers' pass runs: a chunk's exit runs' enterprise values, then their proceeds. */
        private final ThreadLocal<long[]> chunkValues = ThreadLocal.withInitial(() -> new long[2 * CHUNK]);
        /** The enterprise-value and equity-proceeds histograms, when their statistics made them. */
        private final Histogram[] valueHistograms = new Histogram[2];
        /** The venture's deal events (net debt and cap table by exit day, cash at close); null without events. */
        private final TimelinePayoutModel timeline;
        /** Whether the category and candidate series may be kept a byte a run. */
        private final boolean derivedSeries;
        /**
         * Without deal events: the category series, then the candidates' (by slot), each a byte a run against the class
         * series where it can ({@link DerivedSeries}); {@link #categorySeries} and the candidates' series then stay null.
         * The payout pass writes them through a chunk's columns ({@link #chunkColumns}); the statistics rebuild each
         * into one scratch per thread ({@link #seriesScratch}).
         */
        private CompactSeries derived;
        /**
         * The index among the tallies' series ({@link #newTallies}: classes, categories, candidates) of {@link #derived}'s
         * first: the classes' 0 for {@link LineSeries} (every series a byte a run), the first category's for
         * {@link DerivedSeries} (the class series kept whole, which they derive from).
         */
        private int derivedFirst;
        /**
         * Per thread, while the payout pass runs: a chunk's values of every series, exit run {@code k} of series {@code s}
         * at {@code s × columnStride + k}, and a spare column past them (see {@link #distribute}).
         */
        private ThreadLocal<long[]> chunkColumns;
        /** The columns' length: a chunk's runs at most. */
        private int columnStride;
        /**
         * Per thread, while the payout pass runs: a chunk's exit runs by day ({@link #distribute}, {@link #chunkByDay}),
         * where each chunk took arrays of its own (about 7 MB of garbage a million runs; with {@code LineSeries}' arrays kept
         * per thread too, payouts about 0.985 of per-chunk arrays in process, ten-class).
         */
        private ThreadLocal<ChunkOrder> chunkOrder;
        private ThreadLocal<long[]> seriesScratch;
        /** The exit runs by piece and proceeds when {@link #derived} keeps lines: the series' percentiles from them. */
        private LineRanks lineRanks;
        /** For tests: {@link #observingSeries}. */
        private java.util.function.BiConsumer<CompactSeries, long[][]> seriesObserver;
        /** Whether the statistics may rank a series by its lines (false: for tests). */
        private boolean rankedByLines = true;
        /** Whether the drawing pass may count each chunk's exit runs by month (false: for tests). */
        private boolean countedExits = true;

        Job(SimulationSetup setup, SimulationOptions options, ProgressListener listener, ExecutorService pool, int candidateSample,
            boolean seriesPass, boolean tallied, boolean derivedSeries) {
            this.candidateSample = candidateSample;
            this.derivedSeries = derivedSeries;
            this.seriesPass = seriesPass;
            this.tallied = tallied;
            this.valueTallies = tallied ? new ValueTallies(2) : null;
            this.setup = setup;
            this.options = options;
            this.pool = pool;
            this.runs = options.runs();
            this.timeline = setup.payouts() instanceof TimelinePayoutModel t ? t : null;
            positions.addAll(setup.payouts().positions());
            waterfallPositions = positions.size();
            positions.addAll(setup.carveOutPositions());
            groupOf = new int[positions.size()];
            categoryOf = new int[positions.size()];
            holderOf = new int[positions.size()];
            for (int p = 0; p < positions.size(); p++) {
                Position pos = positions.get(p);
                groupOf[p] = indexOf(groups, pos.group());
                categoryOf[p] = pos.category().ordinal();
                holderOf[p] = indexOf(holders, pos.holder());
            }
            Integer[] byPair = new Integer[waterfallPositions];
            for (int p = 0; p < waterfallPositions; p++) {
                byPair[p] = p;
            }
            Arrays.sort(byPair, Comparator.<Integer>comparingInt(p -> groupOf[p]).thenComparingInt(p -> categoryOf[p])
                    .thenComparingInt(p -> p));
            pairPositions = new int[waterfallPositions];
            List<Integer> starts = new ArrayList<>();
            for (int j = 0; j < waterfallPositions; j++) {
                pairPositions[j] = byPair[j];
                if (j == 0 || groupOf[byPair[j]] != groupOf[byPair[j - 1]] || categoryOf[byPair[j]] != categoryOf[byPair[j - 1]]) {
                    starts.add(j);
                }
            }
            pairFrom = new int[starts.size() + 1];
            pairGroup = new int[starts.size()];
            pairCategory = new int[starts.size()];
            for (int q = 0; q < starts.size(); q++) {
                pairFrom[q] = starts.get(q);
                pairGroup[q] = groupOf[pairPositions[starts.get(q)]];
                pairCategory[q] = categoryOf[pairPositions[starts.get(q)]];
            }
            pairFrom[starts.size()] = waterfallPositions;
            int tracked = Math.min(options.topHolders(), holders.size());
            // The candidates followed beyond the reported holders are at most as many again (candidateHolders).
            SimulationOptions.requireHeap(runs, groups.size(), HolderCategory.values().length, tracked,
                    (int) Math.min(2L * tracked, holders.size()), options.threads(), Runtime.getRuntime().maxMemory());
            this.progress = new Progress(listener, 3L * runs);
            exitDay = new int[runs];
            enterpriseValue = new long[runs];
            proceeds = new long[runs];
            sampleDrivers = new double[Math.min(options.sampleRuns(), runs)][];
        }

        private static int indexOf(List<String> list, String key) {
            int i = list.indexOf(key);
            if (i < 0) {
                list.add(key);
                i = list.size() - 1;
            }
            return i;
        }

        SimulationResult run() {
            PhaseClock clock = new PhaseClock();
            exitMonths = exitMonths();
            chunkMonthRuns = countedExits && exitMonths.size() <= MAX_COUNTED_MONTHS ? new int[(runs + CHUNK - 1) / CHUNK][] : null;
            forEachChunk(runs, this::drawAndValue);
            clock.lap("drivers and exit value");
            orderExitsByDay();
            resolveExitDays();
            clock.lap("tables");
            progress.advance(runs - exitRuns);
            holderSums = new long[holders.size()];
            holderCarveOutSums = new long[holders.size()];
            int[] candidates = candidateHolders();
            int[] candidateSlot = slots(candidates);
            PayoutModel.PayoutEvaluator[] dayEvaluators = new PayoutModel.PayoutEvaluator[exitDays.length];
            for (int d = 0; d < exitDays.length; d++) {
                dayEvaluators[d] = evaluator(exitDays[d]);
            }
            long[][] candidateSeries;
            // Derived series need a chunk of scratch per series and thread while the pass runs; with fewer runs than a
            // chunk a thread that scratch would outweigh the 8 bytes a run it saves (every holder followed, few runs).
            if (derivedSeries && timeline == null && runs >= (long) CHUNK * options.threads()) {
                // Lines in the proceeds need every series to be a function of the proceeds: a carve-out is one of the
                // enterprise value.
                derived = positions.size() == waterfallPositions ? lineSeries(candidateSlot, candidates.length, dayEvaluators) : null;
                groupSeries = new long[groups.size()][];
                if (derived == null) {
                    for (int g = 0; g < groupSeries.length; g++) {
                        groupSeries[g] = new long[runs];
                    }
                    derived = derivedSeries(candidateSlot, candidates.length, dayEvaluators);
                    derivedFirst = groups.size();
                }
                categorySeries = new long[HolderCategory.values().length][];
                candidateSeries = new long[candidates.length][];
                seriesScratch = ThreadLocal.withInitial(() -> new long[runs]);
            } else {
                groupSeries = new long[groups.size()][runs];
                categorySeries = new long[HolderCategory.values().length][runs];
                candidateSeries = new long[candidates.length][runs];
            }
            prepareBinnedPass(candidates);
            tallies = timeline == null && tallied ? newTallies(candidates) : null;
            // Derived series need as many runs as a chunk a thread (above): their columns are a chunk long.
            columnStride = Math.min(CHUNK, runs);
            int columns = (groupSeries.length + categorySeries.length + candidateSeries.length + 1) * columnStride;
            chunkColumns = ThreadLocal.withInitial(() -> new long[columns]);
            chunkOrder = ThreadLocal.withInitial(() -> new ChunkOrder(dayEvaluators.length, columnStride));
            prepareSeriesPass(candidateSlot, candidates.length);
            forEachChunk(runs, (from, to) -> distribute(from, to, dayEvaluators, candidateSlot, candidateSeries));
            chunkColumns = null;
            chunkOrder = null;
            if (seriesObserver != null) {
                long[][] kept = new long[groupSeries.length + categorySeries.length + candidateSeries.length][];
                for (int s = 0; s < kept.length; s++) {
                    int c = s - groupSeries.length;
                    kept[s] = derived != null && s >= derivedFirst ? derived.rebuild(s - derivedFirst, new long[runs]).clone()
                            : c < 0 ? groupSeries[s] : c < categorySeries.length ? categorySeries[c] : candidateSeries[c - categorySeries.length];
                }
                seriesObserver.accept(derived, kept);
            }
            if (tallies != null) {
                tallies.addRunsWithoutExit(runs - exitRuns);
                for (int s = 0; s < tallies.size(); s++) {
                    if (copiesAnother(s)) {
                        tallies.copySums(derivedFirst + derived.sameAs(s - derivedFirst), s);
                    }
                }
            }
            if (holderSumsFromTallies()) {
                // Each holder's total, its waterfall payouts and carve-out alike, is its series' sum (what the pass added
                // per position was the carve-out part only, kept apart in holderCarveOutSums).
                int first = groups.size() + HolderCategory.values().length;
                for (int h = 0; h < holders.size(); h++) {
                    holderSums[h] = tallies.sum(first + candidateSlot[h]);
                }
            }
            if (timeline != null && timeline.hasRecaps()) {
                forEachChunk(runs, (from, to) -> realizeWithoutExit(from, to, candidateSlot, candidateSeries, true));
            }
            settleHolderSums();
            clock.lap("payouts");
            int[] top = topHolders();
            progress.advance(runs - exitRuns);
            long[][] holderSeries = new long[top.length][];
            int[] missing = new int[top.length];
            int misses = 0;
            for (int t = 0; t < top.length; t++) {
                if (candidateSlot[top[t]] >= 0) {
                    holderSeries[t] = candidateSeries[candidateSlot[top[t]]]; // null when derived: rebuilt by the statistics
                } else {
                    missing[misses++] = top[t];
                }
            }
            Arrays.fill(candidateSeries, null); // the candidates that did not make it are garbage now
            if (misses > 0) {
                // The estimate missed a holder near the cut: follow just those through a second pass.
                int[] missed = Arrays.copyOf(missing, misses);
                long[][] missedSeries = new long[misses][runs];
                forEachChunk(exitRuns, (from, to) -> distributeToHolders(from, to, slots(missed), missedSeries));
                if (timeline != null && timeline.hasRecaps()) {
                    forEachChunk(runs, (from, to) -> realizeWithoutExit(from, to, slots(missed), missedSeries, false));
                }
                for (int t = 0, k = 0; t < top.length; t++) {
                    if (candidateSlot[top[t]] < 0) {
                        holderSeries[t] = missedSeries[k++];
                    }
                }
            } else {
                progress.advance(exitRuns);
            }
            clock.lap("holders");
            evaluators.clear();
            SimulationResult result = statistics(top, holderSeries, candidateSlot);
            clock.lap("statistics");
            return result;
        }

        /**
         * Whether the holders' totals are their series' tallies: every holder followed through the full payout pass
         * (no binned pass), without deal events.
         */
        private boolean holderSumsFromTallies() {
            return tallies != null && binnedByDay == null
                    && tallies.size() == groups.size() + HolderCategory.values().length + holders.size();
        }

        /**
         * Whether series {@code s} (the tallies' index) equals an earlier one run for run ({@link CompactSeries#sameAs})
         * and keeps no range: the payout pass neither sums into it (its column stays 0), stores nor tallies it, and its
         * sums are copied from that one's. (A series whose tally keeps a range counts its runs below a cost of its own.)
         */
        private boolean copiesAnother(int s) {
            return tallies != null && !tallies.keepsRange(s) && derived.sameAs(s - derivedFirst) != s - derivedFirst;
        }

        /** Tallies of the class, category and candidate series, each against its cost. */
        private SeriesTallies newTallies(int[] candidates) {
            int categories = HolderCategory.values().length;
            long[] cost = new long[groups.size() + categories + candidates.length];
            for (int g = 0; g < groups.size(); g++) {
                cost[g] = classCostFlows(g).totalCents();
            }
            for (int c = 0; c < categories; c++) {
                int category = c;
                cost[groups.size() + c] = costFlows(p -> categoryOf[p] == category).totalCents();
            }
            for (int t = 0; t < candidates.length; t++) {
                int holder = candidates[t];
                cost[groups.size() + categories + t] = costFlows(p -> holderOf[p] == holder).totalCents();
            }
            // A series kept against lines leaves its range to the statistics (from its lines, or rebuilt when they cannot
            // rank it): four comparisons a value fewer in the payout pass.
            boolean[] range = new boolean[cost.length];
            for (int s = 0; s < cost.length; s++) {
                range[s] = !(derived instanceof LineSeries && s >= derivedFirst && !derived.keptWhole(s - derivedFirst));
            }
            return new SeriesTallies(cost, range, exitDays.length);
        }

        /** Per holder, its index in {@code chosen}, or -1. */
        private int[] slots(int[] chosen) {
            int[] slot = new int[holders.size()];
            Arrays.fill(slot, -1);
            for (int t = 0; t < chosen.length; t++) {
                slot[chosen[t]] = t;
            }
            return slot;
        }

        /**
         * The holders whose per-run payouts the payout pass keeps, so that the largest holders (known only after it)
         * need no second pass: those largest by mean payout over an evenly spaced sample of the exit runs, plus the
         * ones whose sampled total is within {@link #CANDIDATE_ERRORS} standard errors of the last one's, within the
         * memory bound (each series followed is 8 bytes a run to write, tally and page in). The sample is fixed by the
         * runs alone, so the choice never depends on the thread count; and if the estimate misses a holder of the final
         * top, that holder is followed through a second pass, so the choice only affects speed, never a number.
         */
        private int[] candidateHolders() {
            int wanted = Math.min(options.topHolders(), holders.size());
            if (wanted == 0 || wanted == holders.size()) {
                return topByTotal(holderSumsOfSample(0, new double[holders.size()]), wanted);
            }
            double[] squares = new double[holders.size()];
            long[] estimate = holderSumsOfSample(candidateSample, squares);
            int[] ranked = topByTotal(estimate, holders.size());
            int sampled = sampledRuns(candidateSample);
            double[] error = new double[holders.size()];
            for (int h = 0; h < error.length; h++) {
                // The standard error of a sum of `sampled` payouts: √sampled × their standard deviation.
                double mean = (double) estimate[h] / sampled;
                double variance = sampled < 2 ? Double.POSITIVE_INFINITY
                        : Math.max(0, squares[h] - sampled * mean * mean) / (sampled - 1);
                error[h] = Math.sqrt(sampled * variance);
            }
            long spare = SimulationOptions.MAX_TRACKED_VALUES / runs - (groups.size() + HolderCategory.values().length + wanted + 2);
            int limit = (int) Math.min(Math.min(2L * wanted, holders.size()), wanted + Math.max(0, spare));
            return Arrays.copyOf(ranked, candidatesWithin(estimate, error, ranked, wanted, limit));
        }

        /**
         * How many of the holders {@code ranked} by sampled total to follow: the {@code wanted} first, then those behind
         * whose total plus {@link #CANDIDATE_ERRORS} standard errors ({@code error}) reaches the last wanted one's minus
         * as many of its own, at most {@code limit}.
         */
        static int candidatesWithin(long[] estimate, double[] error, int[] ranked, int wanted, int limit) {
            int last = ranked[wanted - 1];
            double lowest = estimate[last] - CANDIDATE_ERRORS * error[last];
            int n = wanted;
            while (n < limit && estimate[ranked[n]] + CANDIDATE_ERRORS * error[ranked[n]] >= lowest) {
                n++;
            }
            return n;
        }

        /**
         * Every holder's payouts summed over about {@code sampleSize} exit runs evenly spaced by day (0: none), and
         * into {@code squares} each holder's payout of a run squared, summed.
         */
        private long[] holderSumsOfSample(int sampleSize, double[] squares) {
            long[] sums = new long[holders.size()];
            if (sampleSize == 0 || exitRuns == 0) {
                return sums;
            }
            long[] payout = new long[waterfallPositions];
            long[] ofRun = new long[holders.size()];
            for (int run : ordered.everyByDay(Math.max(1, exitRuns / sampleSize))) {
                evaluator(exitDays[exitDayIndex[run]]).payouts(proceeds[run], payout);
                Arrays.fill(ofRun, 0);
                for (int p = 0; p < waterfallPositions; p++) {
                    ofRun[holderOf[p]] += payout[p];
                }
                for (int h = 0; h < ofRun.length; h++) {
                    sums[h] += ofRun[h];
                    squares[h] += (double) ofRun[h] * ofRun[h];
                }
            }
            return sums;
        }

        /** The exit runs {@link #holderSumsOfSample} takes. */
        private int sampledRuns(int sampleSize) {
            if (sampleSize == 0 || exitRuns == 0) {
                return 0;
            }
            int stride = Math.max(1, exitRuns / sampleSize);
            return (exitRuns + stride - 1) / stride;
        }

        // ---- phase 1: drivers and values --------------------------------------------------------------

        private void drawAndValue(int from, int to) {
            DriverSampler sampler = setup.drivers();
            // Six runs at a time, each from its own stream: their draws side by side (DriverSampler.drawSix: twelve normal
            // quantiles at once; four at a time was 0.94 of two in process, six 0.975 of four), then each valued; the one
            // to five runs left at the chunk's end are drawn two and one at a time. Only the runs that exit, or are
            // sampled, are drawn: nothing else of a run without an exit is kept, and each run's draws come from its own
            // stream, so the runs drawn together need not be neighbours.
            long seed = options.seed();
            RandomStream[] random = new RandomStream[6];
            for (int r = 0; r < random.length; r++) {
                random[r] = RandomStream.forRun(seed, from);
            }
            double[][] drawn = new double[6][Driver.values().length];
            // The drivers without a distribution keep these (a draw writes only the others); escrow and earnout are set
            // per run below. So they are written once, not per run.
            for (double[] drivers : drawn) {
                drivers[Driver.EXIT_DATE.ordinal()] = setup.baseExitDate().toEpochDay();
                drivers[Driver.EBITDA_MULTIPLE.ordinal()] = setup.baseMultiple();
                drivers[Driver.COLLECTIONS_GROWTH.ordinal()] = Double.NaN;
                drivers[Driver.CLINICIAN_COMP.ordinal()] = Double.NaN;
            }
            int[] exits = new int[6];
            int[] runOf = new int[6];
            double[] scratch = new double[sampler.sixScratchSize()];
            boolean escrowDriver = sampler.marginal(Driver.ESCROW_RELEASE).isPresent();
            boolean earnoutDriver = sampler.marginal(Driver.EARNOUT_PAID).isPresent();
            ExitTerms terms = setup.terms();
            // Without the driver and with no chance of payment the draw cannot pay (a uniform of [0, 1) is never below 0,
            // nor below NaN): paid is 0 without it. It is the run's last draw, so nothing after it moves.
            boolean earnoutDrawn = earnoutDriver || terms.earnoutProbability() > 0;
            ExitTerms.Bridge bridge = terms.bridge();
            int earliest = setup.exitValue().earliestExitDay();
            ExitMonths months = exitMonths;
            // What every run reads, in locals: C1 neither hoists loads out of a loop nor folds an enum's ordinal.
            long exitBits = RandomStream.leastBitsAtLeast(setup.noExitProbability());
            double escrowReleased = terms.escrowReleaseProbability();
            // u < p exactly when not u >= p, but for a NaN p, below which no uniform is.
            long releasedBits = Double.isNaN(escrowReleased) ? 0 : RandomStream.leastBitsAtLeast(escrowReleased);
            double earnoutPaid = terms.earnoutProbability();
            int sampled = sampleDrivers.length;
            int dateAt = Driver.EXIT_DATE.ordinal();
            int multipleAt = Driver.EBITDA_MULTIPLE.ordinal();
            int growthAt = Driver.COLLECTIONS_GROWTH.ordinal();
            int compAt = Driver.CLINICIAN_COMP.ordinal();
            int escrowAt = Driver.ESCROW_RELEASE.ordinal();
            int earnoutAt = Driver.EARNOUT_PAID.ordinal();
            // The chunk's exit runs by month, then those outside the table: the exit order then needs no pass to count them.
            int[] monthRuns = new int[months.size() + 1];
            int outside = months.size();
            long[] values = valueTallies == null ? null : chunkValues.get();
            int valued = 0;
            for (int next = from; next < to; ) {
                int runs = 0;
                for (; runs < 6 && next < to; next++) {
                    RandomStream stream = random[runs];
                    stream.reset(seed, next);
                    // The run exits when its uniform is at least noExit: its bits at least exitBits, 1 or 0 without a
                    // branch (a run in seven has none, at random: the double comparison's branches were mispredicted about
                    // as often; 0.965 of main against 0.972 without this, in process). A run without an exit, not sampled,
                    // is not drawn: the next run takes its place. An exit run's day is written when it is valued.
                    int exit = (int) ((exitBits - 1 - stream.nextDoubleBits()) >>> 63);
                    exitDay[next] = NO_EXIT;
                    exits[runs] = exit;
                    runOf[runs] = next;
                    runs += exit | (next < sampled ? 1 : 0);
                }
                if (runs == 6) {
                    sampler.drawSix(random, drawn, scratch);
                } else {
                    int r = 0;
                    for (; r + 1 < runs; r += 2) {
                        sampler.drawTwo(random[r], random[r + 1], drawn[r], drawn[r + 1], scratch);
                    }
                    if (r < runs) {
                        sampler.draw(random[r], drawn[r], scratch);
                    }
                }
                for (int r = 0; r < runs; r++) {
                    int i = runOf[r];
                    double[] drivers = drawn[r];
                    // The escrow released when its uniform is below the probability: its bits below releasedBits, 1 or 0
                    // without a branch (released one run in ten at random on ten-class).
                    long escrowDraw = random[r].nextDoubleBits();
                    double released = escrowDriver ? clamp01(drivers[escrowAt]) : (double) ((escrowDraw - releasedBits) >>> 63);
                    double paid = earnoutDriver ? clamp01(drivers[earnoutAt])
                            : earnoutDrawn && random[r].nextDouble() < earnoutPaid ? 1 : 0;
                    drivers[escrowAt] = released;
                    drivers[earnoutAt] = paid;
                    if (i < sampled) {
                        sampleDrivers[i] = drivers.clone();
                    }
                    if (exits[r] == 0) {
                        continue;
                    }
                    // Unbounded date distributions (normal) are clamped to the first date that can be valued; a sale
                    // closes at the end of its month (see the class comment).
                    long day = Math.max(earliest, ExitMonths.nearestDay(drivers[dateAt]));
                    int month = months.month(day);
                    long ev;
                    if (month >= 0) {
                        monthRuns[month]++;
                        exitDay[i] = months.monthEnd(month);
                        ev = months.valuation(month).enterpriseValueCents(drivers[multipleAt], drivers[growthAt], drivers[compAt]);
                    } else {
                        monthRuns[outside]++;
                        exitDay[i] = monthEnd(day);
                        ev = setup.exitValue().enterpriseValueCents(exitDay[i], drivers[multipleAt], drivers[growthAt],
                                drivers[compAt]);
                    }
                    enterpriseValue[i] = ev;
                    long realized = timeline == null ? bridge.realizedProceedsCents(ev, released, paid)
                            : timeline.termsOn(terms, exitDay[i]).realizedProceedsCents(ev, released, paid);
                    proceeds[i] = realized;
                    if (values != null) {
                        values[valued] = ev;
                        values[CHUNK + valued++] = realized;
                    }
                }
            }
            if (values != null) {
                // The chunk's exit runs' values, gathered as written: their statistics' first pass, one loop per series.
                // Over the chunk's runs the loops skipped the runs without an exit by a branch taken one time in seven, at
                // random, and loaded each run's exit day: gathered, 0.981–0.989 of the drivers and exit value phase in
                // process (20 alternated rounds, twice). (The squares in a loop of their own, ExactSquares.addSquaresOf,
                // gave that back: 1.003.)
                valueTallies.add(0, values, 0, valued);
                valueTallies.add(1, values, CHUNK, CHUNK + valued);
            }
            if (chunkMonthRuns != null) {
                chunkMonthRuns[from / CHUNK] = monthRuns;
            }
            progress.advance(to - from);
        }

        /**
         * The months the exit days can fall in, by table: the days the exit date's distribution reaches (no earlier than the
         * model can value), within {@link ExitMonths#MAX_DAYS} around its mean; the days of a wider distribution's far
         * tails are converted one by one.
         */
        private ExitMonths exitMonths() {
            Optional<Marginal> date = setup.drivers().marginal(Driver.EXIT_DATE);
            double base = setup.baseExitDate().toEpochDay();
            double lowest = Math.max(setup.exitValue().earliestExitDay(), Math.floor(date.map(Marginal::lowest).orElse(base)));
            double highest = Math.min(LAST_MONTH, Math.ceil(date.map(Marginal::highest).orElse(base)));
            if (!(highest - lowest < ExitMonths.MAX_DAYS)) {
                double centre = Math.min(highest, Math.max(lowest, Math.rint(date.map(Marginal::mean).orElse(base))));
                lowest = Math.max(lowest, centre - ExitMonths.MAX_DAYS / 2);
                highest = Math.min(highest, lowest + ExitMonths.MAX_DAYS - 1);
            }
            if (!(lowest <= highest)) {
                return new ExitMonths(setup.exitValue(), 0, -1);
            }
            return new ExitMonths(setup.exitValue(), (long) lowest, (long) highest);
        }

        private static int monthEnd(long epochDay) {
            return (int) CivilDays.monthEnd(Math.min(epochDay, LAST_MONTH));
        }

        /** Exit days are moved no later than this month (whose end LocalDate can still hold). */
        private static final long LAST_MONTH = LocalDate.of(9999, 12, 1).toEpochDay();

        private static double clamp01(double v) {
            return v <= 0 ? 0 : v >= 1 ? 1 : v;
        }

        /**
         * The exit runs by day ({@link ExitOrder}); each run's exit day becomes its day's index ({@link #exitDayIndex}). When
         * the drawing pass counted every chunk's exit runs by month and none fell outside the table, in one pass, chunk by
         * chunk ({@link ExitOrder#byChunk}).
         */
        private void orderExitsByDay() {
            boolean counted = chunkMonthRuns != null;
            for (int c = 0; counted && c < chunkMonthRuns.length; c++) {
                counted = chunkMonthRuns[c][exitMonths.size()] == 0;
            }
            int[] monthEnds = new int[exitMonths.size()];
            Arrays.setAll(monthEnds, exitMonths::monthEnd);
            ordered = counted ? ExitOrder.byChunk(exitDay, NO_EXIT, monthEnds, chunkMonthRuns, CHUNK) : ExitOrder.of(exitDay, NO_EXIT);
            chunkMonthRuns = null;
            exitOrder = ordered.order;
            exitRuns = exitOrder.length;
            exitDays = ordered.days;
            // Only deal events need it (cash at close realized per exit day).
            runsOnDay = timeline == null ? null : ordered.runsOnDay;
            exitDayIndex = exitDay;
            exitDay = null;
        }

        /**
         * Resolves every exit day's evaluator up front, one day per task. Resolving is the costly step and runs are
         * sorted by day, so resolved on first use the pool's threads would mostly wait for each other on the same
         * day; here they resolve different days side by side. The evaluators are pure, so results do not depend on
         * which thread resolved what.
         */
        private void resolveExitDays() {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int day : exitDays) {
                tasks.add(() -> {
                    evaluator(day);
                    return null;
                });
            }
            invokeAll(tasks);
        }

        // ---- phase 2: payouts per class and category, totals per holder -------------------------------

        private PayoutModel.PayoutEvaluator evaluator(int day) {
            // Not computeIfAbsent: resolving a day under the map's lock would hold up threads resolving other days.
            PayoutModel.PayoutEvaluator known = evaluators.get(day);
            if (known == null) {
                known = setup.payouts().at(day);
                PayoutModel.PayoutEvaluator raced = evaluators.putIfAbsent(day, known);
                known = raced != null ? raced : known;
            }
            return known;
        }

        /**
         * The payout pass over runs {@code [from, to)}, by exit day within the chunk: the series are written chunk by chunk
         * (in exit-day order over all runs every run's store landed on its own cache line of each series), and each day's
         * evaluator, resolved beforehand, serves its runs of the chunk one after another. With the series pass
         * ({@link #prepareSeriesPass}) the evaluator sums each run straight into the series; otherwise every position's
         * payout is taken and summed here.
         */
        private void distribute(int from, int to, PayoutModel.PayoutEvaluator[] dayEvaluators, int[] candidateSlot,
                                long[][] candidateSeries) {
            long[] payout = new long[waterfallPositions];
            // The positions of candidate holders, and the series each adds to.
            long[] candidateTotals = new long[candidateSeries.length];
            int[] followed = new int[positions.size()];
            int[] followedSlot = new int[positions.size()];
            int follows = 0;
            for (int p = 0; p < positions.size(); p++) {
                if (candidateSlot[holderOf[p]] >= 0) {
                    followed[follows] = p;
                    followedSlot[follows++] = candidateSlot[holderOf[p]];
                }
            }
            long[] groupTotals = new long[groups.size()];
            long[] categoryTotals = new long[HolderCategory.values().length];
            long[] positionTotals = new long[positions.size()];
            ExitTerms terms = setup.terms();
            // The chunk's exit runs by day (in run order within a day): each day's evaluator stays in the caches for its
            // runs, and the series' stores stay within the chunk's stretch of each series. dayEnd ends each day.
            ChunkOrder order = chunkOrder.get();
            int[] byDay = order.byDay;
            int[] runDay = order.runDay;
            int[] dayEnd = order.dayEnd;
            int exits = ordered.chunkFrom != null ? chunkByDay(from / CHUNK, byDay, runDay, dayEnd)
                    : chunkByDay(from, to, byDay, runDay, dayEnd);
            PayoutModel.BinnedPayouts[] binned = binnedByDay == null ? null : binnedByDay.get();
            long[] pairTotals = new long[pairGroup.length];
            // With every holder followed, each holder's total is its series' tally: no sum per position and run.
            boolean positionSums = !holderSumsFromTallies();
            PayoutModel.SeriesPayouts[] passes = seriesByDay == null ? null : seriesByDay.get();
            // Every series' values of the chunk's exit runs first go to the chunk's columns, series s's exit run k at
            // s × stride + k (by the tallies' index of the series: classes, categories, candidates): the series pass sums
            // each run straight into them, the tallies and the compact series' stores read each series' in one stretch,
            // and the series kept whole by run take theirs from there.
            long[] columns = chunkColumns.get();
            int stride = columnStride;
            int series = groupSeries.length + categorySeries.length + candidateSeries.length;
            int categoryColumn = groupSeries.length * stride;
            int candidateColumn = (groupSeries.length + categorySeries.length) * stride;
            if (passes != null) {
                // The columns are zero: fresh, or cleared by the tallies of the thread's last chunk (the series pass
                // needs the tallies).
                distributeBySeries(exits, byDay, runDay, passes, columns, positionTotals);
            }
            for (int k = 0; passes == null && k < exits; k++) {   // without the series pass
                int run = byDay[k];
                Arrays.fill(groupTotals, 0);
                Arrays.fill(categoryTotals, 0);
                PayoutModel.BinnedPayouts bins = binned == null ? null : binned[runDay[k]];
                if (bins != null) {
                    // The pairs' totals and the candidates' payouts exact; the other positions' totals kept by the evaluator.
                    Arrays.fill(pairTotals, 0);
                    bins.payouts(proceeds[run], payout, pairTotals);
                    for (int q = 0; q < pairGroup.length; q++) {
                        groupTotals[pairGroup[q]] += pairTotals[q];
                        categoryTotals[pairCategory[q]] += pairTotals[q];
                    }
                } else {
                    dayEvaluators[runDay[k]].payouts(proceeds[run], payout);
                    // Summed per (group, category) into a local first: adding every position straight into the group's
                    // and the category's slot chains each addition on the previous one through memory.
                    for (int q = 0; q < pairGroup.length; q++) {
                        long sum = 0;
                        for (int j = pairFrom[q], end = pairFrom[q + 1]; j < end; j++) {
                            sum += payout[pairPositions[j]];
                        }
                        groupTotals[pairGroup[q]] += sum;
                        categoryTotals[pairCategory[q]] += sum;
                    }
                    if (positionSums) {
                        for (int p = 0; p < waterfallPositions; p++) {
                            positionTotals[p] += payout[p];
                        }
                    }
                }
                long[] split = null;
                if (positions.size() > waterfallPositions) {
                    ExitTerms on = timeline == null ? terms : timeline.termsOn(terms, exitDays[runDay[k]]);
                    split = on.carveOutSplit(on.carveOutCents(enterpriseValue[run]));
                    for (int c = 0; c < split.length; c++) {
                        int p = waterfallPositions + c;
                        groupTotals[groupOf[p]] += split[c];
                        categoryTotals[categoryOf[p]] += split[c];
                        positionTotals[p] += split[c];
                    }
                }
                // Summed per candidate first, then one store per candidate into its column.
                Arrays.fill(candidateTotals, 0);
                for (int f = 0; f < follows; f++) {
                    int p = followed[f];
                    candidateTotals[followedSlot[f]] += p < waterfallPositions ? payout[p] : split[p - waterfallPositions];
                }
                for (int c = 0; c < candidateTotals.length; c++) {
                    columns[candidateColumn + c * stride + k] = candidateTotals[c];
                }
                for (int g = 0; g < groupTotals.length; g++) {
                    columns[g * stride + k] = groupTotals[g];
                }
                for (int c = 0; c < categoryTotals.length; c++) {
                    columns[categoryColumn + c * stride + k] = categoryTotals[c];
                }
            }
            // The series kept whole by run: every one without compact series, else the class series DerivedSeries reads.
            int byRun = derived == null ? series : derivedFirst;
            for (int s = 0; s < byRun; s++) {
                int c = s - groupSeries.length;
                long[] kept = c < 0 ? groupSeries[s] : c < categorySeries.length ? categorySeries[c]
                        : candidateSeries[c - categorySeries.length];
                for (int k = 0, at = s * stride; k < exits; k++, at++) {
                    kept[byDay[k]] = columns[at];
                }
            }
            // The chunk's stretch of each series, just written: its first pass of the statistics (dayEnd ends each
            // day). The last to read the columns: it clears them for the next chunk's series pass. A series kept against
            // lines (its tally keeps no range) is tallied and cleared by its store, but one equal to an earlier series: the
            // series pass leaves its column 0 (copiesAnother); the per-run pass without it writes the column and the store,
            // skipping the twin, leaves it (its tally is copied after the pass, and the next chunk's per-run pass writes every
            // column before anything reads it).
            SeriesTallies tally = tallies == null ? null : tallies.forChunk();
            if (derived != null) {
                derived.storeChunk(columns, derivedFirst, byDay, runDay, exits, from, tally, dayEnd);
            }
            if (tally != null) {
                for (int s = 0; s < series; s++) {
                    if (tally.keepsRange(s)) {
                        tally.addAndClear(s, columns, s * stride, dayEnd);
                    }
                }
                tallies.addChunk(tally);
            }
            synchronized (holderSums) {
                for (int p = 0; p < positionTotals.length; p++) {
                    holderSums[holderOf[p]] = Math.addExact(holderSums[holderOf[p]], positionTotals[p]);
                }
                // The carve-out positions' sums, already kept per position: no extra work per run. Not the recipient's
                // weight × the carve-out line's mean: each run splits its carve-out to the cent by largest remainder,
                // so a recipient's cents differ from weight × carve-out by up to a cent per run.
                for (int p = waterfallPositions; p < positionTotals.length; p++) {
                    holderCarveOutSums[holderOf[p]] = Math.addExact(holderCarveOutSums[holderOf[p]], positionTotals[p]);
                }
            }
            progress.advance(exits);
        }

        /**
         * A chunk's exit runs by day, for {@link #distribute} ({@link #chunkByDay}): {@code byDay[k]} the chunk's exit run
         * {@code k}, exiting on day {@code runDay[k]}; day {@code d}'s runs end at {@code dayEnd[d]}, and the last entry is
         * the chunk's exit runs.
         */
        private static final class ChunkOrder {
            final int[] dayEnd;
            final int[] byDay;
            final int[] runDay;

            ChunkOrder(int days, int runs) {
                dayEnd = new int[days + 1];
                byDay = new int[runs];
                runDay = new int[runs];
            }
        }

        /**
         * Chunk {@code c}'s exit runs by day as the exit order has them ({@link ExitOrder#byChunk}), copied into {@code byDay},
         * each one's day index into {@code runDay} and each day's end into {@code dayEnd} (its last entry the chunk's exit
         * runs, returned).
         */
        private int chunkByDay(int c, int[] byDay, int[] runDay, int[] dayEnd) {
            int from = ordered.chunkFrom[c];
            int exits = ordered.chunkFrom[c + 1] - from;
            System.arraycopy(exitOrder, from, byDay, 0, exits);
            int days = exitDays.length;
            for (int d = 0, start = 0; d < days; d++) {
                int end = ordered.chunkDayEnd[c * days + d] - from;
                Arrays.fill(runDay, start, end, d);
                dayEnd[d] = end;
                start = end;
            }
            dayEnd[days] = exits;
            return exits;
        }

        /** {@link #chunkByDay(int, int[], int[], int[])} of the runs {@code [from, to)}, counted and placed by day here. */
        private int chunkByDay(int from, int to, int[] byDay, int[] runDay, int[] dayEnd) {
            int[] dayStart = dayEnd;
            Arrays.fill(dayStart, 0);
            for (int run = from; run < to; run++) {
                if (exitDayIndex[run] >= 0) {
                    dayStart[exitDayIndex[run] + 1]++;
                }
            }
            for (int d = 1; d < dayStart.length; d++) {
                dayStart[d] += dayStart[d - 1];
            }
            for (int run = from; run < to; run++) {
                int d = exitDayIndex[run];
                if (d >= 0) {
                    runDay[dayStart[d]] = d;
                    byDay[dayStart[d]++] = run;
                }
            }
            return dayStart[dayStart.length - 1];
        }

        /**
         * The series pass over a chunk's exit runs, in the order of {@code byDay}: each day's runs summed by the day's
         * evaluator straight into the series' columns (a class's cents once into its class and category, split only
         * where a followed holder needs its part; claimant by claimant over the day's runs), then the carve-outs added
         * by position. A method of its own so that the JIT compiles these loops apart from the chunk's set-up.
         */
        private void distributeBySeries(int exits, int[] byDay, int[] runDay, PayoutModel.SeriesPayouts[] passes,
                                        long[] columns, long[] positionTotals) {
            long[] proceeds = this.proceeds;
            for (int from = 0, to; from < exits; from = to) {
                int day = runDay[from];
                to = from + 1;
                while (to < exits && runDay[to] == day) {
                    to++;
                }
                passes[day].addRuns(proceeds, byDay, from, to, columns);
            }
            if (positions.size() > waterfallPositions) {
                for (int k = 0; k < exits; k++) {
                    addCarveOuts(byDay[k], runDay[k], columns, k, positionTotals);
                }
            }
        }

        /** The run's carve-out, split to its recipients, added to their slots (offset by {@code at}) and positions' totals. */
        private void addCarveOuts(int run, int day, long[] totals, int at, long[] positionTotals) {
            ExitTerms on = timeline == null ? setup.terms() : timeline.termsOn(setup.terms(), exitDays[day]);
            long[] split = on.carveOutSplit(on.carveOutCents(enterpriseValue[run]));
            int spare = seriesSlots.spare();
            for (int c = 0; c < split.length; c++) {
                int p = waterfallPositions + c;
                int holder = seriesSlots.holderSlot()[p];
                totals[seriesSlots.groupSlot()[p] + at] += split[c];
                totals[seriesSlots.categorySlot()[p] + at] += split[c];
                totals[(holder < 0 ? spare : holder) + at] += split[c];
                positionTotals[p] += split[c];
            }
        }

        /**
         * The category series, then the candidates' ({@code candidates} of them, by {@code candidateSlot}), as
         * {@link DerivedSeries}: per series the classes it takes whole or in part, each part's fraction per exit day (its
         * positions' share of the class's payouts at the largest proceeds drawn, carve-outs split at as many cents), and
         * whether it stays 8 bytes a run after all: when on an evenly spaced sample of the exit runs, computed exactly,
         * a correction against its estimate would not fit a byte.
         */
        private DerivedSeries derivedSeries(int[] candidateSlot, int candidates, PayoutModel.PayoutEvaluator[] dayEvaluators) {
            int categories = HolderCategory.values().length;
            int n = categories + candidates;
            int groupCount = groups.size();
            int[] groupSize = new int[groupCount];
            int[][] taken = new int[n][groupCount];
            for (int p = 0; p < positions.size(); p++) {
                groupSize[groupOf[p]]++;
                for (int s : seriesOf(p, candidateSlot)) {
                    if (s >= 0) {
                        taken[s][groupOf[p]]++;
                    }
                }
            }
            int[][] full = new int[n][];
            int[][] partial = new int[n][];
            for (int s = 0; s < n; s++) {
                int[] counts = taken[s];
                full[s] = java.util.stream.IntStream.range(0, groupCount).filter(g -> counts[g] == groupSize[g]).toArray();
                partial[s] = java.util.stream.IntStream.range(0, groupCount)
                        .filter(g -> counts[g] > 0 && counts[g] < groupSize[g]).toArray();
            }
            long reference = 1;
            for (int run : exitOrder) {
                reference = Math.max(reference, proceeds[run]);
            }
            double[][][] fraction = new double[n][][];
            for (int s = 0; s < n; s++) {
                fraction[s] = new double[partial[s].length][exitDays.length];
            }
            long[] cents = new long[positions.size()];
            long[] groupCents = new long[groupCount];
            long[] seriesCents = new long[n];
            long[][] partCents = new long[n][groupCount];
            for (int d = 0; d < exitDays.length; d++) {
                centsOfRun(dayEvaluators[d], reference, reference, cents);
                Arrays.fill(groupCents, 0);
                for (long[] part : partCents) {
                    Arrays.fill(part, 0);
                }
                for (int p = 0; p < cents.length; p++) {
                    groupCents[groupOf[p]] += cents[p];
                    for (int s : seriesOf(p, candidateSlot)) {
                        if (s >= 0) {
                            partCents[s][groupOf[p]] += cents[p];
                        }
                    }
                }
                for (int s = 0; s < n; s++) {
                    for (int j = 0; j < partial[s].length; j++) {
                        int g = partial[s][j];
                        fraction[s][j][d] = groupCents[g] == 0 ? 0 : (double) partCents[s][g] / groupCents[g];
                    }
                }
            }
            boolean[] keptWhole = new boolean[n];
            for (int run : ordered.everyByDay(Math.max(1, exitRuns / CANDIDATE_SAMPLE))) {
                int d = exitDayIndex[run];
                centsOfRun(dayEvaluators[d], proceeds[run], -(long) run - 1, cents);
                Arrays.fill(groupCents, 0);
                Arrays.fill(seriesCents, 0);
                for (int p = 0; p < cents.length; p++) {
                    groupCents[groupOf[p]] += cents[p];
                    for (int s : seriesOf(p, candidateSlot)) {
                        if (s >= 0) {
                            seriesCents[s] += cents[p];
                        }
                    }
                }
                for (int s = 0; s < n; s++) {
                    long correction = seriesCents[s] - DerivedSeries.estimate(full[s], partial[s], fraction[s], d, groupCents);
                    keptWhole[s] |= Math.abs(correction) > DerivedSeries.MAX_CORRECTION;
                }
            }
            return new DerivedSeries(groupSeries, exitDayIndex, runs, CHUNK, full, partial, fraction, keptWhole);
        }

        /**
         * Every series, classes, categories and candidates ({@code candidates} of them, by {@code candidateSlot}), as
         * {@link LineSeries}: a byte a run against lines in the proceeds, probed with each exit day's evaluator; null when
         * the exit days need more pieces than a run can name, or the lines would keep more than {@link DerivedSeries}.
         */
        private LineSeries lineSeries(int[] candidateSlot, int candidates, PayoutModel.PayoutEvaluator[] dayEvaluators) {
            int categories = HolderCategory.values().length;
            int[] categorySlot = new int[waterfallPositions];
            int[] holderSlot = new int[waterfallPositions];
            for (int p = 0; p < waterfallPositions; p++) {
                categorySlot[p] = groups.size() + categoryOf[p];
                int slot = candidateSlot[holderOf[p]];
                holderSlot[p] = slot < 0 ? -1 : groups.size() + categories + slot;
            }
            long[][] bends = new long[dayEvaluators.length][];
            for (int d = 0; d < bends.length; d++) {
                bends[d] = dayEvaluators[d].bends();
            }
            int series = groups.size() + categories + candidates;
            int[] groupSlot = Arrays.copyOf(groupOf, waterfallPositions);
            PayoutModel.SeriesSlots slots = new PayoutModel.SeriesSlots(groupSlot, categorySlot, holderSlot, series);
            // Per thread and day, the evaluator's sums into the series (null: none, every payout taken and summed here).
            ThreadLocal<PayoutModel.SeriesPayouts[]> sums = ThreadLocal.withInitial(() -> new PayoutModel.SeriesPayouts[exitDays.length]);
            ThreadLocal<long[]> payout = ThreadLocal.withInitial(() -> new long[waterfallPositions]);
            LineSeries.Probe probe = (day, proceedsCents, cents) -> {
                long[] totals = new long[series + 1];
                PayoutModel.SeriesPayouts[] byDay = sums.get();
                if (byDay[day] == null) {
                    byDay[day] = dayEvaluators[day].series(slots);
                }
                if (byDay[day] != null) {
                    byDay[day].add(proceedsCents, totals, 0);
                } else {
                    long[] paid = payout.get();
                    dayEvaluators[day].payouts(proceedsCents, paid);
                    for (int p = 0; p < waterfallPositions; p++) {
                        totals[groupSlot[p]] += paid[p];
                        totals[categorySlot[p]] += paid[p];
                        // Not a candidate's: added to the spare slot past the series, never read.
                        totals[holderSlot[p] < 0 ? series : holderSlot[p]] += paid[p];
                    }
                }
                System.arraycopy(totals, 0, cents, 0, series);
            };
            int[] summed = new int[series];
            for (int p = 0; p < waterfallPositions; p++) {
                summed[groupSlot[p]]++;
                summed[categorySlot[p]]++;
                if (holderSlot[p] >= 0) {
                    summed[holderSlot[p]]++;
                }
            }
            // A series summing the same positions as an earlier one (ten-class: the clinician category and its one
            // clinician's holder series) equals it run for run (SeriesPayouts sums each position's payout into its slots):
            // kept once.
            BitSet[] summing = new BitSet[series];
            Arrays.setAll(summing, t -> new BitSet(waterfallPositions));
            for (int p = 0; p < waterfallPositions; p++) {
                summing[groupSlot[p]].set(p);
                summing[categorySlot[p]].set(p);
                if (holderSlot[p] >= 0) {
                    summing[holderSlot[p]].set(p);
                }
            }
            int[] sameAs = new int[series];
            Map<BitSet, Integer> first = new HashMap<>();
            for (int t = 0; t < series; t++) {
                Integer earlier = first.putIfAbsent(summing[t], t);
                sameAs[t] = earlier == null ? t : earlier;
            }
            // At most what DerivedSeries keeps when it keeps none whole: each class series 8 bytes a run, every other a byte.
            long derivedBytes = (long) runs * (Long.BYTES * (long) groups.size() + categories + candidates);
            int[] sampled = ordered.everyByDay(Math.max(1, exitRuns / CANDIDATE_SAMPLE));
            return LineSeries.ofSample(proceeds, exitDayIndex, runs, CHUNK, sampled, bends, summed, sameAs, probe, this::invokeAll,
                    derivedBytes);
        }

        /** The derived series position {@code p} adds to: its category's, and its holder's when a candidate (else -1). */
        private int[] seriesOf(int p, int[] candidateSlot) {
            int slot = candidateSlot[holderOf[p]];
            return new int[] {categoryOf[p], slot < 0 ? -1 : HolderCategory.values().length + slot};
        }

        /**
         * Every position's cents of an exit at these proceeds by the day's {@code evaluator}, the carve-outs split from
         * {@code carveOutCents} (negative: the carve-out of run {@code -carveOutCents - 1}'s enterprise value).
         */
        private void centsOfRun(PayoutModel.PayoutEvaluator evaluator, long proceedsCents, long carveOutCents,
                                long[] cents) {
            long[] payout = new long[waterfallPositions];
            evaluator.payouts(proceedsCents, payout);
            System.arraycopy(payout, 0, cents, 0, waterfallPositions);
            if (positions.size() > waterfallPositions) {
                ExitTerms terms = setup.terms();
                long carveOut = carveOutCents >= 0 ? carveOutCents : terms.carveOutCents(enterpriseValue[(int) (-carveOutCents - 1)]);
                long[] split = terms.carveOutSplit(carveOut);
                System.arraycopy(split, 0, cents, waterfallPositions, split.length);
            }
        }

        /**
         * Sets up the series pass when it applies: every holder followed (each holder's total is then its series' tally,
         * so no position's payout is needed by itself), without the binned pass or deal events.
         */
        private void prepareSeriesPass(int[] candidateSlot, int candidates) {
            if (!seriesPass || !holderSumsFromTallies()) {
                return;
            }
            int categories = HolderCategory.values().length;
            int[] groupSlot = new int[positions.size()];
            int[] categorySlot = new int[positions.size()];
            int[] holderSlot = new int[positions.size()];
            // Each slot the first of its series' column in the chunk's columns (see distribute).
            int stride = columnStride;
            int spare = (groups.size() + categories + candidates) * stride;
            for (int p = 0; p < positions.size(); p++) {
                groupSlot[p] = column(groupOf[p], spare);
                categorySlot[p] = column(groups.size() + categoryOf[p], spare);
                int slot = candidateSlot[holderOf[p]];
                // A holder series no one reads is no holder to split a claimant's cents for.
                holderSlot[p] = slot < 0 || copiesAnother(groups.size() + categories + slot) ? -1
                        : (groups.size() + categories + slot) * stride;
            }
            PayoutModel.SeriesSlots slots = new PayoutModel.SeriesSlots(groupSlot, categorySlot, holderSlot, spare);
            seriesSlots = slots;
            seriesByDay = ThreadLocal.withInitial(() -> {
                PayoutModel.SeriesPayouts[] byDay = new PayoutModel.SeriesPayouts[exitDays.length];
                for (int d = 0; d < exitDays.length; d++) {
                    byDay[d] = evaluator(exitDays[d]).series(slots);
                    if (byDay[d] == null) {
                        return null;
                    }
                }
                return byDay;
            });
        }

        /** Series {@code s}'s column in the chunk's, or the {@code spare} when no one reads it ({@link #copiesAnother}). */
        private int column(int s, int spare) {
            return copiesAnother(s) ? spare : s * columnStride;
        }

        /**
         * Sets up the binned payout pass when it can pay: without deal events, with some holders reported but not all of
         * them. Then the pass computes per run only the candidates' positions and what the class and category totals
         * need (a claimant's holdings outside its main (class, category) pair), and every other holding's total over the
         * runs is estimated to within a cent a run; {@link #settleHolderSums} makes sure the largest holders are still
         * chosen by exact totals.
         */
        private void prepareBinnedPass(int[] candidates) {
            int wanted = Math.min(options.topHolders(), holders.size());
            if (timeline != null || wanted == 0 || candidates.length == holders.size()) {
                return;
            }
            int[] slot = slots(candidates);
            binnedWanted = new boolean[waterfallPositions];
            boolean all = true;
            for (int p = 0; p < waterfallPositions; p++) {
                binnedWanted[p] = slot[holderOf[p]] >= 0;
                all &= binnedWanted[p];
            }
            if (all) {
                binnedWanted = null;
                return;
            }
            binOf = new int[waterfallPositions];
            for (int q = 0; q < pairGroup.length; q++) {
                for (int j = pairFrom[q]; j < pairFrom[q + 1]; j++) {
                    binOf[pairPositions[j]] = q;
                }
            }
            binnedByDay = ThreadLocal.withInitial(() -> {
                PayoutModel.BinnedPayouts[] byDay = new PayoutModel.BinnedPayouts[exitDays.length];
                for (int d = 0; d < exitDays.length; d++) {
                    byDay[d] = evaluator(exitDays[d]).binned(binnedWanted, binOf, pairGroup.length);
                    if (byDay[d] != null) {
                        synchronized (allBinned) {
                            allBinned.add(byDay[d]);
                        }
                    }
                }
                return byDay;
            });
        }

        /**
         * After a binned pass, the holders' totals: exact for every holder whose holdings were all computed (the
         * candidates among them), estimated within a bound for the others. A holder estimated could still rank among the
         * largest only if its bound reaches the exact total of the last one wanted among the exact holders; those few are
         * then summed exactly in a pass of their own. Every other estimated holder is surely below, and ranked last.
         */
        private void settleHolderSums() {
            if (binnedByDay == null) {
                return;
            }
            long[] exact = new long[waterfallPositions];
            double[] estimate = new double[waterfallPositions];
            double[] error = new double[waterfallPositions];
            for (PayoutModel.BinnedPayouts b : allBinned) {
                b.addTotals(exact, estimate, error);
            }
            allBinned.clear();
            holderEstimate = new double[holders.size()];
            holderError = new double[holders.size()];
            for (int p = 0; p < waterfallPositions; p++) {
                int h = holderOf[p];
                holderSums[h] = Math.addExact(holderSums[h], exact[p]);
                holderEstimate[h] += estimate[p];
                holderError[h] += error[p];
            }
            int wanted = Math.min(options.topHolders(), holders.size());
            List<Integer> exactHolders = new ArrayList<>();
            for (int h = 0; h < holders.size(); h++) {
                if (holderError[h] == 0) {
                    exactHolders.add(h);
                }
            }
            double cut = Double.NEGATIVE_INFINITY;
            if (exactHolders.size() >= wanted) {
                long[] sums = exactHolders.stream().mapToLong(h -> holderSums[h]).toArray();
                Arrays.sort(sums);
                cut = sums[sums.length - wanted];
            }
            List<Integer> unsure = new ArrayList<>();
            for (int h = 0; h < holders.size(); h++) {
                // The exact total is below estimate + error; ties go to the earlier holder, so "below" must be strict.
                double upper = (double) holderSums[h] + holderEstimate[h] + holderError[h];
                if (holderError[h] > 0 && upper + Math.abs(upper) * 0x1p-50 + 1 >= cut) {
                    unsure.add(h);
                }
            }
            if (!unsure.isEmpty()) {
                int[] recount = unsure.stream().mapToInt(Integer::intValue).toArray();
                long[] waterfallSums = exactWaterfallSums(recount);
                for (int h : recount) {
                    holderSums[h] = Math.addExact(holderCarveOutSums[h], waterfallSums[h]);
                    holderError[h] = 0;
                }
            }
            for (int h = 0; h < holders.size(); h++) {
                if (holderError[h] > 0) {
                    holderSums[h] = Long.MIN_VALUE; // surely below the largest wanted; its exact total is never reported
                }
            }
        }

        /** The waterfall part of the chosen holders' totals over every exit run, each computed exactly. */
        private long[] exactWaterfallSums(int[] chosen) {
            int[] slot = slots(chosen);
            boolean[] mask = new boolean[waterfallPositions];
            for (int p = 0; p < waterfallPositions; p++) {
                mask[p] = slot[holderOf[p]] >= 0;
            }
            long[] sums = new long[holders.size()];
            forEachChunk(exitRuns, (from, to) -> {
                long[] payout = new long[waterfallPositions];
                long[] local = new long[waterfallPositions];
                for (int k = from; k < to; k++) {
                    int run = exitOrder[k];
                    evaluator(exitDays[exitDayIndex[run]]).payouts(proceeds[run], payout, mask);
                    for (int p = 0; p < waterfallPositions; p++) {
                        if (mask[p]) {
                            local[p] += payout[p];
                        }
                    }
                }
                synchronized (sums) {
                    for (int p = 0; p < waterfallPositions; p++) {
                        sums[holderOf[p]] = Math.addExact(sums[holderOf[p]], local[p]);
                    }
                }
            });
            return sums;
        }

        /**
         * The runs without an exit over {@code [from, to)}: with recaps, each person still realized the cash at close of
         * every recap (with no sale the venture lives through all its events). Adds it to the series of the holders in
         * {@code trackedSlot} and, with {@code totals}, to the class and category series and the holders' sums.
         */
        private void realizeWithoutExit(int from, int to, int[] trackedSlot, long[][] trackedSeries, boolean totals) {
            long[] cash = timeline.withoutExit();
            long[] groupCash = new long[groups.size()];
            long[] categoryCash = new long[HolderCategory.values().length];
            long[] trackedCash = new long[trackedSeries.length];
            long[] holderCash = new long[holders.size()];
            for (int p = 0; p < waterfallPositions; p++) {
                groupCash[groupOf[p]] += cash[p];
                categoryCash[categoryOf[p]] += cash[p];
                holderCash[holderOf[p]] += cash[p];
                if (trackedSlot[holderOf[p]] >= 0) {
                    trackedCash[trackedSlot[holderOf[p]]] += cash[p];
                }
            }
            long without = 0;
            for (int run = from; run < to; run++) {
                if (exitDayIndex[run] >= 0) {
                    continue;
                }
                without++;
                for (int t = 0; t < trackedCash.length; t++) {
                    trackedSeries[t][run] += trackedCash[t];
                }
                if (totals) {
                    for (int g = 0; g < groupCash.length; g++) {
                        groupSeries[g][run] += groupCash[g];
                    }
                    for (int c = 0; c < categoryCash.length; c++) {
                        categorySeries[c][run] += categoryCash[c];
                    }
                }
            }
            if (totals && without > 0) {
                synchronized (holderSums) {
                    for (int h = 0; h < holderCash.length; h++) {
                        holderSums[h] = Math.addExact(holderSums[h], Math.multiplyExact(holderCash[h], without));
                    }
                }
            }
        }

        /** Holder indexes by mean payout, largest first (ties in model order), as many as asked. */
        private int[] topHolders() {
            return topByTotal(holderSums, options.topHolders());
        }

        /** Holder indexes by {@code totals}, largest first (ties in model order), at most {@code count}. */
        private int[] topByTotal(long[] totals, int count) {
            Integer[] order = new Integer[holders.size()];
            for (int h = 0; h < order.length; h++) {
                order[h] = h;
            }
            Arrays.sort(order, Comparator.<Integer>comparingLong(h -> totals[h]).reversed().thenComparingInt(h -> h));
            int n = Math.min(count, order.length);
            int[] top = new int[n];
            for (int t = 0; t < n; t++) {
                top[t] = order[t];
            }
            return top;
        }

        // ---- phase 3: the tracked holders, per run ----------------------------------------------------

        private void distributeToHolders(int from, int to, int[] trackedIndex, long[][] holderSeries) {
            // Only when the candidates of the payout pass missed one of the largest holders (see candidateHolders).
            long[] payout = new long[waterfallPositions];
            boolean[] wanted = new boolean[waterfallPositions];
            for (int p = 0; p < waterfallPositions; p++) {
                wanted[p] = trackedIndex[holderOf[p]] >= 0;
            }
            ExitTerms terms = setup.terms();
            int currentDay = NO_EXIT;
            PayoutModel.PayoutEvaluator evaluator = null;
            for (int k = from; k < to; k++) {
                int run = exitOrder[k];
                int day = exitDays[exitDayIndex[run]];
                if (day != currentDay) {
                    evaluator = evaluator(day);
                    currentDay = day;
                }
                evaluator.payouts(proceeds[run], payout, wanted);
                for (int p = 0; p < waterfallPositions; p++) {
                    int t = trackedIndex[holderOf[p]];
                    if (t >= 0) {
                        holderSeries[t][run] += payout[p];
                    }
                }
                if (positions.size() > waterfallPositions) {
                    ExitTerms on = timeline == null ? terms : timeline.termsOn(terms, day);
                    long[] split = on.carveOutSplit(on.carveOutCents(enterpriseValue[run]));
                    for (int c = 0; c < split.length; c++) {
                        int t = trackedIndex[holderOf[waterfallPositions + c]];
                        if (t >= 0) {
                            holderSeries[t][run] += split[c];
                        }
                    }
                }
            }
            progress.advance(to - from);
        }

        // ---- phase 4: statistics ---------------------------------------------------------------------

        private SimulationResult statistics(int[] top, long[][] holderSeries, int[] candidateSlot) {
            int[] exitIndex = new int[valueTallies == null ? exitRuns : 0];
            int k = 0;
            for (int i = 0; valueTallies == null && i < runs; i++) {
                if (exitDayIndex[i] >= 0) {
                    exitIndex[k++] = i;
                }
            }
            lineRanks = rankedByLines && derived instanceof LineSeries lines ? lines.ranks() : null;
            List<Callable<SeriesStatistics>> tasks = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                int group = g;
                boolean[] inForce = timeline == null ? null : GroupsInForce.byExitDay(timeline, exitDays, p -> groupOf[p] == group,
                        waterfallPositions);
                if (inForce == null && derived != null && derivedFirst == 0) {
                    tasks.add(() -> series(groups.get(group), null, runs, exitDayIndex, classCostFlows(group), group, group));
                } else if (inForce == null) {
                    tasks.add(() -> series(groups.get(group), groupSeries[group], classCostFlows(group), group));
                } else {
                    // A class of one cap table of the timeline: its statistics over the runs where it exists.
                    tasks.add(() -> {
                        GroupsInForce.Runs kept = GroupsInForce.runs(groupSeries[group], exitDayIndex, runs, inForce);
                        return series(groups.get(group), kept.cents(), kept.count(), kept.dayIndex(), classCostFlows(group), -1);
                    });
                }
            }
            HolderCategory[] categories = HolderCategory.values();
            for (int c = 0; c < categories.length; c++) {
                int category = c;
                tasks.add(() -> derived == null
                        ? series(categories[category].id(), categorySeries[category], costFlows(p -> categoryOf[p] == category),
                                groups.size() + category)
                        : series(categories[category].id(), null, runs, exitDayIndex,
                                costFlows(p -> categoryOf[p] == category), groups.size() + category,
                                groups.size() + category - derivedFirst));
            }
            // Per holder, the statistics' index of the class or category series its series equals (copiesAnother: the
            // same positions, so the same values, tallies and cost), whose statistics it takes under its own key; else -1.
            int[] sameStatistics = new int[top.length];
            for (int t = 0; t < top.length; t++) {
                int tracked = t;
                // A holder the candidates missed was counted in a pass of its own: no tally.
                int tally = candidateSlot[top[t]] < 0 ? -1 : groups.size() + categories.length + candidateSlot[top[t]];
                int same = tally >= 0 && holderSeries[t] == null && copiesAnother(tally)
                        ? derivedFirst + derived.sameAs(tally - derivedFirst) : -1;
                sameStatistics[t] = same < groups.size() + categories.length ? same : -1;
                if (sameStatistics[t] >= 0) {
                    // series() checks a tally's cost against the series' own; the statistics taken must be against it too.
                    if (tallies.costCents(tally) != tallies.costCents(same)) {
                        throw new IllegalStateException("holder series " + tally + " equals series " + same + " but was tallied"
                                + " against a cost of " + tallies.costCents(tally) + " cents, not " + tallies.costCents(same));
                    }
                    tasks.add(() -> null);
                    continue;
                }
                tasks.add(() -> holderSeries[tracked] != null
                        ? series(holders.get(top[tracked]), holderSeries[tracked], costFlows(p -> holderOf[p] == top[tracked]), tally)
                        : series(holders.get(top[tracked]), null, runs, exitDayIndex,
                                costFlows(p -> holderOf[p] == top[tracked]), tally, tally - derivedFirst));
            }
            SeriesStatistics[] proceedsStatistics = new SeriesStatistics[1];
            if (valueTallies == null) {
                tasks.add(() -> valueSeries("enterpriseValue", enterpriseValue, exitIndex));
                tasks.add(() -> valueSeries("equityProceeds", proceeds, exitIndex));
            } else {
                // Both value series in one task: one pass over their runs. The proceeds' statistics join the list after.
                tasks.add(() -> {
                    SeriesStatistics[] both = valueSeries();
                    proceedsStatistics[0] = both[1];
                    return both[0];
                });
            }
            List<SeriesStatistics> all = invokeAll(tasks);
            if (valueTallies != null) {
                all = new ArrayList<>(all);
                all.add(proceedsStatistics[0]);
            }
            CashAtClose cashAtClose = cashAtCloseMeans(top);
            int g = groups.size();
            int c = g + categories.length;
            for (int t = 0; t < top.length; t++) {
                if (sameStatistics[t] >= 0) {
                    all.set(c + t, all.get(sameStatistics[t]).withKey(holders.get(top[t])));
                }
            }
            int h = c + top.length;
            return new SimulationResult(runs, options.seed(), exitRuns, all.subList(0, g), all.subList(g, c), all.subList(c, h),
                    all.subList(h, h + 2),
                    valueTallies != null ? valueHistograms[0]
                            : Histogram.of("enterpriseValue", enterpriseValue, exitIndex, exitRuns, options.histogramBins()),
                    valueTallies != null ? valueHistograms[1]
                            : Histogram.of("equityProceeds", proceeds, exitIndex, exitRuns, options.histogramBins()),
                    sample(), carveOutMeans(top, cashAtClose), cashAtClose);
        }

        /** With recaps, each category's and listed holder's mean cash at close of earlier recaps; otherwise none. */
        private CashAtClose cashAtCloseMeans(int[] top) {
            if (timeline == null || !timeline.hasRecaps()) {
                return CashAtClose.NONE;
            }
            double[] byCategory = new double[HolderCategory.values().length];
            double[] byHolder = new double[holders.size()];
            for (int p = timeline.firstCashPosition(); p < waterfallPositions; p++) {
                long total = Math.multiplyExact(timeline.cashCents(p), realizedRuns(timeline.cashDay(p)));
                byCategory[categoryOf[p]] += (double) total / runs / 100;
                byHolder[holderOf[p]] += (double) total / runs / 100;
            }
            List<Double> holdersShown = new ArrayList<>(top.length);
            for (int h : top) {
                holdersShown.add(byHolder[h]);
            }
            return new CashAtClose(Arrays.stream(byCategory).boxed().toList(), holdersShown);
        }

        /** The runs that realize a recap closing on {@code closeDay}: those exiting on or after it, and those without an exit. */
        private long realizedRuns(int closeDay) {
            long n = runs - exitRuns;
            for (int d = 0; d < exitDays.length; d++) {
                if (exitDays[d] >= closeDay) {
                    n += runsOnDay[d];
                }
            }
            return n;
        }

        /**
         * The listed holders' mean payout and carve-out, exact sums ÷ runs; empty when the exit has no carve-out. With
         * recaps the payout part leaves out the cash at close, the mean's third part.
         */
        private List<HolderCarveOut> carveOutMeans(int[] top, CashAtClose cashAtClose) {
            if (positions.size() == waterfallPositions) {
                return List.of();
            }
            List<HolderCarveOut> means = new ArrayList<>(top.length);
            for (int t = 0; t < top.length; t++) {
                int h = top[t];
                double cash = cashAtClose.realized() ? cashAtClose.holders().get(t) : 0;
                means.add(new HolderCarveOut((double) (holderSums[h] - holderCarveOutSums[h]) / runs / 100 - cash,
                        (double) holderCarveOutSums[h] / runs / 100));
            }
            return means;
        }

        /**
         * What a class's positions paid. With deal events a class's cost is what its own holdings cost (a rollover at the
         * proceeds it reinvested), not the holders' original cost over the whole deal.
         */
        private CostFlows classCostFlows(int group) {
            return costFlows(p -> groupOf[p] == group, timeline == null ? positions : timeline.ownCostPositions());
        }

        /** What the positions selected paid, by acquisition day; null day when a cost has no date. */
        private CostFlows costFlows(java.util.function.IntPredicate selected) {
            return costFlows(selected, positions);
        }

        /** @param costs the positions' costs: {@link #positions}, or with deal events each class's own (waterfall positions only) */
        private CostFlows costFlows(java.util.function.IntPredicate selected, List<Position> costs) {
            TreeMap<Integer, Long> byDay = new TreeMap<>();
            List<LaterCost> later = new ArrayList<>();
            long total = 0;
            boolean undated = false;
            // A cost an event brings in (a round's investment, a recap's buyer equity) is paid only by the runs reaching that
            // event: the cost in force on each exit day, and in the IRR the cost times the share of runs that pay it.
            long[] byExitDay = null;
            for (int p = 0; p < positions.size(); p++) {
                Position pos = p < costs.size() ? costs.get(p) : positions.get(p);
                if (!selected.test(p) || pos.costCents() == 0) {
                    continue;
                }
                total += pos.costCents();
                int paidFrom = timeline == null ? Integer.MIN_VALUE : timeline.paidFromDay(p);
                if (paidFrom != Integer.MIN_VALUE) {
                    if (byExitDay == null) {
                        byExitDay = new long[exitDays.length];
                    }
                    for (int d = 0; d < exitDays.length; d++) {
                        if (exitDays[d] < paidFrom) {
                            byExitDay[d] -= pos.costCents();
                        }
                    }
                }
                if (pos.acquired() == null) {
                    undated = true;
                } else if (paidFrom == Integer.MIN_VALUE) {
                    byDay.merge((int) pos.acquired().toEpochDay(), pos.costCents(), Long::sum);
                } else {
                    later.add(new LaterCost((int) pos.acquired().toEpochDay(), paidFrom, pos.costCents()));
                }
            }
            if (byExitDay != null) {
                for (int d = 0; d < exitDays.length; d++) {
                    byExitDay[d] += total;
                }
            }
            List<Integer> cash = new ArrayList<>();
            if (timeline != null) {
                for (int p = timeline.firstCashPosition(); p < waterfallPositions; p++) {
                    if (selected.test(p)) {
                        cash.add(p);
                    }
                }
            }
            return new CostFlows(total, undated ? null : byDay, later, cash.stream().mapToInt(Integer::intValue).toArray(),
                    byExitDay);
        }

        /**
         * @param totalCents the cost when every event has happened (a run without an exit)
         * @param byDay the costs paid from the start, by acquisition day; null when a cost has no date
         * @param later the costs events bring in, each paid only by the runs that reach its event
         * @param cashPositions the cash-at-close positions selected: paid on their recap's day, not the exit's
         * @param byExitDay the cost paid by the runs exiting on each exit day; null when every run pays {@code totalCents}
         */
        private record CostFlows(long totalCents, TreeMap<Integer, Long> byDay, List<LaterCost> later,
                                 int[] cashPositions, long[] byExitDay) {

            long runCost(int dayIndex) {
                return byExitDay == null || dayIndex < 0 ? totalCents : byExitDay[dayIndex];
            }
        }

        /** A cost an event brings in: paid on {@code acquiredDay} by the runs exiting on or after {@code paidFromDay}, or never. */
        private record LaterCost(int acquiredDay, int paidFromDay, long cents) {
        }

        /**
         * A series' statistics in three passes over it (it is 8 bytes a run, far larger than the caches): sum, exact sum
         * of squares ({@link ExactSquares}: the standard deviation, exact, rounded once), runs below cost, least and
         * greatest, and the payouts per exit day for the IRR; then the percentiles' bucket counts; then the percentiles'
         * buckets copied out and selected among ({@link Selection.RankBuckets}). Without deal events the payout pass keeps
         * the first pass as it writes the series ({@link SeriesTallies}), leaving two. (Counting the percentiles' buckets
         * there too, leaving one, cost the payout pass what it saved here: benchmarks/README.md, session 10, stats17.) A
         * series kept against lines ({@link LineSeries}) leaves none: the percentiles from the lines ({@link LineRanks}).
         * Without a tally the squares take a pass of their own ({@link ExactSquares#squaresOf}).
         */
        private SeriesStatistics series(String key, long[] cents, CostFlows cost, int tally) {
            return series(key, cents, runs, exitDayIndex, cost, tally, -1);
        }

        private SeriesStatistics series(String key, long[] cents, int runs, int[] dayIndex, CostFlows cost, int tally) {
            return series(key, cents, runs, dayIndex, cost, tally, -1);
        }

        /**
         * The statistics of the first {@code runs} values of {@code cents}, the i-th exiting on exit day {@code dayIndex[i]};
         * {@code tally} the series' index in {@link #tallies} when the payout pass kept its first pass, else -1;
         * {@code derivedIndex} the series' index in {@link #derived} (else -1), {@code cents} then null: rebuilt into the
         * thread's scratch ({@link #seriesScratch}) when it must be, with a tally a chunk at a time as the pass over it counts
         * the chunk; not at all when its percentiles follow from its lines ({@link LineRanks}).
         */
        private SeriesStatistics series(String key, long[] cents, int runs, int[] dayIndex, CostFlows cost, int tally,
                                        int derivedIndex) {
            if (runs == 0) {
                // A class of a cap table no simulated exit falls under (bought out at a recap before every exit date).
                return new SeriesStatistics(key, 0, cost.totalCents() / 100.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            // Kept by the payout pass as it wrote the series (SeriesTallies): sums, squares, by day, and the range (least,
            // greatest, runs below cost) of a series its lines do not keep.
            boolean tallied = tallies != null && tally >= 0 && cost.byExitDay() == null;
            // Only a tallied series is left unrebuilt (cents null): what needs every value comes from its tally.
            boolean rebuilding = derivedIndex >= 0 && !derived.keptWhole(derivedIndex) && tallied;
            if (derivedIndex >= 0 && !rebuilding) {
                cents = derived.rebuild(derivedIndex, seriesScratch.get());
            }
            long sum = 0;
            long belowCost = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long costCents = cost.totalCents();
            boolean withIrr = costCents != 0 && cost.byDay() != null;
            long[] byDay = withIrr ? new long[exitDays.length] : null;
            // The series' runs per exit day and without an exit (index exitDays.length): the share of them reaching an event.
            long[] runsByDay = withIrr && !cost.later().isEmpty() ? new long[exitDays.length + 1] : null;
            double paidCents = 0;
            if (tallied) {
                // No pass here.
                if (tallies.costCents(tally) != costCents) {
                    throw new IllegalStateException("series " + key + " tallied against a cost of " + tallies.costCents(tally)
                            + " cents, not " + costCents);
                }
                sum = tallies.sum(tally);
                if (tallies.keepsRange(tally)) {
                    belowCost = tallies.belowCost(tally);
                    min = tallies.min(tally);
                    max = tallies.max(tally);
                }
                if (withIrr) {
                    byDay = tallies.byDay(tally);
                }
            } else if (cost.byExitDay() == null && !withIrr) {
                // Every run pays the same cost and no IRR is wanted: no look at the runs' exit days (a pass over 4 bytes a
                // run saved); the cost the runs paid is not needed either (the multiple is of the one cost).
                for (int i = 0; i < runs; i++) {
                    long v = cents[i];
                    sum = Math.addExact(sum, v);
                    belowCost += v < costCents ? 1 : 0;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            } else if (cost.byExitDay() == null) {
                for (int i = 0; i < runs; i++) {
                    long v = cents[i];
                    sum = Math.addExact(sum, v);
                    belowCost += v < costCents ? 1 : 0;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    int d = dayIndex[i];
                    if (v != 0 && d >= 0) {
                        byDay[d] = Math.addExact(byDay[d], v);
                    }
                }
            } else {
                for (int i = 0; i < runs; i++) {
                    long v = cents[i];
                    sum = Math.addExact(sum, v);
                    long runCost = cost.runCost(dayIndex[i]);
                    paidCents += runCost;
                    belowCost += v < runCost ? 1 : 0;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    if (withIrr && v != 0 && dayIndex[i] >= 0) {
                        byDay[dayIndex[i]] = Math.addExact(byDay[dayIndex[i]], v);
                    }
                    if (runsByDay != null) { // only here: a later cost is one some exit days do not pay (byExitDay set)
                        runsByDay[dayIndex[i] < 0 ? exitDays.length : dayIndex[i]]++;
                    }
                }
            }
            double meanCents = (double) sum / runs;
            double mean = meanCents / 100;
            // Ranked by its lines: then its tally keeps no range (SeriesTallies.keepsRange), its runs below cost found here.
            LineSeries lines = rebuilding && lineRanks != null && derived instanceof LineSeries kept
                    && kept.rankedByLines(derivedIndex) ? kept : null;
            long[] at;
            if (lines != null) {
                // From the lines: the percentiles look at few of the values, the squares are the tallies'; the runs below
                // cost are counted from the lines too. The least and greatest are not needed: the exact deviation of equal
                // values is 0. One search of the series for both (its flat pieces' corrections read once).
                at = lines.atSortedIndexesAndBelow(derivedIndex, lineRanks, percentileIndexes(runs), costCents);
                belowCost = at[PERCENTILES.length];
            } else {
                if (tallied && !tallies.keepsRange(tally)) {
                    // Lines that cannot rank the series (a chunk kept exactly): rebuilt a chunk at a time for its range.
                    long[] scratch = seriesScratch.get();
                    for (int from = 0; from < runs; from += CHUNK) {
                        int to = Math.min(runs, from + CHUNK);
                        derived.rebuild(derivedIndex, scratch, from, to);
                        for (int i = from; i < to; i++) {
                            long v = scratch[i];
                            belowCost += v < costCents ? 1 : 0;
                            min = Math.min(min, v);
                            max = Math.max(max, v);
                        }
                    }
                }
                if (min == max) {
                    at = new long[PERCENTILES.length];
                    Arrays.fill(at, min);
                } else {
                    Selection.RankBuckets buckets = new Selection.RankBuckets(min, max);
                    if (rebuilding) {
                        // Rebuilt a chunk at a time, each counted while it is in the caches.
                        cents = seriesScratch.get();
                        for (int from = 0; from < runs; from += CHUNK) {
                            int to = Math.min(runs, from + CHUNK);
                            derived.rebuild(derivedIndex, cents, from, to);
                            buckets.count(cents, from, to);
                        }
                    } else {
                        buckets.count(cents, 0, runs);
                    }
                    at = buckets.atSortedIndexes(cents, runs, percentileIndexes(runs));
                }
            }
            // Every value the same: the exact figure is 0 (no pass). Otherwise from the tallies' squares, or (without a
            // tally: then the series is an array) a pass of its own.
            double sd = lines == null && min == max ? 0 : ExactSquares.sampleStandardDeviation(runs, BigInteger.valueOf(sum),
                    tallied ? tallies.squares(tally) : ExactSquares.squaresOf(cents, 0, runs));
            double costUnits = costCents / 100.0;
            double probBelow = costCents == 0 ? Double.NaN : (double) belowCost / runs;
            // With costs some runs never pay, the multiple is of the mean cost the runs paid.
            double moic = costCents == 0 ? Double.NaN : cost.byExitDay() == null ? mean / costUnits : mean / (paidCents / runs / 100);
            return new SeriesStatistics(key, runs, costUnits, mean, sd / 100, at[0] / 100.0, at[1] / 100.0, at[2] / 100.0,
                    at[3] / 100.0, at[4] / 100.0, probBelow, moic, withIrr ? irr(byDay, cost, runs, runsByDay) : Double.NaN);
        }

        private SeriesStatistics valueSeries(String key, long[] cents, int[] exitIndex) {
            long[] values = new long[exitIndex.length];
            for (int k = 0; k < exitIndex.length; k++) {
                values[k] = cents[exitIndex[k]];
            }
            if (values.length == 0) {
                return new SeriesStatistics(key, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            BigInteger sum = ExactSquares.sumOf(values, 0, values.length);
            double meanCents = sum.doubleValue() / values.length;
            double sd = ExactSquares.sampleStandardDeviation(values.length, sum, ExactSquares.squaresOf(values, 0, values.length))
                    / 100;
            double[] pct = percentiles(values, values.length);
            return new SeriesStatistics(key, values.length, 0, meanCents / 100, sd, pct[0], pct[1], pct[2], pct[3], pct[4],
                    Double.NaN, Double.NaN, Double.NaN);
        }

        /**
         * The enterprise values' and equity proceeds' statistics and histograms ({@link #valueHistograms}) over the runs
         * with an exit, from the drivers' pass's tallies ({@link ValueTallies}, series 0 and 1: the sums, squares and
         * buckets) and one pass over the runs for both: the histograms' counts and the percentiles' buckets copied out. The
         * same numbers as {@link #valueSeries(String, long[], int[])} and {@link Histogram#of}, which copy the values out and
         * pass over them seven times.
         */
        private SeriesStatistics[] valueSeries() {
            String[] names = {"enterpriseValue", "equityProceeds"};
            long[][] cents = {enterpriseValue, proceeds};
            SeriesStatistics[] out = new SeriesStatistics[2];
            int n = exitRuns;
            if (n == 0) {
                for (int s = 0; s < 2; s++) {
                    valueHistograms[s] = new Histogram(names[s], List.of());
                    out[s] = new SeriesStatistics(names[s], 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                }
                return out;
            }
            ValueTallies.Tally tally = valueTallies.total();
            Histogram.Binning[] binning = new Histogram.Binning[2];
            long[][] binCounts = new long[2][];
            long[][] at = new long[2][];
            LogBuckets.Pick[] pick = new LogBuckets.Pick[2];
            for (int s = 0; s < 2; s++) {
                long min = tally.min(s);
                long max = tally.max(s);
                binning[s] = new Histogram.Binning(min, max, options.histogramBins());
                binCounts[s] = new long[binning[s].bins()];
                if (min == max) {
                    binCounts[s][0] = n;
                    at[s] = new long[PERCENTILES.length];
                    Arrays.fill(at[s], min);
                } else {
                    pick[s] = new LogBuckets.Pick(tally.counts(), s * LogBuckets.COUNT, min, percentileIndexes(n));
                }
            }
            if (pick[0] != null && pick[1] != null) {
                pick[0].binAndCopy(cents[0], pick[1], cents[1], exitDayIndex, -1, binning[0], binCounts[0], binning[1],
                        binCounts[1]);
            } else {
                for (int s = 0; s < 2; s++) {
                    if (pick[s] != null) {
                        pick[s].binAndCopy(cents[s], exitDayIndex, -1, binning[s], binCounts[s]);
                    }
                }
            }
            for (int s = 0; s < 2; s++) {
                if (pick[s] != null) {
                    at[s] = pick[s].select();
                }
                valueHistograms[s] = binning[s].histogram(names[s], binCounts[s]);
                // The exact sum rounded to a double, then divided: as the payout series' mean.
                double meanCents = tally.sum(s).doubleValue() / n;
                double sd = ExactSquares.sampleStandardDeviation(n, tally.sum(s), tally.squares(s)) / 100;
                long[] a = at[s];
                out[s] = new SeriesStatistics(names[s], n, 0, meanCents / 100, sd, a[0] / 100.0, a[1] / 100.0, a[2] / 100.0,
                        a[3] / 100.0, a[4] / 100.0, Double.NaN, Double.NaN, Double.NaN);
            }
            return out;
        }

        /** Nearest rank: the value at position ⌈q·n⌉ of the sorted values, in currency units. */
        private static double[] percentiles(long[] values, int n) {
            long[] at = Selection.atSortedIndexes(values, n, percentileIndexes(n));
            double[] out = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                out[i] = at[i] / 100.0;
            }
            return out;
        }

        /** The 0-based positions of the nearest-rank percentiles among n sorted values: ⌈q·n⌉ − 1. */
        private static int[] percentileIndexes(int n) {
            int[] indexes = new int[PERCENTILES.length];
            for (int i = 0; i < PERCENTILES.length; i++) {
                indexes[i] = (int) Math.max(1, ((long) PERCENTILES[i] * n + 99) / 100) - 1;
            }
            return indexes;
        }

        /**
         * IRR of the expected cash flows over the series' {@code runs} runs: the costs on their dates (one an event brings in
         * times the share of those runs that reach the event, from {@code runsByDay}: the series' runs per exit day, then
         * those without an exit), the mean payout on each exit day ({@code byDay}: the payouts summed per distinct exit day,
         * in the order of {@link #exitDays}); the days with a payout in ascending order. Costs and payouts are means over
         * the same runs: a class in force in only some runs is not paid back its cost times the share of all runs.
         */
        private double irr(long[] byDay, CostFlows cost, int runs, long[] runsByDay) {
            TreeMap<Integer, Double> laterByDay = new TreeMap<>();
            for (LaterCost c : cost.later()) {
                long reached = runsByDay[exitDays.length];
                for (int d = 0; d < exitDays.length; d++) {
                    if (exitDays[d] >= c.paidFromDay()) {
                        reached += runsByDay[d];
                    }
                }
                laterByDay.merge(c.acquiredDay(), c.cents() / 100.0 * reached / runs, Double::sum);
            }
            TreeMap<Integer, Long> cashByDay = cashOnCloseDays(byDay, cost.cashPositions());
            int paidDays = cashByDay.size();
            for (long paid : byDay) {
                paidDays += paid != 0 ? 1 : 0;
            }
            int n = cost.byDay().size() + laterByDay.size() + paidDays;
            int[] days = new int[n];
            double[] amounts = new double[n];
            int k = 0;
            for (Map.Entry<Integer, Long> e : cost.byDay().entrySet()) {
                days[k] = e.getKey();
                amounts[k++] = -e.getValue() / 100.0;
            }
            for (Map.Entry<Integer, Double> e : laterByDay.entrySet()) {
                days[k] = e.getKey();
                amounts[k++] = -e.getValue();
            }
            for (int d = 0; d < byDay.length; d++) {
                if (byDay[d] != 0) {
                    days[k] = exitDays[d];
                    amounts[k++] = byDay[d] / 100.0 / runs;
                }
            }
            for (Map.Entry<Integer, Long> e : cashByDay.entrySet()) {
                days[k] = e.getKey();
                amounts[k++] = e.getValue() / 100.0 / runs;
            }
            return Irr.of(days, amounts, n);
        }

        /**
         * Moves the cash at close in {@code byDay} (summed there on each run's exit day) to its recap's day, where it was
         * paid: a cash-at-close position pays the same in every run that realizes it, so per exit day it is that cash times
         * the day's runs; the runs without an exit add theirs on the recap's day. Returns the cash per recap day.
         */
        private TreeMap<Integer, Long> cashOnCloseDays(long[] byDay, int[] cashPositions) {
            TreeMap<Integer, Long> cashByDay = new TreeMap<>();
            for (int p : cashPositions) {
                long cash = timeline.cashCents(p);
                int closeDay = timeline.cashDay(p);
                for (int d = 0; d < byDay.length; d++) {
                    if (exitDays[d] >= closeDay) {
                        byDay[d] = Math.subtractExact(byDay[d], Math.multiplyExact(cash, runsOnDay[d]));
                    }
                }
                cashByDay.merge(closeDay, Math.multiplyExact(cash, realizedRuns(closeDay)), Long::sum);
            }
            return cashByDay;
        }

        /** A class or category series' cents of one run, the series numbered as the tallies number them. */
        private long seriesAt(int series, int run) {
            if (derived != null && series >= derivedFirst) {
                return derived.at(series - derivedFirst, run);
            }
            return series < groupSeries.length ? groupSeries[series][run] : categorySeries[series - groupSeries.length][run];
        }

        private List<RunSample> sample() {
            List<RunSample> out = new ArrayList<>(sampleDrivers.length);
            for (int i = 0; i < sampleDrivers.length; i++) {
                double[] d = sampleDrivers[i];
                Optional<LocalDate> date = exitDayIndex[i] < 0 ? Optional.empty()
                        : Optional.of(LocalDate.ofEpochDay(exitDays[exitDayIndex[i]]));
                List<Money> byClass = new ArrayList<>();
                for (int g = 0; g < groupSeries.length; g++) {
                    byClass.add(Money.ofCents(seriesAt(g, i)));
                }
                List<Money> byCategory = new ArrayList<>();
                for (int c = 0; c < categorySeries.length; c++) {
                    byCategory.add(Money.ofCents(seriesAt(groupSeries.length + c, i)));
                }
                out.add(new RunSample(i, date, d[Driver.EBITDA_MULTIPLE.ordinal()], d[Driver.COLLECTIONS_GROWTH.ordinal()],
                        d[Driver.CLINICIAN_COMP.ordinal()], d[Driver.ESCROW_RELEASE.ordinal()], d[Driver.EARNOUT_PAID.ordinal()],
                        Money.ofCents(enterpriseValue[i]), Money.ofCents(proceeds[i]), byClass, byCategory));
            }
            return out;
        }

        // ---- work split ------------------------------------------------------------------------------

        private interface ChunkWork {
            void run(int from, int to);
        }

        /** Splits [0, n) into chunks of {@link #CHUNK} and lets the pool's threads take them in turn. */
        private void forEachChunk(int n, ChunkWork work) {
            int chunks = (n + CHUNK - 1) / CHUNK;
            AtomicInteger next = new AtomicInteger();
            List<Callable<Void>> workers = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                workers.add(() -> {
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        work.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK));
                    }
                    return null;
                });
            }
            invokeAll(workers);
        }

        private <T> List<T> invokeAll(List<Callable<T>> tasks) {
            try {
                List<T> out = new ArrayList<>(tasks.size());
                for (Future<T> f : pool.invokeAll(tasks)) {
                    out.add(f.get());
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Serializes progress callbacks so {@code done} only grows. */
    private static final class Progress {
        private final ProgressListener listener;
        private final long total;
        private long done;

        Progress(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        synchronized void advance(long n) {
            if (n == 0) {
                return;
            }
            done = Math.min(total, done + n);
            listener.progress(done, total);
        }
    }
}
