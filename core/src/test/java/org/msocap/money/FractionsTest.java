package org.msocap.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class FractionsTest {

    @Test
    void toDoubleKeepsItsPrecisionWhenNumeratorAndDenominatorPassDoubleRange() {
        BigInteger twoTo1000 = BigInteger.ONE.shiftLeft(1000);
        BigInteger twoTo1030 = BigInteger.ONE.shiftLeft(1030);
        BigFraction tiny = new BigFraction(twoTo1000, twoTo1030.add(BigInteger.ONE));
        assertThat(tiny.doubleValue()).as("Commons Math's own conversion").isZero();
        assertThat(Fractions.toDouble(tiny)).isEqualTo(0x1p-30);
        BigFraction third = new BigFraction(BigInteger.ONE.shiftLeft(1100), BigInteger.ONE.shiftLeft(1100).multiply(BigInteger.valueOf(3)).add(BigInteger.ONE));
        assertThat(Fractions.toDouble(third)).isCloseTo(1.0 / 3, within(1e-16));
        assertThat(Fractions.toDouble(new BigFraction(-7, 4))).isEqualTo(-1.75);
        assertThat(Fractions.toDouble(BigFraction.ZERO)).isZero();
        assertThat(Fractions.toDouble(new BigFraction(1, 3))).isEqualTo(1.0 / 3);
    }

    @Test
    void nearestDoubleIsWithinHalfAnUlp() {
        // toDouble alone is a few ulps off for wide fractions; the error must drop to half an ulp (and a hair).
        qt().withFixedSeed(20261127L).withExamples(2000)
                .forAll(integers().between(1, 300), integers().between(1, 300), longs().all())
                .checkAssert((numeratorBits, denominatorBits, seed) -> {
                    Random random = new Random(seed);
                    BigInteger numerator = new BigInteger(numeratorBits, random).add(BigInteger.ONE);
                    BigInteger denominator = new BigInteger(denominatorBits, random).add(BigInteger.ONE);
                    BigFraction f = new BigFraction(random.nextBoolean() ? numerator : numerator.negate(), denominator);
                    double d = Fractions.nearestDouble(f);
                    BigFraction error = f.subtract(Fractions.of(new BigDecimal(d))).abs();
                    BigFraction halfUlp = Fractions.of(new BigDecimal(Math.ulp(d))).multiply(new BigFraction(1, 2))
                            .multiply(BigFraction.ONE.add(new BigFraction(BigInteger.ONE, BigInteger.ONE.shiftLeft(49))));
                    assertThat(error.compareTo(halfUlp)).as("|%s - %s|", f, d).isLessThanOrEqualTo(0);
                });
        assertThat(Fractions.nearestDouble(new BigFraction(1, 3))).isEqualTo(1.0 / 3);
        assertThat(Fractions.nearestDouble(BigFraction.ZERO)).isZero();
    }
}
