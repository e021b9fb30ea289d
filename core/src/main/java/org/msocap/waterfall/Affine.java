package org.msocap.waterfall;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * An exact amount together with its rate of change in the equity proceeds: {@code value + slope × dP}.
 *
 * <p>The engine runs once on these numbers. With slope 0 it is the plain exact waterfall; with the
 * proceeds given slope 1 every payout comes out as the exact straight line that holds just to the right
 * of that exit value, which is what the breakpoint table is built from. Comparisons are lexicographic
 * (value, then slope), so at a kink the engine picks the state that holds immediately above it.
 */
record Affine(BigFraction value, BigFraction slope) implements Comparable<Affine> {

    static final Affine ZERO = new Affine(BigFraction.ZERO, BigFraction.ZERO);

    static Affine constant(BigFraction value) {
        return new Affine(value, BigFraction.ZERO);
    }

    Affine plus(Affine o) {
        return new Affine(add(value, o.value), add(slope, o.slope));
    }

    Affine minus(Affine o) {
        return new Affine(sub(value, o.value), sub(slope, o.slope));
    }

    Affine times(BigFraction k) {
        return new Affine(mul(value, k), mul(slope, k));
    }

    Affine dividedBy(BigFraction k) {
        return new Affine(value.divide(k), isZero(slope) ? BigFraction.ZERO : slope.divide(k));
    }

    boolean isZero() {
        return isZero(value) && isZero(slope);
    }

    int signum() {
        int s = value.compareTo(BigFraction.ZERO);
        return s != 0 ? s : slope.compareTo(BigFraction.ZERO);
    }

    @Override
    public int compareTo(Affine o) {
        int c = value.compareTo(o.value);
        return c != 0 ? c : slope.compareTo(o.slope);
    }

    static boolean isZero(BigFraction f) {
        return f.getNumerator().signum() == 0;
    }

    /**
     * Exact equality of two fractions. BigFraction keeps itself in lowest terms with a positive denominator, so equal
     * values have equal numerators and denominators; its own equals reduces both sides again (two gcds) first.
     */
    static boolean same(BigFraction a, BigFraction b) {
        return a == b || a.getNumerator().equals(b.getNumerator()) && a.getDenominator().equals(b.getDenominator());
    }

    // BigFraction reduces by gcd on every operation; skipping the zero cases keeps the exact path fast.
    static BigFraction add(BigFraction a, BigFraction b) {
        return isZero(a) ? b : isZero(b) ? a : a.add(b);
    }

    static BigFraction sub(BigFraction a, BigFraction b) {
        return isZero(b) ? a : a.subtract(b);
    }

    static BigFraction mul(BigFraction a, BigFraction b) {
        return isZero(a) || isZero(b) ? BigFraction.ZERO : a.multiply(b);
    }
}
