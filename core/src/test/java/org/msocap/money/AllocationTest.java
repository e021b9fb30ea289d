package org.msocap.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void splitsAHundredDollarsInThreeAddingUpToTheCent() {
        List<Money> parts = Allocation.proportional(Money.of(100),
                List.of(BigFraction.ONE, BigFraction.ONE, BigFraction.ONE));
        assertThat(parts).containsExactly(Money.of("33.34"), Money.of("33.33"), Money.of("33.33"));
    }

    @Test
    void largestRemainderGivesLeftoverUnitsToTheLargestFractions() {
        // 10 units in 1/6, 2/6, 3/6: exact 1.667, 3.333, 5 -> floors 1, 3, 5; the leftover unit goes to 1.667.
        long[] units = Allocation.largestRemainder(10, List.of(new BigFraction(1), new BigFraction(2), new BigFraction(3)));
        assertThat(units).containsExactly(2, 3, 5);
    }

    @Test
    void wholeWeightsSplitExactlyAsTheSameProportionsInFractions() {
        // Whole weights take an integer path; the same weights over a prime (never whole) take the fractional one.
        BigFraction prime = new BigFraction(1_000_000_007L);
        qt().withFixedSeed(20261202L).withExamples(1000)
                .forAll(longs().between(-1_000_000_000_000L, 10_000_000_000_000L),
                        lists().of(integers().between(0, 5)).ofSizeBetween(1, 40), longs().between(1, 1_000_000_000L))
                .assuming((units, shape, scale) -> shape.stream().anyMatch(w -> w > 0))
                .checkAssert((units, shape, scale) -> {
                    // Few distinct weights, scaled: many equal remainders, so the tie rule is exercised.
                    List<BigFraction> whole = shape.stream().map(w -> new BigFraction(w * scale)).toList();
                    List<BigFraction> fractional = whole.stream().map(w -> w.divide(prime)).toList();
                    assertThat(fractional).anyMatch(w -> !w.getDenominator().equals(java.math.BigInteger.ONE));
                    assertThat(Allocation.largestRemainder(units, whole)).containsExactly(Allocation.largestRemainder(units, fractional));
                });
    }

    @Test
    void exactPartsMustAddUpToTheTotal() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Allocation.toCents(Money.of(10),
                List.of(new BigFraction(3), new BigFraction(3)))).hasMessageContaining("parts sum to");
    }

    @Test
    void proportionalPartsAlwaysAddUpAndStayWithinOneCentOfExact() {
        qt().withFixedSeed(20261127L).withExamples(500)
                .forAll(longs().between(0, 10_000_000_000L), lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 30))
                .assuming((cents, weights) -> weights.stream().anyMatch(w -> w > 0))
                .checkAssert((cents, weights) -> {
                    Money total = Money.ofCents(cents);
                    List<BigFraction> w = weights.stream().map(BigFraction::new).toList();
                    List<Money> parts = Allocation.proportional(total, w);
                    assertThat(parts.stream().map(Money::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                            .isEqualByComparingTo(total.amount());
                    BigFraction sum = w.stream().reduce(BigFraction.ZERO, BigFraction::add);
                    for (int i = 0; i < parts.size(); i++) {
                        BigFraction exactCents = w.get(i).multiply(cents).divide(sum);
                        BigFraction diff = new BigFraction(parts.get(i).cents()).subtract(exactCents).abs();
                        assertThat(diff.compareTo(BigFraction.ONE)).isLessThan(0);
                    }
                });
    }
}
