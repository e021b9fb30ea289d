package org.msocap.simulation;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Safe;
import org.msocap.model.Venture;
import org.msocap.model.Warrant;
import org.msocap.money.Allocation;
import org.msocap.money.Money;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ExitBreakpoints;
import org.msocap.waterfall.PerformanceVestedCapTable;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.msocap.waterfall.ResolvedCapTable.Kind;
import org.msocap.waterfall.ResolvedCapTable.Piece;
import org.msocap.waterfall.WaterfallEngine;

/**
 * The exact waterfall as a {@link PayoutModel}: for each exit date, the cap table resolved on that date
 * (dividends, note interest and vesting exact for the day) and its {@link BreakpointTable}; payouts per
 * claimant from the table, then to holders the way {@link WaterfallEngine} splits a claimant's cents over its
 * holdings (preference paid by preference weight, participation by shares, largest remainder).
 *
 * <p>The engine's split needs how much of a claimant's payout is preference and how much participation; the
 * table gives only the total, so it is read from the claimant's terms: common, options and warrants only
 * participate; an unconverted claimant receives its preference first; a non-participating (or capped)
 * claimant paid more than its preference (or its cap) has converted; exactly at it, the line's slope tells
 * (flat: the preference, rising: converted). A claimant whose holdings have proportional preference and share
 * weights (no dividends, or all bought on one date) splits the same either way. Cents come from a double
 * computation checked against its error bound, falling back to exact rationals when too close to call.
 * {@code BreakpointPayoutModelTest} checks every run of a simulation against the exact engine.
 *
 * <p>Performance-vested units (PRODUCT.md §7.4) vest by the proceeds: a day then has one table per combination of
 * levels, each used on the interval of proceeds where its tests choose it ({@link ExitBreakpoints}).
 *
 * <p>Positions are the MSO's holdings (holder, class, acquisition date), each holder's options, warrants,
 * SAFEs and notes; groups are the class id, {@code options}, {@code warrants}, {@code safes}, {@code notes}.
 */
public final class BreakpointPayoutModel implements PayoutModel {

    /**
     * Relative rounding noise of a payout line in doubles, for telling whether a claimant is clearly below or above
     * its preference or cap; payouts closer than this are settled exactly.
     */
    private static final double NOISE = 1e-12;
    /** The relative rounding error of one double operation (half an ulp of 1), 2⁻⁵³. */
    private static final double ULP = 0x1p-53;

    private final Venture venture;
    private final boolean doubleTriggerFires;
    private final List<Position> positions = new ArrayList<>();
    private final Map<String, Integer> positionByKey = new LinkedHashMap<>();
    /** Resolved exit days: resolving is the expensive step, so each day is resolved once per model. */
    private final Map<Integer, ResolvedDay> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    public BreakpointPayoutModel(Venture venture, boolean doubleTriggerFires) {
        this.venture = Objects.requireNonNull(venture, "venture");
        this.doubleTriggerFires = doubleTriggerFires;
        Mso mso = venture.mso();
        for (Holding h : mso.holdings()) {
            add(h.holder(), h.shareClass(), h.costBasis(mso.requireClass(h.shareClass())), h.acquired());
        }
        for (OptionGrant g : mso.options()) {
            add(g.holder(), "options", Money.ZERO, null);
        }
        for (Warrant w : mso.warrants()) {
            add(w.holder(), "warrants", Money.ZERO, null);
        }
        for (Safe s : mso.safes()) {
            add(s.holder(), "safes", s.amount(), s.acquired());
        }
        for (ConvertibleNote n : mso.notes()) {
            add(n.holder(), "notes", n.principal(), n.issued());
        }
    }

    private void add(String holder, String group, Money cost, LocalDate acquired) {
        String key = key(holder, group, cost.isPositive() ? acquired : null);
        Integer existing = positionByKey.get(key);
        if (existing == null) {
            positionByKey.put(key, positions.size());
            positions.add(new Position(holder, venture.categoryOf(holder), group, cost.cents(), cost.isPositive() ? acquired : null));
        } else {
            Position p = positions.get(existing);
            positions.set(existing, new Position(p.holder(), p.category(), p.group(), p.costCents() + cost.cents(), p.acquired()));
        }
    }

    private static String key(String holder, String group, LocalDate acquired) {
        return holder + "|" + group + "|" + (acquired == null ? "" : acquired.toString());
    }

    static String groupOf(Claimant c) {
        return switch (c.kind()) {
            case COMMON, PREFERRED -> c.id();
            case OPTIONS -> "options";
            case WARRANTS -> "warrants";
            case SAFE -> "safes";
            case NOTE -> "notes";
            // A class's series (incentive@12.5, incentive@hurdle-40000000) are one group: the class.
            case PROFITS_INTEREST -> c.id().contains("@") ? c.id().substring(0, c.id().indexOf('@')) : c.id();
        };
    }

    @Override
    public List<Position> positions() {
        return positions;
    }

    /** The cap table resolved for a sale on {@code date}: what the exact engine distributes. */
    public ResolvedCapTable resolve(LocalDate date) {
        return ResolvedCapTable.of(venture, date, doubleTriggerFires);
    }

    /** Thread-safe; the day's table is resolved on first use and kept. */
    @Override
    public PayoutEvaluator at(int exitEpochDay) {
        return resolved.computeIfAbsent(exitEpochDay, ResolvedDay::new).evaluator();
    }

    /**
     * One exit day, resolved on first use under its own lock. Not inside the map's computeIfAbsent: that holds a
     * lock on the map's bin (and stalls the map's resizing) for the whole resolution, so threads resolving
     * different days would wait for each other.
     */
    private final class ResolvedDay {
        private final int day;
        private PayoutEvaluator evaluator;

        ResolvedDay(int day) {
            this.day = day;
        }

        synchronized PayoutEvaluator evaluator() {
            if (evaluator == null) {
                LocalDate date = LocalDate.ofEpochDay(day);
                PerformanceVestedCapTable vesting = PerformanceVestedCapTable.of(venture, date, doubleTriggerFires);
                if (vesting.hasPerformanceVesting()) {
                    evaluator = new SteppedDayEvaluator(vesting);
                } else {
                    ResolvedCapTable table = resolve(date);
                    evaluator = new DayEvaluator(table, BreakpointTable.resolve(table));
                }
            }
            return evaluator;
        }
    }

    /**
     * One exit day of a cap table with performance-vested units: a {@link DayEvaluator} per combination of levels their
     * tests choose, each used on the proceeds of its interval, so every run is paid on the table the engine would choose.
     */
    private final class SteppedDayEvaluator implements PayoutEvaluator {
        private final long[] startCents;
        private final DayEvaluator[] evaluators;

        SteppedDayEvaluator(PerformanceVestedCapTable vesting) {
            List<ExitBreakpoints.Interval> intervals = vesting.breakpoints().intervals();
            startCents = new long[intervals.size()];
            evaluators = new DayEvaluator[intervals.size()];
            Map<List<Integer>, DayEvaluator> byLevels = new java.util.HashMap<>();
            for (int k = 0; k < intervals.size(); k++) {
                ExitBreakpoints.Interval interval = intervals.get(k);
                startCents[k] = interval.startCents();
                int[] levels = interval.levels();
                evaluators[k] = byLevels.computeIfAbsent(java.util.Arrays.stream(levels).boxed().toList(),
                        key -> new DayEvaluator(vesting.table(levels), interval.table()));
            }
        }

        private DayEvaluator at(long cents) {
            return evaluators[interval(cents)];
        }

        @Override
        public void payouts(long proceedsCents, long[] out) {
            at(proceedsCents).payouts(proceedsCents, out);
        }

        @Override
        public void payouts(long proceedsCents, long[] out, boolean[] wanted) {
            at(proceedsCents).payouts(proceedsCents, out, wanted);
        }

        @Override
        public SeriesPayouts series(SeriesSlots slots) {
            SeriesPayouts[] byInterval = new SeriesPayouts[evaluators.length];
            for (int k = 0; k < evaluators.length; k++) {
                byInterval[k] = evaluators[k].series(slots);
            }
            return new SeriesPayouts() {
                @Override
                public void add(long proceedsCents, long[] totals, int at) {
                    byInterval[interval(proceedsCents)].add(proceedsCents, totals, at);
                }

                /** Each stretch of consecutive runs on one interval's table through that table's pass, claimant by claimant. */
                @Override
                public void addRuns(long[] proceeds, int[] runs, int from, int to, long[] totals) {
                    for (int start = from, end; start < to; start = end) {
                        int k = interval(proceeds[runs[start]]);
                        end = start + 1;
                        while (end < to && interval(proceeds[runs[end]]) == k) {
                            end++;
                        }
                        byInterval[k].addRuns(proceeds, runs, start, end, totals);
                    }
                }
            };
        }

        /** The interval of proceeds, and so the table, an exit at {@code cents} is paid on. */
        private int interval(long cents) {
            int k = java.util.Arrays.binarySearch(startCents, cents);
            return k >= 0 ? k : -k - 2;
        }

        /** Where the levels change, and each level's table bends. */
        @Override
        public long[] bends() {
            java.util.stream.LongStream all = java.util.Arrays.stream(startCents);
            for (DayEvaluator e : evaluators) {
                all = java.util.stream.LongStream.concat(all, java.util.Arrays.stream(e.bends()));
            }
            return all.sorted().distinct().toArray();
        }
    }

    /**
     * Per thread, the series pass's columns of a block's runs: the class cents (run {@code j}'s in row {@code j}, where the
     * evaluator writes them); and the block's proceeds, their segments and the runs a split in doubles left undecided. One
     * of each for every day's pass of the thread, so that one day's block after another's reuses the same cache lines
     * (on ten-class a day's stretch of a chunk, and so a block, is about 48 to 72 runs).
     */
    private static final ThreadLocal<BlockColumns> BLOCK_COLUMNS = ThreadLocal.withInitial(BlockColumns::new);

    /** The most runs of a series pass's block ({@code SeriesPass.blockRuns}). */
    private static final int MOST_BLOCK_RUNS = 256;

    private static final class BlockColumns {
        private long[][] rows = new long[0][];
        final long[] proceeds = new long[MOST_BLOCK_RUNS];
        final int[] segment = new int[MOST_BLOCK_RUNS];
        final int[] deferred = new int[MOST_BLOCK_RUNS];

        /** {@link #MOST_BLOCK_RUNS} rows of at least {@code n} cents. */
        long[][] rows(int n) {
            if (rows.length == 0 || rows[0].length < n) {
                rows = new long[MOST_BLOCK_RUNS][n];
            }
            return rows;
        }
    }

    /** Per-thread scratch space of one day's evaluator. */
    private static final class Scratch {
        final BreakpointTable.Evaluator classes;
        final long[] classCents;
        double[] error = new double[16];
        /** The last mask of wanted positions this thread was given, and per claimant whether it holds any of them. */
        boolean[] wanted;
        boolean[] claimantWanted;
        final IntegerWeights.Scratch split = new IntegerWeights.Scratch();
        long[] parts = new long[16];
        long[] floor = new long[16];
        double[] remainder = new double[16];
        int[] order = new int[16];

        Scratch(BreakpointTable table) {
            classes = table.evaluator();
            classCents = new long[table.ids().size()];
        }

        void ensure(int m) {
            if (error.length < m) {
                error = new double[m];
                parts = new long[m];
                floor = new long[m];
                remainder = new double[m];
                order = new int[m];
            }
        }
    }

    /** The payouts of positions for one exit date. */
    private final class DayEvaluator implements PayoutEvaluator {
        private final BreakpointTable table;
        private final List<Claimant> claimants;
        private final List<BreakpointTable.Segment> segments;
        private final long[] segmentStartCents;
        private final int n;
        /** Per claimant: position index of each piece. */
        private final int[][] pieceTarget;
        /** Per claimant: each piece's preference weight ÷ the claimant's preference, and share weight ÷ shares. */
        private final double[][] prefShare;
        private final double[][] shareShare;
        /** Per claimant: whether the split depends on how the payout divides into preference and participation. */
        private final boolean[] modeMatters;
        private final double[] preference;
        private final double[] cap;
        /** Per claimant and piece: the first piece with exactly the same weights (their remainders tie exactly). */
        private final int[][] sameWeightsAs;
        /** Per segment and claimant: the line in dollars, as doubles. */
        private final double[][] intercept;
        private final double[][] slope;
        private final ThreadLocal<Scratch> scratch;
        /** Per claimant: each piece's preference in whole cents, when every one is whole (else null). */
        private final long[][] piecePreferenceCents;
        /** Per claimant: the preference in cents when whole, else -1. */
        private final long[] preferenceCents;
        /** Per segment and claimant: the line is flat at exactly the claimant's preference (unconverted, fully paid). */
        private final boolean[][] flatAtPreference;
        /**
         * Per segment and claimant, when the line is flat (a constant payout), the preference part of it as a
         * fraction of the payout, decided exactly once: NaN when the line rises (decided per evaluation).
         */
        private final double[][] flatPreferenceFraction;
        /** Per claimant: piece weights as integers over a common denominator (share, preference), or null if too large. */
        private final IntegerWeights[] shareWeights;
        private final IntegerWeights[] preferenceWeights;
        /** Per claimant whose split does not depend on the payout: its weights (preference or share; null if too wide). */
        private final IntegerWeights[] onlyWeights;

        DayEvaluator(ResolvedCapTable resolved, BreakpointTable table) {
            this.table = table;
            this.claimants = resolved.claimants();
            this.segments = table.segments();
            this.n = claimants.size();
            this.scratch = ThreadLocal.withInitial(() -> new Scratch(table));
            if (!table.ids().equals(claimants.stream().map(Claimant::id).toList())) {
                throw new IllegalStateException("breakpoint table and cap table list claimants differently");
            }
            segmentStartCents = new long[segments.size()];
            for (int k = 0; k < segments.size(); k++) {
                segmentStartCents[k] = ceil(segments.get(k).from().multiply(100));
            }
            pieceTarget = new int[n][];
            prefShare = new double[n][];
            shareShare = new double[n][];
            modeMatters = new boolean[n];
            preference = new double[n];
            cap = new double[n];
            sameWeightsAs = new int[n][];
            piecePreferenceCents = new long[n][];
            preferenceCents = new long[n];
            flatAtPreference = new boolean[segments.size()][n];
            flatPreferenceFraction = new double[segments.size()][n];
            shareWeights = new IntegerWeights[n];
            preferenceWeights = new IntegerWeights[n];
            for (int i = 0; i < n; i++) {
                List<Piece> pieces = claimants.get(i).pieces();
                shareWeights[i] = IntegerWeights.of(pieces.stream().map(Piece::shareWeight).toList());
                preferenceWeights[i] = IntegerWeights.of(pieces.stream().map(Piece::preferenceWeight).toList());
            }
            for (int k = 0; k < segments.size(); k++) {
                for (int i = 0; i < n; i++) {
                    Claimant c = claimants.get(i);
                    BigFraction value = segments.get(k).intercepts().get(i);
                    boolean flat = isZero(segments.get(k).marginalShares().get(i));
                    flatAtPreference[k][i] = !isZero(c.preference()) && flat && same(value, c.preference());
                    flatPreferenceFraction[k][i] = flat && !isZero(value)
                            ? preferencePart(c, false, value).divide(value).doubleValue() : Double.NaN;
                }
            }
            intercept = new double[segments.size()][n];
            slope = new double[segments.size()][n];
            for (int k = 0; k < segments.size(); k++) {
                for (int i = 0; i < n; i++) {
                    intercept[k][i] = segments.get(k).intercepts().get(i).doubleValue();
                    slope[k][i] = segments.get(k).marginalShares().get(i).doubleValue();
                }
            }
            for (int i = 0; i < n; i++) {
                Claimant c = claimants.get(i);
                List<Piece> pieces = c.pieces();
                pieceTarget[i] = new int[pieces.size()];
                prefShare[i] = new double[pieces.size()];
                shareShare[i] = new double[pieces.size()];
                boolean proportional = true;
                sameWeightsAs[i] = new int[pieces.size()];
                // Pieces by their exact weights, to find the first with the same: keyed by numerators and denominators
                // (BigFraction keeps lowest terms; its equals would reduce both sides again, for every pair of pieces).
                Map<List<BigInteger>, Integer> firstWithWeights = new java.util.HashMap<>();
                for (int j = 0; j < pieces.size(); j++) {
                    Piece p = pieces.get(j);
                    int piece = j;
                    String group = groupOf(c);
                    Integer target = positionByKey.get(key(p.holder(), group, p.cost().isPositive() ? p.acquired() : null));
                    if (target == null) {
                        throw new IllegalStateException("no position for " + p.holder() + " in " + c.id());
                    }
                    pieceTarget[i][j] = target;
                    BigFraction ps = isZero(c.preference()) ? BigFraction.ZERO : p.preferenceWeight().divide(c.preference());
                    BigFraction ss = isZero(c.shares()) ? BigFraction.ZERO : p.shareWeight().divide(c.shares());
                    prefShare[i][j] = ps.doubleValue();
                    shareShare[i][j] = ss.doubleValue();
                    proportional &= same(ps, ss);
                    sameWeightsAs[i][j] = firstWithWeights.computeIfAbsent(
                            List.of(ps.getNumerator(), ps.getDenominator(), ss.getNumerator(), ss.getDenominator()), w -> piece);
                }
                preferenceCents[i] = wholeCents(c.preference());
                long[] perPiece = new long[pieces.size()];
                for (int j = 0; j < pieces.size(); j++) {
                    perPiece[j] = wholeCents(pieces.get(j).preferenceWeight());
                    if (perPiece[j] < 0) {
                        perPiece = null;
                        break;
                    }
                }
                piecePreferenceCents[i] = preferenceCents[i] < 0 ? null : perPiece;
                modeMatters[i] = pieces.size() > 1 && !proportional && !isZero(c.preference()) && !isZero(c.shares());
                preference[i] = c.preference().doubleValue();
                cap[i] = c.participation() == ResolvedCapTable.Participation.CAPPED ? c.preference().add(c.headroom()).doubleValue()
                        : Double.POSITIVE_INFINITY;
            }
            onlyWeights = new IntegerWeights[n];
            for (int i = 0; i < n; i++) {
                onlyWeights[i] = modeMatters[i] ? null : isZero(claimants.get(i).shares()) ? preferenceWeights[i] : shareWeights[i];
            }
        }

        @Override
        public void payouts(long proceedsCents, long[] out) {
            payouts(proceedsCents, out, null);
        }

        /** The table's segments' starts: each claimant's payout is a line within a segment. */
        @Override
        public long[] bends() {
            return segmentStartCents.clone();
        }

        /** Per claimant, whether any of its pieces is wanted; kept per thread for the last mask seen. */
        private boolean[] claimantsWanted(boolean[] wanted, Scratch work) {
            if (work.wanted != wanted) {
                boolean[] claimantWanted = new boolean[n];
                for (int i = 0; i < n; i++) {
                    for (int target : pieceTarget[i]) {
                        claimantWanted[i] |= wanted[target];
                    }
                }
                work.wanted = wanted;
                work.claimantWanted = claimantWanted;
            }
            return work.claimantWanted;
        }

        @Override
        public void payouts(long proceedsCents, long[] out, boolean[] wanted) {
            java.util.Arrays.fill(out, 0);
            Scratch work = scratch.get();
            boolean[] claimantWanted = wanted == null ? null : claimantsWanted(wanted, work);
            long[] classCents = work.classCents;
            int segment = work.classes.classPayoutCents(proceedsCents, classCents);
            for (int i = 0; i < n; i++) {
                long cents = classCents[i];
                int[] target = pieceTarget[i];
                if (cents == 0 || claimantWanted != null && !claimantWanted[i]) {
                    continue;
                }
                if (target.length == 1) {
                    out[target[0]] += cents;
                    continue;
                }
                if (flatAtPreference[segment][i] && piecePreferenceCents[i] != null && cents == preferenceCents[i]) {
                    // A fully paid preference of whole cents: each holding gets exactly its own preference.
                    long[] perPiece = piecePreferenceCents[i];
                    for (int j = 0; j < target.length; j++) {
                        out[target[j]] += perPiece[j];
                    }
                    continue;
                }
                IntegerWeights fixed = modeMatters[i] ? fixedWeights(i, segment, proceedsCents) : onlyWeights[i];
                if (fixed != null) {
                    fixed.addSplit(cents, out, target, 0, work.split);   // largest remainder, as Allocation#proportional
                    continue;
                }
                if (!split(i, segment, proceedsCents, cents, out, target, 0, work)) {
                    splitExactly(i, segment, proceedsCents, cents, out, target, 0, work);
                }
            }
        }

        @Override
        public BinnedPayouts binned(boolean[] wanted, int[] binOf, int bins) {
            return new Binned(wanted, binOf);
        }

        @Override
        public SeriesPayouts series(SeriesSlots slots) {
            return new SeriesPass(slots);
        }

        /**
         * One thread's payouts by bin ({@link PayoutModel.BinnedPayouts}). Per claimant, the pieces computed every run are
         * those of wanted positions and those outside the claimant's main bin (the bin most of its pieces are in); the
         * main bin takes the rest of the claimant's cents. When the split's weights do not depend on the payout (the
         * usual case), the other pieces are not computed: each is paid its share of the claimant's cents to within a
         * cent, so their totals are estimated from the claimant's cents summed by weights. A split in doubles or exact
         * rationals computes every piece anyway, and is counted exactly.
         */
        private final class Binned implements BinnedPayouts {
            private final Scratch work = new Scratch(table);
            private final int[] wantedPositions;
            /** Per claimant: each piece's bin, the main bin, and the pieces computed every run (null: all of them). */
            private final int[][] pieceBin;
            private final int[] mainBin;
            private final int[][] computed;
            /** Per position: the cents known exactly, summed over the runs. */
            private final long[] exactSums;
            /** Per claimant: cents split by preference weights and by share weights with pieces left uncomputed, and runs. */
            private final double[] byPreference;
            private final double[] byShares;
            private final long[] estimatedRuns;
            /** Per claimant: runs in which each piece was paid exactly its whole-cent preference. */
            private final long[] preferenceRuns;

            Binned(boolean[] wanted, int[] binOf) {
                List<Integer> wantedList = new ArrayList<>();
                for (int p = 0; p < wanted.length; p++) {
                    if (wanted[p]) {
                        wantedList.add(p);
                    }
                }
                wantedPositions = wantedList.stream().mapToInt(Integer::intValue).toArray();
                pieceBin = new int[n][];
                mainBin = new int[n];
                computed = new int[n][];
                for (int i = 0; i < n; i++) {
                    int[] target = pieceTarget[i];
                    int m = target.length;
                    pieceBin[i] = new int[m];
                    Map<Integer, Integer> count = new java.util.HashMap<>();
                    int main = -1;
                    int most = 0;
                    for (int j = 0; j < m; j++) {
                        int bin = binOf[target[j]];
                        pieceBin[i][j] = bin;
                        int c = count.merge(bin, 1, Integer::sum);
                        if (c > most) {
                            most = c;
                            main = bin;
                        }
                    }
                    mainBin[i] = main;
                    int[] some = new int[m];
                    int k = 0;
                    for (int j = 0; j < m; j++) {
                        if (wanted[target[j]] || pieceBin[i][j] != main) {
                            some[k++] = j;
                        }
                    }
                    computed[i] = k == m ? null : java.util.Arrays.copyOf(some, k);
                }
                exactSums = new long[wanted.length];
                byPreference = new double[n];
                byShares = new double[n];
                estimatedRuns = new long[n];
                preferenceRuns = new long[n];
            }

            @Override
            public void payouts(long proceedsCents, long[] out, long[] binCents) {
                for (int p : wantedPositions) {
                    out[p] = 0;
                }
                Scratch work = this.work;
                long[] classCents = work.classCents;
                int segment = work.classes.classPayoutCents(proceedsCents, classCents);
                for (int i = 0; i < n; i++) {
                    long cents = classCents[i];
                    if (cents == 0) {
                        continue;
                    }
                    int[] target = pieceTarget[i];
                    int[] bin = pieceBin[i];
                    int m = target.length;
                    if (m == 1) {
                        out[target[0]] += cents;
                        exactSums[target[0]] += cents;
                        binCents[bin[0]] += cents;
                        continue;
                    }
                    if (flatAtPreference[segment][i] && piecePreferenceCents[i] != null && cents == preferenceCents[i]) {
                        long[] perPiece = piecePreferenceCents[i];
                        for (int j = 0; j < m; j++) {
                            out[target[j]] += perPiece[j];
                            binCents[bin[j]] += perPiece[j];
                        }
                        preferenceRuns[i]++;
                        continue;
                    }
                    IntegerWeights fixed = fixedWeights(i, segment, proceedsCents);
                    int[] some = computed[i];
                    long[] pieceCents;
                    if (fixed != null) {
                        work.ensure(m);
                        pieceCents = work.parts;
                        if (some != null) {
                            if (some.length > 0) {
                                fixed.splitSome(cents, pieceCents, some, some.length, work.split);
                            }
                            long outside = 0;
                            int main = mainBin[i];
                            for (int j : some) {
                                long v = pieceCents[j];
                                out[target[j]] += v;
                                exactSums[target[j]] += v;
                                if (bin[j] != main) {
                                    binCents[bin[j]] += v;
                                    outside += v;
                                }
                            }
                            binCents[main] += cents - outside;
                            if (fixed == preferenceWeights[i]) {
                                byPreference[i] += cents;
                            } else {
                                byShares[i] += cents;
                            }
                            estimatedRuns[i]++;
                            continue;
                        }
                        fixed.split(cents, pieceCents, work.split);
                    } else {
                        if (!split(i, segment, proceedsCents, cents, out, target, 0, work)) {
                            splitExactly(i, segment, proceedsCents, cents, out, target, 0, work);
                        }
                        pieceCents = work.floor;
                        // split and splitExactly have added every piece to out already
                        for (int j = 0; j < m; j++) {
                            exactSums[target[j]] += pieceCents[j];
                            binCents[bin[j]] += pieceCents[j];
                        }
                        continue;
                    }
                    for (int j = 0; j < m; j++) {
                        out[target[j]] += pieceCents[j];
                        exactSums[target[j]] += pieceCents[j];
                        binCents[bin[j]] += pieceCents[j];
                    }
                }
            }

            @Override
            public void addTotals(long[] exactCents, double[] estimatedCents, double[] errorCents) {
                for (int p = 0; p < exactSums.length; p++) {
                    exactCents[p] = Math.addExact(exactCents[p], exactSums[p]);
                }
                for (int i = 0; i < n; i++) {
                    int[] target = pieceTarget[i];
                    if (preferenceRuns[i] > 0) {
                        for (int j = 0; j < target.length; j++) {
                            exactCents[target[j]] = Math.addExact(exactCents[target[j]],
                                    Math.multiplyExact(preferenceRuns[i], piecePreferenceCents[i][j]));
                        }
                    }
                    if (estimatedRuns[i] == 0) {
                        continue;
                    }
                    boolean[] isComputed = new boolean[target.length];
                    for (int j : computed[i]) {
                        isComputed[j] = true;
                    }
                    long runs = estimatedRuns[i];
                    for (int j = 0; j < target.length; j++) {
                        if (isComputed[j]) {
                            continue;
                        }
                        double v = (byPreference[i] == 0 ? 0 : byPreference[i] * preferenceWeights[i].share(j))
                                + (byShares[i] == 0 ? 0 : byShares[i] * shareWeights[i].share(j));
                        estimatedCents[target[j]] += v;
                        // Under a cent a run off the exact share; the sums in doubles off by far less than (runs + 4) ulps.
                        errorCents[target[j]] += runs + Math.abs(v) * (runs + 4) * 0x1p-52 + 1;
                    }
                }
            }
        }

        /**
         * One thread's payouts summed into slots ({@link PayoutModel.SeriesPayouts}). A claimant's pieces all add to one
         * class slot and, unless their holders' categories differ, one category slot: those take the claimant's cents
         * once (a split hands out exactly the claimant's cents). Its cents are split only when a piece's holder has a
         * slot, each piece added straight into it; a claimant whose pieces' categories differ adds each part to its
         * category too (its class still takes the cents once); one whose pieces' classes differ is split into parts first
         * and each part added to its three slots, as is one whose whole-cent preferences per piece do not add up to its
         * own (never seen; then the sums are those of its pieces, as {@link #payouts} gives them).
         *
         * <p>The runs of one exit day go claimant by claimant ({@link #addRuns}): the evaluator's class cents of a block
         * of runs first, each run's in a row of its own that the evaluator writes, then per claimant one loop over the block
         * with its case decided once ({@link Claim#kind}), its slots and shares in locals. Under C1 that is what pays: run by
         * run, every claimant's fields were loaded and its case chosen again for every run. (Rows, not a column per claimant:
         * copying each run's cents out into the columns took 3% of the pass's time, and reading a row costs a bounds check
         * more; payouts 0.966 against 0.974 of main in process, 20 rounds.)
         */
        private final class SeriesPass implements SeriesPayouts {
            private final Scratch work = new Scratch(table);
            private final Claim[] claims;
            private final int[] identity;
            private final long[] parts;
            /**
             * Runs per block ({@link #addBlock}): the claimants' cents of a block, {@code n × blockRuns} longs, stay within
             * 32 KB (the first-level cache), at least 16 runs.
             */
            private final int blockRuns;
            /** The thread's block columns ({@link #BLOCK_COLUMNS}): the pass is used by the thread that made it. */
            private final BlockColumns columns = BLOCK_COLUMNS.get();
            /** A block's proceeds, and their segments (the evaluator's). */
            private final long[] blockProceeds = columns.proceeds;
            private final int[] blockSegment = columns.segment;
            /** The block's runs a split in doubles could not decide, for {@link #splitDeferred} after its loop. */
            private final int[] deferred = columns.deferred;

            /** One claimant's part in the pass: fields, not parallel arrays, so that C1 reads each without a bounds check. */
            private static final class Claim {
                /** Its cents, unsplit, into its class's and category's columns only. */
                static final int WHOLE = 0;
                /** The same, and into its one piece's holder's column. */
                static final int WHOLE_TO_ONE = 1;
                /** Into its class and category, and split in two or three fixed parts in doubles ({@link #doubleParts}). */
                static final int WHOLE_IN_DOUBLES = 2;
                /** Into its class and category, split run by run into its holders' columns. */
                static final int WHOLE_SPLIT = 3;
                /**
                 * Into its class (every piece's), and split in two or three fixed parts in doubles, each part into its holder's
                 * and its category's columns.
                 */
                static final int PIECES_IN_DOUBLES = 4;
                /** Split run by run into parts, each added to its three slots. */
                static final int PIECES = 5;
                /** How the pass adds its cents, decided once: one loop over a block's runs per case. */
                int kind;
                /**
                 * The class and category slot all its pieces add to, the spare slot for none (never read), -1 per piece; with
                 * {@link #PIECES_IN_DOUBLES} its class slot and the spare slot.
                 */
                int classSlot;
                int categorySlot;
                /** Each piece's holder slot (the spare slot for none). */
                int[] holderSlot;
                /** When its pieces' categories (or classes) differ: each piece's class and category slot (else null). */
                int[] pieceClassSlot;
                int[] pieceCategorySlot;
                /** The weights of a split that does not depend on the payout (else null), and whether it does. */
                IntegerWeights fixed;
                boolean modeMatters;
                /**
                 * Its preference in whole cents when each piece's is whole too (else {@code Long.MIN_VALUE}, never paid), and
                 * each piece's (null unless all whole): a payout of exactly that may go piece by piece.
                 */
                long piecewisePreferenceCents;
                long[] piecePreferenceCents;
                /**
                 * Two or three fixed parts split in doubles right in the pass ({@link IntegerWeights#addSplit}'s first try,
                 * without its call per claimant and run): the number of parts (else 0), the most cents split so, and each
                 * part's share.
                 */
                int doubleParts;
                long mostDoubleCents;
                double share0;
                double share1;
                double share2;
                /** Its index: its cents of a block's run {@code j} are at {@code rows[j][index]}. */
                int index;
                /**
                 * With {@link #doubleParts}: each part's holder slot and, with {@link #PIECES_IN_DOUBLES}
                 * ({@link #partsToCategories}), each part's category slot (else 0; with {@link #residues}, two parts' third the
                 * spare slot), in fields: the split's set-up, paid every block, reads them without a bounds or null check.
                 */
                int holder0;
                int holder1;
                int holder2;
                boolean partsToCategories;
                int category0;
                int category1;
                int category2;
                /**
                 * With {@link #doubleParts}, when its weights' reduced total is small (a common class's 4 : 20 : 15): the
                 * split of each residue, for {@link #splitByResidues} (else null). Two parts add a third of 0 to the spare
                 * slot ({@link #holder2}, {@link #category2}).
                 */
                IntegerWeights.Residues residues;
            }

            SeriesPass(SeriesSlots slots) {
                int spare = slots.spare();
                claims = new Claim[n];
                blockRuns = Math.max(16, Math.min(MOST_BLOCK_RUNS, 4096 / Math.max(n, 1)));
                int widest = 1;
                for (int i = 0; i < n; i++) {
                    int[] target = pieceTarget[i];
                    int m = target.length;
                    widest = Math.max(widest, m);
                    Claim claim = new Claim();
                    claims[i] = claim;
                    claim.holderSlot = new int[m];
                    boolean sameClass = true;
                    boolean sameCategory = true;
                    boolean followed = false;
                    for (int j = 0; j < m; j++) {
                        int h = slots.holderSlot()[target[j]];
                        claim.holderSlot[j] = h < 0 ? spare : h;
                        followed |= h >= 0;
                        sameClass &= slots.groupSlot()[target[j]] == slots.groupSlot()[target[0]];
                        sameCategory &= slots.categorySlot()[target[j]] == slots.categorySlot()[target[0]];
                    }
                    boolean whole = sameClass && sameCategory && preferencesAddUp(i);
                    boolean splits = !whole || followed;
                    if (whole) {
                        int g = slots.groupSlot()[target[0]];
                        int c = slots.categorySlot()[target[0]];
                        claim.classSlot = g < 0 ? spare : g;
                        claim.categorySlot = c < 0 ? spare : c;
                    } else {
                        claim.classSlot = -1;
                        claim.categorySlot = -1;
                        claim.pieceClassSlot = new int[m];
                        claim.pieceCategorySlot = new int[m];
                        for (int j = 0; j < m; j++) {
                            int g = slots.groupSlot()[target[j]];
                            int c = slots.categorySlot()[target[j]];
                            claim.pieceClassSlot[j] = g < 0 ? spare : g;
                            claim.pieceCategorySlot[j] = c < 0 ? spare : c;
                        }
                    }
                    claim.fixed = modeMatters[i] ? null : onlyWeights[i];
                    claim.modeMatters = modeMatters[i];
                    claim.piecePreferenceCents = piecePreferenceCents[i];
                    claim.piecewisePreferenceCents = claim.piecePreferenceCents == null ? Long.MIN_VALUE : preferenceCents[i];
                    if (splits && claim.fixed != null && claim.fixed.mostDoubleCents() > 0) {
                        claim.doubleParts = m;
                        claim.mostDoubleCents = claim.fixed.mostDoubleCents();
                        claim.share0 = claim.fixed.share(0);
                        claim.share1 = claim.fixed.share(1);
                        claim.share2 = m > 2 ? claim.fixed.share(2) : 0;
                        claim.holder0 = claim.holderSlot[0];
                        claim.holder1 = claim.holderSlot[1];
                        claim.holder2 = m > 2 ? claim.holderSlot[2] : spare;
                        claim.residues = claim.fixed.residues();
                    }
                    claim.index = i;
                    if (whole) {
                        claim.kind = !splits ? Claim.WHOLE : m == 1 ? Claim.WHOLE_TO_ONE
                                : claim.doubleParts != 0 ? Claim.WHOLE_IN_DOUBLES : Claim.WHOLE_SPLIT;
                    } else if (claim.doubleParts != 0 && sameClass && preferencesAddUp(i)) {
                        // The class takes the claimant's cents whole (a split hands out exactly them); the split loop's add
                        // of them to a category goes to the spare slot, each part to its own category instead.
                        claim.kind = Claim.PIECES_IN_DOUBLES;
                        int g = slots.groupSlot()[target[0]];
                        claim.classSlot = g < 0 ? spare : g;
                        claim.categorySlot = spare;
                        claim.partsToCategories = true;
                        claim.category0 = claim.pieceCategorySlot[0];
                        claim.category1 = claim.pieceCategorySlot[1];
                        claim.category2 = m > 2 ? claim.pieceCategorySlot[2] : spare;
                    } else {
                        claim.kind = Claim.PIECES;
                    }
                }
                identity = new int[widest];
                for (int j = 0; j < widest; j++) {
                    identity[j] = j;
                }
                parts = new long[widest];
            }

            /** Whether the claimant's whole-cent preferences per piece, when it has them, add up to its preference. */
            private boolean preferencesAddUp(int i) {
                long[] perPiece = piecePreferenceCents[i];
                if (perPiece == null) {
                    return true;
                }
                long sum = 0;
                for (long cents : perPiece) {
                    sum += cents;
                }
                return sum == preferenceCents[i];
            }

            @Override
            public void add(long proceedsCents, long[] totals, int at) {
                blockProceeds[0] = proceedsCents;
                addBlock(1, totals, at);
            }

            @Override
            public void addRuns(long[] proceeds, int[] runs, int from, int to, long[] totals) {
                long[] blockProceeds = this.blockProceeds;
                for (int start = from; start < to; start += blockRuns) {
                    int length = Math.min(blockRuns, to - start);
                    for (int j = 0; j < length; j++) {
                        blockProceeds[j] = proceeds[runs[start + j]];
                    }
                    addBlock(length, totals, start);
                }
            }

            /**
             * The block's runs, their proceeds in {@link #blockProceeds}{@code [0, length)}, run {@code j}'s cents added at
             * each slot + {@code at + j}: first every run's class cents, each run's row as the evaluator writes it, then per claimant
             * one loop over the runs for its case.
             */
            private void addBlock(int length, long[] totals, int at) {
                Scratch work = this.work;
                BreakpointTable.Evaluator evaluator = work.classes;
                long[] proceeds = blockProceeds;
                int[] segment = blockSegment;
                Claim[] claims = this.claims;
                int n = claims.length;
                BlockColumns columns = this.columns;
                long[][] rows = columns.rows(n);
                for (int j = 0; j < length; j++) {
                    segment[j] = evaluator.classPayoutCents(proceeds[j], rows[j]);
                }
                for (int i = 0; i < n; i++) {
                    Claim claim = claims[i];
                    switch (claim.kind) {
                        case Claim.WHOLE -> addWhole(rows, i, length, totals, claim.classSlot + at, claim.categorySlot + at);
                        case Claim.WHOLE_TO_ONE -> addWholeToOne(rows, i, length, totals, claim.classSlot + at,
                                claim.categorySlot + at, claim.holderSlot[0] + at);
                        case Claim.WHOLE_IN_DOUBLES, Claim.PIECES_IN_DOUBLES -> {
                            if (claim.residues != null) {
                                splitByResidues(claim, rows, length, totals, at);
                            } else if (claim.doubleParts == 2) {
                                splitInTwo(claim, rows, length, totals, at);
                            } else {
                                splitInThree(claim, rows, length, totals, at);
                            }
                        }
                        case Claim.WHOLE_SPLIT -> {
                            addWhole(rows, i, length, totals, claim.classSlot + at, claim.categorySlot + at);
                            splitEach(i, claim, rows, length, totals, claim.holderSlot, at);
                        }
                        default -> splitEachToPieces(i, claim, rows, length, totals, at);
                    }
                }
            }

            /** A claimant's cents, unsplit, into its class's and category's columns. */
            private static void addWhole(long[][] rows, int claimant, int length, long[] totals, int classAt, int categoryAt) {
                for (int j = 0; j < length; j++) {
                    long v = rows[j][claimant];
                    totals[classAt + j] += v;
                    totals[categoryAt + j] += v;
                }
            }

            /** The same for a claimant of one piece whose holder is followed: its cents into the holder's column too. */
            private static void addWholeToOne(long[][] rows, int claimant, int length, long[] totals, int classAt, int categoryAt,
                                              int holderAt) {
                for (int j = 0; j < length; j++) {
                    long v = rows[j][claimant];
                    totals[classAt + j] += v;
                    totals[categoryAt + j] += v;
                    totals[holderAt + j] += v;
                }
            }

            /**
             * The claimant's cents of the block's runs (its {@link Claim#index} of each row) added whole at its class's and category's
             * slot + {@code at + j}, and split in its two fixed parts ({@link #splitInThree}: three), part {@code p} of run
             * {@code j} added at its holder's slot + {@code at + j}: {@link IntegerWeights#addSplit}'s split in doubles
             * right here (see there why it is exact); a run it cannot decide, or past its cents in doubles, by {@link #splitDeferred} after the loop. A
             * run paid exactly its whole-cent preference needs no case of its own: its weights are its pieces' preferences
             * (or proportional to them), so each part's exact share is that piece's preference, which two parts round to
             * and three leave to the exact split (no fraction clear of a whole cent), as {@link #splitRun} would pay it. The
             * whole cents go in the same loop: one read of the claimant's cents a run, not two. With
             * {@link Claim#PIECES_IN_DOUBLES} ({@code categoryAt} the spare slot) each part goes to its category too, in the
             * same loop, rather than through a column per piece added to three slots after it. {@link #addBlock} calls it
             * straight, with the claimant's slots in its fields.
             */
            private void splitInTwo(Claim claim, long[][] rows, int length, long[] out, int at) {
                int[] deferred = this.deferred;
                int undecided = 0;
                int claimant = claim.index;
                int classAt = claim.classSlot + at;
                int categoryAt = claim.categorySlot + at;
                int firstAt = claim.holder0 + at;
                int secondAt = claim.holder1 + at;
                // Parts into their categories too (PIECES_IN_DOUBLES), or not.
                boolean toPieces = claim.partsToCategories;
                int firstCategoryAt = claim.category0 + at;
                int secondCategoryAt = claim.category1 + at;
                double share = claim.share0;
                long most = claim.mostDoubleCents;
                for (int j = 0; j < length; j++) {
                    long v = rows[j][claimant];
                    out[classAt + j] += v;
                    out[categoryAt + j] += v;
                    if ((v - 1 | most - v) >= 0) {   // 0 < v <= most
                        double x = v;
                        double f = x * share;
                        if (Math.abs(f - (long) f - 0.5) > x * 0x1p-50) {
                            long first = (long) (f + 0.5);
                            long second = v - first;
                            out[firstAt + j] += first;
                            out[secondAt + j] += second;
                            if (toPieces) {
                                out[firstCategoryAt + j] += first;
                                out[secondCategoryAt + j] += second;
                            }
                            continue;
                        }
                    }
                    deferred[undecided] = j;
                    undecided += v != 0 ? 1 : 0;
                }
                if (undecided != 0) {
                    splitDeferred(claim, rows, claimant, undecided, out, at);
                }
            }

            private void splitInThree(Claim claim, long[][] rows, int length, long[] out, int at) {
                int[] deferred = this.deferred;
                int undecided = 0;
                int claimant = claim.index;
                int classAt = claim.classSlot + at;
                int categoryAt = claim.categorySlot + at;
                int firstAt = claim.holder0 + at;
                int secondAt = claim.holder1 + at;
                int thirdAt = claim.holder2 + at;
                boolean toPieces = claim.partsToCategories;
                int firstCategoryAt = claim.category0 + at;
                int secondCategoryAt = claim.category1 + at;
                int thirdCategoryAt = claim.category2 + at;
                double share0 = claim.share0;
                double share1 = claim.share1;
                double share2 = claim.share2;
                long most = claim.mostDoubleCents;
                for (int j = 0; j < length; j++) {
                    long v = rows[j][claimant];
                    out[classAt + j] += v;
                    out[categoryAt + j] += v;
                    if ((v - 1 | most - v) >= 0) {   // 0 < v <= most
                        double x = v;
                        double e = x * 0x1p-50;
                        double v0 = x * share0;
                        double v1 = x * share1;
                        double v2 = x * share2;
                        long q0 = (long) v0;
                        long q1 = (long) v1;
                        long q2 = (long) v2;
                        double f0 = v0 - q0;
                        double f1 = v1 - q1;
                        double f2 = v2 - q2;
                        double high = 1 - e;
                        double d01 = f0 - f1;
                        double d02 = f0 - f2;
                        double d12 = f1 - f2;
                        if (f0 > e && f0 < high && f1 > e && f1 < high && f2 > e && f2 < high
                                && Math.abs(d01) > e && Math.abs(d02) > e && Math.abs(d12) > e) {
                            int left = (int) (v - q0 - q1 - q2);
                            // A difference's sign says which fraction is smaller: 1 − d truncates to 1 when d < 0 and to 0
                            // when d > 0 (e < |d| <= 1 − 2e, both fractions in (e, 1 − e); 1 − e and 2 − 2e are doubles),
                            // in registers, where the sign bit went through the stack under C1. A fraction's rank (0 the
                            // largest) counts the larger ones, and the `left` largest take a cent each.
                            int below01 = (int) (1 - d01);
                            int below02 = (int) (1 - d02);
                            int below12 = (int) (1 - d12);
                            int rank0 = below01 + below02;
                            int rank1 = 1 - below01 + below12;
                            long first = q0 + ((rank0 - left) >>> 31);
                            long second = q1 + ((rank1 - left) >>> 31);
                            long third = v - first - second;
                            out[firstAt + j] += first;
                            out[secondAt + j] += second;
                            out[thirdAt + j] += third;
                            if (toPieces) {
                                out[firstCategoryAt + j] += first;
                                out[secondCategoryAt + j] += second;
                                out[thirdCategoryAt + j] += third;
                            }
                            continue;
                        }
                    }
                    deferred[undecided] = j;
                    undecided += v != 0 ? 1 : 0;
                }
                if (undecided != 0) {
                    splitDeferred(claim, rows, claimant, undecided, out, at);
                }
            }

            /**
             * As {@link #splitInThree}, for weights with a small reduced total ({@link Claim#residues}): each run's parts
             * are {@code q × wⱼ} plus its residue's split from the table ({@link IntegerWeights#residues}, exact by
             * construction), with the quotient from a double reciprocal ({@link IntegerWeights.Residues#quotient}). No
             * fraction is tested and no run is left to the exact split but past {@link IntegerWeights#MOST_RESIDUE_CENTS}:
             * in doubles the common class's 4 : 20 : 15 left every thirteenth run (a part whole) to {@link #splitDeferred}.
             * About 75 instructions a run under C1 against about 176 in doubles; payouts 0.974 (q1 0.969, q3 0.982) of main
             * in process, 20 rounds.
             */
            private void splitByResidues(Claim claim, long[][] rows, int length, long[] out, int at) {
                int[] deferred = this.deferred;
                int undecided = 0;
                int claimant = claim.index;
                int classAt = claim.classSlot + at;
                int categoryAt = claim.categorySlot + at;
                int firstAt = claim.holder0 + at;
                int secondAt = claim.holder1 + at;
                int thirdAt = claim.holder2 + at;
                boolean toPieces = claim.partsToCategories;
                int firstCategoryAt = claim.category0 + at;
                int secondCategoryAt = claim.category1 + at;
                int thirdCategoryAt = claim.category2 + at;
                IntegerWeights.Residues residues = claim.residues;
                int[] firstTwo = residues.firstTwo;
                long total = residues.total;
                long weight0 = residues.weight0;
                long weight1 = residues.weight1;
                for (int j = 0; j < length; j++) {
                    long v = rows[j][claimant];
                    out[classAt + j] += v;
                    out[categoryAt + j] += v;
                    if (v <= IntegerWeights.MOST_RESIDUE_CENTS) {
                        long q = residues.quotient(v);   // inlined by C1 (a final class's method of 13 bytes)
                        int packed = firstTwo[(int) (v - q * total)];
                        long first = q * weight0 + (packed & 0xFFFF);
                        long second = q * weight1 + (packed >>> 16);
                        long third = v - first - second;
                        out[firstAt + j] += first;
                        out[secondAt + j] += second;
                        out[thirdAt + j] += third;
                        if (toPieces) {
                            out[firstCategoryAt + j] += first;
                            out[secondCategoryAt + j] += second;
                            out[thirdCategoryAt + j] += third;
                        }
                        continue;
                    }
                    deferred[undecided++] = j;
                }
                if (undecided != 0) {
                    splitDeferred(claim, rows, claimant, undecided, out, at);
                }
            }

            /**
             * The runs a split in doubles left undecided ({@code deferred[0, undecided)}, block runs) split exactly in
             * integers after the loop ({@link IntegerWeights#addSplitExactly}: what {@link #splitRun} comes to for fixed
             * weights, a call rather than four), into the holders' columns and, with {@link Claim#PIECES_IN_DOUBLES}, the
             * categories' too. With no call in the loop, its locals stay in registers under C1. Three parts leave a class
             * at its cap or its preference here (every part whole); the common class's 8 : 40 : 30 (a part whole every
             * thirteenth cent, one run in twelve here) now goes by {@link #splitByResidues}.
             */
            private void splitDeferred(Claim claim, long[][] rows, int claimant, int undecided, long[] out, int at) {
                IntegerWeights fixed = claim.fixed;
                int[] target = claim.holderSlot;
                int[] categories = claim.pieceCategorySlot;
                IntegerWeights.Scratch scratch = work.split;
                for (int k = 0; k < undecided; k++) {
                    int j = deferred[k];
                    long v = rows[j][claimant];
                    fixed.addSplitExactly(v, out, target, at + j, scratch);
                    if (categories != null) {
                        fixed.addSplitExactly(v, out, categories, at + j, scratch);   // its class has its cents already
                    }
                }
            }

            /** The claimant's cents of each of the block's runs split by {@link #splitRun}, piece {@code p} to {@code out[target[p] + at + j]}. */
            private void splitEach(int i, Claim claim, long[][] rows, int length, long[] out, int[] target, int at) {
                for (int j = 0; j < length; j++) {
                    long v = rows[j][i];
                    if (v != 0) {
                        splitRun(i, claim, v, j, out, target, at + j);
                    }
                }
            }

            /** Per run, the claimant's cents split into parts, each added to its holder's, class's and category's columns. */
            private void splitEachToPieces(int i, Claim claim, long[][] rows, int length, long[] totals, int at) {
                for (int j = 0; j < length; j++) {
                    long v = rows[j][i];
                    if (v != 0) {
                        addParts(i, claim, v, j, totals, at + j);
                    }
                }
            }

            /**
             * The block's run {@code j}'s {@code cents} of claimant {@code i} split into parts by {@link #splitRun}, each added
             * at {@code run} to its holder's, class's and category's columns.
             */
            private void addParts(int i, Claim claim, long cents, int j, long[] totals, int run) {
                long[] parts = this.parts;
                int[] holders = claim.holderSlot;
                int[] classes = claim.pieceClassSlot;
                int[] categories = claim.pieceCategorySlot;
                int m = holders.length;
                java.util.Arrays.fill(parts, 0, m, 0);
                splitRun(i, claim, cents, j, parts, identity, 0);
                for (int p = 0; p < m; p++) {
                    long part = parts[p];
                    totals[holders[p] + run] += part;
                    totals[categories[p] + run] += part;
                    totals[classes[p] + run] += part;
                }
            }

            /**
             * The block's run {@code j}'s {@code cents} (not 0) of claimant {@code i} split to its pieces, piece {@code p}
             * added to {@code out[target[p] + to]}, as the engine splits: one piece takes all; a fully paid preference of
             * whole cents gives each piece its own; weights fixed (or fixed at these proceeds) by largest remainder;
             * otherwise the split that needs the payout's preference part, in doubles or exactly.
             */
            private void splitRun(int i, Claim claim, long cents, int j, long[] out, int[] target, int to) {
                int m = claim.holderSlot.length;   // target may be longer (identity)
                long proceedsCents = blockProceeds[j];
                if (m == 1) {
                    out[target[0] + to] += cents;
                } else if (cents == claim.piecewisePreferenceCents && flatAtPreference[blockSegment[j]][i]) {
                    long[] perPiece = claim.piecePreferenceCents;
                    for (int p = 0; p < m; p++) {
                        out[target[p] + to] += perPiece[p];
                    }
                } else {
                    IntegerWeights fixed = claim.modeMatters ? fixedWeights(i, blockSegment[j], proceedsCents) : claim.fixed;
                    if (fixed != null) {
                        fixed.addSplit(cents, out, target, to, work.split);
                    } else if (!split(i, blockSegment[j], proceedsCents, cents, out, target, to, work)) {
                        splitExactly(i, blockSegment[j], proceedsCents, cents, out, target, to, work);
                    }
                }
            }
        }

        /**
         * The integer weights the claimant's cents are split by when they do not depend on the payout (only
         * preference, or only participation); null when the split mixes both or cannot be told in doubles.
         */
        private IntegerWeights fixedWeights(int i, int segment, long proceedsCents) {
            if (!modeMatters[i]) {
                return onlyWeights[i];
            }
            Claimant c = claimants.get(i);
            double fraction = flatPreferenceFraction[segment][i];
            if (Double.isNaN(fraction)) {
                double x = proceedsCents / 100.0;
                double a = intercept[segment][i];
                double bx = slope[segment][i] * x;
                double total = a + bx;
                double noise = NOISE * (Math.abs(a) + Math.abs(bx) + 1);
                if (Math.abs(total - preference[i]) <= noise || Math.abs(total - cap[i]) <= noise) {
                    return null;
                }
                boolean converted = c.participation() != ResolvedCapTable.Participation.FULL && total > cap[i]
                        || c.participation() == ResolvedCapTable.Participation.NONE && total > preference[i];
                fraction = converted ? 0 : total < preference[i] ? 1 : Double.NaN;
            }
            return fraction == 1 ? preferenceWeights[i] : fraction == 0 ? shareWeights[i] : null;
        }

        /** The claimant's exact payout (dollars) and slope at the proceeds. */
        private BigFraction exactPayout(int i, int segment, long proceedsCents) {
            return segments.get(segment).payout(i, new BigFraction(BigInteger.valueOf(proceedsCents), BigInteger.valueOf(100)));
        }

        /**
         * The preference part of claimant {@code i}'s payout {@code total}: 0 when it only participates or has
         * converted, else what its preference absorbs.
         */
        private BigFraction preferencePart(int i, int segment, BigFraction total) {
            return DayEvaluator.preferencePart(claimants.get(i), !isZero(segments.get(segment).marginalShares().get(i)), total);
        }

        /**
         * The preference part of a claimant's payout {@code total}: 0 when it only participates or has converted,
         * else what its preference absorbs; {@code rising} whether its payout line rises there (at exactly its
         * preference or cap, a flat line keeps the preference and a rising one has converted).
         */
        static BigFraction preferencePart(Claimant c, boolean rising, BigFraction total) {
            if (c.kind() == Kind.COMMON || c.kind() == Kind.OPTIONS || c.kind() == Kind.WARRANTS || isZero(c.preference())) {
                return BigFraction.ZERO;
            }
            BigFraction ceiling = c.participation() == ResolvedCapTable.Participation.FULL ? null
                    : c.participation() == ResolvedCapTable.Participation.CAPPED ? c.preference().add(c.headroom()) : c.preference();
            if (ceiling != null) {
                int cmp = total.compareTo(ceiling);
                if (cmp > 0 || (cmp == 0 && rising)) {
                    return BigFraction.ZERO; // converted
                }
            }
            return total.compareTo(c.preference()) < 0 ? total : c.preference();
        }

        /** The engine's split in exact rationals, piece {@code j} added to {@code out[target[j] + at]}. */
        private void splitExactly(int i, int segment, long proceedsCents, long cents, long[] out, int[] target, int at,
                                  Scratch work) {
            Claimant c = claimants.get(i);
            BigFraction total = exactPayout(i, segment, proceedsCents);
            BigFraction pref = preferencePart(i, segment, total);
            BigFraction part = total.subtract(pref);
            List<BigFraction> weights = new ArrayList<>(c.pieces().size());
            for (Piece p : c.pieces()) {
                BigFraction w = BigFraction.ZERO;
                if (!isZero(pref)) {
                    w = w.add(pref.multiply(p.preferenceWeight()).divide(c.preference()));
                }
                if (!isZero(part)) {
                    w = w.add(part.multiply(p.shareWeight()).divide(c.shares()));
                }
                weights.add(w);
            }
            List<Money> split = Allocation.proportional(Money.ofCents(cents), weights);
            // By the pieces, not target.length: the series pass hands a target of the widest claimant's length.
            work.ensure(split.size());
            for (int j = 0; j < split.size(); j++) {
                work.floor[j] = split.get(j).cents();   // per piece, for the binned pass
                out[target[j] + at] += split.get(j).cents();
            }
        }

        /**
         * The engine's split in doubles: each piece's exact share floored, left-over cents to the largest
         * remainders (ties to the earlier piece), piece {@code j} added to {@code out[target[j] + at]}. Returns false,
         * writing nothing, when doubles cannot decide.
         */
        private boolean split(int i, int segment, long proceedsCents, long cents, long[] out, int[] target, int at,
                              Scratch work) {
            double[] ps = prefShare[i];
            double[] ss = shareShare[i];
            int m = ps.length;
            if (cents >= (1L << 52)) {
                return false;   // cents must be exact in a double, and v - floor(v) exact below
            }
            double prefFraction;   // of the payout, the preference part
            double fractionError;  // an upper bound on |prefFraction - the exact fraction|
            if (!modeMatters[i]) {
                prefFraction = isZero(claimants.get(i).shares()) ? 1 : 0;
                fractionError = 0;
            } else if (!Double.isNaN(flatPreferenceFraction[segment][i])) {
                prefFraction = flatPreferenceFraction[segment][i];
                // an exact rational rounded once (0 and 1 are exact)
                fractionError = prefFraction == 0 || prefFraction == 1 ? 0 : ULP * prefFraction;
            } else {
                double x = proceedsCents / 100.0;
                double a = intercept[segment][i];
                double bx = slope[segment][i] * x;
                double total = a + bx;
                // Classifying needs the payout clearly below or above the preference and the cap.
                double noise = NOISE * (Math.abs(a) + Math.abs(bx) + 1);
                double pref = preference[i];
                if (Math.abs(total - pref) <= noise || Math.abs(total - cap[i]) <= noise) {
                    return false;
                }
                Claimant c = claimants.get(i);
                boolean converted = c.participation() != ResolvedCapTable.Participation.FULL && total > cap[i]
                        || c.participation() == ResolvedCapTable.Participation.NONE && total > pref;
                prefFraction = converted ? 0 : Math.min(total, pref) / total;
                if (prefFraction == 0 || prefFraction == 1) {
                    fractionError = 0;   // decided by the classification above (t / t is exactly 1)
                } else {
                    // pref / total: pref, a, slope and x each rounded once, bx and the sum once more: total is off by
                    // at most 4 ulps of |a| + |bx| (plus its own), the quotient by one more ulp.
                    fractionError = prefFraction * ULP * (3 + 5 * (Math.abs(a) + Math.abs(bx)) / Math.abs(total));
                }
            }
            work.ensure(m);
            double[] error = work.error;
            long[] floor = work.floor;
            double[] remainder = work.remainder;
            long assigned = 0;
            for (int j = 0; j < m; j++) {
                double share = prefFraction * ps[j] + (1 - prefFraction) * ss[j];
                double v = cents * share;
                // Error of v: the fraction's error moves the share by at most fractionError × (ps + ss); ps and ss are
                // exact ratios rounded once, the two products, the difference and the sum round once each, and v
                // once more. Doubled for margin; far below the old relative 1e-12, so exact fallbacks are rare.
                double err = 2 * (cents * (fractionError * (ps[j] + ss[j]) + 6 * ULP * share) + ULP * v) + Double.MIN_NORMAL;
                double f = (long) v;   // v >= 0: the truncation is the floor (Math.floor is a call under C1)
                double r = v - f;
                if (r <= err || r >= 1 - err) {
                    return false;
                }
                error[j] = err;
                floor[j] = (long) f;
                remainder[j] = r;
                assigned += floor[j];
            }
            long left = cents - assigned;
            if (left < 0 || left > m) {
                return false;
            }
            if (left > 0) {
                int[] order = work.order;
                topByRemainder(order, m, remainder, (int) Math.min(left + 1, m));
                if (left < m) {
                    // The cut between who gets a cent and who does not must be clear in doubles, unless the two
                    // pieces have identical shares (then the exact remainders tie and the earlier piece wins, as here).
                    int inside = order[(int) left - 1];
                    int outside = order[(int) left];
                    boolean identical = sameWeightsAs[i][inside] == sameWeightsAs[i][outside];
                    double gap = remainder[inside] - remainder[outside];
                    if (!identical && gap <= error[inside] + error[outside]) {
                        return false;
                    }
                }
                for (int k = 0; k < left; k++) {
                    floor[order[k]]++;
                }
            }
            for (int j = 0; j < m; j++) {
                out[target[j] + at] += floor[j];
            }
            return true;
        }
    }

    /**
     * The first {@code k} piece indexes of the order by remainder (largest first, ties to the lower index) into
     * {@code order[0, k)}: an insertion sort that keeps only the first {@code k}, since the split needs only the pieces
     * that get a left-over cent and the first that does not. Pieces come in index order, so a piece goes after every
     * one with an equal remainder, and one not above the k-th is dropped with a single comparison.
     */
    static void topByRemainder(int[] order, int m, double[] remainder, int k) {
        int size = 0;
        for (int idx = 0; idx < m; idx++) {
            double r = remainder[idx];
            int b;
            if (size < k) {
                b = size++;
            } else if (remainder[order[k - 1]] >= r) {
                continue;
            } else {
                b = k - 1;   // the last of the k drops out
            }
            while (b > 0 && remainder[order[b - 1]] < r) {
                order[b] = order[b - 1];
                b--;
            }
            order[b] = idx;
        }
    }

    /** {@code f} dollars in whole cents, or -1 when it is not a whole number of cents. */
    private static long wholeCents(BigFraction f) {
        BigFraction cents = f.multiply(100);
        return cents.getDenominator().equals(BigInteger.ONE) && cents.getNumerator().bitLength() < 62
                ? cents.getNumerator().longValue() : -1;
    }

    /** Exact equality: BigFraction keeps lowest terms, so equal values have equal parts (its equals reduces again). */
    private static boolean same(BigFraction a, BigFraction b) {
        return a.getNumerator().equals(b.getNumerator()) && a.getDenominator().equals(b.getDenominator());
    }

    private static boolean isZero(BigFraction f) {
        return f.getNumerator().signum() == 0;
    }

    private static long ceil(BigFraction f) {
        BigInteger[] qr = f.getNumerator().divideAndRemainder(f.getDenominator());
        BigInteger q = qr[0];
        if (qr[1].signum() > 0) {
            q = q.add(BigInteger.ONE);
        }
        return q.longValueExact();
    }
}
