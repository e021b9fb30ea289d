package org.msocap.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Series kept as a byte a run instead of eight: every class, category and followed holder's payouts per run
 * ({@code MonteCarloSimulator}), each kept as a small correction against a line in the run's proceeds.
 *
 * <p>On one exit day every position's exact payout is piecewise linear in the proceeds (a breakpoint waterfall's
 * segments), so a sum of positions' cents is, give or take the cents their rounding moves. Each exit day's range of
 * proceeds drawn is cut into pieces on which every series is a line to within {@link #TOLERANCE} cents: at the bends the
 * evaluator knows of ({@link PayoutModel.PayoutEvaluator#bends}), then wherever a probe halfway along a piece misses its
 * line (a bend it did not tell, or none told). A piece's line goes through the series' cents at its two ends. Per run
 * the series keeps {@code cents − (long) (base + slope × (proceeds − start))}, its piece's line; the same doubles and
 * operations when it is written and when it is read, so the rebuilt series is exactly the one the payout pass computed,
 * however close the line. A chunk of runs where one does not fit a byte keeps its exact values in a {@code long[]} of its
 * own; a series whose correction does not fit on an evenly spaced sample of the exit runs stays a {@code long[]}.
 *
 * <p>Memory: a byte a run per series, and two a run for the runs' pieces (0: no exit, whose series are all 0).
 */
final class LineSeries extends CompactSeries {

    /**
     * How far (cents) a probe may lie off its piece's line before the piece is cut in two, plus a cent per position the
     * series sums (each rounded to the cent) up to half a byte's range.
     */
    static final int TOLERANCE = 16;
    /** The pieces one exit day is cut into at most: past them a series' misses fall back to its exact chunks. */
    static final int MAX_PIECES_A_DAY = 512;
    /** A day's look-up table holds up to this many entries a piece (the fewer pieces a table entry straddles, the better). */
    private static final int TABLE_ENTRIES_A_PIECE = 8;
    /** The pieces a run's {@code char} can name, the first for the runs without an exit. */
    private static final int MAX_PIECES = Character.MAX_VALUE;

    /** Every series' cents of an exit on day {@code day} (an index among the exit days) at these proceeds. */
    @FunctionalInterface
    interface Probe {
        void cents(int day, long proceedsCents, long[] seriesCents);
    }

    private final long[] proceeds;
    /**
     * Per run, its piece; 0: no exit. Written by the store of the run's chunk ({@link #locate}), which looks each run's
     * piece up day by day (a day's table stays in the caches for its runs of the chunk), where a pass over the runs in
     * run order of its own missed the caches at nearly every run.
     */
    private final char[] pieceOf;
    private final Lookup lookup;
    /** Per piece, the proceeds its line starts from. */
    private final long[] start;
    /** Per series and piece, its cents at the piece's start and their change per cent of proceeds. */
    private final double[][] base;
    private final double[][] slope;
    /** Per series, its corrections by run (null when kept whole). */
    private final byte[][] corrections;
    /**
     * Per series, the first series equal to it run for run (itself when none is): a series equal to an earlier one keeps
     * that one's lines, corrections and blocks (the same arrays) and stores nothing.
     */
    private final int[] sameAs;
    /** Per thread, the arrays of a chunk's store ({@link #storeChunk}), where each chunk took its own. */
    private final ThreadLocal<ChunkStore> chunkStore;

    private LineSeries(long[] proceeds, int runs, int chunk, Lookup lookup, long[] start, double[][] base,
                       double[][] slope, boolean[] keptWhole, int[] sameAs) {
        super(runs, chunk, base.length);
        this.proceeds = proceeds;
        this.lookup = lookup;
        pieceOf = new char[runs];
        this.start = start;
        this.base = base;
        this.slope = slope;
        this.sameAs = sameAs.clone();
        chunkStore = ThreadLocal.withInitial(() -> new ChunkStore(chunk));
        int n = base.length;
        corrections = new byte[n][];
        for (int s = 0; s < n; s++) {
            int t = sameAs[s];
            if (t != s) {
                base[s] = base[t];
                slope[s] = slope[t];
                corrections[s] = corrections[t];
                whole[s] = whole[t];
                blocks[s] = blocks[t];
            } else if (keptWhole[s]) {
                keepWhole(s);
            } else {
                corrections[s] = new byte[runs];
                keepByCorrections(s);
            }
        }
    }

    /** Runs tasks side by side and returns their results in order. */
    @FunctionalInterface
    interface Parallel {
        <T> List<T> all(List<Callable<T>> tasks);
    }

    /**
     * The lines of {@code series} series over the runs, or null when the exit days would need more pieces than a run can
     * name. Each exit day is cut and sampled by a task of its own.
     *
     * @param proceeds per run, its proceeds (cents)
     * @param dayIndex per run, the index of its exit day (-1: no exit, every series 0)
     * @param exitOrder the exit runs by day: about {@code sample} of them, evenly spaced, decide which series stay whole
     * @param bends per exit day, where its payouts may bend (each ascending; an entry may be null: none known)
     * @param positions per series, the positions it sums (each off its exact share by less than a cent)
     * @param probe every series' exact cents of an exit
     * @param maxBytes the most the lines may keep (what the caller's other way of keeping the series needs): null when
     *     they would keep more, series kept whole and the pieces' lines counted
     */
    static LineSeries of(long[] proceeds, int[] dayIndex, int runs, int chunk, int[] exitOrder, long[][] bends, int[] positions,
                         Probe probe, int sample, Parallel parallel, long maxBytes) {
        int[] none = new int[positions.length];
        Arrays.setAll(none, s -> s);
        return of(proceeds, dayIndex, runs, chunk, exitOrder, bends, positions, none, probe, sample, parallel, maxBytes);
    }

    /**
     * {@link #of(long[], int[], int, int, int[], long[][], int[], Probe, int, Parallel, long)} where series {@code s}
     * equals series {@code sameAs[s]} run for run (at most {@code s}: the first equal to it), kept once ({@link #sameAs}).
     */
    static LineSeries of(long[] proceeds, int[] dayIndex, int runs, int chunk, int[] exitOrder, long[][] bends, int[] positions,
                         int[] sameAs, Probe probe, int sample, Parallel parallel, long maxBytes) {
        int stride = Math.max(1, exitOrder.length / sample);
        int[] sampled = new int[exitOrder.length == 0 ? 0 : (exitOrder.length - 1) / stride + 1];
        for (int i = 0; i < sampled.length; i++) {
            sampled[i] = exitOrder[i * stride];
        }
        return ofSample(proceeds, dayIndex, runs, chunk, sampled, bends, positions, sameAs, probe, parallel, maxBytes);
    }

    /**
     * {@link #of(long[], int[], int, int, int[], long[][], int[], int[], Probe, int, Parallel, long)} from the runs it
     * samples: {@code sampled} the exit runs at every stride-th place of the exit runs by day (so by day too), not the
     * whole order.
     */
    static LineSeries ofSample(long[] proceeds, int[] dayIndex, int runs, int chunk, int[] sampled, long[][] bends,
                               int[] positions, int[] sameAs, Probe probe, Parallel parallel, long maxBytes) {
        int days = bends.length;
        int series = positions.length;
        long[] tolerance = new long[series];
        for (int s = 0; s < series; s++) {
            tolerance[s] = Math.min(MAX_CORRECTION / 2, TOLERANCE + (long) positions[s]);
        }
        // Per day, where its sampled runs start (they are by day), and its least and greatest proceeds, in run order: the
        // arrays read as streams.
        int[] dayFrom = new int[days + 1];
        for (int run : sampled) {
            dayFrom[dayIndex[run] + 1]++;
        }
        for (int d = 0; d < days; d++) {
            dayFrom[d + 1] += dayFrom[d];
        }
        long[] low = new long[days];
        long[] high = new long[days];
        Arrays.fill(low, Long.MAX_VALUE);
        Arrays.fill(high, Long.MIN_VALUE);
        for (int run = 0; run < runs; run++) {
            int d = dayIndex[run];
            if (d >= 0) {
                long x = proceeds[run];
                if (x < low[d]) {
                    low[d] = x;
                }
                if (x > high[d]) {
                    high[d] = x;
                }
            }
        }
        List<Callable<Pieces>> tasks = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            int day = d;
            tasks.add(() -> {
                Pieces pieces = new Pieces(tolerance, probe, day);
                pieces.cut(low[day], high[day], bends[day]);
                for (int k = dayFrom[day]; k < dayFrom[day + 1]; k++) {
                    pieces.check(sampled[k], proceeds[sampled[k]]);
                }
                pieces.index(low[day], high[day]);
                return pieces;
            });
        }
        List<Pieces> byDay = parallel.all(tasks);
        int[] firstPiece = new int[days + 1];
        firstPiece[0] = 1;
        for (int d = 0; d < days; d++) {
            firstPiece[d + 1] = firstPiece[d] + byDay.get(d).count;
        }
        int count = firstPiece[days];
        boolean[] keptWhole = new boolean[series];
        int keptWholeCount = 0;
        for (int s = 0; s < series; s++) {
            for (Pieces pieces : byDay) {
                keptWhole[s] |= pieces.missed[s];
            }
            keptWholeCount += keptWhole[s] ? 1 : 0;
        }
        // A day whose payouts jump where no line can follow (performance vesting, say) keeps its series whole: then the
        // lines can cost more than a byte a run against the class series would (review: every series of a
        // performance-vested holdco whole, 106 bytes a run against 41).
        long bytes = (long) runs * (Character.BYTES + Long.BYTES * (long) keptWholeCount + (series - keptWholeCount))
                + (long) count * (Long.BYTES + 2L * Double.BYTES * series);
        if (count > MAX_PIECES || bytes > maxBytes) {
            return null;
        }
        long[] start = new long[count];
        double[][] base = new double[series][count];
        double[][] slope = new double[series][count];
        for (int d = 0; d < days; d++) {
            Pieces pieces = byDay.get(d);
            System.arraycopy(pieces.start, 0, start, firstPiece[d], pieces.count);
            for (int s = 0; s < series; s++) {
                System.arraycopy(pieces.base[s], 0, base[s], firstPiece[d], pieces.count);
                System.arraycopy(pieces.slope[s], 0, slope[s], firstPiece[d], pieces.count);
            }
        }
        // Per day, a table of its proceeds by equal steps (Pieces.index), all in one array.
        int[] tableFrom = new int[days + 1];
        long[] tableLow = new long[days];
        int[] tableShift = new int[days];
        for (int d = 0; d < days; d++) {
            Pieces pieces = byDay.get(d);
            tableFrom[d + 1] = tableFrom[d] + (pieces.table == null ? 0 : pieces.table.length);
            tableLow[d] = pieces.tableLow;
            tableShift[d] = pieces.tableShift;
        }
        int[] table = new int[tableFrom[days]];
        for (int d = 0; d < days; d++) {
            int[] ofDay = byDay.get(d).table;
            for (int i = 0; ofDay != null && i < ofDay.length; i++) {
                table[tableFrom[d] + i] = firstPiece[d] + ofDay[i];
            }
        }
        return new LineSeries(proceeds, runs, chunk, new Lookup(table, tableFrom, tableLow, tableShift, firstPiece), start,
                base, slope, keptWhole, sameAs);
    }

    /**
     * Per exit day, a table of its proceeds by equal steps ({@link Pieces#index}), all in one array: day {@code d}'s
     * entries from {@code tableFrom[d]}, the first at proceeds {@code tableLow[d]}, one every {@code 2^tableShift[d]}
     * cents, each naming the piece that holds its proceeds; the day's pieces from {@code firstPiece[d]} on.
     */
    private record Lookup(int[] table, int[] tableFrom, long[] tableLow, int[] tableShift, int[] firstPiece) {
    }

    /** The last of the pieces {@code [from, to)} starting at or before {@code x} (the first, when none does). */
    private static int pieceIn(long[] start, int from, int to, long x) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The estimate of a piece's line at proceeds {@code x}: the one expression every store and rebuild unrolls. */
    static long estimate(double base, double slope, long start, long x) {
        return estimate(base, slope, along(start, x));
    }

    /** How far along its piece, starting at {@code start}, proceeds {@code x} lie: the same for every series. */
    static double along(long start, long x) {
        return (double) (x - start);
    }

    /** {@link #estimate(double, double, long, long)} from {@link #along}. */
    static long estimate(double base, double slope, double along) {
        return (long) (base + slope * along);
    }

    /** One exit day's pieces, in order, and which series a sampled run's correction would not fit. */
    private static final class Pieces {
        final int series;
        final long[] tolerance;
        final Probe probe;
        final int day;
        /**
         * The series that missed their line on a piece too short for any bend to (the line's slope changes by at most
         * one, a cent a cent, between two pieces: a bend moves a probe halfway along by at most a quarter of the piece):
         * a jump, or noise, which cutting further would not mend; they cut no more pieces of this day.
         */
        final boolean[] unmended;
        int count;
        long[] start = new long[16];
        double[][] base;
        double[][] slope;
        final boolean[] missed;

        Pieces(long[] tolerance, Probe probe, int day) {
            this.series = tolerance.length;
            this.tolerance = tolerance;
            this.probe = probe;
            unmended = new boolean[series];
            this.day = day;
            base = new double[series][16];
            slope = new double[series][16];
            missed = new boolean[series];
        }

        /** Cuts the proceeds {@code [low, high]} into pieces, at the known bends first. */
        void cut(long low, long high, long[] bends) {
            if (low > high) {
                return;
            }
            long a = low;
            long[] fa = at(a);
            if (bends != null) {
                for (long bend : bends) {
                    if (bend > a && bend < high) {
                        long[] fb = at(bend);
                        refine(a, fa, bend, fb);
                        a = bend;
                        fa = fb;
                    }
                }
            }
            if (high > a) {
                refine(a, fa, high, at(high));
            } else {
                add(a, fa, a, fa);
            }
        }

        /**
         * Per table entry {@code i}, the piece holding proceeds {@code low + i × 2^tableShift}: a run's piece (the last
         * starting at or before its proceeds) is its entry's or one a few after it, where a binary search among the day's
         * pieces took a mispredicted branch a step.
         */
        private int[] table;
        private long tableLow;
        private int tableShift;

        /** Makes the {@link #table} of proceeds {@code [low, high]}, once every piece is cut. */
        void index(long low, long high) {
            if (count == 0) {
                return;
            }
            int shift = 0;
            while (((high - low) >>> shift) >= (long) TABLE_ENTRIES_A_PIECE * count) {
                shift++;
            }
            table = new int[(int) ((high - low) >>> shift) + 1];
            for (int i = 0, p = 0; i < table.length; i++) {
                long x = low + ((long) i << shift);
                while (p + 1 < count && start[p + 1] <= x) {
                    p++;
                }
                table[i] = p;
            }
            tableLow = low;
            tableShift = shift;
        }

        /** Notes the series whose correction at these proceeds would not fit a byte. */
        void check(int run, long proceedsCents) {
            long[] cents = at(proceedsCents);
            int p = pieceIn(start, 0, count, proceedsCents);
            for (int s = 0; s < series; s++) {
                long correction = cents[s] - estimate(base[s][p], slope[s][p], start[p], proceedsCents);
                missed[s] |= Math.abs(correction) > MAX_CORRECTION;
            }
        }

        private long[] at(long x) {
            long[] cents = new long[series];
            probe.cents(day, x, cents);
            return cents;
        }

        /** Adds {@code [a, b)} as pieces, cut in two where a probe halfway misses the line from {@code fa} to {@code fb}. */
        private void refine(long a, long[] fa, long b, long[] fb) {
            if (b - a >= 2 && count < MAX_PIECES_A_DAY) {
                long m = a + (b - a) / 2;
                long[] fm = at(m);
                for (int s = 0; s < series; s++) {
                    double line = fa[s] + (double) (fb[s] - fa[s]) / (double) (b - a) * (double) (m - a);
                    if (!unmended[s] && Math.abs(fm[s] - line) > tolerance[s]) {
                        if (b - a > 4 * tolerance[s]) {
                            refine(a, fa, m, fm);
                            refine(m, fm, b, fb);
                            return;
                        }
                        unmended[s] = true;
                    }
                }
            }
            add(a, fa, b, fb);
        }

        private void add(long a, long[] fa, long b, long[] fb) {
            if (count == start.length) {
                start = Arrays.copyOf(start, 2 * count);
                for (int s = 0; s < series; s++) {
                    base[s] = Arrays.copyOf(base[s], 2 * count);
                    slope[s] = Arrays.copyOf(slope[s], 2 * count);
                }
            }
            start[count] = a;
            for (int s = 0; s < series; s++) {
                base[s][count] = fa[s];
                slope[s][count] = b == a ? 0 : (double) (fb[s] - fa[s]) / (double) (b - a);
            }
            count++;
        }
    }

    @Override
    int size() {
        return base.length;
    }

    @Override
    int sameAs(int s) {
        return sameAs[s];
    }

    @Override
    void store(int s, long[] values, int at, int[] byDay, int[] runDay, int exits, int from, long[] work) {
        if (sameAs[s] != s) {
            return;
        }
        int[] piece = new int[exits];
        double[] along = new double[exits];
        locate(byDay, runDay, exits, piece, along);
        store(s, values, at, byDay, exits, from, piece, along);
    }

    /**
     * Every series' store of a chunk from the runs' pieces and places along them, looked up once for all: the lookups
     * (the run's piece, proceeds and the piece's start) were a third of each series' store.
     */
    @Override
    void storeChunk(long[] columns, int first, int[] byDay, int[] runDay, int exits, int from) {
        storeChunk(columns, first, byDay, runDay, exits, from, null, null);
    }

    /**
     * A series kept by corrections whose tally keeps no range is stored, summed by day and cleared in one loop
     * ({@link #storeAndSum}): its column read once, where the tally's loop read it again; two such series in one loop
     * ({@link #storeTwoAndSum}), an odd one out alone. A series equal to an earlier one ({@link #sameAs}) is neither
     * stored nor tallied here.
     */
    @Override
    void storeChunk(long[] columns, int first, int[] byDay, int[] runDay, int exits, int from, SeriesTallies tally,
                    int[] dayEnd) {
        ChunkStore scratch = chunkStore.get();
        int[] piece = scratch.piece;
        double[] along = scratch.along;
        locate(byDay, runDay, exits, piece, along);
        long[] daySums = tally == null ? null : new long[tally.days()];
        long[] otherDaySums = tally == null ? null : new long[tally.days()];
        int waiting = -1;   // a series to store and sum, waiting for another to go with it
        for (int s = 0; s < size(); s++) {
            if (sameAs[s] != s) {
                continue;
            }
            int at = (first + s) * chunk;
            if (tally != null && !tally.keepsRange(first + s) && corrections[s] != null) {
                if (waiting < 0) {
                    waiting = s;
                } else {
                    storeTwoAndSum(waiting, s, columns, first, byDay, exits, from, piece, along, tally, dayEnd, daySums,
                            otherDaySums);
                    waiting = -1;
                }
            } else {
                store(s, columns, at, byDay, exits, from, piece, along);
            }
        }
        if (waiting >= 0) {
            storeAndSum(waiting, columns, (first + waiting) * chunk, byDay, exits, from, piece, along, tally,
                    first + waiting, dayEnd, daySums);
        }
    }

    /** A thread's arrays for a chunk's store: per exit run its piece and place along it ({@link #locate}). */
    private static final class ChunkStore {
        final int[] piece;
        final double[] along;

        ChunkStore(int runs) {
            piece = new int[runs];
            along = new double[runs];
        }
    }

    /**
     * Per exit run {@code byDay[k]} ({@code k < exits}), exiting on day {@code runDay[k]} (a day's table read once for a
     * stretch of its runs: the pass has them by day), its piece, also kept in {@link #pieceOf}, and how far along it its
     * proceeds lie. A run's piece is its table entry's or one a few after it within the day, where a binary search among
     * the day's pieces took a mispredicted branch a step.
     */
    private void locate(int[] byDay, int[] runDay, int exits, int[] piece, double[] along) {
        char[] pieceOf = this.pieceOf;
        long[] start = this.start;
        long[] proceeds = this.proceeds;
        int[] table = lookup.table;
        for (int k = 0; k < exits; ) {
            int d = runDay[k];
            int from = lookup.tableFrom[d];
            long low = lookup.tableLow[d];
            int shift = lookup.tableShift[d];
            int end = lookup.firstPiece[d + 1];
            for (; k < exits && runDay[k] == d; k++) {
                int run = byDay[k];
                long x = proceeds[run];
                int p = table[from + (int) ((x - low) >>> shift)];
                while (p + 1 < end && start[p + 1] <= x) {
                    p++;
                }
                pieceOf[run] = (char) p;
                piece[k] = p;
                along[k] = along(start[p], x);
            }
        }
    }

    /** {@link #store} of series {@code s}, with each exit run's piece and place along it ({@link #locate}). */
    private void store(int s, long[] values, int at, int[] byDay, int exits, int from, int[] piece, double[] along) {
        if (storedWhole(s, values, at, byDay, exits)) {
            return;
        }
        byte[] kept = corrections[s];
        double[] b = base[s];
        double[] m = slope[s];
        for (int k = 0; k < exits; k++) {
            int p = piece[k];
            long correction = values[at + k] - estimate(b[p], m[p], along[k]);
            if (correction < -MAX_CORRECTION || correction > MAX_CORRECTION) {
                keepExactly(s, values, at, byDay, exits, from);
                return;
            }
            kept[byDay[k]] = (byte) correction;
        }
    }

    /**
     * {@link #store} of series {@code s} (kept by corrections) with its tally {@code t}'s sums by day, squares and clear
     * ({@link SeriesTallies#addAndClear} of a series keeping no range; a chunk is at most {@link ExactSquares#STRETCH}
     * runs); {@code daySums} scratch of a value a day. Each day's runs are stored, then summed, squared and cleared
     * ({@link #sumSquaresAndClear}) while they are still in the first-level cache. A chunk that falls back to its exact
     * values mid-loop gets the values of the days already cleared back from the corrections stored (exactly them: the
     * same estimate) and is tallied by the tally.
     */
    private void storeAndSum(int s, long[] values, int at, int[] byDay, int exits, int from, int[] piece, double[] along,
                             SeriesTallies tally, int t, int[] dayEnd, long[] daySums) {
        byte[] kept = corrections[s];
        double[] b = base[s];
        double[] m = slope[s];
        ExactSquares.Stretch squares = new ExactSquares.Stretch();
        int k = 0;
        for (int d = 0; d < daySums.length; d++) {
            int dayFrom = k;
            for (int end = dayEnd[d]; k < end; k++) {
                int p = piece[k];
                long correction = values[at + k] - estimate(b[p], m[p], along[k]);
                if (correction < -MAX_CORRECTION || correction > MAX_CORRECTION) {
                    restoreCleared(s, values, at, byDay, dayFrom, piece, along);
                    keepExactly(s, values, at, byDay, exits, from);
                    tally.addAndClear(t, values, at, dayEnd);
                    return;
                }
                kept[byDay[k]] = (byte) correction;
            }
            daySums[d] = sumSquaresAndClear(values, at + dayFrom, at + k, squares);
        }
        addSums(s, values, at, byDay, exits, piece, along, tally, t, dayEnd, daySums, squares);
    }

    /**
     * Adds series {@code s}'s chunk, stored and cleared, to its tally {@code t}: the sums by day and the squares; when the
     * squares' stretch cannot give them exactly (values of 2^44 and more, {@link ExactSquares.Stretch#exact}), the chunk's
     * values back from the corrections and tallied by the tally.
     */
    private void addSums(int s, long[] values, int at, int[] byDay, int exits, int[] piece, double[] along,
                         SeriesTallies tally, int t, int[] dayEnd, long[] daySums, ExactSquares.Stretch squares) {
        if (squares.exact()) {
            tally.addSums(t, daySums, squares);
        } else {
            restoreCleared(s, values, at, byDay, exits, piece, along);
            tally.addAndClear(t, values, at, dayEnd);
        }
    }

    /**
     * The first {@code count} values of series {@code s}'s chunk column at {@code at}, cleared by a store that then fell
     * back, written back from the corrections it stored: exactly them, the same estimate. Only on the fallback, so a call
     * of its own keeps the stores' loops short under C1.
     */
    private void restoreCleared(int s, long[] values, int at, int[] byDay, int count, int[] piece, double[] along) {
        byte[] kept = corrections[s];
        double[] b = base[s];
        double[] m = slope[s];
        for (int j = 0; j < count; j++) {
            values[at + j] = kept[byDay[j]] + estimate(b[piece[j]], m[piece[j]], along[j]);
        }
    }

    /**
     * {@link #storeAndSum} of series {@code s} and {@code t}: each day's stores of both in one loop, the run, its piece
     * and the place along it read once for both, and the loop's own work done once (payouts 0.95 of a series a loop in
     * process; three a loop, their locals spilling under C1, measured 0.98–1.00 of two); then each one's sums and squares
     * of the day. When either misses its byte, both get the values of the days already cleared back and each is stored
     * and summed on its own.
     *
     * <p>The sums and squares had been in the stores' loop too: eight accumulators beside fourteen arrays and indexes,
     * and C1 kept nearly all of them on the stack, storing the eight and reloading them and seven arrays at every run
     * (its code, printed: about 210 instructions a run, 39 of them stack loads and stores). Apart, the stores' loop takes
     * about 100 a run with 9 on the stack, and the sums' loop keeps everything in registers: a fifth fewer instructions
     * in all, but payouts only about 0.985 of the loop with the sums in process (the profile's store and sums 2–3%
     * below the fused loop's): what bounds these loops is more their columns' and corrections' memory than their
     * instructions (the sums in a loop of their own over the whole chunk after the stores, the columns read again from
     * the second-level cache, measured 1.055).
     */
    private void storeTwoAndSum(int s, int t, long[] values, int first, int[] byDay, int exits, int from, int[] piece,
                                double[] along, SeriesTallies tally, int[] dayEnd, long[] sSums, long[] tSums) {
        int sAt = (first + s) * chunk;
        int tAt = (first + t) * chunk;
        byte[] sKept = corrections[s];
        byte[] tKept = corrections[t];
        double[] sb = base[s];
        double[] sm = slope[s];
        double[] tb = base[t];
        double[] tm = slope[t];
        ExactSquares.Stretch sSquares = new ExactSquares.Stretch();
        ExactSquares.Stretch tSquares = new ExactSquares.Stretch();
        int k = 0;
        for (int d = 0; d < sSums.length; d++) {
            int dayFrom = k;
            for (int end = dayEnd[d]; k < end; k++) {
                int p = piece[k];
                double a = along[k];
                long sCorrection = values[sAt + k] - estimate(sb[p], sm[p], a);
                long tCorrection = values[tAt + k] - estimate(tb[p], tm[p], a);
                if (sCorrection < -MAX_CORRECTION || sCorrection > MAX_CORRECTION
                        || tCorrection < -MAX_CORRECTION || tCorrection > MAX_CORRECTION) {
                    restoreCleared(s, values, sAt, byDay, dayFrom, piece, along);
                    restoreCleared(t, values, tAt, byDay, dayFrom, piece, along);
                    storeAndSum(s, values, sAt, byDay, exits, from, piece, along, tally, first + s, dayEnd, sSums);
                    storeAndSum(t, values, tAt, byDay, exits, from, piece, along, tally, first + t, dayEnd, tSums);
                    return;
                }
                int run = byDay[k];
                sKept[run] = (byte) sCorrection;
                tKept[run] = (byte) tCorrection;
            }
            sSums[d] = sumSquaresAndClear(values, sAt + dayFrom, sAt + k, sSquares);
            tSums[d] = sumSquaresAndClear(values, tAt + dayFrom, tAt + k, tSquares);
        }
        addSums(s, values, sAt, byDay, exits, piece, along, tally, first + s, dayEnd, sSums, sSquares);
        addSums(t, values, tAt, byDay, exits, piece, along, tally, first + t, dayEnd, tSums, tSquares);
    }

    /**
     * The sum of {@code values[from, to)}, returned; their squares added to {@code squares} (at most
     * {@link ExactSquares#STRETCH} values in all: one product modulo 2^64 and one in doubles a value, where the squares'
     * three sums of {@link ExactSquares#addSquares(int, long, long, long)} took three products and the split); the values
     * cleared. C1 keeps every local in registers: 24 instructions a value, against 39 for the three sums.
     */
    static long sumSquaresAndClear(long[] values, int from, int to, ExactSquares.Stretch squares) {
        long sum = 0;
        long low = squares.low;
        double approx = squares.approx;
        for (int i = from; i < to; i++) {
            long v = values[i];
            values[i] = 0;
            sum += v;
            low += v * v;
            double d = v;
            approx += d * d;
        }
        squares.low = low;
        squares.approx = approx;
        return sum;
    }

    @Override
    void rebuild(int s, long[] into, int from, int to) {
        long[] block = blocks[s][from / chunk];
        if (block != null) {
            System.arraycopy(block, 0, into, from, to - from);
            return;
        }
        byte[] kept = corrections[s];
        double[] b = base[s];
        double[] m = slope[s];
        long[] start = this.start;
        long[] proceeds = this.proceeds;
        char[] pieceOf = this.pieceOf;
        // A run without an exit has piece 0 (a line of 0 from 0), proceeds 0 and a correction of 0.
        for (int run = from; run < to; run++) {
            int p = pieceOf[run];
            into[run] = kept[run] + estimate(b[p], m[p], start[p], proceeds[run]);
        }
    }

    /** The exit runs sorted by piece and proceeds, for {@link #atSortedIndexes}; null when they do not fit its keys. */
    LineRanks ranks() {
        return LineRanks.of(proceeds, pieceOf, start, runs);
    }

    /**
     * Whether series {@code s}'s percentiles follow from its lines ({@link #atSortedIndexes}): kept by corrections, no chunk
     * kept exactly.
     */
    boolean rankedByLines(int s) {
        if (whole[s] != null) {
            return false;
        }
        for (long[] block : blocks[s]) {
            if (block != null) {
                return false;
            }
        }
        for (double m : slope[s]) {
            if (Double.isNaN(m)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Series {@code s}'s values at {@code indexes} were they sorted ({@link #rankedByLines} true); for tests, the simulator
     * takes them with the runs below cost ({@link #atSortedIndexesAndBelow}).
     */
    long[] atSortedIndexes(int s, LineRanks ranks, int[] indexes) {
        return ranks.atSortedIndexes(base[s], slope[s], corrections[s], indexes);
    }

    /** {@link #atSortedIndexes}, then {@link #countBelow} {@code t} last, in one search of the series. */
    long[] atSortedIndexesAndBelow(int s, LineRanks ranks, int[] indexes, long t) {
        return ranks.atSortedIndexesAndBelow(base[s], slope[s], corrections[s], indexes, t);
    }

    /** How many of series {@code s}'s values lie below {@code t} ({@link #rankedByLines} true); for tests, as above. */
    long countBelow(int s, LineRanks ranks, long t) {
        return ranks.countBelow(base[s], slope[s], corrections[s], t);
    }

    @Override
    long at(int s, int run) {
        if (whole[s] != null) {
            return whole[s][run];
        }
        long[] block = blocks[s][run / chunk];
        if (block != null) {
            return block[run - run / chunk * chunk];
        }
        int p = pieceOf[run];
        return corrections[s][run] + estimate(base[s][p], slope[s][p], start[p], proceeds[run]);
    }

    @Override
    boolean exact(int s) {
        return false;
    }

    /** Run {@code run}'s piece (0: no exit); for tests. */
    int pieceOf(int run) {
        return pieceOf[run];
    }

    /** The proceeds piece {@code p}'s line starts from; for tests. */
    long pieceStart(int p) {
        return start[p];
    }

    /** The pieces the exit days were cut into; for tests and measurements. */
    int pieces() {
        return start.length - 1;
    }
}
