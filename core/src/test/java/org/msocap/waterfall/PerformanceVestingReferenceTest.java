package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;

/**
 * {@link PerformanceVestedCapTable#breakpoints()} keeps each combination's cuts and takes each point once; this checks it
 * against the computation it replaced, kept here as written before (every cut recomputed at every test, every point taken
 * again until no interval splits), on the generated tables of {@link PerformanceVestingPropertyTest} and on the same
 * tables with long ratchets (up to 12 levels): the same intervals, levels and jumps.
 */
class PerformanceVestingReferenceTest {

    @Test
    void breakpointsEqualThePreviousComputationOnRandomTables() {
        int intervals = 0;
        for (long seed = 0; seed < 80; seed++) {
            Venture v = PerformanceVestingPropertyTest.generate(seed);
            intervals += check(v, seed);
            intervals += check(withLongRatchets(v, new Random(seed)), seed);
        }
        assertThat(intervals).as("not vacuous").isGreaterThan(400);
    }

    private static int check(Venture v, long seed) {
        ExitBreakpoints fast = PerformanceVestedCapTable.of(v, CapTables.EXIT, false).breakpoints();
        ExitBreakpoints reference = Reference.breakpoints(PerformanceVestedCapTable.of(v, CapTables.EXIT, false));
        assertThat(fast.intervals()).as("seed %d", seed).hasSameSizeAs(reference.intervals());
        for (int k = 0; k < fast.intervals().size(); k++) {
            ExitBreakpoints.Interval a = fast.intervals().get(k);
            ExitBreakpoints.Interval b = reference.intervals().get(k);
            assertThat(a.startCents()).as("seed %d interval %d", seed, k).isEqualTo(b.startCents());
            assertThat(a.levels()).as("seed %d interval %d", seed, k).containsExactly(b.levels());
        }
        assertThat(fast.jumps()).as("seed %d", seed).hasSameSizeAs(reference.jumps());
        for (int k = 0; k < fast.jumps().size(); k++) {
            ExitBreakpoints.Jump a = fast.jumps().get(k);
            ExitBreakpoints.Jump b = reference.jumps().get(k);
            assertThat(a.atCents()).isEqualTo(b.atCents());
            assertThat(a.payoutBefore()).containsExactly(b.payoutBefore());
            assertThat(a.payoutAfter()).containsExactly(b.payoutAfter());
        }
        assertThat(fast.table().segments()).as("seed %d", seed).isEqualTo(reference.table().segments());
        return fast.intervals().size();
    }

    /** The venture with every performance-vested holding's ratchet replaced by one of 4 to 12 levels. */
    private static Venture withLongRatchets(Venture v, Random r) {
        Mso mso = v.mso();
        Mso.Builder b = Mso.builder().form(mso.form());
        mso.classes().forEach(b::shareClass);
        for (Holding h : mso.holdings()) {
            if (h.performanceVesting() != null) {
                int n = 4 + r.nextInt(9);
                double at = 0.25 + r.nextInt(8) * 0.25;
                List<PerformanceVesting.Level> levels = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    at += 0.05 + 0.05 * r.nextInt(8);
                    levels.add(new PerformanceVesting.Level(BigDecimal.valueOf(at).setScale(2, java.math.RoundingMode.HALF_UP),
                            BigDecimal.valueOf(k + 1).divide(BigDecimal.valueOf(n), 6, java.math.RoundingMode.DOWN)
                                    .max(BigDecimal.valueOf(k == n - 1 ? 1 : 0))));
                }
                h = h.withPerformanceVesting(new PerformanceVesting(h.performanceVesting().shareClass(), levels));
            }
            b.holding(h);
        }
        return CapTables.venture(b.build());
    }

    /** The computation as it was before the cuts were kept (commit da4358f). */
    static final class Reference {
        private final PerformanceVestedCapTable table;
        private final List<PerformanceVestedCapTable.Tranche> tranches;

        private Reference(PerformanceVestedCapTable table) {
            this.table = table;
            this.tranches = table.tranches();
        }

        static ExitBreakpoints breakpoints(PerformanceVestedCapTable table) {
            return new Reference(table).resolveBreakpoints();
        }

        private interface Test {
            boolean holds(int[] levels, int t);
        }

        private int[] choose(Test test) {
            int[] levels = table.topLevels();
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

        private long cutCents(int[] levels, int t) {
            BreakpointTable b = table.breakpointTable(levels);
            PerformanceVestedCapTable.Tranche tranche = tranches.get(t);
            int i = b.ids().indexOf(tranche.testedClass());
            BigFraction target = tranche.target(levels[t]);
            if (i < 0) {
                return Long.MAX_VALUE;
            }
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

        private int[] levelsAtCents(long cents, TreeSet<Long> cuts) {
            return choose((levels, t) -> {
                for (int u = 0; u < levels.length; u++) {
                    if (levels[u] > 0) {
                        long cut = cutCents(levels, u);
                        if (cut != Long.MAX_VALUE) {
                            cuts.add(cut);
                        }
                    }
                }
                return cents >= cutCents(levels, t);
            });
        }

        private ExitBreakpoints resolveBreakpoints() {
            TreeSet<Long> points = new TreeSet<>(List.of(0L));
            boolean split = true;
            while (split) {
                split = false;
                for (long p : new ArrayList<>(points)) {
                    Long next = points.higher(p);
                    TreeSet<Long> cuts = new TreeSet<>();
                    levelsAtCents(p, cuts);
                    for (long c : cuts.subSet(p, false, next == null ? Long.MAX_VALUE : next, false)) {
                        split |= points.add(c);
                    }
                }
            }
            List<ExitBreakpoints.Interval> intervals = new ArrayList<>();
            for (long p : points) {
                int[] levels = levelsAtCents(p, new TreeSet<>());
                if (!intervals.isEmpty() && Arrays.equals(intervals.get(intervals.size() - 1).levels(), levels)) {
                    continue;
                }
                intervals.add(new ExitBreakpoints.Interval(p, levels, table.breakpointTable(levels)));
            }
            return ExitBreakpoints.join(table, intervals);
        }
    }
}
