package org.msocap.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The one place where an exact quantity becomes whole cents. Half-up, as a person checking the numbers
 * by hand would round. Splits that must add up go through {@link Allocation} instead.
 */
public final class Rounding {

    public static final RoundingMode MODE = RoundingMode.HALF_UP;

    private Rounding() {
    }

    public static Money toCents(BigDecimal exact) {
        return new Money(exact.setScale(2, MODE));
    }

    public static Money toCents(BigFraction exact) {
        return new Money(new BigDecimal(exact.getNumerator()).divide(new BigDecimal(exact.getDenominator()), 2, MODE));
    }
}
