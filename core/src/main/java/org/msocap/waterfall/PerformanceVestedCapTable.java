package org.msocap.waterfall;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.HolderCategory;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * A cap table at one exit date whose performance-vested profits interests (PRODUCT.md §7.4) vest by the exit value: one
 * {@link ResolvedCapTable} per combination of the tranches' levels, and the rule choosing the combination at given equity
 * proceeds. A cap table without performance vesting is the one combination of no tranches.
 *
 * <h2>The rule</h2>
 * A tranche (one performance-vested holding) at level k vests the fraction {@code vests} of that level, at most its
 * time-vested units; level 0 vests nothing. Its test at level k holds when the named class's payout from the equity, in
 * the table with every tranche at its current level, is at least {@code at × the class's cost} (exact amounts, before
 * cents). Starting with every tranche at its top level, the first tranche in file order whose test fails is lowered by
 * one level, and every test is taken again, until all hold. With one tranche that is the highest level whose test holds
 * with its own fraction vested. Lowering a tranche dilutes the others' tested classes less, so the order only matters
 * when tranches compete; file order makes it deterministic.
 *
 * <h2>Breakpoints</h2>
 * Within one combination payouts are continuous and non-decreasing in the proceeds, so a test holds from the first
 * proceeds at which the class's payout line reaches its target: a cut, in cents the ceiling of that value. The rule
 * reads only such comparisons, so the combination is constant between the cuts of the combinations it visits;
 * {@link #breakpoints()} finds them, lazily resolving only the combinations the rule reaches, and joins the tables'
 * segments into one (payouts jump at a cut). This is a layer over {@link BreakpointTable}: the tables are its own.
 */
public final class PerformanceVestedCapTable {

    /**
     * One performance-vested holding at the exit date.
     *
     * @param holding the holding's index in the MSO's holdings
     * @param claimant the id of the holding's own series in the waterfall
     * @param cost the tested class's cost, exactly
     * @param timeVested units vested by time at the date (0: the holding is forfeited whatever the test)
     */
    public record Tranche(int holding, Holding terms, String claimant, String testedClass, BigFraction cost, long timeVested) {

        /** The levels of its ratchet. */
        public List<PerformanceVesting.Level> levels() {
            return terms.performanceVesting().moic();
        }

        /** The fraction vested by the test at {@code level} (0 below the lowest level). */
        public BigDecimal fraction(int level) {
            return level == 0 ? BigDecimal.ZERO : levels().get(level - 1).vests();
        }

        /** Units vested at {@code level}: the lesser of the time-vested units and the fraction's. */
        public long vestedUnits(int level) {
            return level == 0 || timeVested == 0 ? 0 : Math.min(timeVested, BigDecimal.valueOf(terms.shares())
                    .multiply(fraction(level)).setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
        }

        /** The class's payout that level {@code level}'s test needs: {@code at × cost}. */
        BigFraction target(int level) {
            return ResolvedCapTable.fraction(levels().get(level - 1).at()).multiply(cost);
        }
    }

    private final Mso mso;
    private final LocalDate exitDate;
    private final boolean doubleTriggerFires;
    private final Map<String, HolderCategory> categories;
    private final List<Tranche> tranches;
    private final Map<List<Integer>, ResolvedCapTable> tables = new LinkedHashMap<>();
    private final Map<List<Integer>, BreakpointTable> breakpointTables = new LinkedHashMap<>();
    /** Per combination: each tranche's cut ({@link #cuts}). */
    private final Map<List<Integer>, long[]> cuts = new java.util.HashMap<>();
    private ExitBreakpoints breakpoints;

    private PerformanceVestedCapTable(Mso mso, LocalDate exitDate, boolean doubleTriggerFires,
                                      Map<String, HolderCategory> categories) {
        this.mso = mso;
        this.exitDate = exitDate;
        this.doubleTriggerFires = doubleTriggerFires;
        this.categories = Map.copyOf(categories);
        Map<Integer, String> keys = ProfitsInterests.performanceSeriesKeys(mso);
        List<Tranche> out = new ArrayList<>();
        for (Map.Entry<Integer, String> e : keys.entrySet()) {
            Holding h = mso.holdings().get(e.getKey());
            String testedClass = h.performanceVesting().shareClass();
            ShareClass tested = mso.requireClass(testedClass);
            Money cost = Money.ZERO;
            for (Holding other : mso.holdings()) {
                if (other.shareClass().equals(testedClass)) {
                    cost = cost.plus(other.costBasis(tested));
                }
            }
            java.util.Set<String> named = new java.util.HashSet<>();
            for (int j = 0; j < mso.holdings().size(); j++) {
                Holding o = mso.holdings().get(j);
                if (o.shareClass().equals(h.shareClass()) && o.vestedAtExit(exitDate, doubleTriggerFires) > 0) {
                    named.add(keys.getOrDefault(j, ProfitsInterests.seriesKey(o)));
                }
            }
            long namedSeries = named.size();
            String claimant = namedSeries == 1 ? h.shareClass() : h.shareClass() + "@" + e.getValue();
            out.add(new Tranche(e.getKey(), h, claimant, testedClass, ResolvedCapTable.money(cost),
                    h.vestedAtExit(exitDate, doubleTriggerFires)));
        }
        this.tranches = List.copyOf(out);
    }

    /** The venture's MSO cap table for a sale on {@code exitDate}. */
    public static PerformanceVestedCapTable of(Venture venture, LocalDate exitDate, boolean doubleTriggerFires) {
        return of(venture.mso(), exitDate, doubleTriggerFires, ResolvedCapTable.categories(venture));
    }

    /** An MSO cap table for a sale on {@code exitDate}; {@code categories} maps every holder id to its category. */
    public static PerformanceVestedCapTable of(Mso mso, LocalDate exitDate, boolean doubleTriggerFires,
                                               Map<String, HolderCategory> categories) {
        Objects.requireNonNull(mso, "mso");
        Objects.requireNonNull(exitDate, "exitDate");
        return new PerformanceVestedCapTable(mso, exitDate, doubleTriggerFires, categories);
    }

    /** Whether any holding vests by performance (else every exit value has the one table). */
    public boolean hasPerformanceVesting() {
        return !tranches.isEmpty();
    }

    /** The performance-vested holdings, in file order. */
    public List<Tranche> tranches() {
        return tranches;
    }

    public LocalDate exitDate() {
        return exitDate;
    }

    /** Every tranche at its top level (forfeited ones at 0): the table in which every claimant takes part. */
    public int[] topLevels() {
        int[] levels = new int[tranches.size()];
        for (int t = 0; t < levels.length; t++) {
            levels[t] = tranches.get(t).timeVested() == 0 ? 0 : tranches.get(t).levels().size();
        }
        return levels;
    }

    /** The table with each tranche at {@code levels[t]}. */
    public synchronized ResolvedCapTable table(int[] levels) {
        List<Integer> key = key(levels);
        ResolvedCapTable known = tables.get(key);
        if (known == null) {
            BigDecimal[] fractions = new BigDecimal[mso.holdings().size()];
            for (int t = 0; t < tranches.size(); t++) {
                fractions[tranches.get(t).holding()] = tranches.get(t).fraction(levels[t]);
            }
            known = ResolvedCapTable.of(mso, exitDate, doubleTriggerFires, categories, fractions);
            tables.put(key, known);
        }
        return known;
    }

    /** The table every claimant is in: every tranche at its top level. */
    public ResolvedCapTable top() {
        return table(topLevels());
    }

    /** The levels at these equity proceeds, by the exact engine. */
    public int[] levelsAt(Money equityProceeds) {
        BigFraction x = ResolvedCapTable.money(equityProceeds);
        Map<List<Integer>, BigFraction[]> payouts = new LinkedHashMap<>();
        return choose((levels, t) -> {
            BigFraction[] classPayout = payouts.computeIfAbsent(key(levels), k -> new BigFraction[tranches.size()]);
            if (classPayout[t] == null) {
                classPayout[t] = classPayout(table(levels), tranches.get(t).testedClass(), x);
            }
            return classPayout[t].compareTo(tranches.get(t).target(levels[t])) >= 0;
        });
    }

    /** The table the exact engine distributes these equity proceeds on. */
    public ResolvedCapTable at(Money equityProceeds) {
        return tranches.isEmpty() ? table(new int[0]) : table(levelsAt(equityProceeds));
    }

    /** Whether tranche t's test at its level in {@code levels} holds. */
    @FunctionalInterface
    private interface Test {
        boolean holds(int[] levels, int t);
    }

    /** The rule (class comment): lower the first failing tranche by one level until every test holds. */
    private int[] choose(Test test) {
        int[] levels = topLevels();
        boolean lowered = true;
        while (lowered) {
            lowered = false;
            for (int t = 0; t < levels.length; t++) {
                if (levels[t] > 0 && !test.holds(levels, t)) {
                    levels[t]--;
                    lowered = true;
                    break;
                }
            }
        }
        return levels;
    }

    private static BigFraction classPayout(ResolvedCapTable table, String classId, BigFraction proceeds) {
        Outcome o = WaterfallEngine.DEFAULT.settle(table, Affine.constant(proceeds));
        BigFraction sum = BigFraction.ZERO;
        for (int i = 0; i < table.layout.size; i++) {
            if (table.layout.claimants.get(i).id().equals(classId)) {
                sum = sum.add(o.payout(i).value());
            }
        }
        return sum;
    }

    private static List<Integer> key(int[] levels) {
        return Arrays.stream(levels).boxed().toList();
    }

    // ---- breakpoints -------------------------------------------------------------------------------

    /** The breakpoint table of the combination {@code levels}. */
    public synchronized BreakpointTable breakpointTable(int[] levels) {
        return breakpointTables.computeIfAbsent(key(levels), k -> BreakpointTable.resolve(table(levels)));
    }

    /**
     * Per tranche, the first cent of proceeds from which its test at its level in {@code levels} holds (MAX_VALUE: never,
     * or the tranche at level 0); computed once per combination and kept, since the rule asks for the same cuts of the
     * same combinations again and again (at every point of {@link #resolveBreakpoints}).
     */
    private long[] cuts(int[] levels) {
        List<Integer> key = key(levels);
        long[] known = cuts.get(key);
        if (known == null) {
            known = new long[levels.length];
            for (int t = 0; t < levels.length; t++) {
                known[t] = levels[t] > 0 ? cutCents(levels, t) : Long.MAX_VALUE;
            }
            cuts.put(key, known);
        }
        return known;
    }

    /** Per tranche and level: the target in cents, rounded up (MAX_VALUE: beyond a long), below which its test fails. */
    private long[][] leastCuts;

    /** The least cut of tranche t's test at {@code level} in any table: its target, since a class is paid at most the proceeds. */
    private long leastCut(int t, int level) {
        if (leastCuts == null) {
            leastCuts = new long[tranches.size()][];
            for (int u = 0; u < tranches.size(); u++) {
                leastCuts[u] = new long[tranches.get(u).levels().size() + 1];
                for (int k = 1; k < leastCuts[u].length; k++) {
                    leastCuts[u][k] = ceilCents(tranches.get(u).target(k));
                }
            }
        }
        return leastCuts[t][level];
    }

    /** The first cent of proceeds from which tranche t's test at its level in {@code levels} holds; MAX_VALUE: never. */
    private long cutCents(int[] levels, int t) {
        BreakpointTable b = breakpointTable(levels);
        Tranche tranche = tranches.get(t);
        int i = b.ids().indexOf(tranche.testedClass());
        if (i < 0) {
            return Long.MAX_VALUE;
        }
        BigFraction target = tranche.target(levels[t]);
        List<BreakpointTable.Segment> segments = b.segments();
        for (int k = 0; k < segments.size(); k++) {
            BreakpointTable.Segment s = segments.get(k);
            if (s.payout(i, s.from()).compareTo(target) >= 0) {
                return ceilCents(s.from());
            }
            BigFraction slope = s.marginalShares().get(i);
            if (slope.compareTo(BigFraction.ZERO) > 0) {
                BigFraction x = target.subtract(s.intercepts().get(i)).divide(slope);
                if (k + 1 == segments.size() || x.compareTo(segments.get(k + 1).from()) < 0) {
                    return ceilCents(x);
                }
            }
        }
        return Long.MAX_VALUE;
    }

    private static long ceilCents(BigFraction dollars) {
        BigFraction cents = dollars.multiply(100);
        BigInteger[] qr = cents.getNumerator().divideAndRemainder(cents.getDenominator());
        BigInteger q = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return q.bitLength() < 63 ? q.longValueExact() : Long.MAX_VALUE;
    }

    /**
     * The levels at {@code cents} by the breakpoint tables, adding to {@code cuts} every cut of the combinations the rule
     * visited (the cuts of each tranche not at level 0 in a combination at which some test is taken).
     */
    private int[] levelsAtCents(long cents, TreeSet<Long> cuts) {
        java.util.Set<List<Integer>> visited = new java.util.HashSet<>();
        return choose((levels, t) -> {
            // A class is paid at most the proceeds, so below its target in cents the test fails whatever the table: the
            // comparison is decided, and stays so up to the target, without resolving the combination's table.
            long least = leastCut(t, levels[t]);
            if (cents < least) {
                if (least != Long.MAX_VALUE) {
                    cuts.add(least);
                }
                return false;
            }
            long[] of = cuts(levels);
            if (visited.add(key(levels))) {
                for (int u = 0; u < levels.length; u++) {
                    if (levels[u] > 0 && of[u] != Long.MAX_VALUE) {
                        cuts.add(of[u]);
                    }
                }
            }
            return cents >= of[t];
        });
    }

    /** The breakpoints of the waterfall across every combination, with the jumps; resolved on first use. */
    public synchronized ExitBreakpoints breakpoints() {
        if (breakpoints == null) {
            breakpoints = resolveBreakpoints();
        }
        return breakpoints;
    }

    /**
     * Splits the proceeds at the cuts until the rule, taken at the start of every interval, visits no cut inside it: then
     * it reads the same comparisons, and so chooses the same combination, everywhere in the interval. Each point is taken
     * once: a point added later only shortens the interval of the point before it, which then still holds no cut. The
     * intervals are the runs of equal levels, so the result does not depend on the order points are taken in.
     */
    private ExitBreakpoints resolveBreakpoints() {
        if (tranches.isEmpty()) {
            BreakpointTable only = breakpointTable(new int[0]);
            return new ExitBreakpoints(this, only, List.of(new ExitBreakpoints.Interval(0, new int[0], only)), List.of());
        }
        java.util.TreeMap<Long, int[]> points = new java.util.TreeMap<>();
        java.util.ArrayDeque<Long> pending = new java.util.ArrayDeque<>(List.of(0L));
        points.put(0L, null);
        while (!pending.isEmpty()) {
            long p = pending.poll();
            TreeSet<Long> visited = new TreeSet<>();
            points.put(p, levelsAtCents(p, visited));
            Long next = points.higherKey(p);
            for (long c : visited.subSet(p, false, next == null ? Long.MAX_VALUE : next, false)) {
                if (!points.containsKey(c)) {
                    points.put(c, null);
                    pending.add(c);
                }
            }
        }
        List<ExitBreakpoints.Interval> intervals = new ArrayList<>();
        for (Map.Entry<Long, int[]> e : points.entrySet()) {
            int[] levels = e.getValue();
            if (!intervals.isEmpty() && Arrays.equals(intervals.get(intervals.size() - 1).levels(), levels)) {
                continue;
            }
            intervals.add(new ExitBreakpoints.Interval(e.getKey(), levels, breakpointTable(levels)));
        }
        return ExitBreakpoints.join(this, intervals);
    }
}
