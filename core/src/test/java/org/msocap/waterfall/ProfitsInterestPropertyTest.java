package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.ShareClass;
import org.msocap.money.Money;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.msocap.waterfall.ResolvedCapTable.Piece;

/**
 * Invariants of profits interests in the exact waterfall and the breakpoint path, over generated LLC cap tables
 * (preferred units with and without a preferred return, common units, incentive units with thresholds and hurdles, with
 * and without catch-up); QuickTheories with a fixed seed.
 */
class ProfitsInterestPropertyTest {

    private static final long SEED = 1313L;
    private static final WaterfallEngine ENGINE = WaterfallEngine.DEFAULT;
    private static final String[] THRESHOLDS = {"0", "0.5", "1", "2.5", "5", "12.75"};
    private static final long[] HURDLES = {100_000, 1_000_000, 5_000_000, 20_000_000};

    /** An LLC table: the incentive holdings are held by pi-0, pi-1, … one each. */
    static Mso generate(long seed) {
        return generate(seed, true);
    }

    static Mso generate(long seed, boolean hurdles) {
        Random r = new Random(seed);
        Mso.Builder b = Mso.builder().form(Mso.Form.LLC).shareClass(ShareClass.common("common-units"));
        int founders = 1 + r.nextInt(3);
        for (int i = 0; i < founders; i++) {
            b.holding("founder-" + i, "common-units", 100_000 + r.nextInt(1_000_000));
        }
        if (r.nextBoolean()) {
            ShareClass.Participation p = r.nextBoolean() ? ShareClass.Participation.NONE : ShareClass.Participation.FULL;
            ShareClass a = CapTables.preferred("class-a", r.nextBoolean() ? "1" : "10", 1, "1", p, null);
            if (r.nextBoolean()) {
                a = a.withDividend(new ShareClass.Dividend(new BigDecimal("0.08"), true,
                        r.nextBoolean() ? ShareClass.Dividend.Compounding.SIMPLE : ShareClass.Dividend.Compounding.ANNUAL));
            }
            b.shareClass(a).holding(new Holding("fund", "class-a", 50_000 + r.nextInt(500_000), LocalDate.of(2026, 1, 1), null));
        }
        b.shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE));
        b.shareClass(ShareClass.profitsInterest("promote", ShareClass.CatchUp.FULL));
        int grants = 1 + r.nextInt(5);
        for (int i = 0; i < grants; i++) {
            String cls = r.nextBoolean() ? "incentive" : "promote";
            long units = 5_000 + r.nextInt(100_000);
            b.holding(hurdles && r.nextInt(3) == 0
                    ? Holding.profitsInterestOverHurdle("pi-" + i, cls, units, Money.of(HURDLES[r.nextInt(HURDLES.length)]))
                    : Holding.profitsInterest("pi-" + i, cls, units, new BigDecimal(THRESHOLDS[r.nextInt(THRESHOLDS.length)])));
        }
        return b.build();
    }

    /** Proceeds in cents, log-uniform from $1 to about $300M. */
    private static long cents(Random r) {
        return (long) Math.floor(Math.pow(10, 2 + 8.5 * r.nextDouble()));
    }

    private static Outcome settle(ResolvedCapTable table, long cents) {
        return ENGINE.settle(table, Affine.constant(ResolvedCapTable.money(Money.ofCents(cents))));
    }

    /** Each holder's exact payout: its claimants' payouts split by units (profits interests have no preference). */
    private static Map<String, BigFraction> holderPayouts(ResolvedCapTable table, Outcome o) {
        Map<String, BigFraction> out = new HashMap<>();
        List<Claimant> claimants = table.claimants();
        for (int i = 0; i < claimants.size(); i++) {
            Claimant c = claimants.get(i);
            if (c.preference().compareTo(BigFraction.ZERO) != 0) {
                out.merge(c.id(), o.payout(i).value(), BigFraction::add);
                continue;
            }
            for (Piece p : c.pieces()) {
                out.merge(p.holder(), o.payout(i).value().multiply(p.shareWeight()).divide(c.shares()), BigFraction::add);
            }
        }
        return out;
    }

    @Test
    void payoutsAddUpToTheCentNoneIsNegativeAndNoneFallsAsTheProceedsRise() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            ResolvedCapTable table = CapTables.resolve(generate(seed));
            Random r = new Random(seed);
            long a = cents(r);
            long b = cents(r);
            long lo = Math.min(a, b);
            long hi = Math.max(a, b);
            WaterfallResult result = ENGINE.distribute(table, Money.ofCents(hi));
            assertThat(result.classes().stream().mapToLong(c -> c.payout().cents()).sum()).isEqualTo(hi);
            assertThat(result.holders().stream().mapToLong(h -> h.payout().cents()).sum()).isEqualTo(hi);
            Outcome low = settle(table, lo);
            Outcome high = settle(table, hi);
            for (int i = 0; i < table.claimants().size(); i++) {
                assertThat(result.classes().get(i).payout().isNegative()).isFalse();
                assertThat(high.payout(i).value()).as("seed %d, %s from %d to %d cents", seed, table.claimants().get(i).id(), lo, hi)
                        .isGreaterThanOrEqualTo(low.payout(i).value());
            }
        });
    }

    /** While the value per common unit V is below T a profits interest receives nothing; without catch-up, also at T. */
    @Test
    void aProfitsInterestReceivesNothingWhileTheValuePerUnitIsAtMostItsThreshold() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            ResolvedCapTable table = CapTables.resolve(generate(seed));
            Outcome o = settle(table, cents(new Random(seed)));
            BigFraction v = o.price().value();
            for (int i = 0; i < table.claimants().size(); i++) {
                Claimant c = table.claimants().get(i);
                if (c.kind() != ResolvedCapTable.Kind.PROFITS_INTEREST) {
                    continue;
                }
                int cmp = v.compareTo(c.strike());
                if (cmp < 0 || (cmp == 0 && !c.catchUp())) {
                    assertThat(o.payout(i).value()).as("seed %d, %s at V = %s", seed, c.id(), v).isEqualTo(BigFraction.ZERO);
                }
            }
        });
    }

    /**
     * Without hurdles: a hurdle's threshold is priced on the table with the other holdings in it, so raising one
     * holding's threshold can raise a hurdle holding's threshold and, through it, the value per unit everyone else
     * receives — an indirect effect the convention intends (PRODUCT.md §7.2), not a payout of the raised threshold.
     */
    @Test
    void raisingAThresholdNeverRaisesThatHoldersPayout() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Mso mso = generate(seed, false);
            Random r = new Random(seed);
            int k = r.nextInt(mso.holdings().size());
            Holding h = mso.holdings().get(k);
            if (h.threshold() == null) {
                return;
            }
            Holding raised = new Holding(h.holder(), h.shareClass(), h.shares(), h.acquired(), h.cost(),
                    h.threshold().add(new BigDecimal(1 + r.nextInt(20)).movePointLeft(1)), null, null, null);
            List<Holding> holdings = new java.util.ArrayList<>(mso.holdings());
            holdings.set(k, raised);
            Mso higher = new Mso(mso.name(), mso.state(), mso.form(), mso.classes(), holdings, 0, List.of(), List.of(), List.of(),
                    List.of(), List.of(), Map.of(), List.of());
            long cents = cents(r);
            ResolvedCapTable before = CapTables.resolve(mso);
            ResolvedCapTable after = CapTables.resolve(higher);
            assertThat(holderPayouts(after, settle(after, cents)).get(h.holder()))
                    .as("seed %d, %s at %d cents", seed, h.holder(), cents)
                    .isLessThanOrEqualTo(holderPayouts(before, settle(before, cents)).get(h.holder()));
        });
    }

    @Test
    void aThresholdOfZeroWithoutCatchUpIsPaidExactlyLikeACommonUnit() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Mso mso = generate(seed);
            Mso asIncentive = mso.toBuilder().holding(Holding.profitsInterest("newcomer", "incentive", 77_777, BigDecimal.ZERO))
                    .build();
            Mso asCommon = mso.toBuilder().holding("newcomer", "common-units", 77_777).build();
            long cents = cents(new Random(seed));
            ResolvedCapTable a = CapTables.resolve(asIncentive);
            ResolvedCapTable b = CapTables.resolve(asCommon);
            assertThat(holderPayouts(a, settle(a, cents))).as("seed %d at %d cents", seed, cents)
                    .isEqualTo(holderPayouts(b, settle(b, cents)));
        });
    }

    /** Once the value per unit is above its threshold, a catch-up holding holds exactly units × V, its full share. */
    @Test
    void catchUpHoldersEndAtExactlyTheirFullShare() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            ResolvedCapTable table = CapTables.resolve(generate(seed));
            Outcome o = settle(table, cents(new Random(seed)));
            BigFraction v = o.price().value();
            for (int i = 0; i < table.claimants().size(); i++) {
                Claimant c = table.claimants().get(i);
                if (c.catchUp() && v.compareTo(c.strike()) > 0) {
                    assertThat(o.payout(i).value()).as("seed %d, %s", seed, c.id()).isEqualTo(c.shares().multiply(v));
                }
            }
        });
    }

    /** The breakpoint path gives the exact engine's cents at random values and at every breakpoint ± 1 cent. */
    @Test
    void theBreakpointPathEqualsTheExactEngineToTheCent() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            ResolvedCapTable resolved = CapTables.resolve(generate(seed));
            BreakpointTable table = BreakpointTable.resolve(resolved);
            Random r = new Random(seed);
            List<Long> values = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                values.add(cents(r));
            }
            assertBreakpointPathIsExact(seed, resolved, table, values);
        });
    }

    /**
     * The same on the shape of the LLC benchmark table (benchmarks/README.md): 50 threshold series, every other one with
     * a full catch-up, among preferred classes that convert, a capped class, options and a hurdle series, so the
     * thresholds interleave with conversions, caps and strikes over about a hundred breakpoints.
     */
    @Test
    void theBreakpointPathEqualsTheExactEngineOnTheBenchmarkShape() {
        qt().withFixedSeed(SEED).withExamples(3).forAll(longs().all()).checkAssert(seed -> {
            ResolvedCapTable resolved = CapTables.resolve(benchmarkShape(seed));
            BreakpointTable table = BreakpointTable.resolve(resolved);
            assertThat(table.breakpoints()).as("seed %d", seed).hasSizeGreaterThan(50);
            List<BigFraction> points = table.breakpoints();
            double top = points.get(points.size() - 1).doubleValue() * 120; // cents, 20% past the last breakpoint
            Random r = new Random(seed);
            List<Long> values = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                values.add((long) (r.nextDouble() * top));
            }
            assertBreakpointPathIsExact(seed, resolved, table, values);
        });
    }

    /**
     * The table's evaluator and its own {@code classPayoutCents} pay the exact engine's cents at {@code values} and at
     * every breakpoint − 1, at and + 1 cent.
     */
    private static void assertBreakpointPathIsExact(long seed, ResolvedCapTable resolved, BreakpointTable table,
                                                    List<Long> values) {
        BreakpointTable.Evaluator evaluator = table.evaluator();
        long[] out = new long[table.ids().size()];
        List<Long> all = new java.util.ArrayList<>(values);
        for (BigFraction x : table.breakpoints()) {
            long at = x.multiply(100).getNumerator().divide(x.multiply(100).getDenominator()).longValueExact();
            all.add(Math.max(0, at - 1));
            all.add(at);
            all.add(at + 1);
        }
        for (long cents : all) {
            long[] expected = ENGINE.distribute(resolved, Money.ofCents(cents)).classes().stream()
                    .mapToLong(c -> c.payout().cents()).toArray();
            evaluator.classPayoutCents(cents, out);
            assertThat(out).as("seed %d, %d cents", seed, cents).containsExactly(expected);
            assertThat(table.classPayoutCents(cents)).as("seed %d, %d cents", seed, cents).containsExactly(expected);
        }
    }

    static Mso benchmarkShape(long seed) {
        Random r = new Random(seed);
        Mso.Builder b = Mso.builder().form(Mso.Form.LLC).shareClass(ShareClass.common("common-units"));
        for (int i = 0; i < 3; i++) {
            b.holding("founder-" + i, "common-units", 1_000_000 + r.nextInt(4_000_000));
        }
        ShareClass a = CapTables.preferred("class-a", "1.00", 2, "1", ShareClass.Participation.NONE, null)
                .withDividend(new ShareClass.Dividend(new BigDecimal("0.08"), true, ShareClass.Dividend.Compounding.ANNUAL));
        b.shareClass(a).shareClass(CapTables.preferred("class-b", "2.20", 1, "1", ShareClass.Participation.CAPPED, "2"))
                .shareClass(CapTables.preferred("class-c", "3.30", 1, "1.5", ShareClass.Participation.NONE, null))
                .shareClass(CapTables.preferred("class-d", "4.40", 1, "1", ShareClass.Participation.NONE, null));
        for (String cls : List.of("class-a", "class-b", "class-c", "class-d")) {
            b.holding(new Holding("fund-" + cls, cls, 500_000 + r.nextInt(2_000_000), LocalDate.of(2026, 1, 1), null));
        }
        b.optionPool(1_000_000);
        for (int g = 0; g < 5; g++) {
            b.option(OptionGrant.of("optionee-" + g, 20_000 + r.nextInt(180_000), BigDecimal.valueOf(50 + 100L * g, 2), null));
        }
        b.shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE));
        b.shareClass(ShareClass.profitsInterest("promote", ShareClass.CatchUp.FULL));
        for (int g = 0; g < 100; g++) {
            int series = g % 50;
            b.holding(Holding.profitsInterest("pi-" + g, series % 2 == 0 ? "incentive" : "promote", 5_000 + r.nextInt(95_000),
                    BigDecimal.valueOf(10 + 10L * series, 2)));
        }
        b.holding(Holding.profitsInterestOverHurdle("pi-hurdle", "promote", 50_000, Money.of(HURDLES[r.nextInt(HURDLES.length)])));
        return b.build();
    }
}
