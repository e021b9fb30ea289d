package org.msocap.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
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
}
