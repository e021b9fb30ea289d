package org.msocap.waterfall;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The breakpoints of a waterfall at one exit date across the levels of its performance-vested tranches
 * ({@link PerformanceVestedCapTable}): the proceeds split into intervals, each with one combination of levels and its own
 * {@link BreakpointTable}, and one joined table over every claimant whose segments follow the intervals. Within an
 * interval payouts are continuous; at the start of the next they jump, and {@link #jumps()} says by how much. Without
 * performance vesting there is one interval, the joined table is the cap table's own, and there are no jumps.
 */
public final class ExitBreakpoints {

    /**
     * Proceeds from {@code startCents} (inclusive) to the next interval's start, with the tranches at {@code levels}.
     */
    public record Interval(long startCents, int[] levels, BreakpointTable table) {
        public Interval {
            Objects.requireNonNull(levels, "levels");
            Objects.requireNonNull(table, "table");
            levels = levels.clone();
        }

        @Override
        public int[] levels() {
            return levels.clone();
        }
    }

    /**
     * Where payouts jump: at {@code atCents} the tranches move from {@code levelsBefore} to {@code levelsAfter}, and some
     * tranche's vested units change (a change of level within what time vesting caps is no jump); the
     * payouts (cents, in the order of {@link #ids()}) at one cent below and at the cut, as the engine pays them.
     */
    public record Jump(long atCents, int[] levelsBefore, int[] levelsAfter, long[] payoutBefore, long[] payoutAfter) {
        public Jump {
            levelsBefore = levelsBefore.clone();
            levelsAfter = levelsAfter.clone();
            payoutBefore = payoutBefore.clone();
            payoutAfter = payoutAfter.clone();
        }

        @Override
        public int[] levelsBefore() {
            return levelsBefore.clone();
        }

        @Override
        public int[] levelsAfter() {
            return levelsAfter.clone();
        }

        @Override
        public long[] payoutBefore() {
            return payoutBefore.clone();
        }

        @Override
        public long[] payoutAfter() {
            return payoutAfter.clone();
        }

        /** The cut in dollars. */
        public BigFraction at() {
            return new BigFraction(BigInteger.valueOf(atCents), BigInteger.valueOf(100));
        }
    }

    private final PerformanceVestedCapTable capTable;
    private final List<Interval> intervals;
    private final long[] startCents;
    private final BreakpointTable joined;
    private final List<Jump> jumps;

    ExitBreakpoints(PerformanceVestedCapTable capTable, BreakpointTable joined, List<Interval> intervals, List<Jump> jumps) {
        this.capTable = capTable;
        this.joined = joined;
        this.intervals = List.copyOf(intervals);
        this.jumps = List.copyOf(jumps);
        this.startCents = this.intervals.stream().mapToLong(Interval::startCents).toArray();
    }

    /** Joins the intervals' tables: every claimant of any of them, in id order, 0 where an interval's table lacks it. */
    static ExitBreakpoints join(PerformanceVestedCapTable capTable, List<Interval> intervals) {
        if (intervals.size() == 1 && intervals.get(0).startCents() == 0) {
            return new ExitBreakpoints(capTable, intervals.get(0).table(), intervals, List.of());
        }
        TreeSet<String> all = new TreeSet<>();
        intervals.forEach(v -> all.addAll(v.table().ids()));
        List<String> ids = List.copyOf(all);
        List<BreakpointTable.Segment> segments = new ArrayList<>();
        List<Jump> jumps = new ArrayList<>();
        for (int v = 0; v < intervals.size(); v++) {
            Interval interval = intervals.get(v);
            long end = v + 1 < intervals.size() ? intervals.get(v + 1).startCents() : Long.MAX_VALUE;
            BreakpointTable table = interval.table();
            int[] index = indexIn(ids, table.ids());
            List<BreakpointTable.Segment> own = table.segments();
            int first = 0;
            for (int k = 1; k < own.size(); k++) {
                if (ceilCents(own.get(k).from()) <= interval.startCents()) {
                    first = k;
                }
            }
            for (int k = first; k < own.size(); k++) {
                long start = k == first ? interval.startCents() : ceilCents(own.get(k).from());
                if (start >= end) {
                    break;
                }
                BigFraction from = k == first ? new BigFraction(BigInteger.valueOf(start), BigInteger.valueOf(100)) : own.get(k).from();
                segments.add(new BreakpointTable.Segment(from, spread(own.get(k).intercepts(), index, ids.size()),
                        spread(own.get(k).marginalShares(), index, ids.size())));
            }
            // Levels that change no vested units (capped by time vesting) change no payout: not a jump.
            if (v > 0 && !Arrays.equals(units(capTable, intervals.get(v - 1).levels()), units(capTable, interval.levels()))) {
                Interval before = intervals.get(v - 1);
                long at = interval.startCents();
                jumps.add(new Jump(at, before.levels(), interval.levels(),
                        spread(before.table().classPayoutCents(at - 1), indexIn(ids, before.table().ids()), ids.size()),
                        spread(table.classPayoutCents(at), index, ids.size())));
            }
        }
        return new ExitBreakpoints(capTable, BreakpointTable.ofSegments(ids, segments), intervals, jumps);
    }

    private static long[] units(PerformanceVestedCapTable capTable, int[] levels) {
        long[] out = new long[levels.length];
        for (int t = 0; t < levels.length; t++) {
            out[t] = capTable.tranches().get(t).vestedUnits(levels[t]);
        }
        return out;
    }

    private static int[] indexIn(List<String> all, List<String> some) {
        int[] index = new int[some.size()];
        for (int i = 0; i < some.size(); i++) {
            index[i] = all.indexOf(some.get(i));
        }
        return index;
    }

    private static List<BigFraction> spread(List<BigFraction> values, int[] index, int size) {
        BigFraction[] out = new BigFraction[size];
        Arrays.fill(out, BigFraction.ZERO);
        for (int i = 0; i < index.length; i++) {
            out[index[i]] = values.get(i);
        }
        return Arrays.asList(out);
    }

    private static long[] spread(long[] values, int[] index, int size) {
        long[] out = new long[size];
        for (int i = 0; i < index.length; i++) {
            out[index[i]] = values[i];
        }
        return out;
    }

    private static long ceilCents(BigFraction dollars) {
        BigFraction cents = dollars.multiply(100);
        BigInteger[] qr = cents.getNumerator().divideAndRemainder(cents.getDenominator());
        return (qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0]).longValueExact();
    }

    /** The cap table these breakpoints are of. */
    public PerformanceVestedCapTable capTable() {
        return capTable;
    }

    /** Every claimant of any interval, in id order: the order of the joined table's payouts. */
    public List<String> ids() {
        return joined.ids();
    }

    /**
     * One table of every segment across the intervals: its lines reproduce the engine's cents at every exit value (a
     * claimant absent from an interval's combination is paid 0 there, which largest remainder never gives a cent).
     */
    public BreakpointTable table() {
        return joined;
    }

    public List<Interval> intervals() {
        return intervals;
    }

    public List<Jump> jumps() {
        return jumps;
    }

    /** The interval of the proceeds {@code cents}. */
    public Interval intervalOf(long cents) {
        int k = Arrays.binarySearch(startCents, cents);
        return intervals.get(k >= 0 ? k : -k - 2);
    }
}
