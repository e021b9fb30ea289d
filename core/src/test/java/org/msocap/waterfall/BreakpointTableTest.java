package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msocap.waterfall.CapTables.preferred;
import static org.msocap.waterfall.CapTables.resolve;

import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.ShareClass;
import org.msocap.model.ShareClass.Participation;
import org.msocap.money.Money;

class BreakpointTableTest {

    private static final Mso TWO_X_CAPPED = Mso.builder().shareClass(ShareClass.common("common"))
            .shareClass(preferred("series-a", "1", 1, "2", Participation.CAPPED, "3"))
            .holding("management", "common", 10_000_000).holding("fund", "series-a", 5_000_000).build();

    @Test
    void cappedParticipatingHasBreakpointsAtPreferenceCapAndConversion() {
        BreakpointTable table = BreakpointTable.resolve(resolve(TWO_X_CAPPED));
        // 2x preference covered at $10M; the $15M cap reached at 10M + 3 × 5M = $25M; converting beats the cap at 3 × 15M.
        assertThat(table.breakpoints()).containsExactly(new BigFraction(10_000_000), new BigFraction(25_000_000),
                new BigFraction(45_000_000));
        assertThat(table.ids()).containsExactly("common", "series-a");
        assertThat(table.marginalShares(0)).containsOnlyKeys("series-a");
        assertThat(table.marginalShares(1)).containsEntry("series-a", new BigFraction(1, 3)).containsEntry("common", new BigFraction(2, 3));
        assertThat(table.marginalShares(2)).containsOnlyKeys("common");
    }

    @Test
    void evaluatesLikeTheExactEngineToTheCent() {
        ResolvedCapTable resolved = resolve(TWO_X_CAPPED);
        BreakpointTable table = BreakpointTable.resolve(resolved);
        for (String exit : List.of("0", "0.01", "5M", "10M", "20M", "20000000.01", "30M", "45M", "50M", "100M", "1B")) {
            Money proceeds = Money.parse(exit);
            WaterfallResult exact = WaterfallEngine.DEFAULT.distribute(resolved, proceeds);
            long[] fast = table.classPayoutCents(proceeds.cents());
            assertThat(fast).as(exit).containsExactly(exact.classes().stream().mapToLong(c -> c.payout().cents()).toArray());
        }
        double[] analytic = new double[2];
        table.classPayouts(20_000_000, analytic);
        assertThat(analytic[1]).isCloseTo(13_333_333.333, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void evaluatorReturnsTheLastSegmentStartingAtOrBelowTheProceeds() {
        // Random cap tables (many segments, some starting on the same cent): either side of every segment's first cent,
        // and past the last, against the segments' starts themselves.
        for (long seed = 1; seed <= 40; seed++) {
            BreakpointTable table = BreakpointTable.resolve(resolve(RandomCapTables.generate(seed)));
            BreakpointTable.Evaluator evaluator = table.evaluator();
            List<BreakpointTable.Segment> segments = table.segments();
            long[] out = new long[table.ids().size()];
            for (BreakpointTable.Segment segment : segments) {
                long start = ceilCents(segment.from());
                for (long cents : new long[] {start - 1, start, start + 1, start * 2 + 7}) {
                    if (cents < 0) {
                        continue;
                    }
                    int expected = 0;
                    for (int k = 0; k < segments.size(); k++) {
                        expected = ceilCents(segments.get(k).from()) <= cents ? k : expected;
                    }
                    assertThat(evaluator.classPayoutCents(cents, out)).as("seed %d, %d cents", seed, cents).isEqualTo(expected);
                }
            }
        }
    }

    private static long ceilCents(BigFraction dollars) {
        BigFraction cents = dollars.multiply(100);
        java.math.BigInteger[] qr = cents.getNumerator().divideAndRemainder(cents.getDenominator());
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    @Test
    void optionStrikesAreBreakpoints() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", 9_000_000)
                .optionPool(1_000_000).option(OptionGrant.of("carol", 1_000_000, new BigDecimal("1"), null)).build();
        BreakpointTable table = BreakpointTable.resolve(resolve(mso));
        // The options come into the money when 9M common shares are worth $1 each.
        assertThat(table.breakpoints()).containsExactly(new BigFraction(9_000_000));
    }

    /**
     * The agreement property would say little if evaluations left floating point for exact arithmetic: in practice
     * none should (a wide line is unsettled only within ~1e-15 of a whole cent).
     */
    @Test
    void evaluationsStayInFloatingPoint() {
        for (long seed = 1; seed <= 5; seed++) {
            ResolvedCapTable resolved = resolve(RandomCapTables.generate(seed));
            BreakpointTable table = BreakpointTable.resolve(resolved);
            BreakpointTable.Evaluator evaluator = table.evaluator();
            java.util.Random r = new java.util.Random(seed);
            long[] out = new long[table.ids().size()];
            for (int i = 0; i < 2000; i++) {
                long cents = (long) (r.nextDouble() * 20_000_000_000L);
                evaluator.classPayoutCents(cents, out);
                if (i % 20 == 0) {
                    long[] expected = WaterfallEngine.DEFAULT.distribute(resolved, Money.ofCents(cents)).classes().stream()
                            .mapToLong(c -> c.payout().cents()).toArray();
                    assertThat(out).containsExactly(expected);
                }
            }
            assertThat(evaluator.evaluations()).isEqualTo(2000);
            assertThat(evaluator.exactFallbacks() + evaluator.exactLines() + evaluator.exactOrderings()).as("seed " + seed)
                    .isZero();
        }
    }

    /**
     * The exact paths (a line within rounding noise of a whole cent, settled on its own; two remainders too close to
     * order at the cut, ordered exactly) are rare by design, so they are reached here by an evaluator that treats
     * values as unsettled 2^40 times as readily. Every evaluation that took one of them equals the exact engine.
     */
    @Test
    void valuesSettledExactlyPerLineOrPerOrderingEqualTheExactEngine() {
        long lines = 0;
        long orderings = 0;
        for (long seed = 1; seed <= 40; seed++) {
            ResolvedCapTable resolved = resolve(RandomCapTables.generate(seed));
            BreakpointTable table = BreakpointTable.resolve(resolved);
            BreakpointTable.Evaluator evaluator = table.evaluatorWithNoiseScale(0x1p40);
            java.util.Random r = new java.util.Random(seed);
            long[] out = new long[table.ids().size()];
            for (int i = 0; i < 5_000; i++) {
                long cents = (long) (r.nextDouble() * 20_000_000_000L);
                long before = evaluator.exactLines() + evaluator.exactOrderings();
                evaluator.classPayoutCents(cents, out);
                if (evaluator.exactLines() + evaluator.exactOrderings() > before) {
                    long[] expected = WaterfallEngine.DEFAULT.distribute(resolved, Money.ofCents(cents)).classes().stream()
                            .mapToLong(c -> c.payout().cents()).toArray();
                    assertThat(out).as("seed %d, %d cents", seed, cents).containsExactly(expected);
                }
            }
            lines += evaluator.exactLines();
            orderings += evaluator.exactOrderings();
        }
        assertThat(lines).isGreaterThan(100);
        assertThat(orderings).isGreaterThan(100);
    }

    /**
     * Identical lines (two classes on identical terms with identical holdings) have equal remainders at every value,
     * so they meet at the cut often; the key order ranks them by index, as exact arithmetic does, with no exact work.
     */
    @Test
    void identicalLinesAtTheCutAreRankedByIndexWithoutExactWork() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1.37", 1, "1", Participation.FULL, null))
                .shareClass(preferred("series-b", "1.37", 1, "1", Participation.FULL, null))
                .holding("founder", "common", 7_777_777).holding("fund-a", "series-a", 1_234_567)
                .holding("fund-b", "series-b", 1_234_567).build();
        ResolvedCapTable resolved = resolve(mso);
        BreakpointTable table = BreakpointTable.resolve(resolved);
        BreakpointTable.Evaluator evaluator = table.evaluator();
        long[] out = new long[table.ids().size()];
        int a = table.ids().indexOf("series-a");
        int b = table.ids().indexOf("series-b");
        int split = 0;
        java.util.Random r = new java.util.Random(11);
        for (int i = 0; i < 3000; i++) {
            long cents = (long) (r.nextDouble() * 5_000_000_000L);
            evaluator.classPayoutCents(cents, out);
            long[] expected = WaterfallEngine.DEFAULT.distribute(resolved, Money.ofCents(cents)).classes().stream()
                    .mapToLong(c -> c.payout().cents()).toArray();
            assertThat(out).as("%d cents", cents).containsExactly(expected);
            assertThat(out[a] - out[b]).isBetween(0L, 1L);
            split += (int) (out[a] - out[b]);
        }
        assertThat(split).as("values where the cut falls between the identical lines").isGreaterThan(100);
        assertThat(evaluator.exactOrderings() + evaluator.exactFallbacks()).isZero();
    }
    /**
     * The wide lines' parts are built without reducing fractions: the high part must still be within half an ulp (and
     * 2^-53 relative, plus 2^-49 of that near a tie, what the fast tier's noise bound assumes) and the low part the
     * rest to within its roundings, for numerators and denominators that share odd factors as the lines' often do.
     */
    @Test
    void wideLinePartsAreTheNearestDoubleAndTheRest() {
        java.util.Random r = new java.util.Random(13);
        BigFraction slack = BigFraction.ONE.add(new BigFraction(java.math.BigInteger.ONE, java.math.BigInteger.ONE.shiftLeft(49)));
        for (int t = 0; t < 5_000; t++) {
            double d = Math.scalb(1 + r.nextDouble(), r.nextInt(120) - 60) * (r.nextBoolean() ? 1 : -1);
            java.math.BigInteger q = java.math.BigInteger.probablePrime(40 + r.nextInt(200), r);
            BigFraction ulp = new BigFraction(Math.ulp(d));
            // d plus half an ulp (a tie) or a few ulps, plus a little over a large odd denominator
            BigFraction offset = r.nextBoolean() ? new BigFraction(r.nextBoolean() ? 1 : -1, 2) : new BigFraction(r.nextInt(7) - 3);
            BigFraction f = new BigFraction(d).add(ulp.multiply(offset.add(new BigFraction(java.math.BigInteger.valueOf(r.nextInt(2001) - 1000), q))));
            java.math.BigInteger factor = java.math.BigInteger.valueOf(1 + 2L * r.nextInt(1000)); // unreduced, as lines come
            java.math.BigInteger numerator = f.getNumerator().multiply(factor);
            java.math.BigInteger denominator = f.getDenominator().multiply(factor);

            double hi = BreakpointTable.nearestDouble(numerator, denominator);
            BigFraction err = f.subtract(new BigFraction(hi)).abs();
            assertThat(err).as("%s", f).isLessThanOrEqualTo(new BigFraction(Math.ulp(hi)).multiply(new BigFraction(1, 2)).multiply(slack));
            assertThat(err).as("%s", f).isLessThanOrEqualTo(f.abs().multiply(new BigFraction(java.math.BigInteger.ONE,
                    java.math.BigInteger.ONE.shiftLeft(53))).multiply(slack));
            double lo = BreakpointTable.differenceToDouble(numerator, denominator, hi);
            // Three roundings of 2^-53 at most, as Fractions.toDouble's: within 4 × 2^-53 of the exact rest.
            BigFraction rest = f.subtract(new BigFraction(hi));
            assertThat(rest.subtract(new BigFraction(lo)).abs()).as("%s", f)
                    .isLessThanOrEqualTo(rest.abs().multiply(new BigFraction(java.math.BigInteger.valueOf(4), java.math.BigInteger.ONE.shiftLeft(53))));
        }
    }
}
