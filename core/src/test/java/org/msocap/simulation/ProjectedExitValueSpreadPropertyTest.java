package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.money.Allocation;

/**
 * The projection's spread of a year's amount over the months of an annual amount, computed from two quotients, equals
 * the largest-remainder split over the twelve months themselves ({@link Allocation#largestRemainder}); QuickTheories
 * with a fixed seed.
 */
class ProjectedExitValueSpreadPropertyTest {

    @Test
    void spreadOverMonthsEqualsTheSplitOverTheMonths() {
        // Small amounts tie often (equal remainders, decided by month); large ones take the wide multiplication, and the
        // window sums of a share (shapes 1 and 3, and 0 below the annual amount) their products past 2^63.
        qt().withFixedSeed(17L).withExamples(20_000)
                .forAll(integers().between(0, 62), longs().between(0, Long.MAX_VALUE), integers().between(0, 50), integers().between(0, 3))
                .checkAssert((bits, seed, totalBits, shape) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    long annual = bits == 0 ? 0 : random.nextLong(1L << Math.min(bits, 50));
                    long total = switch (shape) {
                        case 0 -> random.nextLong(1L << Math.min(totalBits, 50) + 1);  // unrelated
                        case 1 -> annual == 0 ? 0 : random.nextLong(annual + 1);          // a share of it, as compensation
                        case 2 -> random.nextLong(-1000, 1000);                           // small, either sign
                        default -> annual;                                                // all of it
                    };
                    long[] months = new long[12];
                    List<BigFraction> weights = new ArrayList<>();
                    for (int k = 0; k < 12; k++) {
                        months[k] = Math.floorDiv(annual, 12) + (k < annual - 12 * Math.floorDiv(annual, 12) ? 1 : 0);
                        weights.add(new BigFraction(months[k]));
                    }
                    long[] fast = new long[12];
                    ProjectedExitValue.spreadOverMonths(total, annual, fast);
                    long[] general = new long[12];
                    ProjectedExitValue.spread(total, months, general);
                    assertThat(fast).as("total %d over %d", total, annual).containsExactly(general);
                    for (int from = 0; from < 12; from++) {
                        for (int to = from; to < 12; to++) {
                            long sum = 0;
                            for (int k = from; k <= to; k++) {
                                sum += fast[k];
                            }
                            assertThat(ProjectedExitValue.spreadOverMonths(total, annual, from, to))
                                    .as("months %d-%d of %d over %d", from, to, total, annual).isEqualTo(sum);
                        }
                    }
                    if (annual > 0 && total >= 0) {
                        assertThat(fast).as("total %d over %d", total, annual).containsExactly(Allocation.largestRemainder(total, weights));
                    }
                });
    }

    /**
     * Every small annual amount and every share of it, over every window: the larger months' quotient derived from the
     * smaller's (one more exactly when the remainder and the total reach the annual amount) meets each edge, e.g. 8 over
     * 24, where they sum to it exactly.
     */
    @Test
    void windowSumsOfEverySmallShareEqualTheMonths() {
        long[] months = new long[12];
        for (long annual = 1; annual <= 400; annual++) {
            for (long total = 0; total <= annual; total++) {
                ProjectedExitValue.spreadOverMonths(total, annual, months);
                for (int from = 0; from < 12; from++) {
                    long sum = 0;
                    for (int to = from; to < 12; to++) {
                        sum += months[to];
                        assertThat(ProjectedExitValue.spreadOverMonths(total, annual, from, to))
                                .as("months %d-%d of %d over %d", from, to, total, annual).isEqualTo(sum);
                    }
                }
            }
        }
    }

    @Test
    void grownCentsRoundTheExactPowerHalfUp() {
        // Growth near a tie is rare at random, so amounts are also built to land on or next to a half cent in year 1.
        qt().withFixedSeed(18L).withExamples(20_000)
                .forAll(longs().between(0, 1L << 46), integers().between(-99, 400), integers().between(0, 20), integers().between(0, 2))
                .checkAssert((cents, percent, year, nearTie) -> {
                    double g = nearTie == 0 ? percent / 100.0 + Math.scalb((double) (cents % 1000), -20) : percent / 100.0;
                    long amount = nearTie == 2 ? cents - cents % 200 + 50 : cents;   // x.5 cents at 1% growth in year 1
                    java.math.BigDecimal exact = java.math.BigDecimal.valueOf(amount)
                            .multiply(java.math.BigDecimal.ONE.add(new java.math.BigDecimal(g)).pow(year));
                    if (exact.compareTo(java.math.BigDecimal.valueOf(1L << 46)) < 0) {   // within the amount limit
                        long expected = org.msocap.money.Rounding.toCents(exact.movePointLeft(2)).cents();
                        assertThat(ProjectedExitValue.grownCents(amount, g, year)).as("%d cents at %s for %d years", amount, g, year)
                                .isEqualTo(expected);
                    }
                });
    }

    @Test
    void aMonthsCachedEbitdaEqualsItsProjection() {
        // With nothing drawn each month is projected once and kept: the kept value is the one projected afresh.
        org.msocap.fees.FeeModel model = org.msocap.fees.FeeModel.resolve(ProjectedExitValueTest.otherBases());
        ProjectedExitValue cached = ProjectedExitValue.of(model);
        for (int pass = 0; pass < 2; pass++) {
            for (java.time.LocalDate d = java.time.LocalDate.of(2027, 1, 31); d.getYear() < 2031; d = d.plusMonths(1)) {
                int day = (int) d.withDayOfMonth(d.lengthOfMonth()).toEpochDay();
                long fresh = ProjectedExitValue.of(model).ttmEbitdaCents(day, Double.NaN, Double.NaN);
                assertThat(cached.ttmEbitdaCents(day, Double.NaN, Double.NaN)).as("%s, pass %d", d, pass).isEqualTo(fresh);
                assertThat(cached.ttmEbitdaCents(day, 0.0, Double.NaN)).as("%s drawn", d).isNotEqualTo(fresh);
            }
        }
    }
}
