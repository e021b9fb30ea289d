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

    /**
     * The double nearest a fraction, within a few ulps, whatever the size of numerator and denominator, for any
     * quotient between 2^-900 and 2^900. Commons Math's {@code BigFraction.doubleValue()} divides the two as doubles
     * and returns 0 or infinity once either passes 2^1024 (2^1000 / (2^1030 + 1) gives 0). Here the larger is first
     * cut to 1,000 bits and the smaller by as much, which keeps at least 100 bits of each for quotients in that
     * range; each is then rounded once and divided once: three roundings of 2^-53 at most.
     */
    public static double toDouble(BigFraction f) {
        return toDouble(f.getNumerator(), f.getDenominator());
    }

    /** As {@link #toDouble(BigFraction)} for {@code numerator / denominator} (denominator positive, not reduced). */
    public static double toDouble(BigInteger numerator, BigInteger denominator) {
        int shift = Math.max(numerator.bitLength(), denominator.bitLength()) - 1000;
        if (shift > 0) {
            numerator = numerator.shiftRight(shift);
            denominator = denominator.shiftRight(shift);
        }
        return numerator.doubleValue() / denominator.doubleValue();
    }

    /**
     * A double nearest a fraction, for quotients between 2^-900 and 2^900: {@link #toDouble} plus its own exact
     * error, rounded once. It is within half an ulp of the fraction, and 2^-50 ulp more where the fraction is that
     * close to a tie (it may then be the other neighbour); a hot loop that leaves out the rest
     * {@code f - nearestDouble(f)} errs by no more.
     */
    public static double nearestDouble(BigFraction f) {
        double estimate = toDouble(f);
        if (!Double.isFinite(estimate) || estimate == 0) {
            return estimate;
        }
        return estimate + toDouble(f.subtract(new BigFraction(estimate)));
    }

    /** A fraction as a decimal with {@code scale} places, rounded half-up: for display only. */
    public static BigDecimal toDecimal(BigFraction f, int scale) {
        return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), scale, RoundingMode.HALF_UP);
    }

}
