package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.ShareClass.Participation;
import org.msocap.model.Vesting;
import org.msocap.money.Money;

/**
 * The equilibrium search with {@link OutcomeEstimates} makes exactly the exact search's decisions: the breakpoint
 * tables resolved with and without estimates have the same segments as exact fractions, and a settlement with
 * estimates has the same decisions and payouts as one without, at every breakpoint from both sides and between.
 */
class OutcomeEstimatesTest {

    private static final long SEED = 20261203L;

    @Test
    void theBenchmarkTablesResolveToTheSameSegmentsEveryMonth() {
        // The large benchmark table (LargeCapTable in the benchmarks module) on the 48 month ends a simulation of it
        // resolves: dividends, note interest and vesting differ every month. The LLC version on every fourth month.
        for (boolean llc : new boolean[] {false, true}) {
            Mso mso = largeBenchmarkTable(llc);
            for (int m = 0; m < 48; m += llc ? 4 : 1) {
                LocalDate month = LocalDate.of(2029, 1, 1).plusMonths(m);
                ResolvedCapTable table = ResolvedCapTable.of(CapTables.venture(mso), month.withDayOfMonth(month.lengthOfMonth()), true);
                assertSameTables(table, (llc ? "llc " : "mso ") + month);
            }
        }
    }

    @Test
    void generatedTablesResolveToTheSameSegments() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            assertSameTables(CapTables.resolve(RandomCapTables.generate(seed)), "generated, seed " + seed);
            RandomCapTables.Sale sale = RandomCapTables.withConvertibles(seed);
            assertSameTables(sale.resolve(), "with convertibles, seed " + seed);
        });
        qt().withFixedSeed(SEED).withExamples(4).forAll(longs().all()).checkAssert(seed ->
                assertSameTables(CapTables.resolve(ProfitsInterestPropertyTest.benchmarkShape(seed)), "profits interests, seed " + seed));
    }

    @Test
    void settlementsWithEstimatesAreTheExactOnesAtAndBetweenBreakpoints() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            ResolvedCapTable table = RandomCapTables.withConvertibles(seed).resolve();
            OutcomeEstimates estimates = new OutcomeEstimates(table.layout);
            List<BigFraction> points = new ArrayList<>();
            BigFraction tiny = new BigFraction(1, 1_000_000_000);
            for (BigFraction b : BreakpointTable.resolve(table, false).breakpoints()) {
                points.add(b);
                points.add(b.add(tiny));
                points.add(b.subtract(tiny).abs());
            }
            Random r = new Random(seed);
            for (int i = 0; i < 20; i++) {
                points.add(new BigFraction(r.nextInt(200_000_000), 1 + r.nextInt(7)));
            }
            for (BigFraction x : points) {
                for (BigFraction direction : new BigFraction[] {BigFraction.ONE, BigFraction.MINUS_ONE, BigFraction.ZERO}) {
                    Affine proceeds = new Affine(x, direction);
                    Outcome exact = WaterfallEngine.DEFAULT.settle(table, proceeds);
                    Outcome estimated = WaterfallEngine.DEFAULT.settle(table, proceeds, estimates);
                    assertThat(estimated.converted()).as("seed %d at %s, %s", seed, x, direction).containsExactly(exact.converted());
                    for (int c = 0; c < table.layout.size; c++) {
                        assertThat(estimated.payout(c)).as("seed %d at %s, claimant %d", seed, x, c).isEqualTo(exact.payout(c));
                    }
                }
            }
        });
    }

    private static void assertSameTables(ResolvedCapTable table, String what) {
        List<BreakpointTable.Segment> exact = BreakpointTable.resolve(table, false).segments();
        List<BreakpointTable.Segment> estimated = BreakpointTable.resolve(table, true).segments();
        assertThat(estimated).as(what).hasSameSizeAs(exact);
        for (int k = 0; k < exact.size(); k++) {
            assertThat(estimated.get(k)).as("%s, segment %d", what, k).isEqualTo(exact.get(k));
        }
    }

    /** The cap table of the benchmarks module's {@code LargeCapTable} (and its LLC version), built the same way. */
    private static Mso largeBenchmarkTable(boolean llc) {
        Random r = new Random(20260101L);
        Mso.Builder m = Mso.builder().name("Large MSO, LLC");
        m.shareClass(ShareClass.common("common"));
        for (int i = 0; i < 100; i++) {
            m.holding(new Holding(id(i), "common", 200_000L + r.nextInt(800_000), date(r), null));
        }
        for (int i = 458; i < 500; i++) {
            m.holding(new Holding(id(i), "common", 10_000L + r.nextInt(90_000), date(r), null));
        }
        for (int c = 0; c < 12; c++) {
            String cls = "series-" + (char) ('a' + c);
            BigDecimal price = BigDecimal.valueOf(50 + 40L * c, 2);
            Participation participation = c % 4 == 1 ? Participation.CAPPED : c % 6 == 5 ? Participation.FULL : Participation.NONE;
            BigDecimal preference = c % 3 == 2 ? new BigDecimal("1.5") : BigDecimal.ONE;
            m.shareClass(new ShareClass(cls, ShareClass.Type.PREFERRED, price, preference, participation,
                    participation == Participation.CAPPED ? new BigDecimal("3") : null, 1 + c / 3,
                    c % 5 == 4 ? new BigDecimal("1.25") : BigDecimal.ONE,
                    c % 4 == 3 ? new ShareClass.Dividend(new BigDecimal("0.08"), true,
                            c == 3 ? ShareClass.Dividend.Compounding.SIMPLE : ShareClass.Dividend.Compounding.ANNUAL) : null));
            for (int i = 100 + c * 200 / 12; i < 100 + (c + 1) * 200 / 12; i++) {
                m.holding(new Holding(id(i), cls, 100_000L + r.nextInt(1_900_000), date(r), null));
            }
        }
        long pool = 0;
        int grantee = 300;
        for (int g = 0; g < 200; g++) {
            while (grantee % 7 == 0) {
                grantee = grantee == 449 ? 300 : grantee + 1;
            }
            long shares = 5_000L + r.nextInt(95_000);
            pool += shares;
            LocalDate granted = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(1500));
            m.option(new OptionGrant(id(grantee), shares, BigDecimal.valueOf(10 + 25L * (g % 20), 2), granted,
                    new Vesting(granted, 48, 12), OptionGrant.Acceleration.values()[g % 3]));
            grantee = grantee == 449 ? 300 : grantee + 1;
        }
        m.optionPool(pool + 1_000_000);
        for (int s = 0; s < 5; s++) {
            m.safe(new Safe(id(450 + s), Money.of(250_000L * (s + 1)), Money.of(40_000_000L + 10_000_000L * s),
                    s % 2 == 0 ? new BigDecimal("0.20") : null, s < 3 ? Safe.Kind.POST_MONEY : Safe.Kind.PRE_MONEY,
                    date(r), s == 4 ? 2 : null));
        }
        for (int n = 0; n < 3; n++) {
            m.note(new ConvertibleNote(id(455 + n), Money.of(500_000L * (n + 1)), new BigDecimal("0.06"), date(r),
                    n == 2 ? null : Money.of(30_000_000L + 15_000_000L * n), null, new BigDecimal(n == 1 ? "1.5" : "1"), null));
        }
        if (llc) {
            m.form(Mso.Form.LLC).shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                    .shareClass(ShareClass.profitsInterest("promote", ShareClass.CatchUp.FULL));
            Random p = new Random(20261202L);
            grantee = 300;
            for (int g = 0; g < 200; g++) {
                while (grantee % 7 == 0) {
                    grantee = grantee == 449 ? 300 : grantee + 1;
                }
                int series = g % 50;
                m.holding(Holding.profitsInterest(id(grantee), series % 2 == 0 ? "incentive" : "promote", 5_000L + p.nextInt(95_000),
                        BigDecimal.valueOf(10 + 10L * series, 2)));
                grantee = grantee == 449 ? 300 : grantee + 1;
            }
        }
        return m.build();
    }

    private static String id(int i) {
        return String.format("h-%03d", i);
    }

    private static LocalDate date(Random r) {
        return LocalDate.of(2025, 1, 1).plusDays(r.nextInt(1200));
    }
}
