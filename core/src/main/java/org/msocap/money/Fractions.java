package org.msocap.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.commons.math3.fraction.BigFraction;

/** Exact conversions between decimals and fractions; BigFraction(double) would not be exact for 0.1. */
public final class Fractions {

    private Fractions() {
    }

    public static BigFraction of(BigDecimal value) {
        if (value.scale() <= 0) {
            return new BigFraction(value.toBigIntegerExact());
        }
        return new BigFraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    public static BigFraction of(Money money) {
        return of(money.amount());
    }

    /** A fraction as a decimal with {@code scale} places, rounded half-up: for display only. */
    public static BigDecimal toDecimal(BigFraction f, int scale) {
        return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), scale, RoundingMode.HALF_UP);
    }

}
