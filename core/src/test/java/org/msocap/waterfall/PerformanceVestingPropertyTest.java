package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.money.Money;

/**
 * Invariants of performance vesting (PRODUCT.md §7.4) over generated LLC cap tables with one to three performance-vested
 * tranches testing the common or the preferred units' MOIC: money is conserved to the cent; within the proceeds where
 * one combination of levels holds every payout rises with the proceeds; at a jump only the tranches that vest more
 * gain; the joined breakpoint table pays the engine's cents at random values and at every breakpoint and jump ± 1 cent.
 * QuickTheories with a fixed seed.
 */
class PerformanceVestingPropertyTest {

    private static final long SEED = 1717L;
    private static final LocalDate EXIT = CapTables.EXIT;
    private static final double[] MOICS = {0.5, 1, 1.5, 2, 2.5, 3, 4, 6};
    private static final double[] VESTS = {0.2, 0.25, 0.5, 0.6, 0.75, 1};
    private static final String[] THRESHOLDS = {"0", "0.5", "2", "12.75"};

    static Venture generate(long seed) {
        Random r = new Random(seed);
        Mso.Builder b = Mso.builder().form(Mso.Form.LLC).shareClass(ShareClass.common("common-units"));
        int founders = 1 + r.nextInt(3);
        for (int i = 0; i < founders; i++) {
            long units = 100_000 + r.nextInt(1_000_000);
            b.holding(new Holding("founder-" + i, "common-units", units, LocalDate.of(2026, 1, 1),
                    Money.of(units * (1 + r.nextInt(10)))));
        }
        List<String> tested = new ArrayList<>(List.of("common-units"));
        if (r.nextBoolean()) {
            ShareClass.Participation p = r.nextBoolean() ? ShareClass.Participation.NONE : ShareClass.Participation.FULL;
            ShareClass a = CapTables.preferred("class-a", r.nextBoolean() ? "1" : "10", 1, "1", p, null);
            if (r.nextBoolean()) {
                a = a.withDividend(new ShareClass.Dividend(new BigDecimal("0.08"), true, ShareClass.Dividend.Compounding.ANNUAL));
            }
            b.shareClass(a).holding(new Holding("fund", "class-a", 50_000 + r.nextInt(500_000), LocalDate.of(2026, 1, 1), null));
            tested.add("class-a");
        }
        b.shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE));
        b.shareClass(ShareClass.profitsInterest("promote", ShareClass.CatchUp.FULL));
        int grants = 1 + r.nextInt(4);
        int performance = 0;
        for (int i = 0; i < grants; i++) {
            String cls = r.nextBoolean() ? "incentive" : "promote";
            long units = 5_000 + r.nextInt(200_000);
            Holding h = r.nextInt(4) == 0
                    ? Holding.profitsInterestOverHurdle("pi-" + i, cls, units, Money.of(1_000_000L * (1 + r.nextInt(20))))
                    : Holding.profitsInterest("pi-" + i, cls, units, new BigDecimal(THRESHOLDS[r.nextInt(THRESHOLDS.length)]));
            // The first grant is always performance-vested, the others sometimes (at most three tranches).
            if (i == 0 || performance < 3 && r.nextBoolean()) {
                h = h.withPerformanceVesting(ratchet(r, tested.get(r.nextInt(tested.size()))));
                performance++;
                if (r.nextInt(3) == 0) {
                    h = h.withVesting(new Vesting(LocalDate.of(2027, 1, 1), 48, 12), OptionGrant.Acceleration.NONE);
                }
            }
            b.holding(h);
        }
        return CapTables.venture(b.build());
    }

    private static PerformanceVesting ratchet(Random r, String cls) {
        int levels = 1 + r.nextInt(3);
        int a = r.nextInt(MOICS.length - levels + 1);
        int v = r.nextInt(VESTS.length - levels + 1);
        List<PerformanceVesting.Level> out = new ArrayList<>();
        for (int k = 0; k < levels; k++) {
            a += k == 0 ? 0 : 1 + r.nextInt(Math.max(1, MOICS.length - a - (levels - k)));
            a = Math.min(a, MOICS.length - (levels - k));
            v += k == 0 ? 0 : 1;
            out.add(new PerformanceVesting.Level(BigDecimal.valueOf(MOICS[a]), BigDecimal.valueOf(VESTS[Math.min(v, VESTS.length - 1)])));
        }
        // Vests strictly increasing: the top level vests all when the steps ran out.
        for (int k = 1; k < out.size(); k++) {
            if (out.get(k).vests().compareTo(out.get(k - 1).vests()) <= 0) {
                return new PerformanceVesting(cls, out.subList(0, k));
            }
        }
        return new PerformanceVesting(cls, out);
    }

    /** Proceeds in cents, log-uniform from $1 to about $1B. */
    private static long cents(Random r) {
        return (long) Math.floor(Math.pow(10, 2 + 9 * r.nextDouble()));
    }

    private static WaterfallResult engine(PerformanceVestedCapTable table, long cents) {
        return WaterfallEngine.DEFAULT.distribute(table.at(Money.ofCents(cents)), Money.ofCents(cents));
    }

    private static long[] engineClassCents(PerformanceVestedCapTable table, List<String> ids, long cents) {
        long[] out = new long[ids.size()];
        for (ClassPayout c : engine(table, cents).classes()) {
            out[ids.indexOf(c.id())] = c.payout().cents();
        }
        return out;
    }

    /** Every value worth checking: random ones, and each segment start and jump ± 1 cent. */
    private static List<Long> values(ExitBreakpoints b, Random r) {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            out.add(cents(r));
        }
        for (BreakpointTable.Segment s : b.table().segments()) {
            long c = ceilCents(s.from());
            for (long d = -1; d <= 1; d++) {
                if (c + d >= 0) {
                    out.add(c + d);
                }
            }
        }
        return out;
    }

    private static long ceilCents(BigFraction dollars) {
        BigFraction cents = dollars.multiply(100);
        java.math.BigInteger[] qr = cents.getNumerator().divideAndRemainder(cents.getDenominator());
        return (qr[1].signum() > 0 ? qr[0].add(java.math.BigInteger.ONE) : qr[0]).longValueExact();
    }

    @Test
    void breakpointPathEqualsTheEngineAndConservesEveryCent() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Venture v = generate(seed);
            PerformanceVestedCapTable table = PerformanceVestedCapTable.of(v, EXIT, false);
            ExitBreakpoints b = table.breakpoints();
            Random r = new Random(seed);
            for (long c : values(b, r)) {
                long[] engine = engineClassCents(table, b.ids(), c);
                assertThat(b.table().classPayoutCents(c)).as("seed %d at %d cents", seed, c).containsExactly(engine);
                assertThat(java.util.Arrays.stream(engine).sum()).as("seed %d at %d cents", seed, c).isEqualTo(c);
                WaterfallResult result = engine(table, c);
                assertThat(result.holders().stream().mapToLong(h -> h.payout().cents()).sum()).isEqualTo(c);
                assertThat(table.levelsAt(Money.ofCents(c))).as("seed %d at %d cents", seed, c)
                        .containsExactly(b.intervalOf(c).levels());
            }
        });
    }

    @Test
    void payoutsRiseWithTheProceedsExceptAtJumpsWhereOnlyTheVestingTranchesGain() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Venture v = generate(seed);
            PerformanceVestedCapTable table = PerformanceVestedCapTable.of(v, EXIT, false);
            ExitBreakpoints b = table.breakpoints();
            Random r = new Random(seed ^ 0x5DEECE66DL);
            // Within an interval: every claimant's exact payout is non-decreasing.
            for (int k = 0; k < 20; k++) {
                long x = cents(r);
                long y = x + 1 + (long) (r.nextDouble() * x);
                ExitBreakpoints.Interval at = b.intervalOf(x);
                if (at != b.intervalOf(y)) {
                    continue;
                }
                ResolvedCapTable t = table.table(at.levels());
                Outcome ox = WaterfallEngine.DEFAULT.settle(t, Affine.constant(new BigFraction(x, 100L)));
                Outcome oy = WaterfallEngine.DEFAULT.settle(t, Affine.constant(new BigFraction(y, 100L)));
                for (int i = 0; i < t.layout.size; i++) {
                    assertThat(oy.payout(i).value()).as("seed %d, %s from %d to %d", seed, t.claimants().get(i).id(), x, y)
                            .isGreaterThanOrEqualTo(ox.payout(i).value());
                }
            }
            // At a jump: against the levels just below it, at the same proceeds, only the tranches that vest more gain, and
            // series over a hurdle: a hurdle becomes the value per unit at which the table distributes it, and with more
            // units vested that value is lower (README, LLC conventions).
            Set<String> overHurdle = v.mso().holdings().stream().filter(h -> h.hurdle() != null).map(Holding::holder)
                    .collect(Collectors.toSet());
            for (ExitBreakpoints.Jump jump : b.jumps()) {
                int[] before = jump.levelsBefore();
                int[] after = jump.levelsAfter();
                Set<String> rising = new HashSet<>();
                Set<String> risingHolders = new HashSet<>();
                for (int t = 0; t < before.length; t++) {
                    PerformanceVestedCapTable.Tranche tranche = table.tranches().get(t);
                    if (tranche.vestedUnits(after[t]) > tranche.vestedUnits(before[t])) {
                        rising.add(tranche.claimant());
                        risingHolders.add(tranche.terms().holder());
                    }
                }
                assertThat(rising).as("seed %d: a jump at %d vests something more", seed, jump.atCents()).isNotEmpty();
                BigFraction x = jump.at();
                Map<String, BigFraction> old = exact(table.table(before), x);
                Map<String, BigFraction> now = exact(table.table(after), x);
                ResolvedCapTable afterTable = table.table(after);
                for (Map.Entry<String, BigFraction> e : now.entrySet()) {
                    boolean hurdle = afterTable.claimants().stream().filter(c -> c.id().equals(e.getKey()))
                            .anyMatch(c -> c.pieces().stream().anyMatch(p -> overHurdle.contains(p.holder())));
                    if (!rising.contains(e.getKey()) && !hurdle) {
                        assertThat(e.getValue()).as("seed %d: %s at the jump at %s", seed, e.getKey(), x)
                                .isLessThanOrEqualTo(old.getOrDefault(e.getKey(), BigFraction.ZERO));
                    }
                }
                // In cents, from one cent below to the jump: no holder outside the vesting tranches gains more than that cent.
                Map<String, Long> below = holders(engine(table, jump.atCents() - 1));
                Map<String, Long> at = holders(engine(table, jump.atCents()));
                for (Map.Entry<String, Long> e : at.entrySet()) {
                    if (!risingHolders.contains(e.getKey()) && !overHurdle.contains(e.getKey())) {
                        assertThat(e.getValue()).as("seed %d: holder %s at the jump", seed, e.getKey())
                                .isLessThanOrEqualTo(below.getOrDefault(e.getKey(), 0L) + 1);
                    }
                }
            }
        });
    }

    private static Map<String, BigFraction> exact(ResolvedCapTable t, BigFraction x) {
        Outcome o = WaterfallEngine.DEFAULT.settle(t, Affine.constant(x));
        Map<String, BigFraction> out = new java.util.HashMap<>();
        for (int i = 0; i < t.layout.size; i++) {
            out.put(t.claimants().get(i).id(), o.payout(i).value());
        }
        return out;
    }

    private static Map<String, Long> holders(WaterfallResult r) {
        return r.holders().stream().collect(Collectors.toMap(HolderPayout::id, h -> h.payout().cents()));
    }

    /** Not vacuous: the generated tables have jumps, often more than one. */
    @Test
    void theGeneratedTablesJump() {
        int jumps = 0;
        for (long seed = 0; seed < 30; seed++) {
            jumps += PerformanceVestedCapTable.of(generate(seed), EXIT, false).breakpoints().jumps().size();
        }
        assertThat(jumps).isGreaterThan(20);
    }
}
